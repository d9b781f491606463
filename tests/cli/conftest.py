"""Datasets the command-line tests share: the Moscow talks and the project's own texts."""

import importlib.util
import json
from pathlib import Path

import pytest
from cli_helpers import MOSCOW_SCRIPT, document_lines

import diplo_events as de


@pytest.fixture(scope="session")
def moscow() -> de.Collection:
    """The hand-built Moscow talks dataset of the examples."""
    spec = importlib.util.spec_from_file_location("cli_moscow", MOSCOW_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    collection: de.Collection = module.build_collection()
    return collection


@pytest.fixture(scope="session")
def moscow_json(moscow: de.Collection, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Moscow talks written as one JSON collection document."""
    path = tmp_path_factory.mktemp("moscow") / "moscow.json"
    path.write_text(de.to_json(moscow), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines of documents: the project's texts, then three bad lines."""
    path = tmp_path_factory.mktemp("documents") / "documents.jsonl"
    lines = [json.dumps(line) for line in document_lines()]
    lines[0] = json.dumps({**json.loads(lines[0]), "publisher": "Meridian News"})
    lines += [
        json.dumps({"id": "bad-date", "text": "Lopes met Berg.", "published": "March 3"}),
        "{not json",
        json.dumps({"id": 7, "txt": "no text key"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
