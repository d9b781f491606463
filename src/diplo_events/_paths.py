"""JSON paths of issues: one way to write a step, shared by parsing and validation.

An `Issue` names where a problem is with a JSONPath-like string such as
``$.records[3].participants[0].actor``. The model's graph queries, the
validator and the JSON reader all build such paths; this module is the one
place that says how a key becomes a step, below every other module.

Input can be hostile: a key or a bad value may be a megabyte long. Paths and
messages therefore quote at most `QUOTE_LIMIT` characters of any key or value
(`shown`), so that an issue costs about the same whatever it is about.
"""

import keyword
import re
from typing import Final

__all__ = ["QUOTE_LIMIT", "path_part", "shown"]

_IDENTIFIER_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Most characters of a key or a value that a path or a message quotes.
QUOTE_LIMIT: Final = 80


def shown(value: object) -> str:
    """Return ``repr(value)`` for a message, cut to a prefix of `QUOTE_LIMIT` characters.

    A cut string ends in ``…`` after its closing quote, so a reader sees at
    once that the value was longer than what the message shows. An object
    whose ``repr`` fails is named by its type.

    >>> shown("short")
    "'short'"
    >>> shown("x" * 1000) == repr("x" * QUOTE_LIMIT) + "…"
    True
    """
    if isinstance(value, str) and len(value) > QUOTE_LIMIT:
        return f"{value[:QUOTE_LIMIT]!r}…"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a hostile object's repr must not escape
        text = f"<{type(value).__name__}>"
    if len(text) > QUOTE_LIMIT + 2:
        return text[: QUOTE_LIMIT + 2] + "…"
    return text


def path_part(name: str) -> str:
    """Return the JSON path step for key *name*: ``.name`` or ``['odd key']``.

    A key longer than `QUOTE_LIMIT` characters is cut as `shown` cuts it.
    """
    if len(name) <= QUOTE_LIMIT and _IDENTIFIER_RE.fullmatch(name) and not keyword.iskeyword(name):
        return f".{name}"
    return f"[{shown(name)}]"
