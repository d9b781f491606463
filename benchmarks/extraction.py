"""Score `diplo_events.extract` against the gold annotations in tests/data/extraction.

Run from the project root::

    python benchmarks/extraction.py            # the table of scores and the speed line
    python benchmarks/extraction.py --json     # the same numbers as JSON

For every text the harness calls ``extract(text, published=<gold published>)``
and compares the drafts with the gold file beside the text (its format is in
``tests/data/extraction/README.md``). Matching rules, per category:

- meetings: same kind, and a shared participant or the gold cue inside the
  meeting's cited words;
- meeting dates: a matched meeting whose date (``date`` or ``date/end_date``
  for a range) has the gold EDTF text;
- participants: people (and bodies) taking part in any meeting of the text,
  matched by name, alias or spelling variant;
- direct quotes: the span of the words is exactly the gold quote's span;
- speakers: a matched quote whose speaker has the gold speaker's name;
- reported statements, demands, proposals: the cited words overlap the gold
  cue; references also need the gold relation.

Each predicted item matches at most one gold item. Precision, recall and F1
are summed over the whole set (micro-averaged).
"""

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import diplo_events as de
from diplo_events.drafting import name_key

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLD_DIR = DATA_DIR / "extraction"
#: Texts annotated without looking at the extractor, and never used to tune it.
HELDOUT_DIR = DATA_DIR / "extraction-heldout"
#: A second such set, written later, blind to the extractor and to the first.
BLIND_DIR = DATA_DIR / "extraction-blind"
#: A third, written later still, blind to the extractor and to the other two.
THIRD_DIR = DATA_DIR / "extraction-third"
HELD_OUT_SETS = {
    "held-out set": HELDOUT_DIR,
    "second held-out set": BLIND_DIR,
    "third held-out set": THIRD_DIR,
}
SHOWCASE = "moscow-talks-2020-12-08"
CATEGORIES = (
    "meetings",
    "meeting dates",
    "participants",
    "direct quotes",
    "speakers",
    "reported statements",
    "demands",
    "proposals",
    "references",
)


class Tally:
    """True positives, predictions and gold items of one category."""

    def __init__(self) -> None:
        self.hits = 0
        self.predicted = 0
        self.gold = 0

    def add(self, hits: int, predicted: int, gold: int) -> None:
        self.hits += hits
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_set(folder: Path = GOLD_DIR) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (name, text, gold) of an evaluation set, the showcase first."""
    items = []
    for path in sorted(folder.glob("*.txt")):
        name = path.name.removesuffix(".txt")
        gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
        items.append((name, path.read_text(encoding="utf-8"), gold))
    items.sort(key=lambda item: item[0] != SHOWCASE)
    return items


def first_span(citation: de.Citation) -> tuple[int, int]:
    """The (start, end) of a citation's first span."""
    return citation.spans[0].start, citation.spans[0].end


