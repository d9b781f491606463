"""Tables and Parquet: every field round-trips, query engines read the files as they are."""

import datetime as dt
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings

import diplo_events as de
from diplo_events import strategies as ds
from diplo_events.io import _arrow, tables
from diplo_events.model import registry

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "moscow_talks_2020.py"
# No example database: these tests write nothing into the working tree.
_SETTINGS: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@pytest.fixture(scope="module")
def moscow() -> de.Collection:
    """The Moscow talks dataset the example builds."""
    sys.path.insert(0, str(EXAMPLE.parent))
    try:
        module = importlib.import_module("moscow_talks_2020")
    finally:
        sys.path.remove(str(EXAMPLE.parent))
    collection: de.Collection = module.build_collection()
    return collection


@pytest.fixture(scope="module")
def moscow_dir(moscow: de.Collection, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Moscow talks written as a Parquet dataset."""
    directory = tmp_path_factory.mktemp("moscow-parquet")
    tables.write_parquet(moscow, directory)
    return directory


def _parquet(directory: Path, table: str) -> str:
    return str(directory / f"{table}.parquet")


def _duckdb(directory: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view of every table of the dataset in *directory*."""
    con = duckdb.connect()
    for path in sorted(directory.glob("*.parquet")):
        con.read_parquet(str(path)).create_view(path.stem)
    return con


# --- round trips ---------------------------------------------------------------------------


class TestRoundTrip:
    @settings(max_examples=25, **_SETTINGS)
    @given(collection=ds.collections(max_size=6))
    def test_any_collection(self, tmp_path: Path, collection: de.Collection) -> None:
        """write_parquet then read_parquet gives back an equal collection, byte for byte in JSON."""
        tables.write_parquet(collection, tmp_path)
        back = tables.read_parquet(tmp_path)
        assert back == collection
        assert de.to_json(back) == de.to_json(collection)

    @settings(max_examples=10, **_SETTINGS)
    @given(collection=ds.consistent_collections())
    def test_consistent_collections(self, tmp_path: Path, collection: de.Collection) -> None:
        """A valid dataset stays valid and equal, and every record is a row of its table."""
        tables.write_parquet(collection, tmp_path)
        back = tables.read_parquet(tmp_path)
        assert back == collection
        assert de.validate(back) == []

    @settings(max_examples=15, **_SETTINGS)
    @given(collection=ds.collections(max_size=6))
    def test_to_arrow_rows(self, collection: de.Collection) -> None:
        """to_arrow has one row per record in its type's table, and one per list item."""
        arrow = tables.to_arrow(collection)
        for tag, name in tables.RECORD_TABLES.items():
            ids = arrow[name].column("id").to_pylist()
            assert ids == [r.id for r in collection if r.type == tag]
        codes = sum(len(getattr(r, "codes", ())) for r in collection)
        assert arrow["codes"].num_rows == codes
        citations = sum(1 for r in collection for _ in de.model.graph.citations(r))
        assert arrow["citations"].num_rows == citations

    def test_moscow(self, moscow: de.Collection, moscow_dir: Path) -> None:
        back = tables.read_parquet(moscow_dir)
        assert back == moscow
        assert de.to_json(back) == de.to_json(moscow)

    def test_every_field_has_its_columns(self) -> None:
        """Every field of every record type (but the type tag) is written and read back."""
        arrow = tables.to_arrow(de.Collection())
        for tag, name in tables.RECORD_TABLES.items():
            cls = registry.record_class(tag)
            columns = set(arrow[name].schema.names)
            for field in attrs.fields(cls):
                if field.name != "type":
                    assert field.name in columns, (tag, field.name)
            read = {a.name for a in _arrow.attrs_of(cls)}
            assert read == {f.name for f in attrs.fields(cls)} - {"type"}

    def test_instant_keeps_its_offset(self, tmp_path: Path) -> None:
        """An instant comes back with the offset it was given, not only as the same moment."""
        moscow_time = dt.timezone(dt.timedelta(hours=3))
        person = de.Person(
            name="Lavrov", created=dt.datetime(2020, 12, 7, 12, 30, 1, 5, moscow_time)
        )
        tables.write_parquet(de.Collection(records=[person]), tmp_path)
        back = tables.read_parquet(tmp_path)[person.id]
        assert isinstance(back, de.Person)
        assert back.created is not None
        assert back.created.utcoffset() == dt.timedelta(hours=3)
        assert de.to_json(back) == de.to_json(person)
        table = pq.read_table(tmp_path / "persons.parquet")
        assert table.schema.field("created").type == pa.timestamp("us", tz="UTC")
        assert table.column("created_offset").to_pylist() == [180]


# --- what the files hold ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        # before the year 1 in UTC, which Python's datetime cannot hold
        dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(minutes=1))),
        # after the year 9999 in UTC
        dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(2020, 12, 7, 10, 0, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    ],
)
def test_instants_at_the_edges_read_back(moment: dt.datetime, tmp_path: Path) -> None:
    """An instant whose UTC moment lies outside Python's years reads back as written."""
    collection = de.Collection(records=[de.Person(name="Ana Lopes", modified=moment)])
    tables.write_parquet(collection, tmp_path / "edge")
    assert tables.read_parquet(tmp_path / "edge") == collection


