"""Would an NLP library draft better? extract() beside a spaCy pipeline, on the gold sets.

The spaCy side (benchmarks/nlp_baseline_spacy.py) runs in its own environment,
because the newest statistical pipeline that installs here from a package index
is spaCy 2.2 with ``en_core_web_sm`` 2.2.5 and textacy 0.9.1, on Python 3.8::

    python benchmarks/nlp_baseline.py --spacy-python /tmp/spacy22/bin/python
    python benchmarks/nlp_baseline.py --spacy-python ... --save drafts.json
    python benchmarks/nlp_baseline.py --predictions benchmarks/data/spacy-baseline.json

``--predictions`` scores drafts saved earlier, so the table can be printed
without the spaCy environment (its speed line is then the saved one). What is
compared, on each gold set (the matching rules are those of extraction.py):

- direct quotes: textacy's ``direct_quotations`` against extract(), exact spans;
- speakers: the speakers of those quotes (a spaCy speaker counts as right when
  it holds the gold speaker's surname, which favours spaCy);
- gold quotes with the right speaker: the spaCy side is handed each gold
  quote's span and reads its speaker from the dependency parse (the subject of
  the nearest reporting verb, pronouns and titles resolved to the latest
  PERSON); extract() is handed nothing, so a quote counts only if it also
  finds the quote's exact span (which favours spaCy);
- people named: gold participants whose name or alias the side finds as a person;
- reported statements: sentences whose reporting verb governs a clause, or
  that say "according to", against extract()'s reported statements;
- speed: KB per second over the 12 texts of the main set, both in this run
  (with ``--spacy-python``).
"""

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import extraction as harness

import diplo_events as de
from diplo_events.drafting import name_key

# The private helpers are evaluate()'s matching rules, applied here to the spaCy drafts.
from diplo_events.drafting.evaluate import (
    Tally,
    _cue_span,
    _match_pairs,
    _Names,
    _overlaps,
    evaluate,
    load_set,
)

HERE = Path(__file__).resolve().parent
SETS = {
    "main set": harness.GOLD_DIR,
    "held-out set": harness.HELDOUT_DIR,
    "second held-out set": harness.BLIND_DIR,
    "third held-out set": harness.THIRD_DIR,
}


def _key(folder: Path, name: str) -> str:
    return f"{folder.name}/{name}"


def request(repeat: int) -> dict[str, Any]:
    """What the spaCy side is asked: every gold text with its gold quote spans."""
    texts = []
    for folder in SETS.values():
        for name, text, gold in load_set(folder):
            spans = [_cue_span(text, q["text"]) for q in gold["quotes"]]
            texts.append({"key": _key(folder, name), "text": text, "quotes": spans})
    timed = [_key(harness.GOLD_DIR, name) for name, _, _ in load_set(harness.GOLD_DIR)]
    return {"texts": texts, "timed": timed, "repeat": repeat}


def run_spacy(python: str, repeat: int) -> dict[str, Any]:
    """Run the spaCy side under *python* and return its drafts."""
    result = subprocess.run(  # noqa: S603
        [python, str(HERE / "nlp_baseline_spacy.py")],
        input=json.dumps(request(repeat)),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"the spaCy side failed:\n{result.stderr}")
    drafts: dict[str, Any] = json.loads(result.stdout)
    return drafts


def same_speaker(predicted: str | None, gold: str) -> bool:
    """A spaCy speaker is right when it is the gold name or holds its surname."""
    if not predicted:
        return False
    words = name_key(predicted).split()
    return name_key(predicted) == name_key(gold) or name_key(gold).split()[-1] in words


class Side:
    """The tallies of one side on one set."""

    def __init__(self) -> None:
        self.quotes = Tally()
        self.speakers = Tally()
        self.reported = Tally()
        self.gold_speakers = [0, 0]
        self.people = [0, 0]


