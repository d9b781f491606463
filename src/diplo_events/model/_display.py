"""How records and collections show themselves: short reprs and HTML for notebooks.

A source's text can be megabytes, and a collection holds many; nothing shown
here prints a long string whole. `short` is the ``repr`` of long text fields
(attrs calls it for the fields that declare it); `Displayed` gives every model
class a ``_repr_html_`` that Jupyter shows, with every value escaped.
"""

import datetime as dt
import enum
import html
from collections import Counter
from collections.abc import Iterable
from typing import Any, Final

import attrs

__all__ = ["Displayed", "collection_html", "collection_repr", "short"]

#: Longest text a repr shows whole; longer text is cut and its length given.
LIMIT: Final = 80
_CELL_LIMIT: Final = 160
_LIST_ITEMS: Final = 5
_EXAMPLES: Final = 3


def short(value: object, limit: int = LIMIT) -> str:
    """Return ``repr(value)``, with a string longer than *limit* cut and its length told.

    >>> short("x" * 100, limit=10)
    "'xxxxxxxxx…' (100 chars)"
    >>> short(None)
    'None'
    """
    if isinstance(value, str) and len(value) > limit:
        return f"{value[: limit - 1] + '…'!r} ({len(value):,} chars)"
    return repr(value)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: object) -> str:
    """Return *value* as readable text for a table cell (not yet escaped)."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        shown = [_plain(item) for item in value[:_LIST_ITEMS]]
        more = len(value) - len(shown)
        return "; ".join(shown) + (f"; … ({more} more)" if more > 0 else "")
    if hasattr(value, "edtf"):
        return str(value.edtf)
    if isinstance(value, str):
        return _clip(value, _CELL_LIMIT)
    return _clip(repr(value), _CELL_LIMIT)


def _empty(value: object) -> bool:
    return value is None or value == ()


def label(record: object) -> str:
    """Return a few words that name *record*: its name, title, words or description."""
    for name in ("name", "title", "text", "content", "description"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return _clip(" ".join(value.split()), 60)
    return str(getattr(record, "id", type(record).__name__))


def object_html(obj: Any) -> str:
    """Return an HTML table of the fields of *obj* (an attrs instance) that are set, escaped."""
    cls = type(obj)
    rows = [
        f"<tr><th style='text-align:left'>{html.escape(field.name)}</th>"
        f"<td style='text-align:left'>{html.escape(_plain(value))}</td></tr>"
        for field in attrs.fields(cls)
        if field.repr is not False
        and not field.name.startswith("_")
        and not _empty(value := getattr(obj, field.name))
    ]
    caption = f"<b>{html.escape(cls.__name__)}</b>"
    return f"<table><caption style='text-align:left'>{caption}</caption>{''.join(rows)}</table>"


class Displayed:
    """Gives a model class a ``_repr_html_`` for notebooks."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return object_html(self)


def _counts(records: Iterable[Any]) -> Counter[str]:
    return Counter(str(getattr(record, "type", type(record).__name__)) for record in records)


def collection_repr(records: tuple[Any, ...], schema_version: str) -> str:
    """Return a one-line repr of a collection: its size and records by type, never their text."""
    counts = ", ".join(f"{tag}={count}" for tag, count in _counts(records).items())
    what = f"{len(records)} record{'' if len(records) == 1 else 's'}"
    return f"Collection({what}{': ' + counts if counts else ''}; schema_version={schema_version!r})"


def collection_html(records: tuple[Any, ...], schema_version: str) -> str:
    """Return an HTML summary of a collection: records by type, with the first few named."""
    by_type: dict[str, list[Any]] = {}
    for record in records:
        by_type.setdefault(str(getattr(record, "type", "?")), []).append(record)
    rows = []
    for tag, found in by_type.items():
        names = "; ".join(label(record) for record in found[:_EXAMPLES])
        if len(found) > _EXAMPLES:
            names += "; …"
        rows.append(
            f"<tr><td style='text-align:left'>{html.escape(tag)}</td>"
            f"<td>{len(found)}</td><td style='text-align:left'>{html.escape(names)}</td></tr>"
        )
    head = "<tr><th>type</th><th>records</th><th style='text-align:left'>first</th></tr>"
    caption = (
        f"<b>Collection</b>: {len(records)} records, schema version {html.escape(schema_version)}"
    )
    return (
        f"<table><caption style='text-align:left'>{caption}</caption>"
        f"{head if rows else ''}{''.join(rows)}</table>"
    )
