"""Hypothesis strategies that build valid diplo_events records, values and collections.

Use them to property-test your own code that reads, writes or transforms
diplo_events data. Every strategy yields instances that pass the model's own
checks (field rules and cross-field rules); ``records()`` and ``collections()``
may point at ids that are not in the collection, while
``consistent_collections()`` yields whole datasets that `diplo_events.validate`
finds no issue with. Sizes are kept small so that tests stay fast.

Install the extra first: ``pip install 'diplo_events[hypothesis]'``. Then::

    from hypothesis import given

    from diplo_events import from_json, to_json, validate
    from diplo_events.strategies import consistent_collections, meetings


    @given(meetings())
    def test_meetings_round_trip(meeting):
        assert from_json(to_json(meeting)) == meeting


    @given(consistent_collections())
    def test_my_report_reads_any_valid_dataset(collection):
        assert validate(collection) == []
        my_report(collection)

To let ``st.from_type(Meeting)`` (and ``st.builds`` inference) use these
strategies, call `register_type_strategies` once, for example in your
``conftest.py``.

Why one long module: it is one public namespace that users import whole, as
``hypothesis.strategies`` is, and its parts are not independent: the strategy
of every record type draws its ids from the same pools and respects the same
graph rules (`diplo_events.model.graph`) that ``consistent_collections()``
builds whole datasets from.

.. versionadded:: 0.1.0
"""

import datetime as dt
import functools
import operator
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

import attrs

from diplo_events.model import (
    ACTOR_TYPES,
    ELISION,
    EVENT_TYPES,
    PLOVER_EVENTS,
    RECORD_TYPES,
    Citation,
    Code,
    Collection,
    DateDerivation,
    Demand,
    ExternalId,
    Location,
    Meeting,
    Organization,
    Participant,
    Person,
    Position,
    Proposal,
    Record,
    Reference,
    Response,
    Source,
    Span,
    Statement,
    UncertainDate,
    graph,
)
from diplo_events.model import _vocab as vocab
from diplo_events.model._countries import ALL_CODES
from diplo_events.model._rules import MAX_SAFE_INTEGER, blank, has_surrogate

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised by a test that hides Hypothesis
    msg = "diplo_events.strategies needs Hypothesis: pip install 'diplo_events[hypothesis]'"
    raise ImportError(msg) from exc

__all__ = [
    "citations",
    "codes",
    "collections",
    "consistent_collections",
    "country_codes",
    "date_derivations",
    "demands",
    "external_ids",
    "ids",
    "instants",
    "locations",
    "meetings",
    "organizations",
    "participants",
    "persons",
    "positions",
    "proposals",
    "records",
    "references",
    "register_type_strategies",
    "responses",
    "sources",
    "spans",
    "statements",
    "texts",
    "uncertain_dates",
]

_T = TypeVar("_T")

#: Largest number of items in a generated tuple: enough to find bugs, small enough to be fast.
_MAX_ITEMS: Final = 3

