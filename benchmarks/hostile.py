"""Peak memory and time of reading hostile documents, against their size.

Each document is about ``--size`` bytes of one kind of bad input: a bad item
in every list slot, a NaN or an overflowing number in every slot, a million
unknown keys, thousands of bad records, empty objects, long bad ids. The peak
is measured with tracemalloc while ``from_json`` reads the document and raises
its ParseError; the ratio to the document's size is the figure that matters
(the guarantees page promises under 20). Times are printed for sizing only.

    python benchmarks/hostile.py --size 2000000
"""

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Callable

import diplo_events as de

PERSON = {"type": "person", "id": "person--9b9b8c90-62f9-473b-8a17-305013ecdc95", "name": "A"}


def _fill(item: str, size: int) -> str:
    return ",".join([item] * max(1, size // (len(item) + 1)))


DOCUMENTS: dict[str, Callable[[int], str]] = {
    "a bad item in every slot": lambda n: (
        json.dumps(PERSON)[:-1] + f', "aliases": [{_fill("5", n)}]}}'
    ),
    "a NaN in every slot": lambda n: (
        json.dumps(PERSON)[:-1] + f', "aliases": [{_fill("NaN", n)}]}}'
    ),
    "an overflow in every slot": lambda n: (
        json.dumps(PERSON)[:-1] + f', "aliases": [{_fill("1e400", n)}]}}'
    ),
    "an empty object in every slot": lambda n: (
        json.dumps(PERSON)[:-1] + f', "aliases": [{_fill("{}", n)}]}}'
    ),
    "unknown keys": lambda n: (
        '{"type": "person", ' + ", ".join(f'"k{i}": 0' for i in range(n // 10)) + "}"
    ),
    "bad records": lambda n: (
        '{"type": "collection", "schema_version": "1.1", "records": ['
        + _fill('{"type": "person", "name": 5}', n)
        + "]}"
    ),
    "20 KB bad ids": lambda n: json.dumps(
        {
            "type": "collection",
            "schema_version": "1.1",
            "records": [PERSON | {"id": "x" * 20_000}] * max(1, n // 20_000),
        }
    ),
}


def measure(text: bytes) -> tuple[float, int, int]:
    """Return (seconds, peak bytes, issues) of reading *text*."""
    tracemalloc.start()
    started = time.perf_counter()
    issues = 0
    try:
        de.from_json(text)
    except de.ParseError as exc:
        issues = len(exc.issues)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak, issues


def main(argv: list[str] | None = None) -> int:
    """Print the peak memory of each hostile document as a multiple of its size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="bytes per document")
    args = parser.parse_args(argv)
    print(f"{'document':<32}{'size MB':>9}{'peak MB':>9}{'ratio':>8}{'issues':>8}{'s':>7}")
    worst = 0.0
    for name, make in DOCUMENTS.items():
        text = make(args.size).encode()
        elapsed, peak, issues = measure(text)
        ratio = peak / len(text)
        worst = max(worst, ratio)
        print(
            f"{name:<32}{len(text) / 1e6:>9.2f}{peak / 1e6:>9.1f}{ratio:>8.1f}{issues:>8}"
            f"{elapsed:>7.2f}"
        )
    print(f"worst peak: {worst:.1f} times the document (target: under 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
