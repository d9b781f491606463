"""Parquet datasets written in parts: they load as one collection, in a documented order."""

import itertools
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplo_events as de
from diplo_events import strategies as ds
from diplo_events.io import _parts, tables

_SETTINGS: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


def _persons(*names: str) -> de.Collection:
    return de.Collection(records=[de.Person(name=name) for name in names])


def _write_parts(directory: Path, parts: dict[str | int, de.Collection]) -> None:
    for name, part in parts.items():
        tables.write_parquet(part, directory, partition=name)


def _issues(directory: Path) -> list[tuple[str, str]]:
    with pytest.raises(de.ParseError) as info:
        tables.read_parquet(directory)
    return [(issue.path, issue.code) for issue in info.value.issues]


class TestLoad:
    @settings(max_examples=10, **_SETTINGS)
    @given(collection=ds.collections(max_size=6), cuts=st.lists(st.integers(0, 6), max_size=3))
    def test_parts_in_order_load_as_the_whole(
        self, tmp_path_factory: pytest.TempPathFactory, collection: de.Collection, cuts: list[int]
    ) -> None:
        """A collection cut anywhere, its pieces written as parts 0, 1, ..., reads back whole."""
        directory = tmp_path_factory.mktemp("parts")
        records = collection.records
        bounds = [0, *sorted(min(cut, len(records)) for cut in cuts), len(records)]
        pieces = [records[a:b] for a, b in itertools.pairwise(bounds)]
        for number, piece in enumerate(pieces):
            tables.write_parquet(de.Collection(records=piece), directory, partition=number)
        back = tables.read_parquet(directory)
        assert back == collection
        assert de.to_json(back) == de.to_json(collection)

    def test_natural_order_of_names(self, tmp_path: Path) -> None:
        """Parts load by name, digits as numbers (p2 before p10), whatever was written first."""
        _write_parts(tmp_path, {"p10": _persons("C"), "p2": _persons("B"), "a": _persons("A")})
        back = tables.read_parquet(tmp_path)
        assert [person.name for person in back.of_type(de.Person)] == ["A", "B", "C"]

    def test_layout_and_columns(self, tmp_path: Path) -> None:
        written = tables.write_parquet(_persons("A", "B"), tmp_path, partition=7)
        assert written["persons"] == tmp_path / "persons" / "part-00007.parquet"
        assert set(written) == set(tables.to_arrow(de.Collection()))
        table = pq.read_table(written["persons"])
        assert table.column_names[:2] == ["partition", "record_index"]
        assert table.column("partition").to_pylist() == ["00007", "00007"]
        assert table.schema.metadata[tables.METADATA_PARTITION.encode()] == b"00007"
        assert pq.read_table(written["aliases"]).column_names[0] == "partition"
        assert [p.name for p in tmp_path.rglob("*") if p.name.startswith(".")] == []

    def test_writing_a_part_again_replaces_it(self, tmp_path: Path) -> None:
        """A retried task writes its part again: the part is replaced, nothing added."""
        _write_parts(tmp_path, {0: _persons("A"), 1: _persons("B")})
        tables.write_parquet(_persons("B2"), tmp_path, partition=1)
        back = tables.read_parquet(tmp_path)
        assert [person.name for person in back.of_type(de.Person)] == ["A", "B2"]

    def test_hidden_and_marker_files_are_ignored(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        (tmp_path / "persons" / ".part-00001.1234.tmp").write_bytes(b"half a part")
        (tmp_path / "persons" / "_SUCCESS").write_bytes(b"")
        assert len(tables.read_parquet(tmp_path)) == 1

    def test_same_record_in_two_parts_is_kept_for_merge(self, tmp_path: Path) -> None:
        """One person in two parts loads twice, as Collection loads duplicates; merge joins them."""
        lopes = de.Person(name="Ana Lopes")
        _write_parts(
            tmp_path, {0: de.Collection(records=[lopes]), 1: de.Collection(records=[lopes])}
        )
        back = tables.read_parquet(tmp_path)
        assert len(back) == 2
        assert [i.code for i in de.validate(back)] == ["id.duplicate"]
        assert de.merge([back]).collection == de.Collection(records=[lopes])


class TestBadLayouts:
    def test_bad_partition_names(self, tmp_path: Path) -> None:
        for bad in ["", ".hidden", "_marker", "a/b", "a..b", -1, 1.5, True, "x" * 129]:
            with pytest.raises(de.FieldTypeError) as info:
                tables.write_parquet(de.Collection(), tmp_path, partition=bad)  # type: ignore[arg-type]
            assert info.value.code == "parquet.partition_name"
        assert list(tmp_path.iterdir()) == []

    def test_writing_the_other_layout_is_refused(self, tmp_path: Path) -> None:
        single, parted = tmp_path / "single", tmp_path / "parted"
        tables.write_parquet(de.Collection(), single)
        tables.write_parquet(de.Collection(), parted, partition=0)
        with pytest.raises(FileExistsError, match="single-file dataset already"):
            tables.write_parquet(de.Collection(), single, partition=0)
        with pytest.raises(FileExistsError, match="partitioned dataset already"):
            tables.write_parquet(de.Collection(), parted)

    def test_a_table_in_both_layouts(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        shutil.copy(tmp_path / "persons" / "part-00000.parquet", tmp_path / "persons.parquet")
        assert _issues(tmp_path) == [("$.persons", "parquet.mixed_layout")]

    def test_tables_in_different_layouts(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        shutil.rmtree(tmp_path / "meetings")
        single = tmp_path / "single"
        tables.write_parquet(de.Collection(), single)
        shutil.copy(single / "meetings.parquet", tmp_path / "meetings.parquet")
        assert _issues(tmp_path) == [("$", "parquet.mixed_layout")]

    def test_missing_part_and_missing_table(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A"), 1: _persons("B")})
        (tmp_path / "statements" / "part-00001.parquet").unlink()
        shutil.rmtree(tmp_path / "sources")
        assert _issues(tmp_path) == [
            ("$.statements['00001']", "parquet.missing_part"),
            ("$.sources", "parquet.missing_table"),
        ]

    def test_unexpected_file(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        (tmp_path / "persons" / "notes.txt").write_text("mine", encoding="utf-8")
        (tmp_path / "persons" / "part-x").mkdir()
        assert _issues(tmp_path) == [
            ("$.persons", "parquet.unexpected_file"),
            ("$.persons", "parquet.unexpected_file"),
        ]

    def test_renamed_part(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        for folder in tmp_path.iterdir():
            (folder / "part-00000.parquet").rename(folder / "part-00003.parquet")
        issues = _issues(tmp_path)
        assert ("$.persons['00003']", "parquet.partition_mismatch") in issues
        assert {code for _, code in issues} == {"parquet.partition_mismatch"}

    def test_unreadable_part(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A")})
        (tmp_path / "persons" / "part-00000.parquet").write_bytes(b"not parquet")
        assert _issues(tmp_path) == [("$.persons['00000']", "parquet.unreadable")]

    def test_bad_row_has_its_part_and_row(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A"), 1: _persons("B", "C")})
        path = tmp_path / "persons" / "part-00001.parquet"
        table = pq.read_table(path)
        names = table.column("name").to_pylist()
        names[1] = ""
        index = table.column_names.index("name")
        table = table.set_column(index, table.schema.field("name"), [names])
        pq.write_table(table, path)
        issues = _issues(tmp_path)
        assert issues[0][0] == "$.persons['00001'][1].name"

    def test_same_index_twice_in_a_part(self, tmp_path: Path) -> None:
        _write_parts(tmp_path, {0: _persons("A", "B")})
        path = tmp_path / "persons" / "part-00000.parquet"
        table = pq.read_table(path)
        index = table.column_names.index("record_index")
        table = table.set_column(index, table.schema.field("record_index"), [[0, 0]])
        pq.write_table(table, path)
        assert _issues(tmp_path) == [("$", "parquet.index")]


def test_natural_key() -> None:
    names = ["p10", "p2", "p1", "a", "00003", "3", "b1c"]
    assert sorted(names, key=_parts.natural_key) == ["00003", "3", "a", "b1c", "p1", "p2", "p10"]
