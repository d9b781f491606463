"""The record model: frozen attrs classes for diplomatic events and what they cite.

Top-level records (`Person`, `Organization`, `Meeting`, `Statement`, `Demand`,
`Proposal`, `Reference`, `Source`) carry a ``type`` tag and an id of the form
``"<type>--<uuid>"`` and point at each other by id. Each binds itself to its tag
in `diplo_events.model.registry`. The value types they embed (`Participant`,
`Citation`, `Location`, ...) are in ``_values.py``.

Single-field rules are declared in each field's metadata and checked by one
generated function per class (``model._rules.checked``); rules across fields of
one record are its ``_check`` method; rules across records live in
``_validate.py``.
"""

import datetime as dt
import functools
from typing import Any, Literal

from attrs import field, frozen

from diplo_events.exceptions import FieldError
from diplo_events.model import _rules as v
from diplo_events.model import _vocab as vocab
from diplo_events.model import registry
from diplo_events.model._dates import UncertainDate
from diplo_events.model._display import short
from diplo_events.model._ids import new_id
from diplo_events.model._values import (
    ELISION,
    Citation,
    Code,
    ExternalId,
    Location,
    Participant,
    Position,
    Response,
    Span,
)
from diplo_events.model.registry import ACTOR_TYPES, EVENT_TYPES

__all__ = [
    "Demand",
    "Meeting",
    "Organization",
    "Person",
    "Proposal",
    "Record",
    "Reference",
    "Source",
    "Statement",
]

# Converters from strings to enum members (named functions, for the attrs mypy plugin).


def _to_event_status(value: object) -> object:
    return v.to_enum(vocab.EventStatus, value)


def _to_meeting_format(value: object) -> object:
    return v.to_enum(vocab.MeetingFormat, value)


def _to_meeting_kind(value: object) -> object:
    return v.to_enum(vocab.MeetingKind, value)


def _to_organization_kind(value: object) -> object:
    return v.to_enum(vocab.OrganizationKind, value)


def _to_proposal_kind(value: object) -> object:
    return v.to_enum(vocab.ProposalKind, value)


def _to_proposal_status(value: object) -> object:
    return v.to_enum(vocab.ProposalStatus, value)


def _to_protocol_level(value: object) -> object:
    return v.to_enum(vocab.ProtocolLevel, value)


def _to_relation(value: object) -> object:
    return v.to_enum(vocab.Relation, value)


def _to_statement_mode(value: object) -> object:
    return v.to_enum(vocab.StatementMode, value)


def _to_urgency(value: object) -> object:
    return v.to_enum(vocab.Urgency, value)


# --- records -------------------------------------------------------------------------
#
# Every record has ``id`` (generated when not given), a ``type`` tag that cannot
# be set, and ``created`` / ``modified`` instants of the record itself, kept
# apart from when the event happened and when a source reported it. Each class
# names these common fields (so that type checkers see them) and takes their
# definition from one helper apiece below. The classes stay flat on purpose:
# msgspec writes the fields of a subclass's bases after its own, which would
# break the sorted keys of canonical JSON.


def _id_field(tag: str) -> Any:
    """The ``id`` field of records of *tag*: a new random id when not given."""
    return field(factory=functools.partial(new_id, tag), metadata=v.id_of(tag))


def _type_field(tag: str) -> Any:
    """The ``type`` field: always *tag*, never set by the caller, kept out of repr."""
    return field(default=tag, init=False, repr=False)


def _citations_field() -> Any:
    """The ``citations`` field: evidence in sources, none by default."""
    return field(default=(), converter=v.to_tuple, metadata=v.instances_of(Citation))


def _draft_field() -> Any:
    """The ``draft`` field: ``True`` for records a program drafted and no one checked yet."""
    return field(default=False, metadata=v.boolean())


