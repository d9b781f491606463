"""Helpers shared by the date-reading tests: read one expression, or the issue it raises."""

import datetime as dt

import pytest

from diplo_events.drafting.reading._datetext import parse_date
from diplo_events.exceptions import ParseError

ANCHOR = dt.date(2020, 12, 8)  # a Tuesday


def edtf(text: str, anchor: dt.date | None = ANCHOR, **kwargs: bool) -> tuple[str, str]:
    date = parse_date(text, anchor=anchor, **kwargs)
    assert date.derivation is not None
    assert date.derivation.anchor == anchor
    return date.edtf, date.derivation.rule


def issue_of(text: str, anchor: dt.date | None = ANCHOR, **kwargs: bool) -> tuple[str, str]:
    with pytest.raises(ParseError) as info:
        parse_date(text, anchor=anchor, **kwargs)
    (issue,) = info.value.issues
    assert issue.path == "$"
    return issue.code, issue.message
