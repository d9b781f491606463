"""Tests of read_document() and of the stages that read the frozen Document."""

import datetime as dt
import unicodedata
from pathlib import Path

import attrs
import pytest

import diplo_events as de
from diplo_events.drafting.reading._document import Document, read_document
from diplo_events.drafting.rules._actors import read_actors
from diplo_events.drafting.rules._claims import draft_claims
from diplo_events.drafting.rules._meetings import Meetings, draft_meetings
from diplo_events.drafting.rules._references import draft_references
from diplo_events.drafting.rules._statement_dates import date_statements
from diplo_events.drafting.rules._statements import draft_statements

SHOWCASE = (
    Path(__file__).parent.parent / "data" / "extraction" / "moscow-talks-2020-12-08.txt"
).read_text(encoding="utf-8")
PUBLISHED = dt.date(2020, 12, 8)


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(SHOWCASE, published=PUBLISHED)


class TestReadDocument:
    def test_document_is_frozen(self, doc: Document) -> None:
        """Assigning to a field of a Document raises."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            doc.text = "other"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            doc.body = 0  # type: ignore[misc]

    def test_document_holds_no_mutable_containers(self, doc: Document) -> None:
        """The readings are tuples, and the mention index cannot be written."""
        for field in attrs.fields(Document):
            value = getattr(doc, field.name)
            assert not isinstance(value, (list, dict, set)), field.name
        with pytest.raises(TypeError):
            doc.mention_index[0] = 1  # type: ignore[index]

    def test_indexes_agree_with_units(self, doc: Document) -> None:
        """Sentence starts, quote openings and paragraphs of sentences match the units."""
        assert doc.sent_starts == tuple(s.start for s in doc.sents)
        assert doc.quote_opens == tuple(q.open_at for q in doc.quotes)
        assert len(doc.para_of_sent) == len(doc.sents)
        for sentence, paragraph in zip(doc.sents, doc.para_of_sent, strict=True):
            unit = doc.paras[paragraph]
            assert unit.start <= sentence.start < sentence.end <= unit.end
        assert all(doc.mentions[i].span.start == start for start, i in doc.mention_index.items())

    def test_text_is_nfc_and_anchor_given(self) -> None:
        """The text is normalised to NFC, and the anchor is the publication date given."""
        doc = read_document("Cafe\u0301 talks were held in Paris.", published=PUBLISHED)
        assert doc.text == unicodedata.normalize("NFC", "Cafe\u0301 talks were held in Paris.")
        assert doc.anchor == PUBLISHED
        assert doc.source.text == doc.text

    def test_dateline_gives_body_and_anchor(self) -> None:
        """A dateline is read, the body starts after it, and its full date anchors the text."""
        doc = read_document("MOSCOW, March 3, 2021 (Wire) — Talks were held.")
        assert doc.dateline is not None
        assert doc.dateline.agency == "Wire"
        assert doc.text[doc.body :] == "Talks were held."
        assert doc.anchor == dt.date(2021, 3, 3)

    def test_empty_text_is_an_error(self) -> None:
        """An empty text cannot be read."""
        with pytest.raises(de.ParseError) as info:
            read_document("   \n")
        assert info.value.issues[0].code == "extract.empty"


class TestStages:
    def test_results_are_frozen(self, doc: Document) -> None:
        """The result every stage hands on cannot be changed."""
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        statements = draft_statements(doc, cast, meetings)
        for result, field in ((cast, "refs"), (meetings, "main"), (statements, "said")):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(result, field, None)
        with pytest.raises(TypeError):
            cast.actors["x"] = cast.actors[next(iter(cast.actors))]  # type: ignore[index]

    def test_stages_change_nothing_they_read(self, doc: Document) -> None:
        """A stage run twice on the same inputs gives the same result and changes no input."""
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        assert draft_meetings(doc, cast) == meetings
        statements = draft_statements(doc, cast, meetings)
        assert draft_statements(doc, cast, meetings) == statements
        claims = draft_claims(doc, cast, meetings, statements)
        assert draft_claims(doc, cast, meetings, statements) == claims
        references = draft_references(doc, cast, meetings)
        assert draft_references(doc, cast, meetings) == references
        assert doc == read_document(SHOWCASE, published=PUBLISHED)
        assert read_actors(doc) == cast

    def test_stages_make_the_records_of_extract(self, doc: Document) -> None:
        """The stages, run in order, give the meetings, statements, claims and references."""
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        statements = draft_statements(doc, cast, meetings)
        drafted = [
            *meetings.records,
            *date_statements(doc, meetings.records, statements.records),
            *draft_claims(doc, cast, meetings, statements),
            *draft_references(doc, cast, meetings),
        ]
        records = de.extract(SHOWCASE, published=PUBLISHED).records
        assert tuple(drafted) == records[-len(drafted) :]

    def test_statements_read_only_what_meetings_hand_on(self, doc: Document) -> None:
        """Without a meeting, statements are drafted as before but belong to no meeting."""
        cast = read_actors(doc)
        statements = draft_statements(doc, cast, Meetings())
        assert statements.records
        assert all(s.meeting is None for s in statements.records)
        with_meeting = draft_statements(doc, cast, draft_meetings(doc, cast))
        assert len(with_meeting.records) <= len(statements.records)
