"""Strict reading of JSON text, and the checks that make data JSON data.

Python's `json` module accepts things JSON does not allow, or loses them
quietly: ``NaN`` and ``Infinity``, a repeated key (the last one wins), lone
surrogate escapes, integers no other JSON reader holds exactly. Here each of
them becomes an `Issue` with its own code and the path where it stands, and
reading goes on so that every problem in the text is reported at once.

`check_tree` applies the same rules to Python data handed to ``from_dict``.
"""

import json
import math
import re
from typing import Any, Final

from diplo_events._paths import QUOTE_LIMIT, path_part, shown
from diplo_events.exceptions import Issue
from diplo_events.model._rules import MAX_SAFE_INTEGER, has_surrogate

__all__ = ["MAX_DEPTH", "check_tree", "decode_text", "load_text"]

_NONZERO_DIGIT: Final = re.compile("[1-9]").search
#: Deepest nesting of objects and lists accepted; records need about ten levels.
MAX_DEPTH: Final = 24


class AlreadyReportedError(Exception):
    """A value whose problem was reported while reading the JSON text itself.

    The cattrs layer (``_converter.py``) skips such values instead of
    reporting them a second time as a type mismatch.
    """


class UnreadableValueError(AlreadyReportedError):
    """A value that could not be read faithfully; it stands in the tree in its place."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class DuplicateKeyDict(dict[str, object]):
    """A JSON object in which some keys appear more than once (the last value is kept)."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    duplicates: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
    flagged = DuplicateKeyDict(result)
    flagged.duplicates = tuple(duplicates)
    return flagged


def _constant(name: str) -> object:
    return UnreadableValueError("json.non_finite_number", f"{name} is not a JSON number")


def _number(text: str) -> str:
    """Quote the text of a number in a message: at most `QUOTE_LIMIT` characters."""
    return text if len(text) <= QUOTE_LIMIT else f"{text[:QUOTE_LIMIT]}…"


def _int(text: str) -> object:
    try:
        value = int(text)
    except ValueError:  # more digits than Python converts (sys.int_info)
        return UnreadableValueError(
            "json.integer_too_large", f"the integer {_number(text)} is too large"
        )
    if abs(value) > MAX_SAFE_INTEGER:
        return UnreadableValueError(
            "json.integer_too_large",
            f"{_number(text)} is beyond 2**53 - 1, the largest integer JSON readers hold exactly",
        )
    return value


def _float(text: str) -> object:
    value = float(text)
    if math.isinf(value):
        return UnreadableValueError(
            "json.number_out_of_range", f"{_number(text)} is out of the range of a double"
        )
    if value == 0 and _NONZERO_DIGIT(text.partition("e")[0].partition("E")[0]):
        # Underflow: a number too close to zero to be held, read as 0.0 or -0.0.
        return UnreadableValueError(
            "json.number_out_of_range",
            f"{_number(text)} is too close to zero for a double, which would hold it as 0",
        )
    return value


def decode_text(data: bytes | bytearray | memoryview | str) -> tuple[str | None, list[Issue]]:
    """Return *data* as text, or the issue of invalid UTF-8."""
    if isinstance(data, str):
        return data, []
    raw = bytes(data)
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [
            Issue(
                path="$",
                code="json.invalid_utf8",
                message=f"the input is not valid UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})",
            )
        ]


def load_text(text: str) -> tuple[object, list[Issue]]:
    """Parse JSON *text*; return the value and the issues of the text itself.

    A value that cannot be read faithfully is replaced by a `UnreadableValueError`;
    `check_tree` then reports it with its path.
    """
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_constant,
            parse_int=_int,
            parse_float=_float,
        )
    except json.JSONDecodeError as exc:
        message = f"{exc.msg[:1].lower()}{exc.msg[1:]} at line {exc.lineno} column {exc.colno}"
        return None, [Issue(path="$", code="json.syntax", message=message)]
    except RecursionError:
        return None, [_too_deep("$")]
    return value, check_tree(value)


