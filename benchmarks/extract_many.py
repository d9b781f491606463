"""How much faster extract_many drafts a corpus with two worker processes than with one.

The corpus is the project's gold texts (tests/data/extraction*/*.txt), with the
PolNeAR dev texts from ~/.cache/polnear/dev.jsonl when they are there, repeated
until it holds at least --megabytes of text. Each setting is run --repeat times;
the medians and their ratio are printed. Run it when the machine is quiet.

    python benchmarks/extract_many.py [--megabytes 2] [--repeat 3]
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from diplo_events.corpus import Article, extract_many

ROOT = Path(__file__).parent.parent
POLNEAR = Path.home() / ".cache" / "polnear" / "dev.jsonl"


def _articles(polnear: bool) -> list[Article]:  # noqa: FBT001
    found = []
    for path in sorted(ROOT.glob("tests/data/extraction*/*.txt")):
        gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text("utf-8"))
        text = path.read_text("utf-8")
        found.append(Article(id=path.name, text=text, published=gold["published"]))
    if polnear and POLNEAR.exists():
        with POLNEAR.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                found.append(Article(id=row["id"], text=row["text"], published=row["published"]))
    return found


def _corpus(megabytes: float, polnear: bool) -> list[Article]:  # noqa: FBT001
    base = _articles(polnear)
    corpus: list[Article] = []
    size = 0
    while size < megabytes * 1_000_000:
        for article in base:
            corpus.append(article)
            size += len(article.text.encode())
    return corpus


def _run(corpus: list[Article], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    results = extract_many(corpus, reader="rules", workers=workers, progress=False)
    failed = sum(not r.ok for r in results)
    return time.perf_counter() - start, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-polnear", action="store_true", help="only the project's texts")
    args = parser.parse_args()
    corpus = _corpus(args.megabytes, polnear=not args.no_polnear)
    size = sum(len(a.text.encode()) for a in corpus) / 1_000_000
    print(f"corpus: {len(corpus)} articles, {size:.2f} MB of UTF-8 text")
    medians = {}
    for workers in (1, 2):
        times = []
        for _ in range(args.repeat):
            seconds, failed = _run(corpus, workers)
            times.append(seconds)
        medians[workers] = statistics.median(times)
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"workers={workers}: median {medians[workers]:.2f} s "
            f"({size / medians[workers]:.2f} MB/s; runs {runs}; {failed} failed)"
        )
    print(f"speed-up workers=2 vs workers=1: {medians[1] / medians[2]:.2f}x (target >= 1.7x)")


if __name__ == "__main__":
    main()
