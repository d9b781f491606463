"""Record ids: ``"<type>--<uuid>"``, random or derived from a key.

Ids are never reused: a random id comes from `uuid.uuid4`, and a stable id is
a name-based UUID (version 5) of a namespace and a key, so rebuilding a dataset
from the same keys gives the same ids while different datasets (namespaces)
never collide.
"""

import re
import uuid
from typing import Final

from diplo_events._paths import shown
from diplo_events.model.registry import RECORD_TYPES

__all__ = [
    "NAMESPACE",
    "RECORD_TYPES",
    "dataset_namespace",
    "id_type",
    "is_id",
    "new_id",
    "stable_id",
]

#: The default namespace of `stable_id`, fixed for all versions of diplo_events.
NAMESPACE: Final = uuid.UUID("5d0c7d4e-6a53-5b1e-9a40-2f6f0c1f8e21")

_UUID_PATTERN: Final = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_UUID_RE: Final = re.compile(_UUID_PATTERN)
_ID_RE: Final = re.compile(f"([a-z]+)--{_UUID_PATTERN}")
_UUID_LENGTH: Final = 36


def _check_type(record_type: str) -> None:
    if record_type not in RECORD_TYPES:
        allowed = ", ".join(repr(t) for t in RECORD_TYPES)
        msg = f"unknown record type {shown(record_type)}; expected one of {allowed}"
        raise ValueError(msg)


def new_id(record_type: str) -> str:
    """Return a new random id for a record of *record_type*.

    Args:
        record_type: One of `RECORD_TYPES`, such as ``"meeting"``.

    Returns:
        An id such as ``"meeting--0b6c4f6e-3c1f-4f43-9a55-8f0c2c1d8e11"``.

    Raises:
        ValueError: *record_type* is not a record type.

    .. versionadded:: 0.1.0
    """
    _check_type(record_type)
    return f"{record_type}--{uuid.uuid4()}"


def dataset_namespace(name: str) -> uuid.UUID:
    """Return the namespace UUID of a dataset called *name*, for `stable_id`.

    Two datasets with different names never share an id, even for equal keys.

    .. versionadded:: 0.1.0
    """
    if not isinstance(name, str) or not name:
        msg = "a dataset name must be a non-empty string"
        raise ValueError(msg)
    return uuid.uuid5(NAMESPACE, name)


def stable_id(record_type: str, key: str, *, namespace: uuid.UUID | str = NAMESPACE) -> str:
    """Return the deterministic id of the record of *record_type* named by *key*.

    The UUID part is ``uuid5(namespace, "<record_type>:<key>")``: the same
    namespace, type and key always give the same id, on every machine.

    Args:
        record_type: One of `RECORD_TYPES`.
        key: What identifies the record within the dataset, such as
            ``"2020-12-07 Lavrov-Ayvazyan talks"`` or a Wikidata id.
        namespace: A UUID, or a dataset name passed through `dataset_namespace`.
            Defaults to the library-wide `NAMESPACE`.

    Raises:
        ValueError: *record_type* is unknown or *key* is empty.

    .. versionadded:: 0.1.0
    """
    _check_type(record_type)
    if not isinstance(key, str) or not key:
        msg = "a stable-id key must be a non-empty string"
        raise ValueError(msg)
    space = dataset_namespace(namespace) if isinstance(namespace, str) else namespace
    return f"{record_type}--{uuid.uuid5(space, f'{record_type}:{key}')}"


def is_id(value: object, record_type: str | tuple[str, ...] | None = None) -> bool:
    """Tell whether *value* is a well-formed id, optionally of the given type(s).

    .. versionadded:: 0.1.0
    """
    if type(value) is not str:
        return False
    match = _ID_RE.fullmatch(value)
    if match is None or match.group(1) not in RECORD_TYPES:
        return False
    if record_type is None:
        return True
    if isinstance(record_type, str):
        return match.group(1) == record_type
    return match.group(1) in record_type


def id_type(record_id: str) -> str:
    """Return the record type an id names, such as ``"meeting"``.

    Raises:
        ValueError: *record_id* is not a well-formed id.

    .. versionadded:: 0.1.0
    """
    match = _ID_RE.fullmatch(record_id) if type(record_id) is str else None
    if match is None or match.group(1) not in RECORD_TYPES:
        msg = f"{shown(record_id)} is not a record id of the form '<type>--<uuid>'"
        raise ValueError(msg)
    return match.group(1)


def has_uuid_at(value: str, start: int) -> bool:
    """Tell whether *value* holds exactly a lower-case UUID from index *start*."""
    return len(value) - start == _UUID_LENGTH and _UUID_RE.fullmatch(value, start) is not None
