"""Draft records from a folder of articles with Dask, into one partitioned Parquet dataset.

Each Dask task drafts a few articles with `diplo_events.extract_many` and
writes them as one part of the dataset (``write_parquet(..., partition=n)``);
`diplo_events.io.tables.read_parquet` then loads all the parts as one
collection, in the order of the files, and `diplo_events.merge` makes one
record of each person, organization and meeting found in several articles.

Run it on a folder of ``.txt`` files (one article each; a date at the end of a
file's name, ``...-2021-03-04.txt``, is the article's publication date)::

    python examples/dask_extract.py ARTICLES OUT [--workers 2] [--threads] [--reader rules]

It writes the parts to ``OUT/parts`` and the merged dataset to ``OUT/merged``.
Needs ``pip install 'diplo_events[dask]'``.
"""

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

import dask
import dask.bag as db
from distributed import Client, LocalCluster

import diplo_events as de
from diplo_events.drafting import Reader, choose_reader
from diplo_events.io import tables

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def read_article(path: Path) -> de.Article:
    """Read one article: the file's name is its id, a date ending the name its publication date."""
    date = _DATE.search(path.stem)
    return de.Article(
        id=path.stem,
        text=path.read_text(encoding="utf-8"),
        published=date.group() if date else None,
    )


def extract_part(
    paths: Sequence[Path],
    directory: Path,
    number: int,
    reader: Reader = "rules",
    model: Path | None = None,
) -> dict[str, list[str]]:
    """Draft the articles in *paths* and write them as part *number* of the dataset.

    *reader* and *model* are what the driver chose (see `extract_to_parquet`).
    Returns the issues of each article that could not be drafted, by its id.
    """
    records: list[de.Record] = []
    errors: dict[str, list[str]] = {}
    found = de.extract_many(map(read_article, paths), progress=False, reader=reader, model=model)
    for result in found:
        if result.drafts is not None:
            records.extend(result.drafts.records)
        elif result.error is not None:
            errors[str(result.key)] = [str(issue) for issue in result.error.issues]
    tables.write_parquet(de.Collection(records=records), directory, partition=number)
    return errors


def extract_to_parquet(
    paths: Sequence[Path],
    directory: Path,
    *,
    articles_per_part: int = 4,
    reader: Reader | None = None,
    model: Path | None = None,
) -> dict[str, list[str]]:
    """Draft every article in *paths* on the running Dask scheduler, a part per task.

    The reader is chosen once, here on the driver, as `extract` would choose
    it (*reader* None: the hybrid if a tagger model is present, else the
    rules), and every task reads with that choice: tasks on machines with
    and without a model never mix readers. A model must be at the same path
    on every worker. The parts are numbered in the order of *paths*, so
    `tables.read_parquet` gives the records in that order: the collection
    one process would draft. Returns the issues of the articles that could
    not be drafted, by id.
    """
    chosen, folder = choose_reader(reader, model)
    parts = db.from_sequence(paths, partition_size=articles_per_part).to_delayed()
    tasks = [
        dask.delayed(extract_part)(part, directory, n, chosen, folder)
        for n, part in enumerate(parts)
    ]
    errors: dict[str, list[str]] = {}
    for found in dask.compute(*tasks):
        errors.update(found)
    return errors


def main(argv: Sequence[str] | None = None) -> int:
    """Draft a folder of articles on a local Dask cluster, then merge what the parts hold."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="a folder of .txt files")
    parser.add_argument("out", type=Path, help="where to write parts/ and merged/")
    parser.add_argument("--workers", type=int, default=2, help="how many workers (default 2)")
    parser.add_argument(
        "--threads", action="store_true", help="workers as threads of this process: quick to start"
    )
    parser.add_argument(
        "--reader",
        choices=["rules", "tagger", "hybrid"],
        help="who reads the statements (default: the hybrid if a tagger model is trained)",
    )
    parser.add_argument("--model", type=Path, help="the tagger model's folder")
    args = parser.parse_args(argv)
    paths = sorted(args.articles.glob("*.txt"))
    cluster = LocalCluster(
        n_workers=args.workers,
        threads_per_worker=1,
        processes=not args.threads,
        dashboard_address=":0",  # any free port
    )
    with cluster, Client(cluster) as client:
        print(f"dashboard: {client.dashboard_link}")
        errors = extract_to_parquet(paths, args.out / "parts", reader=args.reader, model=args.model)
    for key, issues in errors.items():
        print(f"{key}: {'; '.join(issues)}")
    drafts = tables.read_parquet(args.out / "parts")
    merged = de.merge([drafts])
    tables.write_parquet(merged.collection, args.out / "merged")
    print(f"{len(paths)} articles, {len(errors)} failed: {len(drafts)} records drafted")
    print(str(merged.report).splitlines()[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
