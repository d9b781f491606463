"""The one table of record types: tag, class, role, and where their ids point.

Every record type is declared once, here, by its tag (which is also its id
prefix and its JSON ``type``) and its role. Each record class binds itself to
its tag with `record` when it is defined; the fields that hold ids declare the
types they may point at in their own rules. Everything else is derived from
these two facts: the tags `diplo_events.new_id` accepts, the classes a
document's ``type`` names, which types can act or be referred to, the id fields
``validate()`` follows, the strategies' pools, the tables of later releases.

>>> from diplo_events.model import registry
>>> registry.record_type("statement").role
<Role.CLAIM: 'claim'>
>>> dict(registry.id_fields(registry.record_class("statement")))["speaker"]
('person', 'organization')

.. versionadded:: 0.2.0
"""

import enum
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final, TypeVar

import attrs
from attrs import frozen

__all__ = [
    "ACTOR_TYPES",
    "EVENT_TYPES",
    "RECORD_CLASSES",
    "RECORD_TYPES",
    "TARGETS",
    "RecordType",
    "Role",
    "id_fields",
    "model_class",
    "model_classes",
    "record",
    "record_class",
    "record_classes",
    "record_type",
    "record_types",
    "tag_of",
]

_C = TypeVar("_C", bound=type)


class Role(enum.StrEnum):
    """What part a record type plays in a dataset.

    .. versionadded:: 0.2.0
    """

    #: Persons and organizations, who speak, take part, demand and propose.
    ACTOR = "actor"
    #: Meetings, which happen in time and can be referred to.
    EVENT = "event"
    #: Statements, demands and proposals, which an actor makes and which can be referred to.
    CLAIM = "claim"
    #: References, which link one event to another.
    LINK = "link"
    #: Sources, the documents that evidence records.
    SOURCE = "source"


# The declaration: every record type, in the order the docs present them.
_DECLARED: Final = (
    ("person", Role.ACTOR),
    ("organization", Role.ACTOR),
    ("meeting", Role.EVENT),
    ("statement", Role.CLAIM),
    ("demand", Role.CLAIM),
    ("proposal", Role.CLAIM),
    ("reference", Role.LINK),
    ("source", Role.SOURCE),
)
_ROLES: Final = dict(_DECLARED)

#: Every record type tag, in documented order, each also an id prefix.
RECORD_TYPES: Final = tuple(tag for tag, _ in _DECLARED)
#: Record types that can act (speak, take part, demand, propose).
ACTOR_TYPES: Final = tuple(tag for tag, role in _DECLARED if role is Role.ACTOR)
#: Record types that are events in time and can be referred to by a `Reference`.
EVENT_TYPES: Final = tuple(tag for tag, role in _DECLARED if role in {Role.EVENT, Role.CLAIM})

_classes: dict[str, type] = {}
_model_classes: set[type] = set()

#: Every record class by its tag (read-only; complete once ``diplo_events.model`` is imported).
RECORD_CLASSES: Final[Mapping[str, type]] = MappingProxyType(_classes)


@frozen
class RecordType:
    """One row of the table: a record type and what is derived from it.

    Attributes:
        tag: The type tag, such as ``"meeting"``: the JSON ``type`` and the id prefix.
        role: What part the type plays.
        cls: The record class.
        id_fields: Every field of the class that holds ids of other records,
            with the tags it may point at, in field order.

    .. versionadded:: 0.2.0
    """

    tag: str
    role: Role
    cls: type
    id_fields: tuple[tuple[str, tuple[str, ...]], ...]


def record(cls: _C) -> _C:
    """Bind a record class to the tag its ``type`` field holds; used as a class decorator.

    Raises:
        ValueError: The tag is not declared in the table, or is bound already.
    """
    tag = attrs.fields_dict(cls)["type"].default
    if tag not in _ROLES:
        msg = f"record type {tag!r} is not declared in diplo_events.model.registry"
        raise ValueError(msg)
    if tag in _classes:
        msg = f"record type {tag!r} is bound to {_classes[tag].__name__} already"
        raise ValueError(msg)
    _classes[tag] = cls
    return cls


def model_class(cls: _C) -> _C:
    """Count *cls* among the model's classes (records, values, dates, `Collection`)."""
    _model_classes.add(cls)
    return cls


def model_classes() -> frozenset[type]:
    """Return every record, value and collection class: what the JSON functions read and write.

    .. versionadded:: 0.2.0
    """
    return frozenset(_model_classes)


#: The key under which a field's metadata names the record types its ids may point at.
TARGETS: Final = "diplo_events.targets"


def id_fields(cls: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return (field name, allowed tags) for every field of *cls* that holds ids of other records.

    Works for value classes too (``Participant.actor``). A record's own ``id``
    is not among them.

    .. versionadded:: 0.2.0
    """
    try:
        return _id_field_cache[cls]
    except KeyError:
        found = tuple(
            (attribute.name, attribute.metadata[TARGETS])
            for attribute in attrs.fields(cls)
            if TARGETS in attribute.metadata and attribute.name != "id"
        )
        _id_field_cache[cls] = found
        return found


_id_field_cache: dict[type, tuple[tuple[str, tuple[str, ...]], ...]] = {}


def record_classes() -> frozenset[type]:
    """Return every record class, for fast membership tests (complete once the model is imported).

    .. versionadded:: 0.2.0
    """
    return frozenset(_classes.values())


def record_class(tag: str) -> type:
    """Return the record class of *tag*.

    Raises:
        KeyError: *tag* is not a record type.

    .. versionadded:: 0.2.0
    """
    return _classes[tag]


def tag_of(cls: type) -> str:
    """Return the tag of record class *cls*.

    Raises:
        KeyError: *cls* is not a record class.

    .. versionadded:: 0.2.0
    """
    for tag, bound in _classes.items():
        if bound is cls:
            return tag
    raise KeyError(cls)


def record_type(tag: str) -> RecordType:
    """Return the row of the table for *tag*.

    Raises:
        KeyError: *tag* is not a record type.

    .. versionadded:: 0.2.0
    """
    cls = _classes[tag]
    return RecordType(tag=tag, role=_ROLES[tag], cls=cls, id_fields=id_fields(cls))


def record_types(*roles: Role) -> Iterator[RecordType]:
    """Yield the rows of the table in documented order, only those of *roles* if given.

    .. versionadded:: 0.2.0
    """
    for tag in RECORD_TYPES:
        if not roles or _ROLES[tag] in roles:
            yield record_type(tag)
