"""Tests for `diplo_events.strategies`: valid instances of the right type, of every shape."""

import datetime as dt
import importlib
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from diplo_events import (
    ELISION,
    RECORD_TYPES,
    Citation,
    Code,
    Collection,
    DateDerivation,
    Demand,
    ExternalId,
    Location,
    Meeting,
    Organization,
    Participant,
    Person,
    Position,
    Precision,
    Proposal,
    Record,
    Reference,
    Response,
    Source,
    Span,
    Statement,
    StatementMode,
    UncertainDate,
    id_type,
    is_id,
    validate,
)
from diplo_events import strategies as ds
from diplo_events.model._countries import ALL_CODES

_SETTINGS: dict[str, Any] = {"deadline": None, "database": None}

MODEL_STRATEGIES = [
    (ds.date_derivations, DateDerivation),
    (ds.uncertain_dates, UncertainDate),
    (ds.external_ids, ExternalId),
    (ds.codes, Code),
    (ds.locations, Location),
    (ds.spans, Span),
    (ds.citations, Citation),
    (ds.positions, Position),
    (ds.participants, Participant),
    (ds.responses, Response),
    (ds.persons, Person),
    (ds.organizations, Organization),
    (ds.meetings, Meeting),
    (ds.statements, Statement),
    (ds.demands, Demand),
    (ds.proposals, Proposal),
    (ds.references, Reference),
    (ds.sources, Source),
    (ds.collections, Collection),
    (ds.consistent_collections, Collection),
]
_IDS = [f"{make.__name__}" for make, _ in MODEL_STRATEGIES]


def _reached(
    strategy: st.SearchStrategy[Any], conditions: dict[str, Callable[[Any], bool]], examples: int
) -> set[str]:
    """Return the names of the *conditions* that some of *examples* drawn examples meet.

    Generation only (no shrinking) and derandomized, so the outcome is fixed.
    """
    reached: set[str] = set()

    @settings(max_examples=examples, phases=[Phase.generate], derandomize=True, **_SETTINGS)
    @given(strategy)
    def collect(value: Any) -> None:
        reached.update(name for name, condition in conditions.items() if condition(value))

    collect()
    return reached


class TestModelStrategies:
    @pytest.mark.parametrize(("make", "cls"), MODEL_STRATEGIES, ids=_IDS)
    @settings(max_examples=15, **_SETTINGS)
    @given(data=st.data())
    def test_yields_valid_instances(
        self, make: Callable[[], st.SearchStrategy[Any]], cls: type, data: st.DataObject
    ) -> None:
        """Each strategy yields instances of exactly its type, which rebuild unchanged."""
        value = data.draw(make())
        assert type(value) is cls
        assert attrs.evolve(value) == value  # runs every field rule and cross-field rule again

    @settings(max_examples=30, **_SETTINGS)
    @given(record=ds.records())
    def test_records(self, record: Record) -> None:
        """``records()`` yields records of the record types."""
        assert record.type in RECORD_TYPES
        assert id_type(record.id) == record.type

    def test_records_of_every_type(self) -> None:
        """``records()`` reaches every record type."""
        conditions = {t: lambda r, t=t: r.type == t for t in RECORD_TYPES}
        assert _reached(ds.records(), conditions, 300) == set(RECORD_TYPES)

    @settings(max_examples=10, **_SETTINGS)
    @given(collection=ds.collections(max_size=1))
    def test_collection_size(self, collection: Collection) -> None:
        """``collections(max_size=...)`` bounds the number of records."""
        assert len(collection) <= 1


