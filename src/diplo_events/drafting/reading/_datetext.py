"""Date expressions in news text: find them and turn them into `UncertainDate`.

`parse_date` reads a short text holding one date expression; `find_dates`
finds every date expression in a longer text. Dates without a year, weekdays
and relative words ("yesterday", "last week") are read against an *anchor*,
usually the publication date of the source. Nothing is ever taken from the
clock: without an anchor such expressions are an error (`parse_date`) or are
left out (`find_dates`). Each result carries a `DateDerivation` naming the
words, the anchor and one of these rules:

=================================== =============================================================
rule                                 meaning
=================================== =============================================================
``stated``                           the text gives the whole date: ``December 8, 2020``,
                                     ``8 Dec. 2020``, ``2020-12-08``, ``December 2020``,
                                     ``in 2020`` (a bare year only after in/since/by/during/...)
``numeric-day-first``                ``8.12.2020``, ``8/12/2020`` read with ``day_first=True``
``numeric-month-first``              ``12/8/2020`` read with ``day_first=False``
``month-day-in-anchor-year``         ``November 21``: the anchor's year; uncertain (``?``) when
                                     the day is later in the anchor's own month
``month-day-in-year-before-anchor``  ``December 28`` read in January: the year before the anchor
``month-day-after-anchor``           the sentence points ahead: the first such day on or after
                                     the anchor
``month-in-anchor-year``             ``in November`` (month precision), the anchor's year
``month-in-year-before-anchor``      ``in December`` read in January: the year before
``month-after-anchor``               ``in November`` when the sentence points ahead, or
                                     ``next November``: the first such month on or after the
                                     anchor's month (``next``: strictly after)
``range-stated``                     ``6-7 December 2020``, ``December 30, 2020 - January 2, 2021``
``range-in-anchor-year``             ``12 and 13 December``: the range's start resolved like
                                     ``month-day-in-anchor-year``
``range-in-year-before-anchor``      as ``month-day-in-year-before-anchor``, for a range
``range-after-anchor``               as ``month-day-after-anchor``, for a range
``weekday-before-anchor``            ``on Monday``: the latest Monday on or before the anchor
``weekday-strictly-before-anchor``   ``last Monday``: the latest Monday before the anchor
``weekday-after-anchor``             ``next Monday``, or ``on Monday`` when the sentence points
                                     ahead: the first Monday after the anchor
``relative-day``                     ``today``, ``tonight``, ``this morning``, ``yesterday``,
                                     ``last night``, ``the day before yesterday``, ``tomorrow``,
                                     ``the day after tomorrow``
``days-ago``                         ``three days ago``, ``2 days ago``
``weeks-ago``                        ``two weeks ago``: that day, approximate (``~``)
``relative-week``                    ``last week``, ``this week``, ``next week``: the ISO week
                                     (Monday to Sunday) as an interval
``earlier-this-week``                Monday of the anchor's week .. anchor
``later-this-week``                  anchor .. Sunday of the anchor's week
``relative-month``                   ``last month``, ``this month``, ``next month`` (a month)
``earlier-this-month``               first of the anchor's month .. anchor
``later-this-month``                 anchor .. last of the anchor's month
``relative-year``                    ``last year``, ``this year``, ``next year`` (year precision)
``earlier-this-year``                January 1 of the anchor's year .. anchor
``later-this-year``                  anchor .. December 31 of the anchor's year
``past-week``                        ``over the past week``, ``in the last week``: anchor minus
                                     one week .. anchor
``past-month``                       ``over the past month``: anchor minus one month .. anchor
``past-year``                        ``in the past year``: anchor minus one year .. anchor
``recent-before-anchor``             ``recently``, ``in recent weeks``: open start .. anchor
=================================== =============================================================

A weekday given with a date (``Tuesday, December 8``) must fall on that date;
if it does not, the date is marked uncertain (``?``).

The words around an expression decide whether a date without a year, a bare
weekday or a bare month lies ahead of the anchor: ``will``, ``shall``,
``'ll``, ``next``, ``upcoming``, ``forthcoming``, ``planned``,
``scheduled``, ``slated``, ``plans to``, ``to be held``, ``to take place``,
``offered to host`` (or hold, organise, convene), ``proposed to host``,
``is expected to``, ``is due to`` (meet, visit, ...), ``is set to``,
``was set for``, ``expect to hold``, ``is going to`` and ``would`` (but not
``would have``) in the same sentence (`find_dates`) or anywhere in the text
(`parse_date`). ``was scheduled``,
``had been planned``, ``was expected to`` and an adjective after an article
(``a planned trade zone``, but not ``the planned talks``) do not count.

Month names are matched in any case, full or abbreviated (``Jan.``,
``Sept.``), except ``May`` and ``March`` (and ``Mar``), which must be written
with a capital letter, so that the verbs "may" and "march" are not read as
months. A month alone (``in November``) and a year alone (``in 2020``) are only
read after a preposition (in, during, since, until, by, before, after, from,
through, of) or ``early``/``late``/``mid``, so ``Theresa May said``,
``2,020 troops`` and ``Resolution 2020`` are not dates. The preposition (and
a leading ``on``) is part of the matched text but does not change the date:
``since 2020`` is the year 2020.

Issue codes raised by `parse_date` (in a `ParseError`, with path ``$``):
``date.not_found``, ``date.ambiguous``, ``date.needs_anchor``,
``date.numeric_order`` and ``date.impossible``.

>>> import datetime as dt
>>> parse_date("on Monday", anchor=dt.date(2020, 12, 8)).edtf
'2020-12-07'
>>> text = "Talks on November 9, 2020 and on 12-13 December 2020."
>>> [m.date.edtf for m in find_dates(text, anchor=None)]
['2020-11-09', '2020-12-12/2020-12-13']
"""

