"""JSON paths of issues: one way to write a step, shared by parsing and validation.

An `Issue` names where a problem is with a JSONPath-like string such as
``$.records[3].participants[0].actor``. The model's graph queries, the
validator and the JSON reader all build such paths; this module is the one
place that says how a key becomes a step, below every other module.
"""

import keyword
import re
from typing import Final

__all__ = ["path_part"]

_IDENTIFIER_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def path_part(name: str) -> str:
    """Return the JSON path step for key *name*: ``.name`` or ``['odd key']``."""
    if _IDENTIFIER_RE.fullmatch(name) and not keyword.iskeyword(name):
        return f".{name}"
    return f"[{name!r}]"
