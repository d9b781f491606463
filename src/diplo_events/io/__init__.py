"""Records in and out: strict JSON, JSON Lines, the cattrs converter, and schema versions.

The JSON functions are also importable from ``diplo_events``. This package
knows the model and never the extractor; heavy formats (Arrow, Parquet) will
load here lazily, as optional extras.
"""

from diplo_events.io import versions
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
    "to_dict",
    "to_json",
    "versions",
]
