"""The documents `diplo-events extract` reads, and the one place they are drafted.

Inputs are plain text files (one document each), folders (their ``*.txt``
files, in name order) and JSON Lines files of documents, one object a line:
``{"text": ..., "published": "YYYY-MM-DD", "id": ..., "url": ..., "title":
..., "publisher": ...}``. A document that cannot be read becomes a failed
`Outcome` with the library's issues, so one bad line never stops the run.

`draft_all` is the seam where documents become drafts: a loop over
`diplo_events.extract`, one document at a time or in worker processes. It is
kept small so that it can hand over to a corpus-level extractor.
"""

import concurrent.futures
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from attrs import frozen

from diplo_events.exceptions import DiploEventsError, FieldError, Issue
from diplo_events.model import Collection, Organization, OrganizationKind, Source, stable_id

__all__ = ["Document", "Outcome", "draft_all", "read_inputs"]

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
#: Documents a worker process drafts per task.
_CHUNK: Final = 4


@frozen(kw_only=True)
class Document:
    """One document to draft, as read from the inputs.

    Attributes:
        key: How reports name it: the file's path, the document's own ``id``,
            or ``<file>:<line>`` for a line of JSON Lines without one.
        text: The document's text.
        published: Its publication date, or ``None`` to read it from the text.
        url: Where it is published, or ``None``.
        title: Its title, or ``None``.
        publisher: The publisher's name, or ``None``.
    """

    key: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None


@frozen(kw_only=True)
class Outcome:
    """What became of one document: its drafts, or the issues that stopped it.

    Attributes:
        key: The document's key (see `Document`).
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


def _document_line(key: str, line: str) -> Document | Outcome:
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
    return Document(
        key=key,
        text=data["text"],
        published=published,
        url=data.get("url"),
        title=data.get("title"),
        publisher=data.get("publisher"),
    )


def _read_jsonl(path: Path) -> Iterator[Document | Outcome]:
    with path.open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _document_line(f"{path}:{number}", line)


def _read_text(path: Path, published: dt.date | None) -> Document | Outcome:
    key = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        message = f"the file is not UTF-8 text: {exc.reason} at byte {exc.start}"
        return Outcome(key=key, issues=(_issue("$", "json.invalid_utf8", message),))
    return Document(key=key, text=text, published=published)


def read_inputs(paths: Iterable[Path], published: dt.date | None) -> list[Document | Outcome]:
    """Every document the *paths* hold, in order; unreadable ones as failed outcomes.

    A folder gives its ``*.txt`` files in name order; a ``.jsonl`` (or
    ``.ndjson``) file gives one document a line; any other file is one
    document. *published* dates the plain-text documents (JSON Lines
    documents give their own).
    """
    found: list[Document | Outcome] = []
    for path in paths:
        if path.is_dir():
            found.extend(_read_text(file, published) for file in sorted(path.glob("*.txt")))
        elif path.suffix.lower() in JSONL_SUFFIXES:
            found.extend(_read_jsonl(path))
        else:
            found.append(_read_text(path, published))
    return found


def _publisher(name: str) -> Organization:
    """The outlet a document names as its publisher: one id per name, across documents."""
    clean = " ".join(name.split())
    key = unicodedata.normalize("NFC", clean).casefold()
    return Organization(
        id=stable_id("organization", f"outlet:{key}"),
        name=clean,
        kind=OrganizationKind.OUTLET,
        draft=True,
    )


def _source(document: Document, publisher: Organization | None) -> Source | None:
    if document.url is None and document.title is None and publisher is None:
        return None
    # The id extract() gives the text on its own, so the same text is one source either way.
    text = unicodedata.normalize("NFC", document.text)
    digest = hashlib.sha256(text.encode(errors="surrogatepass")).hexdigest()
    return Source(
        id=stable_id("source", f"sha256:{digest}"),
        url=document.url,
        title=document.title,
        publisher=None if publisher is None else publisher.id,
        draft=True,
    )


def _failure(exc: Exception) -> tuple[Issue, ...]:
    issues: tuple[Issue, ...] | None = getattr(exc, "issues", None)
    if isinstance(exc, DiploEventsError) and issues:
        return issues
    if isinstance(exc, FieldError):
        path = "$" if exc.field in {None, "$"} else f"$.{exc.field}"
        return (_issue(path, exc.code, exc.message),)
    # Not the document's fault but the extractor's: say so, in the library's terms.
    message = f"drafting failed inside the extractor: {type(exc).__name__}: {exc}"
    return (_issue("$", "extract.failed", message),)


def draft_one(document: Document) -> Outcome:
    """Draft one document with `diplo_events.extract`; any failure becomes its issues."""
    from diplo_events.drafting import extract  # noqa: PLC0415 - the drafting stack is heavy

    try:
        publisher = None if document.publisher is None else _publisher(document.publisher)
        source = _source(document, publisher)
        drafts = extract(document.text, published=document.published, source=source)
        if publisher is not None:
            drafts = drafts.with_records([publisher])
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
        return Outcome(key=document.key, issues=_failure(exc))
    return Outcome(key=document.key, drafts=drafts)


def _draft_chunk(documents: list[Document]) -> list[Outcome]:
    return [draft_one(document) for document in documents]


def draft_all(documents: list[Document], *, workers: int = 1) -> Iterator[Outcome]:
    """Draft every document, yielding one `Outcome` each, in input order.

    With *workers* above 1 the documents are drafted in that many processes,
    a few documents per task.
    """
    if workers <= 1 or len(documents) <= 1:
        yield from map(draft_one, documents)
        return
    chunks = [documents[i : i + _CHUNK] for i in range(0, len(documents), _CHUNK)]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for outcomes in pool.map(_draft_chunk, chunks):
            yield from outcomes
