"""Records in and out: strict JSON, JSON Lines, the cattrs converter, and schema versions.

The JSON functions are also importable from ``diplo_events``. This package
knows the model and never the extractor. Tables (Arrow, pandas, Parquet) are
in `diplo_events.io.tables`, which loads pyarrow on first use (the ``tables``
extra).
"""

from diplo_events.io import tables, versions
from diplo_events.io._converter import configure_converter, issues_from_exception, make_converter
from diplo_events.io.json import dump_jsonl, from_dict, from_json, iter_jsonl, to_dict, to_json

__all__ = [
    "configure_converter",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "issues_from_exception",
    "iter_jsonl",
    "make_converter",
    "tables",
    "to_dict",
    "to_json",
    "versions",
]