# Text as diplomatic sources have it: curly apostrophes, Cyrillic and Armenian
# place names, accents, the elision mark, other scripts.
_SAMPLE_TEXTS: Final = (
    "Ayvazyan\u2019s",
    "\u0415\u0440\u0435\u0432\u0430\u043d",  # Ереван
    "\u00e9",  # é, precomposed (NFC)
    "[\u2026]",  # […]
    "Sergey Lavrov",
    "Ara Genrievich Ayvazyan",
    "\u0535\u0580\u0587\u0561\u0576",  # Երևան
    "\u041c\u0418\u0414 \u0420\u043e\u0441\u0441\u0438\u0438",  # МИД России
    "Nagorno-Karabakh",
    "Ağdam",
    "\u201cwe agreed\u201d",
    "\u5317\u4eac",  # 北京
    "\u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629",
    "Caf\u00e9 \U0001f1e6\U0001f1f2",
    "9 November",
)
_WHITESPACE: Final = (" ", " ", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2028")
_DERIVATION_RULES: Final = ("stated", "weekday-before-anchor", "month-day-in-anchor-year")
_OTHER_CODE_SYSTEMS: Final = ("icews", "goldstein", "conflict-and-peace-data-bank")
_PLOVER_MODES: Final = ("visit", "host", "mediate", "phone", "summit")
_EXTERNAL_SCHEMES: Final = ("viaf", "geonames", "icews-actor", "acled")
_KNOWN_CODE_SYSTEMS: Final = frozenset(
    {vocab.CAMEO, vocab.CAMEO_ACTOR, vocab.PLOVER, vocab.ISO_3166_1_ALPHA_3}
)
_QUALIFIERS: Final = ("", "?", "~", "%")
# RFC 3339 offsets have whole minutes and stay within a day.
_MAX_OFFSET_MINUTES: Final = 24 * 60 - 1
_FAR_OFFSETS: Final = 1000  # spans starting this close to MAX_SAFE_INTEGER still fit


# --- helpers ---------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _is_text(value: str) -> bool:
    """Whether *value* passes the ``text`` rule and is NFC, so it is stored unchanged."""
    return not blank(value) and not has_surrogate(value) and unicodedata.is_normalized("NFC", value)


def _tuples(elements: st.SearchStrategy[_T]) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(elements, max_size=_MAX_ITEMS).map(tuple)


def _optional(elements: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | elements


def _check_types(types: Iterable[str]) -> None:
    for record_type in types:
        if record_type not in RECORD_TYPES:
            allowed = ", ".join(repr(t) for t in RECORD_TYPES)
            msg = f"unknown record type {record_type!r}; expected one of {allowed}"
            raise ValueError(msg)


def _join_id(record_type: str, uuid: object) -> str:
    return f"{record_type}--{uuid}"


def _ordered(
    first: UncertainDate | None, second: UncertainDate | None
) -> tuple[UncertainDate | None, UncertainDate | None]:
    """Return the dates swapped if *second* is certainly before *first*.

    When ``b`` is certainly before ``a``, ``a`` is never certainly before ``b``.
    """
    if first is not None and second is not None and second.certainly_before(first):
        return second, first
    return first, second


# --- leaves ------------------------------------------------------------------------


def ids(record_type: str, *more_types: str) -> st.SearchStrategy[str]:
    """Return a strategy for record ids ``"<type>--<uuid>"`` of the given record types.

    Args:
        record_type: A record type such as ``"meeting"``.
        *more_types: Further record types; each id is of one of them.

    Raises:
        ValueError: A type is not one of ``diplo_events.RECORD_TYPES``.

    .. versionadded:: 0.1.0
    """
    types = (record_type, *more_types)
    _check_types(types)
    prefixes = st.sampled_from(types) if len(types) > 1 else st.just(record_type)
    return st.builds(_join_id, prefixes, st.uuids())


def _phrase(parts: Sequence[tuple[str, str]], lead: str) -> str:
    return lead + "".join(word + space for word, space in parts)


_WORDS: Final = st.sampled_from(_SAMPLE_TEXTS)
_TEXTS: Final = st.one_of(
    _WORDS,
    st.builds(
        _phrase,
        st.lists(st.tuples(_WORDS, st.sampled_from(("", *_WHITESPACE))), min_size=1, max_size=4),
        st.sampled_from(("", "", "", " ", "\n")),
    ).map(_nfc),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).map(_nfc).filter(_is_text),
)


def texts() -> st.SearchStrategy[str]:
    """Return a strategy for valid text: non-empty, not only white space, NFC, no lone surrogates.

    It mixes text as sources have it (curly apostrophes, ``"Ереван"``, ``"[…]"``,
    accents) with white space and line breaks inside, and arbitrary Unicode
    (control characters included; surrogates excluded).

    .. versionadded:: 0.1.0
    """
    return _TEXTS


_COUNTRY_CODES: Final = st.sampled_from(sorted(ALL_CODES))


def country_codes() -> st.SearchStrategy[str]:
    """Return a strategy for known ISO 3166-1 alpha-3 codes (current, historical, user-assigned).

    .. versionadded:: 0.1.0
    """
    return _COUNTRY_CODES


_DATE_DERIVATIONS: Final = st.builds(
    DateDerivation,
    text=_TEXTS,
    rule=st.sampled_from(_DERIVATION_RULES) | _TEXTS,
    anchor=_optional(st.dates()),
)


def date_derivations() -> st.SearchStrategy[DateDerivation]:
    """Return a strategy for `DateDerivation` values, with or without an anchor.

    .. versionadded:: 0.1.0
    """
    return _DATE_DERIVATIONS


@st.composite
def _edtf_point(draw: st.DrawFn, day: dt.date) -> str:
    precision = draw(st.sampled_from(("day", "month", "year")))
    qualifier = draw(st.sampled_from(_QUALIFIERS))
    if precision == "year":
        return f"{day.year:04d}{qualifier}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}{qualifier}"
    return f"{day.isoformat()}{qualifier}"


@st.composite
def _edtf(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(("point", "interval", "open_start", "open_end")))
    first = draw(st.dates())
    if shape == "point":
        return draw(_edtf_point(first))
    # Both ends are written from days first <= second, so the interval never
    # ends before it starts, whatever precision each end gets.
    second = draw(st.dates(min_value=first))
    start = ".." if shape == "open_start" else draw(_edtf_point(first))
    end = ".." if shape == "open_end" else draw(_edtf_point(second))
    return f"{start}/{end}"


_UNCERTAIN_DATES: Final = st.builds(
    UncertainDate, edtf=_edtf(), derivation=_optional(_DATE_DERIVATIONS)
)


def uncertain_dates() -> st.SearchStrategy[UncertainDate]:
    """Return a strategy for `UncertainDate` values in every EDTF form diplo_events reads.

    Years (``2020``), months (``2020-12``) and days (``2020-12-07``), each
    possibly qualified ``?``, ``~`` or ``%``; intervals ``A/B`` of them, with
    either end open (``../2020-12-08``); optionally with a `DateDerivation`.

    .. versionadded:: 0.1.0
    """
    return _UNCERTAIN_DATES


def _fixed_offset(minutes: int) -> dt.tzinfo:
    return dt.UTC if minutes == 0 else dt.timezone(dt.timedelta(minutes=minutes))


_INSTANTS: Final = st.datetimes(
    timezones=st.one_of(
        st.just(dt.UTC),
        st.integers(-_MAX_OFFSET_MINUTES, _MAX_OFFSET_MINUTES).map(_fixed_offset),
    )
).map(lambda moment: moment.replace(fold=0))


def instants() -> st.SearchStrategy[dt.datetime]:
    """Return a strategy for timezone-aware datetimes, such as `Person.created`.

    Offsets are UTC or fixed offsets in whole minutes, as RFC 3339 writes them
    (``+03:00``, ``-09:30``); microseconds are included.

    .. versionadded:: 0.1.0
    """
    return _INSTANTS


_EXTERNAL_IDS: Final = st.one_of(
    st.builds(
        ExternalId,
        scheme=st.just(vocab.WIKIDATA),
        value=st.from_regex(r"[QPL][1-9][0-9]{0,8}", fullmatch=True),
    ),
    st.builds(
        ExternalId,
        scheme=(st.sampled_from(_EXTERNAL_SCHEMES) | _TEXTS).filter(lambda s: s != vocab.WIKIDATA),
        value=_TEXTS,
    ),
)


def external_ids() -> st.SearchStrategy[ExternalId]:
    """Return a strategy for `ExternalId` values: Wikidata ids such as ``"Q76658"``, and others.

    .. versionadded:: 0.1.0
    """
    return _EXTERNAL_IDS


_CODES: Final = st.one_of(
    st.builds(
        Code,
        system=st.just(vocab.CAMEO),
        # ASCII digits: CAMEO codes are 2 to 4 digits from a root 01-20.
        code=st.from_regex(r"(?:0[1-9]|1[0-9]|20)[0-9]{0,2}", fullmatch=True),
        mode=_optional(_TEXTS),
    ),
    st.builds(
        Code,
        system=st.just(vocab.PLOVER),
        code=st.sampled_from(sorted(PLOVER_EVENTS)),
        mode=_optional(st.sampled_from(_PLOVER_MODES) | _TEXTS),
    ),
    st.builds(
        Code,
        system=st.just(vocab.CAMEO_ACTOR),
        code=st.from_regex(r"(?:[A-Z]{3}){1,5}", fullmatch=True),
        mode=_optional(_TEXTS),
    ),
    st.builds(
        Code,
        system=st.just(vocab.ISO_3166_1_ALPHA_3),
        code=_COUNTRY_CODES,
        mode=_optional(_TEXTS),
    ),
    st.builds(
        Code,
        system=(st.sampled_from(_OTHER_CODE_SYSTEMS) | _TEXTS).filter(
            lambda s: s not in _KNOWN_CODE_SYSTEMS
        ),
        code=_TEXTS,
        mode=_optional(_TEXTS),
    ),
)


def codes() -> st.SearchStrategy[Code]:
    """Return a strategy for `Code` values of every code system.

    CAMEO event codes (``"042"``), CAMEO actor codes (``"ARMGOV"``), PLOVER 2.0
    event types with or without a mode, ISO 3166-1 alpha-3 country codes, and
    free text in other, unchecked systems.

    .. versionadded:: 0.1.0
    """
    return _CODES


@st.composite
def _locations(draw: st.DrawFn) -> Location:
    given = draw(st.sampled_from(("name", "country", "both")))
    name = draw(_TEXTS) if given != "country" else None
    country = draw(_COUNTRY_CODES) if given != "name" else None
    coordinates = draw(
        _optional(st.tuples(st.floats(-90.0, 90.0) | st.just(-0.0), st.floats(-180.0, 180.0)))
    )
    latitude, longitude = coordinates if coordinates is not None else (None, None)
    return Location(
        name=name,
        country=country,
        latitude=latitude,
        longitude=longitude,
        external_ids=draw(_tuples(_EXTERNAL_IDS)),
    )


_LOCATIONS: Final = _locations()


def locations() -> st.SearchStrategy[Location]:
    """Return a strategy for `Location` values with a name, a country or both.

    .. versionadded:: 0.1.0
    """
    return _LOCATIONS


@st.composite
def _spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, MAX_SAFE_INTEGER - 1))
    end = draw(st.integers(start + 1, MAX_SAFE_INTEGER))
    return Span(start=start, end=end)


