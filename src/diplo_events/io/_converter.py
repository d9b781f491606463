"""The library's cattrs converter: strict structuring with every problem reported.

`make_converter()` returns a new `cattrs.Converter` set up by
`configure_converter()`; the library keeps one private instance and never
touches cattrs' global converter.

Strictness is the point: no coercion (``5`` is not ``"5"``, ``"false"`` is not
``False``, ``"hello"`` is not a list, ``null`` is not a string), unknown keys are
errors, record ids and type tags are required on the wire, and every problem
in a document is collected before anything is raised. Errors are raised as
cattrs' own `ClassValidationError` / `IterableValidationError` groups, with
attribute and index notes, so `cattrs.transform_error` also works on them;
`issues_from_exception` turns them into `Issue` objects with codes.
"""

import contextlib
import datetime as dt
import enum
import functools
import re
import threading
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import cattrs
import msgspec
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from diplo_events._paths import QUOTE_LIMIT, path_part, shown
from diplo_events.exceptions import FieldError, FieldTypeError, Issue
from diplo_events.io._jsontext import AlreadyReportedError, UnreadableValue
from diplo_events.model import RECORD_CLASSES, Record, registry
from diplo_events.model import _rules as v
from diplo_events.model.collection import Collection

__all__ = ["configure_converter", "issues_from_exception", "make_converter"]

StructureHook = Callable[[Any, Any], Any]

_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Fields a record must carry on the wire even though the constructor has defaults.
_WIRE_REQUIRED: Final = frozenset({"id"})
_RECORD_TYPES: Final = registry.record_classes()


_KINDS: Final = (
    (bool, "a boolean"),
    (int | float, "a number"),
    (str, "a string"),
    (list | tuple, "a list"),
    (dict, "an object"),
)


def json_kind(value: object) -> str:
    """Name the JSON kind of *value* for messages: 'a string', 'an object', ..."""
    if value is None:
        return "null"
    for kinds, name in _KINDS:
        if isinstance(value, kinds):
            return name
    return f"a {type(value).__name__}"


def _mismatch(expected: str, value: object) -> FieldTypeError:
    if isinstance(value, UnreadableValue):
        raise AlreadyReportedError(value.code)
    return FieldTypeError(None, "type.mismatch", f"expected {expected}, got {json_kind(value)}")


# --- the issue budget of one document ----------------------------------------------------


class _Budget(threading.local):
    """How many more problems one document may report, per thread.

    ``None`` (the default) means no cap: a converter from `make_converter` used
    on its own collects everything, as cattrs does. ``from_json`` and
    ``from_dict`` set a cap for each document (`issue_budget`); once it is
    spent, later problems are only counted, so a document with a million bad
    items costs a million checks but not a million kept exceptions.
    """

    remaining: int | None = None
    dropped: int = 0


_BUDGET: Final = _Budget()


class _DroppedError(AlreadyReportedError):
    """Raised by an object or list whose every problem fell beyond the budget."""


@contextlib.contextmanager
def issue_budget(limit: int) -> Iterator[_Budget]:
    """Cap the problems kept while one document is structured; yield the counts."""
    saved = (_BUDGET.remaining, _BUDGET.dropped)
    _BUDGET.remaining, _BUDGET.dropped = limit, 0
    try:
        yield _BUDGET
    finally:
        _BUDGET.remaining, _BUDGET.dropped = saved


class _Errors(list[Exception]):
    """The problems found in one object or list, kept while the budget lasts."""

    failed = False

    def add(self, exc: Exception, note: Callable[[Exception], Exception] | None = None) -> None:
        self.failed = True
        if isinstance(exc, AlreadyReportedError):
            return  # reported by check_tree, or counted where it was dropped
        remaining = _BUDGET.remaining
        if remaining is None or isinstance(exc, BaseExceptionGroup):
            pass  # no cap, or a group whose members were counted as they were kept
        elif remaining <= 0:
            _BUDGET.dropped += 1
            return
        else:
            _BUDGET.remaining = remaining - 1
        self.append(note(exc) if note is not None else exc)

    def check(self, group: Callable[[list[Exception]], Exception]) -> None:
        """Raise *group* of the kept errors, or `_DroppedError` if none was kept."""
        if self:
            raise group(self)
        if self.failed:
            raise _DroppedError