class TestFiles:
    def test_types_engines_read(self, moscow_dir: Path) -> None:
        """No unsigned integers, no nanosecond timestamps, no dictionary or large types."""

        def check(type_: Any) -> None:
            assert not pa.types.is_unsigned_integer(type_)
            assert not pa.types.is_large_string(type_)
            assert not pa.types.is_dictionary(type_)
            if pa.types.is_timestamp(type_):
                assert (type_.unit, type_.tz) == ("us", "UTC")
            if pa.types.is_list(type_):
                check(type_.value_type)
            if pa.types.is_struct(type_):
                for index in range(type_.num_fields):
                    check(type_.field(index).type)

        for path in moscow_dir.glob("*.parquet"):
            for field in pq.read_schema(path):
                check(field.type)

    def test_metadata(self, moscow_dir: Path) -> None:
        metadata = pq.read_schema(moscow_dir / "meetings.parquet").metadata
        assert metadata[b"diplo_events.schema_version"] == de.SCHEMA_VERSION.encode()
        assert metadata[b"diplo_events.table"] == b"meetings"
        assert metadata[b"diplo_events.source_text"] == b"included"

    def test_every_table_is_written(self, tmp_path: Path) -> None:
        """Empty tables are written too, so that a query never misses a file."""
        written = tables.write_parquet(de.Collection(), tmp_path)
        assert {p.name for p in tmp_path.iterdir()} == {f"{n}.parquet" for n in written}
        assert {"meetings", "participants", "citations", "spans", "addressees"} <= set(written)
        assert tables.read_parquet(tmp_path) == de.Collection()

    def test_dates(self, moscow: de.Collection) -> None:
        """An uncertain date is its EDTF text, its bounds and its precision."""
        arrow = tables.to_arrow(moscow)
        talks = next(row for row in arrow["meetings"].to_pylist() if row["kind"] == "talks")
        assert talks["date"] == "2020-12-07"  # enums are their string values, dates EDTF
        assert talks["date_earliest"] == talks["date_latest"] == dt.date(2020, 12, 7)
        assert talks["date_precision"] == "day"
        assert talks["date_derivation"]["rule"] == moscow[talks["id"]].date.derivation.rule
        planned = [row for row in arrow["references"].to_pylist() if row["date"] == "2020-12-07/.."]
        assert planned
        assert all(r["date_earliest"] == dt.date(2020, 12, 7) for r in planned)
        assert all(r["date_latest"] is None for r in planned)

    def test_month(self) -> None:
        meeting = de.Meeting(kind="visit", date=de.UncertainDate.month(2021, 2, uncertain=True))
        row = tables.to_arrow(de.Collection(records=[meeting]))["meetings"].to_pylist()[0]
        assert (row["date"], row["date_precision"]) == ("2021-02?", "month")
        assert (row["date_earliest"], row["date_latest"]) == (
            dt.date(2021, 2, 1),
            dt.date(2021, 2, 28),
        )


# --- leaving the source text out ---------------------------------------------------------------


