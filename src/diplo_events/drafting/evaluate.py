"""Score an extractor's drafts against hand-annotated gold texts.

An evaluation set is a folder of texts, each ``NAME.txt`` with a
``NAME.gold.json`` beside it that says what a careful analyst finds in it: the
meetings, their participants, direct quotes and their speakers, reported
statements, demands, proposals and references to other events (the project's
sets, and the gold format, are in ``tests/data/extraction*/``). `evaluate` runs
an extractor over every text of a set and counts, per category of
`CATEGORIES`, what it found right, what it drafted and what the gold holds, so
that every extractor (the rules of `diplo_events.extract`, a learned tagger
later) is measured by the same rules. Matching rules, per category:

- meetings: same kind, and a shared participant or the gold cue inside the
  meeting's cited words; a meeting put off or called off is not one;
- meeting dates: a matched meeting whose date (``date`` or ``date/end_date``
  for a range) has the gold EDTF text;
- participants: people (and bodies) taking part in any meeting of the text,
  matched by name, alias or spelling variant;
- direct quotes: the span of the words is exactly the gold quote's span;
- speakers: a matched quote whose speaker has the gold speaker's name;
- reported statements, demands, proposals: the cited words overlap the gold
  cue; references also need the gold relation;
- relays: among the matched quotes and reported statements, those the gold
  or the draft says someone relayed (a gold ``reported_by``, a drafted
  ``Statement.reported_by``); right when both name the same actor.

Each predicted item matches at most one gold item. Precision, recall and F1
are summed over the whole set (micro-averaged).

.. versionadded:: 0.2.0
"""

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final, NamedTuple, Protocol

import attrs

from diplo_events._validate import validate
from diplo_events.drafting.reading._namebook import name_key
from diplo_events.drafting.reading._phrase import parse_actor_mention
from diplo_events.exceptions import FieldTypeError, ParseError, Severity
from diplo_events.model import (
    Citation,
    Collection,
    Demand,
    EventStatus,
    Meeting,
    Organization,
    OrganizationKind,
    Person,
    Proposal,
    Reference,
    Statement,
    StatementMode,
)

#: The name of the project's showcase text; `load_set` puts it first and
#: `evaluate` returns the details of its score.
SHOWCASE: Final = "moscow-talks-2020-12-08"

#: The categories scored, in the order they are reported.
CATEGORIES: Final = (
    "meetings",
    "meeting dates",
    "participants",
    "direct quotes",
    "speakers",
    "reported statements",
    "relays",
    "demands",
    "proposals",
    "references",
)

_Span = tuple[int, int]


class Extractor(Protocol):
    """What `evaluate` can score: a callable that drafts records from one text.

    `diplo_events.extract` is one. Any function that takes the text and a
    keyword ``published`` (the gold file's publication date) and returns a
    `Collection` of drafts is another.

    .. versionadded:: 0.2.0
    """

    def __call__(self, text: str, /, *, published: dt.date) -> Collection:
        """Draft the records of *text*, published on *published*."""
        ...


@attrs.define
class Tally:
    """Counts of one category, added up over the texts of a set.

    Precision is 1.0 when nothing was predicted and recall is 1.0 when the gold
    holds nothing: nothing was got wrong, and nothing was missed.

    >>> tally = Tally()
    >>> tally.add(hits=3, predicted=4, gold=6)
    >>> tally.precision, tally.recall, tally.f1
    (0.75, 0.5, 0.6)

    Attributes:
        hits: Predicted items that match a gold item (true positives).
        predicted: Items the extractor drafted.
        gold: Items the gold annotations hold.

    .. versionadded:: 0.2.0
    """

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, hits: int, predicted: int, gold: int) -> None:
        """Add the counts of one text."""
        self.hits += hits
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        """The share of predicted items that are right (1.0 when none was predicted)."""
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """The share of gold items found (1.0 when the gold holds none)."""
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Evaluation(NamedTuple):
    """What `evaluate` finds on one set; a named tuple, so it also unpacks.

    .. versionadded:: 0.2.0
    """

    #: A `Tally` per name of `CATEGORIES`, in that order.
    tallies: dict[str, Tally]
    #: The details `score_text` returns for the `SHOWCASE` text, or an empty
    #: dict when the set does not hold it.
    showcase: dict[str, Any]
    #: Each text's name with the number of errors `diplo_events.validate`
    #: finds in its drafts, in the order scored.
    validation_errors: list[tuple[str, int]]


