"""How the fields of the model's classes become Arrow columns, and back.

The columns are derived from the attrs fields of each class, never listed by
hand, so a field added to the model gets its column in every table (a test
checks that every field of every record type round-trips). Each field is one
`_Attr`: it names its Arrow columns, writes a value into a row, and reads the
row back as the JSON-like value `diplo_events.from_dict` takes, so that
records read from Parquet pass through the same strict decoding as JSON.

Most fields are one column. Two kinds are several:

- an `UncertainDate` field ``date`` is ``date`` (its EDTF text, the value),
  ``date_earliest`` and ``date_latest`` (``date32`` bounds, null when open),
  ``date_precision`` and ``date_derivation`` (a struct);
- an instant ``created`` is ``created`` (``timestamp[us, UTC]``) and
  ``created_offset`` (the UTC offset it was written with, in minutes), so
  that the instant comes back as it was given, not only as the same moment.

Only the value columns are read back; the bounds and the precision are
derived from the EDTF text and are there for queries.

pyarrow is passed in as a module by `diplo_events.io.tables`, which imports it
on first use: importing this module never imports pyarrow.
"""

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from diplo_events.model import UncertainDate

__all__ = ["Attr", "ListShape", "Plain", "Shape", "StructShape", "attrs_of", "shape_of"]

_SECONDS_PER_MINUTE: Final = 60


class Shape:
    """How one Python value (not a whole field) is held in an Arrow value."""

    def arrow(self, pa: Any) -> Any:
        """Return the Arrow type."""
        raise NotImplementedError

    def put(self, value: Any) -> object:
        """Return *value* as pyarrow takes it from Python."""
        raise NotImplementedError

    def take(self, value: Any) -> object:
        """Return the Arrow value (as pyarrow gives it to Python) as JSON-like data."""
        raise NotImplementedError


@attrs.frozen
class _Scalar(Shape):
    type_name: str  # a pyarrow factory: "string", "bool_", "int64", "float64", "date32"
    to_arrow: Callable[[Any], object] = lambda value: value
    to_json: Callable[[Any], object] = lambda value: value

    def arrow(self, pa: Any) -> Any:
        return getattr(pa, self.type_name)()

    def put(self, value: Any) -> object:
        return None if value is None else self.to_arrow(value)

    def take(self, value: Any) -> object:
        return None if value is None else self.to_json(value)


def _enum_value(member: enum.Enum) -> object:
    return member.value


def _iso_date(day: Any) -> object:
    return day.isoformat() if isinstance(day, dt.date) else day


@attrs.frozen
class ListShape(Shape):
    item: Shape

    def arrow(self, pa: Any) -> Any:
        return pa.list_(self.item.arrow(pa))

    def put(self, value: Any) -> object:
        return [self.item.put(item) for item in value]

    def take(self, value: Any) -> object:
        # A null list is passed on as None, for from_dict to refuse with its path.
        return None if value is None else [self.item.take(item) for item in value]


@attrs.frozen
class StructShape(Shape):
    cls: type

    def arrow(self, pa: Any) -> Any:
        return pa.struct([field for attr in attrs_of(self.cls) for field in attr.columns(pa)])

    def put(self, value: Any) -> object:
        if value is None:
            return None
        row: dict[str, object] = {}
        for attr in attrs_of(self.cls):
            attr.put(getattr(value, attr.name), row)
        return row

    def take(self, value: Any) -> object:
        if value is None:
            return None
        if not isinstance(value, dict):
            return value  # from_dict reports the wrong type with its path
        return {attr.name: attr.take(value) for attr in attrs_of(self.cls)}


class Attr:
    """One field of a model class: its columns, and how a value goes in and comes out."""

    name: str

    def columns(self, pa: Any) -> list[Any]:
        """Return the Arrow fields this attribute writes."""
        raise NotImplementedError

    def column_names(self) -> tuple[str, ...]:
        """Return the names of the columns this attribute writes."""
        raise NotImplementedError

    def value_columns(self) -> tuple[str, ...]:
        """Return the columns read back to rebuild the value (the rest are derived)."""
        return self.column_names()

    def put(self, value: Any, row: dict[str, object]) -> None:
        """Write *value* into *row*, under this attribute's columns."""
        raise NotImplementedError

    def take(self, row: dict[str, Any]) -> object:
        """Return this attribute's JSON-like value, read from *row*."""
        raise NotImplementedError


@attrs.frozen
class Plain(Attr):
    name: str
    shape: Shape

    def columns(self, pa: Any) -> list[Any]:
        return [pa.field(self.name, self.shape.arrow(pa))]

    def column_names(self) -> tuple[str, ...]:
        return (self.name,)

    def put(self, value: Any, row: dict[str, object]) -> None:
        row[self.name] = self.shape.put(value)

    def take(self, row: dict[str, Any]) -> object:
        return self.shape.take(row.get(self.name))


_DERIVATION: Final = "derivation"


