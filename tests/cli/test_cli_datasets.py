"""``diplo-events validate``, ``convert`` and ``show`` on the Moscow talks and broken datasets."""

import json
from pathlib import Path

import attrs
import pytest
from cli_helpers import invoke, moscow, write_moscow_json

import diplo_events as de
from diplo_events.cli import EXIT_DATA, EXIT_OK, EXIT_USAGE
from diplo_events.io import tables


@pytest.fixture(scope="module")
def moscow_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Moscow talks as one JSON collection document."""
    return write_moscow_json(tmp_path_factory.mktemp("moscow"))


def _broken(collection: de.Collection) -> tuple[de.Collection, de.Statement]:
    """*collection* with one statement's speaker pointing nowhere."""
    statement = collection.of_type(de.Statement)[3]
    bad = attrs.evolve(statement, speaker=de.stable_id("person", "nobody"))
    records = [bad if record is statement else record for record in collection.records]
    return de.Collection(records=records), bad


def _quote_unverified() -> de.Collection:
    """A direct quote no citation can vouch for: a warning, no error."""
    source = de.Source(id=de.stable_id("source", "s"))
    lavrov = de.Person(id=de.stable_id("person", "l"), name="Sergey Lavrov")
    quote = de.Statement(
        id=de.stable_id("statement", "q"),
        speaker=lavrov.id,
        text="We agreed.",
        mode="direct_quote",
        citations=[de.Citation(source=source.id, spans=[de.Span(start=14, end=24)])],
    )
    return de.Collection(records=[source, lavrov, quote])


# --- validate ------------------------------------------------------------------------------


def test_a_valid_dataset_passes_quietly(moscow_json: Path) -> None:
    result = invoke("validate", moscow_json)
    assert result.exit_code == EXIT_OK
    assert result.stdout == ""
    assert "60 records, 0 errors, 0 warnings" in result.stderr


def test_errors_name_their_record_and_path(tmp_path: Path) -> None:
    broken, bad = _broken(moscow())
    path = tmp_path / "broken.jsonl"
    de.dump_jsonl(broken, path)
    result = invoke("validate", path)
    assert result.exit_code == EXIT_DATA
    index = broken.records.index(bad)
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("error: ")]
    assert line.startswith(f"error: $.records[{index}].speaker ({bad.id}): ")
    assert line.endswith("[ref.dangling]")


def test_json_report_for_programs(tmp_path: Path) -> None:
    broken, bad = _broken(moscow())
    path = tmp_path / "broken.json"
    path.write_text(de.to_json(broken), encoding="utf-8")
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == EXIT_DATA
    report = json.loads(result.stdout)
    assert (report["loaded"], report["records"], report["errors"]) == (True, 60, 1)
    (issue,) = [issue for issue in report["issues"] if issue["severity"] == "error"]
    assert issue["record_id"] == bad.id
    assert issue["record_type"] == "statement"
    assert issue["code"] == "ref.dangling"
    assert issue["severity"] == "error"
    assert issue["path"].endswith(".speaker")


def test_warnings_fail_only_when_strict(tmp_path: Path) -> None:
    path = tmp_path / "warned.jsonl"
    de.dump_jsonl(_quote_unverified(), path)
    lenient = invoke("validate", path)
    assert lenient.exit_code == EXIT_OK
    assert lenient.stdout.startswith("warning: $.records[2]")
    assert "[statement.quote_unverified]" in lenient.stdout
    assert invoke("validate", path, "--strict").exit_code == EXIT_DATA


def test_a_dataset_that_does_not_load_reports_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = de.to_json(de.Person(id=de.stable_id("person", "a"), name="A"))
    path.write_text(f'{good}\n{{"type": "person", "name": 5}}\n', encoding="utf-8")
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == EXIT_DATA
    report = json.loads(result.stdout)
    assert report["loaded"] is False
    assert report["records"] is None
    assert {issue["line"] for issue in report["issues"]} == {2}
    assert "$.name" in {issue["path"] for issue in report["issues"]}
    text = invoke("validate", path)
    assert "error: line 2: $.name: " in text.stdout
    assert "does not load" in text.stderr


