"""Review drafts in bulk: accept them, reject them, and see what a correction changed.

A record's confidence, for review, is the lowest confidence among its
citations (the weakest evidence it rests on); a record without a citation
that gives one (a `Source`, a publisher) has none, and is chosen only by a
rule that does not ask for a confidence.

>>> from diplo_events import Collection, Person
>>> drafts = Collection(records=[Person(name="Ana Lopes", draft=True)])
>>> accepted = accept(drafts, types=["person"])
>>> [record.draft for record in accepted.collection], len(accepted.ids)
([False], 1)

.. versionadded:: 0.2.0
"""

import builtins
import enum
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
from attrs import frozen

from diplo_events.corpus._combine import fields_of
from diplo_events.exceptions import FieldError
from diplo_events.model import Collection, Record, UncertainDate, registry
from diplo_events.model import _rules as v

__all__ = ["Change", "Reviewed", "accept", "confidence", "diff", "reject"]

_NO_DEFAULT: Final = attrs.NOTHING


@frozen
class Reviewed:
    """The result of `accept` or `reject`.

    Attributes:
        collection: The reviewed collection.
        ids: The records accepted, or rejected, by the rule, in collection order.
        also_removed: For `reject`: records removed because they could not
            stand without a rejected one (a statement whose speaker was
            rejected), in collection order.
        cleared: For `reject`: (record id, JSON path) of each optional id
            or list entry that pointed at a removed record and was cleared.

    .. versionadded:: 0.2.0
    """

    collection: Collection
    ids: tuple[str, ...]
    also_removed: tuple[str, ...] = ()
    cleared: tuple[tuple[str, str], ...] = ()


@frozen
class Change:
    """One field that differs between a draft and its corrected record.

    Attributes:
        path: The field's JSON path, such as ``$.date`` or ``$.participants[1].title``.
        before: The draft's value (``None`` where the draft has none).
        after: The corrected value.

    .. versionadded:: 0.2.0
    """

    path: str
    before: Any
    after: Any

    def __str__(self) -> str:
        return f"{self.path}: {_show(self.before)} -> {_show(self.after)}"


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    return repr(value)


def confidence(record: Record) -> float | None:
    """The lowest confidence among *record*'s citations, or ``None`` if none gives one.

    .. versionadded:: 0.2.0
    """
    found = [
        citation.confidence
        for citation in getattr(record, "citations", ())
        if citation.confidence is not None
    ]
    return min(found) if found else None


def _check_rule(
    types: Iterable[str] | None,
    where: object,
    low: float | None,
    high: float | None,
) -> frozenset[str] | None:
    for name, bound in (("min_confidence", low), ("max_confidence", high)):
        if bound is not None and (type(bound) not in {int, float} or not 0 <= bound <= 1):
            raise v.type_error(name, "a number from 0 to 1, or None", bound)
    if where is not None and not callable(where):
        raise v.type_error("where", "a function of a record, or None", where)
    if types is None:
        return None
    if isinstance(types, str):
        raise v.type_error("types", "a list of record type tags", types)
    tags = frozenset(types)
    unknown = sorted(tags - set(registry.RECORD_TYPES))
    if unknown:
        raise FieldError("types", "review.unknown_type", f"not record types: {unknown}")
    return tags


def _chooser(
    types: Iterable[str] | None,
    where: Callable[[Record], bool] | None,
    low: float | None,
    high: float | None,
) -> Callable[[Record], bool]:
    types = _check_rule(types, where, low, high)

    def chosen(record: Record) -> bool:
        if not record.draft or (types is not None and record.type not in types):
            return False
        if low is not None or high is not None:
            value = confidence(record)
            if value is None:
                return False
            if (low is not None and value < low) or (high is not None and value >= high):
                return False
        return where is None or bool(where(record))

    return chosen


def _check_collection(collection: object) -> None:
    if not isinstance(collection, Collection):
        raise v.type_error("collection", "a Collection", collection)


def accept(
    collection: Collection,
    *,
    min_confidence: float | None = None,
    types: Iterable[str] | None = None,
    where: Callable[[Record], bool] | None = None,
) -> Reviewed:
    """Accept drafts in bulk: ``draft=False`` on each draft every given rule chooses.

    Args:
        collection: The records to review.
        min_confidence: Accept only drafts whose `confidence` is at least this.
        types: Accept only drafts of these type tags (``["statement"]``).
        where: Accept only drafts for which this function returns true.

    Returns:
        `Reviewed`, with the ids accepted. Records already accepted are left as they are.

    Raises:
        FieldTypeError: An argument has the wrong type or range.
        FieldError: *types* names no record type (``review.unknown_type``).

    .. versionadded:: 0.2.0
    """
    _check_collection(collection)
    chosen = _chooser(types, where, min_confidence, None)
    ids: list[str] = []
    records: list[Record] = []
    for record in collection:
        if chosen(record):
            ids.append(record.id)
            record = attrs.evolve(record, draft=False)  # noqa: PLW2901 - the accepted record
        records.append(record)
    return Reviewed(
        Collection(records=records, schema_version=collection.schema_version), tuple(ids)
    )


