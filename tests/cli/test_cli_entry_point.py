"""The real entry points: ``python -m diplo_events``, the console script, and a missing extra."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from cli_helpers import ROOT, TEXTS, write_moscow_json

import diplo_events as de
from diplo_events import cli
from diplo_events.cli import EXIT_DATA, EXIT_MISSING_EXTRA, EXIT_OK, INSTALL

#: The folder diplo_events is imported from, so that subprocesses import the same code.
SRC = Path(de.__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "diplo-events"


def _run(*args: str | Path, program: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    command = program if program is not None else [sys.executable, "-m", "diplo_events"]
    return subprocess.run(  # noqa: S603 - this interpreter running this package
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )


def test_python_m_extracts_and_validates(tmp_path: Path) -> None:
    out = tmp_path / "drafts.jsonl"
    moscow, riga = TEXTS / "moscow-talks-2020-12-08.txt", TEXTS / "riga-summit-2021-03-14.txt"
    extracted = _run("extract", moscow, riga, "--out", out)
    assert extracted.returncode == EXIT_DATA
    assert f"error: {riga}: $: " in extracted.stderr
    assert "Traceback" not in extracted.stderr
    checked = _run("validate", out, "--format", "json")
    assert checked.returncode == EXIT_OK, checked.stdout
    assert json.loads(checked.stdout)["errors"] == 0


def test_the_console_script_is_declared_and_runs_main(tmp_path: Path) -> None:
    moscow_json = write_moscow_json(tmp_path)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"diplo-events": "diplo_events.cli:main"}
    extras = project["optional-dependencies"]
    assert "cli" in extras["test"][0].removeprefix("diplo_events[").rstrip("]").split(",")
    assert sorted(requirement.partition(">")[0] for requirement in extras["cli"]) == [
        "click",
        "rich",
        "tqdm",
    ]
    if not SCRIPT.exists():
        pytest.skip(f"the package is installed without its console script ({SCRIPT})")
    result = _run("show", moscow_json, "--format", "json", program=[str(SCRIPT)])
    assert result.returncode == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["records"] == 60


def test_a_missing_extra_is_named_not_traced() -> None:
    code = (
        "import sys; sys.modules['click'] = None\n"
        "from diplo_events.cli import main\n"
        "raise SystemExit(main(['--help']))\n"
    )
    result = _run(program=[sys.executable, "-c", code])
    assert result.returncode == EXIT_MISSING_EXTRA
    assert INSTALL in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("missing", ["click", "rich", "tqdm"])
def test_main_names_the_extra_for_each_missing_package(
    missing: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in sys.modules if name.partition(".")[0] == missing]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, missing, None)
    monkeypatch.delitem(sys.modules, "diplo_events.cli._app", raising=False)
    assert cli.main(["show", "x.json"]) == EXIT_MISSING_EXTRA
    err = capsys.readouterr().err
    assert f"'{missing}' is missing" in err
    assert INSTALL in err


def test_other_import_errors_are_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "diplo_events.cli._summary", None)
    monkeypatch.delitem(sys.modules, "diplo_events.cli._app", raising=False)
    with pytest.raises(ImportError, match=r"diplo_events\.cli\._summary"):
        cli.main(["--help"])


def test_importing_the_entry_module_loads_nothing_heavy() -> None:
    code = (
        "import sys, diplo_events.cli, diplo_events.__main__\n"
        "heavy = {'click', 'rich', 'pyarrow', 'diplo_events.drafting'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = _run(program=[sys.executable, "-c", code])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.startswith(f"diplo-events, version {de.__version__}")
