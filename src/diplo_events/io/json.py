"""JSON in and out: `from_json`/`to_json`, `from_dict`/`to_dict`, JSON Lines.

Reading: input becomes records or a `ParseError` that lists every problem
with its JSON path and code. Every document passes through the schema-version
seam (`diplo_events.io.versions`) first. Canonical JSON (what diplo_events
writes) then takes the fast path in ``_fastjson.py``; everything else is read
strictly: JSON text by ``_jsontext.py``, then structured by the library's
cattrs converter.

Writing is deterministic: the same record always gives byte-identical JSON
(compact, keys sorted at every level, every field present, non-ASCII text as
UTF-8). `to_dict` gives the same data as Python objects, so
``json.loads(to_json(x)) == to_dict(x)`` always holds.
"""

import codecs
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, TypeVar, overload

import attrs

from diplo_events.exceptions import FieldTypeError, Issue, ParseError
from diplo_events.io import _fastjson, _gc, versions
from diplo_events.io._converter import (
    issue_budget,
    issues_from_exception,
    make_converter,
    structure_document,
)
from diplo_events.io._gc import gc_paused
from diplo_events.io._jsontext import MAX_ISSUES, IssueList, check_tree, decode_text, load_text
from diplo_events.model import Record, Source, is_id, registry
from diplo_events.model.collection import MODEL_CLASSES, Collection

__all__ = [
    "MAX_ISSUES",
    "MAX_STREAM_ISSUES",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "to_dict",
    "to_json",
]

_T = TypeVar("_T")
_CONVERTER: Final = make_converter()
_RECORD_TYPES: Final = registry.record_classes()
#: At most this many issues are collected from one JSON Lines stream; reading stops there.
MAX_STREAM_ISSUES: Final = 10_000
# Lines decoded per pause of the cyclic GC: large batches mean few collections
# while a dataset is loaded (see _gc.py), and memory stays bounded by the batch.
_BATCH: Final = 4096
#: The index of the record an issue's path is in, in a collection document.
_RECORD_PATH: Final = re.compile(r"\$\.records\[([0-9]+)\]")


def _check_cls(cls: object) -> None:
    if cls is None:
        return
    if not isinstance(cls, type) or cls not in MODEL_CLASSES:
        msg = f"'cls' must be a diplo_events record, value or Collection class, got {cls!r}"
        raise FieldTypeError("cls", "type.mismatch", msg)


def _covered(path: str, reported: set[str]) -> bool:
    """Tell whether *path* is a reported path or lies under one."""
    if not reported:
        return False
    if path in reported:
        return True
    # Each prefix of the path that ends before a step ('.' or '['), longest first.
    end = len(path)
    while end > 0:
        end = max(path.rfind(".", 0, end), path.rfind("[", 0, end))
        if end > 0 and path[:end] in reported:
            return True
    return False


def _structure(data: object, cls: Any, issues: IssueList, line: int | None) -> object:
    given = data  # the input as given: its paths are the issues' paths
    try:
        data, version_issues = versions.migrate(data, cls)
    except Exception as exc:  # noqa: BLE001 - hostile objects in from_dict() data
        issues.extend(issues_from_exception(exc))
        raise _failure(issues, line, given) from None
    if version_issues:
        issues.extend(version_issues)
        raise _failure(issues, line, given)
    with issue_budget(MAX_ISSUES - len(issues)) as budget:
        try:
            result = structure_document(_CONVERTER, data, cls)
        except Exception as exc:  # noqa: BLE001 - cattrs groups and our own FieldErrors alike
            reported = {issue.path for issue in issues}
            found = issues_from_exception(exc)
            issues.dropped += budget.dropped
            issues.extend(
                i for i in found if i.code == "field.unknown" or not _covered(i.path, reported)
            )
            raise _failure(issues, line, given) from None
    if issues:
        raise _failure(issues, line, given)
    return result


def _failure(issues: IssueList, line: int | None, given: object) -> ParseError:
    return ParseError(_with_records(_finish(issues, line), given))