import bisect
import calendar
import datetime as dt
import re
from typing import Final

from attrs import frozen
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from diplo_events.exceptions import Issue, ParseError
from diplo_events.model import DateDerivation, Span, UncertainDate
from diplo_events.model import _rules as v

__all__ = ["DateMatch", "find_dates", "parse_date"]


@frozen(kw_only=True)
class DateMatch:
    """A date expression found in a text by `find_dates`.

    Attributes:
        span: Where the expression is in the text (Python string offsets).
        text: The expression, ``text[span.start:span.end]``; it includes a
            leading preposition such as ``on`` or ``in`` when there is one.
        date: The date, with a `DateDerivation` naming the words, the rule
            and the anchor.
        future: Whether the expression or its sentence points ahead of the
            anchor ("will", "next", "planned", "tomorrow", ...).

    .. versionadded:: 0.1.0
    """

    span: Span
    text: str
    date: UncertainDate
    future: bool


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

# --- the expression grammar -----------------------------------------------------------

_FULL_MONTHS: Final = (
    r"january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august"
    r"|september|october|november|december"
)
_ABBR_MONTHS: Final = r"jan|feb|(?-i:Mar|MAR)|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_WEEKDAY: Final = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DASH: Final = r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*"
_WORD_SEP: Final = r"\s+(?:to|through|thru|until|till)\s+"


def _month(name: str) -> str:
    # An abbreviation keeps its period only when a day or year follows it.
    return rf"(?P<{name}>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})(?:\.(?=\s*[0-9])|\b))"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?![:.][0-9])"


def _year(name: str) -> str:
    return rf"(?P<{name}>[12][0-9]{{3}})(?![0-9]|[.,:/][0-9])"


def _opt_year(name: str) -> str:
    return rf"(?:,?\s+{_year(name)})?"


def _sep(and_when: str | None) -> str:
    """A range separator; ``and`` always (``"always"``), never, or if a group matched."""
    if and_when is None:
        return rf"(?:{_DASH}|{_WORD_SEP})"
    if and_when == "always":
        return rf"(?:{_DASH}|{_WORD_SEP}|\s+and\s+)"
    return rf"(?:{_DASH}|{_WORD_SEP}|\s+(?({and_when})and|(?!))\s+)"