class TestWithoutText:
    def test_parquet(self, moscow: de.Collection, tmp_path: Path) -> None:
        """No file holds a source's text; spans and quotes stay; the dataset still loads."""
        tables.write_parquet(moscow, tmp_path, include_text=False)
        texts = [s.text for s in moscow.of_type(de.Source) if s.text is not None]
        assert texts
        longest = max(texts, key=len)
        for path in tmp_path.glob("*.parquet"):
            assert longest[:200].encode() not in path.read_bytes()
            metadata = pq.read_schema(path).metadata
            assert metadata[b"diplo_events.source_text"] == b"omitted"
        query = "select count(*) from sources where text is not null"
        assert _duckdb(tmp_path).sql(query).fetchall() == [(0,)]
        back = tables.read_parquet(tmp_path)
        assert all(s.text is None for s in back.of_type(de.Source))
        assert back == de.Collection(
            records=[attrs.evolve(r, text=None) if isinstance(r, de.Source) else r for r in moscow]
        )
        spans = pl.read_parquet(_parquet(tmp_path, "spans"))
        assert spans.height == sum(
            len(c.spans) for r in moscow for c, _ in de.model.graph.citations(r)
        )

    def test_validate_after(self, moscow: de.Collection, tmp_path: Path) -> None:
        """Without text, validate() still finds no error; quotes are checked against citations."""
        tables.write_parquet(moscow, tmp_path, include_text=False)
        issues = de.validate(tables.read_parquet(tmp_path))
        assert [i for i in issues if i.severity is de.Severity.ERROR] == []

    def test_jsonl(self, moscow: de.Collection, tmp_path: Path) -> None:
        path = tmp_path / "moscow.jsonl"
        assert de.dump_jsonl(moscow, path, include_text=False) == len(moscow)
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [line["text"] for line in lines if line["type"] == "source"] == [None] * len(
            moscow.of_type(de.Source)
        )
        without = [attrs.evolve(r, text=None) if isinstance(r, de.Source) else r for r in moscow]
        assert list(de.iter_jsonl(path)) == without
        de.dump_jsonl(moscow, path)
        assert list(de.iter_jsonl(path)) == list(moscow)


# --- queries by other engines ---------------------------------------------------------------


class TestQueries:
    def test_duckdb_statements_by_speaker(self, moscow: de.Collection, moscow_dir: Path) -> None:
        """Statements joined to their speakers by id agree with the name column beside them."""
        rows = (
            _duckdb(moscow_dir)
            .sql(
                """
            select p.name, count(*) as n, bool_and(s.speaker_name = p.name) as agree
            from statements s join persons p on s.speaker = p.id
            where s.mode = 'direct_quote'
            group by p.name order by n desc, p.name
            """
            )
            .fetchall()
        )
        expected: dict[str, int] = {}
        for statement in moscow.of_type(de.Statement):
            speaker = moscow.get(statement.speaker)
            if statement.mode is de.StatementMode.DIRECT_QUOTE and isinstance(speaker, de.Person):
                expected[speaker.name] = expected.get(speaker.name, 0) + 1
        assert {name: n for name, n, _ in rows} == expected
        assert all(agree for *_, agree in rows)
        assert rows == [("Ara Ayvazyan", 4, True), ("Sergey Lavrov", 3, True)]

    def test_duckdb_meetings_by_date_bounds(self, moscow_dir: Path) -> None:
        """Meetings that may have happened in December 2020, by their date bounds."""
        rows = (
            _duckdb(moscow_dir)
            .sql(
                """
            select date, kind from meetings
            where date_earliest <= date '2020-12-31' and date_latest >= date '2020-12-01'
            order by date_earliest, kind
            """
            )
            .fetchall()
        )
        assert ("2020-12-07", "talks") in rows
        assert ("2020-12-07", "press_conference") in rows
        assert all(edtf.startswith("2020-12") for edtf, _ in rows)

    def test_duckdb_metadata(self, moscow_dir: Path) -> None:
        query = (
            "select decode(value) from parquet_kv_metadata(?) "
            "where decode(key) = 'diplo_events.schema_version'"
        )
        rows = duckdb.execute(query, [_parquet(moscow_dir, "persons")]).fetchall()
        assert rows == [(de.SCHEMA_VERSION,)]

    def test_polars_participants(self, moscow: de.Collection, moscow_dir: Path) -> None:
        """Who took part in the talks, read by Polars from the long table."""
        talks = next(m for m in moscow.of_type(de.Meeting) if m.kind is de.MeetingKind.TALKS)
        frame = (
            pl.read_parquet(_parquet(moscow_dir, "participants"))
            .filter(pl.col("record_id") == talks.id)
            .sort("index")
        )
        assert frame["actor_name"].to_list() == [
            getattr(moscow[p.actor], "name", None) for p in talks.participants
        ]
        assert frame["event_earliest"].to_list() == [dt.date(2020, 12, 7)] * len(talks.participants)
        assert "Sergey Lavrov" in frame["actor_name"].to_list()

    def test_polars_nested_citations(self, moscow_dir: Path) -> None:
        """list<struct> columns read as Polars lists of structs."""
        frame = pl.read_parquet(_parquet(moscow_dir, "statements"))
        spans = frame.select(pl.col("citations").list.len().sum()).item()
        assert spans > 0
        assert frame.schema["created"] == pl.Datetime("us", "UTC")