# --- leaf hooks ------------------------------------------------------------------------


def _structure_str(value: object, cl: type) -> object:
    # Registered for `str`, so singledispatch also picks it for StrEnum subclasses:
    # hand those to their constructor so the member is validated (notes P2).
    if type(value) is not str:
        raise _mismatch("a string", value)
    if cl is str:
        return v.nfc(value)
    try:
        return cl(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in typing.cast("type[enum.Enum]", cl))
        raise FieldError(
            None, "value.not_allowed", f"must be one of {allowed}, got {shown(value)}"
        ) from None


def _structure_bool(value: object, _cl: type) -> bool:
    if type(value) is not bool:
        raise _mismatch("a boolean", value)
    return value


def _structure_int(value: object, _cl: type) -> int:
    if type(value) is not int:
        raise _mismatch("an integer", value)
    return value


def _structure_float(value: object, _cl: type) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise _mismatch("a number", value)


# RFC 3339 section 5.6 'date-time': full-date "T" full-time, with seconds and an
# offset always; "T" and "Z" may be lower case. Anything else ISO 8601 allows
# (basic form, week and ordinal dates, reduced precision, a comma) is refused
# here, before any parser could read it as something else.
_RFC3339_RE: Final = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})[Tt]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<offset>[Zz]|(?P<sign>[+-])(?P<offset_hour>[0-9]{2}):(?P<offset_minute>[0-9]{2}))",
    re.ASCII,
)
_MICROSECOND_DIGITS: Final = 6
_LAST_HOUR: Final = 23
_LAST_MINUTE: Final = 59
_LEAP_SECOND: Final = 60


def _instant_problem(code: str, value: str, why: str) -> FieldError:
    return FieldError(None, code, f"{shown(value)} {why}")


def _parse_instant(value: str) -> dt.datetime:
    """Read an RFC 3339 date-time exactly, or raise a `FieldError` that says why not.

    Nothing is rounded, cut or moved: a value a `datetime.datetime` cannot hold
    exactly (a leap second, more than six significant fractional digits, the
    unknown offset ``-00:00``, year 0000) is refused, not changed.
    """
    match = _RFC3339_RE.fullmatch(value)
    if match is None and _RFC3339_RE.fullmatch(value + "Z") is not None:
        raise _instant_problem(
            "datetime.naive",
            value,
            "has no timezone offset; an instant needs one, such as 'Z' or '+03:00'",
        )
    if match is None:
        raise _instant_problem(
            "datetime.invalid",
            value,
            "is not an RFC 3339 date and time such as '2020-12-07T10:00:00Z' "
            "(date, 'T', hours, minutes and seconds, and an offset)",
        )
    part = match.group
    hour, minute, second = int(part("hour")), int(part("minute")), int(part("second"))
    if hour > _LAST_HOUR or minute > _LAST_MINUTE or second > _LEAP_SECOND:
        raise _instant_problem("datetime.impossible", value, "is not a time of day")
    if second == _LEAP_SECOND:
        raise _instant_problem(
            "datetime.unrepresentable", value, "is a leap second, which a datetime cannot hold"
        )
    fraction = part("fraction") or ""
    if fraction[_MICROSECOND_DIGITS:].strip("0"):
        raise _instant_problem(
            "datetime.unrepresentable",
            value,
            "has more than six significant fractional digits; a datetime holds microseconds",
        )
    if part("sign") == "-" and part("offset_hour") == part("offset_minute") == "00":
        raise _instant_problem(
            "datetime.unrepresentable",
            value,
            "has the offset '-00:00', which RFC 3339 uses for an unknown local offset; "
            "give the offset, or 'Z' for UTC",
        )
    if part("sign") is None:
        zone = dt.UTC
    else:
        offset_hour, offset_minute = int(part("offset_hour")), int(part("offset_minute"))
        if offset_hour > _LAST_HOUR or offset_minute > _LAST_MINUTE:
            raise _instant_problem("datetime.impossible", value, "has an impossible offset")
        delta = dt.timedelta(hours=offset_hour, minutes=offset_minute)
        zone = dt.timezone(-delta if part("sign") == "-" else delta)
    microsecond = int(fraction[:_MICROSECOND_DIGITS].ljust(_MICROSECOND_DIGITS, "0"))
    try:
        date = dt.date(int(part("year")), int(part("month")), int(part("day")))
    except ValueError:
        raise _instant_problem(
            "datetime.impossible", value, "is not a calendar date (or is in year 0000)"
        ) from None
    return dt.datetime.combine(date, dt.time(hour, minute, second, microsecond, tzinfo=zone))


