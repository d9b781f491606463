"""A collection as tables: Arrow, pandas and a Parquet dataset that reads back whole.

`to_arrow` gives one table per record type (``persons``, ``organizations``,
``meetings``, ``statements``, ``demands``, ``proposals``, ``references``,
``sources``) and long tables for what records hold in lists: ``citations`` and
their ``spans`` (from anywhere in a record, with the JSON path they stand at),
``participants``, ``addressees``, ``codes``, ``topics``, ``evidence``,
``responses`` and every other list field. `write_parquet` writes the same
tables as one Parquet file each, or, with ``partition=``, as one part of a
dataset that several workers write (``<table>/part-<name>.parquet``);
`read_parquet` reads the record tables back into an equal `Collection`, all
the parts of a partitioned dataset as one.

The record tables are complete: every field of every record is a column (a
value column), so nothing is lost on the way to Parquet and back; the columns
derived from them (date bounds and precision, names of the actors an id
points at, the meeting's date) and the long tables are for queries, and are
not read back.

pyarrow is an optional extra (``pip install 'diplo_events[tables]'``),
imported on first use; pandas too (``pip install 'diplo_events[pandas]'``).

.. versionadded:: 0.2.0
"""

import importlib.util
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from diplo_events._extras import require
from diplo_events.exceptions import FieldTypeError, Issue, ParseError
from diplo_events.io import _arrow, _parts
from diplo_events.io.json import from_dict
from diplo_events.model import (
    Citation,
    Collection,
    Meeting,
    Organization,
    Person,
    Record,
    Source,
    graph,
    id_type,
    registry,
)
from diplo_events.model.collection import SCHEMA_VERSION
from diplo_events.model.registry import ACTOR_TYPES, Role

__all__ = [
    "METADATA_PARTITION",
    "METADATA_SCHEMA_VERSION",
    "METADATA_SOURCE_TEXT",
    "METADATA_TABLE",
    "RECORD_TABLES",
    "read_parquet",
    "to_arrow",
    "to_pandas",
    "write_parquet",
]

#: The table of each record type, by its tag, such as ``{"person": "persons", ...}``.
RECORD_TABLES: Final = {tag: f"{tag}s" for tag in registry.RECORD_TYPES}
#: Key of each table's schema metadata holding the `SCHEMA_VERSION` it was written with.
METADATA_SCHEMA_VERSION: Final = "diplo_events.schema_version"
#: Key of each table's schema metadata naming the table.
METADATA_TABLE: Final = "diplo_events.table"
#: Key of each table's schema metadata saying ``"included"``, or ``"omitted"`` (no source texts).
METADATA_SOURCE_TEXT: Final = "diplo_events.source_text"
#: Key of each part's schema metadata naming its partition (partitioned datasets only).
METADATA_PARTITION: Final = "diplo_events.partition"

#: The column of every record table giving the record's place in the collection.
_INDEX: Final = "record_index"
#: The column every table of a partitioned dataset starts with: the partition's name.
_PARTITION: Final = "partition"
_SPANS: Final = "spans"
_CITATIONS: Final = "citations"
_RECORDS_PATH: Final = re.compile(r"\$\.records\[(\d+)\]")


def _pyarrow() -> tuple[Any, Any]:
    """Return ``pyarrow`` and ``pyarrow.parquet``, or say which extra to install."""
    who = "diplo_events.io.tables"
    pa = require("pyarrow", extra="tables", who=who)
    return pa, require("pyarrow.parquet", extra="tables", who=who)


def _check_collection(collection: object) -> Collection:
    if not isinstance(collection, Collection):
        msg = f"expected a Collection, got {type(collection).__name__}"
        raise FieldTypeError("collection", "type.mismatch", msg)
    return collection


# --- the layout ------------------------------------------------------------------------


def _name_of(collection: Collection, record_id: object) -> str | None:
    record = collection.get(record_id) if isinstance(record_id, str) else None
    return record.name if isinstance(record, Person | Organization) else None


