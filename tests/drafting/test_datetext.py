import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading import _datetext as dtx
from diplo_events.drafting.reading._datetext import DateMatch, find_dates, parse_date
from diplo_events.exceptions import FieldTypeError, ParseError

D = dt.date
ANCHOR = D(2020, 12, 8)  # a Tuesday
MONTH_NAMES = [calendar.month_name[number] for number in range(1, 13)]


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

    def test_scan_equals_full_regex(self) -> None:
        text = self.TEXT + " between December 6 and 8, in the past month, the day before yesterday"
        assert [m.span() for m in dtx._scan(text)] == [
            m.span() for m in dtx._DATE_RE.finditer(text)
        ]


@given(
    day=st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)),
    anchor=st.none() | st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)),
)
def test_month_day_year_round_trip(day: dt.date, anchor: dt.date | None) -> None:
    text = f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    date = parse_date(text, anchor=anchor)
    assert date.edtf == day.isoformat()
    assert date.earliest == date.latest == day


@given(st.text())
def test_find_dates_never_raises(text: str) -> None:
    for anchor in (None, ANCHOR):
        found = find_dates(text, anchor=anchor, day_first=True)
        for m in found:
            assert text[m.span.start : m.span.end] == m.text
    assert [m.span() for m in dtx._scan(text)] == [m.span() for m in dtx._DATE_RE.finditer(text)]


@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "in",
                "the",
                "between",
                "from",
                "to",
                "and",
                "last",
                "next",
                "this",
                "over",
                "past",
                "day",
                "before",
                "after",
                "three",
                "days",
                "ago",
                "early",
                "mid-",
                "December",
                "May",
                "Monday",
                "8",
                "21st",
                "2020",
                "-",
                ",",
                "yesterday",
                "week",
                "recent",
                "weeks",
                ".",
                "will",
            ]
        ),
        max_size=12,
    )
)
def test_scan_equals_full_regex_on_date_words(words: list[str]) -> None:
    text = " ".join(words)
    assert [m.span() for m in dtx._scan(text)] == [m.span() for m in dtx._DATE_RE.finditer(text)]
    find_dates(text, anchor=ANCHOR)


@pytest.mark.parametrize(
    ("text", "anchor", "edtf"),
    [
        ("The session was set for October 14", dt.date(2021, 9, 28), "2021-10-14"),
        ("a review officials expect to hold in February", dt.date(2021, 11, 18), "2022-02"),
        ("The session took place on October 14", dt.date(2021, 9, 28), "2020-10-14"),
        # An offer to host points ahead; "a planned zone" is an adjective and does not.
        ("She offered to host a conference in Oslo in September", dt.date(2022, 5, 3), "2022-09"),
        ("They held talks on Tuesday on a planned trade zone", dt.date(2023, 6, 14), "2023-06-13"),
        ("The talks are planned for Tuesday", dt.date(2023, 6, 14), "2023-06-20"),
        ("They confirmed a planned visit in October", dt.date(2023, 9, 15), "2023-10"),
    ],
)
def test_set_for_and_expect_to_hold_point_ahead(text: str, anchor: dt.date, edtf: str) -> None:
    assert parse_date(text, anchor=anchor).edtf == edtf


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


def test_year_past_9999_is_impossible() -> None:
    with pytest.raises(ParseError) as caught:
        parse_date("next year", anchor=dt.date(9999, 5, 5))
    assert caught.value.issues[0].code == "date.impossible"


@pytest.mark.parametrize("title", ["Mr.", "U.S. envoy", "Antony J."])
def test_abbreviations_do_not_end_the_sentence_that_points_ahead(title: str) -> None:
    (found,) = find_dates(
        f"Lavrov will meet {title} Blinken on Friday.", anchor=dt.date(2021, 3, 10)
    )
    assert found.future
    assert found.date.edtf == "2021-03-12"


def test_postponed_to_points_ahead() -> None:
    date = parse_date("Talks have been postponed to March 29", anchor=dt.date(2025, 11, 26))
    assert date.edtf == "2026-03-29"
