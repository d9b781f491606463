"""Score `diplo_events.extract` against the gold annotations in tests/data/extraction.

Run from the project root::

    python benchmarks/extraction.py            # the table of scores and the speed line
    python benchmarks/extraction.py --json     # the same numbers as JSON

For every text the harness calls
``extract(text, published=<gold published>, reader="rules")`` (the rules, whatever
tagger model is trained) and scores the drafts against the gold file beside the text, with
`diplo_events.drafting.evaluate` (which says how items are matched); the gold
format is in ``tests/data/extraction/README.md``. This script adds the
printing and the timing.
"""

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

import diplo_events as de
from diplo_events.drafting.evaluate import SHOWCASE, Tally, evaluate, load_set

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLD_DIR = DATA_DIR / "extraction"
#: Texts annotated without looking at the extractor, and never used to tune it.
HELDOUT_DIR = DATA_DIR / "extraction-heldout"
#: A second such set, written later, blind to the extractor and to the first.
BLIND_DIR = DATA_DIR / "extraction-blind"
#: A third, written later still, blind to the extractor and to the other two.
THIRD_DIR = DATA_DIR / "extraction-third"
HELD_OUT_SETS = {
    "held-out set": HELDOUT_DIR,
    "second held-out set": BLIND_DIR,
    "third held-out set": THIRD_DIR,
}


def throughput(repeat: int = 7) -> tuple[float, int]:
    """Median KB (1000 bytes of UTF-8) per second of extract over the whole set, and its size."""
    items = load_set(GOLD_DIR)
    size = sum(len(text.encode()) for _, text, _ in items)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _, text, gold in items:
            de.extract(text, published=dt.date.fromisoformat(gold["published"]), reader="rules")
        times.append(time.perf_counter() - start)
    return size / 1000 / statistics.median(times), size


def _print_heldout(label: str, folder: Path, heldout: dict[str, Tally]) -> None:
    texts = len(load_set(folder))
    print()
    print(f"{label}: {texts} texts annotated without looking at the extractor")
    for name, t in heldout.items():
        print(
            f"{name:<22}{t.precision:>10.3f}{t.recall:>8.3f}{t.f1:>7.3f}"
            f"{t.hits:>6}{t.predicted:>6}{t.gold:>6}"
        )


def long_text_throughput(size: int = 200_000, repeat: int = 3) -> float:
    """Median KB per second of extract on one long text: the gold texts, repeated to *size*."""
    texts = [text for _, text, _ in load_set(GOLD_DIR)]
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        parts.extend(texts)
    long_text = "\n\n".join(parts)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        de.extract(long_text, published=dt.date(2021, 12, 31), reader="rules")
        times.append(time.perf_counter() - start)
    return len(long_text.encode()) / 1000 / statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--repeat", type=int, default=7, help="timing runs (median is kept)")
    args = parser.parse_args(argv)
    tallies, showcase, problems = evaluate(GOLD_DIR)
    heldout = {
        label: evaluate(folder)[0] for label, folder in HELD_OUT_SETS.items() if folder.is_dir()
    }
    speed, size = throughput(args.repeat)
    long_speed = long_text_throughput(repeat=max(1, min(args.repeat, 3)))
    if args.json:
        scores = {
            name: {
                "precision": t.precision,
                "recall": t.recall,
                "f1": t.f1,
                "hits": t.hits,
                "predicted": t.predicted,
                "gold": t.gold,
            }
            for name, t in tallies.items()
        }
        print(
            json.dumps(
                {
                    "scores": scores,
                    "held_out_f1": {
                        label: {n: t.f1 for n, t in tallies_.items()}
                        for label, tallies_ in heldout.items()
                    },
                    "showcase": showcase,
                    "kb_per_second": speed,
                    "kb_per_second_long_text": long_speed,
                    "validation_errors": dict(problems),
                },
                indent=2,
            )
        )
        return 0
    texts = len(problems)
    print(f"extract() on {texts} gold texts ({size / 1000:.1f} KB), micro-averaged")
    print(
        f"{'category':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'hits':>6}{'pred':>6}{'gold':>6}"
    )
    for name, t in tallies.items():
        print(
            f"{name:<22}{t.precision:>10.3f}{t.recall:>8.3f}{t.f1:>7.3f}"
            f"{t.hits:>6}{t.predicted:>6}{t.gold:>6}"
        )
    for label, tallies_ in heldout.items():
        _print_heldout(label, HELD_OUT_SETS[label], tallies_)
    found, attributed, gold_quotes, predicted = showcase["quotes"]
    print()
    print(f"showcase {SHOWCASE}:")
    print(
        f"  direct quotes with exact spans: {found} of {gold_quotes}, right speaker: "
        f"{attributed}; quotes drafted: {predicted} (invented: {predicted - found})"
    )
    people = ", ".join(
        f"{n} (title {'ok' if t else 'wrong'}, country {'ok' if c else 'wrong'})"
        for n, t, c in showcase["participants"]
    )
    found_people = len(showcase["participants"])
    print(f"  participants: {found_people} of {showcase['gold participants']}: {people}")
    print(f"  reference dates: {', '.join(showcase['reference dates'])}")
    print(
        f"  demands: {showcase['demands'][0]} of {showcase['demands'][1]}, "
        f"proposals: {showcase['proposals'][0]} of {showcase['proposals'][1]}"
    )
    errors = sum(n for _, n in problems)
    print(f"validation errors in the drafts: {errors}")
    print(f"speed: extract() handles {speed:.0f} KB/s on one core (median of {args.repeat} runs)")
    print(
        f"speed on one 200 KB text (the gold texts repeated): {long_speed:.0f} KB/s "
        "(target: >= 200 KB/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
