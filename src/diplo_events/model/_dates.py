"""Uncertain dates: what a source lets us say about when something happened.

An event date is rarely a bare calendar day. A source may give only a month,
a day "on or before" its own date, or a range; a date may be approximate or
uncertain; and it is often worked out from words ("on Monday") and an anchor
(the publication date). `UncertainDate` keeps all of it and writes it as an
ISO 8601-2 / EDTF string, so nothing is ever made more precise than it was:
``2020-12``, ``2020-12-07?``, ``2020-12-06/2020-12-07``, ``../2020-12-08``.

Supported EDTF subset (level 0 and the level 1 features dates need):
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, each optionally followed by ``?``
(uncertain), ``~`` (approximate) or ``%`` (both); and intervals ``A/B`` of
such dates where either end may be ``..`` (open). An interval is read as
"a day somewhere within these bounds".
"""

import calendar
import datetime as dt
import functools
import re
from typing import Final, NamedTuple, Self

from attrs import field, frozen

from diplo_events._paths import shown
from diplo_events.exceptions import FieldError
from diplo_events.model import _rules as v
from diplo_events.model._vocab import Precision

__all__ = ["DateDerivation", "UncertainDate"]

# ASCII digits only: \d would also match other scripts' digits, which int() reads.
_DATE_RE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?")
_OPEN: Final = ".."
_RANK: Final = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


class _Point(NamedTuple):
    earliest: dt.date
    latest: dt.date
    precision: Precision
    approximate: bool
    uncertain: bool


class _Parsed(NamedTuple):
    earliest: dt.date | None
    latest: dt.date | None
    precision: Precision
    approximate: bool
    uncertain: bool
    is_interval: bool


def _syntax_error(text: str) -> FieldError:
    return FieldError(
        "edtf",
        "date.invalid_edtf",
        "'edtf' must be an EDTF date such as '2020-12-07', '2020-12', '2020-12-07?' "
        f"or '2020-12-06/2020-12-07', got {shown(text)}",
    )


def _impossible(part: str, whole: str) -> FieldError:
    where = "" if part == whole else f", in {shown(whole)}"
    return FieldError("edtf", "date.impossible", f"{shown(part)} is not a calendar date{where}")


def _parse_point(part: str, whole: str) -> _Point:
    match = _DATE_RE.fullmatch(part)
    if match is None:
        raise _syntax_error(whole)
    year_s, month_s, day_s, qualifier = match.groups()
    year = int(year_s)
    if year == 0:
        raise FieldError(
            "edtf", "date.out_of_range", f"year 0000 is not supported, in {shown(whole)}"
        )
    if month_s is None:
        earliest, latest, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
    else:
        month = int(month_s)
        if not 1 <= month <= 12:  # noqa: PLR2004 - months of the year
            raise _impossible(part, whole)
        last_day = calendar.monthrange(year, month)[1]
        if day_s is None:
            earliest = dt.date(year, month, 1)
            latest = dt.date(year, month, last_day)
            precision = Precision.MONTH
        else:
            day = int(day_s)
            if not 1 <= day <= last_day:
                raise _impossible(part, whole)
            earliest = latest = dt.date(year, month, day)
            precision = Precision.DAY
    return _Point(earliest, latest, precision, qualifier in {"~", "%"}, qualifier in {"?", "%"})


@functools.lru_cache(maxsize=8192)
def parse_edtf(text: str) -> _Parsed:
    """Parse the supported EDTF subset; raise `FieldError` on anything else."""
    if "/" not in text:
        point = _parse_point(text, text)
        return _Parsed(
            point.earliest,
            point.latest,
            point.precision,
            point.approximate,
            point.uncertain,
            False,  # noqa: FBT003 - positional NamedTuple field
        )
    start_s, _, end_s = text.partition("/")
    if "/" in end_s or (start_s == _OPEN and end_s == _OPEN):
        raise _syntax_error(text)
    start = None if start_s == _OPEN else _parse_point(start_s, text)
    end = None if end_s == _OPEN else _parse_point(end_s, text)
    points = [p for p in (start, end) if p is not None]
    if start is not None and end is not None and start.earliest > end.latest:
        raise FieldError(
            "edtf",
            "date.reversed_interval",
            f"the interval {shown(text)} ends before it starts",
        )
    precision = max((p.precision for p in points), key=_RANK.__getitem__)
    return _Parsed(
        start.earliest if start is not None else None,
        end.latest if end is not None else None,
        precision,
        any(p.approximate for p in points),
        any(p.uncertain for p in points),
        True,  # noqa: FBT003 - positional NamedTuple field
    )


def _edtf_ok(value: object) -> bool:
    try:
        parse_edtf(value)  # a non-string fails as it is hashed or parsed
    except (FieldError, TypeError):
        return False
    return True


def _edtf_problem(name: str, value: object) -> FieldError | None:
    if type(value) is not str:
        return v.type_error(name, "an EDTF date string", value)
    try:
        parse_edtf(value)
    except FieldError as exc:
        return exc
    return None


