"""Tests of the scorer in diplo_events.drafting.evaluate, on a tiny gold set and fake extractors."""

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import diplo_events as de
from diplo_events.drafting import evaluate as ev

TEXT = (
    "Foreign Minister Ana Lopes spoke by phone with her Spanish counterpart Jon Berg"
    " on Monday. “We agreed to meet again,” Lopes said. “Talks go on,” Berg said."
    " Lopes called on Madrid to reopen the border.\n"
)
PUBLISHED = dt.date(2021, 3, 3)
GOLD = {
    "origin": "written for diplo_events; fictional people and events",
    "published": "2021-03-03",
    "notes": "a tiny set for the scorer's own tests",
    "meetings": [
        {
            "kind": "phone_call",
            "date": "2021-03-01",
            "location": None,
            "participants": ["Ana Lopes", "Jon Berg"],
            "cue": "spoke by phone",
        }
    ],
    "participants": [
        {"name": "Ana Lopes", "aliases": [], "title": "Foreign Minister", "country": "PRT"},
        {"name": "Jon Berg", "aliases": [], "title": "Foreign Minister", "country": "ESP"},
    ],
    "quotes": [
        {"text": "We agreed to meet again,", "speaker": "Ana Lopes"},
        {"text": "Talks go on,", "speaker": "Jon Berg"},
    ],
    "reported": [],
    "demands": [
        {"cue": "called on Madrid to reopen the border", "actor": "Ana Lopes", "addressee": "Spain"}
    ],
    "proposals": [],
    "references": [{"cue": "meet again", "relation": "planned", "date": None}],
}

SOURCE = de.Source(text=TEXT, published=de.UncertainDate.day(PUBLISHED))
LOPES = de.Person(name="Ana Lopes")
BERG = de.Person(name="Jon Berg")
PORTUGAL = de.Organization(name="Portugal", kind=de.OrganizationKind.STATE, country="PRT")
SPAIN = de.Organization(name="Spain", kind=de.OrganizationKind.STATE, country="ESP")


def cite(words: str, *, shift: int = 0) -> de.Citation:
    start = TEXT.index(words) + shift
    return de.Citation(
        source=SOURCE.id,
        spans=(de.Span(start=start, end=start + len(words)),),
        quote=TEXT[start : start + len(words)],
    )


CALL = de.Meeting(
    kind=de.MeetingKind.PHONE_CALL,
    date=de.UncertainDate.day(dt.date(2021, 3, 1)),
    participants=(
        de.Participant(actor=LOPES.id, title="Foreign Minister", represents=PORTUGAL.id),
        de.Participant(actor=BERG.id, title="Foreign Minister", represents=SPAIN.id),
    ),
    citations=(cite("spoke by phone"),),
)


def quote(speaker: de.Person, words: str) -> de.Statement:
    return de.Statement(
        speaker=speaker.id,
        text=words,
        mode=de.StatementMode.DIRECT_QUOTE,
        meeting=CALL.id,
        citations=(cite(words),),
    )


AGREED = quote(LOPES, "We agreed to meet again,")
GO_ON = quote(BERG, "Talks go on,")
BORDER = de.Demand(
    actor=LOPES.id,
    content="reopen the border",
    addressees=(SPAIN.id,),
    citations=(cite("called on Madrid to reopen the border"),),
)
AGAIN = de.Reference(
    subject=CALL.id,
    relation=de.Relation.PLANNED,
    description="a next meeting",
    citations=(cite("meet again"),),
)
DRAFTS = de.Collection(
    records=[SOURCE, LOPES, BERG, PORTUGAL, SPAIN, CALL, AGREED, GO_ON, BORDER, AGAIN]
)

#: (hits, predicted, gold) per category when every draft is right.
PERFECT = {
    "meetings": (1, 1, 1),
    "meeting dates": (1, 1, 1),
    "participants": (2, 2, 2),
    "direct quotes": (2, 2, 2),
    "speakers": (2, 2, 2),
    "reported statements": (0, 0, 0),
    "relays": (0, 0, 0),
    "demands": (1, 1, 1),
    "proposals": (0, 0, 0),
    "references": (1, 1, 1),
}


def returning(collection: de.Collection) -> ev.Extractor:
    """A fake extractor that drafts *collection* from any text."""

    def extractor(text: str, *, published: dt.date) -> de.Collection:
        del text, published
        return collection

    return extractor


def replaced(old: de.Record, *new: de.Record) -> de.Collection:
    """The drafts with *old* swapped for *new* (nothing: *old* dropped)."""
    records: list[de.Record] = []
    for record in DRAFTS.records:
        records.extend(new if record is old else (record,))
    return de.Collection(records=records)


