"""diplo_events: structured, source-checked records of diplomatic events."""

from diplo_events._collection import SCHEMA_VERSION, Collection, RecordNotFoundError
from diplo_events._converter import configure_converter, issues_from_exception, make_converter
from diplo_events._dates import DateDerivation, UncertainDate
from diplo_events._datetext import DateMatch, find_dates, parse_date
from diplo_events._extract import extract
from diplo_events._ids import (
    NAMESPACE,
    RECORD_TYPES,
    dataset_namespace,
    id_type,
    is_id,
    new_id,
    stable_id,
)
from diplo_events._mentions import (
    ActorMention,
    MentionMatch,
    NameBook,
    find_actor_mentions,
    name_key,
    parse_actor_mention,
)
from diplo_events._model import (
    ELISION,
    PLOVER_EVENTS,
    Citation,
    Code,
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
)
from diplo_events._parse import from_dict, from_json, iter_jsonl
from diplo_events._serialize import dump_jsonl, to_dict, to_json
from diplo_events._validate import validate
from diplo_events._vocab import (
    CAMEO,
    CAMEO_ACTOR,
    ISO_3166_1_ALPHA_3,
    PLOVER,
    WIKIDATA,
    Capacity,
    EventStatus,
    MeetingFormat,
    MeetingKind,
    OrganizationKind,
    Precision,
    ProposalKind,
    ProposalStatus,
    ProtocolLevel,
    Relation,
    ResponseStance,
    StatementMode,
    Urgency,
)
from diplo_events.exceptions import (
    DiploEventsError,
    FieldError,
    FieldTypeError,
    Issue,
    ParseError,
    Severity,
    ValidationError,
)

__all__ = [
    "CAMEO",
    "CAMEO_ACTOR",
    "ELISION",
    "ISO_3166_1_ALPHA_3",
    "NAMESPACE",
    "PLOVER",
    "PLOVER_EVENTS",
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "WIKIDATA",
    "ActorMention",
    "Capacity",
    "Citation",
    "Code",
    "Collection",
    "DateDerivation",
    "DateMatch",
    "Demand",
    "DiploEventsError",
    "EventStatus",
    "ExternalId",
    "FieldError",
    "FieldTypeError",
    "Issue",
    "Location",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "MentionMatch",
    "NameBook",
    "Organization",
    "OrganizationKind",
    "ParseError",
    "Participant",
    "Person",
    "Position",
    "Precision",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "ProtocolLevel",
    "Record",
    "RecordNotFoundError",
    "Reference",
    "Relation",
    "Response",
    "ResponseStance",
    "Severity",
    "Source",
    "Span",
    "Statement",
    "StatementMode",
    "UncertainDate",
    "Urgency",
    "ValidationError",
    "__version__",
    "configure_converter",
    "dataset_namespace",
    "dump_jsonl",
    "extract",
    "find_actor_mentions",
    "find_dates",
    "from_dict",
    "from_json",
    "id_type",
    "is_id",
    "issues_from_exception",
    "iter_jsonl",
    "make_converter",
    "name_key",
    "new_id",
    "parse_actor_mention",
    "parse_date",
    "stable_id",
    "to_dict",
    "to_json",
    "validate",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed package metadata, never a copy here.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("diplo_events")
    msg = f"module 'diplo_events' has no attribute {name!r}"
    raise AttributeError(msg)
