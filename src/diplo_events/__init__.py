"""diplo_events: structured, source-checked records of diplomatic events.

The everyday surface: records, values and vocabularies, `Collection`, the JSON
functions, `validate`, the text readers the README shows, and the exceptions.
Specialist names live in their subpackage: `diplo_events.model` (the registry
and graph queries), `diplo_events.io` (the converter, schema versions),
`diplo_events.drafting` (the extractor's parts).

The drafting stack (`extract`, `parse_date`, `find_dates`,
`parse_actor_mention`, `ActorMention`) and the corpus tools (`extract_many`,
`Article`, `merge`, from `diplo_events.corpus`) are loaded on first use, so
``import diplo_events`` stays light.
"""

import importlib
import warnings
from typing import TYPE_CHECKING, Final

from diplo_events._validate import validate
from diplo_events.exceptions import (
    DiploEventsError,
    FieldError,
    FieldTypeError,
    Issue,
    ParseError,
    Severity,
    TaggerWarning,
    ValidationError,
)
from diplo_events.io.json import dump_jsonl, from_dict, from_json, iter_jsonl, to_dict, to_json
from diplo_events.model import (
    CAMEO,
    CAMEO_ACTOR,
    ELISION,
    ISO_3166_1_ALPHA_3,
    NAMESPACE,
    PLOVER,
    PLOVER_EVENTS,
    RECORD_TYPES,
    SCHEMA_VERSION,
    WIKIDATA,
    Capacity,
    Citation,
    CitationRole,
    Code,
    Collection,
    DateDerivation,
    Demand,
    EventStatus,
    ExternalId,
    Location,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Organization,
    OrganizationKind,
    Participant,
    Person,
    Position,
    Precision,
    Proposal,
    ProposalKind,
    ProposalStatus,
    ProtocolLevel,
    Record,
    RecordNotFoundError,
    Reference,
    Relation,
    Response,
    ResponseStance,
    Source,
    Span,
    Statement,
    StatementMode,
    UncertainDate,
    Urgency,
    dataset_namespace,
    id_type,
    is_id,
    new_id,
    stable_id,
)

if TYPE_CHECKING:
    from diplo_events.corpus import Article, extract_many, merge
    from diplo_events.drafting import (
        ActorMention,
        extract,
        find_dates,
        parse_actor_mention,
        parse_date,
    )

    # Deprecated at the top level (see _MOVED); visible to type checkers until 0.3.0.
    from diplo_events.drafting import DateMatch as DateMatch
    from diplo_events.drafting import MentionMatch as MentionMatch
    from diplo_events.drafting import NameBook as NameBook
    from diplo_events.drafting import find_actor_mentions as find_actor_mentions
    from diplo_events.drafting import name_key as name_key
    from diplo_events.io import configure_converter as configure_converter
    from diplo_events.io import issues_from_exception as issues_from_exception
    from diplo_events.io import make_converter as make_converter

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
    "Article",
    "Capacity",
    "Citation",
    "CitationRole",
    "Code",
    "Collection",
    "DateDerivation",
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
    "TaggerWarning",
    "UncertainDate",
    "Urgency",
    "ValidationError",
    "__version__",
    "dataset_namespace",
    "dump_jsonl",
    "extract",
    "extract_many",
    "find_dates",
    "from_dict",
    "from_json",
    "id_type",
    "is_id",
    "iter_jsonl",
    "merge",
    "new_id",
    "parse_actor_mention",
    "parse_date",
    "stable_id",
    "to_dict",
    "to_json",
    "validate",
]

# Loaded from their subpackage on first use, then kept here like any name.
_LAZY: Final = {
    "ActorMention": "diplo_events.drafting",
    "extract": "diplo_events.drafting",
    "find_dates": "diplo_events.drafting",
    "parse_actor_mention": "diplo_events.drafting",
    "parse_date": "diplo_events.drafting",
    "Article": "diplo_events.corpus",
    "extract_many": "diplo_events.corpus",
    "merge": "diplo_events.corpus",
}
# Names that moved to a subpackage in 0.2.0; the old spelling works until 0.3.0.
_MOVED: Final = {
    "DateMatch": "diplo_events.drafting",
    "MentionMatch": "diplo_events.drafting",
    "NameBook": "diplo_events.drafting",
    "find_actor_mentions": "diplo_events.drafting",
    "name_key": "diplo_events.drafting",
    "configure_converter": "diplo_events.io",
    "issues_from_exception": "diplo_events.io",
    "make_converter": "diplo_events.io",
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        # The version comes from the installed package metadata, never a copy here.
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("diplo_events")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _MOVED:
        home = _MOVED[name]
        warnings.warn(
            f"diplo_events.{name} is deprecated and will be removed in 0.3.0; "
            f"import it from {home} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(home), name)
    msg = f"module 'diplo_events' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
