"""validate() on hostile collections: loops of links, deep chains, invisible text."""

import datetime as dt
from typing import Any

import attrs
import pytest

import diplo_events as de
from diplo_events.model import Meeting, graph

DAY = de.UncertainDate.day(dt.date(2020, 12, 7))


def codes(records: list[Any]) -> list[tuple[str, str, str]]:
    """(path, code, message) of the issues validate() finds in *records*."""
    return [(i.path, i.code, i.message) for i in de.validate(records)]


class TestLoops:
    def test_two_meetings_each_part_of_the_other(self) -> None:
        """Meetings that are part of each other are one issue, with the loop's path."""
        first = de.Meeting(kind="talks", date=DAY)
        second = de.Meeting(kind="talks", date=DAY, part_of=first.id)
        first = attrs.evolve(first, part_of=second.id)
        below = de.Meeting(kind="talks", date=DAY, part_of=first.id)
        found = [c for c in codes([below, second, first]) if c[1] == "meeting.part_of_loop"]
        assert found == [
            (
                "$.records[1].part_of",
                "meeting.part_of_loop",
                (
                    "the 'part_of' links go round in a loop: "
                    "$.records[1] -> $.records[2] -> $.records[1]"
                ),
            )
        ]

    def test_organizations_whose_parents_loop(self) -> None:
        """Three organizations each the parent of the next make one issue."""
        orgs = [de.Organization(name=name, kind="ministry") for name in "XYZ"]
        orgs = [attrs.evolve(org, parent=orgs[(i + 1) % 3].id) for i, org in enumerate(orgs)]
        found = [c[:2] for c in codes(orgs)]
        assert found == [("$.records[0].parent", "organization.parent_loop")]

    def test_chains_without_loops_are_fine(self) -> None:
        """A long chain of part_of links, ending nowhere in the collection, is no loop."""
        chain = [de.Meeting(kind="talks", date=DAY)]
        for _ in range(50):
            chain.append(de.Meeting(kind="talks", date=DAY, part_of=chain[-1].id))
        assert codes(chain) == []


class CountingRecords(dict[str, Any]):
    """Records by id that count every look-up."""

    lookups = 0

    def get(self, record_id: str, default: Any = None) -> Any:
        CountingRecords.lookups += 1
        return super().get(record_id, default)


def family_cost(depth: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Look-ups and meeting comparisons of meeting_family() at the bottom of a chain."""
    chain = [de.Meeting(kind="talks", date=DAY)]
    for _ in range(depth):
        chain.append(de.Meeting(kind="talks", date=DAY, part_of=chain[-1].id))
    comparisons = 0
    original = Meeting.__eq__

    def counting_eq(self: Meeting, other: object) -> bool:
        nonlocal comparisons
        comparisons += 1
        return bool(original(self, other))

    monkeypatch.setattr(Meeting, "__eq__", counting_eq)
    CountingRecords.lookups = 0
    family = graph.meeting_family(CountingRecords({m.id: m for m in chain}), chain[-1])
    assert len(family) == depth + 1
    monkeypatch.undo()
    return CountingRecords.lookups + comparisons


def test_part_of_chains_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Walking a part_of chain costs work in proportion to its depth, not its square."""
    small, large = family_cost(200, monkeypatch), family_cost(800, monkeypatch)
    assert large <= 4 * small + 4


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", " \u200d\u2060 ", "\u00ad", "\u3164"])
def test_invisible_text_is_empty(invisible: str) -> None:
    """Text made only of invisible characters fails the non-empty rule, in code and in JSON."""
    with pytest.raises(de.FieldError) as info:
        de.Person(name=invisible)
    assert info.value.code == "value.empty"
    person = de.to_dict(de.Person(name="A"))
    with pytest.raises(de.ParseError) as parsed:
        de.from_dict({**person, "name": invisible})
    assert [(i.path, i.code) for i in parsed.value.issues] == [("$.name", "value.empty")]


def test_visible_text_with_invisible_characters_is_kept() -> None:
    """An invisible character beside a visible one is text."""
    assert de.Person(name="\u200bA\u200d").name == "\u200bA\u200d"
