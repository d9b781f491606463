"""Writing records: `to_dict`, `to_json` and `dump_jsonl`.

Output is deterministic: the same record always gives byte-identical JSON
(compact, keys sorted at every level, every field present, non-ASCII text as
UTF-8). `to_dict` gives the same data as Python objects, so
``json.loads(to_json(x)) == to_dict(x)`` always holds.
"""

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Final

from diplo_events import _fastjson
from diplo_events._collection import MODEL_CLASSES, Collection
from diplo_events._converter import make_converter
from diplo_events._model import RECORD_CLASSES
from diplo_events.exceptions import FieldTypeError

__all__ = ["dump_jsonl", "to_dict", "to_json"]

_CONVERTER: Final = make_converter()
_RECORD_TYPES: Final = frozenset(RECORD_CLASSES.values())


def _check_model(obj: object, name: str = "obj") -> None:
    if type(obj) not in MODEL_CLASSES:
        msg = f"expected a diplo_events record, value or Collection, got {type(obj).__name__}"
        raise FieldTypeError(name, "type.mismatch", msg)


def to_dict(obj: object) -> dict[str, Any]:
    """Return *obj* as JSON-ready Python data: dicts, lists, str, int, float, bool, None.

    .. versionadded:: 0.1.0
    """
    _check_model(obj)
    result: dict[str, Any] = _CONVERTER.unstructure(obj)
    return result


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Return *obj* (a record, a value or a `Collection`) as JSON text.

    Args:
        obj: What to write.
        indent: ``None`` (the default) for compact canonical JSON, which
            `from_json` reads fastest; or a number of spaces to indent by.

    .. versionadded:: 0.1.0
    """
    _check_model(obj)
    data = _fastjson.encode(obj)
    if indent is not None:
        data = _fastjson.format_json(data, indent)
    return data.decode("utf-8")


def dump_jsonl(
    records: Iterable[object], file: str | os.PathLike[str] | IO[bytes] | IO[str]
) -> int:
    """Write records as JSON Lines, one canonical record per line.

    Records are written as they come, so a generator is never held in memory.

    Args:
        records: Records (or a `Collection`, whose records are written).
        file: A path (created or truncated), or a file object open for writing
            in text or binary mode; a file object is left open.

    Returns:
        The number of records written.

    Raises:
        FieldTypeError: An item is not a record.

    .. versionadded:: 0.1.0
    """
    if isinstance(file, str | os.PathLike):
        with Path(file).open("wb") as handle:
            return _write_lines(records, handle)
    return _write_lines(records, file)


def _write_lines(records: Iterable[object], handle: IO[Any]) -> int:
    text_mode = isinstance(handle, io.TextIOBase)
    if isinstance(records, Collection):
        records = records.records
    count = 0
    for record in records:
        if type(record) not in _RECORD_TYPES:
            msg = f"dump_jsonl() writes records, got {type(record).__name__} at item {count}"
            raise FieldTypeError("records", "type.mismatch", msg)
        line = _fastjson.encode(record) + b"\n"
        handle.write(line.decode("utf-8") if text_mode else line)
        count += 1
    return count