def _id_in(data: object) -> str | None:
    """The ``id`` a record's input gives, only when it is a well-formed id."""
    if type(data) is not dict:
        return None
    try:
        found = data.get("id")
    except Exception:  # noqa: BLE001 - a hostile key in from_dict() data: no id then
        return None
    return found if is_id(found) else None


def _with_records(issues: list[Issue], data: object) -> list[Issue]:
    """The *issues* with the id of the record each is in, where the input gives it cheaply.

    In a collection document, an issue under ``$.records[i]`` is in the
    i-th record; in a record document (or a line of JSON Lines), every issue
    is in the record. The id is taken only when it is a well-formed id.
    """
    if type(data) is not dict:
        return issues
    try:
        records: object = data.get("records")
    except Exception:  # noqa: BLE001 - a hostile key in from_dict() data
        return issues
    if type(records) is list or type(records) is tuple:
        found: list[Issue] = []
        for issue in issues:
            match = _RECORD_PATH.match(issue.path)
            index = -1 if match is None else int(match.group(1))
            own = _id_in(records[index]) if 0 <= index < len(records) else None
            found.append(issue if own is None else attrs.evolve(issue, record=own))
        return found
    own = _id_in(data)
    if own is None:
        return issues
    return [attrs.evolve(issue, record=own) for issue in issues]


def _finish(issues: IssueList, line: int | None) -> list[Issue]:
    """The issues of one document, at most `MAX_ISSUES`, then one that counts the rest."""
    kept: list[Issue] = issues[:MAX_ISSUES]
    more = issues.dropped + len(issues) - len(kept)
    if more:
        message = (
            f"{more} more problems were found and not listed "
            f"(at most {MAX_ISSUES} are listed per document)"
        )
        kept.append(Issue(path="$", code="input.too_many_issues", message=message))
    return _with_line(kept, line)


def _with_line(issues: list[Issue], line: int | None) -> list[Issue]:
    if line is None:
        return issues
    return [attrs.evolve(issue, line=line) for issue in issues]


@overload
def from_dict(data: object, cls: type[_T]) -> _T: ...
@overload
def from_dict(data: object, cls: None = None) -> Record | Collection: ...
def from_dict(data: object, cls: type[Any] | None = None) -> Any:
    """Build a record, value or collection from JSON-like Python data.

    Args:
        data: A dict as `json.loads` returns it (lists may also be tuples).
        cls: The class to build. With ``None``, the ``type`` tag decides:
            any record type, or ``"collection"``.

    Returns:
        The record, value or `Collection`.

    Raises:
        ParseError: *data* is not a valid document; ``.issues`` lists every problem.

    .. versionadded:: 0.1.0
    """
    _check_cls(cls)
    return _structure(data, cls, check_tree(data), None)


def _read_strict(text: str | bytes, cls: Any, line: int | None) -> object:
    decoded, issues = decode_text(text)
    if decoded is None:
        raise ParseError(_with_line(issues, line))
    value, issues = load_text(decoded)
    if value is None and issues:
        raise ParseError(_with_line(issues, line))
    return _structure(value, cls, issues, line)


def _as_bytes(text: object) -> bytes | None:
    if isinstance(text, bytes):
        return text
    if isinstance(text, bytearray | memoryview):
        return bytes(text)
    if isinstance(text, str):
        try:
            return text.encode()
        except UnicodeEncodeError:  # lone surrogates: the strict path names them
            return None
    msg = f"from_json() reads str or bytes, got {type(text).__name__}"
    raise ParseError([Issue(path="$", code="input.not_text", message=msg)])


@overload
def from_json(text: str | bytes, cls: type[_T]) -> _T: ...
@overload
def from_json(text: str | bytes, cls: None = None) -> Record | Collection: ...
def from_json(text: str | bytes, cls: type[Any] | None = None) -> Any:
    """Read a record, value or collection from JSON text.

    Args:
        text: JSON as `str` or UTF-8 `bytes`.
        cls: The class to build. With ``None``, the ``type`` tag decides:
            any record type, or ``"collection"``.

    Returns:
        The record, value or `Collection`.

    Raises:
        ParseError: The text is not valid JSON or not a valid document;
            ``.issues`` lists every problem with its path and code.

    .. versionadded:: 0.1.0
    """
    _check_cls(cls)
    data = _as_bytes(text)
    with gc_paused():
        if data is not None:
            result = _fastjson.decode(data, cls)
            if result is not None:
                return result
        return _read_strict(data if data is not None else text, cls, None)