def _instant_field() -> Any:
    """The ``created`` and ``modified`` fields: a timezone-aware instant, or ``None``."""
    return field(default=None, metadata=v.optional_instant())


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Person(v.Checked):
    """An individual, named or described.

    Attributes:
        id: ``"person--<uuid>"``; a new random id when not given.
        type: Always ``"person"``.
        name: The name used for the person, such as ``"Sergey Lavrov"``; for
            an unnamed person, the words the source describes them with, such
            as ``"a senior State Department official"``.
        aliases: Other names and spellings: transliterations (``"Sergei Lavrov"``),
            patronymic forms (``"Ara Genrievich"``).
        nationality: ISO 3166-1 alpha-3 codes of the person's citizenships.
        positions: Titles held, each with its dates.
        external_ids: The person in other datasets (e.g. Wikidata).
        description: A short free-text note, or ``None``.
        unnamed: ``True`` when the source does not name the person (or the
            group of people) and *name* is a description; what is known of
            whom they speak for goes in *positions*.
        citations: Evidence for the record.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made (timezone-aware), or ``None``.
        modified: When this record was last changed (timezone-aware), or ``None``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *unnamed*.
    """

    id: str = _id_field("person")
    type: Literal["person"] = _type_field("person")
    name: str = field(converter=v.nfc, metadata=v.text())
    aliases: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    nationality: tuple[str, ...] = field(default=(), converter=v.to_tuple, metadata=v.countries())
    positions: tuple[Position, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(Position)
    )
    external_ids: tuple[ExternalId, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(ExternalId)
    )
    description: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    unnamed: bool = field(default=False, metadata=v.boolean())
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def names(self) -> tuple[str, ...]:
        """Return the name followed by the aliases."""
        return (self.name, *self.aliases)


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Organization(v.Checked):
    """A state, government, ministry, intergovernmental body, group or outlet.

    Attributes:
        id: ``"organization--<uuid>"``; a new random id when not given.
        type: Always ``"organization"``.
        name: The name, such as ``"Ministry of Foreign Affairs of Armenia"``.
        kind: What sort of body it is.
        aliases: Other names and spellings.
        country: ISO 3166-1 alpha-3 code: the state itself for a state, the
            country a government body belongs to, or ``None``.
        parent: Id of the organization this one is part of (a ministry's
            government), or ``None``.
        codes: Actor codes in other systems, such as CAMEO actor code ``"ARMGOV"``
            (system ``"cameo-actor"``).
        external_ids: The body in other datasets (e.g. Wikidata).
        description: A short free-text note, or ``None``.
        unnamed: ``True`` when the source does not name the body and *name* is
            the words it is described with ("the bank", or what it put out:
            "a new poll", "the report").
        citations: Evidence for the record.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *unnamed*.
    """

    id: str = _id_field("organization")
    type: Literal["organization"] = _type_field("organization")
    name: str = field(converter=v.nfc, metadata=v.text())
    kind: vocab.OrganizationKind = field(
        converter=_to_organization_kind,
        metadata=v.member_of(vocab.OrganizationKind),
    )
    aliases: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    country: str | None = field(default=None, metadata=v.optional_country())
    parent: str | None = field(default=None, metadata=v.optional_id_of("organization"))
    codes: tuple[Code, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Code))
    external_ids: tuple[ExternalId, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(ExternalId)
    )
    description: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    unnamed: bool = field(default=False, metadata=v.boolean())
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def _check(self) -> None:
        if self.kind is vocab.OrganizationKind.STATE and self.country is None:
            raise FieldError("country", "value.missing", "a state needs its 'country' code")
        if self.parent == self.id:
            raise FieldError("parent", "ref.self", "an organization cannot be its own 'parent'")


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Meeting(v.Checked):
    """A diplomatic event: talks, a visit, a call, a press conference, a summit, a signing.

    Attributes:
        id: ``"meeting--<uuid>"``; a new random id when not given.
        type: Always ``"meeting"``.
        kind: What sort of event it is.
        date: When it happened (or began): an `UncertainDate`.
        end_date: When it ended, for events over several days, or ``None``.
        status: Held, planned or cancelled, or ``None`` if not stated.
        title: A name for the event, such as ``"Joint press conference"``.
        location: Where it took place, or ``None``.
        participants: Who took part and how.
        host: Id of the state or body that hosted it, or ``None``.
        format: Bilateral, trilateral or multilateral, or ``None``.
        protocol_level: For visits: state, official, working or private.
        topics: What was discussed, in the source's words or a controlled list.
        outcomes: What was agreed or decided.
        part_of: Id of the larger meeting this one is part of (a press
            conference after talks), or ``None``.
        codes: Event codes, such as CAMEO ``"042"`` or PLOVER ``"CONSULT"``.
        external_ids: The event in other datasets.
        description: A short free-text note, or ``None``.
        citations: Evidence for the record.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    """

    id: str = _id_field("meeting")
    type: Literal["meeting"] = _type_field("meeting")
    kind: vocab.MeetingKind = field(
        converter=_to_meeting_kind, metadata=v.member_of(vocab.MeetingKind)
    )
    date: UncertainDate = field(metadata=v.instance_of(UncertainDate))
    end_date: UncertainDate | None = field(
        default=None, metadata=v.optional_instance_of(UncertainDate)
    )
    status: vocab.EventStatus | None = field(
        default=None,
        converter=_to_event_status,
        metadata=v.optional_member_of(vocab.EventStatus),
    )
    title: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    location: Location | None = field(default=None, metadata=v.optional_instance_of(Location))
    participants: tuple[Participant, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(Participant)
    )
    host: str | None = field(default=None, metadata=v.optional_id_of(*ACTOR_TYPES))
    format: vocab.MeetingFormat | None = field(
        default=None,
        converter=_to_meeting_format,
        metadata=v.optional_member_of(vocab.MeetingFormat),
    )
    protocol_level: vocab.ProtocolLevel | None = field(
        default=None,
        converter=_to_protocol_level,
        metadata=v.optional_member_of(vocab.ProtocolLevel),
    )
    topics: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    outcomes: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    part_of: str | None = field(default=None, metadata=v.optional_id_of("meeting"))
    codes: tuple[Code, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Code))
    external_ids: tuple[ExternalId, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(ExternalId)
    )
    description: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def _check(self) -> None:
        if self.end_date is not None and self.end_date.certainly_before(self.date):
            raise FieldError(
                "end_date", "date.end_before_start", "'end_date' must not be earlier than 'date'"
            )
        if self.part_of == self.id:
            raise FieldError("part_of", "ref.self", "a meeting cannot be 'part_of' itself")

    @property
    def last_date(self) -> UncertainDate:
        """The end date if there is one, else the date."""
        return self.date if self.end_date is None else self.end_date


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Statement(v.Checked):
    """Something an actor said: a direct quote, reported speech, or a mix.

    Attributes:
        id: ``"statement--<uuid>"``; a new random id when not given.
        type: Always ``"statement"``.
        speaker: Id of the person or organization who said it.
        text: The words. For a direct quote, exactly the source's words
            (``validate()`` checks them against the citations).
        mode: Direct quote, reported speech, or mixed.
        meeting: Id of the meeting where it was said, or ``None``.
        date: When it was said, or ``None``.
        addressees: Ids of those it was addressed to.
        reported_by: Id of who relayed it (a spokesperson, an outlet, a
            readout's author), kept apart from the speaker whose position it
            states, or ``None``.
        cue: The words that mark it as speech in the source ("said",
            "according to", "told reporters"), or ``None``.
        language: BCP 47 tag of the language of *text*, such as ``"en"``.
        topics: What it is about.
        codes: Event codes, such as CAMEO ``"010"``.
        citations: Evidence: where in which source the words stand.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    A statement drafted from text cites its content words, the speaker's
    mention and the cue separately (see `CitationRole`); a mixed statement
    also cites each fragment said word for word, which ``validate()`` checks
    against the source like a direct quote.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *cue*.
    """

    id: str = _id_field("statement")
    type: Literal["statement"] = _type_field("statement")
    speaker: str = field(metadata=v.id_of(*ACTOR_TYPES))
    text: str = field(converter=v.nfc, metadata=v.text(), repr=short)
    mode: vocab.StatementMode = field(
        converter=_to_statement_mode, metadata=v.member_of(vocab.StatementMode)
    )
    meeting: str | None = field(default=None, metadata=v.optional_id_of("meeting"))
    date: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))
    addressees: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of(*ACTOR_TYPES)
    )
    reported_by: str | None = field(default=None, metadata=v.optional_id_of(*ACTOR_TYPES))
    cue: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    language: str | None = field(default=None, metadata=v.optional_text())
    topics: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    codes: tuple[Code, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Code))
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Demand(v.Checked):
    """An actor asks, urges or insists that another act.

    Attributes:
        id: ``"demand--<uuid>"``; a new random id when not given.
        type: Always ``"demand"``.
        actor: Id of who demands.
        content: What is demanded, in words.
        addressees: Ids of those who are to act.
        urgency: How urgently it is pressed, or ``None``.
        evidence: Ids of the statements that make the demand.
        meeting: Id of the meeting where it was made, or ``None``.
        date: When it was made, or ``None``.
        codes: Event codes, such as CAMEO ``"100"`` or PLOVER ``"REQUEST"``.
        citations: Evidence in sources.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    """

    id: str = _id_field("demand")
    type: Literal["demand"] = _type_field("demand")
    actor: str = field(metadata=v.id_of(*ACTOR_TYPES))
    content: str = field(converter=v.nfc, metadata=v.text(), repr=short)
    addressees: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of(*ACTOR_TYPES)
    )
    urgency: vocab.Urgency | None = field(
        default=None,
        converter=_to_urgency,
        metadata=v.optional_member_of(vocab.Urgency),
    )
    evidence: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of("statement")
    )
    meeting: str | None = field(default=None, metadata=v.optional_id_of("meeting"))
    date: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))
    codes: tuple[Code, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Code))
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Proposal(v.Checked):
    """An actor offers, invites, or puts forward an initiative.

    Attributes:
        id: ``"proposal--<uuid>"``; a new random id when not given.
        type: Always ``"proposal"``.
        actor: Id of who proposes.
        content: What is proposed, in words.
        kind: Offer, invitation, initiative or suggestion, or ``None``.
        addressees: Ids of those it is made to.
        status: Pending, accepted or rejected; ``None`` if not known.
        responses: The answers, each linked to the statement that gives it.
        evidence: Ids of the statements that make the proposal.
        meeting: Id of the meeting where it was made, or ``None``.
        date: When it was made, or ``None``.
        codes: Event codes, such as CAMEO ``"036"`` or PLOVER ``"AGREE"``.
        citations: Evidence in sources.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    """

    id: str = _id_field("proposal")
    type: Literal["proposal"] = _type_field("proposal")
    actor: str = field(metadata=v.id_of(*ACTOR_TYPES))
    content: str = field(converter=v.nfc, metadata=v.text(), repr=short)
    kind: vocab.ProposalKind | None = field(
        default=None,
        converter=_to_proposal_kind,
        metadata=v.optional_member_of(vocab.ProposalKind),
    )
    addressees: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of(*ACTOR_TYPES)
    )
    status: vocab.ProposalStatus | None = field(
        default=None,
        converter=_to_proposal_status,
        metadata=v.optional_member_of(vocab.ProposalStatus),
    )
    responses: tuple[Response, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(Response)
    )
    evidence: tuple[str, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.ids_of("statement")
    )
    meeting: str | None = field(default=None, metadata=v.optional_id_of("meeting"))
    date: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))
    codes: tuple[Code, ...] = field(default=(), converter=v.to_tuple, metadata=v.instances_of(Code))
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def _check(self) -> None:
        stances = {response.stance for response in self.responses}
        if (
            self.status is vocab.ProposalStatus.ACCEPTED
            and vocab.ResponseStance.ACCEPTED not in stances
        ):
            raise FieldError(
                "status",
                "proposal.status_without_response",
                "an 'accepted' proposal needs a response that accepts it",
            )
        if (
            self.status is vocab.ProposalStatus.REJECTED
            and vocab.ResponseStance.REJECTED not in stances
        ):
            raise FieldError(
                "status",
                "proposal.status_without_response",
                "a 'rejected' proposal needs a response that rejects it",
            )


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Reference(v.Checked):
    """A link from one event to another: an earlier one it builds on, or a planned one.

    The target is a record when it is known; otherwise the reference says what
    it points at in words, with a date, and can be resolved later.

    Attributes:
        id: ``"reference--<uuid>"``; a new random id when not given.
        type: Always ``"reference"``.
        subject: Id of the event that makes the reference (a meeting, statement,
            demand or proposal).
        relation: How the subject relates to the target.
        target: Id of the event referred to, or ``None`` while unresolved.
        external: ``True`` if *target* lives outside this collection on purpose,
            so ``validate()`` does not look for it.
        description: The target in words, such as ``"the 9 November truce"``.
        date: The target's date as the source gives it, or ``None``.
        citations: Evidence in sources.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    """

    id: str = _id_field("reference")
    type: Literal["reference"] = _type_field("reference")
    subject: str = field(metadata=v.id_of(*EVENT_TYPES))
    relation: vocab.Relation = field(converter=_to_relation, metadata=v.member_of(vocab.Relation))
    target: str | None = field(default=None, metadata=v.optional_id_of(*EVENT_TYPES))
    external: bool = field(default=False, metadata=v.boolean())
    description: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    date: UncertainDate | None = field(default=None, metadata=v.optional_instance_of(UncertainDate))
    citations: tuple[Citation, ...] = _citations_field()
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def _check(self) -> None:
        if self.target is None and self.description is None:
            raise FieldError(
                "target",
                "reference.empty",
                "a reference needs a 'target' or a 'description'",
            )
        if self.external and self.target is None:
            raise FieldError(
                "external",
                "reference.external_without_target",
                "an 'external' reference needs a 'target' id",
            )
        if self.target == self.subject:
            raise FieldError("target", "ref.self", "a reference cannot point at its own 'subject'")


