"""``diplo-events extract --merge`` and ``diplo-events merge``: many drafts, one dataset."""

import json
from pathlib import Path

import pytest
from cli_helpers import TEXTS, document_lines, invoke

import diplo_events as de
from diplo_events.cli import EXIT_DATA, EXIT_OK, EXIT_USAGE
from diplo_events.io import tables


@pytest.fixture(scope="module")
def clean_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's texts as a JSON Lines of documents, each dated: all of them draft."""
    path = tmp_path_factory.mktemp("clean") / "documents.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in document_lines()), "utf-8")
    return path


@pytest.fixture(scope="module")
def drafts(clean_documents: Path) -> list[de.Collection]:
    """Each document drafted on its own, as extract_many drafts it."""
    articles = [de.Article(**line) for line in document_lines()]
    results = list(de.extract_many(articles, progress=False))
    assert all(result.ok for result in results), clean_documents
    return [result.drafts for result in results if result.drafts is not None]


def _ids(collection: de.Collection) -> list[str]:
    return [record.id for record in collection.records]


def test_extract_merge_writes_one_merged_dataset(
    clean_documents: Path, drafts: list[de.Collection], tmp_path: Path
) -> None:
    out = tmp_path / "dataset.parquet"
    result = invoke("extract", clean_documents, "--merge", "--out", out, "--no-progress")
    assert result.exit_code == EXIT_OK, result.stderr
    merged = de.merge(drafts)
    assert f"merge: {str(merged.report).splitlines()[0]}" in result.stderr.splitlines()
    assert merged.report.merged  # the texts share people: there was something to merge
    dataset = tables.read_parquet(out)
    assert dataset == merged.collection
    assert len(set(_ids(dataset))) == len(dataset.records)
    assert [i for i in de.validate(dataset) if i.severity is de.Severity.ERROR] == []
    unmerged = sum(len(collection.records) for collection in drafts)
    assert len(dataset.records) < unmerged
    assert f"drafted {len(dataset.records):,} records from 12 of 12 documents" in result.stderr


def test_a_folder_of_articles_to_a_merged_parquet_in_one_command(tmp_path: Path) -> None:
    out = tmp_path / "dataset.parquet"
    result = invoke(
        "extract", TEXTS, "--published", "2021-03-04", "--merge", "--out", out, "--workers", "2"
    )
    assert result.exit_code == EXIT_OK, result.stderr
    dataset = tables.read_parquet(out)
    assert len(dataset.of_type(de.Source)) == 12
    assert len(set(_ids(dataset))) == len(dataset.records)


@pytest.fixture(scope="module")
def parts(drafts: list[de.Collection], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The drafts in three datasets, one of each format."""
    folder = tmp_path_factory.mktemp("parts")
    first = folder / "first.json"
    first.write_text(de.to_json(de.merge(drafts[:4]).collection), encoding="utf-8")
    second = folder / "second.jsonl"
    de.dump_jsonl(de.merge(drafts[4:8]).collection, second)
    third = folder / "third.parquet"
    tables.write_parquet(de.merge(drafts[8:]).collection, third)
    return [first, second, third]


def test_merge_joins_datasets_of_every_format(
    parts: list[Path], drafts: list[de.Collection], tmp_path: Path
) -> None:
    out = tmp_path / "all.jsonl"
    result = invoke("merge", *parts, "--out", out)
    assert result.exit_code == EXIT_OK, result.stderr
    merged = de.Collection(records=list(de.iter_jsonl(out)))
    assert merged == de.merge(drafts).collection
    assert result.stdout == ""
    assert result.stderr.startswith("merge: merged ")
    assert f"into {len(merged.records):,} records in {out} (jsonl)" in result.stderr


def test_merging_a_merged_dataset_again_changes_nothing(parts: list[Path], tmp_path: Path) -> None:
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    assert invoke("merge", *parts, "-o", once).exit_code == EXIT_OK
    result = invoke("merge", once, once, "-o", twice, "--format", "json")
    assert result.exit_code == EXIT_OK
    report = json.loads(result.stdout)
    assert report["merged"] == []
    assert report["records"] == report["records_in"] // 2
    assert de.from_json(twice.read_text("utf-8")) == de.from_json(once.read_text("utf-8"))


def test_the_report_as_tables_and_as_json(parts: list[Path], tmp_path: Path) -> None:
    table = invoke("merge", *parts, "-o", tmp_path / "a.jsonl", "--report")
    assert table.exit_code == EXIT_OK
    assert "merged ids" in table.stdout
    shown = invoke("merge", *parts, "-o", tmp_path / "b.jsonl", "--format", "json")
    report = json.loads(shown.stdout)
    assert set(report) == {
        "datasets",
        "out",
        "format",
        "records_in",
        "records",
        "merged",
        "conflicts",
        "kept_apart",
        "dropped",
    }
    assert report["datasets"] == [str(part) for part in parts]
    first = report["merged"][0]
    assert set(first) == {"type", "id", "merged", "reason"}
    assert first["id"] in table.stdout
    assert all(entry["id"] < min(entry["merged"]) for entry in report["merged"])


def test_merge_without_texts(parts: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "public.parquet"
    assert invoke("merge", *parts, "-o", out, "--no-text").exit_code == EXIT_OK
    sources = tables.read_parquet(out).of_type(de.Source)
    assert sources
    assert all(source.text is None for source in sources)


def test_a_dataset_that_does_not_load_writes_nothing(parts: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "person"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("merge", parts[0], bad, "-o", out)
    assert result.exit_code == EXIT_DATA
    assert f"{bad} is not a valid jsonl dataset" in result.stderr
    assert not out.exists()


def test_merge_usage_errors(parts: list[Path], tmp_path: Path) -> None:
    assert invoke("merge", "-o", tmp_path / "x.jsonl").exit_code == EXIT_USAGE
    assert invoke("merge", parts[0], "-o", tmp_path / "x.csv").exit_code == EXIT_USAGE
    assert not list(tmp_path.iterdir())
