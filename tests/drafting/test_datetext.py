import datetime as dt

import pytest
from dating import ANCHOR, edtf, issue_of
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading._datetext import (
    LONGEST_EXPRESSION,
    DateMatch,
    find_dates,
    parse_date,
)
from diplo_events.exceptions import FieldTypeError, ParseError


class TestShowcase:
    @pytest.mark.parametrize(
        ("text", "expected", "rule"),
        [
            ("on November 9", "2020-11-09", "month-day-in-anchor-year"),
            ("November 21", "2020-11-21", "month-day-in-anchor-year"),
            ("The talks took place on November 21", "2020-11-21", "month-day-in-anchor-year"),
            ("on Monday", "2020-12-07", "weekday-before-anchor"),
            ("over the past month", "2020-11-08/2020-12-08", "past-month"),
        ],
    )
    def test_facts(self, text: str, expected: str, rule: str) -> None:
        assert edtf(text) == (expected, rule)

    def test_derivation_names_the_words(self) -> None:
        date = parse_date("The talks took place on November 21", anchor=ANCHOR)
        assert date.derivation is not None
        assert date.derivation.text == "on November 21"


class TestStated:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("December 8, 2020", "2020-12-08"),
            ("december 8, 2020", "2020-12-08"),
            ("DECEMBER 8, 2020", "2020-12-08"),
            ("Dec. 8, 2020", "2020-12-08"),
            ("Dec 8 2020", "2020-12-08"),
            ("8 December 2020", "2020-12-08"),
            ("8 Dec. 2020", "2020-12-08"),
            ("8th of December, 2020", "2020-12-08"),
            ("the 21st of November 2020", "2020-11-21"),
            ("2020-12-08", "2020-12-08"),
            ("released at 2020-12-08T10:00", "2020-12-08"),
            ("Tuesday, December 8, 2020", "2020-12-08"),
            ("Tuesday 8 December 2020", "2020-12-08"),
            ("Sept. 3, 2019", "2019-09-03"),
            ("May 9, 2019", "2019-05-09"),
            ("March 1, 2019", "2019-03-01"),
            ("December 2020", "2020-12"),
            ("in December 2020", "2020-12"),
            ("Jan. 2021", "2021-01"),
            ("in 2020", "2020"),
            ("since 2014", "2014"),
            ("by 2030", "2030"),
            ("during 1999", "1999"),
            ("in early 2020", "2020"),
            ("mid-2020", "2020"),
            ("February 29, 2020", "2020-02-29"),
        ],
    )
    def test_stated(self, text: str, expected: str) -> None:
        assert edtf(text) == (expected, "stated")
        assert edtf(text, anchor=None) == (expected, "stated")

    def test_weekday_disagreeing_is_uncertain(self) -> None:
        assert edtf("Monday, December 8, 2020") == ("2020-12-08?", "stated")


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "anchor", "code"),
        [
            ("nothing to see here", ANCHOR, "date.not_found"),
            ("Theresa May said so", ANCHOR, "date.not_found"),
            ("it may rain", ANCHOR, "date.not_found"),
            ("2,020 troops", ANCHOR, "date.not_found"),
            ("Resolution 2020", ANCHOR, "date.not_found"),
            ("", ANCHOR, "date.not_found"),
            ("on Monday and on Tuesday", ANCHOR, "date.ambiguous"),
            ("December 8, 2020 or December 9, 2020", ANCHOR, "date.ambiguous"),
            ("on Monday", None, "date.needs_anchor"),
            ("November 21", None, "date.needs_anchor"),
            ("yesterday", None, "date.needs_anchor"),
            ("in November", None, "date.needs_anchor"),
            ("February 30, 2021", ANCHOR, "date.impossible"),
            ("February 29, 2021", ANCHOR, "date.impossible"),
            ("31 April", ANCHOR, "date.impossible"),
            ("2020-13-01", ANCHOR, "date.impossible"),
            ("2020-02-30", ANCHOR, "date.impossible"),
            ("14-12 December 2020", ANCHOR, "date.impossible"),
        ],
    )
    def test_code_and_message(self, text: str, anchor: dt.date | None, code: str) -> None:
        got, message = issue_of(text, anchor)
        assert got == code
        assert repr(text) in message

    def test_long_text_is_truncated_in_message(self) -> None:
        text = "x" * 200
        code, message = issue_of(text)
        assert code == "date.not_found"
        assert repr("x" * 79 + "\u2026") in message
        assert len(message) < 120

    def test_repeated_expression_is_not_ambiguous(self) -> None:
        assert edtf("on Monday, yes, on Monday") == ("2020-12-07", "weekday-before-anchor")

    def test_is_value_error(self) -> None:
        with pytest.raises(ValueError, match=r"date\.not_found"):
            parse_date("nothing")


