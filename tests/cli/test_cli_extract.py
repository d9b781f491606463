"""``diplo-events extract``: articles in, a dataset out, every failed document reported."""

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_helpers import TEXTS, document_lines, invoke, write_documents
from click.testing import Result

import diplo_events as de
from diplo_events.cli import EXIT_DATA, EXIT_OK, EXIT_USAGE
from diplo_events.cli._documents import Pending, date_in_name, read_inputs
from diplo_events.io import tables

MOSCOW_TEXT = TEXTS / "moscow-talks-2020-12-08.txt"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines of documents: the project's texts, then three bad lines."""
    return write_documents(tmp_path_factory.mktemp("documents"))


@pytest.fixture(scope="module")
def from_documents(
    documents: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Result, Path]:
    """The JSON Lines of documents extracted once into Parquet."""
    out = tmp_path_factory.mktemp("extract") / "drafts.parquet"
    return invoke("extract", documents, "--out", out, "--no-progress"), out


def test_a_folder_without_dates_drafts_what_it_can_and_names_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "drafts.jsonl"
    result = invoke("extract", TEXTS, "-o", out)
    assert result.exit_code == EXIT_DATA
    failed = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    # Only the Moscow article dates itself (its "date 2020-12-08" line).
    assert len(failed) == 11
    assert all(line.endswith("[extract.no_date]") for line in failed)
    assert f"error: {TEXTS / 'riga-summit-2021-03-14.txt'}: $: " in result.stderr
    assert "from 1 of 12 documents" in result.stderr
    assert "11 failed" in result.stderr
    drafts = de.Collection(records=list(de.iter_jsonl(out)))
    assert drafts == de.extract(MOSCOW_TEXT.read_text(encoding="utf-8"))
    assert result.stdout == ""


def test_published_dates_the_plain_files(tmp_path: Path) -> None:
    out = tmp_path / "riga.json"
    riga = TEXTS / "riga-summit-2021-03-14.txt"
    result = invoke("extract", riga, "--published", "2021-03-14", "--out", out)
    assert result.exit_code == EXIT_OK, result.stderr
    loaded = de.from_json(out.read_text(encoding="utf-8"))
    expected = de.extract(riga.read_text(encoding="utf-8"), published=dt.date(2021, 3, 14))
    assert loaded == expected
    assert de.validate(loaded) == []


def test_documents_with_their_own_dates_go_to_parquet(from_documents: tuple[Result, Path]) -> None:
    result, out = from_documents
    assert result.exit_code == EXIT_DATA
    drafts = tables.read_parquet(out)
    sources = drafts.of_type(de.Source)
    assert len(sources) == 12
    assert {source.url for source in sources} == {
        f"https://example.org/{line['id']}" for line in document_lines()
    }
    assert all(source.text for source in sources)
    first = next(s for s in sources if s.url == "https://example.org/" + document_lines()[0]["id"])
    assert first.publisher is not None
    outlet = drafts[first.publisher]
    assert isinstance(outlet, de.Organization)
    assert (outlet.name, outlet.kind) == ("Meridian News", de.OrganizationKind.OUTLET)
    assert [issue for issue in de.validate(drafts) if issue.severity is de.Severity.ERROR] == []
    assert "from 12 of 15 documents" in result.stderr


def test_each_bad_document_is_reported_with_its_key_and_path(
    from_documents: tuple[Result, Path], documents: Path
) -> None:
    result, _ = from_documents
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors[0].startswith("error: bad-date: $.published: ")
    assert errors[0].endswith("[date.invalid]")
    assert errors[1].startswith(f"error: {documents}:14: $: not JSON")
    assert errors[1].endswith("[json.syntax]")
    assert "error: 7: $.txt: unknown field 'txt' [field.unknown]" in errors
    assert "error: 7: $.text: 'text' is required [field.missing]" in errors
    assert len(errors) == 4


def test_no_text_leaves_out_the_articles_but_keeps_the_quotes(tmp_path: Path) -> None:
    out = tmp_path / "public.jsonl"
    result = invoke("extract", MOSCOW_TEXT, "--out", out, "--no-text")
    assert result.exit_code == EXIT_OK
    drafts = de.Collection(records=list(de.iter_jsonl(out)))
    assert [source.text for source in drafts.of_type(de.Source)] == [None]
    quotes = [c.quote for s in drafts.of_type(de.Statement) for c in s.citations if c.quote]
    assert quotes
    expected = tmp_path / "expected.jsonl"
    de.dump_jsonl(de.extract(MOSCOW_TEXT.read_text(encoding="utf-8")), expected, include_text=False)
    assert out.read_bytes() == expected.read_bytes()


