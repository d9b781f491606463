"""Stage 4: demands and proposals, in what was said and in the narrative around it.

Demands are read from cues such as "demanded", "called on" and, in what
someone said, "should"; proposals from "proposed", "offered", "invited" and
the like, each with the acceptance or rejection the next sentences give. The
stage returns the records; nothing later reads them.
"""

import bisect
import re
from typing import Final, NamedTuple

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._text import Unit
from diplo_events.drafting.rules._cues import (
    ACCEPT_RE,
    DEMAND_NARRATIVE_RE,
    DEMAND_RE,
    PROPOSAL_RE,
    REJECT_RE,
    SPEECH,
    SPEECH_RE,
    URGENCY,
    confidence,
    proposal_kind,
)
from diplo_events.drafting.rules._meetings import Meetings
from diplo_events.drafting.rules._shared import (
    INSISTED_CLAIM_RE,
    PRONOUN_BEFORE_RE,
    PRONOUN_GENDER,
    RECENT,
    Cast,
    Ids,
    Ref,
    antecedent,
    clause_cited,
    clause_end,
    last_clause,
    subject_like,
)
from diplo_events.drafting.rules._statements import Statements
from diplo_events.model import (
    Citation,
    CitationRole,
    Demand,
    Proposal,
    ProposalKind,
    ProposalStatus,
    Response,
    ResponseStance,
    StatementMode,
)

__all__ = ["draft_claims"]

#: A demand's words: what is demanded, after its cue or, when the cue stands inside, all of it.
DEMAND_WORDS: Final = confidence("demand-words")
#: A proposal's words: what is proposed, after its cue.
PROPOSAL_WORDS: Final = confidence("proposal-words")
#: A demand: its whole clause, from its subject or addressee to its end.
DEMAND_CLAUSE: Final = confidence("demand-clause")
#: A proposal: its whole clause, from its subject to its end.
PROPOSAL_CLAUSE: Final = confidence("proposal-clause")
#: Who demanded or proposed: the subject of the cue, in the clause.
CLAIM_SPEAKER: Final = confidence("claim-speaker")
#: The word that marks a demand or a proposal ("urged", "called for", "proposed").
CLAIM_CUE: Final = confidence("claim-cue")
#: An acceptance or rejection of a proposal in the sentences after it.
RESPONSE_WORDS: Final = confidence("response-words")

#: What may stand between a cue and the words it introduces: "called for: a ceasefire".
_BEFORE_CONTENT: Final = frozenset(" \t\n\u00a0,:")

_FIRST_PERSON_RE: Final = re.compile(r"\b(?:I|[Ww]e|[Mm]e|[Uu]s)\b")

# Meeting kinds, strongest cue first.


class _Unit(NamedTuple):
    """Where to look for demands and proposals: a statement or a narrative sentence."""

    start: int
    end: int
    speaker: str | None  # actor key of the statement's speaker
    statement: str | None  # statement id
    meeting: str | None
    mention: int | None = None  # where the statement's speaker is named


def _units(doc: Document, meetings: Meetings, statements: Statements) -> list[_Unit]:
    said = statements.said
    units = [_Unit(s.start, s.end, s.speaker, s.id, s.meeting, s.mention.start) for s in said]
    # Statements do not overlap each other, so the one starting last before a
    # sentence's end is the only one that can cover it... or the one after it.
    starts = [s.start for s in said]
    for sentence in doc.sents:
        index = bisect.bisect_left(starts, sentence.end) - 1
        end = sentence.end
        if index >= 0 and said[index].end > sentence.start:
            # Reported speech may begin mid-sentence ("X urged Y, according to a
            # statement, which described ..."): the words before it are narrative.
            first = bisect.bisect_left(starts, sentence.start)
            covered = first > 0 and said[first - 1].end > sentence.start
            if (
                covered
                or first > index
                or said[first].start <= sentence.start
                or said[first].mode is StatementMode.DIRECT_QUOTE
            ):
                continue
            end = said[first].start
        units.append(_Unit(sentence.start, end, None, None, meetings.meeting_at(sentence.start)))
    units.sort()
    return units


