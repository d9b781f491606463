"""Statements from the attributions a learned tagger proposes, for the tagger and hybrid readers.

The tagger (``drafting/tagger/``) only marks spans: the words said, the
mention of who said them and the cue. This stage turns each into a
statement the way the rules do: the source span is resolved to an actor
of the cast (a name, a title, a pronoun's antecedent) or drafted as a
speaker of its own from the phrase ("officials", "the Times"), and the
statement cites its content, speaker, cue and verbatim fragments.

The tagger reader drafts only these. The hybrid reader takes the rules'
statements, demands and proposals first and adds a tagger statement
wherever its words overlap the words of none of them: the rules are right
94% of the time next to a speech verb, and the tagger finds the long tail
of cues they do not list, while words the rules read as a demand or a
proposal ("X urged Y to Z") stay that, as with the rules alone.
Where the tagger found the same cue as a rules statement of reported
speech, the hybrid cuts that statement's clause where the tagger cuts it.
A tagger content with no source continues the quote before it, or is
given (unsurely) to the person named last; reported words whose source
resolves to no one go (unsurely) to the actor named nearest. Unsure words
with no source tagged are left out, and words read from the tagger's
marginals alone are drafted only where they hold no quote and nothing else
was drafted from their sentence.

A tagger statement's content and speaker citations take their confidences
from the ``tagger-*`` rules of ``data/cues/confidences.tsv`` and name them
in their ``rule``, and a rules statement the hybrid changed names
``hybrid-cut`` or ``hybrid-widened`` on its content: that is how a
statement says which reader drafted it.
"""

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.rules._cues import SPEECH, confidence
from diplo_events.drafting.rules._meetings import Meetings
from diplo_events.drafting.rules._reported_speakers import speaker_head
from diplo_events.drafting.rules._shared import PRONOUN_GENDER, Cast, Ref, antecedent
from diplo_events.drafting.rules._statements import (
    VERBATIM_WORDS,
    Statements,
    _add_statement,
    _described,
    _Work,
)
from diplo_events.drafting.tagger._spans import LONE, SURE, TaggedAttribution
from diplo_events.model import (
    Citation,
    CitationRole,
    Demand,
    Proposal,
    Span,
    Statement,
    StatementMode,
)

__all__ = ["draft_tagged"]

#: The tagger's content words, tagged with a mean marginal probability of at least 0.9.
TAGGER_WORDS: Final = confidence("tagger-words")
#: The tagger's content words, tagged less surely.
TAGGER_WORDS_UNSURE: Final = confidence("tagger-words-unsure")
#: Words the best tag sequence leaves out but the marginals hold (`TaggedAttribution.posterior`).
TAGGER_WORDS_POSTERIOR: Final = confidence("tagger-words-posterior")
#: The tagger's source is a name of the cast, tagged surely.
TAGGER_SPEAKER_NAMED: Final = confidence("tagger-speaker-named")
#: The tagger's source is a pronoun or title read back to someone named.
TAGGER_SPEAKER_REFERRED: Final = confidence("tagger-speaker-referred")
#: The tagger's source is a phrase that describes or names the speaker only there.
TAGGER_SPEAKER_DESCRIBED: Final = confidence("tagger-speaker-described")
#: The tagger's source was tagged unsurely, taken from the quote before, or guessed.
TAGGER_SPEAKER_UNSURE: Final = confidence("tagger-speaker-unsure")

#: A rules statement of reported speech whose clause the hybrid cut where the tagger cuts it.
HYBRID_CUT: Final = confidence("hybrid-cut")
#: A rules quote the hybrid widened into the mixed clause the tagger surely reads around it.
HYBRID_WIDENED: Final = confidence("hybrid-widened")

#: Every rule name a tagger statement's citations give.
TAGGER_RULES: Final = frozenset(
    {
        "tagger-words",
        "tagger-words-unsure",
        "tagger-words-posterior",
        "tagger-speaker-named",
        "tagger-speaker-referred",
        "tagger-speaker-described",
        "tagger-speaker-unsure",
    }
)
#: The rule names of the rules statements the hybrid changed with the tagger's reading.
HYBRID_RULES: Final = frozenset({"hybrid-cut", "hybrid-widened"})

