"""`extract_many`: draft records from many articles, in order, each on its own.

An `Article` is what a user has of one document (its text, date, URL, title,
publisher and their own id); `extract_many` turns each into an `Extracted`
result holding either its drafts or the library's error for it, so that one bad
document never loses the rest. With ``workers > 1`` the articles are drafted in
worker processes, a chunk at a time, with a bounded number of chunks in flight,
so a long iterable is read as it is consumed and memory stays flat.
"""

import concurrent.futures
import datetime as dt
import hashlib
import itertools
import os
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from pathlib import Path
from typing import Any, Final, Literal

import attrs
from attrs import field, frozen

from diplo_events._extras import require
from diplo_events.drafting import choose_reader, extract
from diplo_events.exceptions import DiploEventsError, FieldError, Issue, ParseError
from diplo_events.io._gc import gc_paused
from diplo_events.model import (
    Collection,
    ExternalId,
    Organization,
    OrganizationKind,
    Source,
    stable_id,
)
from diplo_events.model import _rules as v

__all__ = ["Article", "Extracted", "extract_many"]

#: How many articles a worker process drafts per task when *chunksize* is not given.
_CHUNK: Final = 4
#: How many chunks per worker may be submitted and not yet yielded.
_IN_FLIGHT_PER_WORKER: Final = 3


