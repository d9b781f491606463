"""Field converters and field rules shared by the model classes.

Converters make building records in code pleasant: lists become tuples,
strings become enum members, text is NFC-normalized.

Rules are the single-field checks (an id of the right type, non-empty text, a
known country code, ...). Each field declares its rule in its metadata, with
``field(metadata=rules.text())``, and `checked` turns a class's rules into one
generated ``__attrs_post_init__`` that tests every field inline and then runs
the class's own cross-field check (its ``_check`` method).

Why not attrs validators: msgspec, which decodes canonical JSON straight into
these classes (``_fastjson.py``), runs attrs validators one Python call per
field, and with about 270 fields in a typical meeting and its statements that
cost several times the decoding itself. One generated function per object,
with the common case tested inline, keeps validation a fraction of it. Each
rule has two parts: ``ok``, a fast inline expression that is true only for
valid values, and ``problem``, the authority, which names what is wrong. When
``ok`` fails, ``problem`` decides and words the error.
"""

import datetime as dt
import enum
import linecache
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Final, TypeVar

import attrs
from attrs import frozen

from diplo_events._paths import shown
from diplo_events.exceptions import FieldError, FieldTypeError
from diplo_events.model import _ids, registry
from diplo_events.model._countries import ALL_CODES
from diplo_events.model._display import Displayed
from diplo_events.model.registry import TARGETS

#: Largest integer every JSON implementation holds exactly (2**53 - 1).
MAX_SAFE_INTEGER: Final = 2**53 - 1
#: The metadata key under which a field's `Rule` is kept.
RULE: Final = "diplo_events.rule"

_E = TypeVar("_E", bound=enum.Enum)
_C = TypeVar("_C", bound=type)

Problem = Callable[[str, Any], FieldError | None]


