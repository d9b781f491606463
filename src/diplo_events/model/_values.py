"""The value types embedded in records: participants, citations, places, codes.

Values have no id of their own; they live inside a record (`Participant` in a
`Meeting`, `Citation` in any cited record) and are equal when their fields are.
Single-field rules are declared in each field's metadata and checked by one
generated function per class (`diplo_events.model._rules.checked`); rules
across fields of one value are its ``_check`` method.
"""

import re
from typing import Final

from attrs import field, frozen

from diplo_events._paths import shown
from diplo_events.exceptions import FieldError
from diplo_events.model import _rules as v
from diplo_events.model._dates import UncertainDate
from diplo_events.model._display import short
from diplo_events.model._vocab import (
    CAMEO,
    CAMEO_ACTOR,
    PLOVER,
    WIKIDATA,
    Capacity,
    CitationRole,
    ResponseStance,
)

__all__ = [
    "ELISION",
    "PLOVER_EVENTS",
    "Citation",
    "Code",
    "ExternalId",
    "Location",
    "Participant",
    "Position",
    "Response",
    "Span",
]

#: The sixteen PLOVER 2.0 event types (PLOVER manual, draft version 2.0).
PLOVER_EVENTS: Final = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)
# CAMEO 1.1b3 event codes: a two-digit root 01-20, then up to two more digits.
_CAMEO_RE: Final = re.compile(r"(?:0[1-9]|1[0-9]|20)[0-9]{0,2}")
# CAMEO actor codes: three-letter groups, at most fifteen letters (CAMEO manual 3.2).
_CAMEO_ACTOR_RE: Final = re.compile(r"(?:[A-Z]{3}){1,5}")
_WIKIDATA_RE: Final = re.compile(r"[QPL][1-9][0-9]*")

# Converters from strings to enum members (named functions, for the attrs mypy plugin).


def _to_capacity(value: object) -> object:
    return v.to_enum(Capacity, value)


def _to_citation_role(value: object) -> object:
    return v.to_enum(CitationRole, value)


def _to_response_stance(value: object) -> object:
    return v.to_enum(ResponseStance, value)


# --- value types -------------------------------------------------------------------


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class ExternalId(v.Checked):
    """An identifier of the same thing in another dataset, such as Wikidata.

    Attributes:
        scheme: Whose identifier it is, an open vocabulary (``"wikidata"``, ...).
        value: The identifier; for ``"wikidata"``, an item id such as ``"Q76658"``.

    .. versionadded:: 0.1.0
    """

    scheme: str = field(converter=v.nfc, metadata=v.text())
    value: str = field(converter=v.nfc, metadata=v.text())

    def _check(self) -> None:
        if self.scheme == WIKIDATA and _WIKIDATA_RE.fullmatch(self.value) is None:
            raise FieldError(
                "value",
                "external_id.malformed",
                f"a Wikidata id looks like 'Q76658', got {shown(self.value)}",
            )


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Code(v.Checked):
    """An event or actor code from a code system such as CAMEO or PLOVER.

    Attributes:
        system: The code system, an open vocabulary: ``"cameo"`` (event codes),
            ``"cameo-actor"``, ``"plover"``, ...; the known ones are checked.
        code: The code, read against *system*: CAMEO ``"042"``, CAMEO actor
            ``"ARMGOV"``, PLOVER ``"CONSULT"``.
        mode: A PLOVER mode such as ``"visit"``, or ``None``.

    .. versionadded:: 0.1.0
    """

    system: str = field(converter=v.nfc, metadata=v.text())
    code: str = field(converter=v.nfc, metadata=v.text())
    mode: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())

    def _check(self) -> None:
        if self.system == CAMEO and _CAMEO_RE.fullmatch(self.code) is None:
            raise FieldError(
                "code",
                "code.malformed",
                f"a CAMEO event code has 2 to 4 digits from root 01-20, got {shown(self.code)}",
            )
        if self.system == CAMEO_ACTOR and _CAMEO_ACTOR_RE.fullmatch(self.code) is None:
            raise FieldError(
                "code",
                "code.malformed",
                f"a CAMEO actor code is up to five three-letter groups, got {shown(self.code)}",
            )
        if self.system == PLOVER and self.code not in PLOVER_EVENTS:
            raise FieldError(
                "code",
                "code.malformed",
                f"{shown(self.code)} is not a PLOVER 2.0 event type",
            )


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Location(v.Checked):
    """Where something happened.

    Attributes:
        name: The place as named, such as ``"Moscow"``.
        country: ISO 3166-1 alpha-3 code of the country, such as ``"RUS"``.
        latitude: WGS 84 latitude in degrees, or ``None``.
        longitude: WGS 84 longitude in degrees, or ``None``.
        external_ids: The place in other datasets (e.g. Wikidata).

    .. versionadded:: 0.1.0
    """

    name: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    country: str | None = field(default=None, metadata=v.optional_country())
    latitude: float | None = field(
        default=None, converter=v.optional_float, metadata=v.optional_coordinate(90.0)
    )
    longitude: float | None = field(
        default=None, converter=v.optional_float, metadata=v.optional_coordinate(180.0)
    )
    external_ids: tuple[ExternalId, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(ExternalId)
    )

    def _check(self) -> None:
        if self.name is None and self.country is None:
            raise FieldError(None, "value.empty", "a location needs a 'name' or a 'country'")
        if (self.latitude is None) != (self.longitude is None):
            raise FieldError(
                "longitude" if self.longitude is None else "latitude",
                "value.incomplete",
                "'latitude' and 'longitude' go together",
            )


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Span(v.Checked):
    """A stretch of a source's text, by character offsets (Python string indices).

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character; greater than *start*.

    .. versionadded:: 0.1.0
    """

    start: int = field(metadata=v.offset())
    end: int = field(metadata=v.offset())

    def _check(self) -> None:
        if self.end <= self.start:
            raise FieldError(
                "end",
                "span.empty",
                f"'end' ({self.end}) must be greater than 'start' ({self.start})",
            )


