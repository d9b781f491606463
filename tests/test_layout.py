"""The package's layout rules (docs/architecture.md): which way imports run, and module size."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src"
PACKAGE = SRC / "diplo_events"

#: For each room, the rooms of diplo_events it must never import, and foreign packages it must not.
FORBIDDEN: dict[str, tuple[set[str], set[str]]] = {
    "exceptions": ({"*"}, set()),
    "_paths": ({"*"}, set()),
    "_extras": ({"*"}, set()),
    "model": (
        {"io", "drafting", "corpus", "interop", "_validate", "strategies", "cli"},
        {"cattrs", "msgspec"},
    ),
    "_validate": (
        {"io", "drafting", "corpus", "interop", "strategies", "cli"},
        {"cattrs", "msgspec"},
    ),
    "io": ({"drafting", "corpus", "interop", "_validate", "strategies", "cli"}, set()),
    "strategies": ({"io", "drafting", "corpus", "interop", "_validate", "cli"}, set()),
    "drafting": ({"corpus", "strategies", "cli"}, set()),
    "corpus": ({"strategies", "cli"}, set()),
    "plot": ({"io", "drafting", "corpus", "interop", "_validate", "strategies", "cli"}, set()),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(source: str) -> set[str]:
    """Every module *source* imports, anywhere (type-checking blocks and functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "diplo_events" else None


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _violations(module: str, source: str) -> list[str]:
    room = _room(module)
    if room not in FORBIDDEN:
        return []
    rooms, foreign = FORBIDDEN[room]
    problems = []
    for imported in sorted(_imports(source)):
        target = _room(imported)
        against = target is not None and target != room and ("*" in rooms or target in rooms)
        if against or imported.split(".")[0] in foreign:
            problems.append(imported)
    return problems


@pytest.mark.parametrize("path", _modules(), ids=_module_name)
def test_imports_run_one_way(path: Path) -> None:
    """exceptions <- model <- validate, io <- drafting: no module imports against the direction."""
    assert _violations(_module_name(path), path.read_text(encoding="utf-8")) == []


def test_the_check_can_fail() -> None:
    """A model module that imports the JSON layer or cattrs is caught, even inside a function."""
    source = "import cattrs\n\ndef f():\n    from diplo_events.io import json\n"
    assert _violations("diplo_events.model._x", source) == [
        "cattrs",
        "diplo_events.io",
        "diplo_events.io.json",
    ]
    assert _violations("diplo_events.drafting._x", source) == []


#: Modules may pass this many lines only with the reason written at the top of their docstring.
LIMIT = 800


@pytest.mark.parametrize("path", _modules(), ids=_module_name)
def test_long_modules_say_why(path: Path) -> None:
    """A module over about 800 lines says in its docstring why it is not split."""
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= LIMIT:
        return
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert "Why one long module:" in docstring, f"{_module_name(path)} has no reason for its length"
