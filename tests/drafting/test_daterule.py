import calendar
import datetime as dt

import pytest
from dating import ANCHOR, edtf, issue_of
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading._datetext import parse_date
from diplo_events.exceptions import ParseError

D = dt.date
MONTH_NAMES = [calendar.month_name[number] for number in range(1, 13)]


class TestMissingYear:
    @pytest.mark.parametrize(
        ("text", "anchor", "expected", "rule"),
        [
            ("November 21", ANCHOR, "2020-11-21", "month-day-in-anchor-year"),
            ("21 November", ANCHOR, "2020-11-21", "month-day-in-anchor-year"),
            ("the 21st of November", ANCHOR, "2020-11-21", "month-day-in-anchor-year"),
            ("December 8th", ANCHOR, "2020-12-08", "month-day-in-anchor-year"),
            ("on 9 November", ANCHOR, "2020-11-09", "month-day-in-anchor-year"),
            ("December 10", ANCHOR, "2020-12-10?", "month-day-in-anchor-year"),
            ("December 28", D(2021, 1, 5), "2020-12-28", "month-day-in-year-before-anchor"),
            ("June 3", D(2021, 1, 5), "2020-06-03", "month-day-in-year-before-anchor"),
            ("Tuesday, December 8", ANCHOR, "2020-12-08", "month-day-in-anchor-year"),
            ("Wednesday, December 8", ANCHOR, "2020-12-08?", "month-day-in-anchor-year"),
            ("Monday 7 December", ANCHOR, "2020-12-07", "month-day-in-anchor-year"),
            ("in November", ANCHOR, "2020-11", "month-in-anchor-year"),
            ("in December", ANCHOR, "2020-12", "month-in-anchor-year"),
            ("in December", D(2021, 1, 5), "2020-12", "month-in-year-before-anchor"),
            ("mid-November", ANCHOR, "2020-11", "month-in-anchor-year"),
            ("last November", ANCHOR, "2020-11", "month-in-anchor-year"),
            ("last December", ANCHOR, "2019-12", "month-in-year-before-anchor"),
            ("next November", ANCHOR, "2021-11", "month-after-anchor"),
        ],
    )
    def test_resolved(self, text: str, anchor: dt.date, expected: str, rule: str) -> None:
        assert edtf(text, anchor) == (expected, rule)

    @pytest.mark.parametrize(
        ("text", "anchor", "expected"),
        [
            ("The summit will be held on November 21", ANCHOR, "2021-11-21"),
            ("The summit is scheduled for December 20", ANCHOR, "2020-12-20"),
            ("Talks are planned for December 8", ANCHOR, "2020-12-08"),
            ("He is expected to visit on January 15", ANCHOR, "2021-01-15"),
            ("The upcoming meeting on 3 February", ANCHOR, "2021-02-03"),
        ],
    )
    def test_future(self, text: str, anchor: dt.date, expected: str) -> None:
        assert edtf(text, anchor) == (expected, "month-day-after-anchor")

    def test_future_month(self) -> None:
        assert edtf("The vote will take place in November") == ("2021-11", "month-after-anchor")
        assert edtf("The vote will take place in December") == ("2020-12", "month-after-anchor")

    def test_past_scheduling_is_not_future(self) -> None:
        assert edtf("Talks were scheduled for November 21") == (
            "2020-11-21",
            "month-day-in-anchor-year",
        )


class TestWeekdays:
    @pytest.mark.parametrize(
        ("text", "anchor", "expected", "rule"),
        [
            ("on Monday", ANCHOR, "2020-12-07", "weekday-before-anchor"),
            ("on Tuesday", ANCHOR, "2020-12-08", "weekday-before-anchor"),
            ("on Wednesday", ANCHOR, "2020-12-02", "weekday-before-anchor"),
            ("Sunday", ANCHOR, "2020-12-06", "weekday-before-anchor"),
            ("last Tuesday", ANCHOR, "2020-12-01", "weekday-strictly-before-anchor"),
            ("last Monday", ANCHOR, "2020-12-07", "weekday-strictly-before-anchor"),
            ("next Monday", ANCHOR, "2020-12-14", "weekday-after-anchor"),
            ("next Tuesday", ANCHOR, "2020-12-15", "weekday-after-anchor"),
            ("this coming Friday", ANCHOR, "2020-12-11", "weekday-after-anchor"),
            ("They will meet on Wednesday", ANCHOR, "2020-12-09", "weekday-after-anchor"),
            ("They will meet on Tuesday", ANCHOR, "2020-12-15", "weekday-after-anchor"),
        ],
    )
    def test_weekday(self, text: str, anchor: dt.date, expected: str, rule: str) -> None:
        assert edtf(text, anchor) == (expected, rule)