def _lines(source: object) -> tuple[Iterable[bytes | str], IO[Any] | None]:
    if isinstance(source, str | os.PathLike):
        handle = Path(source).open("rb")  # noqa: SIM115 - closed by iter_jsonl
        return handle, handle
    raw = _raw_bytes(source)
    if raw is not None:
        return raw, None
    if isinstance(source, io.IOBase) or hasattr(source, "readline"):
        return source, None  # type: ignore[return-value]
    msg = f"iter_jsonl() reads a path or a file object, got {type(source).__name__}"
    raise FieldTypeError("file", "type.mismatch", msg)


def _raw_bytes(source: object) -> IO[bytes] | None:
    """The bytes under a UTF-8 text file nothing has been read from yet, or ``None``.

    A text file decodes and splits lines before diplo_events sees them: with
    universal newlines a bare carriage return (JSON white space) ends a line,
    and one invalid byte fails a whole chunk of lines at once. Reading the
    bytes underneath makes a text file read exactly as the same file in binary
    mode. Only when the text layer holds nothing unread (its position is the
    position of the bytes), and decodes UTF-8 strictly, is that the same text.
    """
    if not isinstance(source, io.TextIOWrapper):
        return None
    try:
        if codecs.lookup(source.encoding).name != "utf-8" or source.errors != "strict":
            return None
        if source.tell() != source.buffer.tell():
            return None
    except (OSError, ValueError, LookupError, AttributeError):
        return None  # not seekable, detached, or iterated with next(): read it as text
    buffer: IO[bytes] = source.buffer
    return buffer


def iter_jsonl(
    file: str | os.PathLike[str] | IO[bytes] | IO[str], cls: type[Any] | None = None
) -> Iterator[Any]:
    r"""Read records from JSON Lines, one record per line, in constant memory.

    Lines are read and decoded in batches of 4,096, so memory stays bounded
    whatever the size of the file. CPython's cyclic garbage collector is paused
    while a batch is read and decoded, never while your code runs; a loop that
    only collects the records (``list(iter_jsonl(...))``) sets off no
    collection at all.

    Lines end at ``\n`` only; a line of only JSON white space (space, tab,
    ``\r``) is skipped. A line that is not a valid record is not yielded;
    once the stream ends, a `ParseError` lists the issues of every bad line,
    each with its line number: at most `MAX_ISSUES` per line and
    `MAX_STREAM_ISSUES` per stream, where reading stops.

    A text file opened with UTF-8 (``open(path)``, or a `io.TextIOWrapper`)
    is read from the bytes beneath it, so it reads exactly as in binary mode:
    a bare ``\r`` inside a record is white space, and a line of invalid UTF-8
    is reported by its number while the lines around it are read. Other text
    streams (`io.StringIO`, other encodings, a file already read from) are
    read as they give their lines; if one cannot be decoded, the records
    decoded before it are yielded (a text layer decodes in chunks, so this may
    stop some lines early) and the `ParseError` says where reading stopped.

    Args:
        file: A path, or a file object open for reading in text or binary mode.
            A path is opened and closed here; a file object is left open.
        cls: The record class every line must hold, or ``None`` to read any
            record type by its ``type`` tag.

    Yields:
        The records, in file order.

    Raises:
        ParseError: At the end of the stream, if any line was bad.

    .. versionadded:: 0.1.0
    """
    _check_cls(cls)
    lines, handle = _lines(file)
    issues: list[Issue] = []
    numbered = enumerate(lines, start=1)
    read = 0
    try:
        while True:
            # Read and decode a batch with the collector paused, then hand the
            # records out with it running again: everything this loop needs is
            # allocated while paused, so a caller who only collects the records
            # triggers no collection at all (see _gc.py).
            _gc.pause()
            try:
                batch, broken = _take(numbered, read)
                decoded, stop = _read_batch(batch, cls, issues)
                records = iter(decoded)
            finally:
                _gc.resume()
            if batch:
                read = batch[-1][0]
            yield from records
            broken = stop or broken
            if broken is not None:
                issues.append(broken)
                break
            if not batch:
                break
    finally:
        if handle is not None:
            handle.close()
    if issues:
        raise ParseError(issues)