def draft_claims(
    doc: Document, cast: Cast, meetings: Meetings, statements: Statements
) -> tuple[Demand | Proposal, ...]:
    """Draft the demands of *doc*, then its proposals with the responses to them."""
    ids = Ids(doc)
    records: list[Demand | Proposal] = []
    proposals: list[tuple[Proposal, int]] = []
    units = _units(doc, meetings, statements)
    for position, unit in enumerate(units):
        words = doc.text[unit.start : unit.end]
        cue_re = DEMAND_RE if unit.statement is not None else DEMAND_NARRATIVE_RE
        following = units[position + 1] if position + 1 < len(units) else None
        for cue in cue_re.finditer(words):
            span = Unit(unit.start + cue.start(), unit.start + cue.end())
            demand = _demand(doc, cast, ids, unit, span, following=following)
            if demand is not None:
                records.append(demand)
        for cue in PROPOSAL_RE.finditer(words):
            span = Unit(unit.start + cue.start(), unit.start + cue.end())
            if any(_span_of(p)[0] <= span.start < _span_of(p)[1] for p, _ in proposals[-RECENT:]):
                continue  # "X proposed that the three countries invite Y": one proposal
            made = _proposal(doc, cast, ids, unit, span, kind=proposal_kind(cue))
            if made is not None:
                proposals.append((made, span.end))
    records.extend(
        _with_response(doc, cast, statements, proposal, after) for proposal, after in proposals
    )
    return tuple(records)


def _span_of(record: Proposal) -> tuple[int, int]:
    return clause_cited(record.citations) or (0, 0)


class _Parts(NamedTuple):
    """The words of a demand or a proposal, and its citations, each in its role."""

    content: str
    citations: tuple[Citation, ...]


def _parts(
    doc: Document,
    start: int,
    end: int,
    *,
    cue: Unit,
    speaker: Ref | None,
    whole: bool,
    rules: tuple[float, float],
) -> _Parts:
    """The content of the clause *start*..*end* and its citations.

    The content is what is demanded or proposed: the words after the cue
    ("urged Armenia to withdraw" gives "Armenia to withdraw"), or the whole
    clause when its cue stands inside it (*whole*: "Turkey should withdraw",
    "the exchange which Armenia demanded take place"). The citations give the
    content first, then the mention of who made it when the clause names
    them, the cue, and the whole clause when the content is only part of it,
    in the order and roles of a statement's.
    """
    words_rule, clause_rule = rules
    text = doc.text
    content_start = start
    if not whole:
        content_start = cue.end
        while content_start < end and text[content_start] in _BEFORE_CONTENT:
            content_start += 1
        if content_start >= end:
            content_start = start  # nothing after the cue: the clause is all there is
    citations = [doc.cite(content_start, end, words_rule, CitationRole.CONTENT)]
    if speaker is not None and speaker.end <= cue.start:
        citations.append(doc.cite(speaker.start, speaker.end, CLAIM_SPEAKER, CitationRole.SPEAKER))
    citations.append(doc.cite(cue.start, cue.end, CLAIM_CUE, CitationRole.CUE))
    if content_start != start:
        citations.append(doc.cite(start, end, clause_rule, CitationRole.CONTEXT))
    return _Parts(text[content_start:end], tuple(citations))


def _actor_before(doc: Document, cast: Cast, unit: _Unit, at: int) -> Ref | None:
    """The subject of a cue at *at*: the nearest mention before it in its sentence.

    A "he" or "she" right before the cue that reading left unresolved, where
    the nearest mention is no person, is read back to its antecedent ("Kerry
    said the United States would ..., and he urged"), not passed over for that
    mention.
    """
    sentence = doc.sents[doc.sentence_at(at)]
    floor = max(sentence.start, unit.start)
    refs = [r for r in cast.refs_between(floor, at) if subject_like(doc, r, floor)]
    pronoun = PRONOUN_BEFORE_RE.search(doc.text, max(floor, at - 40), at)
    nearest = refs[-1] if refs else None
    if pronoun is not None and (nearest is None or not cast.is_person(nearest.key)):
        start, end = pronoun.span(1)
        key = antecedent(doc, cast, start, PRONOUN_GENDER[pronoun.group(1).lower()])
        if key is not None:
            return Ref(start, end, key, "pronoun")
    return nearest


