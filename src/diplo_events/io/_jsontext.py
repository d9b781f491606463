"""Strict reading of JSON text, and the checks that make data JSON data.

Python's `json` module accepts things JSON does not allow, or loses them
quietly: ``NaN`` and ``Infinity``, a repeated key (the last one wins), lone
surrogate escapes, integers no other JSON reader holds exactly. Here each of
them becomes an `Issue` with its own code and the path where it stands, and
reading goes on so that every problem in the text is reported at once.

`check_tree` applies the same rules to Python data handed to ``from_dict``.
"""

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from diplo_events._paths import QUOTE_LIMIT, path_part, shown
from diplo_events.exceptions import Issue
from diplo_events.model._rules import MAX_SAFE_INTEGER, has_surrogate

__all__ = ["MAX_DEPTH", "MAX_ISSUES", "IssueList", "check_tree", "decode_text", "load_text"]

_NONZERO_DIGIT: Final = re.compile("[1-9]").search
#: Most issues listed for one document; beyond it they are only counted.
MAX_ISSUES: Final = 1000
#: Deepest nesting of objects and lists accepted; records need about ten levels.
MAX_DEPTH: Final = 24


class IssueList(list[Issue]):
    """Issues of one document: `append` keeps the first `MAX_ISSUES`, then only counts.

    Hostile input can hold a problem in every byte; keeping them all would
    cost far more memory than the input itself.
    """

    def __init__(self, issues: Iterable[Issue] = ()) -> None:
        super().__init__(issues)
        #: Issues found beyond the cap and not kept.
        self.dropped = 0

    def append(self, issue: Issue) -> None:
        """Keep *issue* if there is room, or count it."""
        if len(self) < MAX_ISSUES:
            super().append(issue)
        else:
            self.dropped += 1


class AlreadyReportedError(Exception):
    """A value whose problem was reported while reading the JSON text itself.

    The cattrs layer (``_converter.py``) skips such values instead of
    reporting them a second time as a type mismatch.
    """


# Why a number or a constant cannot be read: its issue code and message.
_UNREADABLE: Final = {
    "constant": ("json.non_finite_number", "{} is not a JSON number"),
    "digits": ("json.integer_too_large", "the integer {} is too large"),
    "unsafe": (
        "json.integer_too_large",
        "{} is beyond 2**53 - 1, the largest integer JSON readers hold exactly",
    ),
    "overflow": ("json.number_out_of_range", "{} is out of the range of a double"),
    "underflow": (
        "json.number_out_of_range",
        "{} is too close to zero for a double, which would hold it as 0",
    ),
}


class UnreadableValue:
    """A value that could not be read faithfully; it stands in the tree in its place.

    It holds only the why and the text: hostile input may hold millions of
    them, and equal texts share one (see `_unreadable`). `check_tree` reports
    it with its path; the cattrs layer raises `AlreadyReportedError` for it.
    """

    __slots__ = ("text", "why")

    def __init__(self, why: str, text: str) -> None:
        self.why = why
        self.text = text

    @property
    def code(self) -> str:
        """The issue code."""
        return _UNREADABLE[self.why][0]

    @property
    def message(self) -> str:
        """The issue message, quoting at most `QUOTE_LIMIT` characters of the text."""
        return _UNREADABLE[self.why][1].format(_number(self.text))

    def __repr__(self) -> str:
        return f"<unreadable {_number(self.text)}>"


@functools.lru_cache(maxsize=256)
def _unreadable(why: str, text: str) -> UnreadableValue:
    return UnreadableValue(why, text)


class DuplicateKeyDict(dict[str, object]):
    """A JSON object in which some keys appear more than once (the last value is kept)."""

    duplicates: tuple[str, ...] = ()


# Every empty object of a document is this one dict: nothing writes to the
# trees read here, and a document of a million '{}' then costs no more than
# a million pointers.
_EMPTY: Final[dict[str, object]] = {}


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    if not pairs:
        return _EMPTY
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
    return _unreadable("constant", name)


def _number(text: str) -> str:
    """Quote the text of a number in a message: at most `QUOTE_LIMIT` characters."""
    return text if len(text) <= QUOTE_LIMIT else f"{text[:QUOTE_LIMIT]}…"


