"""The documents `diplo-events extract` reads, as `diplo_events.Article` items.

Inputs are plain text files (one document each), folders (their ``*.txt``
files, in name order) and JSON Lines files of documents, one object a line:
``{"text": ..., "published": "YYYY-MM-DD", "id": ..., "url": ..., "title":
..., "publisher": ...}``. Each document becomes a `Pending`: the key reports
name it by and the `Article` that `diplo_events.extract_many` drafts. A
document that cannot be read becomes a failed `Outcome` with the library's
issues, so one bad line never stops the run.
"""

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from attrs import frozen

from diplo_events.corpus import Article
from diplo_events.exceptions import Issue
from diplo_events.model import Collection

__all__ = ["Outcome", "Pending", "parse_published", "read_inputs"]

#: Suffixes read as JSON Lines of documents; any other file is one plain-text document.
JSONL_SUFFIXES: Final = frozenset({".jsonl", ".ndjson"})
#: The keys a document line may have, and whether each is required.
_KEYS: Final = {
    "text": True,
    "published": False,
    "id": False,
    "url": False,
    "title": False,
    "publisher": False,
}
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@frozen(kw_only=True)
class Pending:
    """One document to draft, as read from the inputs.

    Attributes:
        key: How reports name it: the document's own ``id``, the file's
            path, or ``<file>:<line>`` for a line of JSON Lines without an id.
        article: What `diplo_events.extract_many` drafts. Its ``id`` is the
            document's own id (kept on the drafted `Source`), never a path.
    """

    key: str
    article: Article


@frozen(kw_only=True)
class Outcome:
    """What became of one document: its drafts, or the issues that stopped it.

    Attributes:
        key: The document's key (see `Pending`).
        drafts: The drafted records, or ``None`` when the document failed.
        issues: Why it failed (paths into the document); empty when drafted.
    """

    key: str
    drafts: Collection | None = None
    issues: tuple[Issue, ...] = ()


def _issue(path: str, code: str, message: str) -> Issue:
    return Issue(path=path, code=code, message=message)


def parse_published(value: object, path: str = "$.published") -> dt.date | Issue | None:
    """*value* as a publication date (``YYYY-MM-DD`` text), or the issue it has."""
    if value is None:
        return None
    if not isinstance(value, str):
        return _issue(path, "type.mismatch", f"'published' must be a string, got {value!r}")
    try:
        if _ISO_DAY.fullmatch(value) is None:
            raise ValueError(value)  # noqa: TRY301 - one message for both refusals
        return dt.date.fromisoformat(value)
    except ValueError:
        if _ISO_DAY.fullmatch(value) is not None:
            return _issue(path, "date.impossible", f"{value!r} is not a date on the calendar")
        return _issue(path, "date.invalid", f"'published' must be YYYY-MM-DD, got {value!r}")


def _field_issues(data: dict[str, object]) -> list[Issue]:
    """What is wrong with the keys and value types of a document line."""
    issues = [
        _issue(f"$.{name}", "field.unknown", f"unknown field {name!r}")
        for name in sorted(set(data) - set(_KEYS))
    ]
    own = data.get("id")
    if own is not None and (isinstance(own, bool) or not isinstance(own, str | int)):
        issues.append(_issue("$.id", "type.mismatch", "'id' must be a string or an integer"))
    for name, required in _KEYS.items():
        value = data.get(name)
        if value is None:
            if required:
                issues.append(_issue(f"$.{name}", "field.missing", f"{name!r} is required"))
        elif name not in {"id", "published"} and not isinstance(value, str):
            message = f"{name!r} must be a string, got {type(value).__name__}"
            issues.append(_issue(f"$.{name}", "type.mismatch", message))
    return issues


def _document_line(key: str, line: str) -> Pending | Outcome:
    """One line of a JSON Lines file of documents, or why it is no document."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Outcome(key=key, issues=(_issue("$", "json.syntax", f"not JSON: {exc}"),))
    if not isinstance(data, dict):
        message = f"a document must be a JSON object, got {type(data).__name__}"
        return Outcome(key=key, issues=(_issue("$", "type.mismatch", message),))
    own = data.get("id")
    if isinstance(own, str | int) and not isinstance(own, bool):
        key = str(own)
    issues = _field_issues(data)
    published = parse_published(data.get("published"))
    if isinstance(published, Issue):
        issues.append(published)
        published = None
    if issues:
        return Outcome(key=key, issues=tuple(issues))
    article = Article(
        text=data["text"],
        published=published,
        id=own,
        url=data.get("url"),
        title=data.get("title"),
        publisher=data.get("publisher"),
    )
    return Pending(key=key, article=article)


def _read_jsonl(path: Path) -> Iterator[Pending | Outcome]:
    with path.open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _document_line(f"{path}:{number}", line)


def date_in_name(path: Path) -> dt.date | None:
    """The date a file's name ends in: ``talks-2021-03-04.txt`` gives 4 March 2021."""
    found = _NAME_DATE_RE.search(path.stem)
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None


# A name that ends in a date: "...-2021-03-04" or "..._2021-03-04".
_NAME_DATE_RE: Final = re.compile(r"(?:^|[-_ .])(\d{4}-\d{2}-\d{2})$")


def _read_text(
    path: Path, published: dt.date | None, *, from_name: bool = False
) -> Pending | Outcome:
    key = str(path)
    if from_name:
        published = date_in_name(path) or published
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        message = f"the file is not UTF-8 text: {exc.reason} at byte {exc.start}"
        return Outcome(key=key, issues=(_issue("$", "json.invalid_utf8", message),))
    return Pending(key=key, article=Article(text=text, published=published))


def read_inputs(
    paths: Iterable[Path], published: dt.date | None, *, dates_from_names: bool = False
) -> list[Pending | Outcome]:
    """Every document the *paths* hold, in order; unreadable ones as failed outcomes.

    A folder gives its ``*.txt`` files in name order; a ``.jsonl`` (or
    ``.ndjson``) file gives one document a line; any other file is one
    document. *published* dates the plain-text documents (JSON Lines
    documents give their own); with *dates_from_names*, a text file whose
    name ends in a date (``talks-2021-03-04.txt``) is dated by it instead.
    """
    found: list[Pending | Outcome] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                _read_text(file, published, from_name=dates_from_names)
                for file in sorted(path.glob("*.txt"))
            )
        elif path.suffix.lower() in JSONL_SUFFIXES:
            found.extend(_read_jsonl(path))
        else:
            found.append(_read_text(path, published, from_name=dates_from_names))
    return found
