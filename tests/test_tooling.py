"""The project's own checks, run by the README's test command so CI runs them too."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


class TestLint:
    def test_ruff_check(self) -> None:
        """ruff finds nothing to complain about."""
        result = run(sys.executable, "-m", "ruff", "check", ".")
        assert result.returncode == 0, result.stdout + result.stderr

    def test_ruff_format(self) -> None:
        """The code is formatted as ruff formats it."""
        result = run(sys.executable, "-m", "ruff", "format", "--check", ".")
        assert result.returncode == 0, result.stdout + result.stderr

    def test_mypy_strict(self) -> None:
        """mypy --strict passes over src/ and tests/typing/."""
        result = run(sys.executable, "-m", "mypy")
        assert result.returncode == 0, result.stdout + result.stderr


class TestDocs:
    def test_sphinx_build(self, tmp_path: Path) -> None:
        """The docs build with warnings as errors and nitpicky references."""
        result = run(
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "docs",
            str(tmp_path / "html"),
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def test_every_issue_code_documented(self) -> None:
        """Every issue code the library can emit is listed in docs/errors.md."""
        errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
        source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
        codes = set(
            re.findall(
                r'"((?:json|jsonl|input|schema|type|field|record|value|text|id|'
                r"country|code|external_id|date|datetime|span|citation|proposal|"
                r'reference|ref|chronology|statement|evidence)\.[a-z0-9_]+)"',
                source,
            )
        )
        assert len(codes) > 40
        missing = sorted(code for code in codes if f"`{code}`" not in errors)
        assert missing == []

    def test_every_public_name_in_api_reference(self) -> None:
        """Every name diplo_events exports has an entry in docs/api.md."""
        import diplo_events  # noqa: PLC0415 - only this test needs it

        api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
        missing = [
            name
            for name in diplo_events.__all__
            if name != "__version__" and not re.search(rf"::\s+{re.escape(name)}\b", api)
        ]
        assert missing == []


class TestPackaging:
    @pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
    def test_wheel(self, tmp_path: Path) -> None:
        """The wheel holds the package and py.typed, and no tests."""
        result = run(
            sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."
        )
        assert result.returncode == 0, result.stdout + result.stderr
        (wheel,) = tmp_path.glob("diplo_events-*.whl")
        names = zipfile.ZipFile(wheel).namelist()
        assert "diplo_events/__init__.py" in names
        assert "diplo_events/py.typed" in names
        assert not any(name.startswith("tests/") for name in names)

    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run runs exactly the README's test command."""
        commands = readme_commands()
        assert len(commands) == 2
        assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    def test_readme_main_command_runs_the_example(self) -> None:
        """The README's first command runs the Moscow talks example."""
        assert "examples/moscow_talks_2020.py" in readme_commands()[0]
