"""Check the gold annotations of the extraction evaluation set.

Run from the project root (Python 3.11, standard library only):

    python tests/data/extraction/check_gold.py

Every ``NAME.txt`` in this folder must have a ``NAME.gold.json`` beside it and
vice versa.  The script asserts the shape of each gold file and that every
quote and cue can be found exactly once in its text; it prints one line per
pair and exits non-zero on the first set of failures.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = {
    "origin",
    "published",
    "notes",
    "meetings",
    "participants",
    "quotes",
    "reported",
    "demands",
    "proposals",
    "references",
}
ITEM_KEYS = {
    "meetings": {"kind", "date", "location", "participants", "cue"},
    "participants": {"name", "aliases", "title", "country"},
    "quotes": {"text", "speaker"},
    "reported": {"cue", "speaker"},
    "demands": {"cue", "actor", "addressee"},
    "proposals": {"cue", "actor", "status"},
    "references": {"cue", "relation", "date"},
}
# A quote or reported statement someone relays names who: a spokesperson
# speaking for a body, or one who quotes another ("She quoted him as saying").
OPTIONAL_KEYS = {"quotes": {"reported_by"}, "reported": {"reported_by"}}
KINDS = {
    "talks",
    "visit",
    "phone_call",
    "video_call",
    "press_conference",
    "summit",
    "signing",
    "reception",
    "other",
}
RELATIONS = {"implements", "follows_up", "previous", "planned", "cites"}
STATUSES = {"pending", "accepted", "rejected"}
TITLES = {
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Secretary of State",
    "Deputy Foreign Minister",
    "Ambassador",
    "Executive Secretary",
}
OPENING = "“‘\"'"
CLOSING = "”’\"'"
MAX_CUE = 200
WRITTEN = "written for diplo_events"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _bounds(single: str) -> tuple[str, str]:
    """Earliest and latest day (ISO strings) of an EDTF day, month or year."""
    if m := _DAY.match(single):
        y, mo, d = (int(g) for g in m.groups())
        assert 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1], single
        return single, single
    if m := _MONTH.match(single):
        y, mo = (int(g) for g in m.groups())
        assert 1 <= mo <= 12, single
        last = calendar.monthrange(y, mo)[1]
        return f"{single}-01", f"{single}-{last:02d}"
    if _YEAR.match(single):
        return f"{single}-01-01", f"{single}-12-31"
    raise AssertionError(f"not an EDTF day, month or year: {single!r}")


def edtf_bounds(value: str) -> tuple[str, str]:
    """Bounds of "YYYY[-MM[-DD]]" or an interval "A/B" of such dates."""
    assert isinstance(value, str), value
    if "/" in value:
        start, _, end = value.partition("/")
        assert (start, end) != ("..", ".."), value
        lo = "0001-01-01" if start == ".." else _bounds(start)[0]
        hi = "9999-12-31" if end == ".." else _bounds(end)[1]
        assert lo <= hi, f"interval runs backwards: {value!r}"
        return lo, hi
    return _bounds(value)


def count(text: str, needle: str) -> int:
    """Occurrences of needle in text, overlapping ones included."""
    n, start = 0, 0
    while (i := text.find(needle, start)) != -1:
        n += 1
        start = i + 1
    return n


def check_pair(txt_path: Path, gold_path: Path) -> list[str]:
    errors: list[str] = []

    def need(cond: bool, msg: str) -> None:
        if not cond:
            errors.append(msg)

    raw = txt_path.read_bytes()
    text = raw.decode("utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))

    need(set(gold) == TOP_KEYS, f"top-level keys {sorted(gold)}")
    if errors:
        return errors
    for section, keys in ITEM_KEYS.items():
        need(isinstance(gold[section], list), f"{section} is not a list")
        for i, item in enumerate(gold[section]):
            optional = OPTIONAL_KEYS.get(section, set())
            need(
                isinstance(item, dict) and keys <= set(item) <= keys | optional,
                f"{section}[{i}] keys {sorted(item) if isinstance(item, dict) else item}",
            )
    if errors:
        return errors

    need(isinstance(gold["origin"], str) and gold["origin"], "origin missing")
    need(isinstance(gold["notes"], str), "notes is not a string")
    need(bool(_DAY.match(gold["published"] or "")), "published is not YYYY-MM-DD")
    published = gold["published"]
    edtf_bounds(published)
    if gold["origin"].startswith(WRITTEN):
        need(
            text.endswith("\n") and not text.endswith("\n\n"),
            "text must end with exactly one newline",
        )
        need("\r" not in text, "text contains carriage returns")

    names = [p["name"] for p in gold["participants"]]
    need(len(names) == len(set(names)), "duplicate participant names")
    for p in gold["participants"]:
        need(count(text, p["name"]) >= 1, f"participant {p['name']!r} not in text")
        need(isinstance(p["aliases"], list), f"aliases of {p['name']!r}")
        for alias in p["aliases"]:
            need(count(text, alias) >= 1, f"alias {alias!r} not in text")
        need(p["title"] in TITLES, f"title {p['title']!r} not canonical")
        need(
            p["country"] is None or bool(re.fullmatch(r"[A-Z]{3}", p["country"])),
            f"country {p['country']!r}",
        )

    def known(who: str | None) -> bool:
        return isinstance(who, str) and (who in names or count(text, who) >= 1)

    def cue_ok(section: str, cue: str) -> None:
        need(
            isinstance(cue, str) and 0 < len(cue) <= MAX_CUE,
            f"{section} cue empty or longer than {MAX_CUE}: {cue!r}",
        )
        n = count(text, cue)
        need(n == 1, f"{section} cue found {n} times: {cue!r}")

    for m in gold["meetings"]:
        need(m["kind"] in KINDS, f"meeting kind {m['kind']!r}")
        cue_ok("meeting", m["cue"])
        if m["date"] is not None:
            lo, _ = edtf_bounds(m["date"])
            need(lo <= published, f"meeting {m['date']} after publication")
        need(m["location"] is None or isinstance(m["location"], str), "location")
        need(len(m["participants"]) >= 1, f"meeting without participants: {m['cue']!r}")
        for who in m["participants"]:
            need(who in names, f"meeting participant {who!r} not in participants")

    for q in gold["quotes"]:
        t = q["text"]
        n = count(text, t)
        need(n == 1, f"quote found {n} times: {t[:60]!r}")
        if n == 1:
            i = text.find(t)
            need(i > 0 and text[i - 1] in OPENING, f"no opening mark before {t[:40]!r}")
            j = i + len(t)
            need(j < len(text) and text[j] in CLOSING, f"no closing mark after {t[-40:]!r}")
        need(known(q["speaker"]), f"quote speaker {q['speaker']!r} unknown")
        need(known(q.get("reported_by", q["speaker"])), f"quote relay {q!r} unknown")

    for r in gold["reported"]:
        cue_ok("reported", r["cue"])
        need(known(r["speaker"]), f"reported speaker {r['speaker']!r} unknown")
        need(known(r.get("reported_by", r["speaker"])), f"reported relay {r!r} unknown")

    for d in gold["demands"]:
        cue_ok("demand", d["cue"])
        need(known(d["actor"]), f"demand actor {d['actor']!r} unknown")
        need(d["addressee"] is None or isinstance(d["addressee"], str), "addressee")

    for p in gold["proposals"]:
        cue_ok("proposal", p["cue"])
        need(known(p["actor"]), f"proposal actor {p['actor']!r} unknown")
        need(p["status"] in STATUSES, f"proposal status {p['status']!r}")

    for r in gold["references"]:
        cue_ok("reference", r["cue"])
        need(r["relation"] in RELATIONS, f"reference relation {r['relation']!r}")
        if r["date"] is not None:
            lo, hi = edtf_bounds(r["date"])
            if r["relation"] in {"previous", "implements", "follows_up", "cites"}:
                need(lo <= published, f"{r['relation']} reference after publication: {r['date']}")
            if r["relation"] == "planned":
                need(hi >= published, f"planned reference before publication: {r['date']}")

    return errors


def main() -> int:
    texts = {p.name[: -len(".txt")]: p for p in HERE.glob("*.txt")}
    golds = {p.name[: -len(".gold.json")]: p for p in HERE.glob("*.gold.json")}
    failed = False
    for missing in sorted(set(texts) ^ set(golds)):
        print(f"FAIL {missing}: text and gold must come in pairs")
        failed = True
    totals: dict[str, int] = {}
    for name in sorted(set(texts) & set(golds)):
        try:
            errors = check_pair(texts[name], golds[name])
        except (AssertionError, ValueError, KeyError, TypeError) as exc:
            errors = [f"{type(exc).__name__}: {exc}"]
        if errors:
            failed = True
            print(f"FAIL {name}")
            for e in errors:
                print(f"    {e}")
            continue
        gold = json.loads(golds[name].read_text(encoding="utf-8"))
        counts = {k: len(gold[k]) for k in ITEM_KEYS}
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        print(f"ok   {name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(
        f"{len(set(texts) & set(golds))} pairs; totals: "
        + ", ".join(f"{k} {v}" for k, v in totals.items())
    )
    return 1 if failed or not golds else 0


if __name__ == "__main__":
    sys.exit(main())
