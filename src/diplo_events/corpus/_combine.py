"""How records that are one thing become one record, and how ids are rewritten.

`combine` folds records of one type into one, field by field, under one
policy (documented in docs/corpus.md): lists are united, instants widened, a
record is a draft if any part is, and where single values differ the most
common one is kept (ties: the smallest) and the disagreement is returned, so
that `merge` can report it. `rewrite` replaces ids through a mapping in every
field the model's registry says holds ids, in records and in the values they
embed.
"""

import datetime as dt
import enum
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from diplo_events.model import Meeting, Participant, UncertainDate, registry

__all__ = [
    "Disagreement",
    "canonical",
    "combine",
    "combine_participants",
    "display",
    "groups",
    "nested",
    "rewrite",
    "union_find",
]

#: (field path, the values that differ, the value kept).
Disagreement = tuple[str, tuple[str, ...], str]


def canonical(value: object) -> str:
    """A total, deterministic order for values and records: their repr."""
    return repr(value)


def display(value: object) -> str:
    """A value as a report shows it."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, UncertainDate):
        return value.edtf
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return repr(value)


def _unite(values: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The items of several tuples, each once, first seen first."""
    out: list[Any] = []
    for items in values:
        out.extend(item for item in items if item not in out)
    return tuple(out)


def _span(date: UncertainDate) -> tuple[dt.date, dt.date]:
    return date.earliest or dt.date.min, date.latest or dt.date.max


def nested(dates: list[UncertainDate]) -> UncertainDate | None:
    """The narrowest of *dates* if every one lies within every wider one, else ``None``."""
    ordered = sorted(dates, key=lambda d: (_width(d), d.edtf, canonical(d)))
    for narrow, wide in itertools.pairwise(ordered):
        (low, high), (wide_low, wide_high) = _span(narrow), _span(wide)
        if low < wide_low or high > wide_high:
            return None
    return ordered[0]


def _width(date: UncertainDate) -> int:
    low, high = _span(date)
    return (high - low).days


def _pick(path: str, values: list[Any], problems: list[Disagreement]) -> Any:
    present = [value for value in values if value is not None]
    distinct = sorted({canonical(value): value for value in present}.items())
    if not distinct:
        return values[0] if values else None
    if len(distinct) == 1:
        return distinct[0][1]
    if all(isinstance(value, UncertainDate) for _, value in distinct):
        narrowest = nested([value for _, value in distinct])
        if narrowest is not None:
            return narrowest
    counts = Counter(canonical(value) for value in present)
    chosen = min(distinct, key=lambda item: (-counts[item[0]], item[0]))[1]
    problems.append((path, tuple(display(value) for _, value in distinct), display(chosen)))
    return chosen


def _name_rank(name: str, used: Counter[str]) -> tuple[int, int, str]:
    """Fuller names first, then the name most records use, then the smallest."""
    return (-len(name.split()), -used[name], name)


def combine(records: list[Any], new_id: str, problems: list[Disagreement], path: str = "$") -> Any:
    """Fold *records* (or values) of one class into one, with id *new_id* if it has one.

    Disagreements on single values are appended to *problems*.
    """
    records = sorted(records, key=canonical)
    cls = type(records[0])
    changes: dict[str, Any] = {}
    names: list[str] = []
    for attribute in attrs.fields(cls):
        name = attribute.name
        if not attribute.init or name.startswith("_"):
            continue
        values = [getattr(record, name) for record in records]
        here = f"{path}.{name}"
        if name == "id":
            changes[name] = new_id
        elif name == "draft":
            changes[name] = any(values)
        elif name in {"created", "modified"}:
            present = [value for value in values if value is not None]
            pick = min if name == "created" else max
            changes[name] = pick(present) if present else None
        elif name == "name" and hasattr(records[0], "aliases"):
            names = sorted({n for record in records for n in (record.name, *record.aliases)})
            used = Counter(record.name for record in records)
            changes[name] = min(names, key=lambda n: _name_rank(n, used))
        elif name == "aliases" and names:
            changes[name] = tuple(n for n in names if n != changes["name"])
        elif name == "participants":
            changes[name] = combine_participants(_unite(values), problems, here)
        elif isinstance(values[0], tuple):
            changes[name] = _unite(values)
        else:
            changes[name] = _pick(here, values, problems)
    _keep_end_with_date(records, changes)
    return attrs.evolve(records[0], **changes)


def _keep_end_with_date(records: list[Any], changes: dict[str, Any]) -> None:
    """Keep a meeting's first and last days together, as one fact.

    The end is that of the record whose date was kept, never the narrowest end
    of another, which may fall before the kept date.
    """
    if changes.get("end_date") is None or "date" not in changes:
        return
    kept = canonical(changes["date"])
    changes["end_date"] = next(r.end_date for r in records if canonical(r.date) == kept)


def combine_participants(
    participants: tuple[Participant, ...], problems: list[Disagreement], path: str
) -> tuple[Participant, ...]:
    """One participant per actor, first seen first; the parts of each combined."""
    by_actor: dict[str, list[Participant]] = {}
    for participant in participants:
        by_actor.setdefault(participant.actor, []).append(participant)
    return tuple(
        group[0] if len(group) == 1 else combine(group, "", problems, f"{path}[{actor}]")
        for actor, group in by_actor.items()
    )


def fields_of(obj: Any) -> Iterator[tuple[Any, Any, bool]]:
    """Each field *obj* is made from: its attribute, its value, and whether it holds ids.

    Which fields hold ids is the registry's word (`registry.id_fields`).
    """
    cls = type(obj)
    targets = dict(registry.id_fields(cls))
    for attribute in attrs.fields(cls):
        if attribute.init and not attribute.name.startswith("_"):
            yield attribute, getattr(obj, attribute.name), attribute.name in targets


def rewrite(obj: Any, mapping: Mapping[str, str]) -> Any:
    """*obj* with every id it holds replaced through *mapping* (the same object if none is)."""
    changes: dict[str, Any] = {}
    for attribute, value, holds_ids in fields_of(obj):
        name = attribute.name
        new = value
        if holds_ids:
            if isinstance(value, str):
                new = mapping.get(value, value)
            elif isinstance(value, tuple):
                new = _unite([tuple(mapping.get(item, item) for item in value)])
        elif isinstance(value, tuple):
            new = tuple(_rewrite_value(item, mapping) for item in value)
        else:
            new = _rewrite_value(value, mapping)
        if new != value:
            changes[name] = new
    if not changes:
        return obj
    if isinstance(obj, Meeting) and "participants" in changes:
        changes["participants"] = combine_participants(changes["participants"], [], "$")
    return attrs.evolve(obj, **changes)


def _rewrite_value(value: object, mapping: Mapping[str, str]) -> object:
    if attrs.has(type(value)) and not isinstance(value, UncertainDate):
        return rewrite(value, mapping)
    return value


def union_find(keys: Iterable[str]) -> tuple[Callable[[str], str], Callable[[str, str], None]]:
    """A union-find over *keys*: (find, union); the root of a set is its smallest key."""
    parent = {key: key for key in keys}

    def find(key: str) -> str:
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            parent[high] = low

    return find, union


def groups(keys: Iterable[str], find: Callable[[str], str]) -> dict[str, list[str]]:
    """The sets of a union-find, by root, each sorted."""
    found: dict[str, list[str]] = {}
    for key in sorted(keys):
        found.setdefault(find(key), []).append(key)
    return found