class TestLeaves:
    @settings(max_examples=50, **_SETTINGS)
    @given(text=ds.texts())
    def test_texts_are_valid(self, text: str) -> None:
        """Texts are non-empty, not only white space, NFC and free of lone surrogates."""
        assert text
        assert not text.isspace()
        assert unicodedata.is_normalized("NFC", text)
        assert re.search("[\ud800-\udfff]", text) is None

    def test_texts_reach_source_text(self) -> None:
        """Texts include non-ASCII source text, with white space and line breaks inside."""
        conditions: dict[str, Callable[[str], bool]] = {
            word: lambda t, w=word: w in t
            for word in (
                "Ayvazyan\u2019s",
                "\u0415\u0440\u0435\u0432\u0430\u043d",
                "\u00e9",
                "[\u2026]",
            )
        }
        conditions |= {
            f"inner {space!r}": lambda t, s=space: s in t.strip() for space in ("\n", "\t", " ")
        }
        conditions["not ASCII"] = lambda t: not t.isascii()
        conditions["ASCII"] = str.isascii
        assert _reached(ds.texts(), conditions, 300) == set(conditions)

    @pytest.mark.parametrize("record_type", RECORD_TYPES)
    @settings(max_examples=10, **_SETTINGS)
    @given(data=st.data())
    def test_ids(self, record_type: str, data: st.DataObject) -> None:
        """``ids(t)`` yields well-formed ids of type *t*."""
        assert is_id(data.draw(ds.ids(record_type)), record_type)

    @settings(max_examples=20, **_SETTINGS)
    @given(record_id=ds.ids("person", "organization"))
    def test_ids_of_several_types(self, record_id: str) -> None:
        """``ids(a, b)`` yields ids of either type."""
        assert is_id(record_id, ("person", "organization"))

    def test_ids_rejects_unknown_type(self) -> None:
        """An unknown record type is an error, named in the message."""
        with pytest.raises(ValueError, match="unknown record type 'event'"):
            ds.ids("event")

    @settings(max_examples=30, **_SETTINGS)
    @given(code=ds.country_codes())
    def test_country_codes(self, code: str) -> None:
        """Country codes are known ISO 3166-1 alpha-3 codes."""
        assert code in ALL_CODES

    @settings(max_examples=50, **_SETTINGS)
    @given(moment=ds.instants())
    def test_instants_are_aware(self, moment: dt.datetime) -> None:
        """Instants are timezone-aware, with offsets in whole minutes."""
        offset = moment.utcoffset()
        assert offset is not None
        assert offset.total_seconds() % 60 == 0

    def test_instants_reach_offsets_and_microseconds(self) -> None:
        """Instants include UTC, non-UTC offsets and microseconds."""
        conditions: dict[str, Callable[[dt.datetime], bool]] = {
            "UTC": lambda d: d.utcoffset() == dt.timedelta(0),
            "east": lambda d: d.utcoffset() > dt.timedelta(0),
            "west": lambda d: d.utcoffset() < dt.timedelta(0),
            "microseconds": lambda d: d.microsecond != 0,
        }
        assert _reached(ds.instants(), conditions, 100) == set(conditions)

    def test_uncertain_dates_cover_edtf(self) -> None:
        """Uncertain dates reach every EDTF form the parser supports."""
        conditions: dict[str, Callable[[UncertainDate], bool]] = {
            "year": lambda d: d.precision is Precision.YEAR and not d.is_interval,
            "month": lambda d: d.precision is Precision.MONTH and not d.is_interval,
            "day": lambda d: d.is_exact,
            "uncertain": lambda d: d.edtf.endswith("?"),
            "approximate": lambda d: d.edtf.endswith("~"),
            "both": lambda d: d.edtf.endswith("%"),
            "interval": lambda d: d.earliest is not None and d.latest is not None and d.is_interval,
            "open start": lambda d: d.edtf.startswith("../"),
            "open end": lambda d: d.edtf.endswith("/.."),
            "derivation": lambda d: d.derivation is not None,
        }
        assert _reached(ds.uncertain_dates(), conditions, 200) == set(conditions)

    def test_codes_cover_systems(self) -> None:
        """Codes come from every checked code system and from others."""
        systems = ["cameo", "cameo-actor", "plover", "iso3166-1-alpha3"]
        conditions: dict[str, Callable[[Code], bool]] = {
            s: lambda c, s=s: c.system == s for s in systems
        }
        conditions["other"] = lambda c: c.system not in systems
        conditions["PLOVER mode"] = lambda c: c.system == "plover" and c.mode is not None
        assert _reached(ds.codes(), conditions, 150) == set(conditions)

    def test_external_ids_cover_wikidata(self) -> None:
        """External ids include Wikidata ids and others."""
        conditions: dict[str, Callable[[ExternalId], bool]] = {
            "wikidata": lambda e: e.scheme == "wikidata",
            "other": lambda e: e.scheme != "wikidata",
        }
        assert _reached(ds.external_ids(), conditions, 50) == set(conditions)