# A speech verb and its "that" before the clause of a modal: the demand begins after them.
_SAID_THAT_RE: Final = re.compile(rf"\b(?:{SPEECH})\b[^,;:]{{0,40}}?\bthat\s+", re.IGNORECASE)
_PROPOSED_BEFORE_RE: Final = re.compile(r"\b(?:propos|suggest|offer)\w*\b", re.IGNORECASE)
_NOUN_BEFORE_RE: Final = re.compile(
    r"\b(?:a|an|the|video|phone|its|their|his|her)\s+$", re.IGNORECASE
)


def _demand(  # noqa: C901, PLR0912 - one branch per form of demand
    doc: Document,
    cast: Cast,
    ids: Ids,
    unit: _Unit,
    at: Unit,
    *,
    following: _Unit | None,
) -> Demand | None:
    cue_start, cue_end = at
    cue = doc.text[cue_start:cue_end].lower()
    clause_start = last_clause(doc.text, max(unit.start, cue_start - 120), cue_start)
    if _PROPOSED_BEFORE_RE.search(doc.text, clause_start, cue_start):
        return None  # "proposed that the two countries jointly ask the EU to ...": a proposal
    if (
        cue.startswith("insist")
        and cue.endswith("that")
        and INSISTED_CLAIM_RE.match(doc.text, cue_end, unit.end)
    ):
        return None  # "insisted that the vote had been fair": a claim, a statement's
    addressee: Ref | None = None
    speaker: Ref | None = None
    start = cue_start
    whole = cue in {"should", "must"}  # its addressee or clause comes first: all of it
    if whole:
        # "Turkey should withdraw": the addressee is the subject of "should".
        sentence = doc.sents[doc.sentence_at(cue_start)]
        floor = max(sentence.start, unit.start)
        nearby = cast.refs_between(max(floor, cue_start - 60), cue_start)
        if nearby and not doc.text[nearby[-1].end : cue_start].strip():
            addressee = nearby[-1]
            start = addressee.start
        else:
            # "Countries that have more doses than they need must share them": the clause.
            start = _modal_clause_start(doc.text, floor, cue_start)
        actor_key = unit.speaker
    elif _NOUN_BEFORE_RE.search(doc.text, max(0, cue_start - 12), cue_start):
        return None  # "a video call on Tuesday", "the demands of": nouns, not demands
    else:
        after = cast.refs_between(cue_end, min(unit.end, cue_end + 60))
        if after and not doc.text[cue_end : after[0].start].strip(" the"):
            addressee = after[0]
        subject = _actor_before(doc, cast, unit, cue_start)
        actor_key, speaker = _maker(doc, unit, subject, at)
        if cue.startswith("expect"):
            start = cue_start
        elif subject is not None:
            start = min(start, _phrase_start(doc.text, subject.start))
            whole = start < subject.start  # "the exchange which Armenia demanded take place"
    if actor_key is None:
        return None
    if addressee is not None and addressee.key == actor_key:
        addressee = None
    end = clause_end(doc, cue_end, unit.end)
    if end <= start:
        return None
    evidence: tuple[str, ...] = ()
    if unit.statement is not None and unit.speaker == actor_key:
        evidence = (unit.statement,)
    elif (
        doc.text[unit.start : unit.end].rstrip().endswith(":")
        and following is not None
        and following.statement is not None
        and following.speaker == actor_key
    ):
        evidence = (following.statement,)
    words = doc.text[start:end]
    urgency = next((level for level, rx in URGENCY if rx.search(words)), None)
    parts = _parts(
        doc, start, end, cue=at, speaker=speaker, whole=whole, rules=(DEMAND_WORDS, DEMAND_CLAUSE)
    )
    return Demand(
        id=ids("demand", f"{start}-{end}"),
        actor=cast.actors[actor_key].id,
        content=parts.content,
        addressees=() if addressee is None else (cast.actors[addressee.key].id,),
        urgency=urgency,
        evidence=evidence,
        meeting=unit.meeting,
        citations=parts.citations,
        draft=True,
    )


