"""Graph queries over records by id: the questions validate, strategies and drafting share."""

import datetime as dt
from typing import Any

import attrs
import pytest

import diplo_events as de
from diplo_events.model import graph

DAY = de.UncertainDate.day(dt.date(2020, 12, 7))


@pytest.fixture
def world() -> dict[str, Any]:
    lavrov = de.Person(id=de.stable_id("person", "lavrov"), name="Sergey Lavrov")
    russia = de.Organization(
        id=de.stable_id("organization", "rus"), name="Russia", kind="state", country="RUS"
    )
    mfa = de.Organization(
        id=de.stable_id("organization", "mfa"), name="MFA", kind="ministry", parent=russia.id
    )
    summit = de.Meeting(
        id=de.stable_id("meeting", "summit"),
        kind="summit",
        date=DAY,
        end_date=de.UncertainDate.day(dt.date(2020, 12, 8)),
    )
    talks = de.Meeting(
        id=de.stable_id("meeting", "talks"),
        kind="talks",
        date=DAY,
        part_of=summit.id,
        participants=[de.Participant(actor=lavrov.id, represents=mfa.id)],
    )
    source = de.Source(id=de.stable_id("source", "s"), text="We met in Moscow today.")
    remark = de.Statement(
        id=de.stable_id("statement", "r"),
        speaker=lavrov.id,
        text="We met",
        mode="direct_quote",
        meeting=talks.id,
        citations=[de.Citation(source=source.id, spans=[de.Span(start=0, end=6)])],
    )
    named = (lavrov, russia, mfa, summit, talks, source, remark)
    names = ("lavrov", "russia", "mfa", "summit", "talks", "source", "remark")
    return dict(zip(names, named, strict=True))


def _records(named: dict[str, Any]) -> dict[str, Any]:
    """The records by id, as graph queries take them."""
    return {record.id: record for record in named.values()}


class TestQueries:
    def test_event_dates_from_meeting(self, world: dict[str, Any]) -> None:
        """A statement without a date takes its meeting's; a summit spans its days."""
        records = _records(world)
        assert graph.event_dates(records, world["remark"]) == (DAY, DAY)
        summit = graph.event_dates(records, world["summit"])
        assert [str(d) for d in summit or ()] == ["2020-12-07", "2020-12-08"]
        assert graph.event_dates(records, world["lavrov"]) is None

    def test_within_and_speaks_for(self, world: dict[str, Any]) -> None:
        """A minister represents the ministry, which is within the state."""
        records = _records(world)
        lavrov, russia, mfa = world["lavrov"].id, world["russia"].id, world["mfa"].id
        assert graph.within(records, mfa, russia)
        assert not graph.within(records, russia, mfa)
        assert graph.speaks_for(records, lavrov, russia, world["talks"].id)
        assert not graph.speaks_for(records, lavrov, russia, None)

    def test_parent_loop_ends(self, world: dict[str, Any]) -> None:
        """Organizations whose parents loop do not hang the query."""
        world["russia"] = attrs.evolve(world["russia"], parent=world["mfa"].id)
        elsewhere = de.stable_id("organization", "elsewhere")
        assert not graph.within(_records(world), world["mfa"].id, elsewhere)

    def test_meeting_family(self, world: dict[str, Any]) -> None:
        """The talks and the summit they are part of, nearest first."""
        family = graph.meeting_family(_records(world), world["talks"])
        assert [m.kind for m in family] == ["talks", "summit"]

    def test_cited_words_and_paths(self, world: dict[str, Any]) -> None:
        """The words at a citation's spans, and where each citation sits."""
        ((citation, path),) = graph.citations(world["remark"])
        assert path == "$.citations[0]"
        assert graph.cited_words(_records(world), citation) == "We met"
        assert graph.cited_words({}, citation) is None

    def test_a_collection_answers_too(self, world: dict[str, Any]) -> None:
        """A Collection serves as the records to ask, like a dict does."""
        collection = de.Collection(records=list(world.values()))
        remark = world["remark"]
        assert graph.event_dates(collection, remark) == graph.event_dates(_records(world), remark)