_SPANS: Final = _spans()


def spans() -> st.SearchStrategy[Span]:
    """Return a strategy for `Span` values: ``0 <= start < end <= 2**53 - 1``.

    .. versionadded:: 0.1.0
    """
    return _SPANS


_CONFIDENCES: Final = _optional(st.floats(0.0, 1.0) | st.just(-0.0))


@st.composite
def _free_spans(draw: st.DrawFn) -> tuple[Span, ...]:
    """Ordered, non-overlapping spans anywhere (the source's text is not known)."""
    position = draw(st.integers(0, 100) | st.integers(0, MAX_SAFE_INTEGER - _FAR_OFFSETS))
    found = []
    for _ in range(draw(st.integers(0, _MAX_ITEMS))):
        start = position + draw(st.integers(0, 50))
        position = start + draw(st.integers(1, 50))
        found.append(Span(start=start, end=position))
    return tuple(found)


@st.composite
def _text_spans(draw: st.DrawFn, text: str) -> tuple[Span, ...]:
    """Ordered, non-overlapping spans within *text*."""
    offsets = sorted(
        draw(st.lists(st.integers(0, len(text)), max_size=2 * _MAX_ITEMS, unique=True))
    )
    return tuple(
        Span(start=start, end=end) for start, end in zip(offsets[::2], offsets[1::2], strict=False)
    )


def _excerpt(text: str, spans: Sequence[Span]) -> str:
    return ELISION.join(text[span.start : span.end] for span in spans)


# --- pools of ids ------------------------------------------------------------------


