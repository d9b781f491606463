"""Run the code in README.md and docs/*.md under pytest, with Sybil; read with the rules.

``extract()`` reads with the hybrid when a tagger model sits in the user's
cache folder. The session points ``DIPLO_EVENTS_TAGGER_MODEL`` at an empty
folder of its own, so that the tests, the doc examples and every process
they start read with the rules whatever the developer has trained; a test
that wants a model sets its own. This lives here, not in tests/conftest.py,
because the doc examples of README.md, docs/ and src/ are collected outside
tests/.
"""

import os
import shutil
import tempfile

import pytest
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

#: The variable `diplo_events.drafting.tagger.default_model_path` reads first.
MODEL_ENV = "DIPLO_EVENTS_TAGGER_MODEL"
_PINNED = pytest.StashKey[tuple[str, str | None]]()

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["README.md", "docs/*.md"],
).pytest()


def pytest_configure(config: pytest.Config) -> None:
    """Point the default tagger model folder at an empty folder for the whole session."""
    empty = tempfile.mkdtemp(prefix="diplo-events-no-tagger-")
    config.stash[_PINNED] = (empty, os.environ.get(MODEL_ENV))
    os.environ[MODEL_ENV] = empty


def pytest_unconfigure(config: pytest.Config) -> None:
    """Give back the developer's setting and remove the empty folder."""
    pinned = config.stash.get(_PINNED, None)
    if pinned is None:
        return
    empty, before = pinned
    if before is None:
        os.environ.pop(MODEL_ENV, None)
    else:
        os.environ[MODEL_ENV] = before
    shutil.rmtree(empty, ignore_errors=True)
