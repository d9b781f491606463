"""Size of a Parquet dataset against the JSON Lines of the same records, and round-trip times.

The collection is the drafts `extract()` makes from every gold text of the
project (tests/data/extraction*), merged into one collection, the Moscow
talks added; with ``--polnear PATH`` (a converted PolNeAR split such as
~/.cache/polnear/dev.jsonl), its articles' drafts too. Sizes are printed with
and without the source texts, for zstd and snappy; times are medians.

Usage: python benchmarks/tables.py [--polnear PATH] [--repeat N]
"""

import argparse
import datetime as dt
import importlib.util
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import diplo_events as de
from diplo_events.drafting import evaluate
from diplo_events.io import tables

ROOT = Path(__file__).parent.parent


def _moscow() -> de.Collection:
    spec = importlib.util.spec_from_file_location("moscow", ROOT / "examples/moscow_talks_2020.py")
    if spec is None or spec.loader is None:
        raise ImportError("examples/moscow_talks_2020.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    collection: de.Collection = module.build_collection()
    return collection


def build(polnear: Path | None) -> tuple[de.Collection, int]:
    """Return every draft of the gold texts (and PolNeAR's, if given) in one collection."""
    texts: list[tuple[str, dt.date]] = []
    for folder in sorted((ROOT / "tests" / "data").glob("extraction*")):
        for _, text, gold in evaluate.load_set(folder):
            texts.append((text, dt.date.fromisoformat(gold["published"])))
    if polnear is not None:
        with polnear.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                texts.append((item["text"], dt.date.fromisoformat(item["published"])))
    records: dict[str, de.Record] = {r.id: r for r in _moscow()}
    for text, published in texts:
        for record in de.extract(text, published=published, reader="rules"):
            records.setdefault(record.id, record)
    return de.Collection(records=list(records.values())), len(texts) + 1


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.glob("*.parquet"))


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Build the collection, write it both ways and print sizes, ratios and times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    collection, documents = build(args.polnear)
    counts = ", ".join(f"{n} {t}" for t, n in sorted(_type_counts(collection).items()))
    print(f"collection: {len(collection)} records from {documents} documents ({counts})")
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        jsonl = root / "all.jsonl"
        de.dump_jsonl(collection, jsonl)
        jsonl_bare = root / "bare.jsonl"
        de.dump_jsonl(collection, jsonl_bare, include_text=False)
        rows = [("JSON Lines", _size(jsonl), _size(jsonl_bare))]
        for codec in ("zstd", "snappy"):
            tables.write_parquet(collection, root / codec, compression=codec)
            tables.write_parquet(
                collection, root / f"{codec}-bare", compression=codec, include_text=False
            )
            rows.append((f"Parquet {codec}", _size(root / codec), _size(root / f"{codec}-bare")))
        print(f"{'':16}{'with texts':>14}{'without texts':>16}")
        for name, full, bare in rows:
            print(f"{name:16}{full / 1024:>11.1f} KB{bare / 1024:>13.1f} KB")
        base_full, base_bare = rows[0][1], rows[0][2]
        print("ratios (Parquet / JSON Lines):")
        for name, full, bare in rows[1:]:
            print(f"  {name}: {full / base_full:.2f} with texts, {bare / base_bare:.2f} without")
        write = _median(lambda: tables.write_parquet(collection, root / "t"), args.repeat)
        read = _median(lambda: tables.read_parquet(root / "t"), args.repeat)
        dump = _median(lambda: de.dump_jsonl(collection, root / "t.jsonl"), args.repeat)
        load = _median(lambda: list(de.iter_jsonl(root / "t.jsonl")), args.repeat)
        print(f"write_parquet {write * 1000:.0f} ms, read_parquet {read * 1000:.0f} ms")
        print(f"dump_jsonl {dump * 1000:.0f} ms, iter_jsonl {load * 1000:.0f} ms (medians)")
        back = tables.read_parquet(root / "t")
        print(f"round trip: equal={back == collection}")
    return 0


def _type_counts(collection: de.Collection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in collection:
        counts[record.type] = counts.get(record.type, 0) + 1
    return counts


if __name__ == "__main__":
    raise SystemExit(main())