def load_set(folder: str | os.PathLike[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Read an evaluation set: every text with its gold annotations.

    Args:
        folder: A folder of ``NAME.txt`` texts, each with a ``NAME.gold.json``
            beside it.

    Returns:
        A ``(name, text, gold)`` triple per text, sorted by name, the
        `SHOWCASE` text first. *gold* is the parsed JSON of the gold file.

    Raises:
        FileNotFoundError: *folder* is not a folder, or a text has no gold file.

    .. versionadded:: 0.2.0
    """
    root = Path(folder)
    if not root.is_dir():
        msg = f"no evaluation set at {str(root)!r}"
        raise FileNotFoundError(msg)
    items = []
    for path in sorted(root.glob("*.txt")):
        name = path.name.removesuffix(".txt")
        gold = json.loads((root / f"{name}.gold.json").read_text(encoding="utf-8"))
        items.append((name, path.read_text(encoding="utf-8"), gold))
    items.sort(key=lambda item: item[0] != SHOWCASE)
    return items


def _first_span(citation: Citation) -> _Span:
    """The (start, end) of a citation's first span."""
    return citation.spans[0].start, citation.spans[0].end


def _cue_span(text: str, cue: str) -> _Span:
    """The (start, end) of a gold cue, which occurs once in *text*."""
    start = text.index(cue)
    return start, start + len(cue)


def _overlaps(a: _Span, b: _Span) -> bool:
    """Tell whether two (start, end) ranges share a character."""
    return a[0] < b[1] and b[0] < a[1]


def _match_pairs(
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


class _Names:
    """The names each drafted actor goes by, to compare with gold names."""

    def __init__(self, collection: Collection) -> None:
        self.keys: dict[str, set[str]] = {}
        self.countries: dict[str, str | None] = {}
        self.bodies: dict[str, Organization] = {}
        for record in collection.records:
            if isinstance(record, Person):
                self.keys[record.id] = {name_key(n) for n in record.names()}
            elif isinstance(record, Organization):
                self.keys[record.id] = {name_key(record.name), *map(name_key, record.aliases)}
                if record.kind is OrganizationKind.STATE:
                    self.countries[record.id] = record.country
                else:
                    self.bodies[record.id] = record

    def same(self, actor_id: str | None, gold_name: str | None) -> bool:
        """Tell whether the drafted actor goes by the gold name (or is its state)."""
        if actor_id is None or gold_name is None:
            return False
        if name_key(gold_name) in self.keys.get(actor_id, set()):
            return True
        body = self.bodies.get(actor_id)
        country = self.countries.get(actor_id)
        if country is None and body is None:
            return False
        try:
            mention = parse_actor_mention(gold_name)
        except ParseError:
            return False
        if body is not None:  # "Thai Foreign Ministry" is the Ministry of Foreign Affairs of THA
            return (
                mention.name is None
                and mention.organization is not None
                and mention.country == body.country
                and body.name.startswith(mention.organization)
            )
        return mention.name is None and mention.country == country


def _edtf(meeting: Meeting) -> str:
    if meeting.end_date is None:
        return meeting.date.edtf
    return f"{meeting.date.edtf}/{meeting.end_date.edtf}"


def score_text(
    text: str, gold: dict[str, Any], collection: Collection, tallies: dict[str, Tally]
) -> dict[str, Any]:
    """Score the drafts of one text against its gold annotations.

    Args:
        text: The text the drafts were made from.
        gold: Its gold annotations, as `load_set` reads them.
        collection: The drafts.
        tallies: A `Tally` per name of `CATEGORIES`; this text's counts are
            added to them.

    Returns:
        The details shown for the showcase text, by key. ``"quotes"`` holds
        the quotes found with their exact span, those of them with the right
        speaker, the gold quotes and the quotes drafted; ``"participants"``,
        each gold participant found, with whether their title and country
        are right; ``"gold participants"``, their number; ``"demands"`` and
        ``"proposals"``, those found and those in the gold; ``"reference
        dates"``, the EDTF dates of the matched references, sorted.

    .. versionadded:: 0.2.0
    """
    names = _Names(collection)
    # The gold lists meetings that took place; one put off or called off is not one.
    meetings = [m for m in collection.of_type(Meeting) if m.status in {None, EventStatus.HELD}]
    statements = list(collection.of_type(Statement))

    def meeting_same(g: dict[str, Any], m: Meeting) -> bool:
        if m.kind.value != g["kind"]:
            return False
        cue = _cue_span(text, g["cue"])
        if any(_overlaps(cue, _first_span(c)) for c in m.citations if c.spans):
            return True
        return any(names.same(p.actor, who) for p in m.participants for who in g["participants"])

    pairs = _match_pairs(gold["meetings"], meetings, meeting_same)
    tallies["meetings"].add(len(pairs), len(meetings), len(gold["meetings"]))
    dated = [g for g in gold["meetings"] if g["date"] is not None]
    right = sum(1 for g, m in pairs if g["date"] is not None and _edtf(m) == g["date"])
    tallies["meeting dates"].add(right, len(meetings), len(dated))

    taking_part = {p.actor for m in meetings for p in m.participants}
    gold_people = gold["participants"]

    def person_same(g: dict[str, Any], actor: str) -> bool:
        return any(names.same(actor, n) for n in [g["name"], *g["aliases"]])

    people = _match_pairs(gold_people, sorted(taking_part), person_same)
    tallies["participants"].add(len(people), len(taking_part), len(gold_people))

    direct = [s for s in statements if s.mode is StatementMode.DIRECT_QUOTE]
    gold_quotes = [(_cue_span(text, q["text"]), q["speaker"], q) for q in gold["quotes"]]
    quote_pairs = _match_pairs(
        gold_quotes, direct, lambda g, s: _first_span(s.citations[0]) == g[0]
    )
    tallies["direct quotes"].add(len(quote_pairs), len(direct), len(gold_quotes))
    speakers = sum(1 for g, s in quote_pairs if names.same(s.speaker, g[1]))
    tallies["speakers"].add(speakers, len(direct), len(gold_quotes))

    reported = [s for s in statements if s.mode is not StatementMode.DIRECT_QUOTE]
    reported_pairs = _overlap_category(
        text, gold["reported"], reported, tallies["reported statements"]
    )
    relays = [
        (g.get("reported_by"), s.reported_by)
        for g, s in [*((q, s) for (_, _, q), s in quote_pairs), *reported_pairs]
        if g.get("reported_by") is not None or s.reported_by is not None
    ]
    tallies["relays"].add(
        sum(1 for g, s in relays if names.same(s, g)),
        sum(1 for _, s in relays if s is not None),
        sum(1 for g, _ in relays if g is not None),
    )
    demands = list(collection.of_type(Demand))
    demand_pairs = _overlap_category(text, gold["demands"], demands, tallies["demands"])
    proposals = list(collection.of_type(Proposal))
    proposal_pairs = _overlap_category(text, gold["proposals"], proposals, tallies["proposals"])
    references = list(collection.of_type(Reference))
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


def _country_of(collection: Collection, actor: str) -> str | None:
    for meeting in collection.of_type(Meeting):
        for participant in meeting.participants:
            if participant.actor == actor and participant.represents is not None:
                state = collection.get(participant.represents)
                if isinstance(state, Organization):
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
        cue = _cue_span(text, g["cue"])
        hit = any(_overlaps(cue, _first_span(c)) for c in record.citations[:1] if c.spans)
        return hit and (extra is None or extra(g, record))

    pairs = _match_pairs(gold, items, same)
    tally.add(len(pairs), len(items), len(gold))
    return pairs


def evaluate(folder: str | os.PathLike[str], *, extractor: Extractor | None = None) -> Evaluation:
    """Run an extractor over every text of an evaluation set and score its drafts.

    Args:
        folder: The evaluation set, as `load_set` reads it.
        extractor: What drafts the records of each text; it is called as
            ``extractor(text, published=date)`` with the gold file's
            publication date. Defaults to the rules of
            `diplo_events.extract` (``reader="rules"``, whatever tagger
            model is trained).

    Returns:
        The scores per category, the showcase details and the validation
        errors of each text's drafts.

    Raises:
        FieldTypeError: *extractor* is not callable, or it returned something
            other than a `Collection` (code ``type.mismatch``).
        FileNotFoundError: *folder* is not a folder, or a text has no gold file.

    .. versionadded:: 0.2.0
    """
    if extractor is None:
        # Imported on use: scoring depends on no extractor, only this default does.
        from diplo_events.drafting._extract import extract  # noqa: PLC0415

        extractor = functools.partial(extract, reader="rules")
    # Checked although typed: an untyped caller gets a clear error, not a late one.
    given: object = extractor
    if not callable(given):
        msg = f"'extractor' must be callable, got {type(given).__name__}"
        raise FieldTypeError("extractor", "type.mismatch", msg)
    tallies = {name: Tally() for name in CATEGORIES}
    showcase: dict[str, Any] = {}
    problems: list[tuple[str, int]] = []
    for name, text, gold in load_set(folder):
        published = dt.date.fromisoformat(gold["published"])
        collection: object = extractor(text, published=published)
        if not isinstance(collection, Collection):
            msg = (
                f"'extractor' must return a Collection, got {type(collection).__name__} "
                f"for {name!r}"
            )
            raise FieldTypeError("extractor", "type.mismatch", msg)
        errors = [i for i in validate(collection) if i.severity is Severity.ERROR]
        problems.append((name, len(errors)))
        details = score_text(text, gold, collection, tallies)
        if name == SHOWCASE:
            showcase = details
    return Evaluation(tallies, showcase, problems)