# --- pandas, errors and the optional extra -----------------------------------------------------


class TestPandas:
    def test_frames(self, moscow: de.Collection) -> None:
        frames = tables.to_pandas(moscow)
        meetings = frames["meetings"]
        assert len(meetings) == len(moscow.of_type(de.Meeting))
        assert str(meetings["date_earliest"].dtype).startswith("datetime64")
        assert set(frames) == set(tables.to_arrow(moscow))

    def test_pandas_reads_the_files(self, moscow_dir: Path) -> None:
        import pandas as pd  # noqa: PLC0415 - pandas is only needed here

        frame = pd.read_parquet(_parquet(moscow_dir, "addressees"))
        assert {"record_id", "record_type", "index", "value", "name"} <= set(frame.columns)


class TestErrors:
    def test_not_a_collection(self) -> None:
        with pytest.raises(de.FieldTypeError, match="expected a Collection"):
            tables.to_arrow([])  # type: ignore[arg-type]

    def test_no_directory(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError, match="not a directory"):
            tables.read_parquet(tmp_path / "nothing")

    def test_missing_table(self, moscow_dir: Path, tmp_path: Path) -> None:
        for path in moscow_dir.iterdir():
            if path.name != "persons.parquet":
                (tmp_path / path.name).write_bytes(path.read_bytes())
        with pytest.raises(de.ParseError) as info:
            tables.read_parquet(tmp_path)
        assert [(i.path, i.code) for i in info.value.issues] == [
            ("$.persons", "parquet.missing_table")
        ]

    def test_bad_row_has_its_table_and_row(self, moscow: de.Collection, tmp_path: Path) -> None:
        """A row that is not a valid record is reported at its table, row and field."""
        tables.write_parquet(moscow, tmp_path)
        path = tmp_path / "statements.parquet"
        table = pq.read_table(path)
        modes = table.column("mode").to_pylist()
        modes[2] = "shouted"
        index = table.schema.get_field_index("mode")
        pq.write_table(table.set_column(index, "mode", pa.array(modes)), path)
        with pytest.raises(de.ParseError) as info:
            tables.read_parquet(tmp_path)
        assert [i.path for i in info.value.issues] == ["$.statements[2].mode"]

    def test_missing_column_and_version(self, moscow: de.Collection, tmp_path: Path) -> None:
        tables.write_parquet(moscow, tmp_path)
        path = tmp_path / "sources.parquet"
        table = pq.read_table(path).drop_columns(["title"]).replace_schema_metadata({})
        pq.write_table(table, path)
        with pytest.raises(de.ParseError) as info:
            tables.read_parquet(tmp_path)
        assert [(i.path, i.code) for i in info.value.issues] == [
            ("$.sources", "parquet.no_schema_version"),
            ("$.sources.title", "parquet.missing_column"),
        ]

    def test_unreadable_file(self, moscow_dir: Path, tmp_path: Path) -> None:
        for path in moscow_dir.iterdir():
            (tmp_path / path.name).write_bytes(path.read_bytes())
        (tmp_path / "demands.parquet").write_bytes(b"not parquet")
        with pytest.raises(de.ParseError) as info:
            tables.read_parquet(tmp_path)
        assert [(i.path, i.code) for i in info.value.issues] == [
            ("$.demands", "parquet.unreadable")
        ]

    def test_unknown_version(self, tmp_path: Path) -> None:
        tables.write_parquet(de.Collection(records=[de.Person(name="A")]), tmp_path)
        for path in tmp_path.iterdir():
            table = pq.read_table(path)
            metadata = {**table.schema.metadata, b"diplo_events.schema_version": b"9.9"}
            pq.write_table(table.replace_schema_metadata(metadata), path)
        with pytest.raises(de.ParseError) as info:
            tables.read_parquet(tmp_path)
        assert [i.code for i in info.value.issues] == ["schema.unsupported_version"]


class TestOptionalExtra:
    def test_needs_pyarrow(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pyarrow, the functions say which extra to install."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        message = "diplo_events.io.tables needs pyarrow: pip install 'diplo_events[tables]'"
        for call in (
            lambda: tables.to_arrow(de.Collection()),
            lambda: tables.write_parquet(de.Collection(), "x"),
            lambda: tables.read_parquet("x"),
        ):
            with pytest.raises(ImportError, match=message.replace("[", r"\[").replace("]", r"\]")):
                call()

    def test_needs_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r"pip install 'diplo_events\[pandas\]'"):
            tables.to_pandas(de.Collection())
