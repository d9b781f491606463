"""Paths, data and helpers the command-line tests share: the Moscow talks, the project's texts."""

import functools
import importlib.util
import json
import re
from pathlib import Path

from click.testing import CliRunner, Result

import diplo_events as de
from diplo_events.cli._app import app

ROOT = Path(__file__).parent.parent.parent
TEXTS = ROOT / "tests" / "data" / "extraction"
MOSCOW_SCRIPT = ROOT / "examples" / "moscow_talks_2020.py"
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})\.txt$")


def invoke(*args: str | Path) -> Result:
    """Run ``diplo-events`` in this process, as click's test runner does."""
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def document_lines() -> list[dict[str, str]]:
    """The project's own texts as documents, each dated by its file name."""
    lines = []
    for path in sorted(TEXTS.glob("*.txt")):
        match = _DATE.search(path.name)
        assert match is not None, path
        lines.append(
            {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "published": match.group(1),
                "title": path.stem.replace("-", " "),
                "url": f"https://example.org/{path.stem}",
            }
        )
    return lines


@functools.cache
def moscow() -> de.Collection:
    """The hand-built Moscow talks dataset of the examples."""
    spec = importlib.util.spec_from_file_location("cli_moscow", MOSCOW_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    collection: de.Collection = module.build_collection()
    return collection


def write_moscow_json(folder: Path) -> Path:
    """Write the Moscow talks into *folder* as one JSON collection document."""
    path = folder / "moscow.json"
    path.write_text(de.to_json(moscow()), encoding="utf-8")
    return path


def write_documents(folder: Path) -> Path:
    """Write a JSON Lines of documents into *folder*: the project's texts, then three bad lines."""
    path = folder / "documents.jsonl"
    lines = [json.dumps(line) for line in document_lines()]
    lines[0] = json.dumps({**json.loads(lines[0]), "publisher": "Meridian News"})
    lines += [
        json.dumps({"id": "bad-date", "text": "Lopes met Berg.", "published": "March 3"}),
        "{not json",
        json.dumps({"id": 7, "txt": "no text key"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