def test_a_line_that_does_not_load_names_its_record_when_its_id_is_well_formed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.jsonl"
    named = de.stable_id("person", "b")
    lines = [
        {"type": "person", "id": named, "name": ""},
        {"type": "person", "id": "person--not-a-uuid", "name": ""},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = json.loads(invoke("validate", path, "--format", "json").stdout)
    found = {(i["line"], i["record_id"], i["record_type"]) for i in report["issues"]}
    assert (1, named, "person") in found
    second = [record for line, record, _ in found if line == 2]
    assert second == [None]  # its id is no id: never trusted
    text = invoke("validate", path).stdout
    assert f"error: line 1: $.name ({named}): " in text


def test_an_unknown_suffix_needs_a_format(moscow_json: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "moscow.data"
    renamed.write_bytes(moscow_json.read_bytes())
    assert invoke("validate", renamed).exit_code == EXIT_USAGE
    assert invoke("validate", renamed, "--from", "json").exit_code == EXIT_OK


# --- convert -------------------------------------------------------------------------------


def test_convert_round_trips_through_every_format(moscow_json: Path, tmp_path: Path) -> None:
    lines, folder, back = tmp_path / "m.jsonl", tmp_path / "m.parquet", tmp_path / "back.json"
    assert invoke("convert", moscow_json, lines).exit_code == EXIT_OK
    assert invoke("convert", lines, folder).exit_code == EXIT_OK
    assert folder.is_dir()
    result = invoke("convert", folder, back)
    assert result.exit_code == EXIT_OK
    assert f"wrote 60 records to {back} (json)" in result.stderr
    assert de.from_json(back.read_text(encoding="utf-8")) == moscow()
    assert tables.read_parquet(folder) == moscow()


def test_convert_can_leave_out_the_texts(moscow_json: Path, tmp_path: Path) -> None:
    for fmt in ("json", "jsonl", "parquet"):
        target = tmp_path / f"public-{fmt}"
        result = invoke("convert", moscow_json, target, "--to", fmt, "--no-text")
        assert result.exit_code == EXIT_OK, result.stderr
        shared = invoke("show", target, "--from", fmt, "--format", "json")
        summary = json.loads(shared.stdout)
        assert summary["sources"] == {"count": 6, "with_text": 0}


def test_convert_reports_a_dataset_that_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"type": "collection", "records": [{"type": "meeting"}]}', encoding="utf-8")
    result = invoke("convert", path, tmp_path / "out.jsonl")
    assert result.exit_code == EXIT_DATA
    assert f"error: {path}: $.records[0]" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


# --- show ----------------------------------------------------------------------------------


def test_show_summarizes_the_moscow_talks(moscow_json: Path) -> None:
    result = invoke("show", moscow_json, "--format", "json", "--top", "2")
    assert result.exit_code == EXIT_OK
    summary = json.loads(result.stdout)
    assert summary["records"] == 60
    counts = {row["type"]: (row["records"], row["drafts"]) for row in summary["types"]}
    assert counts["statement"] == (16, 0)
    assert counts["meeting"] == (5, 0)
    assert summary["meetings"]["count"] == 5
    assert summary["meetings"]["earliest"] <= "2020-11-09"
    assert summary["meetings"]["latest"] >= "2020-12-07"
    assert [row["name"] for row in summary["speakers"]] == ["Ara Ayvazyan", "Sergey Lavrov"]


def test_show_draws_tables(moscow_json: Path) -> None:
    result = invoke("show", moscow_json)
    assert result.exit_code == EXIT_OK
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if "│" in line}
    assert rows["statement"].split("│")[2].strip() == "16"
    assert rows["all"].split("│")[2].strip() == "60"
    assert "top speakers" in result.stdout
    assert "Ara Ayvazyan" in rows
    assert "meetings: 5, dated " in result.stdout


@pytest.mark.parametrize("drafted", [True, False])
def test_show_counts_drafts_and_accepted(drafted: bool, tmp_path: Path) -> None:  # noqa: FBT001
    person = de.Person(id=de.stable_id("person", "p"), name="P", draft=drafted)
    path = tmp_path / "one.jsonl"
    de.dump_jsonl([person], path)
    summary = json.loads(invoke("show", path, "--format", "json").stdout)
    expected = {
        "type": "person",
        "records": 1,
        "drafts": int(drafted),
        "accepted": int(not drafted),
    }
    assert summary["types"] == [expected]
    assert summary["meetings"] == {"count": 0, "earliest": None, "latest": None}