class TestFindDates:
    TEXT = (
        "Lavrov met Ayvazyan in Moscow on Monday. The ceasefire agreed on November 9 held, "
        "Theresa May said on Tuesday, December 8, 2020. Some 2,020 troops under Resolution 2020 "
        "may stay. Talks from 6 to 7 December were useful.\n\nThe co-chairs will meet on "
        "21 December in Geneva."
    )

    def test_matches(self) -> None:
        found = find_dates(self.TEXT, anchor=ANCHOR)
        assert [(m.text, m.date.edtf, m.future) for m in found] == [
            ("on Monday", "2020-12-07", False),
            ("on November 9", "2020-11-09", False),
            ("on Tuesday, December 8, 2020", "2020-12-08", False),
            ("from 6 to 7 December", "2020-12-06/2020-12-07", False),
            ("on \n21 December".replace(" \n", " "), "2020-12-21", True),
        ]
        for m in found:
            assert self.TEXT[m.span.start : m.span.end] == m.text
            assert m.date.derivation is not None
            assert m.date.derivation.text == m.text
            assert isinstance(m, DateMatch)

    def test_without_anchor_only_complete_dates(self) -> None:
        found = find_dates(self.TEXT, anchor=None)
        assert [m.text for m in found] == ["on Tuesday, December 8, 2020"]

    def test_numeric_only_with_day_first(self) -> None:
        text = "Signed 8.12.2020 and 2020-12-09."
        assert [m.date.edtf for m in find_dates(text, anchor=None)] == ["2020-12-09"]
        assert [m.date.edtf for m in find_dates(text, anchor=None, day_first=True)] == [
            "2020-12-08",
            "2020-12-09",
        ]

    def test_impossible_dates_are_skipped(self) -> None:
        assert find_dates("on February 30, 2021", anchor=ANCHOR) == []

    def test_sentence_future_cue(self) -> None:
        text = "They met on Monday. They will meet again on Friday."
        found = find_dates(text, anchor=ANCHOR)
        assert [(m.date.edtf, m.future) for m in found] == [
            ("2020-12-07", False),
            ("2020-12-11", True),
        ]

    def test_expression_points_ahead(self) -> None:
        (match,) = find_dates("See you tomorrow.", anchor=ANCHOR)
        assert match.future
        assert match.date.edtf == "2020-12-09"

    @pytest.mark.parametrize(
        "text",
        [
            "2,020 troops",
            "Resolution 2020",
            "Theresa May said",
            "they may come",
            "protesters march on",
            "In 2020% of cases",
            "A320 aircraft",
            "the last week of talks",
        ],
    )
    def test_non_dates(self, text: str) -> None:
        assert find_dates(text, anchor=ANCHOR) == []


@given(st.text())
def test_find_dates_never_raises(text: str) -> None:
    for anchor in (None, ANCHOR):
        found = find_dates(text, anchor=anchor, day_first=True)
        for m in found:
            assert text[m.span.start : m.span.end] == m.text


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: parse_date(None), "text"),  # type: ignore[arg-type]
        (lambda: find_dates(123, anchor=None), "text"),  # type: ignore[arg-type]
        (lambda: parse_date("on Monday", anchor="2020-01-01"), "anchor"),  # type: ignore[arg-type]
        (lambda: parse_date("8.12.2020", day_first="yes"), "day_first"),  # type: ignore[arg-type]
    ],
)
def test_wrong_argument_types(call: object, field: str) -> None:
    with pytest.raises(FieldTypeError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 7, 3000", "3000-12-07"),
        ("7 December 3000", "3000-12-07"),
        ("on December 7, 9999", "9999-12-07"),
        ("December 7, 0999", "0999-12-07"),
        ("Tuesday, December 7, 2200", "2200-12-07?"),
        ("December 3000", "3000-12"),
        ("between 7 and 9 December 3000", "3000-12-07/3000-12-09"),
    ],
)
def test_a_year_as_written_is_kept(text: str, expected: str) -> None:
    # The anchor's year is only for dates that give none: 3000 is no count here.
    assert [m.date.edtf for m in find_dates(text, anchor=ANCHOR)] == [expected]
    assert parse_date(text, anchor=ANCHOR).edtf == expected


def test_a_year_no_date_can_hold_gives_no_date() -> None:
    assert find_dates("December 7, 0000", anchor=ANCHOR) == []
    assert issue_of("December 7, 0000")[0] == "date.impossible"


def test_parse_date_refuses_a_text_no_expression_is_as_long_as() -> None:
    """Over LONGEST_EXPRESSION characters, parse_date refuses at once, quoting a prefix."""
    text = "on 7 December 2020 " + "x" * LONGEST_EXPRESSION
    with pytest.raises(ParseError) as info:
        parse_date(text)
    (issue,) = info.value.issues
    assert issue.code == "date.not_found"
    assert "find_dates" in issue.message
    assert len(issue.message) < 300  # a prefix, never the whole text
    assert parse_date(text[:LONGEST_EXPRESSION]).edtf == "2020-12-07"