def _modal_clause_start(text: str, floor: int, cue_start: int) -> int:
    """Where the clause of a modal begins: after its last comma, and a speech verb's "that".

    "Countries that have more doses than they need must share them": all of
    it; "X said Friday that the video should be released": "the video …".
    """
    start = max(floor, last_clause(text, floor, cue_start))
    said = [match.end() for match in _SAID_THAT_RE.finditer(text, start, cue_start)]
    if said:
        start = said[-1]
    while start < cue_start and not text[start].isalnum():
        start += 1
    return start


def _phrase_start(text: str, subject_start: int) -> int:
    """Start of the noun phrase a cue's clause is about: "prisoner exchange which X demanded".

    The phrase begins after a speech verb in it ("Lavrov said the prisoner
    exchange which …"), and there is none when the verb is the word before
    the "that" ("the minister said that Warsaw …"): that "that" opens what
    was said.
    """
    window = text[max(0, subject_start - 80) : subject_start]
    match = re.search(r"(?:the issue of |of )?([\w-]+(?: [\w-]+){0,3}) (?:which|that) $", window)
    if match is None:
        return subject_start
    start = match.start(1)
    for said in SPEECH_RE.finditer(window, match.start(1), match.end(1)):
        if said.end() == match.end(1):
            return subject_start
        start = said.end() + 1
    return subject_start - len(window) + start


def _maker(
    doc: Document, unit: _Unit, subject: Ref | None, cue: Unit
) -> tuple[str | None, Ref | None]:
    """Who made a demand, and the mention of them to cite, from its cue's subject and its unit.

    In what someone said the speaker made it, and no mention is cited, unless
    the cue's subject (outside quotes) is the speaker ("Arakawa also urged …,
    and stressed that …"), or stands right before the cue while the speaker
    is named only after it ("Vardakis urged Ankara to …, which Greece says
    …"): then the subject, and its mention is cited.
    """
    if unit.speaker is None:
        return (subject.key if subject else None), subject
    if subject is None or doc.in_quote(subject.start) is not None:
        return unit.speaker, None
    if subject.key == unit.speaker:
        return unit.speaker, subject  # "X has attacked …, and has called for …" too
    if unit.mention is not None and unit.mention > cue.end and _right_before(doc, subject, cue):
        return subject.key, subject
    return unit.speaker, None


def _right_before(doc: Document, subject: Ref, cue: Unit) -> bool:
    """Whether a mention stands right before a cue, with only adverbs and auxiliaries between."""
    return _ADVERBS_RE.fullmatch(doc.text, subject.end, cue.start) is not None


_ADVERBS_RE: Final = re.compile(
    r"\s+(?:(?:also|again|then|later|repeatedly|once more|further|publicly|privately|has|have"
    r"|had|will|would|could|is|was|are|were|been)\s+)*"
)


