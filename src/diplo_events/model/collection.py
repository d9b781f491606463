"""`Collection`: records of every type, indexed by id, and the unit of a JSON document.

A collection is immutable like its records. It keeps an index from id to
record, resolves the ids records hold, and filters by type. It does not refuse
broken data (duplicate ids, dangling references): load it, then ask
``validate()`` for every issue at once.
"""

import builtins
from collections.abc import Iterable, Iterator
from typing import Any, Final, Literal, TypeVar, overload

from attrs import field, frozen

from diplo_events._paths import shown
from diplo_events.exceptions import DiploEventsError, FieldError
from diplo_events.model import _display, registry
from diplo_events.model import _rules as v
from diplo_events.model._records import Record, Reference
from diplo_events.model.registry import RECORD_CLASSES

__all__ = ["MODEL_CLASSES", "SCHEMA_VERSION", "Collection", "RecordNotFoundError"]

#: The schema version this release reads and writes.
SCHEMA_VERSION: Final = "1.1"

_R = TypeVar("_R")
_RECORD_TYPES: Final = registry.record_classes()


class RecordNotFoundError(DiploEventsError, KeyError):
    """No record in the collection has the id asked for.

    .. versionadded:: 0.1.0
    """


def _records_ok(value: object) -> bool:
    return type(value) is tuple and all(type(item) in _RECORD_TYPES for item in value)


def _records_problem(name: str, value: object) -> FieldError | None:
    if type(value) is not tuple:
        return v.type_error(name, "a list of records", value)
    for index, item in enumerate(value):
        if type(item) not in _RECORD_TYPES:
            return v.type_error(f"{name}[{index}]", "a record", item)
    return None


def _version_problem(name: str, value: object) -> FieldError | None:
    if type(value) is str and value == SCHEMA_VERSION:
        return None
    return FieldError(
        name,
        "schema.unsupported_version",
        f"schema version {shown(value)} is not supported; this release reads {SCHEMA_VERSION!r}",
    )


@v.checked
@frozen(kw_only=True)
class Collection(v.Checked):
    """Records of every type, held together: a dataset or one JSON document.

    >>> from diplo_events import Collection, Person
    >>> lavrov = Person(name="Sergey Lavrov", aliases=("Sergei Lavrov",))
    >>> collection = Collection(records=[lavrov])
    >>> collection[lavrov.id].name
    'Sergey Lavrov'

    Attributes:
        type: Always ``"collection"``.
        records: The records, in order.
        schema_version: The version of the JSON document format, ``"1.0"``.

    .. versionadded:: 0.1.0
    """

    type: Literal["collection"] = field(default="collection", init=False, repr=False)
    records: tuple[Record, ...] = field(
        default=(), converter=v.to_tuple, metadata=v.custom(_records_ok, _records_problem)
    )
    schema_version: str = field(
        default=SCHEMA_VERSION,
        metadata=v.custom(lambda value: value == SCHEMA_VERSION, _version_problem),
    )
    _index: dict[str, Record] | None = field(
        default=None, init=False, repr=False, eq=False, hash=False
    )

    @property
    def _ids(self) -> dict[str, Record]:
        # Built on first use, so reading a collection does not pay for it.
        index = self._index
        if index is None:
            index = {}
            for record in self.records:
                index.setdefault(record.id, record)  # the first wins; validate() reports the rest
            object.__setattr__(self, "_index", index)
        return index

    def __len__(self) -> int:
        return len(self.records)

    def __repr__(self) -> str:
        """Return the size and the records by type, never their texts.

        >>> from diplo_events import Person
        >>> Collection(records=[Person(name="Sergey Lavrov")])
        Collection(1 record: person=1; schema_version='1.1')
        """
        return _display.collection_repr(self.records, self.schema_version)

    def _repr_html_(self) -> str:
        return _display.collection_html(self.records, self.schema_version)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._ids
        return any(record == item for record in self.records)

    def __getitem__(self, record_id: str) -> Record:
        """Return the record with id *record_id*.

        Raises:
            RecordNotFoundError: No record has that id.
        """
        try:
            return self._ids[record_id]
        except (KeyError, TypeError):
            msg = f"no record with id {record_id!r} in this collection"
            raise RecordNotFoundError(msg) from None

    def get(self, record_id: str, default: _R | None = None) -> Record | _R | None:
        """Return the record with id *record_id*, or *default*."""
        return self._ids.get(record_id, default) if isinstance(record_id, str) else default

    @overload
    def of_type(self, record_type: builtins.type[_R]) -> tuple[_R, ...]: ...
    @overload
    def of_type(self, record_type: str) -> tuple[Record, ...]: ...
    def of_type(self, record_type: builtins.type[Any] | str) -> tuple[Any, ...]:
        """Return the records of one type, given as a class or a type tag, in order.

        >>> from diplo_events import Meeting
        >>> Collection().of_type(Meeting)
        ()

        Raises:
            ValueError: *record_type* is not a record type.
        """
        cls = RECORD_CLASSES.get(record_type) if isinstance(record_type, str) else record_type
        if cls not in _RECORD_TYPES:
            msg = f"{record_type!r} is not a record type"
            raise ValueError(msg)
        return tuple(record for record in self.records if type(record) is cls)

    def resolve(self, reference: Reference | str) -> Record | None:
        """Return the record a `Reference` (or an id) points at.

        Returns ``None`` for a reference that has no target yet, or whose
        target lives outside the collection (``external=True``).

        Raises:
            RecordNotFoundError: The target should be here and is not.
        """
        if isinstance(reference, Reference):
            if reference.target is None or (
                reference.external and reference.target not in self._ids
            ):
                return None
            return self[reference.target]
        return self[reference]

    def with_records(self, records: Iterable[Record]) -> "Collection":
        """Return a new collection with *records* added at the end."""
        return Collection(records=(*self.records, *records), schema_version=self.schema_version)


#: Every record, value and collection class: what the public functions read and write.
MODEL_CLASSES: Final = registry.model_classes()