def _int(text: str) -> object:
    try:
        value = int(text)
    except ValueError:  # more digits than Python converts (sys.int_info)
        return _unreadable("digits", text)
    if abs(value) > MAX_SAFE_INTEGER:
        return _unreadable("unsafe", text)
    return value


def _float(text: str) -> object:
    value = float(text)
    if math.isinf(value):
        return _unreadable("overflow", text)
    if value == 0 and _NONZERO_DIGIT(text.partition("e")[0].partition("E")[0]):
        # Underflow: a number too close to zero to be held, read as 0.0 or -0.0.
        return _unreadable("underflow", text)
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


def load_text(text: str) -> tuple[object, IssueList]:
    """Parse JSON *text*; return the value and the issues of the text itself.

    A value that cannot be read faithfully is replaced by an `UnreadableValue`;
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
        return None, IssueList([Issue(path="$", code="json.syntax", message=message)])
    except RecursionError:
        return None, IssueList([_too_deep("$")])
    return value, check_tree(value)


def _too_deep(path: str) -> Issue:
    return Issue(
        path=path,
        code="json.too_deep",
        message=f"objects and lists nest deeper than {MAX_DEPTH} levels, "
        "more than any record needs",
    )


def _check_str(value: str, path: str, issues: list[Issue]) -> None:
    if has_surrogate(value):
        message = "the string holds a lone surrogate, which is not text"
        issues.append(Issue(path=path, code="json.lone_surrogate", message=message))


def _children_of_mapping(
    mapping: dict[object, object], path: str, issues: list[Issue]
) -> Iterator[tuple[object, str]]:
    for key in getattr(mapping, "duplicates", ()):
        message = f"the key {shown(key)} appears more than once"
        issues.append(Issue(path=path + path_part(key), code="json.duplicate_key", message=message))
    for key, item in mapping.items():
        if type(key) is not str:
            message = f"object keys must be strings, got {shown(key)}"
            issues.append(Issue(path=path, code="json.non_string_key", message=message))
            continue
        yield item, path + path_part(key)


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


def _plain(value: object, depth: int = 0) -> bool:
    """Tell, without building any path, whether *value* is faithful JSON data."""
    # Recursion is bounded by MAX_DEPTH; containers are walked in place, never
    # copied, so memory does not grow with the number of items.
    kind = type(value)
    if kind is dict or kind is list or kind is tuple:
        if depth >= MAX_DEPTH:
            return False
        if kind is dict:
            if not all(type(key) is str for key in value):  # type: ignore[attr-defined]
                return False
            value = value.values()  # type: ignore[attr-defined]
        return all(_plain(item, depth + 1) for item in value)  # type: ignore[attr-defined]
    return _leaf_ok(value, kind)


def check_tree(value: object) -> IssueList:
    """Report everything in *value* that is not faithful JSON data, with its path.

    At most `MAX_ISSUES` issues are kept; the rest are counted in ``dropped``.
    """
    issues = IssueList()
    if not _plain(value):  # the common case is found without building paths
        _walk(value, "$", 0, issues)
    return issues


def _walk(current: object, path: str, depth: int, issues: IssueList) -> None:
    # Recursion is bounded by MAX_DEPTH; a child's path is built only while it
    # is visited, so memory does not grow with the number of items.
    kind = type(current)
    if kind is str:
        _check_str(current, path, issues)  # type: ignore[arg-type]
    elif kind in {dict, DuplicateKeyDict, list, tuple} and depth >= MAX_DEPTH:
        issues.append(_too_deep(path))
    elif kind is dict or kind is DuplicateKeyDict:
        for item, where in _children_of_mapping(current, path, issues):  # type: ignore[arg-type]
            _walk(item, where, depth + 1, issues)
    elif kind is list or kind is tuple:
        for index, item in enumerate(current):  # type: ignore[arg-type]
            _walk(item, f"{path}[{index}]", depth + 1, issues)
    elif kind is float or kind is int:
        _check_number(current, path, issues)  # type: ignore[arg-type]
    elif isinstance(current, UnreadableValue):
        issues.append(Issue(path=path, code=current.code, message=current.message))
    elif kind is not bool and current is not None:
        message = f"a {kind.__name__} is not JSON data"
        issues.append(Issue(path=path, code="json.not_json", message=message))