def _type_name(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        type(None): "null",
        list: "a list",
        tuple: "a list",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def type_error(name: str, expected: str, value: object) -> FieldTypeError:
    """Return the error for a value of the wrong type in field *name*."""
    return FieldTypeError(
        name, "type.mismatch", f"'{name}' must be {expected}, got {_type_name(value)}"
    )


# --- converters -----------------------------------------------------------------


def nfc(value: object) -> object:
    """Return *value* NFC-normalized if it is a string, else unchanged."""
    if type(value) is str and not value.isascii():
        return unicodedata.normalize("NFC", value)
    return value


def to_tuple(value: object) -> object:
    """Turn a list or other ordered iterable into a tuple; leave anything else as is.

    Strings, bytes, mappings and sets are left alone (and then rejected by the
    field's rule): a string is not a list, and a set has no stable order.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes | Mapping | AbstractSet) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def nfc_all(value: object) -> object:
    """Turn a sequence of strings into a tuple of NFC-normalized strings."""
    items = to_tuple(value)
    if type(items) is tuple:
        return tuple(nfc(item) for item in items)
    return items


def to_enum(enum_type: type[_E], value: object) -> object:
    """Turn a valid string into a member of *enum_type*; leave anything else as is."""
    if type(value) is str:
        try:
            return enum_type(value)
        except ValueError:
            return value  # the field's rule reports it, naming the field
    return value


def optional_float(value: object) -> object:
    """Turn an int (not a bool) into a float; leave anything else as is."""
    if type(value) is int:
        return float(value)
    return value


# --- rules ------------------------------------------------------------------------


@frozen
class Rule:
    """A single-field rule.

    Attributes:
        ok: Python expression over the value ``v`` that is true only if ``v`` is
            valid; it may use the names in *names*.
        problem: Returns the error for a value, or ``None`` if it is valid.
        names: Global names *ok* refers to.
        each: For a tuple, the rule every item must meet (then *ok* only
            checks that the value is a tuple, and the items are checked in a loop).
    """

    ok: str
    problem: Problem
    names: Mapping[str, object] = attrs.field(factory=dict)
    each: "Rule | None" = None


def _meta(rule: Rule) -> dict[str, object]:
    return {RULE: rule}


def _optional(rule: Rule) -> Rule:
    def problem(name: str, value: object) -> FieldError | None:
        return None if value is None else rule.problem(name, value)

    return Rule(f"v is None or ({rule.ok})", problem, rule.names)


def _each(rule: Rule, expected: str) -> Rule:
    """Apply *rule* to every item of a tuple."""

    def problem(name: str, value: object) -> FieldError | None:
        if type(value) is not tuple:
            return type_error(name, expected, value)
        for index, item in enumerate(value):
            found = rule.problem(f"{name}[{index}]", item)
            if found is not None:
                return found
        return None

    return Rule("type(v) is tuple", problem, rule.names, each=rule)


_SURROGATE: Final = re.compile("[\ud800-\udfff]").search


def has_surrogate(text: str) -> bool:
    """Tell whether *text* holds a lone surrogate (code points U+D800 to U+DFFF)."""
    return not text.isascii() and _SURROGATE(text) is not None


# Characters that show nothing, besides white space: format characters (zero
# width space, joiners, the byte order mark, soft hyphen: category Cf), controls
# (Cc), and the other default-ignorable code points of Unicode's
# DerivedCoreProperties.txt that are not Cf (combining grapheme joiner,
# Hangul fillers, Khmer inherent vowels, variation selectors).
_INVISIBLE_CATEGORIES: Final = frozenset({"Cf", "Cc"})
_IGNORABLE_RE: Final = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)


def _visible(text: str) -> bool:
    """Tell whether *text* has a character that shows: not space, format or ignorable."""
    for char in text:
        if char.isspace() or _IGNORABLE_RE.match(char):
            continue
        if unicodedata.category(char) not in _INVISIBLE_CATEGORIES:
            return True
    return False


def blank(text: str) -> bool:
    """Tell whether *text* shows nothing: empty, or only white space and invisible characters.

    >>> blank(" \u200b\ufeff "), blank("\u200bx")
    (True, False)
    """
    return not text or text.isspace() or (not text.isascii() and not _visible(text))


def _text_problem(name: str, value: object) -> FieldError | None:
    if type(value) is not str:
        return type_error(name, "a string", value)
    if blank(value):
        return FieldError(name, "value.empty", f"'{name}' must not be empty")
    if not value.isascii() and _SURROGATE(value) is not None:
        return FieldError(
            name, "text.lone_surrogate", f"'{name}' holds a lone surrogate, which is not text"
        )
    return None


_TEXT: Final = Rule(
    "type(v) is str and v and not v.isspace() and (v.isascii() or (_sur(v) is None and _vis(v)))",
    _text_problem,
    {"_sur": _SURROGATE, "_vis": _visible},
)


def text() -> dict[str, object]:
    """A string that shows something (see `blank`), without lone surrogates."""
    return _meta(_TEXT)


def optional_text() -> dict[str, object]:
    """``None`` or a `text`."""
    return _meta(_optional(_TEXT))


def texts() -> dict[str, object]:
    """A tuple of `text`."""
    return _meta(_each(_TEXT, "a list of strings"))


# Ids seen to be well-formed, with their record type. Most ids recur (a speaker,
# a meeting, a source are named by many records), so checking each once makes
# decoding a dataset much cheaper; the cache is dropped when it grows large.
_KNOWN_IDS: dict[str, str] = {}
_KNOWN_IDS_LIMIT: Final = 1 << 12


def _id_rule(types: tuple[str, ...]) -> Rule:
    allowed = " or ".join(repr(t) for t in types)

    def problem(name: str, value: object) -> FieldError | None:
        if type(value) is not str:
            return type_error(name, "an id string", value)
        prefix, sep, _ = value.partition("--")
        if not (sep and prefix in _ids.RECORD_TYPES and _ids.has_uuid_at(value, len(prefix) + 2)):
            return FieldError(
                name,
                "id.malformed",
                f"'{name}' must be an id of the form '<type>--<uuid>' with a lower-case uuid, "
                f"got {shown(value)}",
            )
        if len(_KNOWN_IDS) >= _KNOWN_IDS_LIMIT:
            _KNOWN_IDS.clear()
        _KNOWN_IDS[value] = prefix
        if prefix in types:
            return None
        return FieldError(
            name,
            "id.wrong_type",
            f"'{name}' must be the id of a {allowed} record, got {shown(value)}",
        )

    return Rule(
        "type(v) is str and _known(v) in _allowed",
        problem,
        {"_known": _KNOWN_IDS.get, "_allowed": frozenset(types)},
    )


def id_of(*types: str) -> dict[str, object]:
    """An id of a record of one of *types*."""
    return {**_meta(_id_rule(types)), TARGETS: types}


def optional_id_of(*types: str) -> dict[str, object]:
    """``None`` or an id of one of *types*."""
    return {**_meta(_optional(_id_rule(types))), TARGETS: types}


def ids_of(*types: str) -> dict[str, object]:
    """A tuple of ids of *types*."""
    return {**_meta(_each(_id_rule(types), "a list of ids")), TARGETS: types}


def _instance_rule(cls: type) -> Rule:
    def problem(name: str, value: object) -> FieldError | None:
        return None if type(value) is cls else type_error(name, f"a {cls.__name__}", value)

    return Rule("type(v) is _cls", problem, {"_cls": cls})


def instance_of(cls: type) -> dict[str, object]:
    """An instance of exactly *cls*."""
    return _meta(_instance_rule(cls))


def optional_instance_of(cls: type) -> dict[str, object]:
    """``None`` or an instance of exactly *cls*."""
    return _meta(_optional(_instance_rule(cls)))


def instances_of(cls: type) -> dict[str, object]:
    """A tuple of instances of exactly *cls*."""
    return _meta(_each(_instance_rule(cls), f"a list of {cls.__name__} values"))


def _member_rule(enum_type: type[enum.Enum]) -> Rule:
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def problem(name: str, value: object) -> FieldError | None:
        if type(value) is enum_type:
            return None
        return FieldError(
            name, "value.not_allowed", f"'{name}' must be one of {allowed}, got {shown(value)}"
        )

    return Rule("type(v) is _enum", problem, {"_enum": enum_type})


def member_of(enum_type: type[enum.Enum]) -> dict[str, object]:
    """A member of *enum_type*."""
    return _meta(_member_rule(enum_type))


def optional_member_of(enum_type: type[enum.Enum]) -> dict[str, object]:
    """``None`` or a member of *enum_type*."""
    return _meta(_optional(_member_rule(enum_type)))


def _country_problem(name: str, value: object) -> FieldError | None:
    if type(value) is not str:
        return type_error(name, "an ISO 3166-1 alpha-3 code", value)
    if value not in ALL_CODES:
        return FieldError(
            name,
            "country.unknown",
            f"'{name}' must be an ISO 3166-1 alpha-3 country code such as 'ARM', "
            f"got {shown(value)}",
        )
    return None


_COUNTRY: Final = Rule("type(v) is str and v in _codes", _country_problem, {"_codes": ALL_CODES})


def optional_country() -> dict[str, object]:
    """``None`` or an ISO 3166-1 alpha-3 code (current, historical or user-assigned)."""
    return _meta(_optional(_COUNTRY))


def countries() -> dict[str, object]:
    """A tuple of ISO 3166-1 alpha-3 codes."""
    return _meta(_each(_COUNTRY, "a list of country codes"))


def _range_rule(low: float, high: float, *, integer: bool = False) -> Rule:
    kind = int if integer else float
    expected = "an integer" if integer else "a number"
    top = "2**53 - 1" if high == MAX_SAFE_INTEGER else f"{high:g}"

    def problem(name: str, value: object) -> FieldError | None:
        if type(value) is not kind or (kind is float and not math.isfinite(value)):
            return type_error(name, expected if integer else "a finite number", value)
        if not low <= value <= high:
            return FieldError(
                name,
                "value.out_of_range",
                f"'{name}' must be between {low:g} and {top}, got {shown(value)}",
            )
        return None

    return Rule(
        "type(v) is _kind and _low <= v <= _high",
        problem,
        {"_kind": kind, "_low": low, "_high": high},
    )


def optional_confidence() -> dict[str, object]:
    """``None`` or a float in [0, 1]."""
    return _meta(_optional(_range_rule(0.0, 1.0)))


def optional_coordinate(limit: float) -> dict[str, object]:
    """``None`` or a float within [-limit, limit]."""
    return _meta(_optional(_range_rule(-limit, limit)))


def offset() -> dict[str, object]:
    """An int from 0 to `MAX_SAFE_INTEGER`."""
    return _meta(_range_rule(0, MAX_SAFE_INTEGER, integer=True))


def _instant_problem(name: str, value: object) -> FieldError | None:
    if type(value) is not dt.datetime:
        return type_error(name, "a datetime", value)
    offset = value.utcoffset()
    if offset is None:
        return FieldError(
            name,
            "datetime.naive",
            f"'{name}' must be timezone-aware (give an offset such as 'Z' or '+03:00')",
        )
    if offset.seconds % 60 or offset.microseconds:
        # RFC 3339, the text form of instants, writes offsets in whole minutes.
        return FieldError(
            name,
            "datetime.offset_seconds",
            f"'{name}' has a UTC offset of {offset}, which RFC 3339 cannot write; "
            "convert it to UTC or to an offset in whole minutes",
        )
    return None


def optional_instant() -> dict[str, object]:
    """``None`` or a timezone-aware `datetime.datetime` with an offset in whole minutes."""
    rule = Rule(
        "type(v) is _datetime and (o := v.utcoffset()) is not None"
        " and not o.seconds % 60 and not o.microseconds",
        _instant_problem,
        {"_datetime": dt.datetime},
    )
    return _meta(_optional(rule))


def optional_date() -> dict[str, object]:
    """``None`` or a `datetime.date` (not a datetime)."""
    return _meta(_optional(_instance_rule(dt.date)))


def boolean() -> dict[str, object]:
    """A bool."""
    return _meta(_instance_rule(bool))


def custom(ok: Callable[[Any], bool], problem: Problem) -> dict[str, object]:
    """A rule given as a predicate *ok* and its *problem* function."""
    return _meta(Rule("_ok(v)", problem, {"_ok": ok}))


# --- the generated check ------------------------------------------------------------


def field_problems(cls: type, values: Mapping[str, object]) -> list[FieldError]:
    """Return the rule violations among *values* (field name to value) of *cls*."""
    problems = []
    for attribute in attrs.fields(cls):
        rule = attribute.metadata.get(RULE)
        if rule is not None and attribute.name in values:
            found = rule.problem(attribute.name, values[attribute.name])
            if found is not None:
                problems.append(found)
    return problems


def _fail(rule: Rule, name: str, value: object) -> None:
    found = rule.problem(name, value)
    if found is not None:
        raise found


class Checked(Displayed):
    """Base of the model classes: attrs calls ``__attrs_post_init__``, which `checked` sets.

    It also gives them the ``_repr_html_`` notebooks show (``_display.py``).
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:  # replaced on every subclass by `checked`
        raise NotImplementedError


def _local(rule: Rule, index: int, variable: str) -> str:
    """Return *rule*'s test with its names made unique to field *index*, over *variable*."""
    ok = re.sub(r"\bv\b", variable, rule.ok)
    for key in rule.names:
        ok = re.sub(rf"\b{re.escape(key)}\b", f"{key}_{index}", ok)
    return ok


def checked(cls: _C) -> _C:
    """Give *cls* a generated ``__attrs_post_init__`` enforcing its field rules.

    The class must inherit the placeholder ``__attrs_post_init__`` of `Checked`
    (so that attrs calls it); it may define ``_check(self)`` for rules across
    fields, which runs after the field rules pass. The generated code tests
    each field inline, items of tuples in a loop, as attrs generates
    ``__init__``; only a failing value reaches the rule's ``problem``.
    """
    names: dict[str, object] = {"_fail": _fail}
    lines = ["def __attrs_post_init__(self):"]
    for index, attribute in enumerate(attrs.fields(cls)):
        rule = attribute.metadata.get(RULE)
        if rule is None:
            continue
        names[f"_rule_{index}"] = rule
        for key, value in rule.names.items():
            names[f"{key}_{index}"] = value
        fail = f"_fail(_rule_{index}, {attribute.name!r}, v)"
        lines += [f"    v = self.{attribute.name}", f"    if not ({_local(rule, index, 'v')}):"]
        lines.append(f"        {fail}")
        if rule.each is not None:
            item_ok = _local(rule.each, index, "x")
            lines += ["    for x in v:", f"        if not ({item_ok}):", f"            {fail}"]
    if "_check" in cls.__dict__:
        names["_cross_check"] = cls.__dict__["_check"]
        lines.append("    _cross_check(self)")
    lines.append("    return None")
    source = "\n".join(lines) + "\n"
    filename = f"<diplo_events generated check {cls.__module__}.{cls.__qualname__}>"
    # Registered with linecache, as attrs does for its generated methods, so
    # tracebacks, pdb and inspect.getsource show the generated lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - generated from our own rules, as attrs does
    cls.__attrs_post_init__ = names["__attrs_post_init__"]  # type: ignore[attr-defined]
    return registry.model_class(cls)