def _too_deep(path: str) -> Issue:
    return Issue(
        path=path,
        code="json.too_deep",
        message=f"objects and lists nest deeper than {MAX_DEPTH} levels, "
        "more than any record needs",
    )


_Node = tuple[object, str, int]


def _check_str(value: str, path: str, issues: list[Issue]) -> None:
    if has_surrogate(value):
        message = "the string holds a lone surrogate, which is not text"
        issues.append(Issue(path=path, code="json.lone_surrogate", message=message))


def _children_of_mapping(
    mapping: dict[object, object], path: str, depth: int, issues: list[Issue]
) -> list[_Node]:
    for key in getattr(mapping, "duplicates", ()):
        message = f"the key {shown(key)} appears more than once"
        issues.append(Issue(path=path + path_part(key), code="json.duplicate_key", message=message))
    children: list[_Node] = []
    for key, item in mapping.items():
        if type(key) is not str:
            message = f"object keys must be strings, got {shown(key)}"
            issues.append(Issue(path=path, code="json.non_string_key", message=message))
            continue
        children.append((item, path + path_part(key), depth + 1))
    return children


def _check_number(value: float, path: str, issues: list[Issue]) -> None:
    if type(value) is float and not math.isfinite(value):
        message = f"{shown(value)} is not a JSON number"
        issues.append(Issue(path=path, code="json.non_finite_number", message=message))
    elif type(value) is int and abs(value) > MAX_SAFE_INTEGER:
        shown_value = _number(str(value)) if value.bit_length() < 1024 else "the integer"  # noqa: PLR2004
        message = (
            f"{shown_value} is beyond 2**53 - 1, the largest integer JSON readers hold exactly"
        )
        issues.append(Issue(path=path, code="json.integer_too_large", message=message))


def _leaf_ok(value: Any, kind: type) -> bool:
    if kind is str:
        return not has_surrogate(value)
    if kind is float:
        return math.isfinite(value)
    if kind is int:
        return bool(abs(value) <= MAX_SAFE_INTEGER)
    return kind is bool or value is None


def _plain(value: object) -> bool:
    """Tell, without building any path, whether *value* is faithful JSON data."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        kind = type(current)
        if kind is dict or kind is list or kind is tuple:
            if depth >= MAX_DEPTH:
                return False
            if kind is dict:
                if not all(type(key) is str for key in current):
                    return False
                current = current.values()
            stack.extend((item, depth + 1) for item in current)
        elif not _leaf_ok(current, kind):
            return False
    return True


def check_tree(value: object) -> list[Issue]:
    """Report everything in *value* that is not faithful JSON data, with its path."""
    if _plain(value):
        return []  # the common case, found without building paths
    issues: list[Issue] = []
    stack: list[_Node] = [(value, "$", 0)]
    while stack:
        current, path, depth = stack.pop()
        kind = type(current)
        if kind is str:
            _check_str(current, path, issues)  # type: ignore[arg-type]
        elif kind in {dict, DuplicateKeyDict, list, tuple} and depth >= MAX_DEPTH:
            issues.append(_too_deep(path))
        elif kind is dict or kind is DuplicateKeyDict:
            children = _children_of_mapping(current, path, depth, issues)  # type: ignore[arg-type]
            stack.extend(reversed(children))
        elif kind is list or kind is tuple:
            items: list[object] = current  # type: ignore[assignment]
            stack.extend(
                (item, f"{path}[{index}]", depth + 1)
                for index, item in reversed(list(enumerate(items)))
            )
        elif kind is float or kind is int:
            _check_number(current, path, issues)  # type: ignore[arg-type]
        elif isinstance(current, UnreadableValueError):
            issues.append(Issue(path=path, code=current.code, message=current.message))
        elif kind is not bool and current is not None:
            message = f"a {kind.__name__} is not JSON data"
            issues.append(Issue(path=path, code="json.not_json", message=message))
    return issues
