"""Datasets on disk for the command line: JSON, JSON Lines and Parquet, read and written.

A dataset's format is given, or read from its path: ``.json`` is one
collection document, ``.jsonl`` (or ``.ndjson``) one record a line, and
``.parquet`` or an existing folder a Parquet dataset (a folder of tables, as
`diplo_events.io.tables.write_parquet` writes it).
"""

from pathlib import Path
from typing import Final

import attrs

from diplo_events.io.json import dump_jsonl, from_json, iter_jsonl, to_json
from diplo_events.model import Collection, Source

__all__ = ["FORMATS", "format_of", "read_dataset", "write_dataset"]

#: The dataset formats, as ``--format`` names them.
FORMATS: Final = ("json", "jsonl", "parquet")
_SUFFIXES: Final = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


class FormatError(ValueError):
    """The format of a dataset could not be told from its path."""


def format_of(path: Path, given: str | None) -> str:
    """The format *given*, or the one *path* says (an existing folder is Parquet).

    Raises:
        FormatError: Neither says.
    """
    if given is not None:
        return given
    if path.is_dir():
        return "parquet"
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        choices = ", ".join(sorted(_SUFFIXES))
        msg = f"cannot tell the format of {str(path)!r} from its suffix ({choices}); give --format"
        raise FormatError(msg)
    return found


def read_dataset(path: Path, fmt: str) -> Collection:
    """Read the dataset at *path* in format *fmt* as a `Collection`.

    Raises:
        ParseError: The dataset holds something that is not a valid record.
        ImportError: Parquet, and pyarrow is not installed.
        OSError: The file cannot be read.
    """
    if fmt == "json":
        loaded = from_json(path.read_bytes())
        return loaded if isinstance(loaded, Collection) else Collection(records=[loaded])
    if fmt == "jsonl":
        return Collection(records=list(iter_jsonl(path)))
    from diplo_events.io import tables  # noqa: PLC0415 - pyarrow only when Parquet is asked for

    return tables.read_parquet(path)


def without_texts(collection: Collection) -> Collection:
    """*collection* with the text of every `Source` left out."""
    records = [
        attrs.evolve(record, text=None)
        if isinstance(record, Source) and record.text is not None
        else record
        for record in collection.records
    ]
    return Collection(records=records, schema_version=collection.schema_version)


def write_dataset(collection: Collection, path: Path, fmt: str, *, include_text: bool) -> None:
    """Write *collection* to *path* in format *fmt*, with or without source texts.

    Raises:
        ImportError: Parquet, and pyarrow is not installed.
        OSError: The file cannot be written.
    """
    if fmt == "json":
        written = collection if include_text else without_texts(collection)
        path.write_text(to_json(written, indent=2) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        dump_jsonl(collection, path, include_text=include_text)
    else:
        from diplo_events.io import tables  # noqa: PLC0415 - pyarrow only when asked for

        tables.write_parquet(collection, path, include_text=include_text)
