"""The schema-version seam: every document is brought to the current version before decoding.

A collection document carries ``schema_version``. Before either decoding path
sees a document (the msgspec fast path for canonical JSON, or the strict
cattrs path), the document passes through here:

- the current version, `SCHEMA_VERSION`, goes through untouched;
- an older version is migrated, one registered `Migration` at a time, into a
  new document of the current version (the input is never changed);
- a version with no migration is refused with ``schema.unsupported_version``.

Only collections carry a version: a single record or a JSON Lines line is read
as a record of the current version.

This release writes ``"1.1"`` and reads ``"1.0"`` too. Each release that
changes the wire format bumps `SCHEMA_VERSION`, registers the migration from
the version before here, and freezes a document of the new version in
``tests/data/schema/``; every frozen document must keep loading and validating.

=========  ==============================================================================
version    what changed
=========  ==============================================================================
``1.0``    the first version (diplo_events 0.1)
``1.1``    a citation may say its ``role`` and ``rule``, a statement its ``cue``, a person or an
           organization that it is ``unnamed``, a source its ``external_ids``, a
           reference the relation ``same_as``; all are new fields with neutral
           defaults or new values, so a 1.0 document needs only its version raised
=========  ==============================================================================

.. versionadded:: 0.2.0
"""

from collections.abc import Callable, Mapping
from typing import Any, Final

from attrs import frozen

from diplo_events.exceptions import Issue
from diplo_events.model import _rules as v
from diplo_events.model.collection import SCHEMA_VERSION, Collection

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "is_current", "migrate"]


@frozen(kw_only=True)
class Migration:
    """One step from a schema version to the next.

    Attributes:
        source: The version this step reads, such as ``"1.0"``.
        target: The version it writes, such as ``"1.1"``.
        upgrade: Takes a collection document (JSON-like dicts and lists) of
            *source* and returns a new one of *target*; it must not change
            its argument, and it sets ``schema_version`` to *target*.

    .. versionadded:: 0.2.0
    """

    source: str
    target: str
    upgrade: Callable[[dict[str, Any]], dict[str, Any]]


def _from_1_0(document: dict[str, Any]) -> dict[str, Any]:
    # 1.1 only adds fields whose defaults say nothing (role and rule None, cue None,
    # unnamed false for persons and organizations); a 1.0 citation's role is
    # not guessed from its position.
    return {**document, "schema_version": "1.1"}


#: Every migration, by the version it reads.
MIGRATIONS: Final[dict[str, Migration]] = {
    "1.0": Migration(source="1.0", target="1.1", upgrade=_from_1_0),
}


def is_current(version: object) -> bool:
    """Tell whether *version* is the one this release decodes directly."""
    return type(version) is str and version == SCHEMA_VERSION


def _unsupported(version: object) -> Issue:
    # The model words the refusal, so the message is the one a Collection built
    # in code with that version gets.
    (problem,) = v.field_problems(Collection, {"schema_version": version})
    return Issue(path="$.schema_version", code=problem.code, message=problem.message)


def migrate(document: object, cls: type | None = None) -> tuple[object, list[Issue]]:
    """Bring a collection *document* to `SCHEMA_VERSION`.

    Args:
        document: What ``json.loads`` gave, or what the caller passed to ``from_dict``.
        cls: The class asked for, or ``None`` to go by the document's ``type`` tag.

    Returns:
        The document of the current version (the same object when nothing had
        to change) and no issue; or the document unchanged and the issue that
        says its version cannot be read.

    .. versionadded:: 0.2.0
    """
    if not _is_collection_document(document, cls):
        return document, []
    assert isinstance(document, Mapping)  # noqa: S101 - checked by _is_collection_document
    version = document["schema_version"]
    steps = 0
    while not is_current(version):
        step = MIGRATIONS.get(version) if isinstance(version, str) else None
        if step is None or steps > len(MIGRATIONS):
            return document, [_unsupported(document["schema_version"])]
        document = step.upgrade(dict(document))
        version = document.get("schema_version")
        steps += 1
    return document, []


def _is_collection_document(document: object, cls: type | None) -> bool:
    if not isinstance(document, dict) or "schema_version" not in document:
        return False
    if cls is None:
        tag = document.get("type")
        return type(tag) is str and tag == "collection"
    return cls is Collection
