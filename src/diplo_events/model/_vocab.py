"""Closed vocabularies of the model, as lower-case `enum.StrEnum` types.

Closed vocabularies are enums: a value outside the list is an error.
Open vocabularies (code systems, external-id schemes, date-derivation rules)
are plain strings with documented constants below.
"""

import enum
from typing import Final

__all__ = [
    "CAMEO",
    "CAMEO_ACTOR",
    "ISO_3166_1_ALPHA_3",
    "PLOVER",
    "WIKIDATA",
    "Capacity",
    "CitationRole",
    "EventStatus",
    "MeetingFormat",
    "MeetingKind",
    "OrganizationKind",
    "Precision",
    "ProposalKind",
    "ProposalStatus",
    "ProtocolLevel",
    "Relation",
    "ResponseStance",
    "StatementMode",
    "Urgency",
]


class MeetingKind(enum.StrEnum):
    """What sort of diplomatic event a `Meeting` is.

    .. versionadded:: 0.1.0
    """

    TALKS = "talks"
    VISIT = "visit"
    PHONE_CALL = "phone_call"
    VIDEO_CALL = "video_call"
    PRESS_CONFERENCE = "press_conference"
    SUMMIT = "summit"
    SIGNING = "signing"
    RECEPTION = "reception"
    OTHER = "other"


class MeetingFormat(enum.StrEnum):
    """How many sides a meeting has.

    .. versionadded:: 0.1.0
    """

    BILATERAL = "bilateral"
    TRILATERAL = "trilateral"
    MULTILATERAL = "multilateral"


class ProtocolLevel(enum.StrEnum):
    """Protocol level of a visit (state, official, working or private visit).

    .. versionadded:: 0.1.0
    """

    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    PRIVATE = "private"


class EventStatus(enum.StrEnum):
    """Whether a meeting took place, is planned, or was called off.

    .. versionadded:: 0.1.0
    """

    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Capacity(enum.StrEnum):
    """The part an actor plays in a meeting.

    .. versionadded:: 0.1.0
    """

    HOST = "host"
    VISITOR = "visitor"
    MEDIATOR = "mediator"
    OBSERVER = "observer"


class StatementMode(enum.StrEnum):
    """Whether a statement's text is the speaker's exact words.

    .. versionadded:: 0.1.0
    """

    DIRECT_QUOTE = "direct_quote"
    REPORTED = "reported"
    MIXED = "mixed"


class CitationRole(enum.StrEnum):
    """What part of a record a citation's words are.

    A statement drafted from text cites several pieces of it: the words it
    reports, the mention of who said them, the speech verb, and the sentence
    around them. The role tells them apart, as attribution corpora such as
    PARC and PolNeAR annotate content, source and cue.

    .. versionadded:: 0.2.0
    """

    #: The words of the record itself (a quote, or the clause that reports speech).
    CONTENT = "content"
    #: A fragment the speaker said word for word, inside a mixed statement.
    VERBATIM = "verbatim"
    #: The mention the speaker was read from ("Lavrov", "a senior official", "she").
    SPEAKER = "speaker"
    #: The words that mark speech (a speech verb, "according to").
    CUE = "cue"
    #: The sentence or passage around the record, for a reader's context.
    CONTEXT = "context"


class Urgency(enum.StrEnum):
    """How urgently a demand is pressed.

    .. versionadded:: 0.1.0
    """

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    IMMEDIATE = "immediate"


class ProposalKind(enum.StrEnum):
    """What sort of proposal an actor makes.

    .. versionadded:: 0.1.0
    """

    OFFER = "offer"
    INVITATION = "invitation"
    INITIATIVE = "initiative"
    SUGGESTION = "suggestion"


class ProposalStatus(enum.StrEnum):
    """The fate of a proposal.

    .. versionadded:: 0.1.0
    """

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ResponseStance(enum.StrEnum):
    """How an actor answered a proposal.

    .. versionadded:: 0.1.0
    """

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"


class Relation(enum.StrEnum):
    """How one event refers to another, in a `Reference`.

    ``previous`` and ``implements`` point back in time, ``planned`` forward;
    ``validate()`` checks the direction. ``same_as`` says two records may be
    one event reported differently (sources that disagree on its date or
    place); its description says why.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added ``same_as``.
    """

    IMPLEMENTS = "implements"
    FOLLOWS_UP = "follows_up"
    PREVIOUS = "previous"
    PLANNED = "planned"
    CITES = "cites"
    SAME_AS = "same_as"


class OrganizationKind(enum.StrEnum):
    """What sort of body an `Organization` is.

    .. versionadded:: 0.1.0
    """

    STATE = "state"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    IGO = "igo"
    GROUP = "group"
    MILITARY = "military"
    OUTLET = "outlet"
    PARTY = "party"
    NGO = "ngo"
    OTHER = "other"


class Precision(enum.StrEnum):
    """The finest unit an uncertain date is known to.

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


#: Code system of the CAMEO event codebook (event codes such as ``"042"``).
CAMEO: Final = "cameo"
#: Code system of CAMEO actor codes (three-letter groups such as ``"ARMGOV"``).
CAMEO_ACTOR: Final = "cameo-actor"
#: Code system of PLOVER 2.0 (event types such as ``"CONSULT"``, with an optional mode).
PLOVER: Final = "plover"
#: Code system of ISO 3166-1 alpha-3 country codes.
ISO_3166_1_ALPHA_3: Final = "iso3166-1-alpha3"
#: External-id scheme of Wikidata items (values such as ``"Q76658"``).
WIKIDATA: Final = "wikidata"