def cue_span(text: str, cue: str) -> tuple[int, int]:
    """The (start, end) of a gold cue, which occurs once in *text*."""
    start = text.index(cue)
    return start, start + len(cue)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two (start, end) ranges share a character."""
    return a[0] < b[1] and b[0] < a[1]


def match_pairs(
    gold: list[Any], predicted: list[Any], same: Callable[[Any, Any], bool]
) -> list[tuple[Any, Any]]:
    """Pairs of gold and predicted items, each used once, in gold order."""
    pairs = []
    free = list(predicted)
    for item in gold:
        for candidate in free:
            if same(item, candidate):
                pairs.append((item, candidate))
                free.remove(candidate)
                break
    return pairs


class Names:
    """The names each drafted actor goes by, to compare with gold names."""

    def __init__(self, collection: de.Collection) -> None:
        self.keys: dict[str, set[str]] = {}
        self.countries: dict[str, str | None] = {}
        for record in collection.records:
            if isinstance(record, de.Person):
                self.keys[record.id] = {name_key(n) for n in record.names()}
            elif isinstance(record, de.Organization):
                self.keys[record.id] = {name_key(record.name), *map(name_key, record.aliases)}
                if record.kind is de.OrganizationKind.STATE:
                    self.countries[record.id] = record.country

    def same(self, actor_id: str | None, gold_name: str | None) -> bool:
        if actor_id is None or gold_name is None:
            return False
        if name_key(gold_name) in self.keys.get(actor_id, set()):
            return True
        country = self.countries.get(actor_id)
        if country is None:
            return False
        try:
            mention = de.parse_actor_mention(gold_name)
        except de.ParseError:
            return False
        return mention.name is None and mention.country == country


def _edtf(meeting: de.Meeting) -> str:
    if meeting.end_date is None:
        return meeting.date.edtf
    return f"{meeting.date.edtf}/{meeting.end_date.edtf}"


def score_text(
    text: str, gold: dict[str, Any], collection: de.Collection, tallies: dict[str, Tally]
) -> dict[str, Any]:
    """Add one text's counts to *tallies*; return the details the showcase check needs."""
    names = Names(collection)
    # The gold lists meetings that took place; one put off or called off is not one.
    meetings = [
        m for m in collection.of_type(de.Meeting) if m.status in {None, de.EventStatus.HELD}
    ]
    statements = list(collection.of_type(de.Statement))

    def meeting_same(g: dict[str, Any], m: de.Meeting) -> bool:
        if m.kind.value != g["kind"]:
            return False
        cue = cue_span(text, g["cue"])
        if any(overlaps(cue, first_span(c)) for c in m.citations if c.spans):
            return True
        return any(names.same(p.actor, who) for p in m.participants for who in g["participants"])

    pairs = match_pairs(gold["meetings"], meetings, meeting_same)
    tallies["meetings"].add(len(pairs), len(meetings), len(gold["meetings"]))
    dated = [g for g in gold["meetings"] if g["date"] is not None]
    right = sum(1 for g, m in pairs if g["date"] is not None and _edtf(m) == g["date"])
    tallies["meeting dates"].add(right, len(meetings), len(dated))

    taking_part = {p.actor for m in meetings for p in m.participants}
    gold_people = gold["participants"]

    def person_same(g: dict[str, Any], actor: str) -> bool:
        return any(names.same(actor, n) for n in [g["name"], *g["aliases"]])

    people = match_pairs(gold_people, sorted(taking_part), person_same)
    tallies["participants"].add(len(people), len(taking_part), len(gold_people))

    direct = [s for s in statements if s.mode is de.StatementMode.DIRECT_QUOTE]
    gold_quotes = [(cue_span(text, q["text"]), q["speaker"]) for q in gold["quotes"]]
    quote_pairs = match_pairs(gold_quotes, direct, lambda g, s: first_span(s.citations[0]) == g[0])
    tallies["direct quotes"].add(len(quote_pairs), len(direct), len(gold_quotes))
    speakers = sum(1 for g, s in quote_pairs if names.same(s.speaker, g[1]))
    tallies["speakers"].add(speakers, len(direct), len(gold_quotes))

    reported = [s for s in statements if s.mode is not de.StatementMode.DIRECT_QUOTE]
    _overlap_category(text, gold["reported"], reported, tallies["reported statements"])
    demands = list(collection.of_type(de.Demand))
    demand_pairs = _overlap_category(text, gold["demands"], demands, tallies["demands"])
    proposals = list(collection.of_type(de.Proposal))
    proposal_pairs = _overlap_category(text, gold["proposals"], proposals, tallies["proposals"])
    references = list(collection.of_type(de.Reference))
    reference_pairs = _overlap_category(
        text,
        gold["references"],
        references,
        tallies["references"],
        extra=lambda g, r: r.relation.value == g["relation"],
    )
    return {
        "quotes": (len(quote_pairs), speakers, len(gold_quotes), len(direct)),
        "participants": [
            (
                g["name"],
                any(
                    p.title == g["title"]
                    for m in meetings
                    for p in m.participants
                    if p.actor == actor
                ),
                _country_of(collection, actor) == g["country"],
            )
            for g, actor in people
        ],
        "gold participants": len(gold_people),
        "demands": (len(demand_pairs), len(gold["demands"])),
        "proposals": (len(proposal_pairs), len(gold["proposals"])),
        "reference dates": sorted(r.date.edtf for _, r in reference_pairs if r.date is not None),
    }


def _country_of(collection: de.Collection, actor: str) -> str | None:
    for meeting in collection.of_type(de.Meeting):
        for participant in meeting.participants:
            if participant.actor == actor and participant.represents is not None:
                state = collection.get(participant.represents)
                if isinstance(state, de.Organization):
                    return state.country
    return None


def _overlap_category(
    text: str,
    gold: list[dict[str, Any]],
    predicted: Iterable[Any],
    tally: Tally,
    extra: Callable[[dict[str, Any], Any], bool] | None = None,
) -> list[tuple[Any, Any]]:
    items = list(predicted)

    def same(g: dict[str, Any], record: Any) -> bool:
        cue = cue_span(text, g["cue"])
        hit = any(overlaps(cue, first_span(c)) for c in record.citations[:1] if c.spans)
        return hit and (extra is None or extra(g, record))

    pairs = match_pairs(gold, items, same)
    tally.add(len(pairs), len(items), len(gold))
    return pairs