# How far before a source a mention that overlaps it may begin.
_REACH: Final = 80
_PERSONAL: Final = frozenset({"he", "she", "him", "her"})
_NOT_A_SOURCE_RE: Final = re.compile(r"(?i)(?:i|we|you|it|they|them|us|me|this|that|who|which)")
_POSSESSIVE_AFTER_RE: Final = re.compile(r"['’]s?\b")
_EDGES: Final = " \t\n,;:—–-"
_WORD_RE: Final = re.compile(r"[^\W_]")
# A speech verb and its "that" at the start of the words the tagger marks: its cue.
_CUE_LEAD_RE: Final = re.compile(rf"(?i)(?:[\w’'-]+\s+){{0,3}}?(?:{SPEECH})\s+(?=that\s)")
# A cue's "of" before the words the tagger marks: "says of Clinton, “…”".
_OF_BEFORE_RE: Final = re.compile(rf"(?i)\b(?:{SPEECH})\s+of\s+$")
# A "that" just before a quote's opening mark: the words said begin there, not before.
_THAT_BEFORE_RE: Final = re.compile(r"(?i)\bthat\s+[“\"]?$")


def draft_tagged(
    doc: Document,
    cast: Cast,
    meetings: Meetings,
    attributions: Sequence[TaggedAttribution],
    *,
    ruled: Statements | None = None,
    claims: Sequence[Demand | Proposal] = (),
) -> Statements:
    """Draft statements from the tagger's attributions; the hybrid's when *ruled* is given.

    *ruled* holds the rules' statements of the same document, cast and
    meetings, and *claims* the demands and proposals the rules drafted from
    them: the hybrid keeps every one (cutting reported words where the
    tagger cuts them), and adds a tagger statement only where its words
    overlap the words of none, as cut (but for a demand read from a modal
    alone, which names no maker; and a tagger statement with no source stays
    out of the rules' words as first read).
    """
    work = _Work(doc, cast, meetings)
    taken: list[tuple[int, int]] = []
    uncut: list[tuple[int, int]] = []
    if ruled is not None:
        work.cast = ruled.cast
        work.records.extend(ruled.records)
        work.said.extend(ruled.said)
        work.ids.used.update(r.id for r in ruled.records)
        # Words a cut frees are the tagger's only where it tagged who said them: else
        # the person named last, whose words were cut, would be given them again.
        uncut = [_words(r) for r in work.records if r.citations and r.citations[0].spans]
        work.records[:] = [_refined(doc, r, attributions) for r in work.records]
        # A tagger content may not overlap the words of a rules statement (as cut
        # above), demand or proposal: "X urged Y to Z" is a demand in the rules' reading,
        # not a statement. (Their words, cited first: not the clause around a demand's,
        # which holds words the tagger may rightly read as someone's statement.)
        taken = [
            _words(r)
            for r in (*work.records, *(c for c in claims if _keeps_out(c)))
            if r.citations and r.citations[0].spans
        ]
    for found in attributions:
        start, end = _trim(doc.text, *found.content)
        lead = _CUE_LEAD_RE.match(doc.text, start, end)
        if lead is not None and doc.in_quote(start) is None:
            start = lead.end()  # "going on to say that X": the words are X
        if _set_aside(doc, found, (start, end), taken if found.source else taken + uncut):
            continue
        speaker = _speaker(work, found.source) if found.source is not None else None
        speaker = speaker or _guessed(work, start)
        mode = _mode(doc, start, end)
        if speaker is None and mode is StatementMode.REPORTED:
            speaker = _nearest(work, start)
        if speaker is None:
            continue
        ref, rule = speaker
        if found.source_score < SURE or found.continued:
            rule = TAGGER_SPEAKER_UNSURE
        words = TAGGER_WORDS if found.content_score >= SURE else TAGGER_WORDS_UNSURE
        if found.posterior:
            words = TAGGER_WORDS_POSTERIOR
        cue = Span(start=found.cue[0], end=found.cue[1]) if found.cue is not None else None
        _add_statement(
            work,
            key=ref.key,
            start=start,
            end=end,
            mode=mode,
            confidence=words,
            speaker=Span(start=ref.start, end=ref.end),
            speaker_confidence=rule,
            cue=cue,
        )
        taken.append((start, end))
    return Statements(
        records=tuple(work.records),
        said=tuple(sorted(work.said, key=lambda s: s.start)),
        cast=work.cast,
    )


def _words(record: Statement | Demand | Proposal) -> tuple[int, int]:
    """From the start to the end of a record's first citation: its words."""
    spans = record.citations[0].spans
    return spans[0].start, spans[-1].end