def _check_key(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    del instance
    if value is not None and type(value) not in {str, int}:
        raise v.type_error(attribute.name, "a string, an integer or None", value)


def _check_optional_text(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    del instance
    if value is not None and not isinstance(value, str):
        raise v.type_error(attribute.name, "a string or None", value)


def _check_text(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    del instance
    if not isinstance(value, str):
        raise v.type_error(attribute.name, "a string", value)


def _check_published(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    del instance
    if value is not None and type(value) is not dt.date and not isinstance(value, str):
        raise v.type_error(attribute.name, "a date, an ISO date string or None", value)


@frozen(kw_only=True)
class Article:
    """One document to draft records from, as a user has it.

    Attributes:
        text: The document's text.
        published: Its publication date, as a `datetime.date` or ISO 8601
            text (``"2016-09-12"``), or ``None`` to read it from the text.
        id: The user's own id for the document (a string or an integer), or
            ``None``; `extract_many` gives it back as the result's key.
        url: Where the document is published, or ``None``.
        title: Its title, or ``None``.
        publisher: The publisher's name ("Reuters"), or ``None``. It is
            drafted as an `Organization` of kind ``outlet`` and made the
            source's ``publisher``.

    A wrong type is refused when the article is made (`FieldTypeError`);
    text that is no date is refused when it is drafted, in that article's
    result.

    Example:
        >>> Article(text="…", published="2021-03-04", id="doc-1").id
        'doc-1'

    .. versionadded:: 0.2.0
    """

    text: str = field(validator=_check_text)
    published: dt.date | str | None = field(default=None, validator=_check_published)
    id: str | int | None = field(default=None, validator=_check_key)
    url: str | None = field(default=None, validator=_check_optional_text)
    title: str | None = field(default=None, validator=_check_optional_text)
    publisher: str | None = field(default=None, validator=_check_optional_text)


def _same_error(a: ParseError | None, b: ParseError | None) -> bool:
    return a is b or (a is not None and b is not None and a.issues == b.issues)


@frozen(kw_only=True)
class Extracted:
    """The result of drafting one article: its drafts, or the error that stopped it.

    Attributes:
        key: The article's own id, or its index in the input when it has none.
        drafts: The drafted records (`extract` output, plus the publisher an
            `Article` names), or ``None`` when drafting failed.
        error: ``None``, or a `ParseError` whose issues say what was wrong
            with this article (paths such as ``$.published`` are into the
            article).
        seconds: How long drafting took, in seconds (not compared).

    .. versionadded:: 0.2.0
    """

    key: str | int
    drafts: Collection | None = None
    error: ParseError | None = field(default=None, eq=attrs.cmp_using(eq=_same_error))
    seconds: float = field(default=0.0, eq=False)

    @property
    def ok(self) -> bool:
        """Whether the article was drafted."""
        return self.error is None


def _as_article(item: object) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    raise v.type_error("$", "a text or an Article", item)


def _publisher(name: str) -> Organization:
    """The outlet an article names as its publisher; one id per name, across articles."""
    clean = " ".join(name.split())
    key = unicodedata.normalize("NFC", clean).casefold()
    return Organization(
        id=stable_id("organization", f"outlet:{key}"),
        name=clean,
        kind=OrganizationKind.OUTLET,
        draft=True,
    )


#: The scheme of the external id under which a drafted `Source` keeps an `Article`'s own id.
DOCUMENT_SCHEME: Final = "document"


def _source(article: Article, publisher: Organization | None) -> Source | None:
    if article.url is None and article.title is None and publisher is None and article.id is None:
        return None
    # The id extract() gives a text it drafts on its own, so that the same text is one
    # source whichever way it came in (merge() joins sources by text as well).
    text = unicodedata.normalize("NFC", article.text)
    digest = hashlib.sha256(text.encode(errors="surrogatepass")).hexdigest()
    return Source(
        id=stable_id("source", f"sha256:{digest}"),
        url=article.url,
        title=article.title,
        publisher=None if publisher is None else publisher.id,
        external_ids=()
        if article.id is None
        else (ExternalId(scheme=DOCUMENT_SCHEME, value=str(article.id)),),
        draft=True,
    )


def _as_parse_error(exc: Exception) -> ParseError:
    if isinstance(exc, ParseError):
        return exc
    if isinstance(exc, FieldError):
        path = "$" if exc.field in {None, "$"} else f"$.{exc.field}"
        return ParseError([Issue(path=path, code=exc.code, message=exc.message)])
    if isinstance(exc, DiploEventsError) and hasattr(exc, "issues"):
        return ParseError(exc.issues)
    # Not the article's fault: a fault of the extractor. Say so, in the library's terms.
    return ParseError(
        [
            Issue(
                path="$",
                code="extract.failed",
                message=f"drafting failed inside the extractor: {type(exc).__name__}: {exc}",
            )
        ]
    )


#: The reader every article of a run is drafted with, chosen once (`choose_reader`): its name
#: and, for the tagger and the hybrid, the model's folder, which each worker loads once.
_Reading = tuple[Literal["rules", "tagger", "hybrid"], Path | None]


def _draft_one(key: str | int, item: object, reading: _Reading) -> Extracted:
    start = time.perf_counter()
    try:
        article = _as_article(item)
        publisher = None if article.publisher is None else _publisher(article.publisher)
        source = _source(article, publisher)
        reader, model = reading
        drafts = extract(
            article.text, published=article.published, source=source, reader=reader, model=model
        )
        if publisher is not None:
            drafts = drafts.with_records([publisher])
    except Exception as exc:  # noqa: BLE001 - every failure becomes this article's error
        error = _as_parse_error(exc)
        return Extracted(key=key, error=error, seconds=time.perf_counter() - start)
    return Extracted(key=key, drafts=drafts, seconds=time.perf_counter() - start)


def _draft_chunk(chunk: list[tuple[str | int, object]], reading: _Reading) -> list[Extracted]:
    # Results cross back from worker processes pickled, errors and their issues whole.
    return [_draft_one(key, item, reading) for key, item in chunk]


def _keyed(items: Iterable[object]) -> Iterator[tuple[str | int, object]]:
    for index, item in enumerate(items):
        own = item.id if isinstance(item, Article) else None
        yield (index if own is None else own), item


def _serial(keyed: Iterator[tuple[str | int, object]], reading: _Reading) -> Iterator[Extracted]:
    for key, item in keyed:
        yield _draft_one(key, item, reading)


def _parallel(
    keyed: Iterator[tuple[str | int, object]], reading: _Reading, workers: int, chunksize: int
) -> Iterator[Extracted]:
    chunks = iter(lambda: list(itertools.islice(keyed, chunksize)), [])
    limit = workers * _IN_FLIGHT_PER_WORKER
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[concurrent.futures.Future[list[Extracted]]] = deque(
            pool.submit(_draft_chunk, chunk, reading) for chunk in itertools.islice(chunks, limit)
        )
        try:
            while pending:
                # The results arrive pickled, unpickled by the pool's own thread while this one
                # waits: thousands of small records a chunk, which would otherwise set off the
                # cyclic collector over every result kept so far.
                with gc_paused():
                    done = pending.popleft().result()
                # Refill before yielding, so the workers stay busy while the caller works.
                pending.extend(
                    pool.submit(_draft_chunk, chunk, reading)
                    for chunk in itertools.islice(chunks, 1)
                )
                yield from done
        finally:  # the caller stopped early: drop what has not started
            for future in pending:
                future.cancel()


def _progress_bar(results: Iterator[Extracted], *, progress: bool | None, total: int | None) -> Any:
    if progress is False:
        return results
    try:
        tqdm = require("tqdm", extra="progress", who="a progress bar").tqdm
    except ImportError:
        if progress is None:
            return results
        raise
    if progress is None and not sys.stderr.isatty():
        return results
    return tqdm(results, total=total, unit="doc", desc="extract", file=sys.stderr)


def extract_many(
    items: Iterable[str | Article],
    *,
    reader: Literal["rules", "tagger", "hybrid"] | None = None,
    model: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    chunksize: int | None = None,
    progress: bool | None = None,
) -> Iterator[Extracted]:
    """Draft records from many articles, yielding one `Extracted` per article, in input order.

    Each article is drafted by `extract` on its own: an article that cannot
    be drafted gives a result holding the library's `ParseError` for it
    (issues with paths into the article), and the rest go on.

    Args:
        items: Texts, or `Article` items with their dates, URLs, titles,
            publishers and ids. Read lazily, as results are asked for.
        reader: Who reads the statements, as for `extract`: ``"rules"``,
            ``"tagger"``, ``"hybrid"``, or ``None`` (the default) for the
            hybrid when a tagger model is present, else the rules. It is
            chosen once, when `extract_many` is called
            (`diplo_events.drafting.choose_reader`), and every article is
            drafted with that reader, in this process or in the workers.
        model: The tagger's model folder, as for `extract`. The workers are
            given its path and each loads it once.
        workers: How many worker processes draft articles. ``None`` or ``1``
            drafts in this process; more use a process pool, a chunk of
            articles per task, with at most three chunks per worker in
            flight, so that memory stays flat on a long iterable.
        chunksize: Articles per task in a worker (default 4).
        progress: Show a progress bar on standard error (the optional extra
            ``progress``, tqdm). ``None`` (the default) shows it only when
            standard error is a terminal and tqdm is installed; ``False``
            never; ``True`` always, and raises `ImportError` naming the extra
            when tqdm is missing.

    Returns:
        An iterator of `Extracted`, one per article, in input order; its
        ``key`` is the article's own ``id``, or its index in *items*. The
        same article always gives the same drafts, whatever the workers.

    Raises:
        FieldTypeError: *workers* or *chunksize* is not a positive integer,
            *progress* not a bool or ``None``, or *model* not a path (raised
            at once, before any article is read).
        FieldError: *reader* is none of the readers (code
            ``value.not_allowed``), raised at once.
        ImportError: *progress* is ``True`` and tqdm is not installed; or
            the tagger or the hybrid was asked for (or *model* given)
            without the ``tagger`` extra. Raised at once.
        FileNotFoundError: The tagger or the hybrid was asked for (or
            *model* given) and no model is there; raised at once.
        ValueError: That model was trained on other features, or is no
            model; raised at once.

    Example:
        >>> results = extract_many(
        ...     [
        ...         Article(id="a", text="Ana Lopes met Jon Berg in Oslo on Monday.",
        ...                 published="2021-03-03"),
        ...         Article(id="b", text="Nothing happened.", published="March 3"),
        ...     ],
        ...     progress=False,
        ... )
        >>> [(result.key, result.ok) for result in results]
        [('a', True), ('b', False)]

    .. versionadded:: 0.2.0
    """
    for name, value in (("workers", workers), ("chunksize", chunksize)):
        if value is not None and (type(value) is not int or value < 1):
            raise v.type_error(name, "a positive integer or None", value)
    if progress is not None and type(progress) is not bool:
        raise v.type_error("progress", "True, False or None", progress)
    reading = choose_reader(reader, model)
    total = len(items) if isinstance(items, Sized) else None
    keyed = _keyed(items)
    count = 1 if workers is None else workers
    results = (
        _serial(keyed, reading)
        if count <= 1
        else _parallel(keyed, reading, count, chunksize or _CHUNK)
    )
    return iter(_progress_bar(results, progress=progress, total=total))
