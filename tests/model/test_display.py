"""Short reprs and notebook HTML: never a source text in full, every value escaped."""

import datetime as dt
import html

import diplo_events as de

LONG = "Lavrov said “yes” & more. " * 2000
EVIL = "<script>alert('x')</script> & <b>"


def _dataset() -> de.Collection:
    source = de.Source(text=LONG, title=EVIL)
    person = de.Person(name=EVIL, aliases=("<i>",))
    meeting = de.Meeting(kind="talks", date=de.UncertainDate.day(dt.date(2020, 12, 7)))
    statement = de.Statement(
        speaker=person.id,
        text=LONG[:300],
        mode="direct_quote",
        citations=[de.Citation(source=source.id, spans=[de.Span(start=0, end=300)])],
    )
    return de.Collection(records=[source, person, meeting, statement])


class TestRepr:
    def test_collection_counts_by_type(self) -> None:
        collection = _dataset()
        assert repr(collection) == (
            "Collection(4 records: source=1, person=1, meeting=1, statement=1; "
            "schema_version='1.1')"
        )
        assert repr(de.Collection()) == "Collection(0 records; schema_version='1.1')"

    def test_collection_never_prints_texts(self) -> None:
        collection = de.Collection(records=[de.Source(text=LONG) for _ in range(50)])
        assert len(repr(collection)) < 100
        assert "Lavrov" not in repr(collection)

    def test_long_text_is_cut_with_its_length(self) -> None:
        source = de.Source(text=LONG)
        text = repr(source)
        assert len(text) < 400
        assert f"({len(LONG):,} chars)" in text
        assert "'Lavrov said “yes” & more." in text

    def test_short_text_is_whole(self) -> None:
        """Short strings keep the repr attrs always gave them."""
        citation = de.Citation(
            source=de.new_id("source"), spans=[de.Span(start=0, end=3)], quote="Yes"
        )
        assert "quote='Yes'" in repr(citation)
        statement = de.Statement(speaker=de.new_id("person"), text="Good.", mode="reported")
        assert "text='Good.'" in repr(statement)


class TestHtml:
    def test_record_escapes_everything(self) -> None:
        person = de.Person(name=EVIL)
        shown = person._repr_html_()
        assert "<script>" not in shown
        assert html.escape(EVIL) in shown
        assert "<b>Person</b>" in shown

    def test_record_cuts_long_text(self) -> None:
        shown = de.Source(text=LONG)._repr_html_()
        assert len(shown) < 1000
        assert "…" in shown

    def test_values_and_dates(self) -> None:
        meeting = de.Meeting(
            kind="talks",
            date=de.UncertainDate.day(dt.date(2020, 12, 7)),
            participants=[de.Participant(actor=de.new_id("person"))],
        )
        shown = meeting._repr_html_()
        assert "<td style='text-align:left'>talks</td>" in shown
        assert "<td style='text-align:left'>2020-12-07</td>" in shown
        assert "Participant(" in shown
        assert "description" not in shown  # fields not set are left out
        assert "<b>Participant</b>" in meeting.participants[0]._repr_html_()

    def test_collection(self) -> None:
        shown = _dataset()._repr_html_()
        assert "<script>" not in shown
        assert "<i>" not in shown
        assert html.escape(EVIL)[:20] in shown
        assert "4 records" in shown
        assert "Lavrov said" in shown  # a statement is named by its first words
        assert len(shown) < 2000
        assert de.Collection()._repr_html_().count("<tr>") == 0