def _set_aside(
    doc: Document, found: TaggedAttribution, words: tuple[int, int], taken: list[tuple[int, int]]
) -> bool:
    """Whether the tagger's words *words* (trimmed) are left out of the drafts.

    Marks or punctuation alone, words that overlap words already drafted,
    unsure words with no source tagged for them (more often wrong than
    right on PolNeAR), and words read from the marginals alone that hold a
    quote or stand in a sentence something was already drafted from.
    """
    start, end = words
    if _WORD_RE.search(doc.text, start, end) is None:
        return True  # marks or punctuation alone ("''") say nothing
    if end - start < 2 or any(low < end and start < high for low, high in taken):  # noqa: PLR2004
        return True
    if found.posterior:
        if doc.in_quote(start) is not None or doc.quotes_between(start, end):
            return True  # quotes are the best sequence's and the rules' to read
        sentence = doc.sents[doc.sentence_at(start)]
        if any(low < sentence.end and sentence.start < high for low, high in taken):
            return True  # a sentence already read
    return found.source is None and found.content_score < LONE


def _keeps_out(claim: Demand | Proposal) -> bool:
    """Whether a demand's or proposal's words keep a tagger statement out.

    Not when they were read from a modal alone and name no one who made
    them ("Rendell, who …, agreed that the rules should be modernized": the
    maker is only whoever speaks in the sentence); the tagger may read them
    as someone's statement with its own source and cue.
    """
    roles: dict[CitationRole | None, Citation] = {}
    for citation in claim.citations:
        roles.setdefault(citation.role, citation)
    content, cue = roles.get(CitationRole.CONTENT), roles.get(CitationRole.CUE)
    if CitationRole.SPEAKER in roles or content is None or cue is None:
        return True
    inside = content.spans[0].start <= cue.spans[0].start < content.spans[-1].end
    return not inside


def _refined(
    doc: Document, record: Statement, attributions: Sequence[TaggedAttribution]
) -> Statement:
    """A rules statement of reported speech with its content cut where the tagger cuts it.

    Only when the tagger found the same cue and its words overlap the
    rules' and hold no quote: the rules' speaker, cue and context stay.
    (Mixed statements are left whole: cutting them too lost more exact
    matches on PolNeAR dev than it gained.)
    """
    if record.mode is StatementMode.DIRECT_QUOTE:
        return _widened(doc, record, attributions)
    if record.mode is not StatementMode.REPORTED or not record.citations:
        return record
    content = record.citations[0]
    cue = next((c for c in record.citations if c.role is CitationRole.CUE), None)
    if content.role is not CitationRole.CONTENT or not content.spans or cue is None:
        return record
    low, high = content.spans[0].start, content.spans[-1].end
    cue_low, cue_high = cue.spans[0].start, cue.spans[-1].end
    for found in attributions:
        if found.posterior or found.cue is None:
            continue
        if not (found.cue[0] < cue_high and cue_low < found.cue[1]):
            continue
        start, end = _trim(doc.text, *found.content)
        if not (start < high and low < end) or (start, end) == (low, high):
            continue
        if end - start < 2 or doc.quotes_between(start, end):  # noqa: PLR2004
            continue
        first, last = doc.sentence_at(low), doc.sentence_at(high - 1)
        if not first <= doc.sentence_at(start) <= doc.sentence_at(end - 1) <= last:
            continue  # the tagger's words run past the sentences of the rules' clause
        cited = doc.cite(start, end, HYBRID_CUT, CitationRole.CONTENT)
        return attrs.evolve(
            record, text=doc.text[start:end], citations=(cited, *record.citations[1:])
        )
    return record