def _range_lead(name: str) -> str:
    return rf"(?:(?:(?P<{name}>between)|from)\s+)?"


def _md(k: str, n: str) -> str:
    return rf"{_month(f'{k}_m{n}')}\s+{_day(f'{k}_d{n}')}"


def _dm(k: str, n: str) -> str:
    return rf"(?:the\s+)?{_day(f'{k}_d{n}')}(?:\s+of)?\s+{_month(f'{k}_m{n}')}"


_ALTERNATIVES: Final = {
    # ranges across months: "December 30, 2020 - January 2, 2021"
    "rxm": rf"{_range_lead('rxm_b')}{_md('rxm', '1')}{_opt_year('rxm_y1')}{_sep('rxm_b')}"
    rf"{_md('rxm', '2')}{_opt_year('rxm_y2')}",
    "rxd": rf"{_range_lead('rxd_b')}{_dm('rxd', '1')}{_opt_year('rxd_y1')}{_sep('rxd_b')}"
    rf"{_dm('rxd', '2')}{_opt_year('rxd_y2')}",
    # ranges within a month: "December 12-14", "from 6 to 7 December"
    "rmd": rf"{_range_lead('rmd_b')}{_month('rmd_m2')}\s+{_day('rmd_d1')}{_sep('rmd_b')}"
    rf"{_day('rmd_d2')}{_opt_year('rmd_y2')}",
    "rdm": rf"{_range_lead('rdm_b')}(?:the\s+)?{_day('rdm_d1')}{_sep('always')}"
    rf"{_dm('rdm', '2')}{_opt_year('rdm_y2')}",
    # a weekday with the date: "Tuesday, December 8, 2020"
    "wmd": rf"(?P<wmd_w>{_WEEKDAY}),?\s+{_md('wmd', '1')}{_opt_year('wmd_y1')}",
    "wdm": rf"(?P<wdm_w>{_WEEKDAY}),?\s+{_dm('wdm', '1')}{_opt_year('wdm_y1')}",
    "iso": r"(?<![0-9.,/-])(?P<iso_y>[12][0-9]{3})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9])"
    r"(?![0-9]|[-.,/][0-9])",
    "num": r"(?<![0-9.,/-])(?P<num_a>[0-9]{1,2})(?P<num_s>[./-])(?P<num_b>[0-9]{1,2})(?P=num_s)"
    r"(?P<num_y>[12][0-9]{3})(?![0-9]|[-.,/][0-9])",
    "md": rf"{_md('md', '1')}{_opt_year('md_y1')}",
    "dm": rf"{_dm('dm', '1')}{_opt_year('dm_y1')}",
    "my": rf"{_month('my_m1')},?\s+{_year('my_y1')}",
    # "in November", "early December", "next November"
    "mo": rf"(?:(?P<mo_q>last|next|this|early|late|mid)(?:-|\s+)|(?(pin)|(?!))){_month('mo_m1')}",
    # "in 2020", "mid-2020"; 1800 to 2199 only, and never before a digit or percent sign
    "yr": r"(?:(?:early|late|mid)(?:-|\s+)|(?(pin)|(?!)))(?P<yr_y1>(?:1[89]|2[01])[0-9]{2})"
    r"(?![0-9]|[-.,:/][0-9]|\s*(?:%|per\s*cent))",
    "rday": r"(?P<rday_w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
    r"|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    "ago": r"(?P<ago_n>[1-9][0-9]?|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<ago_u>days?|weeks?)\s+ago\b",
    "past": r"(?:over\s+)?the\s+(?:past|last)\s+(?P<past_u>week|month|year)\b(?!\s+of\b)",
    "thisx": r"(?P<thisx_q>earlier|later)\s+this\s+(?P<thisx_u>week|month|year)\b",
    "rel": r"(?P<rel_q>last|next|this)\s+(?P<rel_u>week|month|year)\b(?!\s+of\b)",
    "recent": r"recently\b|(?(pin)recent\s+(?:days|weeks|months)\b|(?!))",
    "wd": rf"(?:(?P<wd_q>last|next|this\s+coming|this\s+past|this|coming)\s+)?(?P<wd_w>{_WEEKDAY})",
}