def test_the_same_text_twice_is_drafted_once(tmp_path: Path) -> None:
    out = tmp_path / "twice.jsonl"
    copy = tmp_path / "copy.txt"
    copy.write_text(MOSCOW_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("extract", MOSCOW_TEXT, copy, "--out", out)
    assert result.exit_code == EXIT_OK
    drafts = de.Collection(records=list(de.iter_jsonl(out)))
    assert len(drafts) == len(de.extract(copy.read_text(encoding="utf-8")))
    assert de.validate(drafts) == []


def test_workers_give_the_same_dataset(tmp_path: Path) -> None:
    lines = document_lines()[:5]
    source = tmp_path / "five.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert invoke("extract", source, "-o", one).exit_code == EXIT_OK
    assert invoke("extract", source, "-o", two, "--workers", "2").exit_code == EXIT_OK
    assert one.read_bytes() == two.read_bytes()


def test_documents_become_articles_with_their_own_ids_never_paths(documents: Path) -> None:
    items = read_inputs([MOSCOW_TEXT, documents], dt.date(2020, 12, 8))
    pending = [item for item in items if isinstance(item, Pending)]
    assert pending[0].key == str(MOSCOW_TEXT)
    assert pending[0].article.id is None
    assert pending[0].article.published == dt.date(2020, 12, 8)
    first = document_lines()[0]
    assert (pending[1].key, pending[1].article.id) == (first["id"], first["id"])
    assert pending[1].article.publisher == "Meridian News"
    assert pending[1].article.published == dt.date.fromisoformat(first["published"])


def test_a_document_id_is_kept_on_its_source(from_documents: tuple[Result, Path]) -> None:
    _, out = from_documents
    sources = tables.read_parquet(out).of_type(de.Source)
    kept = {(e.scheme, e.value) for source in sources for e in source.external_ids}
    assert kept == {("document", line["id"]) for line in document_lines()}


def test_a_progress_bar_when_asked_and_none_when_not(tmp_path: Path) -> None:
    shown = invoke("extract", MOSCOW_TEXT, "-o", tmp_path / "a.jsonl", "--progress")
    assert "extract" in shown.stderr
    assert "1/1" in shown.stderr
    hidden = invoke("extract", MOSCOW_TEXT, "-o", tmp_path / "b.jsonl", "--no-progress")
    assert "1/1" not in hidden.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "8.12.2020", "-o", "x.jsonl"], "YYYY-MM-DD"),
        (["--published", "2021-02-30", "-o", "x.jsonl"], "not a date on the calendar"),
        (["-o", "x.csv"], "cannot tell the format"),
        (["-o", "x.jsonl", "--workers", "0"], "--workers"),
    ],
)
def test_usage_errors_exit_with_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = invoke(
        "extract", MOSCOW_TEXT, *[str(tmp_path / a) if a.startswith("x.") else a for a in args]
    )
    assert result.exit_code == EXIT_USAGE
    assert message in result.stderr
    assert not list(tmp_path.iterdir())


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("extract", tmp_path / "nowhere.txt", "-o", tmp_path / "x.jsonl")
    assert result.exit_code == EXIT_USAGE
    assert "does not exist" in result.stderr


def test_dates_from_names_date_every_project_text(tmp_path: Path) -> None:
    """The project's texts end their names in their dates: every one drafts, merged."""
    out = tmp_path / "dataset.parquet"
    result = invoke("extract", TEXTS, "--dates-from-names", "--merge", "-o", out, "--no-progress")
    assert result.exit_code == EXIT_OK, result.stderr
    dataset = tables.read_parquet(out)
    assert len(dataset.of_type(de.Source)) == len(list(TEXTS.glob("*.txt")))
    published = {s.published.edtf for s in dataset.of_type(de.Source) if s.published}
    assert "2021-03-04" in published


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("talks-2021-03-04.txt", dt.date(2021, 3, 4)),
        ("talks_2021-03-04.txt", dt.date(2021, 3, 4)),
        ("2021-03-04.txt", dt.date(2021, 3, 4)),
        ("talks-2021-02-30.txt", None),  # no such day
        ("talks-20210304.txt", None),
        ("talks.txt", None),
    ],
)
def test_the_date_a_name_ends_in(name: str, date: dt.date | None) -> None:
    assert date_in_name(Path(name)) == date