def _named_fields(cls: type) -> tuple[str, ...]:
    """The scalar id fields of *cls* that point at actors: each gets a ``<field>_name`` column."""
    lists = {
        attr.name
        for attr in _arrow.attrs_of(cls)
        if isinstance(attr, _arrow.Plain) and isinstance(attr.shape, _arrow.ListShape)
    }
    return tuple(
        name
        for name, targets in registry.id_fields(cls)
        if set(targets) <= set(ACTOR_TYPES) and name not in lists
    )


def _tag_of(record_id: object) -> str | None:
    try:
        return id_type(record_id) if isinstance(record_id, str) else None
    except ValueError:
        return None


class _Layout:
    """Every table's columns and how a row of it is filled: derived from the model once."""

    def __init__(self, pa: Any) -> None:
        self.pa = pa
        self.record_columns = {tag: self._record_columns(tag) for tag in registry.RECORD_TYPES}
        self.list_fields = self._list_fields()

    # Record tables ------------------------------------------------------------------

    def _record_columns(self, tag: str) -> list[Any]:
        pa = self.pa
        cls = registry.record_class(tag)
        columns = [pa.field(_INDEX, pa.int64(), nullable=False)]
        columns += [c for attr in _arrow.attrs_of(cls) for c in attr.columns(pa)]
        columns += [pa.field(f"{name}_name", pa.string()) for name in _named_fields(cls)]
        if "meeting" in dict(registry.id_fields(cls)):
            columns += [
                pa.field("meeting_date", pa.string()),
                pa.field("meeting_date_earliest", pa.date32()),
                pa.field("meeting_date_latest", pa.date32()),
            ]
        if registry.record_type(tag).role in {Role.EVENT, Role.CLAIM}:
            columns += [
                pa.field("event_earliest", pa.date32()),
                pa.field("event_latest", pa.date32()),
            ]
        if tag == "reference":
            columns += [pa.field("subject_type", pa.string()), pa.field("target_type", pa.string())]
        _check_unique(tag, columns)
        return columns

    def record_row(self, collection: Collection, index: int, record: Record) -> dict[str, object]:
        row: dict[str, object] = {_INDEX: index}
        cls = type(record)
        for attr in _arrow.attrs_of(cls):
            attr.put(getattr(record, attr.name), row)
        for name in _named_fields(cls):
            row[f"{name}_name"] = _name_of(collection, getattr(record, name))
        meeting = collection.get(getattr(record, "meeting", None) or "")
        if "meeting" in dict(registry.id_fields(cls)) and isinstance(meeting, Meeting):
            row["meeting_date"] = meeting.date.edtf
            row["meeting_date_earliest"] = meeting.date.earliest
            row["meeting_date_latest"] = meeting.last_date.latest
        if registry.record_type(record.type).role in {Role.EVENT, Role.CLAIM}:
            row["event_earliest"], row["event_latest"] = _event_bounds(collection, record)
        if record.type == "reference":
            row["subject_type"] = _tag_of(getattr(record, "subject", None))
            row["target_type"] = _tag_of(getattr(record, "target", None))
        return row

    # Long tables --------------------------------------------------------------------

    def _list_fields(self) -> dict[str, tuple[_arrow.ListShape, list[Any]]]:
        """Each list field of a record (but citations) by name, with its table's columns."""
        pa = self.pa
        found: dict[str, tuple[_arrow.ListShape, list[Any]]] = {}
        for tag in registry.RECORD_TYPES:
            for attr in _arrow.attrs_of(registry.record_class(tag)):
                if not isinstance(attr, _arrow.Plain) or attr.name == _CITATIONS:
                    continue
                shape = attr.shape
                if not isinstance(shape, _arrow.ListShape):
                    continue
                if attr.name in found:
                    if found[attr.name][0] != shape:  # pragma: no cover - a model change
                        msg = f"list field {attr.name!r} holds different things in two types"
                        raise TypeError(msg)
                    continue
                columns = [*_owner_columns(pa), pa.field("index", pa.int64(), nullable=False)]
                columns += self._item_columns(attr.name, shape.item)
                columns += [pa.field("event_earliest", pa.date32())]
                columns += [pa.field("event_latest", pa.date32())]
                _check_unique(attr.name, columns)
                found[attr.name] = (shape, columns)
        taken = set(found) & {*RECORD_TABLES.values(), _CITATIONS, _SPANS}
        if taken:  # pragma: no cover - a model change
            msg = f"list fields {sorted(taken)} would share a table's name"
            raise TypeError(msg)
        return found

    def _item_columns(self, name: str, item: _arrow.Shape) -> list[Any]:
        pa = self.pa
        if isinstance(item, _arrow.StructShape):
            columns = [c for attr in _arrow.attrs_of(item.cls) for c in attr.columns(pa)]
            columns += [pa.field(f"{n}_name", pa.string()) for n in _named_fields(item.cls)]
            return columns
        columns = [pa.field("value", item.arrow(pa))]
        if _holds_actor_ids(name):
            columns.append(pa.field("name", pa.string()))
        return columns

    def list_rows(
        self, collection: Collection, name: str, item: _arrow.Shape
    ) -> Iterator[dict[str, object]]:
        for record in collection.records:
            values = getattr(record, name, None)
            if not values:
                continue
            earliest, latest = _event_bounds(collection, record)
            for index, value in enumerate(values):
                row: dict[str, object] = {"record_id": record.id, "record_type": record.type}
                row["index"] = index
                if isinstance(item, _arrow.StructShape):
                    for attr in _arrow.attrs_of(item.cls):
                        attr.put(getattr(value, attr.name), row)
                    for field in _named_fields(item.cls):
                        row[f"{field}_name"] = _name_of(collection, getattr(value, field))
                else:
                    row["value"] = item.put(value)
                    if _holds_actor_ids(name):
                        row["name"] = _name_of(collection, value)
                row["event_earliest"], row["event_latest"] = earliest, latest
                yield row

    def citation_columns(self) -> list[Any]:
        pa = self.pa
        columns = [*_owner_columns(pa), pa.field("path", pa.string(), nullable=False)]
        columns += [c for attr in _arrow.attrs_of(Citation) for c in attr.columns(pa)]
        columns.append(pa.field("source_title", pa.string()))
        return columns

    def span_columns(self) -> list[Any]:
        pa = self.pa
        return [
            *_owner_columns(pa),
            pa.field("path", pa.string(), nullable=False),
            pa.field("source", pa.string(), nullable=False),
            pa.field("index", pa.int64(), nullable=False),
            pa.field("start", pa.int64(), nullable=False),
            pa.field("end", pa.int64(), nullable=False),
        ]