_PREPOSITION: Final = (
    r"(?:(?P<pon>on)|(?P<pin>in|during|since|until|till|by|before|after|from|through"
    r"|throughout|of))\s+"
)
_DATE_RE: Final = re.compile(
    rf"\b(?:{_PREPOSITION})?(?:"
    + "|".join(f"(?P<k_{key}>{body})" for key, body in _ALTERNATIVES.items())
    + ")",
    re.IGNORECASE,
)

# Every date expression holds one of these tokens (a digit, or the start of a month,
# weekday or time word), perhaps after a few words that may lead one. `_scan` tries
# the full grammar only where this much cheaper pattern matches.
_LEAD_WORDS: Final = (
    "on|in|during|since|until|till|by|before|after|from|through|throughout|of|between|the"
    "|over|past|last|next|this|coming|early|late|mid|earlier|later|day|days|weeks"
    "|an?|one|two|three|four|five|six|seven|eight|nine|ten"
)
_TOKENS: Final = (
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun yesterday"
    " today tomorrow tonight night morning afternoon evening week month year recent day"
)


def _caseless(words: str) -> str:
    """An alternation of *words* in any case, branching on a character class first.

    The regex engine skips a branch that starts with a character class at the
    cost of one comparison, which an ignore-case literal does not allow.
    """
    by_first: dict[str, list[str]] = {}
    for word in words.split():
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        tails = "|".join("".join(f"[{c}{c.upper()}]" for c in rest) for rest in rests)
        branches.append(f"[{first}{first.upper()}](?:{tails})")
    return "|".join(branches)


_TRIGGER_RE: Final = re.compile(rf"\b(?:[0-9]|{_caseless(_TOKENS)})")
# A word that may lead a date expression, just before the given end.
_LEAD_BEFORE_RE: Final = re.compile(rf"\b(?:{_LEAD_WORDS})(?:\s+|-)\Z", re.IGNORECASE)
_LEAD_REACH: Final = 16

# Sentence ends ("b") and words that point ahead ("c"), found in one pass.
_CONTEXT_RE: Final = re.compile(
    r"(?P<b>(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bGen)(?<!\b[A-Z])"
    r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z\u00c0-\u00dd\u0391-\u03a9\u0410-\u042f])"
    r"|\n[ \t]*\n)"
    r"|(?P<c>\b(?:will|shall|won't|next(?!\s+(?:day|morning|evening|to)\b)|upcoming|forthcoming"
    r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\sbeen\s)"
    # "a planned trade zone" is an adjective, not a plan for the date at hand; "the planned
    # talks" and "their scheduled visit" still point ahead.
    r"(?:(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?:scheduled|planned|slated)"
    r"|(?:scheduled|planned|slated)(?=\s+(?:[\w-]+\s+)?(?:talks|visits?|meetings?|summits?|trips?"
    r"|calls?|conferences?|sessions?|rounds?|consultations|ministerial|forum|dialogue"
    r"|negotiations)\b))"
    r"|plans?\s+to|to\s+be\s+held|to\s+take\s+place"
    r"|(?:offer(?:s|ed)?|propos(?:es|ed))\s+to\s+(?:host|hold|organi[sz]e|convene)"
    r"|(?<!\bwas\s)(?<!\bwere\s)expected\s+to"
    r"|(?:is|are)\s+(?:set|going)\s+to|(?:was|were|is|are)\s+set\s+for|expects?\s+to\s+hold"
    r"|(?:postponed|put\s+off|moved|delayed)\s+(?:until|to|till)|rescheduled\s+for"
    r"|due\s+to\s+(?:meet|visit|hold|travel|arrive|begin|start|sign|attend|be|take|open)"
    r"|would\s+(?!(?:not\s+)?have\b))\b|[\u2019']ll\b)",
    re.IGNORECASE,
)

