"""Time the text functions on real and hostile text at three sizes: time must grow linearly.

Run from the project root::

    python benchmarks/scaling.py                    # 10 KB, 100 KB and 1 MB; about 5 minutes
    python benchmarks/scaling.py --sizes 2,8 --repeat 1 --functions extract   # a quick look

Every function is timed on texts of each size (KB of 1000 bytes of UTF-8) made
by repeating one pattern: the project's gold texts as written and with their
paragraph breaks removed (real text), and hostile runs: quotes, quoted sentences
one after another, capitalised words, a capitalised word on each line, titles,
dots, speech verbs, and real text in paragraphs of 100,000 characters. It
prints the median time per KB of a few runs for each, and two checks per
function and pattern, each with PASS or FAIL:

- *linear*: the time per KB at the largest size is within 1.5 times the time
  per KB at the smallest (a square would grow it 100 times from 10 KB to 1 MB),
  or under 5 ms per MB (nothing to measure);
- *vs real*: at the largest size, the pattern's time per KB is within 3 times
  that of real text (for extract and find_dates, which read the whole text;
  parse_date and parse_actor_mention read one phrase and refuse a long one early).

It exits with status 1 if any check fails. Times are of this machine and its
load; run it alone.
"""

import argparse
import datetime as dt
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import diplo_events as de
from diplo_events.drafting import find_dates, parse_actor_mention, parse_date

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "data").glob("extraction*/*.txt"))
ANCHOR = dt.date(2021, 3, 3)
#: Time per KB at the largest size over time per KB at the smallest, at most.
LINEAR = 1.5
#: A hostile pattern's time per KB over real text's, at most.
VS_REAL = 3.0
#: A call is repeated until the calls of one measurement take at least this many seconds.
BATCH = 0.05
#: Below this many ms per KB (5 ms per MB) a function's time is negligible and passes.
NEGLIGIBLE = 0.005
REAL = ("real text", "real text, no paragraph breaks")


def _real(*, flat: bool) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in GOLD)
    return re.sub(r"\s*\n\s*", " ", text) + " " if flat else text + "\n\n"


def patterns() -> dict[str, str]:
    """The unit each text is repeated from, by name."""
    flat = _real(flat=True)
    return {
        REAL[0]: _real(flat=False),
        REAL[1]: flat,
        "quotes introduced by commas": "“x,” ",
        "curly quotes nested in curly quotes": "“a “b” c” ",
        "quotes marked by two apostrophes": "''We agree,'' Lopes said. ",
        "quoted sentences": "Lavrov said: “We will keep our troops in the mission.” ",
        "capitalised words": "Foreign Minister Sergei Lavrov Met President Ayvazyan ",
        "a capitalised word a line": "Minister\n",
        "titles": "Foreign Minister ",
        "dots": ". ",
        "speech verbs": "said told added stated ",
        "100,000-character paragraphs": (flat * (100_000 // len(flat) + 1))[:100_000] + "\n\n",
    }


def repeated(unit: str, size_kb: float) -> str:
    """*unit* repeated to *size_kb* KB of UTF-8 (cut at a character)."""
    size = int(size_kb * 1000)
    per_char = len(unit.encode()) / len(unit)
    text = unit * (int(size / len(unit.encode())) + 1)
    return text[: int(size / per_char)]


def _ignoring_errors(function: Callable[[str], object]) -> Callable[[str], object]:
    def call(text: str) -> object:
        try:
            return function(text)
        except de.ParseError:
            return None

    return call


FUNCTIONS: dict[str, tuple[Callable[[str], object], bool]] = {
    # name: (the call, whether it reads the whole text and is compared with real text)
    "extract": (lambda text: de.extract(text, published=ANCHOR, reader="rules"), True),
    "find_dates": (lambda text: find_dates(text, anchor=ANCHOR), True),
    "parse_date": (_ignoring_errors(lambda text: parse_date(text, anchor=ANCHOR)), False),
    "parse_actor_mention": (_ignoring_errors(parse_actor_mention), False),
}


def median_seconds(function: Callable[[str], object], text: str, repeat: int) -> float:
    """The median time of one call of *function* on *text*, over *repeat* measurements.

    A fast call is made several times per measurement, so that each takes at
    least `BATCH` seconds and the clock's resolution does not matter.
    """
    start = time.perf_counter()
    function(text)
    loops = max(1, math.ceil(BATCH / max(time.perf_counter() - start, 1e-6)))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(loops):
            function(text)
        times.append((time.perf_counter() - start) / loops)
    return statistics.median(times)


def run(sizes: list[float], repeat: int, names: list[str]) -> bool:
    """Time and check every function on every pattern; print the table; True if all pass."""
    units = patterns()
    de.extract("Warm up. Lavrov said: “We agree.”", published=ANCHOR, reader="rules")  # tables
    all_pass = True
    for name in names:
        function, whole = FUNCTIONS[name]
        print(f"\n{name}: ms per KB at {', '.join(f'{s:g} KB' for s in sizes)}")
        per_kb: dict[str, list[float]] = {}
        for label, unit in units.items():
            row = []
            for size in sizes:
                seconds = median_seconds(function, repeated(unit, size), repeat)
                row.append(seconds / size)
            per_kb[label] = row
        real = max(per_kb[label][-1] for label in REAL)
        for label, row in per_kb.items():
            growth = row[-1] / row[0]
            linear = growth <= LINEAR or 1000 * row[-1] < NEGLIGIBLE
            checks = f"linear {growth:5.2f}x {'PASS' if linear else 'FAIL'}"
            ok = linear
            if whole:
                versus = row[-1] / real
                ok = ok and versus <= VS_REAL
                checks += f"   vs real {versus:5.2f}x {'PASS' if versus <= VS_REAL else 'FAIL'}"
            all_pass = all_pass and ok
            figures = "".join(f"{1000 * v:9.3f}" for v in row)
            print(f"  {label:<32}{figures}   {checks}")
    print(
        f"\ntargets: time per KB at {sizes[-1]:g} KB within {LINEAR}x of {sizes[0]:g} KB; "
        f"hostile text within {VS_REAL}x of real text per KB: {'PASS' if all_pass else 'FAIL'}"
    )
    return all_pass


def main() -> int:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="sizes in KB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--functions", default=",".join(FUNCTIONS), help="which functions, comma-separated"
    )
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    names = args.functions.split(",")
    unknown = [n for n in names if n not in FUNCTIONS]
    if unknown:
        parser.error(f"unknown functions: {', '.join(unknown)}")
    return 0 if run(sizes, args.repeat, names) else 1


if __name__ == "__main__":
    sys.exit(main())