def _owner_columns(pa: Any) -> list[Any]:
    return [
        pa.field("record_id", pa.string(), nullable=False),
        pa.field("record_type", pa.string(), nullable=False),
    ]


def _holds_actor_ids(name: str) -> bool:
    for tag in registry.RECORD_TYPES:
        targets = dict(registry.id_fields(registry.record_class(tag))).get(name)
        if targets is not None:
            return set(targets) <= set(ACTOR_TYPES)
    return False


def _check_unique(table: str, columns: list[Any]) -> None:
    names = [column.name for column in columns]
    if len(set(names)) != len(names):  # pragma: no cover - a model change
        msg = f"table {table!r} would have two columns of one name: {names}"
        raise TypeError(msg)


def _event_bounds(collection: Collection, record: Record) -> tuple[object, object]:
    dates = graph.event_dates(collection, record)
    if dates is None:
        return None, None
    return dates[0].earliest, dates[1].latest


def _metadata(table: str, *, include_text: bool) -> dict[str, str]:
    return {
        METADATA_SCHEMA_VERSION: SCHEMA_VERSION,
        METADATA_TABLE: table,
        METADATA_SOURCE_TEXT: "included" if include_text else "omitted",
    }


# --- to Arrow and pandas ---------------------------------------------------------------


def to_arrow(collection: Collection, *, include_text: bool = True) -> dict[str, Any]:
    """Return *collection* as Arrow tables: one per record type, and long tables for lists.

    The record tables are named by `RECORD_TABLES` (``"meetings"``, ...) and
    hold every field of every record, one row per record; ``record_index``
    is the record's place in the collection. Enums are strings; an
    `UncertainDate` field ``date`` is its EDTF text with ``date_earliest``
    and ``date_latest`` (``date32``, null where open), ``date_precision`` and
    ``date_derivation``; an instant ``created`` is a UTC ``timestamp[us]``
    with ``created_offset``, the UTC offset it was given with, in minutes.
    Every id field pointing at actors has the actor's name beside it
    (``speaker_name``, ``actor_name``, ``host_name``, ...); records with a
    ``meeting`` have ``meeting_date`` and its bounds; events and claims have
    ``event_earliest`` and ``event_latest`` (a claim's own date, else its
    meeting's).

    The long tables have one row per item of a list field, named after the
    field (``participants``, ``addressees``, ``codes``, ``topics``,
    ``aliases``, ...), with the owning ``record_id``, ``record_type``, the
    item's ``index``, the actor's ``name`` where the item is an actor's id,
    and the owner's event bounds. ``citations`` holds every citation of a
    record, its participants' and its responses' alike, with its JSON
    ``path`` in the record; ``spans`` has one row per span of each.

    Args:
        collection: The records.
        include_text: ``False`` leaves out the text of every `Source` (the
            ``text`` column is null); citations keep their spans and quotes.

    Returns:
        The tables by name. Each table's schema metadata holds the schema
        version, the table's name and whether source texts are included.

    Raises:
        ImportError: pyarrow is not installed.
        FieldTypeError: *collection* is not a `Collection`.

    .. versionadded:: 0.2.0
    """
    collection = _check_collection(collection)
    pa, _ = _pyarrow()
    layout = _Layout(pa)

    def table(name: str, columns: list[Any], rows: list[dict[str, object]]) -> Any:
        schema = pa.schema(columns, metadata=_metadata(name, include_text=include_text))
        return pa.Table.from_pylist(rows, schema=schema)

    tables: dict[str, Any] = {}
    by_type: dict[str, list[dict[str, object]]] = {tag: [] for tag in registry.RECORD_TYPES}
    for index, record in enumerate(collection.records):
        row = layout.record_row(collection, index, record)
        if not include_text and isinstance(record, Source):
            row["text"] = None
        by_type[record.type].append(row)
    for tag, rows in by_type.items():
        tables[RECORD_TABLES[tag]] = table(RECORD_TABLES[tag], layout.record_columns[tag], rows)
    citation_rows, span_rows = _citation_rows(collection)
    tables[_CITATIONS] = table(_CITATIONS, layout.citation_columns(), citation_rows)
    tables[_SPANS] = table(_SPANS, layout.span_columns(), span_rows)
    for name, (shape, columns) in layout.list_fields.items():
        rows = list(layout.list_rows(collection, name, shape.item))
        tables[name] = table(name, columns, rows)
    return tables


