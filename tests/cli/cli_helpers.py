"""Paths and helpers the command-line tests share (the fixtures are in conftest.py)."""

import re
from pathlib import Path

from click.testing import CliRunner, Result

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