@attrs.frozen
class _Pool:
    """Where the ids records point at come from.

    Without *ids*, any well-formed id of the right type (structural validity
    only); with *ids*, only the ids of the records of a collection being built,
    by record type, and citations fit the text of the source they cite.
    """

    ids: Mapping[str, Sequence[str]] | None = None
    source_texts: Mapping[str, str | None] = attrs.field(factory=dict)

    def one(self, *types: str) -> st.SearchStrategy[str] | None:
        """Ids of *types*, or ``None`` if the collection has no such record."""
        if self.ids is None:
            return ids(*types)
        found = [record_id for t in types for record_id in self.ids.get(t, ())]
        return st.sampled_from(found) if found else None

    def required(self, *types: str) -> st.SearchStrategy[str]:
        found = self.one(*types)
        if found is None:  # pragma: no cover - consistent_collections() always has actors
            msg = f"no record of type {' or '.join(types)} to point at"
            raise ValueError(msg)
        return found

    def optional(self, *types: str) -> st.SearchStrategy[str | None]:
        found = self.one(*types)
        return st.none() if found is None else _optional(found)

    def several(self, *types: str) -> st.SearchStrategy[tuple[str, ...]]:
        found = self.one(*types)
        return st.just(()) if found is None else _tuples(found)

    def citations(self) -> st.SearchStrategy[tuple[Citation, ...]]:
        if self.one("source") is None:
            return st.just(())
        return _tuples(_citations(self))


_ANYWHERE: Final = _Pool()


# --- values that point at records --------------------------------------------------


@st.composite
def _citations(draw: st.DrawFn, pool: _Pool) -> Citation:
    source = draw(pool.required("source"))
    text = pool.source_texts.get(source)
    if text is None:
        spans = draw(_free_spans())
        quote = draw(_optional(_TEXTS)) if spans else None
    else:
        spans = draw(_text_spans(text))
        excerpt = _excerpt(text, spans)
        # The quote must be exactly the source's words; a span of white space
        # alone cannot be quoted (it is not text).
        quote = draw(_optional(st.just(excerpt))) if spans and _is_text(excerpt) else None
    # A verbatim fragment must stand in its statement's text, which a citation
    # drawn apart from its statement cannot know: consistent datasets leave it out.
    roles = [
        role
        for role in vocab.CitationRole
        if pool.ids is None or role is not vocab.CitationRole.VERBATIM
    ]
    role = draw(_optional(st.sampled_from(roles)))
    return Citation(
        source=source,
        spans=spans,
        quote=quote,
        confidence=draw(_CONFIDENCES),
        role=role,
        rule=draw(_optional(_TEXTS)),
    )


def citations() -> st.SearchStrategy[Citation]:
    """Return a strategy for `Citation` values: ordered spans, a quote only with spans.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Citations may have a ``role`` and a ``rule``.
    """
    return _citations(_ANYWHERE)


@st.composite
def _positions(draw: st.DrawFn, pool: _Pool) -> Position:
    start, end = _ordered(draw(_optional(_UNCERTAIN_DATES)), draw(_optional(_UNCERTAIN_DATES)))
    return Position(
        title=draw(_TEXTS),
        organization=draw(pool.optional("organization")),
        country=draw(_optional(_COUNTRY_CODES)),
        start=start,
        end=end,
    )


def positions() -> st.SearchStrategy[Position]:
    """Return a strategy for `Position` values whose end is never before their start.

    .. versionadded:: 0.1.0
    """
    return _positions(_ANYWHERE)


def _participants(pool: _Pool) -> st.SearchStrategy[Participant]:
    return st.builds(
        Participant,
        actor=pool.required(*ACTOR_TYPES),
        title=_optional(_TEXTS),
        represents=pool.optional("organization"),
        capacity=_optional(st.sampled_from(vocab.Capacity)),
        delegation=pool.several("person"),
        citations=pool.citations(),
    )


def participants() -> st.SearchStrategy[Participant]:
    """Return a strategy for `Participant` values.

    .. versionadded:: 0.1.0
    """
    return _participants(_ANYWHERE)


def _responses(pool: _Pool) -> st.SearchStrategy[Response]:
    return st.builds(
        Response,
        actor=pool.required(*ACTOR_TYPES),
        stance=st.sampled_from(vocab.ResponseStance),
        statement=pool.optional("statement"),
        date=_optional(_UNCERTAIN_DATES),
        citations=pool.citations(),
    )


def responses() -> st.SearchStrategy[Response]:
    """Return a strategy for `Response` values.

    .. versionadded:: 0.1.0
    """
    return _responses(_ANYWHERE)


# --- records -------------------------------------------------------------------------


