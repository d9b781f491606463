"""Tests of when a drafted statement was said: from the text, else from its meeting."""

import datetime as dt

import diplo_events as de
from diplo_events.drafting.rules._statement_dates import FROM_MEETING, SAID_ON

PUBLISHED = dt.date(2021, 3, 5)  # a Friday


def _dated(text: str) -> dict[str, de.UncertainDate | None]:
    drafted = de.extract(text, published=PUBLISHED)
    assert [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR] == []
    return {s.text: s.date for s in drafted.of_type(de.Statement)}


def test_a_statement_at_a_meeting_takes_its_date() -> None:
    dates = _dated(
        "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Madrid on Monday. "
        "“We agreed on a great deal,” Lopes said."
    )
    date = dates["We agreed on a great deal,"]
    assert date is not None
    assert date.edtf == "2021-03-01"
    assert date.derivation is not None
    assert date.derivation.rule == FROM_MEETING


def test_the_day_the_text_gives_for_the_saying_wins() -> None:
    dates = _dated(
        "Foreign Minister Ana Lopes held talks with her Spanish counterpart Jon Berg in Madrid "
        "on March 1-2.\n\n"
        "Lopes said on Tuesday that the two sides had settled the border question."
    )
    ((text, date),) = [(t, d) for t, d in dates.items() if "border question" in t]
    assert date is not None
    assert date.edtf == "2021-03-02"
    assert date.derivation is not None
    assert date.derivation.rule.startswith(SAID_ON)
    assert date.derivation.text == "on Tuesday"
    assert "Tuesday" not in text


def test_a_date_inside_the_words_said_is_not_when_they_were_said() -> None:
    dates = _dated(
        "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Madrid on Monday. "
        "Lopes said the border would reopen on Wednesday after repairs."
    )
    ((date,),) = [(d,) for t, d in dates.items() if "border would reopen" in t]
    assert date is not None
    assert date.edtf == "2021-03-01"  # the meeting's, not Wednesday's


def test_a_day_that_cannot_be_the_meetings_gives_way() -> None:
    """A statement linked to a meeting never gets a date outside it: drafts stay valid."""
    dates = _dated(
        "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Madrid on Monday. "
        "Lopes said on Thursday that the border talks would resume in the spring."
    )
    ((date,),) = [(d,) for t, d in dates.items() if "border talks" in t]
    assert date is not None
    assert date.edtf == "2021-03-01"
    assert date.derivation is not None
    assert date.derivation.rule == FROM_MEETING