def _structure_datetime(value: object, _cl: type) -> dt.datetime:
    if type(value) is not str:
        raise _mismatch("an RFC 3339 date and time", value)
    return _parse_instant(value)


def _structure_date(value: object, _cl: type) -> dt.date:
    if type(value) is not str:
        raise _mismatch("a date 'YYYY-MM-DD'", value)
    if _DATE_RE.fullmatch(value) is None:
        raise FieldError(
            None, "date.invalid", f"{shown(value)} is not a date of the form 'YYYY-MM-DD'"
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(
            None, "date.impossible", f"{shown(value)} is not a calendar date"
        ) from None


def _enum_value(member: enum.Enum) -> object:
    return member.value


def _unstructure_datetime(value: dt.datetime) -> object:
    # Exactly the text msgspec writes, so to_dict() and to_json() agree.
    return msgspec.to_builtins(value)


# --- notes -------------------------------------------------------------------------------


def _note_attribute(exc: Exception, name: str, type_: object) -> Exception:
    exc.add_note(AttributeValidationNote(f"structuring field {name!r}", name, type_))
    return exc


def _note_index(exc: Exception, index: int, type_: object) -> Exception:
    exc.add_note(IterableValidationNote(f"structuring item {index}", index, type_))
    return exc


# --- container and class hooks ----------------------------------------------------------------


def _is_tuple(type_: object) -> bool:
    return typing.get_origin(type_) is tuple


def _make_tuple_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    (item_type, *_rest) = typing.get_args(type_)
    cache: list[StructureHook] = []

    def structure(data: object, _cl: object) -> tuple[object, ...]:
        if type(data) is not list and type(data) is not tuple:
            raise _mismatch("a list", data)
        if not cache:
            cache.append(converter.get_structure_hook(item_type))
        hook = cache[0]
        items: list[object] = []
        errors = _Errors()
        for index, item in enumerate(data):
            try:
                items.append(hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - every problem becomes an Issue
                errors.add(exc, functools.partial(_note_index, index=index, type_=item_type))
        errors.check(lambda kept: IterableValidationError("while structuring a list", kept, type_))
        return tuple(items)

    return structure


def _is_optional(type_: object) -> bool:
    return (
        typing.get_origin(type_) in {typing.Union, types.UnionType}
        and type(None) in typing.get_args(type_)
        and type_ != Record
    )


def _make_optional_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    (inner,) = (arg for arg in typing.get_args(type_) if arg is not type(None))
    cache: list[StructureHook] = []

    def structure(data: object, _cl: object) -> object:
        if data is None:
            return None
        if not cache:
            cache.append(converter.get_structure_hook(inner))
        return cache[0](data, inner)

    return structure


def _tag_of(cls: type) -> str | None:
    for attribute in attrs.fields(cls):
        if attribute.name == "type" and not attribute.init:
            return typing.cast("str", attribute.default)
    return None


def _make_class_hook(cls: type, converter: cattrs.Converter) -> StructureHook:
    fields = [a for a in attrs.fields(cls) if a.init]
    tag = _tag_of(cls)
    allowed = {a.name for a in fields} | ({"type"} if tag else set())
    wire_required = _WIRE_REQUIRED if cls in _RECORD_TYPES else frozenset()
    required = [a.name for a in fields if a.default is attrs.NOTHING or a.name in wire_required]
    hooks: dict[str, StructureHook] = {}
    # Issues are reported in field order (the type tag first), unknown keys last.
    order = {"type": -1} | {a.name: index for index, a in enumerate(fields)}

    def structure(data: object, _cl: object) -> object:
        if not isinstance(data, dict):
            raise _mismatch("an object", data)
        if not hooks:
            hooks.update({a.name: converter.get_structure_hook(a.type) for a in fields})
        errors = _Errors()
        if tag is not None:
            _check_tag(data, tag, errors)
            if errors.failed and "type" in data:
                # A record of another type: its fields would only add noise.
                errors.check(
                    lambda kept: ClassValidationError(
                        f"while structuring {cls.__name__}", kept, cls
                    )
                )
        kwargs = _structure_fields(data, fields, hooks, errors)
        _check_keys(data, required, allowed, errors)
        if not errors.failed:
            try:
                return cls(**kwargs)
            except FieldError:
                # The constructor stops at the first broken rule: find them all.
                _run_rules(cls, fields, kwargs, errors)
                if not errors.failed:
                    raise  # a rule across fields, which comes after the field rules
        else:
            _run_rules(cls, fields, kwargs, errors)
        errors.sort(key=lambda exc: order.get(_field_of(exc), len(order)))
        errors.check(
            lambda kept: ClassValidationError(f"while structuring {cls.__name__}", kept, cls)
        )
        raise AssertionError  # pragma: no cover - check() raises when anything failed

    return structure


def _field_of(exc: Exception) -> str | None:
    """Name the field an error is about: from its note, or from a FieldError."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note.name
    if isinstance(exc, FieldError) and exc.field is not None:
        return exc.field.partition("[")[0]
    return None


def _structure_fields(
    data: dict[Any, Any],
    fields: list["attrs.Attribute[Any]"],
    hooks: dict[str, StructureHook],
    errors: _Errors,
) -> dict[str, object]:
    kwargs: dict[str, object] = {}
    for attribute in fields:
        name = attribute.name
        if name in data:
            try:
                kwargs[attribute.alias or name] = hooks[name](data[name], attribute.type)
            except Exception as exc:  # noqa: BLE001 - every problem becomes an Issue
                errors.add(exc, functools.partial(_note_attribute, name=name, type_=attribute.type))
    return kwargs


def _check_keys(
    data: dict[Any, Any], required: list[str], allowed: set[str], errors: _Errors
) -> None:
    for name in required:
        if name not in data:
            missing = FieldError(None, "field.missing", f"required field {name!r} is missing")
            errors.add(missing, functools.partial(_note_attribute, name=name, type_=None))
    for key in data:
        if key not in allowed:
            unknown = FieldError(None, "field.unknown", f"unknown field {shown(key)}")
            errors.add(
                unknown,
                functools.partial(
                    _note_attribute, name=key if type(key) is str else shown(key), type_=None
                ),
            )


def _check_tag(data: dict[Any, Any], tag: str, errors: _Errors) -> None:
    if "type" not in data:
        missing = FieldError(None, "field.missing", "required field 'type' is missing")
        errors.add(_note_attribute(missing, "type", str))
    elif type(data["type"]) is not str or data["type"] != tag:
        wrong = FieldError(
            None, "record.wrong_type", f"expected a {shown(tag)} record, got {shown(data['type'])}"
        )
        errors.add(_note_attribute(wrong, "type", str))


def _run_rules(
    cls: type,
    fields: list["attrs.Attribute[Any]"],
    kwargs: dict[str, object],
    errors: _Errors,
) -> None:
    """Check each field's rule on its own, so that all failing fields are reported."""
    values = {}
    for attribute in fields:
        if attribute.alias in kwargs:
            value = kwargs[attribute.alias]
            if attribute.converter is not None:
                value = attribute.converter(value)  # type: ignore[operator]
            values[attribute.name] = value
    for problem in v.field_problems(cls, values):
        errors.add(problem)


def _make_record_hook(converter: cattrs.Converter) -> StructureHook:
    hooks: dict[type, StructureHook] = {}

    def structure(data: object, _cl: object) -> object:
        if not isinstance(data, dict):
            raise _mismatch("a record object", data)
        tag = data.get("type")
        cls = RECORD_CLASSES.get(tag) if type(tag) is str else None
        if cls is None:
            expected = ", ".join(repr(t) for t in RECORD_CLASSES)
            if tag is None:
                problem = FieldError(None, "field.missing", "required field 'type' is missing")
            else:
                problem = FieldError(
                    None,
                    "record.unknown_type",
                    f"unknown record type {shown(tag)}; expected {expected}",
                )
            errors = _Errors()
            errors.add(_note_attribute(problem, "type", str))
            errors.check(
                lambda kept: ClassValidationError("while structuring a record", kept, dict)
            )
            raise AssertionError  # pragma: no cover - check() raises when anything failed
        if cls not in hooks:
            hooks[cls] = converter.get_structure_hook(cls)
        return hooks[cls](data, cls)

    return structure


def structure_document(converter: cattrs.Converter, data: object, cls: type | None) -> object:
    """Structure *data* as *cls*, or by its ``type`` tag when *cls* is ``None``."""
    if cls is not None:
        return converter.structure(data, cls)
    if not isinstance(data, dict):
        raise _mismatch("an object with a 'type' tag", data)
    tag = data.get("type")
    if type(tag) is str and tag == "collection":
        return converter.structure(data, Collection)
    return converter.structure(data, Record)  # type: ignore[arg-type]  # a union


# --- unstructuring ------------------------------------------------------------------------------


def _make_class_unstructure(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    names = sorted(a.name for a in attrs.fields(cls) if not a.name.startswith("_"))
    unstructure = converter.unstructure

    def to_builtins(obj: object) -> dict[str, object]:
        return {name: unstructure(getattr(obj, name)) for name in names}

    return to_builtins


# --- configuration -----------------------------------------------------------------------------


def configure_converter(converter: cattrs.Converter) -> None:
    """Register diplo_events' strict hooks on *converter*.

    Leaf hooks come first, then container and class hook factories, then the
    record union, since generated hooks capture the hooks that exist when they
    are made (cattrs docs, "Customizing (Un-)structuring").

    .. versionadded:: 0.1.0
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook_factory(_is_tuple, _make_tuple_hook)
    converter.register_structure_hook_factory(_is_optional, _make_optional_hook)
    converter.register_structure_hook_factory(attrs.has, _make_class_hook)
    converter.register_structure_hook_func(lambda t: t == Record, _make_record_hook(converter))

    converter.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    # StrEnum before str in the MRO would otherwise pass members through (notes P10).
    converter.register_unstructure_hook(enum.StrEnum, _enum_value)
    converter.register_unstructure_hook(enum.Enum, _enum_value)
    converter.register_unstructure_hook(
        tuple, lambda items: [converter.unstructure(item) for item in items]
    )
    converter.register_unstructure_hook_factory(attrs.has, _make_class_unstructure)


def make_converter() -> cattrs.Converter:
    """Return a new cattrs converter configured like diplo_events' own.

    Use it to structure or unstructure diplo_events types inside your own
    cattrs set-up; the library's private converter is not shared.

    .. versionadded:: 0.1.0
    """
    converter = cattrs.Converter(detailed_validation=True)
    configure_converter(converter)
    return converter


# --- issues -------------------------------------------------------------------------


def _step(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return path_part(note.name)
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


def _field_path(path: str, field: str | None) -> str:
    if not field:
        return path
    name, bracket, rest = field.partition("[")
    return f"{path}{path_part(name)}{bracket}{rest}"


def _describe(exc: BaseException) -> str:
    """Word an unexpected error for an issue: its text cut short, or its type's name."""
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001 - a hostile object's error must not escape
        message = ""
    if len(message) > QUOTE_LIMIT:
        message = message[:QUOTE_LIMIT] + "…"
    return message or type(exc).__name__


def issues_from_exception(exc: BaseException, path: str = "$") -> list[Issue]:
    """Turn an exception raised while structuring into `Issue` objects.

    .. versionadded:: 0.1.0
    """
    issues: list[Issue] = []
    stack: list[tuple[BaseException, str]] = [(exc, path)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, BaseExceptionGroup):
            stack.extend((sub, where + _step(sub)) for sub in reversed(current.exceptions))
        elif isinstance(current, AlreadyReportedError):
            continue
        elif isinstance(current, FieldError):
            issues.append(
                Issue(
                    path=_field_path(where, current.field),
                    code=current.code,
                    message=current.message,
                )
            )
        elif isinstance(current, RecursionError):
            issues.append(Issue(path=where, code="json.too_deep", message="input nests too deep"))
        else:
            issues.append(Issue(path=where, code="value.invalid", message=_describe(current)))
    return issues
