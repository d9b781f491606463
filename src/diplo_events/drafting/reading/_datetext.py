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

This module holds the two public readers. The grammar that finds the
expressions and the sentences that point ahead is in
`diplo_events.drafting.reading._dategrammar`; the rules above, which turn
one expression into a date, are in `diplo_events.drafting.reading._daterule`.

>>> import datetime as dt
>>> parse_date("on Monday", anchor=dt.date(2020, 12, 8)).edtf
'2020-12-07'
>>> text = "Talks on November 9, 2020 and on 12-13 December 2020."
>>> [m.date.edtf for m in find_dates(text, anchor=None)]
['2020-11-09', '2020-12-12/2020-12-13']
"""

import datetime as dt
from typing import Final

from attrs import frozen

from diplo_events.drafting.reading._dategrammar import (
    _AHEAD_RE,
    _points_ahead,
    _scan,
    _sentence_future,
)
from diplo_events.drafting.reading._daterule import _build, _ProblemError
from diplo_events.exceptions import Issue, ParseError
from diplo_events.model import Span, UncertainDate
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


_TEXT_LIMIT: Final = 80


def _shorten(text: str) -> str:
    if len(text) > _TEXT_LIMIT:
        text = text[: _TEXT_LIMIT - 1] + "\u2026"
    return repr(text)


def _check_arguments(text: object, anchor: object, day_first: object) -> None:
    if not isinstance(text, str):
        raise v.type_error("text", "a string", text)
    if anchor is not None and type(anchor) is not dt.date:
        raise v.type_error("anchor", "a date (not a datetime) or None", anchor)
    if day_first is not None and not isinstance(day_first, bool):
        raise v.type_error("day_first", "True, False or None", day_first)


# --- the public functions ----------------------------------------------------------------


#: The longest text `parse_date` reads: one date expression with a few words around it.
LONGEST_EXPRESSION: Final = 1000


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
        ParseError: With one issue at path ``$``: ``date.not_found`` (also
            for a text over `LONGEST_EXPRESSION` characters: `find_dates`
            reads a whole text), ``date.ambiguous`` (more than one different expression),
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
    if len(text) > LONGEST_EXPRESSION:
        message = (
            f"no one date expression is over {LONGEST_EXPRESSION:,} characters long, got "
            f"{len(text):,} ({_shorten(text)}); find_dates reads the dates of a whole text"
        )
        raise ParseError([Issue(path="$", code="date.not_found", message=message)])
    matches = _scan(text)
    if not matches:
        raise ParseError(
            [Issue(path="$", code="date.not_found", message=f"no date found in {_shorten(text)}")]
        )
    future = _AHEAD_RE.search(text) is not None
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