def counts(tallies: dict[str, ev.Tally]) -> dict[str, tuple[int, int, int]]:
    return {name: (t.hits, t.predicted, t.gold) for name, t in tallies.items()}


def write_set(folder: Path, name: str = "call") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


@pytest.fixture
def gold_set(tmp_path: Path) -> Path:
    return write_set(tmp_path / "set")


class TestTally:
    def test_adds_counts(self) -> None:
        """add() sums the counts of every text."""
        tally = ev.Tally()
        tally.add(1, 2, 3)
        tally.add(hits=2, predicted=2, gold=1)
        assert tally == ev.Tally(hits=3, predicted=4, gold=4)

    def test_arithmetic(self) -> None:
        """Precision is hits over predicted, recall hits over gold, F1 their harmonic mean."""
        tally = ev.Tally(hits=3, predicted=4, gold=6)
        assert tally.precision == 0.75
        assert tally.recall == 0.5
        assert tally.f1 == pytest.approx(0.6)

    def test_nothing_predicted(self) -> None:
        """With nothing predicted, precision is 1.0 and recall 0.0."""
        tally = ev.Tally(hits=0, predicted=0, gold=5)
        assert (tally.precision, tally.recall, tally.f1) == (1.0, 0.0, 0.0)

    def test_nothing_in_gold(self) -> None:
        """With nothing in the gold, recall is 1.0 and every prediction costs precision."""
        tally = ev.Tally(hits=0, predicted=4, gold=0)
        assert (tally.precision, tally.recall, tally.f1) == (0.0, 1.0, 0.0)

    def test_nothing_at_all(self) -> None:
        """Nothing predicted where the gold holds nothing is a perfect score."""
        tally = ev.Tally()
        assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0)

    def test_all_wrong(self) -> None:
        """No hit among predictions and gold items scores 0.0, not a division by zero."""
        tally = ev.Tally(hits=0, predicted=3, gold=2)
        assert (tally.precision, tally.recall, tally.f1) == (0.0, 0.0, 0.0)


