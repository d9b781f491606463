"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (no deadline: this machine is shared and noisy) and
``thorough`` (more examples), chosen with the HYPOTHESIS_PROFILE environment
variable.

The session reads with the rules unless a test sets a tagger model of its
own: the root ``conftest.py`` points ``DIPLO_EVENTS_TAGGER_MODEL`` at an empty
folder. ``tagger_corpus`` and ``tagger_model`` are the tiny corpus of the gold
texts and a model trained on it, once per session.
"""

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

import diplo_events as de
from tagger_corpus import write_corpus

if TYPE_CHECKING:
    from diplo_events.drafting.tagger import TrainingReport

settings.register_profile("default", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ARTICLE = "Ayvazyan met Lavrov in Moscow. “We had a very useful contact,” said Lavrov."


@pytest.fixture
def fixed_uuids(monkeypatch: pytest.MonkeyPatch) -> list[uuid.UUID]:
    """Make new_id() hand out predictable UUIDs 00000000-...-000000000001, 2, 3, ..."""
    issued: list[uuid.UUID] = []

    def fake() -> uuid.UUID:
        issued.append(uuid.UUID(int=len(issued) + 1))
        return issued[-1]

    monkeypatch.setattr(uuid, "uuid4", fake)
    return issued


@pytest.fixture
def small_collection() -> de.Collection:
    """A small valid collection: two people, a meeting, a quote, its source."""
    ns = "tests"
    lavrov = de.Person(id=de.stable_id("person", "lavrov", namespace=ns), name="Sergey Lavrov")
    ayvazyan = de.Person(id=de.stable_id("person", "ayvazyan", namespace=ns), name="Ara Ayvazyan")
    source = de.Source(
        id=de.stable_id("source", "article", namespace=ns),
        text=ARTICLE,
        published=de.UncertainDate.day(dt.date(2020, 12, 8)),
    )
    meeting = de.Meeting(
        id=de.stable_id("meeting", "talks", namespace=ns),
        kind="talks",
        date=de.UncertainDate.day(dt.date(2020, 12, 7)),
        location=de.Location(name="Moscow", country="RUS"),
        participants=[
            de.Participant(actor=lavrov.id, capacity="host"),
            de.Participant(actor=ayvazyan.id, capacity="visitor"),
        ],
    )
    words = "We had a very useful contact,"
    start = ARTICLE.index(words)
    quote = de.Statement(
        id=de.stable_id("statement", "contact", namespace=ns),
        speaker=lavrov.id,
        text=words,
        mode="direct_quote",
        meeting=meeting.id,
        citations=[
            de.Citation(
                source=source.id, spans=[de.Span(start=start, end=start + len(words))], quote=words
            )
        ],
    )
    return de.Collection(records=[lavrov, ayvazyan, source, meeting, quote])


@pytest.fixture(scope="session")
def tagger_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gold texts as a tiny corpus in the PolNeAR converter's shape (tests/tagger_corpus.py)."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "gold.jsonl")


@pytest.fixture(scope="session")
def tagger_model(tagger_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> "TrainingReport":
    """A model trained on the tiny corpus, for a few iterations (about a second)."""
    pytest.importorskip("pycrfsuite", reason="the tagger extra is part of the test extra")
    from diplo_events.drafting import tagger  # noqa: PLC0415 - the drafting stack, when asked

    return tagger.train(tagger_corpus, tmp_path_factory.mktemp("model"), iterations=30)
