"""Stage 5: references from the main meeting to earlier, later and planned events.

Every date in the text that may date another event is read with the words
around it ("the truce signed on November 9", "the previous talks ... on
November 21"); then the planned events named without a date ("he would visit
Yerevan"), a later mention of one planned event citing it again. The stage
returns the records; nothing later reads them.
"""

import bisect
import contextlib
import re
from typing import Final

import attrs

from diplo_events.drafting.reading._datetext import DateMatch, parse_date
from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._text import Unit
from diplo_events.drafting.rules._cues import (
    DOCUMENTS,
    FUTURE_EVENT_RE,
    PLANNED_RE,
    REFERENCE_CUES,
    REPORTED_ON_RE,
    confidence,
)
from diplo_events.drafting.rules._meetings import Meetings
from diplo_events.drafting.rules._shared import RECENT, Cast, Ids, clause_end, last_clause
from diplo_events.exceptions import ParseError
from diplo_events.model import Meeting, OrganizationKind, Reference, Relation, UncertainDate

__all__ = ["draft_references"]

#: Planned-event cues closer than this (in characters) to a reference already
#: drafted are taken to speak of the same event ("he would visit Yerevan ... I
#: will be happy to come").
_SAME_PLAN: Final = 200


class _Pending:
    """A reference being drafted: its relation, its words, its date, other words about it."""

    __slots__ = ("date", "end", "more", "relation", "start")

    def __init__(
        self, relation: Relation, start: int, end: int, date: UncertainDate | None
    ) -> None:
        self.relation = relation
        self.start = start
        self.end = end
        self.date = date
        self.more: list[tuple[int, int]] = []


def draft_references(doc: Document, cast: Cast, meetings: Meetings) -> tuple[Reference, ...]:
    """Draft the references of *doc* to events before and after its main meeting."""
    main = meetings.main
    if main is None:
        return ()
    body = doc.body
    made: list[_Pending] = []
    for index, match in enumerate(doc.dates):
        if match.span.start < body or index == meetings.main_date_index:
            continue
        if meetings.in_unheld_main(doc.sentence_at(match.span.start)):
            continue  # the planned meeting itself
        sentence = doc.sents[doc.sentence_at(match.span.start)]
        if match.future and _PAST_EVENT_BEFORE_RE.search(
            doc.text, max(sentence.start, match.span.start - 40), match.span.start
        ):
            # "He said X would ask ... when the officials met in Foz do Iguaçu in July": the
            # sentence points ahead, but the date is a past event's; read it on its own.
            with contextlib.suppress(ParseError):
                past = parse_date(match.text, anchor=doc.anchor)
                match = attrs.evolve(match, date=past, future=False)  # noqa: PLW2901
        relation, start, end = _relation(doc, cast, meetings, match, sentence)
        if relation is not None:
            made.append(_Pending(relation, start, end, match.date))
    _planned_references(doc, cast, meetings, made)
    ids = Ids(doc)
    drafted = (_reference(doc, ids, main, pending) for pending in made)
    return tuple(reference for reference in drafted if reference is not None)


def _planned_references(
    doc: Document, cast: Cast, meetings: Meetings, made: list[_Pending]
) -> None:
    """Planned events named without a date: "he would visit Yerevan"."""
    for sentence in doc.sents:
        for cue in PLANNED_RE.finditer(doc.text, sentence.start, sentence.end):
            if meetings.in_unheld_main(doc.sentence_at(cue.start())):
                continue
            start = _planned_start(doc, cast, sentence, cue.start())
            end = clause_end(doc, cue.end(), sentence.end)
            end = max(end, cue.end())
            if _UNDECIDED_RE.search(doc.text, max(sentence.start, cue.start() - 40), cue.start()):
                continue  # "did not say whether he would travel"
            if any(p.start <= cue.start() < p.end for p in made[-RECENT:]):
                continue
            same = _same_plan(
                cast,
                made,
                start,
                end,
                bare=_BARE_TRIP_RE.search(cue.group(0)) is not None,
            )
            if same is not None:
                same.more.append((start, end))  # cited again: "I will be happy to come"
                continue
            made.append(_Pending(Relation.PLANNED, start, end, None))


