"""The rules that turn one date expression into an `UncertainDate`.

`diplo_events.drafting.reading._dategrammar` finds an expression and names its
parts (month, day, year, weekday, qualifier); the rules here resolve it against
the anchor into an EDTF date and the name of the rule that produced it
(``month-day-in-anchor-year``, ``weekday-before-anchor``, ...). The rules are
listed, with what each means, in the documentation of
`diplo_events.drafting.reading._datetext`. An expression that names no date
raises `_ProblemError`, which the public functions turn into an `Issue` or skip.
"""

import calendar
import datetime as dt
import re
from typing import Final

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from diplo_events.model import DateDerivation, UncertainDate

# --- vocabulary ---------------------------------------------------------------------

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan",),
            ("feb",),
            ("mar",),
            ("apr",),
            ("may",),
            ("jun",),
            ("jul",),
            ("aug",),
            ("sep",),
            ("oct",),
            ("nov",),
            ("dec",),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_WEEKDAY_INDEX: Final = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


# --- resolution ------------------------------------------------------------------------


class _ProblemError(Exception):
    """An expression that cannot be turned into a date; *detail* names the expression."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


class _Result:
    """An EDTF string and the rule that produced it."""

    __slots__ = ("edtf", "rule")

    def __init__(self, edtf: str, rule: str) -> None:
        self.edtf = edtf
        self.rule = rule


def _mark(*, uncertain: bool) -> str:
    return "?" if uncertain else ""


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()[:3]]


def _day_number(word: str) -> int:
    return int(word)


def _make_date(year: int, month: int, day: int, expression: str) -> dt.date:
    if (
        not dt.MINYEAR <= year <= dt.MAXYEAR
        or not 1 <= month <= 12  # noqa: PLR2004 - months of the year
        or not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        raise _ProblemError("date.impossible", f"{expression!r} is not a calendar date")
    return dt.date(year, month, day)


def _check_day_exists(month: int, day: int, expression: str) -> None:
    # 2000 is a leap year: a day that does not exist then exists in no year.
    _make_date(2000, month, day, expression)


def _need_anchor(anchor: dt.date | None, expression: str) -> dt.date:
    if anchor is None:
        raise _ProblemError(
            "date.needs_anchor",
            f"{expression!r} can only be read against an anchor date; pass anchor=",
        )
    return anchor


def _month_day_year(
    month: int, day: int, anchor: dt.date, *, future: bool
) -> tuple[int, bool, str]:
    """Year, uncertainty and rule for a month and day without a year."""
    if future:
        year = anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
        return year, False, "month-day-after-anchor"
    if (month, day) <= (anchor.month, anchor.day):
        return anchor.year, False, "month-day-in-anchor-year"
    if month == anchor.month:
        return anchor.year, True, "month-day-in-anchor-year"
    return anchor.year - 1, False, "month-day-in-year-before-anchor"


def _single_day(
    month_word: str,
    day_word: str,
    year_word: str | None,
    *,
    weekday_word: str | None,
    anchor: dt.date | None,
    expression: str,
    future: bool,
) -> _Result:
    month, day = _month_number(month_word), _day_number(day_word)
    _check_day_exists(month, day, expression)
    if year_word is not None:
        date = _make_date(int(year_word), month, day, expression)
        uncertain, rule = False, "stated"
    else:
        year, uncertain, rule = _month_day_year(
            month, day, _need_anchor(anchor, expression), future=future
        )
        date = _make_date(year, month, day, expression)
    if weekday_word is not None and date.weekday() != _WEEKDAY_INDEX[weekday_word[:3].lower()]:
        uncertain = True
    return _Result(f"{date.isoformat()}{_mark(uncertain=uncertain)}", rule)


def _range(
    start: tuple[str, str, str | None],
    end: tuple[str, str, str | None],
    anchor: dt.date | None,
    expression: str,
    *,
    future: bool,
) -> _Result:
    (m1_w, d1_w, y1_w), (m2_w, d2_w, y2_w) = start, end
    m1, d1, m2, d2 = (
        _month_number(m1_w),
        _day_number(d1_w),
        _month_number(m2_w),
        _day_number(d2_w),
    )
    _check_day_exists(m1, d1, expression)
    _check_day_exists(m2, d2, expression)
    wraps = m2 < m1
    uncertain = False
    if y1_w is None and y2_w is None:
        y1, uncertain, rule = _month_day_year(
            m1, d1, _need_anchor(anchor, expression), future=future
        )
        rule = rule.replace("month-day", "range")
        y2 = y1 + 1 if wraps else y1
    else:
        rule = "range-stated"
        y2 = int(y2_w) if y2_w is not None else int(y1_w or 0) + wraps
        y1 = int(y1_w) if y1_w is not None else y2 - wraps
    first = _make_date(y1, m1, d1, expression)
    last = _make_date(y2, m2, d2, expression)
    if last < first:
        raise _ProblemError("date.impossible", f"the range {expression!r} ends before it starts")
    if first == last:
        return _Result(f"{first.isoformat()}{_mark(uncertain=uncertain)}", rule)
    mark = _mark(uncertain=uncertain)
    return _Result(f"{first.isoformat()}{mark}/{last.isoformat()}{mark}", rule)


def _between(first: dt.date | None, last: dt.date, rule: str) -> _Result:
    return _Result(UncertainDate.between(first, last).edtf, rule)


def _numeric(m: re.Match[str], expression: str, *, day_first: bool | None) -> _Result:
    if day_first is None:
        a, b = m["num_a"], m["num_b"]
        raise _ProblemError(
            "date.numeric_order",
            f"{expression!r} is a numeric date whose order is not known: pass day_first=True "
            f"to read day {int(a)}, month {int(b)}, or day_first=False to read month {int(a)}, "
            f"day {int(b)}",
        )
    first, second = int(m["num_a"]), int(m["num_b"])
    day, month = (first, second) if day_first else (second, first)
    date = _make_date(int(m["num_y"]), month, day, expression)
    return _Result(date.isoformat(), "numeric-day-first" if day_first else "numeric-month-first")


def _month_only(qualifier: str | None, month: int, anchor: dt.date, *, future: bool) -> _Result:
    q = (qualifier or "").lower()
    if q == "this":
        year = anchor.year
    elif q == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif q == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
        return _Result(f"{year:04d}-{month:02d}", "month-after-anchor")
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    if year > anchor.year:
        rule = "month-after-anchor"
    elif year < anchor.year:
        rule = "month-in-year-before-anchor"
    else:
        rule = "month-in-anchor-year"
    return _Result(f"{year:04d}-{month:02d}", rule)


def _weekday(qualifier: str | None, name: str, anchor: dt.date, *, future: bool) -> _Result:
    wd = _WEEKDAYS[_WEEKDAY_INDEX[name[:3].lower()]]
    q = " ".join((qualifier or "").lower().split())
    if q in {"next", "coming", "this coming"} or (future and q not in {"last", "this past"}):
        date = anchor + relativedelta(days=1, weekday=wd(+1))
        rule = "weekday-after-anchor"
    elif q in {"last", "this past"}:
        date = anchor + relativedelta(days=-1, weekday=wd(-1))
        rule = "weekday-strictly-before-anchor"
    else:
        date = anchor + relativedelta(weekday=wd(-1))
        rule = "weekday-before-anchor"
    return _Result(date.isoformat(), rule)


def _relative_day(words: str, anchor: dt.date) -> _Result:
    w = " ".join(words.lower().split())
    offsets = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }
    return _Result((anchor + dt.timedelta(days=offsets.get(w, 0))).isoformat(), "relative-day")


def _ago(number: str, unit: str, anchor: dt.date) -> _Result:
    n = int(number) if number.isdigit() else _NUMBERS[number.lower()]
    if unit.lower().startswith("week"):
        date = anchor - relativedelta(weeks=n)
        return _Result(f"{date.isoformat()}~", "weeks-ago")
    return _Result((anchor - relativedelta(days=n)).isoformat(), "days-ago")


def _period(qualifier: str, unit: str, anchor: dt.date) -> _Result:  # noqa: PLR0911 - one return per phrase
    """``last/this/next week|month|year`` and ``earlier/later this ...``."""
    q, u = qualifier.lower(), unit.lower()
    if u == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        sunday = monday + dt.timedelta(days=6)
        if q == "earlier":
            return _between(monday, anchor, "earlier-this-week")
        if q == "later":
            return _between(anchor, sunday, "later-this-week")
        shift = dt.timedelta(weeks={"last": -1, "this": 0, "next": 1}[q])
        return _between(monday + shift, sunday + shift, "relative-week")
    if u == "month":
        first = anchor.replace(day=1)
        if q == "earlier":
            return _between(first, anchor, "earlier-this-month")
        if q == "later":
            last = anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
            return _between(anchor, last, "later-this-month")
        month = first + relativedelta(months={"last": -1, "this": 0, "next": 1}[q])
        return _Result(f"{month.year:04d}-{month.month:02d}", "relative-month")
    if q == "earlier":
        return _between(anchor.replace(month=1, day=1), anchor, "earlier-this-year")
    if q == "later":
        return _between(anchor, anchor.replace(month=12, day=31), "later-this-year")
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[q]
    return _Result(f"{year:04d}", "relative-year")


def _past(unit: str, anchor: dt.date) -> _Result:
    u = unit.lower()
    step = {"week": relativedelta(weeks=1), "month": relativedelta(months=1)}.get(
        u, relativedelta(years=1)
    )
    return _between(anchor - step, anchor, f"past-{u}")


def _resolve(  # noqa: C901, PLR0911, PLR0912 - one branch per kind of expression
    m: re.Match[str],
    anchor: dt.date | None,
    *,
    day_first: bool | None,
    future: bool,
) -> _Result:
    kind = (m.lastgroup or "k_")[2:]
    expression = m[0]
    g = m.group
    if kind in {"rxm", "rxd", "rmd", "rdm"}:
        month1 = g(f"{kind}_m1") if kind in {"rxm", "rxd"} else g(f"{kind}_m2")
        year1 = g(f"{kind}_y1") if kind in {"rxm", "rxd"} else None
        return _range(
            (month1, g(f"{kind}_d1"), year1),
            (g(f"{kind}_m2"), g(f"{kind}_d2"), g(f"{kind}_y2")),
            anchor,
            expression,
            future=future,
        )
    if kind in {"wmd", "wdm", "md", "dm"}:
        weekday = g(f"{kind}_w") if kind in {"wmd", "wdm"} else None
        return _single_day(
            g(f"{kind}_m1"),
            g(f"{kind}_d1"),
            g(f"{kind}_y1"),
            weekday_word=weekday,
            anchor=anchor,
            expression=expression,
            future=future,
        )
    if kind == "iso":
        date = _make_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")), expression)
        return _Result(date.isoformat(), "stated")
    if kind == "num":
        return _numeric(m, expression, day_first=day_first)
    if kind == "my":
        return _Result(f"{int(g('my_y1')):04d}-{_month_number(g('my_m1')):02d}", "stated")
    if kind == "yr":
        return _Result(g("yr_y1"), "stated")
    base = _need_anchor(anchor, expression)
    if kind == "mo":
        return _month_only(g("mo_q"), _month_number(g("mo_m1")), base, future=future)
    if kind == "wd":
        return _weekday(g("wd_q"), g("wd_w"), base, future=future)
    if kind == "rday":
        return _relative_day(g("rday_w"), base)
    if kind == "ago":
        return _ago(g("ago_n"), g("ago_u"), base)
    if kind == "past":
        return _past(g("past_u"), base)
    if kind == "thisx":
        return _period(g("thisx_q"), g("thisx_u"), base)
    if kind == "rel":
        return _period(g("rel_q"), g("rel_u"), base)
    return _between(None, base, "recent-before-anchor")


def _build(
    m: re.Match[str],
    anchor: dt.date | None,
    *,
    day_first: bool | None,
    future: bool,
) -> UncertainDate:
    try:
        result = _resolve(m, anchor, day_first=day_first, future=future)
        # A date past year 9999 fails here, as one EDTF cannot write.
        return UncertainDate(
            edtf=result.edtf,
            derivation=DateDerivation(text=m[0], rule=result.rule, anchor=anchor),
        )
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, _ProblemError):
            raise
        raise _ProblemError("date.impossible", f"{m[0]!r} is not a calendar date") from exc