def evaluate(
    folder: Path = GOLD_DIR,
) -> tuple[dict[str, Tally], dict[str, Any], list[tuple[str, int]]]:
    """Run extract on a whole set: scores per category, showcase details, issues."""
    tallies = {name: Tally() for name in CATEGORIES}
    showcase: dict[str, Any] = {}
    problems: list[tuple[str, int]] = []
    for name, text, gold in load_set(folder):
        published = dt.date.fromisoformat(gold["published"])
        collection = de.extract(text, published=published)
        errors = [i for i in de.validate(collection) if i.severity is de.Severity.ERROR]
        problems.append((name, len(errors)))
        details = score_text(text, gold, collection, tallies)
        if name == SHOWCASE:
            showcase = details
    return tallies, showcase, problems


def throughput(repeat: int = 7) -> tuple[float, int]:
    """Median KB (1000 bytes of UTF-8) per second of extract over the whole set, and its size."""
    items = load_set()
    size = sum(len(text.encode()) for _, text, _ in items)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _, text, gold in items:
            de.extract(text, published=dt.date.fromisoformat(gold["published"]))
        times.append(time.perf_counter() - start)
    return size / 1000 / statistics.median(times), size


def _print_heldout(label: str, folder: Path, heldout: dict[str, Tally]) -> None:
    texts = len(load_set(folder))
    print()
    print(f"{label}: {texts} texts annotated without looking at the extractor")
    for name, t in heldout.items():
        print(
            f"{name:<22}{t.precision:>10.3f}{t.recall:>8.3f}{t.f1:>7.3f}"
            f"{t.hits:>6}{t.predicted:>6}{t.gold:>6}"
        )


def long_text_throughput(size: int = 200_000, repeat: int = 3) -> float:
    """Median KB per second of extract on one long text: the gold texts, repeated to *size*."""
    texts = [text for _, text, _ in load_set()]
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        parts.extend(texts)
    long_text = "\n\n".join(parts)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        de.extract(long_text, published=dt.date(2021, 12, 31))
        times.append(time.perf_counter() - start)
    return len(long_text.encode()) / 1000 / statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--repeat", type=int, default=7, help="timing runs (median is kept)")
    args = parser.parse_args(argv)
    tallies, showcase, problems = evaluate()
    heldout = {
        label: evaluate(folder)[0] for label, folder in HELD_OUT_SETS.items() if folder.is_dir()
    }
    speed, size = throughput(args.repeat)
    long_speed = long_text_throughput(repeat=max(1, min(args.repeat, 3)))
    if args.json:
        scores = {
            name: {
                "precision": t.precision,
                "recall": t.recall,
                "f1": t.f1,
                "hits": t.hits,
                "predicted": t.predicted,
                "gold": t.gold,
            }
            for name, t in tallies.items()
        }
        print(
            json.dumps(
                {
                    "scores": scores,
                    "held_out_f1": {
                        label: {n: t.f1 for n, t in tallies_.items()}
                        for label, tallies_ in heldout.items()
                    },
                    "showcase": showcase,
                    "kb_per_second": speed,
                    "kb_per_second_long_text": long_speed,
                    "validation_errors": dict(problems),
                },
                indent=2,
            )
        )
        return 0
    texts = len(problems)
    print(f"extract() on {texts} gold texts ({size / 1000:.1f} KB), micro-averaged")
    print(
        f"{'category':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'hits':>6}{'pred':>6}{'gold':>6}"
    )
    for name, t in tallies.items():
        print(
            f"{name:<22}{t.precision:>10.3f}{t.recall:>8.3f}{t.f1:>7.3f}"
            f"{t.hits:>6}{t.predicted:>6}{t.gold:>6}"
        )
    for label, tallies_ in heldout.items():
        _print_heldout(label, HELD_OUT_SETS[label], tallies_)
    found, attributed, gold_quotes, predicted = showcase["quotes"]
    print()
    print(f"showcase {SHOWCASE}:")
    print(
        f"  direct quotes with exact spans: {found} of {gold_quotes}, right speaker: "
        f"{attributed}; quotes drafted: {predicted} (invented: {predicted - found})"
    )
    people = ", ".join(
        f"{n} (title {'ok' if t else 'wrong'}, country {'ok' if c else 'wrong'})"
        for n, t, c in showcase["participants"]
    )
    found_people = len(showcase["participants"])
    print(f"  participants: {found_people} of {showcase['gold participants']}: {people}")
    print(f"  reference dates: {', '.join(showcase['reference dates'])}")
    print(
        f"  demands: {showcase['demands'][0]} of {showcase['demands'][1]}, "
        f"proposals: {showcase['proposals'][0]} of {showcase['proposals'][1]}"
    )
    errors = sum(n for _, n in problems)
    print(f"validation errors in the drafts: {errors}")
    print(f"speed: extract() handles {speed:.0f} KB/s on one core (median of {args.repeat} runs)")
    print(
        f"speed on one 200 KB text (the gold texts repeated): {long_speed:.0f} KB/s "
        "(target: >= 200 KB/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