def _common(pool: "_Pool | None") -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the fields every record has; with *pool*, for its citations too."""
    cited = {"citations": pool.citations()} if pool is not None else {}
    return {
        **cited,
        "draft": st.booleans(),
        "created": _optional(_INSTANTS),
        "modified": _optional(_INSTANTS),
    }


def _persons(pool: _Pool, identity: st.SearchStrategy[str]) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        id=identity,
        name=_TEXTS,
        aliases=_tuples(_TEXTS),
        nationality=_tuples(_COUNTRY_CODES),
        positions=_tuples(_positions(pool)),
        external_ids=_tuples(_EXTERNAL_IDS),
        description=_optional(_TEXTS),
        unnamed=st.booleans(),
        **_common(pool),
    )


def persons() -> st.SearchStrategy[Person]:
    """Return a strategy for `Person` records.

    .. versionadded:: 0.1.0
    """
    return _persons(_ANYWHERE, ids("person"))


@st.composite
def _organizations(draw: st.DrawFn, pool: _Pool, identity: st.SearchStrategy[str]) -> Organization:
    record_id = draw(identity)
    kind = draw(st.sampled_from(vocab.OrganizationKind))
    countries = (
        _COUNTRY_CODES if kind is vocab.OrganizationKind.STATE else _optional(_COUNTRY_CODES)
    )
    parent = draw(pool.optional("organization"))
    return Organization(
        id=record_id,
        name=draw(_TEXTS),
        kind=kind,
        aliases=draw(_tuples(_TEXTS)),
        country=draw(countries),
        parent=None if parent == record_id else parent,
        codes=draw(_tuples(_CODES)),
        external_ids=draw(_tuples(_EXTERNAL_IDS)),
        description=draw(_optional(_TEXTS)),
        unnamed=draw(st.booleans()),
        **{name: draw(field) for name, field in _common(pool).items()},
    )


def organizations() -> st.SearchStrategy[Organization]:
    """Return a strategy for `Organization` records; a state always has its country.

    .. versionadded:: 0.1.0
    """
    return _organizations(_ANYWHERE, ids("organization"))


@st.composite
def _meetings(draw: st.DrawFn, pool: _Pool, identity: st.SearchStrategy[str]) -> Meeting:
    record_id = draw(identity)
    date = draw(_UNCERTAIN_DATES)
    end_date = draw(_optional(_UNCERTAIN_DATES))
    if end_date is not None and end_date.certainly_before(date):
        date, end_date = end_date, date
    part_of = draw(pool.optional("meeting"))
    return Meeting(
        id=record_id,
        kind=draw(st.sampled_from(vocab.MeetingKind)),
        date=date,
        end_date=end_date,
        status=draw(_optional(st.sampled_from(vocab.EventStatus))),
        title=draw(_optional(_TEXTS)),
        location=draw(_optional(_LOCATIONS)),
        participants=draw(_tuples(_participants(pool))),
        host=draw(pool.optional(*ACTOR_TYPES)),
        format=draw(_optional(st.sampled_from(vocab.MeetingFormat))),
        protocol_level=draw(_optional(st.sampled_from(vocab.ProtocolLevel))),
        topics=draw(_tuples(_TEXTS)),
        outcomes=draw(_tuples(_TEXTS)),
        part_of=None if part_of == record_id else part_of,
        codes=draw(_tuples(_CODES)),
        external_ids=draw(_tuples(_EXTERNAL_IDS)),
        description=draw(_optional(_TEXTS)),
        **{name: draw(field) for name, field in _common(pool).items()},
    )


def meetings() -> st.SearchStrategy[Meeting]:
    """Return a strategy for `Meeting` records whose end date is never before their date.

    .. versionadded:: 0.1.0
    """
    return _meetings(_ANYWHERE, ids("meeting"))


def _statements(pool: _Pool, identity: st.SearchStrategy[str]) -> st.SearchStrategy[Statement]:
    return st.builds(
        Statement,
        id=identity,
        speaker=pool.required(*ACTOR_TYPES),
        text=_TEXTS,
        mode=st.sampled_from(vocab.StatementMode),
        meeting=pool.optional("meeting"),
        date=_optional(_UNCERTAIN_DATES),
        addressees=pool.several(*ACTOR_TYPES),
        reported_by=pool.optional(*ACTOR_TYPES),
        cue=_optional(st.sampled_from(("said", "according to", "told reporters")) | _TEXTS),
        language=_optional(st.sampled_from(("en", "ru", "hy", "fr")) | _TEXTS),
        topics=_tuples(_TEXTS),
        codes=_tuples(_CODES),
        **_common(pool),
    )


def statements() -> st.SearchStrategy[Statement]:
    """Return a strategy for `Statement` records.

    .. versionadded:: 0.1.0
    """
    return _statements(_ANYWHERE, ids("statement"))


def _demands(pool: _Pool, identity: st.SearchStrategy[str]) -> st.SearchStrategy[Demand]:
    return st.builds(
        Demand,
        id=identity,
        actor=pool.required(*ACTOR_TYPES),
        content=_TEXTS,
        addressees=pool.several(*ACTOR_TYPES),
        urgency=_optional(st.sampled_from(vocab.Urgency)),
        evidence=pool.several("statement"),
        meeting=pool.optional("meeting"),
        date=_optional(_UNCERTAIN_DATES),
        codes=_tuples(_CODES),
        **_common(pool),
    )


def demands() -> st.SearchStrategy[Demand]:
    """Return a strategy for `Demand` records.

    .. versionadded:: 0.1.0
    """
    return _demands(_ANYWHERE, ids("demand"))


def _statuses(found: Iterable[Response]) -> st.SearchStrategy[vocab.ProposalStatus | None]:
    """The statuses a proposal with responses *found* may have."""
    stances = {response.stance for response in found}
    allowed: list[vocab.ProposalStatus | None] = [None, vocab.ProposalStatus.PENDING]
    if vocab.ResponseStance.ACCEPTED in stances:
        allowed.append(vocab.ProposalStatus.ACCEPTED)
    if vocab.ResponseStance.REJECTED in stances:
        allowed.append(vocab.ProposalStatus.REJECTED)
    return st.sampled_from(allowed)


@st.composite
def _proposals(draw: st.DrawFn, pool: _Pool, identity: st.SearchStrategy[str]) -> Proposal:
    found = draw(_tuples(_responses(pool)))
    return Proposal(
        id=draw(identity),
        actor=draw(pool.required(*ACTOR_TYPES)),
        content=draw(_TEXTS),
        kind=draw(_optional(st.sampled_from(vocab.ProposalKind))),
        addressees=draw(pool.several(*ACTOR_TYPES)),
        status=draw(_statuses(found)),
        responses=found,
        evidence=draw(pool.several("statement")),
        meeting=draw(pool.optional("meeting")),
        date=draw(_optional(_UNCERTAIN_DATES)),
        codes=draw(_tuples(_CODES)),
        **{name: draw(field) for name, field in _common(pool).items()},
    )


def proposals() -> st.SearchStrategy[Proposal]:
    """Return a strategy for `Proposal` records; an accepted or rejected one has such a response.

    .. versionadded:: 0.1.0
    """
    return _proposals(_ANYWHERE, ids("proposal"))


@st.composite
def _references(draw: st.DrawFn, pool: _Pool, identity: st.SearchStrategy[str]) -> Reference:
    subject = draw(pool.required(*EVENT_TYPES))
    target = draw(pool.optional(*EVENT_TYPES))
    if target == subject:
        target = None
    external = target is not None and draw(st.booleans())
    description = draw(_TEXTS if target is None else _optional(_TEXTS))
    return Reference(
        id=draw(identity),
        subject=subject,
        relation=draw(st.sampled_from(vocab.Relation)),
        target=target,
        external=external,
        description=description,
        date=draw(_optional(_UNCERTAIN_DATES)),
        **{name: draw(field) for name, field in _common(pool).items()},
    )


def references() -> st.SearchStrategy[Reference]:
    """Return a strategy for `Reference` records: a target, a description, or both.

    .. versionadded:: 0.1.0
    """
    return _references(_ANYWHERE, ids("reference"))


_SOURCE_TEXTS: Final = st.lists(_TEXTS, min_size=1, max_size=4).map(" ".join)


def _sources(pool: _Pool, identity: st.SearchStrategy[str]) -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=identity,
        title=_optional(_TEXTS),
        publisher=pool.optional("organization"),
        url=_optional(st.just("https://www.mid.ru/en/foreign_policy/news/") | _TEXTS),
        published=_optional(_UNCERTAIN_DATES),
        language=_optional(st.sampled_from(("en", "ru", "hy")) | _TEXTS),
        authors=_tuples(_TEXTS),
        external_ids=_tuples(_EXTERNAL_IDS),
        text=_optional(_SOURCE_TEXTS),
        retrieved=_optional(_INSTANTS),
        **_common(None),
    )


def sources() -> st.SearchStrategy[Source]:
    """Return a strategy for `Source` records, with or without their full text.

    .. versionadded:: 0.1.0
    """
    return _sources(_ANYWHERE, ids("source"))


def records() -> st.SearchStrategy[Record]:
    """Return a strategy for records of any of the eight record types.

    .. versionadded:: 0.1.0
    """
    return st.one_of(
        persons(),
        organizations(),
        meetings(),
        statements(),
        demands(),
        proposals(),
        references(),
        sources(),
    )


def collections(*, max_size: int = _MAX_ITEMS) -> st.SearchStrategy[Collection]:
    """Return a strategy for `Collection` values of any records.

    The records are each valid, but the ids they hold need not resolve: use
    `consistent_collections` for datasets that ``validate()`` accepts.

    Args:
        max_size: The largest number of records in a collection.

    .. versionadded:: 0.1.0
    """
    return st.builds(Collection, records=st.lists(records(), max_size=max_size))


# --- consistent collections ------------------------------------------------------------


#: How many records of each type a consistent collection holds, at least and at most.
_COUNTS: Final = {
    "person": (1, 2),
    "organization": (1, 2),
    "source": (0, 2),
    "meeting": (0, 2),
    "statement": (0, 2),
    "demand": (0, 1),
    "proposal": (0, 1),
    "reference": (0, 2),
}


@attrs.define
class _Dataset:
    """The records of a consistent collection while it is being built."""

    pool: _Pool
    by_id: dict[str, Record] = attrs.field(factory=dict)

    def add(self, record: Record) -> None:
        self.by_id[record.id] = record

    def of(self, cls: type[_T]) -> list[_T]:
        return [record for record in self.by_id.values() if isinstance(record, cls)]

    def within(self, organization_id: str, ancestor: str) -> bool:
        """Whether *ancestor* is *organization_id* or above it."""
        return graph.within(self.by_id, organization_id, ancestor)

    def chain(self, organization_id: str) -> list[str]:
        """The organization and its parents, nearest first."""
        return [o for o in self.by_id if self.within(organization_id, o)]

    def family(self, meeting: Meeting) -> list[Meeting]:
        """The meeting and the meetings it is part of, nearest first."""
        return graph.meeting_family(self.by_id, meeting)

    def speakers(self, meeting: Meeting) -> list[str]:
        """Who may speak at *meeting*: participants, their delegations, and whom they represent."""
        found: list[str] = []
        for member in self.family(meeting):
            for participant in member.participants:
                found.append(participant.actor)
                found.extend(participant.delegation)
                if participant.represents is not None:
                    found.extend(self.chain(participant.represents))
        return list(dict.fromkeys(found))

    def speaks_for(self, speaker: str, actor: str, meeting_id: str | None) -> bool:
        """Whether a statement by *speaker* counts as said by *actor*."""
        return graph.speaks_for(self.by_id, speaker, actor, meeting_id)

    def said_by(self, actor: str) -> list[str]:
        """Ids of the statements that count as said by *actor*."""
        return [s.id for s in self.of(Statement) if self.speaks_for(s.speaker, actor, s.meeting)]

    def cited_words(self, citation: Citation) -> str | None:
        """The words *citation* vouches for: its quote, or the source text at its spans."""
        return graph.cited_words(self.by_id, citation)

    def event_dates(self, record_id: str | None) -> tuple[UncertainDate, UncertainDate] | None:
        """The first and last date of the event *record_id*, as ``validate()`` reads them."""
        record = self.by_id.get(record_id) if record_id is not None else None
        return graph.event_dates(self.by_id, record)


def _meeting_date(draw: st.DrawFn, meeting: Meeting) -> UncertainDate | None:
    """A date for something said or done at *meeting*: never outside its dates."""
    return draw(st.sampled_from((None, meeting.date, meeting.last_date)))


def _add_organizations(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    for index, record_id in enumerate(record_ids):
        organization = draw(_organizations(data.pool, st.just(record_id)))
        # Parents are earlier organizations, so that no chain loops.
        parent = draw(_optional(st.sampled_from(record_ids[:index]))) if index else None
        data.add(attrs.evolve(organization, parent=parent))


def _add_meetings(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    for record_id in record_ids:
        meeting = draw(_meetings(data.pool, st.just(record_id)))
        earlier = data.of(Meeting)
        whole = draw(st.sampled_from([None, *earlier]))
        if whole is None:
            meeting = attrs.evolve(meeting, part_of=None)
        else:  # a part of a meeting is held within its dates
            meeting = attrs.evolve(
                meeting, part_of=whole.id, date=whole.date, end_date=whole.end_date
            )
        data.add(meeting)


def _add_statements(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    with_speakers = [m for m in data.of(Meeting) if data.speakers(m)]
    for record_id in record_ids:
        statement = draw(_statements(data.pool, st.just(record_id)))
        meeting = draw(_optional(st.sampled_from(with_speakers))) if with_speakers else None
        speaker, date = statement.speaker, statement.date
        if meeting is not None:
            speaker = draw(st.sampled_from(data.speakers(meeting)))
            date = _meeting_date(draw, meeting)
        text, mode = statement.text, statement.mode
        if mode is vocab.StatementMode.DIRECT_QUOTE:
            # A direct quote is the words one of its citations vouches for; without
            # such a citation the statement is given as reported speech instead.
            cited = (data.cited_words(citation) for citation in statement.citations)
            words = [w for w in cited if w is not None and _is_text(w)]
            if words:
                text = draw(st.sampled_from(words))
            else:
                mode = draw(
                    st.sampled_from((vocab.StatementMode.REPORTED, vocab.StatementMode.MIXED))
                )
        data.add(
            attrs.evolve(
                statement,
                speaker=speaker,
                meeting=None if meeting is None else meeting.id,
                date=date,
                text=text,
                mode=mode,
            )
        )


def _subset(draw: st.DrawFn, items: Sequence[str]) -> tuple[str, ...]:
    if not items:
        return ()
    return tuple(draw(st.lists(st.sampled_from(items), max_size=_MAX_ITEMS, unique=True)))


def _actor(draw: st.DrawFn, data: _Dataset) -> str:
    """An actor, often one who has said something, so that evidence can be found."""
    speakers = [s.speaker for s in data.of(Statement)]
    actors = data.pool.required(*ACTOR_TYPES)
    return draw(st.sampled_from(speakers) | actors if speakers else actors)


def _at_meeting(
    draw: st.DrawFn, data: _Dataset, record: Demand | Proposal
) -> tuple[str | None, UncertainDate | None]:
    """A meeting for *record*, or none, and a date that lies within it."""
    found = data.of(Meeting)
    meeting = draw(_optional(st.sampled_from(found))) if found else None
    if meeting is None:
        return None, record.date
    return meeting.id, _meeting_date(draw, meeting)


def _add_demands(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    for record_id in record_ids:
        demand = draw(_demands(data.pool, st.just(record_id)))
        actor = _actor(draw, data)
        meeting, date = _at_meeting(draw, data, demand)
        evidence = _subset(draw, data.said_by(actor))
        data.add(attrs.evolve(demand, actor=actor, evidence=evidence, meeting=meeting, date=date))


def _add_proposals(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    for record_id in record_ids:
        proposal = draw(_proposals(data.pool, st.just(record_id)))
        actor = _actor(draw, data)
        answers = []
        for response in proposal.responses:
            answerer = _actor(draw, data)
            statement = draw(st.sampled_from([None, *data.said_by(answerer)]))
            answers.append(attrs.evolve(response, actor=answerer, statement=statement))
        meeting, date = _at_meeting(draw, data, proposal)
        data.add(
            attrs.evolve(
                proposal,
                actor=actor,
                responses=tuple(answers),
                evidence=_subset(draw, data.said_by(actor)),
                meeting=meeting,
                date=date,
            )
        )


def _relations(
    subject: tuple[UncertainDate, UncertainDate] | None,
    target: tuple[UncertainDate, UncertainDate] | None,
) -> list[vocab.Relation]:
    """The relations that agree with the dates of *subject* and *target* (first, last)."""
    allowed = [vocab.Relation.FOLLOWS_UP, vocab.Relation.CITES]
    if subject is None or target is None:
        return [
            *allowed,
            vocab.Relation.PREVIOUS,
            vocab.Relation.IMPLEMENTS,
            vocab.Relation.PLANNED,
        ]
    (subject_first, subject_last), (target_first, target_last) = subject, target
    if not subject_last.certainly_before(target_first):  # the target is not later
        allowed += [vocab.Relation.PREVIOUS, vocab.Relation.IMPLEMENTS]
    if not target_last.certainly_before(subject_first):  # the target is not earlier
        allowed.append(vocab.Relation.PLANNED)
    return allowed


def _add_references(draw: st.DrawFn, data: _Dataset, record_ids: Sequence[str]) -> None:
    events = [r.id for r in data.by_id.values() if r.type in EVENT_TYPES]
    if not events:
        return
    for record_id in record_ids:
        reference = draw(_references(data.pool, st.just(record_id)))
        subject = draw(st.sampled_from(events))
        others = [e for e in events if e != subject]
        shape = draw(st.sampled_from(("internal", "external", "open")))
        target: str | None = None
        if shape == "internal" and others:
            target = draw(st.sampled_from(others))
        elif shape == "external":
            target = draw(ids(*EVENT_TYPES).filter(functools.partial(operator.ne, subject)))
        description = reference.description
        if target is None and description is None:
            description = draw(_TEXTS)
        target_dates = data.event_dates(target)
        if target_dates is None and reference.date is not None:
            target_dates = (reference.date, reference.date)
        relations = _relations(data.event_dates(subject), target_dates)
        data.add(
            attrs.evolve(
                reference,
                subject=subject,
                target=target,
                external=shape == "external",
                description=description,
                relation=draw(st.sampled_from(relations)),
            )
        )


@st.composite
def _consistent_collections(draw: st.DrawFn) -> Collection:
    counts = {kind: draw(st.integers(low, high)) for kind, (low, high) in _COUNTS.items()}
    uuids = draw(st.lists(st.uuids(), min_size=sum(counts.values()), unique=True))
    pools: dict[str, list[str]] = {}
    for kind, count in counts.items():
        pools[kind] = [_join_id(kind, uuids.pop()) for _ in range(count)]

    # Sources first: citations must know the text they quote.
    texts_by_source: dict[str, str | None] = {}
    found_sources = []
    for record_id in pools["source"]:
        source = draw(_sources(_Pool(ids=pools), st.just(record_id)))
        texts_by_source[record_id] = source.text
        found_sources.append(source)
    data = _Dataset(_Pool(ids=pools, source_texts=texts_by_source))
    for source in found_sources:
        data.add(source)
    for record_id in pools["person"]:
        data.add(draw(_persons(data.pool, st.just(record_id))))
    _add_organizations(draw, data, pools["organization"])
    _add_meetings(draw, data, pools["meeting"])
    _add_statements(draw, data, pools["statement"])
    _add_demands(draw, data, pools["demand"])
    _add_proposals(draw, data, pools["proposal"])
    _add_references(draw, data, pools["reference"])
    ordered = draw(st.permutations(list(data.by_id.values())))
    return Collection(records=ordered)


_CONSISTENT: Final = _consistent_collections()


def consistent_collections() -> st.SearchStrategy[Collection]:
    """Return a strategy for collections in which ``validate()`` finds no issue at all.

    Every id resolves to a record of an allowed type and ids are unique;
    references point the right way in time and statements, demands and
    proposals lie within their meeting's dates; citation quotes are the source
    text at their spans and direct quotes are quoted; speakers at a meeting
    take part in it; the evidence of demands and proposals, and the statements
    of responses, were said by (or for) their actor. A collection holds one or
    two persons and organizations and up to two records of each other type.

    .. versionadded:: 0.1.0
    """
    return _CONSISTENT


# --- registration -----------------------------------------------------------------------


def _registrations() -> Mapping[type, Callable[[], st.SearchStrategy[object]]]:
    return {
        DateDerivation: date_derivations,
        UncertainDate: uncertain_dates,
        ExternalId: external_ids,
        Code: codes,
        Location: locations,
        Span: spans,
        Citation: citations,
        Position: positions,
        Participant: participants,
        Response: responses,
        Person: persons,
        Organization: organizations,
        Meeting: meetings,
        Statement: statements,
        Demand: demands,
        Proposal: proposals,
        Reference: references,
        Source: sources,
        Collection: collections,
    }


def register_type_strategies() -> None:
    """Register these strategies with Hypothesis for every diplo_events model type.

    Afterwards ``st.from_type(Meeting)`` (and so ``st.builds`` inference and
    ``st.from_type(Record)``) draws valid instances. Calling it again changes
    nothing.

    .. versionadded:: 0.1.0
    """
    for cls, strategy in _registrations().items():
        st.register_type_strategy(cls, strategy())