#: What joins the texts of several spans in `Citation.quote`.
ELISION: Final = " […] "


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Citation(v.Checked):
    """Evidence for a record: a source, where in it, the words, and how sure we are.

    Attributes:
        source: Id of the `Source`.
        spans: Where in the source's text, in order, not overlapping. Empty means
            the source as a whole.
        quote: The exact text of the source at *spans*; several spans are joined
            by ``" […] "``. ``validate()`` checks it whenever the source has text.
        confidence: How far the source supports the record, from 0 to 1, or ``None``.
        role: What part of the record the cited words are (its content, a
            verbatim fragment, the speaker's mention, the cue, the context),
            or ``None`` when not said.
        rule: The name of the rule that found the cited words and gave the
            confidence (an open vocabulary: `extract` names the rules of its
            ``confidences.tsv``, such as ``"speaker-named"`` or
            ``"tagger-words"``), or ``None`` when not said.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *role* and *rule*.
    """

    source: str = field(metadata=v.id_of("source"))
    spans: tuple[Span, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Span))
    quote: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text(), repr=short)
    confidence: float | None = field(
        default=None, converter=v.optional_float, metadata=v.optional_confidence()
    )
    role: CitationRole | None = field(
        default=None, converter=_to_citation_role, metadata=v.optional_member_of(CitationRole)
    )
    rule: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())

    def _check(self) -> None:
        previous_end = -1
        for index, span in enumerate(self.spans):
            if span.start < previous_end:
                where = f"spans[{index}]"
                raise FieldError(where, "span.unordered", "spans must be in order and not overlap")
            previous_end = span.end
        if self.quote is not None and not self.spans:
            raise FieldError("quote", "citation.quote_without_span", "a 'quote' needs 'spans'")


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Position(v.Checked):
    """A title or office a person held, for a time.

    Attributes:
        title: The title, such as ``"Minister of Foreign Affairs"``.
        organization: Id of the organization the position is in, or ``None``.
        country: ISO 3166-1 alpha-3 code of the country served, or ``None``.
        start: When the person took up the position, or ``None``.
        end: When they left it, or ``None`` if still held or unknown.

    .. versionadded:: 0.1.0
    """

    title: str = field(converter=v.nfc, metadata=v.text())
    organization: str | None = field(default=None, metadata=v.optional_id_of("organization"))
    country: str | None = field(default=None, metadata=v.optional_country())
    start: UncertainDate | None = field(
        default=None, metadata=v.optional_instance_of(UncertainDate)
    )
    end: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))

    def _check(self) -> None:
        if (
            self.start is not None
            and self.end is not None
            and self.end.certainly_before(self.start)
        ):
            raise FieldError(
                "end", "date.end_before_start", "'end' must not be earlier than 'start'"
            )


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Participant(v.Checked):
    """An actor's part in one meeting.

    Attributes:
        actor: Id of the `Person` or `Organization` taking part.
        title: The title the actor held at the time, as the source gives it.
        represents: Id of the organization (state, ministry, body) they spoke for.
        capacity: Host, visitor, mediator or observer, or ``None`` if not stated.
        delegation: Ids of the people in this participant's delegation.
        citations: Evidence that the actor took part in this way.

    .. versionadded:: 0.1.0
    """

    actor: str = field(metadata=v.id_of("person", "organization"))
    title: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    represents: str | None = field(default=None, metadata=v.optional_id_of("organization"))
    capacity: Capacity | None = field(
        default=None,
        converter=_to_capacity,
        metadata=v.optional_member_of(Capacity),
    )
    delegation: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of("person")
    )
    citations: tuple[Citation, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(Citation)
    )


@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Response(v.Checked):
    """An actor's answer to a `Proposal`.

    Attributes:
        actor: Id of the person or organization answering.
        stance: Accepted, rejected or undecided.
        statement: Id of the `Statement` in which they answered, or ``None``.
        date: When they answered, or ``None``.
        citations: Evidence of the answer.

    .. versionadded:: 0.1.0
    """

    actor: str = field(metadata=v.id_of("person", "organization"))
    stance: ResponseStance = field(
        converter=_to_response_stance,
        metadata=v.member_of(ResponseStance),
    )
    statement: str | None = field(default=None, metadata=v.optional_id_of("statement"))
    date: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))
    citations: tuple[Citation, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(Citation)
    )