def _qualifier(*, approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    if approximate:
        return "~"
    return "?" if uncertain else ""


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class DateDerivation(v.Checked):
    """How a date was worked out from a source.

    Attributes:
        text: The words the date was read from, such as ``"on Monday"``.
        rule: The rule applied, an open vocabulary such as ``"stated"``,
            ``"weekday-before-anchor"`` or ``"month-day-in-anchor-year"``.
        anchor: The date the words were read against, usually the
            publication date of the source, or ``None``.

    .. versionadded:: 0.1.0
    """

    text: str = field(converter=v.nfc, metadata=v.text())
    rule: str = field(converter=v.nfc, metadata=v.text())
    anchor: dt.date | None = field(default=None, metadata=v.optional_date())


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class UncertainDate(v.Checked):
    """A date known to a precision, between bounds, possibly approximate or uncertain.

    The value is its EDTF text; everything else is read from it. Build one
    with the constructor or the class methods:

    >>> UncertainDate.day(dt.date(2020, 12, 7)).edtf
    '2020-12-07'
    >>> UncertainDate.month(2020, 12, uncertain=True).edtf
    '2020-12?'
    >>> UncertainDate(edtf="2020-12-06/2020-12-07").latest
    datetime.date(2020, 12, 7)

    Attributes:
        edtf: The date as ISO 8601-2 / EDTF text.
        derivation: How the date was worked out from a source, or ``None``.

    .. versionadded:: 0.1.0
    """

    edtf: str = field(metadata=v.custom(_edtf_ok, _edtf_problem))
    derivation: DateDerivation | None = field(
        default=None, metadata=v.optional_instance_of(DateDerivation)
    )

    # --- building ----------------------------------------------------------------

    @classmethod
    def day(
        cls,
        day: dt.date,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        derivation: DateDerivation | None = None,
    ) -> Self:
        """Return the date *day*, known to the day."""
        if type(day) is not dt.date:
            raise v.type_error("day", "a date", day)
        mark = _qualifier(approximate=approximate, uncertain=uncertain)
        return cls(edtf=f"{day.isoformat()}{mark}", derivation=derivation)

    @classmethod
    def month(
        cls,
        year: int,
        month: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        derivation: DateDerivation | None = None,
    ) -> Self:
        """Return a date known only to the month."""
        mark = _qualifier(approximate=approximate, uncertain=uncertain)
        return cls(edtf=f"{year:04d}-{month:02d}{mark}", derivation=derivation)

    @classmethod
    def year(
        cls,
        year: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        derivation: DateDerivation | None = None,
    ) -> Self:
        """Return a date known only to the year."""
        mark = _qualifier(approximate=approximate, uncertain=uncertain)
        return cls(edtf=f"{year:04d}{mark}", derivation=derivation)

    @classmethod
    def between(
        cls,
        earliest: dt.date | None,
        latest: dt.date | None,
        *,
        derivation: DateDerivation | None = None,
    ) -> Self:
        """Return a day somewhere between *earliest* and *latest* (inclusive).

        Either bound may be ``None`` for "open": ``between(None, anchor)`` is a
        day on or before *anchor*. Equal bounds give a plain day.
        """
        if earliest is not None and earliest == latest:
            return cls.day(earliest, derivation=derivation)
        start = _OPEN if earliest is None else earliest.isoformat()
        end = _OPEN if latest is None else latest.isoformat()
        return cls(edtf=f"{start}/{end}", derivation=derivation)

    # --- reading -------------------------------------------------------------------

    @property
    def earliest(self) -> dt.date | None:
        """The first day the date can be, or ``None`` if open."""
        return parse_edtf(self.edtf).earliest

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can be, or ``None`` if open."""
        return parse_edtf(self.edtf).latest

    @property
    def precision(self) -> Precision:
        """The coarsest unit the date (or either end of its range) is given in."""
        return parse_edtf(self.edtf).precision

    @property
    def approximate(self) -> bool:
        """Whether the source gives the date as approximate (``~`` or ``%``)."""
        return parse_edtf(self.edtf).approximate

    @property
    def uncertain(self) -> bool:
        """Whether the source is unsure of the date (``?`` or ``%``)."""
        return parse_edtf(self.edtf).uncertain

    @property
    def is_interval(self) -> bool:
        """Whether the date is given as bounds (``A/B``) rather than one value."""
        return parse_edtf(self.edtf).is_interval

    @property
    def is_exact(self) -> bool:
        """Whether the date is one certain day."""
        parsed = parse_edtf(self.edtf)
        return (
            parsed.precision is Precision.DAY
            and not parsed.is_interval
            and not parsed.approximate
            and not parsed.uncertain
        )

    def certainly_before(self, other: "UncertainDate") -> bool:
        """Whether every day this date can be falls before every day *other* can be."""
        latest, other_earliest = self.latest, other.earliest
        return latest is not None and other_earliest is not None and latest < other_earliest

    def overlaps(self, other: "UncertainDate") -> bool:
        """Whether this date and *other* can be the same day."""
        return not self.certainly_before(other) and not other.certainly_before(self)

    def __str__(self) -> str:
        return self.edtf
