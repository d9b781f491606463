"""OffsetMap: spans into a drafted Source's NFC text, mapped back to the text given."""

import datetime as dt

import diplo_events as de
from diplo_events.drafting import OffsetMap


def test_runs_of_marks_and_hangul() -> None:
    """Offsets inside a run go to its start (for a start) or its end (for an end)."""
    text = "ae\u0301\u0327b\u1100\u1161c"  # e + two marks -> one char; Hangul L+V -> one char
    offsets = OffsetMap(text)
    assert offsets.needed
    assert offsets.nfc == "a\u0229\u0301b\uac00c"
    # NFC offset 2 (the acute left over) lies inside a run: a start goes back, an end on.
    assert [offsets.start(k) for k in range(6)] == [0, 1, 1, 4, 5, 7]
    assert [offsets.end(k) for k in range(1, 7)] == [1, 4, 4, 5, 7, 8]
    assert not OffsetMap("plain \u00e9").needed
    # Hangul L+V+T composes in two steps: the T joins the L+V run, not the V alone.
    offsets = OffsetMap("x\u1100\u1161\u11a8y")
    assert offsets.nfc == "x\uac01y"
    assert [offsets.start(k) for k in range(4)] == [0, 1, 4, 5]
    assert [offsets.end(k) for k in range(1, 4)] == [1, 4, 5]


def test_a_drafted_quote_maps_back_to_the_text_given() -> None:
    """A quote drafted from decomposed text is found at the mapped span of the original."""
    text = (
        "Foreign Minister Ara Ayvazyan met Sergey Lavrov in Yerevan\u0301 on Monday.\n\n"
        "\u201cWe will keep talking about the ceasefire,\u201d Lavrov said."
    )
    offsets = OffsetMap(text)
    drafts = de.extract(text, published=dt.date(2020, 12, 8))
    (quote,) = [s for s in drafts.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE]
    start, end = offsets.span(quote.citations[0].spans[0])
    assert offsets.needed
    assert text[start:end] == quote.text
