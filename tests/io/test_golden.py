"""Golden files: valid documents round-trip unchanged; invalid ones give their issues."""

import json
from pathlib import Path

import pytest

import diplo_events as de

DATA = Path(__file__).parent.parent / "data"
VALID = sorted((DATA / "valid").glob("*.json"))
INVALID = sorted(
    p for p in (DATA / "invalid").glob("*.json") if not p.name.endswith(".issues.json")
)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_round_trip(path: Path) -> None:
    """A valid file reads, validates and is written back byte for byte."""
    text = path.read_text(encoding="utf-8")
    document = de.from_json(text)
    if isinstance(document, de.Collection):
        assert de.validate(document) == []
    assert de.to_json(document, indent=2) + "\n" == text
    assert de.from_json(de.to_json(document)) == document


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_issues(path: Path) -> None:
    """An invalid file gives exactly its expected issues (path and code)."""
    expected = json.loads(path.with_name(path.stem + ".issues.json").read_text(encoding="utf-8"))
    wanted = sorted((issue["path"], issue["code"]) for issue in expected["issues"])
    cls = getattr(de, expected["cls"]) if "cls" in expected else None
    data = path.read_bytes()
    if expected["stage"] == "parse":
        with pytest.raises(de.ParseError) as info:
            de.from_json(data, cls)
        found = info.value.issues
    else:
        found = de.validate(de.from_json(data, cls))
    assert sorted((issue.path, issue.code) for issue in found) == wanted


def test_every_invalid_file_has_expectations() -> None:
    """Each invalid file is paired with its expected issues."""
    assert INVALID
    for path in INVALID:
        assert path.with_name(path.stem + ".issues.json").exists(), path