def reject(
    collection: Collection,
    *,
    max_confidence: float | None = None,
    types: Iterable[str] | None = None,
    where: Callable[[Record], bool] | None = None,
) -> Reviewed:
    """Reject drafts in bulk: remove each draft every given rule chooses, and what hangs on it.

    Nothing is left dangling. A record that cannot stand without a rejected
    one (a statement whose speaker, a reference whose subject, a demand whose
    actor was rejected) is removed too; an optional id that pointed at a
    removed record is set to ``None``, and list entries that did (an
    addressee, a participant, a citation of a removed source) are dropped.
    A record that breaks its own rules once cleared (an accepted proposal
    that loses its accepting response) is removed as well. Accepted records
    (``draft=False``) are never chosen, but may be removed or cleared when
    they rest on a rejected draft; the result says which.

    Args:
        collection: The records to review.
        max_confidence: Reject only drafts whose `confidence` is below this.
        types: Reject only drafts of these type tags.
        where: Reject only drafts for which this function returns true.

    Returns:
        `Reviewed`: the collection without them, the ids rejected, the ids
        removed with them and the fields cleared.

    Raises:
        FieldTypeError: An argument has the wrong type or range.
        FieldError: *types* names no record type (``review.unknown_type``).

    .. versionadded:: 0.2.0
    """
    _check_collection(collection)
    chosen = _chooser(types, where, None, max_confidence)
    rejected = [record.id for record in collection if chosen(record)]
    removed = set(rejected)
    also: list[str] = []
    records = list(collection)
    cleared: list[tuple[str, str]] = []
    while True:  # removing one record may leave another without what it needs
        kept: list[Record] = []
        grew = False
        for record in records:
            if record.id in removed:
                continue
            new = _clear(record, removed, "$", cleared, record.id)
            if new is None:
                removed.add(record.id)
                also.append(record.id)
                grew = True
            else:
                kept.append(new)
        records = kept
        if not grew:
            break
    order = {record.id: index for index, record in enumerate(collection)}
    return Reviewed(
        Collection(records=records, schema_version=collection.schema_version),
        tuple(rejected),
        tuple(sorted(also, key=order.__getitem__)),
        tuple(entry for entry in cleared if entry[0] not in removed),
    )


def _clear(  # noqa: C901 - one walk over ids, lists of ids and lists of values
    obj: Any, removed: set[str], path: str, cleared: list[tuple[str, str]], owner: str
) -> Any:
    """*obj* without the ids in *removed*; ``None`` when it cannot stand without one."""
    changes: dict[str, Any] = {}
    for attribute, value, holds_ids in fields_of(obj):
        name = attribute.name
        here = f"{path}.{name}"
        if holds_ids:
            if isinstance(value, tuple):
                kept = tuple(item for item in value if item not in removed)
                if kept != value:
                    changes[name] = kept
                    cleared.append((owner, here))
            elif value in removed:
                if attribute.default is _NO_DEFAULT:
                    return None
                changes[name] = None
                cleared.append((owner, here))
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            items = [
                _clear(item, removed, f"{here}[{i}]", cleared, owner)
                for i, item in enumerate(value)
            ]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                dropped = [f"{here}[{i}]" for i, new in enumerate(items) if new is None]
                cleared.extend((owner, where) for where in dropped)
                changes[name] = tuple(item for item in items if item is not None)
    if not changes:
        return obj
    try:
        return attrs.evolve(obj, **changes)
    except FieldError:
        return None


def diff(draft: Any, corrected: Any) -> tuple[Change, ...]:
    """Return every field that differs between *draft* and *corrected*, deepest first found.

    Values are compared field by field, into the values records embed
    (participants, citations, locations, dates): lists of equal length item
    by item, lists of different lengths as a whole.

    Args:
        draft: A record (or value) as drafted.
        corrected: The same record as corrected: of the same class.

    Returns:
        The changes, in field order; empty when the two are equal.

    Raises:
        FieldTypeError: The two are not of the same record or value class.

    Example:
        >>> from diplo_events import Person
        >>> draft = Person(name="Sergei Lavrov", draft=True)
        >>> corrected = Person(id=draft.id, name="Sergey Lavrov", aliases=["Sergei Lavrov"])
        >>> for change in diff(draft, corrected):
        ...     print(change)
        $.name: 'Sergei Lavrov' -> 'Sergey Lavrov'
        $.aliases: () -> ('Sergei Lavrov',)
        $.draft: True -> False

    .. versionadded:: 0.2.0
    """
    if not attrs.has(type(draft)):
        raise v.type_error("draft", "a record or value", draft)
    if builtins.type(corrected) is not builtins.type(draft):
        raise v.type_error("corrected", f"a {type(draft).__name__}", corrected)
    changes: list[Change] = []
    _diff(draft, corrected, "$", changes)
    return tuple(changes)


def _diff(before: Any, after: Any, path: str, changes: list[Change]) -> None:
    if before == after:
        return
    if (
        type(before) is type(after)
        and attrs.has(type(before))
        and not isinstance(before, UncertainDate)
    ):
        for attribute in attrs.fields(type(before)):
            if attribute.name.startswith("_"):
                continue
            name = attribute.name
            _diff(getattr(before, name), getattr(after, name), f"{path}.{name}", changes)
        return
    if (
        isinstance(before, tuple)
        and isinstance(after, tuple)
        and len(before) == len(after)
        and any(attrs.has(type(item)) for item in before)
    ):
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            _diff(old, new, f"{path}[{index}]", changes)
        return
    changes.append(Change(path, before, after))