def _proposal(
    doc: Document,
    cast: Cast,
    ids: Ids,
    unit: _Unit,
    at: Unit,
    *,
    kind: ProposalKind,
) -> Proposal | None:
    cue_start, cue_end = at
    # "accepted the invitation" answers a proposal; it is not a new one.
    if ACCEPT_RE.search(doc.text, max(unit.start, cue_start - 30), cue_start):
        return None
    if _NOUN_BEFORE_RE.search(doc.text, max(0, cue_start - 12), cue_start) or re.search(
        r"\b(?:consider|welcomed?|rejected|declined)\s+(?:the\s+)?(?:\w+\s+)?$",
        doc.text[max(0, cue_start - 40) : cue_start],
        re.IGNORECASE,
    ):
        return None  # "the offer", "would consider the Russian offer": a noun
    subject = _actor_before(doc, cast, unit, cue_start)
    inside = doc.in_quote(cue_start) is not None
    words_before = doc.text[max(unit.start, cue_start - 25) : cue_start]
    speaker: Ref | None = None
    if subject is not None and (not inside or not _FIRST_PERSON_RE.search(words_before)):
        actor_key: str | None = subject.key
        start = subject.start
        speaker = subject
    else:
        actor_key = unit.speaker
        start = cue_start
        first_person = list(_FIRST_PERSON_RE.finditer(words_before))
        if first_person:
            start = cue_start - len(words_before) + first_person[-1].start()
    if actor_key is None:
        return None
    addressees: tuple[str, ...] = ()
    after = doc.text[cue_end : cue_end + 12]
    if re.match(r"\s+(?:me|us)\b", after) and unit.speaker is not None:
        addressees = (cast.actors[unit.speaker].id,)
    else:
        following = cast.refs_between(cue_end, cue_end + 40)
        if following and not doc.text[cue_end : following[0].start].strip(" the"):
            addressees = (cast.actors[following[0].key].id,)
    end = clause_end(doc, cue_end, unit.end)
    if end <= start:
        return None
    evidence = (unit.statement,) if unit.statement and unit.speaker == actor_key else ()
    if actor_key == unit.speaker:
        addressees = tuple(a for a in addressees if a != cast.actors[actor_key].id)
    parts = _parts(
        doc,
        start,
        end,
        cue=at,
        speaker=speaker,
        whole=False,
        rules=(PROPOSAL_WORDS, PROPOSAL_CLAUSE),
    )
    return Proposal(
        id=ids("proposal", f"{start}-{end}"),
        actor=cast.actors[actor_key].id,
        content=parts.content,
        kind=kind,
        addressees=addressees,
        status=ProposalStatus.PENDING,
        evidence=evidence,
        meeting=unit.meeting,
        citations=parts.citations,
        draft=True,
    )


def _responder_before(doc: Document, cast: Cast, floor: int, at: int) -> Ref | None:
    """Who accepts or declines: the person named last before the verb in its clause."""
    floor = max(floor, last_clause(doc.text, floor, at) if "," in doc.text[floor:at] else floor)
    refs = [r for r in cast.refs_between(floor, at) if doc.in_quote(r.start) is None]
    people = [r for r in refs if cast.is_person(r.key)]
    if people:
        return people[-1]
    return refs[-1] if refs else None


def _with_response(
    doc: Document, cast: Cast, statements: Statements, proposal: Proposal, after: int
) -> Proposal:
    """The proposal with its acceptance or rejection, if the next words give one."""
    sentence_index = doc.sentence_at(after)
    last = doc.sents[min(len(doc.sents) - 1, sentence_index + 2)]
    window_end = last.end
    quote = doc.in_quote(after)
    for stance, pattern in (
        (ResponseStance.ACCEPTED, ACCEPT_RE),
        (ResponseStance.REJECTED, REJECT_RE),
    ):
        match = pattern.search(doc.text, after, window_end)
        if match is None:
            continue
        at = match.start()
        responder: str | None = None
        spoken = statements.said
        index = bisect.bisect_right(spoken, at, key=lambda s: s.start) - 1
        said = spoken[index] if index >= 0 and at < spoken[index].end else None
        if quote is not None and quote.start <= at < quote.end and said is not None:
            responder = said.speaker  # "I will be happy to come", in the speaker's own words
        else:
            sentence = doc.sents[doc.sentence_at(at)]
            subject = _responder_before(doc, cast, sentence.start, at)
            responder = subject.key if subject else None
        if responder is None or cast.actors[responder].id == proposal.actor:
            continue
        end = clause_end(doc, at, window_end)
        response = Response(
            actor=cast.actors[responder].id,
            stance=stance,
            statement=said.id if said is not None and said.speaker == responder else None,
            citations=(doc.cite(at, max(end, match.end()), RESPONSE_WORDS),),
        )
        status = (
            ProposalStatus.ACCEPTED
            if stance is ResponseStance.ACCEPTED
            else ProposalStatus.REJECTED
        )
        return attrs.evolve(proposal, responses=(response,), status=status)
    return proposal