def score_spacy(folder: Path, drafts: dict[str, Any]) -> Side:
    """Score the spaCy drafts of one set by the harness's rules."""
    side = Side()
    for name, text, gold in load_set(folder):
        draft = drafts["texts"][_key(folder, name)]
        gold_quotes = [(_cue_span(text, q["text"]), q["speaker"]) for q in gold["quotes"]]
        found = [((q["start"], q["end"]), q["speaker"]) for q in draft["quotes"]]
        pairs = _match_pairs(gold_quotes, found, lambda g, p: g[0] == p[0])
        side.quotes.add(len(pairs), len(found), len(gold_quotes))
        right = sum(1 for g, p in pairs if same_speaker(p[1], g[1]))
        side.speakers.add(right, len(found), len(gold_quotes))
        for (_, speaker), parsed in zip(gold_quotes, draft["parse_speakers"], strict=True):
            side.gold_speakers[0] += same_speaker(parsed, speaker)
            side.gold_speakers[1] += 1
        cues = [_cue_span(text, g["cue"]) for g in gold["reported"]]
        sentences = [tuple(span) for span in draft["reported"]]
        matched = _match_pairs(cues, sentences, _overlaps)
        side.reported.add(len(matched), len(sentences), len(cues))
        persons = {name_key(p) for p in draft["persons"]}
        for person in gold["participants"]:
            names = [person["name"], *person["aliases"]]
            side.people[0] += any(name_key(n) in persons for n in names)
            side.people[1] += 1
    return side


def score_extract(folder: Path) -> Side:
    """Score extract() on one set by the same rules."""
    side = Side()
    tallies, _, _ = evaluate(folder)
    side.quotes = tallies["direct quotes"]
    side.speakers = tallies["speakers"]
    side.reported = tallies["reported statements"]
    side.gold_speakers = [tallies["speakers"].hits, tallies["speakers"].gold]
    for _, text, gold in load_set(folder):
        published = dt.date.fromisoformat(gold["published"])
        collection = de.extract(text, published=published, reader="rules")
        names = _Names(collection)
        people = [p.id for p in collection.of_type(de.Person)]
        for person in gold["participants"]:
            spellings = [person["name"], *person["aliases"]]
            side.people[0] += any(names.same(p, n) for p in people for n in spellings)
            side.people[1] += 1
    return side


def extract_speed(repeat: int) -> float:
    """Median KB per second of extract() over the main set."""
    return harness.throughput(repeat)[0]


def _ratio(part: list[int]) -> str:
    return f"{part[0] / part[1]:.2f} ({part[0]}/{part[1]})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--spacy-python", help="the Python of the spaCy 2.2 environment")
    source.add_argument("--predictions", type=Path, help="spaCy drafts saved with --save")
    parser.add_argument("--save", type=Path, help="write the spaCy drafts to this file")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (median is kept)")
    args = parser.parse_args(argv)
    if args.spacy_python:
        drafts = run_spacy(args.spacy_python, args.repeat)
        if args.save:
            args.save.write_text(json.dumps(drafts, indent=1, sort_keys=True) + "\n")
    else:
        drafts = json.loads(args.predictions.read_text(encoding="utf-8"))
    print(f"extract() beside {drafts['pipeline']}; F1 unless said")
    print(f"{'':<36}{'spaCy':>14}{'extract()':>14}")
    for label, folder in SETS.items():
        theirs, ours = score_spacy(folder, drafts), score_extract(folder)
        print(f"{label} ({len(load_set(folder))} texts)")
        rows = [
            ("direct quotes (exact span)", f"{theirs.quotes.f1:.2f}", f"{ours.quotes.f1:.2f}"),
            ("speakers of those quotes", f"{theirs.speakers.f1:.2f}", f"{ours.speakers.f1:.2f}"),
            (
                "gold quotes, right speaker, share",
                _ratio(theirs.gold_speakers),
                _ratio(ours.gold_speakers),
            ),
            ("participants named, share", _ratio(theirs.people), _ratio(ours.people)),
            ("reported statements", f"{theirs.reported.f1:.2f}", f"{ours.reported.f1:.2f}"),
        ]
        for row, a, b in rows:
            print(f"  {row:<34}{a:>14}{b:>14}")
    ours_speed = extract_speed(args.repeat)
    theirs_speed = drafts["kb_per_second"]
    saved = "" if args.spacy_python else " (spaCy: the saved run)"
    print(
        f"speed, KB/s over the main set{saved}: spaCy {theirs_speed:.0f}, "
        f"extract() {ours_speed:.0f}, ratio {ours_speed / theirs_speed:.0f}x "
        f"(median of {args.repeat} runs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