class TestSpans:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ((0, 5), (4, 8), True),
            ((0, 5), (5, 8), False),
            ((2, 3), (0, 10), True),
            ((0, 1), (0, 1), True),
            ((6, 9), (0, 6), False),
        ],
    )
    def test_overlaps(self, a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:  # noqa: FBT001
        """Two ranges overlap when they share a character, in either order."""
        assert ev._overlaps(a, b) is expected
        assert ev._overlaps(b, a) is expected

    def test_cue_span(self) -> None:
        """A cue's span is where it occurs in the text."""
        start, end = ev._cue_span(TEXT, "Talks go on,")
        assert TEXT[start:end] == "Talks go on,"

    def test_first_span(self) -> None:
        """A citation is placed by its first span."""
        citation = de.Citation(
            source=SOURCE.id, spans=(de.Span(start=4, end=9), de.Span(start=20, end=30))
        )
        assert ev._first_span(citation) == (4, 9)


class TestMatchPairs:
    def test_each_prediction_used_once(self) -> None:
        """A predicted item matches one gold item at most, in gold order."""
        pairs = ev._match_pairs(["a", "a", "b"], ["b", "a"], lambda g, p: g == p)
        assert pairs == [("a", "a"), ("b", "b")]

    def test_first_free_candidate_wins(self) -> None:
        """A gold item takes the first free prediction that matches it."""
        pairs = ev._match_pairs([1, 2], [10, 20, 30], lambda g, p: p > g * 10)
        assert pairs == [(1, 20), (2, 30)]

    def test_nothing_matches(self) -> None:
        """With no match, there is no pair."""
        assert ev._match_pairs([1], [2], lambda g, p: g == p) == []


class TestLoadSet:
    def test_reads_texts_and_gold_showcase_first(self, tmp_path: Path) -> None:
        """Every text comes with its gold, sorted by name, the showcase first."""
        for name in ("b-talks", ev.SHOWCASE, "a-call"):
            write_set(tmp_path, name)
        items = ev.load_set(tmp_path)
        assert [name for name, _, _ in items] == [ev.SHOWCASE, "a-call", "b-talks"]
        assert all(text == TEXT and gold == GOLD for _, text, gold in items)

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is an error, not an empty set that scores 1.0."""
        with pytest.raises(FileNotFoundError, match="no evaluation set at"):
            ev.load_set(tmp_path / "nowhere")

    def test_text_without_gold(self, gold_set: Path) -> None:
        """A text without its gold file is an error."""
        (gold_set / "lone.txt").write_text(TEXT, encoding="utf-8")
        with pytest.raises(FileNotFoundError, match=r"lone\.gold\.json"):
            ev.load_set(gold_set)


class TestScoreText:
    def test_adds_to_the_tallies(self) -> None:
        """Scoring a text adds its counts to the tallies given."""
        tallies = {name: ev.Tally() for name in ev.CATEGORIES}
        ev.score_text(TEXT, GOLD, DRAFTS, tallies)
        ev.score_text(TEXT, GOLD, DRAFTS, tallies)
        assert counts(tallies) == {
            name: (2 * h, 2 * p, 2 * g) for name, (h, p, g) in PERFECT.items()
        }

    def test_showcase_details(self) -> None:
        """The details list quotes, participants with title and country, claims and dates."""
        tallies = {name: ev.Tally() for name in ev.CATEGORIES}
        details = ev.score_text(TEXT, GOLD, DRAFTS, tallies)
        assert details == {
            "quotes": (2, 2, 2, 2),
            "participants": [("Ana Lopes", True, True), ("Jon Berg", True, True)],
            "gold participants": 2,
            "demands": (1, 1),
            "proposals": (0, 0),
            "reference dates": [],
        }


class TestEvaluate:
    def test_perfect_extractor(self, gold_set: Path) -> None:
        """Drafts that match the gold score 1.0 in every category, and validate."""
        result = ev.evaluate(gold_set, extractor=returning(DRAFTS))
        assert list(result.tallies) == list(ev.CATEGORIES)
        assert counts(result.tallies) == PERFECT
        assert all(t.f1 == 1.0 for t in result.tallies.values())
        assert result.validation_errors == [("call", 0)]
        assert result.showcase == {}

    def test_dropped_quote_loses_recall(self, gold_set: Path) -> None:
        """An extractor that misses one of two quotes keeps its precision and halves recall."""
        drafts = replaced(GO_ON)
        result = ev.evaluate(gold_set, extractor=returning(drafts))
        quotes = result.tallies["direct quotes"]
        assert (quotes.hits, quotes.predicted, quotes.gold) == (1, 1, 2)
        assert (quotes.precision, quotes.recall) == (1.0, 0.5)
        assert quotes.f1 == pytest.approx(2 / 3)
        assert counts(result.tallies) == {
            **PERFECT,
            "direct quotes": (1, 1, 2),
            "speakers": (1, 1, 2),
        }

    def test_quote_off_by_one_is_wrong(self, gold_set: Path) -> None:
        """A quote must have the gold span exactly: one character off is a miss and a false hit."""
        shifted = attrs.evolve(GO_ON, citations=(cite("Talks go on,", shift=1),))
        result = ev.evaluate(gold_set, extractor=returning(replaced(GO_ON, shifted)))
        assert counts(result.tallies)["direct quotes"] == (1, 2, 2)

    def test_wrong_speaker(self, gold_set: Path) -> None:
        """A quote with the gold span but another speaker counts for quotes, not speakers."""
        misread = attrs.evolve(GO_ON, speaker=LOPES.id)
        result = ev.evaluate(gold_set, extractor=returning(replaced(GO_ON, misread)))
        assert counts(result.tallies)["direct quotes"] == (2, 2, 2)
        assert counts(result.tallies)["speakers"] == (1, 2, 2)

    def test_relays(self, tmp_path: Path) -> None:
        """A relay counts when the gold and the draft name the same relayer."""
        relayed_gold = {
            **GOLD,
            "quotes": [{**GOLD["quotes"][0], "reported_by": "Jon Berg"}, GOLD["quotes"][1]],
        }
        folder = tmp_path / "relayed"
        folder.mkdir()
        (folder / "call.txt").write_text(TEXT, encoding="utf-8")
        (folder / "call.gold.json").write_text(json.dumps(relayed_gold), encoding="utf-8")
        right = attrs.evolve(AGREED, reported_by=BERG.id)
        wrong = attrs.evolve(AGREED, reported_by=LOPES.id)
        missed = ev.evaluate(folder, extractor=returning(DRAFTS))
        assert counts(missed.tallies)["relays"] == (0, 0, 1)
        found = ev.evaluate(folder, extractor=returning(replaced(AGREED, right)))
        assert counts(found.tallies)["relays"] == (1, 1, 1)
        misread = ev.evaluate(folder, extractor=returning(replaced(AGREED, wrong)))
        assert counts(misread.tallies)["relays"] == (0, 1, 1)
        # a relay the gold does not have is a false one
        extra = ev.evaluate(
            folder, extractor=returning(replaced(GO_ON, attrs.evolve(GO_ON, reported_by=LOPES.id)))
        )
        assert counts(extra.tallies)["relays"] == (0, 1, 1)

    def test_body_named_as_in_the_text(self, tmp_path: Path) -> None:
        """A gold speaker "Spanish Foreign Ministry" is the drafted ministry of Spain."""
        body_gold = {
            **GOLD,
            "quotes": [
                GOLD["quotes"][0],
                {**GOLD["quotes"][1], "speaker": "Spanish Foreign Ministry"},
            ],
        }
        folder = tmp_path / "body"
        folder.mkdir()
        (folder / "call.txt").write_text(TEXT, encoding="utf-8")
        (folder / "call.gold.json").write_text(json.dumps(body_gold), encoding="utf-8")
        spanish = de.Organization(
            name="Ministry of Foreign Affairs of Spain",
            kind=de.OrganizationKind.MINISTRY,
            country="ESP",
        )
        portuguese = de.Organization(
            name="Ministry of Foreign Affairs of Portugal",
            kind=de.OrganizationKind.MINISTRY,
            country="PRT",
        )
        for body, right in ((spanish, 2), (portuguese, 1)):
            said = attrs.evolve(GO_ON, speaker=body.id)
            drafts = de.Collection(records=[*replaced(GO_ON, said).records, body])
            result = ev.evaluate(folder, extractor=returning(drafts))
            assert counts(result.tallies)["speakers"] == (right, 2, 2)

    def test_wrong_meeting_date(self, gold_set: Path) -> None:
        """A meeting matched with another date counts for meetings, not meeting dates."""
        misdated = attrs.evolve(CALL, date=de.UncertainDate.day(dt.date(2021, 3, 2)))
        result = ev.evaluate(gold_set, extractor=returning(replaced(CALL, misdated)))
        assert counts(result.tallies)["meetings"] == (1, 1, 1)
        assert counts(result.tallies)["meeting dates"] == (0, 1, 1)

    def test_planned_meeting_is_not_one(self, gold_set: Path) -> None:
        """A meeting drafted as planned is not counted as one that took place."""
        planned = attrs.evolve(CALL, status=de.EventStatus.PLANNED)
        result = ev.evaluate(gold_set, extractor=returning(replaced(CALL, planned)))
        assert counts(result.tallies)["meetings"] == (0, 0, 1)
        assert counts(result.tallies)["participants"] == (0, 0, 2)

    def test_reference_needs_its_relation(self, gold_set: Path) -> None:
        """A reference over the gold cue with another relation is no match."""
        previous = attrs.evolve(AGAIN, relation=de.Relation.PREVIOUS)
        result = ev.evaluate(gold_set, extractor=returning(replaced(AGAIN, previous)))
        assert counts(result.tallies)["references"] == (0, 1, 1)

    def test_extractor_called_with_gold_publication_date(self, gold_set: Path) -> None:
        """The extractor gets each text and its gold publication date."""
        calls: list[tuple[str, dt.date]] = []

        def spy(text: str, *, published: dt.date) -> de.Collection:
            calls.append((text, published))
            return DRAFTS

        ev.evaluate(gold_set, extractor=spy)
        assert calls == [(TEXT, PUBLISHED)]

    def test_showcase_details_returned(self, tmp_path: Path) -> None:
        """The showcase text's details are returned when the set holds it."""
        folder = write_set(tmp_path / "set", ev.SHOWCASE)
        result = ev.evaluate(folder, extractor=returning(DRAFTS))
        assert result.showcase["quotes"] == (2, 2, 2, 2)

    def test_validation_errors_counted(self, gold_set: Path) -> None:
        """Drafts that break cross-record rules are counted, text by text."""
        dangling = de.Collection(records=[r for r in DRAFTS.records if r is not LOPES])
        result = ev.evaluate(gold_set, extractor=returning(dangling))
        ((name, errors),) = result.validation_errors
        assert name == "call"
        assert errors > 0

    def test_rule_extractor_by_default(self, gold_set: Path) -> None:
        """Without an extractor, the rules of extract() are scored."""
        result = ev.evaluate(gold_set)
        assert result.tallies["direct quotes"].predicted > 0
        assert result.validation_errors == [("call", 0)]

    def test_not_callable(self, gold_set: Path) -> None:
        """An extractor that cannot be called is reported before any text is read."""
        with pytest.raises(de.FieldTypeError) as info:
            ev.evaluate(gold_set, extractor=DRAFTS)  # type: ignore[arg-type]
        assert info.value.field == "extractor"
        assert info.value.code == "type.mismatch"
        assert info.value.message == "'extractor' must be callable, got Collection"

    def test_returns_no_collection(self, gold_set: Path) -> None:
        """An extractor that returns something else than a Collection is named with its text."""
        with pytest.raises(de.FieldTypeError) as info:
            ev.evaluate(gold_set, extractor=returning(DRAFTS.records))  # type: ignore[arg-type]
        assert info.value.code == "type.mismatch"
        assert info.value.message == "'extractor' must return a Collection, got tuple for 'call'"