_PAST_EVENT_BEFORE_RE: Final = re.compile(
    r"\b(?:met|visited|spoke|signed|took place|was held|were held)\b[^.;,]*$", re.IGNORECASE
)
_EVENT_LATER_RE: Final = re.compile(
    r",?\s+[^.;:,\u201c\u201d\"]{0,60}?\b(?:met|visited|held talks|spoke"
    rf"|signed\s+(?:an?|the|their)\s+(?:[\w-]+\s+){{0,4}}?{DOCUMENTS})\b"
    r"(?:\s+(?:with|in|to))?(?:\s+(?:the\s+)?[A-Z][\w-]*)*"
)
_FOLLOWS_UP_RE: Final = re.compile(
    r"\bfollow(?:s|ed|ing)? up on\b|\bbuil(?:ds|t|ding) on\b|\bfollow-up to\b"
    r"|\bafter\s+(?:a|an|the|their)\s+(?:first|previous|earlier)\s+round\b",
    re.IGNORECASE,
)
_PAST_EVENT_AFTER_RE: Final = re.compile(
    r"\s*(?:visited|met|held talks|spoke|travell?ed|meeting|talks|call|conversation|visit|summit)\b"
    r"(?:\s+(?:with|in|to))?"
    r"(?:\s+(?:the\s+)?[A-Z][\w-]*)*"
)


def _places(cast: Cast, start: int, end: int) -> set[str]:
    return {
        cast.actors[r.key].country or ""
        for r in cast.refs_between(start, end)
        if cast.actors[r.key].org_kind is OrganizationKind.STATE
    }


_UNDECIDED_RE: Final = re.compile(r"\b(?:whether|if)\b[^.;,]*$", re.IGNORECASE)
_BARE_TRIP_RE: Final = re.compile(r"\b(?:come|return|visit)$", re.IGNORECASE)


def _same_plan(
    cast: Cast,
    made: list[_Pending],
    start: int,
    end: int,
    *,
    bare: bool,
) -> _Pending | None:
    """Whether a planned event speaks again of one just drafted.

    It does when it names a place the other names ("invited me to visit
    Yerevan" after "he would visit Yerevan"), or is a bare trip with no place
    ("I will be happy to come").
    """
    places = _places(cast, start, end)
    for pending in made[-RECENT:]:
        if pending.relation is not Relation.PLANNED:
            continue
        near = abs(start - pending.end) < _SAME_PLAN or abs(pending.start - end) < _SAME_PLAN
        if near and ((bare and not places) or places & _places(cast, pending.start, pending.end)):
            return pending
    return None


def _relation(
    doc: Document, cast: Cast, meetings: Meetings, match: DateMatch, sentence: Unit
) -> tuple[Relation | None, int, int]:
    """The relation a dated event bears to the meeting, and the span of words that say so."""
    if not _may_date_an_event(doc, match, sentence):
        return None, 0, 0
    if match.future:
        return _planned_relation(doc, match, sentence)
    found = _event_after_date(doc, cast, match, sentence)
    relation: Relation | None
    if found is None:
        before_start = max(sentence.start, match.span.start - 160)
        relation, start = _relation_before(doc, match, sentence, before_start)
        end = match.span.end
    else:
        relation, start, end = found
    if relation is Relation.PREVIOUS and _within_main(meetings, match.date):
        # "ended a two-day summit in Riga on Saturday", "On Thursday, the two ministers
        # signed ...": the meeting itself, or its own day
        return None, 0, 0
    if relation is Relation.PREVIOUS and _FOLLOWS_UP_RE.search(
        doc.text, sentence.start, match.span.start
    ):
        relation = Relation.FOLLOWS_UP
    return relation, start, end


def _planned_relation(
    doc: Document, match: DateMatch, sentence: Unit
) -> tuple[Relation | None, int, int]:
    """A date that lies ahead dates a planned event if its sentence names one."""
    if not FUTURE_EVENT_RE.search(doc.text, sentence.start, sentence.end):
        return None, 0, 0
    start = max(sentence.start, last_clause(doc.text, sentence.start, match.span.start))
    end = max(match.span.end, clause_end(doc, match.span.end, sentence.end))
    while start < end and not doc.text[start].isalnum():
        start += 1
    return Relation.PLANNED, start, end


def _event_after_date(
    doc: Document, cast: Cast, match: DateMatch, sentence: Unit
) -> tuple[Relation, int, int] | None:
    """An earlier event told after its date: "a commission recently visited Yerevan"."""
    after = _PAST_EVENT_AFTER_RE.match(doc.text, match.span.end, sentence.end)
    if after is None and match.span.start == _clause_start(doc, sentence, match.span.start):
        # "Earlier this month, the heads of the two coast guards met in Batam."
        after = _EVENT_LATER_RE.match(doc.text, match.span.end, sentence.end)
    if after is None:
        return None
    before_start = max(sentence.start, match.span.start - 160)
    floor = max(sentence.start, last_clause(doc.text, before_start, match.span.start))
    refs = cast.refs_between(floor, match.span.start)
    start = _noun_start(doc, refs[-1].start) if refs else floor
    while start < match.span.start and doc.text[start].isspace():
        start += 1
    return Relation.PREVIOUS, start, after.end()


