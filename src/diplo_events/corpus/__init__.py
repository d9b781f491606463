"""From many articles to one dataset: draft them all, merge the drafts, review them.

`extract_many` drafts records from many `Article` items (or texts), in
worker processes if asked; `merge` makes one dataset of many collections of
drafts, with a `MergeReport` saying what it merged and why;
`diplo_events.corpus.review` accepts or rejects drafts in bulk and shows what a
correction changed. `extract_many`, `Article` and `merge` are also importable
from ``diplo_events``, which loads this package only when one is first used.
"""

from diplo_events.corpus import review
from diplo_events.corpus._many import Article, Extracted, extract_many
from diplo_events.corpus._merge import Conflict, KeptApart, Merged, MergeReport, Merging, merge

__all__ = [
    "Article",
    "Conflict",
    "Extracted",
    "KeptApart",
    "MergeReport",
    "Merged",
    "Merging",
    "extract_many",
    "merge",
    "review",
]