def _take(
    numbered: Iterator[tuple[int, bytes | str]], read: int
) -> tuple[list[tuple[int, bytes | str]], Issue | None]:
    """Read the next batch of numbered lines; a text file that cannot be decoded ends it."""
    batch: list[tuple[int, bytes | str]] = []
    try:
        batch.extend(itertools.islice(numbered, _BATCH))
    except UnicodeDecodeError as exc:
        line = (batch[-1][0] if batch else read) + 1
        message = (
            f"the text file is not valid {exc.encoding} from around here on, so reading "
            "stopped; open it in binary mode to have each bad line reported and the rest read"
        )
        return batch, Issue(path="$", code="json.invalid_utf8", line=line, message=message)
    return batch, None


def _read_batch(
    batch: list[tuple[int, bytes | str]], cls: type | None, issues: list[Issue]
) -> tuple[list[object], Issue | None]:
    """Decode numbered lines; collect the issues of bad ones (the caller pauses the GC).

    Returns the records, and the issue that stops the stream when the issues
    reach `MAX_STREAM_ISSUES`.
    """
    records: list[object] = []
    for number, line in batch:
        content: bytes | str
        data: bytes | None
        # A line of only JSON white space is blank, in text and binary mode
        # alike (str.isspace() would also take U+00A0 or U+2028 for blank).
        if isinstance(line, bytes):
            content = data = line.rstrip(b"\r\n")
            if not content.strip(b" \t\r"):
                continue
        else:
            content = line.rstrip("\r\n")
            if not content.strip(" \t\r"):
                continue
            data = _as_bytes(content)
        record = _fastjson.decode_record(data, cls) if data is not None else None
        if record is None:
            try:
                record = _read_strict(data if data is not None else content, cls or Record, number)
            except ParseError as exc:
                issues.extend(exc.issues)
                if len(issues) >= MAX_STREAM_ISSUES:
                    del issues[MAX_STREAM_ISSUES:]
                    stop = Issue(
                        path="$",
                        code="jsonl.too_many_issues",
                        line=number,
                        message=f"stopped reading after {MAX_STREAM_ISSUES} issues",
                    )
                    return records, stop
                continue
        records.append(record)
    return records, None


# --- writing ---------------------------------------------------------------------------


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
    records: Iterable[object],
    file: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    include_text: bool = True,
) -> int:
    """Write records as JSON Lines, one canonical record per line.

    Records are written as they come, so a generator is never held in memory.

    Args:
        records: Records (or a `Collection`, whose records are written).
        file: A path (created or truncated), or a file object open for writing
            in text or binary mode; a file object is left open.
        include_text: ``False`` writes every `Source` without its ``text``
            (as ``null``), for publishing records drawn from articles you may
            not share; citations keep their spans and quotes.

    Returns:
        The number of records written.

    Raises:
        FieldTypeError: An item is not a record.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Added *include_text*.
    """
    if isinstance(file, str | os.PathLike):
        with Path(file).open("wb") as handle:
            return _write_lines(records, handle, include_text=include_text)
    return _write_lines(records, file, include_text=include_text)


def _write_lines(records: Iterable[object], handle: IO[Any], *, include_text: bool) -> int:
    text_mode = isinstance(handle, io.TextIOBase)
    if isinstance(records, Collection):
        records = records.records
    count = 0
    for record in records:
        if type(record) not in _RECORD_TYPES:
            msg = f"dump_jsonl() writes records, got {type(record).__name__} at item {count}"
            raise FieldTypeError("records", "type.mismatch", msg)
        written = record
        if not include_text and isinstance(record, Source) and record.text is not None:
            written = attrs.evolve(record, text=None)
        line = _fastjson.encode(written) + b"\n"
        handle.write(line.decode("utf-8") if text_mode else line)
        count += 1
    return count