@attrs.frozen
class _Edtf(Attr):
    """An `UncertainDate`: its EDTF text, bounds and precision, and its derivation."""

    name: str

    def column_names(self) -> tuple[str, ...]:
        n = self.name
        return (n, f"{n}_earliest", f"{n}_latest", f"{n}_precision", f"{n}_{_DERIVATION}")

    def value_columns(self) -> tuple[str, ...]:
        return (self.name, f"{self.name}_{_DERIVATION}")

    def columns(self, pa: Any) -> list[Any]:
        n = self.name
        derivation = _derivation_shape().arrow(pa)
        return [
            pa.field(n, pa.string()),
            pa.field(f"{n}_earliest", pa.date32()),
            pa.field(f"{n}_latest", pa.date32()),
            pa.field(f"{n}_precision", pa.string()),
            pa.field(f"{n}_{_DERIVATION}", derivation),
        ]

    def put(self, value: Any, row: dict[str, object]) -> None:
        n = self.name
        if value is None:
            row.update(dict.fromkeys(self.column_names()))
            return
        row[n] = value.edtf
        row[f"{n}_earliest"] = value.earliest
        row[f"{n}_latest"] = value.latest
        row[f"{n}_precision"] = value.precision.value
        row[f"{n}_{_DERIVATION}"] = _derivation_shape().put(value.derivation)

    def take(self, row: dict[str, Any]) -> object:
        edtf = row.get(self.name)
        if edtf is None:
            return None
        derivation = _derivation_shape().take(row.get(f"{self.name}_{_DERIVATION}"))
        return {"edtf": edtf, _DERIVATION: derivation}


def _derivation_shape() -> Shape:
    return StructShape(_date_derivation())


def _date_derivation() -> type:
    hint = typing.get_type_hints(UncertainDate)[_DERIVATION]
    (cls,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
    return typing.cast("type", cls)


@attrs.frozen
class _Instant(Attr):
    """A timezone-aware instant: the moment in UTC, and the offset it was given with."""

    name: str

    def column_names(self) -> tuple[str, ...]:
        return (self.name, f"{self.name}_offset")

    def columns(self, pa: Any) -> list[Any]:
        return [
            pa.field(self.name, pa.timestamp("us", tz="UTC")),
            pa.field(f"{self.name}_offset", pa.int32()),
        ]

    def put(self, value: Any, row: dict[str, object]) -> None:
        if value is None:
            row[self.name] = row[f"{self.name}_offset"] = None
            return
        row[self.name] = value
        row[f"{self.name}_offset"] = int(value.utcoffset().total_seconds()) // _SECONDS_PER_MINUTE

    def take(self, row: dict[str, Any]) -> object:
        moment, minutes = row.get(self.name), row.get(f"{self.name}_offset")
        if isinstance(moment, int) and not isinstance(moment, bool) and isinstance(minutes, int):
            # Microseconds since the epoch (how read_parquet reads timestamps): the local
            # time is rebuilt in its own offset, so no step passes through an out-of-range UTC.
            try:
                zone = dt.timezone(dt.timedelta(minutes=minutes))
                local = _EPOCH + dt.timedelta(microseconds=moment + minutes * _MICROS_PER_MINUTE)
                return local.replace(tzinfo=zone).isoformat()
            except (OverflowError, ValueError):
                return f"{moment} microseconds since 1970 at offset {minutes} minutes"
        if not isinstance(moment, dt.datetime) or not isinstance(minutes, int):
            return moment  # None, or a value from_dict refuses with its path
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        zone = dt.timezone(dt.timedelta(minutes=minutes))
        try:
            return moment.astimezone(zone).isoformat()
        except (OverflowError, ValueError):
            return moment.isoformat()


_EPOCH: Final = dt.datetime(1970, 1, 1)  # noqa: DTZ001 - naive on purpose: a local time is built
_MICROS_PER_MINUTE: Final = 60_000_000


def _optional(tp: Any) -> Any:
    """Return the one type of ``X | None``, or *tp* itself."""
    if typing.get_origin(tp) in {types.UnionType, typing.Union}:
        (inner,) = (arg for arg in typing.get_args(tp) if arg is not type(None))
        return inner
    return tp


_SCALARS: Final[dict[type, Shape]] = {
    str: _Scalar("string"),
    bool: _Scalar("bool_"),
    int: _Scalar("int64"),
    float: _Scalar("float64"),
    dt.date: _Scalar("date32", to_json=_iso_date),
}
_ENUM: Final = _Scalar("string", to_arrow=_enum_value)


def shape_of(tp: Any) -> Shape:
    """Return the shape of values of type *tp* (``None`` allowed: Arrow values are nullable).

    Raises:
        TypeError: The model has a type this module does not know yet.
    """
    tp = _optional(tp)
    if typing.get_origin(tp) is tuple:
        return ListShape(shape_of(typing.get_args(tp)[0]))
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _ENUM
    if isinstance(tp, type) and attrs.has(tp):
        return StructShape(tp)
    msg = f"no Arrow column for the model type {tp!r}"
    raise TypeError(msg)


_attrs_cache: dict[type, tuple[Attr, ...]] = {}


def attrs_of(cls: type) -> tuple[Attr, ...]:
    """Return the attributes of the model class *cls*, in field order, without ``type``."""
    found = _attrs_cache.get(cls)
    if found is not None:
        return found
    hints = typing.get_type_hints(cls)
    built: list[Attr] = []
    for field in attrs.fields(cls):
        if field.name == "type" or field.name.startswith("_"):
            continue
        tp = _optional(hints[field.name])
        if tp is UncertainDate:
            built.append(_Edtf(field.name))
        elif tp is dt.datetime:
            built.append(_Instant(field.name))
        else:
            built.append(Plain(field.name, shape_of(tp)))
    _attrs_cache[cls] = found = tuple(built)
    return found