# Alternatives whose words point ahead by themselves.
_AHEAD_WORDS: Final = re.compile(
    r"\b(?:tomorrow|next|later|coming)\b",
    re.IGNORECASE,
)

_TEXT_LIMIT: Final = 80


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


def _points_ahead(m: re.Match[str]) -> bool:
    kind = (m.lastgroup or "k_")[2:]
    if kind in {"rday", "thisx", "rel", "wd", "mo"}:
        return _AHEAD_WORDS.search(m[0]) is not None
    return False


def _shorten(text: str) -> str:
    if len(text) > _TEXT_LIMIT:
        text = text[: _TEXT_LIMIT - 1] + "\u2026"
    return repr(text)


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


def _check_arguments(text: object, anchor: object, day_first: object) -> None:
    if not isinstance(text, str):
        raise v.type_error("text", "a string", text)
    if anchor is not None and type(anchor) is not dt.date:
        raise v.type_error("anchor", "a date (not a datetime) or None", anchor)
    if day_first is not None and not isinstance(day_first, bool):
        raise v.type_error("day_first", "True, False or None", day_first)


# --- the public functions ----------------------------------------------------------------


def parse_date(
    text: str, *, anchor: dt.date | None = None, day_first: bool | None = None
) -> UncertainDate:
    """Read the one date expression in *text*.

    *text* holds a single date expression, possibly with a few words around it
    ("on Monday", "The talks took place on November 21"). Expressions without
    a year, weekdays and relative words are read against *anchor*; whether the
    text points ahead ("will", "next", "scheduled", ...) decides the year of a
    date given without one. The rules are listed in the module documentation.

    Args:
        text: The text holding the expression.
        anchor: The date to read the expression against, usually the
            publication date of the source.
        day_first: How to read numeric dates such as ``8/12/2020``: ``True``
            for day-month-year, ``False`` for month-day-year. Numeric dates are
            refused when it is ``None``.

    Returns:
        The date, with a `DateDerivation` naming the words, the rule and
        the anchor.

    Raises:
        ParseError: With one issue at path ``$``: ``date.not_found``,
            ``date.ambiguous`` (more than one different expression),
            ``date.needs_anchor``, ``date.numeric_order`` or ``date.impossible``.

    Examples:
        >>> import datetime as dt
        >>> anchor = dt.date(2020, 12, 8)
        >>> parse_date("The talks took place on November 21", anchor=anchor).edtf
        '2020-11-21'
        >>> parse_date("over the past month", anchor=anchor).edtf
        '2020-11-08/2020-12-08'
        >>> parse_date("Tuesday, December 8, 2020").derivation.rule
        'stated'

    .. versionadded:: 0.1.0
    """
    _check_arguments(text, anchor, day_first)
    matches = _scan(text)
    if not matches:
        raise ParseError(
            [Issue(path="$", code="date.not_found", message=f"no date found in {_shorten(text)}")]
        )
    future = any(c.lastgroup == "c" for c in _CONTEXT_RE.finditer(text))
    outcomes: dict[str, UncertainDate | _ProblemError] = {}
    for m in matches:
        try:
            date = _build(m, anchor, day_first=day_first, future=future or _points_ahead(m))
        except _ProblemError as problem:
            outcomes.setdefault(" ".join(m[0].lower().split()), problem)
        else:
            outcomes.setdefault(date.edtf, date)
    if len(outcomes) > 1:
        found = ", ".join(repr(m[0]) for m in matches)
        raise ParseError(
            [
                Issue(
                    path="$",
                    code="date.ambiguous",
                    message=f"more than one date in {_shorten(text)}: {found}",
                )
            ]
        )
    (outcome,) = outcomes.values()
    if isinstance(outcome, _ProblemError):
        where = "" if outcome.detail.startswith(repr(text)) else f", in {_shorten(text)}"
        message = f"{outcome.detail}{where}"
        raise ParseError([Issue(path="$", code=outcome.code, message=message)])
    return outcome