def _statements_at_meetings(collection: Collection) -> bool:
    return any(s.meeting is not None for s in collection.of_type(Statement))


def _evidence(collection: Collection) -> bool:
    return any(r.evidence for r in (*collection.of_type(Demand), *collection.of_type(Proposal)))


def _quotes(collection: Collection) -> bool:
    return any(
        c.quote is not None and ELISION in c.quote and collection[c.source].text is not None
        for r in collection
        for c in getattr(r, "citations", ())
    )


def _direct_quotes(collection: Collection) -> bool:
    return any(
        s.mode is StatementMode.DIRECT_QUOTE and s.citations for s in collection.of_type(Statement)
    )


def _resolved_references(collection: Collection) -> bool:
    return any(r.target in collection and not r.external for r in collection.of_type(Reference))


def _responses_with_statements(collection: Collection) -> bool:
    return any(
        response.statement is not None
        for p in collection.of_type(Proposal)
        for response in p.responses
    )


def _parts_of_meetings(collection: Collection) -> bool:
    return any(m.part_of is not None for m in collection.of_type(Meeting))


class TestConsistentCollections:
    @settings(max_examples=40, **_SETTINGS)
    @given(collection=ds.consistent_collections())
    def test_validate_finds_no_issue(self, collection: Collection) -> None:
        """Consistent collections pass ``validate()`` without errors or warnings."""
        assert validate(collection) == []
        assert len({record.id for record in collection}) == len(collection)

    def test_reach_cross_record_rules(self) -> None:
        """Consistent collections exercise the rules ``validate()`` checks, not only empty ones."""
        conditions = {
            f.__name__: f
            for f in (
                _statements_at_meetings,
                _evidence,
                _quotes,
                _direct_quotes,
                _resolved_references,
                _responses_with_statements,
                _parts_of_meetings,
            )
        }
        assert _reached(ds.consistent_collections(), conditions, 300) == set(conditions)


class TestRegistration:
    @settings(max_examples=10, **_SETTINGS)
    @given(data=st.data())
    def test_from_type(self, data: st.DataObject) -> None:
        """After registration, ``st.from_type`` draws valid instances of every model type."""
        ds.register_type_strategies()
        ds.register_type_strategies()  # idempotent
        for _, cls in MODEL_STRATEGIES:
            assert type(data.draw(st.from_type(cls))) is cls
        record = data.draw(st.from_type(Record))  # type: ignore[arg-type]
        assert record.type in RECORD_TYPES

    @settings(max_examples=10, **_SETTINGS)
    @given(data=st.data())
    def test_builds_infers_registered_types(self, data: st.DataObject) -> None:
        """``st.builds`` fills in arguments annotated with model types."""
        ds.register_type_strategies()

        def pair(meeting: Meeting, statement: Statement) -> tuple[Meeting, Statement]:
            return meeting, statement

        meeting, statement = data.draw(st.builds(pair))
        assert type(meeting) is Meeting
        assert type(statement) is Statement


class TestImport:
    def test_needs_hypothesis(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without Hypothesis, importing the module says how to install it."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        monkeypatch.delitem(sys.modules, "diplo_events.strategies")
        message = "diplo_events.strategies needs Hypothesis: pip install 'diplo_events[hypothesis]'"
        with pytest.raises(ImportError, match=re.escape(message)):
            importlib.import_module("diplo_events.strategies")

    def test_public_names(self) -> None:
        """``__all__`` is sorted and every public function says the version it was added in."""
        assert ds.__all__ == sorted(ds.__all__)
        for name in ds.__all__:
            doc = getattr(ds, name).__doc__
            assert doc is not None
            assert ".. versionadded:: 0.1.0" in doc, name