def _may_date_an_event(doc: Document, match: DateMatch, sentence: Unit) -> bool:
    """Tell whether a date expression may date another event, not a statement or a span."""
    if REPORTED_ON_RE.search(
        doc.text, max(sentence.start, match.span.start - 30), match.span.start
    ):
        return False  # "the ministry said on Tuesday": when it was said
    words = match.text.lower()
    # "the first time they have met since 2018", "over the past month": a span of time;
    # "this year": the time of the report.
    return not words.startswith(("since", "over ", "for the past", "during the past", "this "))


def _within_main(meetings: Meetings, date: UncertainDate) -> bool:
    """Tell whether *date*, known to the day, falls on a day of the main meeting."""
    main = meetings.main
    if main is None or date.earliest is None or date.earliest != date.latest:
        return False
    last = main.end_date or main.date
    return (
        main.date.earliest is not None
        and last.latest is not None
        and main.date.is_exact
        and last.is_exact
        and main.date.earliest <= date.earliest <= last.latest
    )


def _clause_start(doc: Document, sentence: Unit, at: int) -> int:
    """Where the words before *at* begin: the sentence's start, or after its last comma."""
    start = max(sentence.start, last_clause(doc.text, sentence.start, at))
    while start < at and not doc.text[start].isalnum():
        start += 1
    return start


def _relation_before(
    doc: Document,
    match: DateMatch,
    sentence: Unit,
    before_start: int,
) -> tuple[Relation | None, int]:
    """The relation named by words before a date: "truce signed on", "previous talks ... on"."""
    before = doc.text[before_start : match.span.start]
    for relation, marker, cue_re in REFERENCE_CUES:
        cues = list(cue_re.finditer(before))
        found = cues[-1] if cues else None
        if found is None:
            continue
        if marker is not None:
            prefix = doc.text[sentence.start : before_start + found.start()]
            markers = list(marker.finditer(prefix))
            implementation = markers[-1] if markers else None
            if implementation is None:
                continue
            return relation, _noun_start(doc, sentence.start + implementation.start())
        return relation, _noun_start(doc, before_start + found.start())
    return None, 0


def _noun_start(doc: Document, at: int) -> int:
    """Widen a cue back to its article: "the implementation", "The previous talks"."""
    match = re.search(
        r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)\s+$", doc.text[max(0, at - 8) : at]
    )
    return at - (len(doc.text[max(0, at - 8) : at]) - match.start()) if match else at


def _planned_start(doc: Document, cast: Cast, sentence: Unit, cue_at: int) -> int:
    """The subject the planned event hangs on: the nearest mention or pronoun before the cue."""
    floor = max(sentence.start, last_clause(doc.text, sentence.start, cue_at))
    refs = cast.refs_between(floor, cue_at)
    quote = doc.in_quote(cue_at)
    if refs:
        start = refs[-1].start
    else:
        words = doc.text[floor:cue_at]
        pronoun = list(re.finditer(r"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b", words))
        start = floor + pronoun[-1].start() if pronoun else cue_at
    if quote is None:
        # Only the last quote to open before start can hold it (quotes never overlap).
        index = bisect.bisect_left(doc.quote_opens, start) - 1
        if index >= 0 and start <= doc.quotes[index].close_at + 1:
            start = doc.quotes[index].open_at
    while start < cue_at and doc.text[start].isspace():
        start += 1
    return start


#: The words that name another event: a dated one or a planned one.
REFERENCE_WORDS: Final = confidence("reference-words")
#: Later words that speak again of a planned event already cited.
REFERENCE_AGAIN: Final = confidence("reference-again")


def _reference(doc: Document, ids: Ids, main: Meeting, pending: _Pending) -> Reference | None:
    start, end = max(pending.start, doc.body), pending.end
    if end <= start:
        return None
    relation, date = pending.relation, pending.date
    # An event the text dates after the meeting is not one it looks back to, and
    # one dated before it is not planned: such an event is only cited.
    if date is not None and (
        (
            relation in {Relation.PREVIOUS, Relation.IMPLEMENTS}
            and main.last_date.certainly_before(date)
        )
        or (relation is Relation.PLANNED and date.certainly_before(main.date))
    ):
        relation = Relation.CITES
    citations = [doc.cite(start, end, REFERENCE_WORDS)]
    citations.extend(doc.cite(s, e, REFERENCE_AGAIN) for s, e in pending.more)
    return Reference(
        id=ids("reference", f"{start}-{end}"),
        subject=main.id,
        relation=relation,
        description=doc.text[start:end],
        date=date,
        citations=tuple(citations),
        draft=True,
    )