def _widened(
    doc: Document, record: Statement, attributions: Sequence[TaggedAttribution]
) -> Statement:
    """A rules quote the tagger surely reads as part of a longer clause, made mixed speech.

    ("she recalled thinking, “…”", "that, “…”"): the clause is the content,
    and the quote its verbatim fragment; this gained exact matches of direct
    quotes on PolNeAR dev, where such clauses are annotated whole. Not past a
    "that" just before the opening mark ("said on its website that “…”"):
    the corpus's words begin at that "that", which its scorer drops, so the
    quote alone matches them; nor to whom a speaker "says of".
    """
    content = record.citations[0]
    if content.role is not CitationRole.CONTENT or not content.spans:
        return record
    low, high = content.spans[0].start, content.spans[-1].end
    # The speaker's mention and the cue stay outside the words said.
    around = [
        span
        for citation in record.citations[1:]
        if citation.role in {CitationRole.SPEAKER, CitationRole.CUE}
        for span in citation.spans
    ]
    for found in attributions:
        start, end = _trim(doc.text, *found.content)
        if found.posterior or found.content_score < SURE:
            continue
        if not (start < low - 1 and high <= end + 1):
            continue
        if any(start < span.end and span.start < end for span in around):
            continue
        if doc.in_quote(start) is not None:
            continue
        verbatim = [
            doc.cite(q.start, q.end, VERBATIM_WORDS, CitationRole.VERBATIM)
            for q in doc.quotes_between(start, end)
            if start <= q.open_at and q.close_at < end + 1 and q.start < q.end
        ]
        if not verbatim or _THAT_BEFORE_RE.search(doc.text, start, verbatim[0].spans[0].start):
            continue
        if _OF_BEFORE_RE.search(doc.text, max(0, start - 40), start):
            continue  # "says of Clinton, “…”": whom the words are about, then the quote
        end = max(end, high)
        cited = doc.cite(start, end, HYBRID_WIDENED, CitationRole.CONTENT)
        return attrs.evolve(
            record,
            text=doc.text[start:end],
            mode=StatementMode.MIXED,
            citations=(cited, *record.citations[1:], *verbatim),
        )
    return record


def _guessed(work: _Work, start: int) -> tuple[Ref, float] | None:
    """The person named last before words the tagger found no source for, unsurely."""
    key = antecedent(work.doc, work.cast, start)
    if key is None:
        return None
    refs = work.cast.refs[: bisect.bisect_left(work.cast.ref_starts, start)]
    last = next(r for r in reversed(refs) if r.key == key)
    return last, TAGGER_SPEAKER_UNSURE


def _nearest(work: _Work, start: int) -> tuple[Ref, float] | None:
    """The actor named nearest before words no one else was found for, else the first after.

    Any actor, not only a person, and outside quotes: the last resort for
    words the tagger surely or unsurely marks, whose source is a pronoun
    with no antecedent near, a relative "who", or a phrase the rules cannot
    read as a speaker. Always unsure.
    """
    doc = work.doc
    refs = [r for r in work.cast.refs if doc.in_quote(r.start) is None]
    before = [r for r in refs if r.end <= start]
    if before:
        return before[-1], TAGGER_SPEAKER_UNSURE
    after = [r for r in refs if r.start >= start]
    return (after[0], TAGGER_SPEAKER_UNSURE) if after else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGES:
        start += 1
    while end > start and text[end - 1] in _EDGES:
        end -= 1
    return start, end


def _mode(doc: Document, start: int, end: int) -> StatementMode:
    """Direct when the words lie inside one quote's marks, mixed when they hold a quote."""
    quote = doc.in_quote(start)
    if quote is not None and end <= quote.close_at + 1:
        return StatementMode.DIRECT_QUOTE
    if quote is None and start < len(doc.text) and doc.text[start] in '“"':
        inner = doc.in_quote(start + 1)
        if inner is not None and end <= inner.close_at + 1:
            return StatementMode.DIRECT_QUOTE
    inside = [q for q in doc.quotes_between(start, end) if start <= q.open_at and q.close_at < end]
    return StatementMode.MIXED if any(q.start < q.end for q in inside) else StatementMode.REPORTED


def _speaker(work: _Work, source: tuple[int, int]) -> tuple[Ref, float] | None:  # noqa: PLR0911 - one return per way of reading it
    """The actor a tagged source names, and the confidence of how it was read."""
    doc = work.doc
    cast = work.cast
    start, end = _trim(doc.text, *source)
    if start >= end:
        return None
    words = doc.text[start:end]
    inside = [
        r
        for r in cast.refs_between(max(0, start - _REACH), end + _REACH)
        if r.start < end and start < r.end and doc.in_quote(r.start) is None
    ]
    if inside:
        people = [
            r
            for r in inside
            if cast.is_person(r.key) and not _POSSESSIVE_AFTER_RE.match(doc.text, r.end)
        ]
        ref = (people or inside)[0]
        if ref.via == "name":
            return ref, TAGGER_SPEAKER_NAMED
        return ref, TAGGER_SPEAKER_REFERRED
    lower = words.lower()
    if lower in _PERSONAL:
        key = antecedent(doc, cast, start, PRONOUN_GENDER[lower])
        if key is None:
            return None
        return Ref(start, end, key, "pronoun"), TAGGER_SPEAKER_REFERRED
    if _NOT_A_SOURCE_RE.fullmatch(words):
        return None
    head = speaker_head(words)
    if head is None or head == "joint":
        return None
    return _described(work, (start, end)), TAGGER_SPEAKER_DESCRIBED