def _candidate_starts(text: str, token: int, pos: int) -> list[int]:
    """Where a date expression holding the token at *token* may start, earliest first."""
    starts = [token]
    end = token
    while end > pos:
        lead = _LEAD_BEFORE_RE.search(text[max(pos, end - _LEAD_REACH) : end])
        if lead is None:
            break
        end -= len(lead[0])
        starts.append(end)
    starts.reverse()
    return starts


def _scan(text: str) -> list[re.Match[str]]:
    """``list(_DATE_RE.finditer(text))``, but trying the grammar only near tokens."""
    found: list[re.Match[str]] = []
    pos = 0
    for trigger in _TRIGGER_RE.finditer(text):
        token = trigger.start()
        if token < pos:
            continue
        for candidate in _candidate_starts(text, token, pos):
            m = _DATE_RE.match(text, candidate)
            if m is not None:
                found.append(m)
                pos = m.end()
                break
    return found


def _sentence_future(text: str, matches: list[re.Match[str]]) -> list[bool]:
    """For each match, whether its sentence holds a word pointing ahead."""
    ends: list[int] = []
    starts: list[int] = []
    cues: list[int] = []
    for c in _CONTEXT_RE.finditer(text):
        if c.lastgroup == "c":
            cues.append(c.start())
        else:
            starts.append(c.start())
            ends.append(c.end())
    flags = []
    for m in matches:
        i = bisect.bisect_right(ends, m.start())
        sentence_start = ends[i - 1] if i else 0
        j = bisect.bisect_left(starts, m.end())
        sentence_end = starts[j] if j < len(starts) else len(text)
        k = bisect.bisect_left(cues, sentence_start)
        flags.append(k < len(cues) and cues[k] < sentence_end)
    return flags


def find_dates(
    text: str, *, anchor: dt.date | None, day_first: bool | None = None
) -> list[DateMatch]:
    """Find every date expression in *text*, in order.

    Matches do not overlap; where expressions could overlap the longest is
    taken ("Tuesday, December 8, 2020" and "from 6 to 7 December" are one
    match each). A date without a year, a bare weekday or a bare month is
    read as lying ahead of *anchor* when its sentence points ahead ("will",
    "next", "scheduled", ...). Expressions that cannot be read are left out
    without an error: those that need an anchor when *anchor* is ``None``,
    numeric dates (``8/12/2020``) when *day_first* is ``None``, and dates
    that do not exist ("February 30").

    Args:
        text: The text to search, such as a news article.
        anchor: The date to read relative expressions against, usually the
            publication date, or ``None`` to find only complete dates.
        day_first: How to read numeric dates: ``True`` for day-month-year,
            ``False`` for month-day-year, ``None`` to skip them.

    Returns:
        The matches, in text order.

    Examples:
        >>> import datetime as dt
        >>> text = "Lavrov met Ayvazyan on Monday. They will meet again on 21 December."
        >>> for m in find_dates(text, anchor=dt.date(2020, 12, 8)):
        ...     print(m.text, m.date, m.date.derivation.rule, m.future)
        on Monday 2020-12-07 weekday-before-anchor False
        on 21 December 2020-12-21 month-day-after-anchor True

    .. versionadded:: 0.1.0
    """
    _check_arguments(text, anchor, day_first)
    matches = _scan(text)
    if not matches:
        return []
    futures = _sentence_future(text, matches)
    found: list[DateMatch] = []
    for m, in_sentence in zip(matches, futures, strict=True):
        future = in_sentence or _points_ahead(m)
        try:
            date = _build(m, anchor, day_first=day_first, future=future)
        except _ProblemError:
            continue
        found.append(
            DateMatch(span=Span(start=m.start(), end=m.end()), text=m[0], date=date, future=future)
        )
    return found