def _citation_rows(
    collection: Collection,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    citations: list[dict[str, object]] = []
    spans: list[dict[str, object]] = []
    for record in collection.records:
        for citation, path in graph.citations(record):
            owner = {"record_id": record.id, "record_type": record.type, "path": path}
            row: dict[str, object] = dict(owner)
            for attr in _arrow.attrs_of(Citation):
                attr.put(getattr(citation, attr.name), row)
            source = collection.get(citation.source)
            row["source_title"] = source.title if isinstance(source, Source) else None
            citations.append(row)
            spans += [
                {**owner, "source": citation.source, "index": i, "start": s.start, "end": s.end}
                for i, s in enumerate(citation.spans)
            ]
    return citations, spans


def to_pandas(collection: Collection, *, include_text: bool = True) -> dict[str, Any]:
    """Return *collection* as pandas DataFrames: the tables of `to_arrow`, by name.

    Dates (``date32``) become ``datetime64[ms]`` columns and instants
    ``datetime64[us, UTC]``; lists and structs stay Python lists and dicts.

    Args:
        collection: The records.
        include_text: ``False`` leaves out the text of every `Source`.

    Raises:
        ImportError: pandas or pyarrow is not installed.
        FieldTypeError: *collection* is not a `Collection`.

    .. versionadded:: 0.2.0
    """
    # pyarrow makes the frames; pandas must only be there.
    if importlib.util.find_spec("pandas") is None:
        msg = "diplo_events.io.tables.to_pandas() needs pandas: pip install 'diplo_events[pandas]'"
        raise ImportError(msg)
    tables = to_arrow(collection, include_text=include_text)
    return {name: table.to_pandas(date_as_object=False) for name, table in tables.items()}


# --- Parquet -----------------------------------------------------------------------------


def write_parquet(
    collection: Collection,
    directory: str | os.PathLike[str],
    *,
    include_text: bool = True,
    compression: str = "zstd",
    partition: str | int | None = None,
) -> dict[str, Path]:
    """Write *collection* as a Parquet dataset: one file per table of `to_arrow`.

    The directory (created if missing) gets ``<table>.parquet`` for every
    table, empty tables included, so that queries never miss a file. With
    *partition*, the collection is one part of a dataset written in parts
    (by several workers, say): every table gets ``<table>/part-<name>.parquet``,
    whose first column, ``partition``, is the part's name; `read_parquet`
    loads all the parts as one collection. A part is written to a hidden
    file first and then renamed, so a reader never sees half a part, and
    writing a part again (a retried task) replaces it. The
    files use only what DuckDB, Polars, pandas and Spark read as they are:
    strings, ``int64``, ``float64``, booleans, ``date32``, UTC timestamps in
    microseconds, lists and structs. Each file's key-value metadata holds
    the schema version (``diplo_events.schema_version``), the table's name
    and whether source texts are included (``diplo_events.source_text``).

    Args:
        collection: The records.
        directory: Where to write; files of the same names are replaced.
        include_text: ``False`` leaves out the text of every `Source`, for
            publishing a dataset built from articles you may not share;
            citations keep their spans and quotes.
        compression: The Parquet codec: ``"zstd"`` (the default),
            ``"snappy"``, ``"gzip"`` or ``"none"``.
        partition: ``None`` (the default) writes the single-file layout. A
            name (letters, digits, ``_``, ``.``, ``-``) or a non-negative
            number (``3`` is named ``"00003"``) writes this collection as
            that part of a partitioned dataset. Parts load in the natural
            order of their names (``"2"`` before ``"10"``).

    Returns:
        The path of each table's file, by table name.

    Raises:
        ImportError: pyarrow is not installed.
        FieldTypeError: *collection* is not a `Collection`, or *partition*
            is not a valid name (code ``parquet.partition_name``).
        FileExistsError: The directory holds the other layout already.

    .. versionadded:: 0.2.0
    """
    pa, pq = _pyarrow()
    part = None if partition is None else _parts.part_name(partition)
    tables = to_arrow(collection, include_text=include_text)
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    other = [
        root / (f"{name}.parquet" if part is not None else name) for name in RECORD_TABLES.values()
    ]
    clash = next((path for path in other if path.exists()), None)
    if clash is not None:
        layout = "a single-file" if part is not None else "a partitioned"
        msg = f"{str(root)!r} holds {layout} dataset already ({clash.name}): one layout per dataset"
        raise FileExistsError(msg)
    written: dict[str, Path] = {}
    for name, table in tables.items():
        if part is None:
            path = root / f"{name}.parquet"
            pq.write_table(table, path, compression=compression, coerce_timestamps="us")
        else:
            path = _write_part(pa, pq, table, root / name, part, compression=compression)
        written[name] = path
    return written


def _write_part(pa: Any, pq: Any, table: Any, folder: Path, part: str, *, compression: str) -> Path:
    """Write *table* as the part *part* in *folder*: a ``partition`` column first, then rename."""
    if _PARTITION in table.column_names:  # pragma: no cover - a model change
        msg = f"a table has a column {_PARTITION!r} already"
        raise TypeError(msg)
    column = pa.array([part] * table.num_rows, type=pa.string())
    table = table.add_column(0, pa.field(_PARTITION, pa.string(), nullable=False), column)
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    table = table.replace_schema_metadata({**metadata, METADATA_PARTITION: part})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{part}.parquet"
    hidden = folder / f".part-{part}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(table, hidden, compression=compression, coerce_timestamps="us")
        hidden.replace(path)
    finally:
        hidden.unlink(missing_ok=True)
    return path


def read_parquet(directory: str | os.PathLike[str]) -> Collection:
    """Read the Parquet dataset `write_parquet` wrote back into a `Collection`.

    Only the record tables are read, and in them only the value columns; the
    records are put back in the order of their ``record_index`` and decoded
    as `from_dict` decodes JSON, so the result equals the collection that
    was written. A dataset written with ``include_text=False`` loads too: its
    sources have ``text=None`` (see the tables guide for what `validate`
    can still check then).

    A dataset written in parts (``write_parquet(..., partition=...)``) loads
    as one collection: the records of the parts in the natural order of the
    parts' names (digits compared as numbers, then the name), and within a
    part in the order of their ``record_index``. So the parts of a corpus
    split in order, numbered in order, load as the whole corpus would.

    Args:
        directory: The dataset's directory.

    Returns:
        The collection.

    Raises:
        ImportError: pyarrow is not installed.
        FileNotFoundError: *directory* does not exist.
        ParseError: A table is missing or unreadable, a column is missing, or
            a row is not a valid record; or the directory mixes the two
            layouts, a table's folder holds a file that is not a part, or
            a part is missing from some tables. Each issue's path names the
            table, the part, the row and the field, such as
            ``$.statements[3].speaker`` or ``$.statements['00002'][3].speaker``.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       Reads partitioned datasets too.
    """
    pa, pq = _pyarrow()
    root = Path(directory)
    if not root.is_dir():
        msg = f"no Parquet dataset at {str(root)!r}: not a directory"
        raise FileNotFoundError(msg)
    issues: list[Issue] = []
    versions: set[str] = set()
    # (partition order, record_index, where the row is, row number, record data)
    found: list[tuple[tuple[object, ...], int, str, int, dict[str, object]]] = []
    files = _parts.find(root, [RECORD_TABLES[tag] for tag in registry.RECORD_TYPES], issues)
    for tag in registry.RECORD_TYPES:
        name = RECORD_TABLES[tag]
        for part in files[name]:
            place = _parts.where(name, part.partition)
            rows = _read_table(pa, pq, part, tag, versions=versions, issues=issues)
            order = () if part.partition is None else _parts.natural_key(part.partition)
            for row_number, row in enumerate(rows):
                index = row.get(_INDEX)
                if not isinstance(index, int):
                    message = f"'{_INDEX}' must be a whole number, got {index!r}"
                    issues.append(
                        Issue(
                            path=f"{place}[{row_number}].{_INDEX}",
                            code="parquet.index",
                            message=message,
                        )
                    )
                    continue
                found.append((order, index, place, row_number, _record_data(tag, row)))
    if len(versions) > 1:
        message = f"the tables were written with different schema versions: {sorted(versions)}"
        issues.append(Issue(path="$", code="parquet.mixed_versions", message=message))
    if issues:
        raise ParseError(issues)
    found.sort(key=lambda item: (item[0], item[1]))
    keys = [(order, index) for order, index, *_ in found]
    if len(set(keys)) != len(keys):
        message = f"two records of one part have the same '{_INDEX}'"
        raise ParseError([Issue(path="$", code="parquet.index", message=message)])
    document = {
        "type": "collection",
        "schema_version": versions.pop() if versions else SCHEMA_VERSION,
        "records": [data for *_, data in found],
    }
    try:
        return from_dict(document, Collection)
    except ParseError as exc:
        places = [(place, row) for _, _, place, row, _ in found]
        raise ParseError([_in_table(issue, places) for issue in exc.issues]) from None


def _read_table(
    pa: Any, pq: Any, part: _parts.Part, tag: str, *, versions: set[str], issues: list[Issue]
) -> list[dict[str, Any]]:
    """Return the rows of the value columns of one file of *tag*'s table, or ``[]`` and issues."""
    name = RECORD_TABLES[tag]
    path = part.path
    place = _parts.where(name, part.partition)
    shown = path.name if part.partition is None else f"{name}/{path.name}"
    try:
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException) as exc:
        issues.append(Issue(path=place, code="parquet.unreadable", message=f"{shown}: {exc}"))
        return []
    metadata = {k.decode(): v.decode() for k, v in (schema.metadata or {}).items()}
    version = metadata.get(METADATA_SCHEMA_VERSION)
    if version is None:
        message = f"{shown} has no {METADATA_SCHEMA_VERSION!r} in its metadata"
        issues.append(Issue(path=place, code="parquet.no_schema_version", message=message))
    else:
        versions.add(version)
    if part.partition is not None and metadata.get(METADATA_PARTITION) != part.partition:
        message = (
            f"{shown} says it is part {metadata.get(METADATA_PARTITION)!r} in its metadata, "
            f"not {part.partition!r}: was it renamed?"
        )
        issues.append(Issue(path=place, code="parquet.partition_mismatch", message=message))
    wanted = [_INDEX]
    wanted += [
        c for attr in _arrow.attrs_of(registry.record_class(tag)) for c in attr.value_columns()
    ]
    missing = [column for column in wanted if column not in schema.names]
    for column in missing:
        message = f"{shown} has no column {column!r}"
        issues.append(
            Issue(path=f"{place}.{column}", code="parquet.missing_column", message=message)
        )
    if missing:
        return []
    try:
        table = pq.read_table(path, columns=wanted)
        rows: list[dict[str, Any]] = _instants_as_integers(pa, table).to_pylist()
    except (OSError, pa.ArrowException) as exc:
        issues.append(Issue(path=place, code="parquet.unreadable", message=f"{shown}: {exc}"))
        return []
    return rows


def _instants_as_integers(pa: Any, table: Any) -> Any:
    """The table with its timestamp columns as microseconds since the epoch.

    An instant near the year 1 written with an offset east of UTC lies before
    the year 1 in UTC, which Python's datetime cannot hold; read as integers,
    it is rebuilt in its own offset (`_arrow`'s instants do this).
    """
    for index, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            table = table.set_column(index, field.name, table.column(index).cast(pa.int64()))
    return table


def _record_data(tag: str, row: dict[str, Any]) -> dict[str, object]:
    data: dict[str, object] = {"type": tag}
    for attr in _arrow.attrs_of(registry.record_class(tag)):
        data[attr.name] = attr.take(row)
    return data


def _in_table(issue: Issue, places: list[tuple[str, int]]) -> Issue:
    """Return *issue* with its ``$.records[i]`` path told as the table and row it came from."""

    def replace(match: re.Match[str]) -> str:
        place, row = places[int(match.group(1))]
        return f"{place}[{row}]"

    return attrs.evolve(issue, path=_RECORDS_PATH.sub(replace, issue.path, count=1))
