"""Where the files of a Parquet dataset are: one file per table, or a folder of parts per table.

`diplo_events.io.tables` writes a dataset in one of two layouts:

- **single**: ``<table>.parquet`` for every table;
- **partitioned**: ``<table>/part-<name>.parquet`` for every table and every
  partition, each partition written on its own (by a worker, say) with
  ``write_parquet(..., partition=name)``.

`find` says which layout a directory holds and lists the files of each
record table, in the order the records load: the partitions in the natural
order of their names (digits compared as numbers, so ``2`` comes before
``10``; ties by the name itself). A table in both layouts, tables in
different layouts, a file in a table's folder that is not a part, and a
partition some tables lack are issues, never a guess.
"""

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from attrs import frozen

from diplo_events.exceptions import FieldTypeError, Issue

__all__ = ["PART_NAME", "Part", "find", "natural_key", "part_name", "where"]

#: What a partition may be called: letters, digits, ``_``, ``.`` and ``-``, not starting a name
#: with a dot (hidden) or an underscore (the marker files of other tools).
PART_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
_PART_FILE: Final = re.compile(rf"part-({PART_NAME.pattern})\.parquet")
#: How many digits a partition given as a number is written with, so that names sort as numbers.
_DIGITS: Final = 5


@frozen
class Part:
    """One file of one record table: its partition (``None`` in a single-file dataset)."""

    path: Path
    partition: str | None


def part_name(partition: object) -> str:
    """Return the name of a partition given as a name or a number (``3`` is ``"00003"``).

    Raises:
        FieldTypeError: *partition* is neither a non-negative integer nor a name
            `PART_NAME` matches.
    """
    if type(partition) is int and partition >= 0:
        return f"{partition:0{_DIGITS}d}"
    if isinstance(partition, str) and PART_NAME.fullmatch(partition) and ".." not in partition:
        return partition
    msg = (
        "'partition' must be a non-negative integer or a name of letters, digits, '_', '.' "
        f"and '-' (not starting with '.' or '_'), got {partition!r}"
    )
    raise FieldTypeError("partition", "parquet.partition_name", msg)


def natural_key(name: str) -> tuple[tuple[tuple[int, int | str], ...], str]:
    """Order partition names naturally: runs of digits as numbers, then by the name itself."""
    runs = re.split(r"(\d+)", name)
    key = tuple((1, int(run)) if i % 2 else (0, run) for i, run in enumerate(runs))
    return key, name


def where(table: str, partition: str | None) -> str:
    """The path an issue about a table (and its partition) gives: ``$.statements['00003']``."""
    return f"$.{table}" if partition is None else f"$.{table}['{partition}']"


def _parts_in(folder: Path, table: str, issues: list[Issue]) -> dict[str, Path]:
    parts: dict[str, Path] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")):
            continue  # hidden files, files being written, other tools' markers
        match = _PART_FILE.fullmatch(entry.name)
        if match is None or not entry.is_file():
            message = f"{table}/{entry.name} is not a part: expected 'part-<name>.parquet'"
            issues.append(Issue(path=f"$.{table}", code="parquet.unexpected_file", message=message))
            continue
        parts[match.group(1)] = entry
    return parts


def _missing(name: str, what: str) -> Issue:
    return Issue(path=f"$.{name}", code="parquet.missing_table", message=f"no {what}")


def _single(root: Path, names: list[str], issues: list[Issue]) -> dict[str, list[Part]]:
    found: dict[str, list[Part]] = {}
    for name in names:
        path = root / f"{name}.parquet"
        if not path.is_file():
            issues.append(_missing(name, f"file '{name}.parquet'"))
        found[name] = [Part(path, None)] if path.is_file() else []
    return found


def _partitioned(root: Path, names: list[str], issues: list[Issue]) -> dict[str, list[Part]]:
    by_table = {name: _parts_in(root / name, name, issues) for name in names}
    every = sorted({p for parts in by_table.values() for p in parts}, key=natural_key)
    found: dict[str, list[Part]] = {}
    for name, parts in by_table.items():
        for partition in every:
            if partition not in parts:
                message = f"no file '{name}/part-{partition}.parquet': the other tables have it"
                place = where(name, partition)
                issues.append(Issue(path=place, code="parquet.missing_part", message=message))
        found[name] = [Part(parts[p], p) for p in every if p in parts]
    return found


def find(root: Path, tables: Iterable[str], issues: list[Issue]) -> dict[str, list[Part]]:
    """Return the files of each table in *root*, in load order, adding what is wrong to *issues*.

    A table whose files are missing gets an issue here and no files, so that
    every problem of the dataset is reported at once.
    """
    names = list(tables)
    single = [name for name in names if (root / f"{name}.parquet").is_file()]
    parted = [name for name in names if (root / name).is_dir()]
    if not parted:
        return _single(root, names, issues)
    for name in (name for name in single if name in parted):
        message = f"both {name}.parquet and a folder {name}/: one layout per dataset"
        issues.append(Issue(path=f"$.{name}", code="parquet.mixed_layout", message=message))
    if set(single) - set(parted):
        message = (
            f"some tables are single files ({', '.join(single)}) and some are "
            f"folders of parts ({', '.join(parted)}): one layout per dataset"
        )
        issues.append(Issue(path="$", code="parquet.mixed_layout", message=message))
    found = _partitioned(root, parted, issues)
    issues.extend(
        _missing(name, f"folder '{name}/' of parts")
        for name in names
        if name not in parted and name not in single
    )
    return {name: found.get(name, []) for name in names}