class TestRelative:
    @pytest.mark.parametrize(
        ("text", "expected", "rule"),
        [
            ("today", "2020-12-08", "relative-day"),
            ("this morning", "2020-12-08", "relative-day"),
            ("yesterday", "2020-12-07", "relative-day"),
            ("last night", "2020-12-07", "relative-day"),
            ("the day before yesterday", "2020-12-06", "relative-day"),
            ("tomorrow", "2020-12-09", "relative-day"),
            ("the day after tomorrow", "2020-12-10", "relative-day"),
            ("three days ago", "2020-12-05", "days-ago"),
            ("2 days ago", "2020-12-06", "days-ago"),
            ("two weeks ago", "2020-11-24~", "weeks-ago"),
            ("last week", "2020-11-30/2020-12-06", "relative-week"),
            ("this week", "2020-12-07/2020-12-13", "relative-week"),
            ("next week", "2020-12-14/2020-12-20", "relative-week"),
            ("earlier this week", "2020-12-07/2020-12-08", "earlier-this-week"),
            ("later this week", "2020-12-08/2020-12-13", "later-this-week"),
            ("earlier this month", "2020-12-01/2020-12-08", "earlier-this-month"),
            ("later this month", "2020-12-08/2020-12-31", "later-this-month"),
            ("last month", "2020-11", "relative-month"),
            ("this month", "2020-12", "relative-month"),
            ("next month", "2021-01", "relative-month"),
            ("last year", "2019", "relative-year"),
            ("this year", "2020", "relative-year"),
            ("next year", "2021", "relative-year"),
            ("earlier this year", "2020-01-01/2020-12-08", "earlier-this-year"),
            ("later this year", "2020-12-08/2020-12-31", "later-this-year"),
            ("over the past week", "2020-12-01/2020-12-08", "past-week"),
            ("over the past month", "2020-11-08/2020-12-08", "past-month"),
            ("in the past month", "2020-11-08/2020-12-08", "past-month"),
            ("over the last month", "2020-11-08/2020-12-08", "past-month"),
            ("in the past year", "2019-12-08/2020-12-08", "past-year"),
            ("recently", "../2020-12-08", "recent-before-anchor"),
            ("in recent weeks", "../2020-12-08", "recent-before-anchor"),
        ],
    )
    def test_relative(self, text: str, expected: str, rule: str) -> None:
        assert edtf(text) == (expected, rule)


class TestRanges:
    @pytest.mark.parametrize(
        ("text", "anchor", "expected", "rule"),
        [
            (
                "12 and 13 December",
                D(2020, 12, 20),
                "2020-12-12/2020-12-13",
                "range-in-anchor-year",
            ),
            ("12 and 13 December", ANCHOR, "2020-12-12?/2020-12-13?", "range-in-anchor-year"),
            ("December 12-14", D(2020, 12, 20), "2020-12-12/2020-12-14", "range-in-anchor-year"),
            (
                "December 12\u201314",
                D(2020, 12, 20),
                "2020-12-12/2020-12-14",
                "range-in-anchor-year",
            ),
            ("from 6 to 7 December", ANCHOR, "2020-12-06/2020-12-07", "range-in-anchor-year"),
            ("between 6 and 8 December", ANCHOR, "2020-12-06/2020-12-08", "range-in-anchor-year"),
            ("between December 6 and 8", ANCHOR, "2020-12-06/2020-12-08", "range-in-anchor-year"),
            ("6th-7th of December", ANCHOR, "2020-12-06/2020-12-07", "range-in-anchor-year"),
            ("6-7 December 2020", None, "2020-12-06/2020-12-07", "range-stated"),
            ("December 12-14, 2019", None, "2019-12-12/2019-12-14", "range-stated"),
            (
                "December 30, 2020 \u2013 January 2, 2021",
                None,
                "2020-12-30/2021-01-02",
                "range-stated",
            ),
            ("December 30 - January 2, 2021", None, "2020-12-30/2021-01-02", "range-stated"),
            ("30 November to 2 December 2020", None, "2020-11-30/2020-12-02", "range-stated"),
            (
                "December 30 - January 2",
                D(2021, 1, 5),
                "2020-12-30/2021-01-02",
                "range-in-year-before-anchor",
            ),
            (
                "talks will be held on 14-15 January",
                ANCHOR,
                "2021-01-14/2021-01-15",
                "range-after-anchor",
            ),
        ],
    )
    def test_range(self, text: str, anchor: dt.date | None, expected: str, rule: str) -> None:
        assert edtf(text, anchor) == (expected, rule)


class TestNumeric:
    @pytest.mark.parametrize(
        ("text", "day_first", "expected", "rule"),
        [
            ("8.12.2020", True, "2020-12-08", "numeric-day-first"),
            ("08/12/2020", True, "2020-12-08", "numeric-day-first"),
            ("12/8/2020", False, "2020-12-08", "numeric-month-first"),
            ("25.12.2020", True, "2020-12-25", "numeric-day-first"),
        ],
    )
    def test_numeric(self, text: str, day_first: bool, expected: str, rule: str) -> None:  # noqa: FBT001 - parametrized
        assert edtf(text, day_first=day_first) == (expected, rule)

    @pytest.mark.parametrize("text", ["8.12.2020", "08/12/2020", "12/8/2020", "25.12.2020"])
    def test_order_must_be_given(self, text: str) -> None:
        code, message = issue_of(text)
        assert code == "date.numeric_order"
        assert repr(text) in message
        assert "day_first=True" in message
        assert "day_first=False" in message

    def test_impossible_order(self) -> None:
        assert issue_of("25.12.2020", day_first=False)[0] == "date.impossible"


@given(
    day=st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)),
    anchor=st.none() | st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)),
)
def test_month_day_year_round_trip(day: dt.date, anchor: dt.date | None) -> None:
    text = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    date = parse_date(text, anchor=anchor)
    assert date.edtf == day.isoformat()
    assert date.earliest == date.latest == day


def test_year_past_9999_is_impossible() -> None:
    with pytest.raises(ParseError) as caught:
        parse_date("next year", anchor=dt.date(9999, 5, 5))
    assert caught.value.issues[0].code == "date.impossible"
