"""A tiny corpus for the attribution tagger, built from the project's own gold texts.

No PolNeAR in the tests: the gold texts under ``tests/data/extraction*/`` are
turned into a corpus in the PolNeAR converter's shape (each gold quote is a
content, its speaker's nearest name the source, the speech verb nearest to
both the cue). ``tests/conftest.py`` writes it and trains a model on it once
per session (fixtures ``tagger_corpus`` and ``tagger_model``).
"""

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
GOLD = sorted(DATA.glob("extraction*/*.gold.json"))
_VERB_RE = re.compile(r"\b(?:said|says|told|added|stressed|noted|thanked|underscored|urged)\b")


def _near(text: str, pattern: re.Pattern[str], low: int, high: int, at: int) -> tuple[int, int]:
    """The match of *pattern* in low..high nearest to *at*, or (-1, -1)."""
    found = [(m.start(), m.end()) for m in pattern.finditer(text, low, high)]
    if not found:
        return -1, -1
    return min(found, key=lambda s: min(abs(s[0] - at), abs(s[1] - at)))


def _span(start: int, end: int, text: str) -> dict[str, Any] | None:
    if start < 0:
        return None
    return {"start": start, "end": end, "text": text[start:end], "fragments": [[start, end]]}


def text_of(gold: Path) -> str:
    """The text a gold file annotates."""
    return gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")


def article(gold: Path) -> dict[str, Any]:
    """One gold text in the converter's shape."""
    text = text_of(gold)
    annotation = json.loads(gold.read_text(encoding="utf-8"))
    attributions = []
    for item in [*annotation.get("quotes", []), *annotation.get("reported", [])]:
        words = item.get("text") or item["cue"]
        start = text.find(words)
        if start < 0:
            continue
        end = start + len(words)
        low = text.rfind("\n", 0, start) + 1
        high = text.find("\n", end) % (len(text) + 1) or len(text)
        surname = re.escape(str(item["speaker"]).split()[-1])
        source = _near(text, re.compile(rf"\b{surname}\b"), low, high, start)
        cue = _near(text, _VERB_RE, low, high, source[0] if source[0] >= 0 else start)
        if "cue" in item and cue[0] >= start:  # reported: the words after the verb are said
            start = cue[1] + 1
            start += 5 if text.startswith("that ", start) else 0
        if start >= end:
            continue
        attributions.append(
            {
                "content": _span(start, end, text),
                "source": _span(*source, text),
                "cue": _span(*cue, text),
                "direct": "cue" not in item,
                "source_pronoun": False,
                "source_coref_names": [],
            }
        )
    return {"id": gold.stem, "published": annotation["published"], "text": text,
            "attributions": attributions}  # fmt: skip


def write_corpus(path: Path) -> Path:
    """Write the tiny corpus of every gold text to *path* (JSON Lines)."""
    with path.open("w", encoding="utf-8") as out:
        for gold in GOLD:
            out.write(json.dumps(article(gold), ensure_ascii=False) + "\n")
    return path


def gold_texts(step: int = 6) -> list[tuple[str, dt.date]]:
    """Every *step*-th gold text, with its publication date."""
    out = []
    for gold in GOLD[::step]:
        published = json.loads(gold.read_text(encoding="utf-8"))["published"]
        out.append((text_of(gold), dt.date.fromisoformat(published)))
    return out