@registry.record
@v.checked
@frozen(kw_only=True, weakref_slot=False)
class Source(v.Checked):
    """A document that evidences records: an article, a readout, a transcript.

    Attributes:
        id: ``"source--<uuid>"``; a new random id when not given.
        type: Always ``"source"``.
        title: The document's title, or ``None``.
        publisher: Id of the publishing organization (an outlet, a ministry), or ``None``.
        url: Where the document is published, or ``None``.
        published: When it was published: the reporting date, kept apart from
            the dates of the events it reports.
        language: BCP 47 tag of the document's language, such as ``"en"``.
        authors: Names of the authors.
        external_ids: The document's identifiers elsewhere: a dataset's own
            document id (``extract_many`` keeps an `Article`'s id here, with
            the scheme ``"document"``), a DOI, an archive's id.
        text: The full text, NFC-normalized; citation spans index into it.
        retrieved: When the text was fetched (timezone-aware), or ``None``.
        draft: ``True`` for a record drafted by a program (such as
            `diplo_events.extract`) that no one has checked yet.
        created: When this record was made, or ``None``.
        modified: When this record was last changed, or ``None``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *external_ids*.
    """

    id: str = _id_field("source")
    type: Literal["source"] = _type_field("source")
    title: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text())
    publisher: str | None = field(default=None, metadata=v.optional_id_of("organization"))
    url: str | None = field(default=None, metadata=v.optional_text())
    published: UncertainDate | None = field(
        default=None, metadata=v.optional_instance_of(UncertainDate)
    )
    language: str | None = field(default=None, metadata=v.optional_text())
    authors: tuple[str, ...] = field(default=(), converter=v.nfc_all, metadata=v.texts())
    external_ids: tuple[ExternalId, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.instances_of(ExternalId)
    )
    text: str | None = field(default=None, converter=v.nfc, metadata=v.optional_text(), repr=short)
    retrieved: dt.datetime | None = field(default=None, metadata=v.optional_instant())
    draft: bool = _draft_field()
    created: dt.datetime | None = _instant_field()
    modified: dt.datetime | None = _instant_field()

    def excerpt(self, spans: tuple[Span, ...]) -> str | None:
        """Return the text at *spans*, joined by `ELISION`, or ``None`` without text.

        Raises:
            IndexError: A span ends past the end of the text.
        """
        if self.text is None:
            return None
        parts = []
        for span in spans:
            if span.end > len(self.text):
                msg = f"span {span.start}-{span.end} ends past the text ({len(self.text)} chars)"
                raise IndexError(msg)
            parts.append(self.text[span.start : span.end])
        return ELISION.join(parts)


Record = Person | Organization | Meeting | Statement | Demand | Proposal | Reference | Source
