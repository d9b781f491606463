import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading import _dategrammar as dg
from diplo_events.drafting.reading._datetext import find_dates, parse_date

ANCHOR = dt.date(2020, 12, 8)  # a Tuesday
TEXT = (
    "Lavrov met Ayvazyan in Moscow on Monday. The ceasefire agreed on November 9 held, "
    "Theresa May said on Tuesday, December 8, 2020. Some 2,020 troops under Resolution 2020 "
    "may stay. Talks from 6 to 7 December were useful.\n\nThe co-chairs will meet on "
    "21 December in Geneva."
    " between December 6 and 8, in the past month, the day before yesterday"
)


def test_scan_equals_full_regex() -> None:
    assert [m.span() for m in dg._scan(TEXT)] == [m.span() for m in dg._DATE_RE.finditer(TEXT)]


@given(st.text())
def test_scan_equals_full_regex_on_any_text(text: str) -> None:
    assert [m.span() for m in dg._scan(text)] == [m.span() for m in dg._DATE_RE.finditer(text)]


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
    assert [m.span() for m in dg._scan(text)] == [m.span() for m in dg._DATE_RE.finditer(text)]
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
