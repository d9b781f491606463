"""The extraction harness: gold files are well formed, and scores never fall below what is reached.

The floors are the scores ``diplo_events.drafting.evaluate`` gives today, as
``benchmarks/extraction.py`` prints them (rounded down). A change to
``extract()`` that loses ground fails here; one that gains ground should raise
the floors in the same commit.
"""

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from diplo_events.drafting.evaluate import Evaluation, Tally, evaluate

ROOT = Path(__file__).parent.parent.parent
GOLD = ROOT / "tests" / "data" / "extraction"
HELDOUT = ROOT / "tests" / "data" / "extraction-heldout"
BLIND = ROOT / "tests" / "data" / "extraction-blind"
THIRD = ROOT / "tests" / "data" / "extraction-third"

#: F1 floors per category, for the whole gold set.
FLOORS = {
    "meetings": 0.99,
    "meeting dates": 0.99,
    "participants": 0.99,
    "direct quotes": 1.0,
    "speakers": 0.99,
    "reported statements": 0.88,
    "demands": 0.92,
    "proposals": 0.94,
    "references": 0.96,
}

#: F1 floors on the held-out texts, annotated without looking at the extractor.
HELDOUT_FLOORS = {
    "meetings": 0.99,
    "meeting dates": 0.99,
    "participants": 0.99,
    "direct quotes": 1.0,
    "speakers": 0.99,
    "reported statements": 0.89,
    "demands": 0.90,
    "proposals": 0.90,
    "references": 0.83,
}

#: F1 floors on the second held-out set, written blind to the extractor and the first set.
BLIND_FLOORS = {
    "meetings": 0.94,
    "meeting dates": 0.84,
    "participants": 0.93,
    "direct quotes": 1.0,
    "speakers": 0.93,
    "reported statements": 0.66,
    "demands": 0.87,
    "proposals": 0.91,
    "references": 0.72,
}

#: F1 floors on the third held-out set, written blind to the extractor and the other sets.
THIRD_FLOORS = {
    "meetings": 0.99,
    "meeting dates": 0.99,
    "participants": 0.99,
    "direct quotes": 1.0,
    "speakers": 0.99,
    "reported statements": 0.95,
    "demands": 0.85,
    "proposals": 0.91,
    "references": 0.83,
}


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(GOLD)


@pytest.mark.parametrize(("folder", "least"), [(GOLD, 11), (HELDOUT, 6), (BLIND, 6), (THIRD, 8)])
def test_gold_files_are_well_formed(folder: Path, least: int) -> None:
    checker = runpy.run_path(str(GOLD / "check_gold.py"))
    pairs = sorted(folder.glob("*.txt"))
    assert len(pairs) >= least
    for text in pairs:
        gold = folder / f"{text.name.removesuffix('.txt')}.gold.json"
        assert checker["check_pair"](text, gold) == [], text.name


@pytest.mark.parametrize("category", FLOORS)
def test_scores_hold(evaluation: Evaluation, category: str) -> None:
    assert evaluation.tallies[category].f1 >= FLOORS[category]


@pytest.fixture(scope="module")
def held_out() -> dict[Path, dict[str, Tally]]:
    return {folder: evaluate(folder).tallies for folder in (HELDOUT, BLIND, THIRD)}


@pytest.mark.parametrize(
    ("folder", "floors"),
    [(HELDOUT, HELDOUT_FLOORS), (BLIND, BLIND_FLOORS), (THIRD, THIRD_FLOORS)],
    ids=["first", "second", "third"],
)
def test_held_out_scores_hold(
    held_out: dict[Path, dict[str, Tally]], folder: Path, floors: dict[str, float]
) -> None:
    tallies = held_out[folder]
    below = {c: tallies[c].f1 for c in floors if tallies[c].f1 < floors[c]}
    assert below == {}


def test_issue_targets_on_the_whole_set(evaluation: Evaluation) -> None:
    tallies = evaluation.tallies
    assert tallies["direct quotes"].f1 >= 0.95
    assert tallies["speakers"].f1 >= 0.90
    assert tallies["meeting dates"].f1 >= 0.90
    assert tallies["participants"].f1 >= 0.90


def test_showcase_targets(evaluation: Evaluation) -> None:
    showcase = evaluation.showcase
    found, attributed, gold_quotes, drafted = showcase["quotes"]
    assert (found, attributed, gold_quotes, drafted) == (7, 7, 7, 7)  # no invented quote
    assert showcase["participants"] == [
        ("Ara Ayvazyan", True, True),
        ("Sergei Lavrov", True, True),
    ]
    assert {"2020-11-09", "2020-11-21"} <= set(showcase["reference dates"])
    assert showcase["demands"][0] >= 3
    assert showcase["proposals"][0] >= 2


def test_drafts_of_every_gold_text_validate(evaluation: Evaluation) -> None:
    problems = evaluation.validation_errors
    assert problems
    assert all(errors == 0 for _, errors in problems)


def test_harness_prints_its_table() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "benchmarks" / "extraction.py"), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for needle in ("precision", "direct quotes", "speakers", "showcase", "KB/s on one core"):
        assert needle in result.stdout
