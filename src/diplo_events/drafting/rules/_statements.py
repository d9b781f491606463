"""Stage 3: statements, from direct quotes and from reported speech.

Every direct quote becomes a statement whose words are exactly the characters
between its marks, attributed by the rules of ``_quotes.py``; then every
sentence with a speech verb and a speaker that holds no direct quote becomes
reported speech, or mixed speech when it quotes a fragment. The stage returns
the statement records and a frozen `Statements` with what the claims stage
needs.
"""

import bisect
import re
from itertools import islice
from typing import Final

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._gazetteer import never_in_a_name, title_kind
from diplo_events.drafting.reading._text import Unit
from diplo_events.drafting.rules._actors import described_actor
from diplo_events.drafting.rules._clauses import (
    content_start,
    enough,
    reported_content,
    trim_clause_end,
    trimmed,
)
from diplo_events.drafting.rules._cues import (
    REPORTED_OR_STANCE_RE,
    STANCE,
    confidence,
)
from diplo_events.drafting.rules._meetings import Meetings
from diplo_events.drafting.rules._quotes import (
    QUOTE_WORDS,
    SPEAKER_LABEL,
    SPEAKER_NAMED,
    SPEAKER_REFERRED,
    Said,
    attribute,
    is_direct,
    quote_cue,
    quoted_by,
)
from diplo_events.drafting.rules._reported_speakers import (
    appositive_of,
    later_speaker,
    phrase_after,
    phrase_before,
    relays_speech,
    same_speaker,
    speaker_head,
)
from diplo_events.drafting.rules._shared import (
    CLAIMED_RE,
    INSISTED_CLAIM_RE,
    PRONOUN_BEFORE_RE,
    Cast,
    Ids,
    Ref,
    antecedent,
    subject_like,
)
from diplo_events.drafting.rules._speakers import HEADLINE_LABELS
from diplo_events.model import CitationRole, Span, Statement, StatementMode

__all__ = ["Said", "Statements", "draft_statements"]

#: Reported speech: the speaker is a phrase that describes it ("officials", "a new poll").
SPEAKER_DESCRIBED: Final = confidence("speaker-described")
#: Reported speech: the speaker is a name read nowhere else, right by the speech verb.
SPEAKER_NAMED_HERE: Final = confidence("speaker-named-here")
#: The words of reported speech are its clause.
REPORTED_WORDS: Final = confidence("reported-words")
#: The clause that holds reported speech, with its speaker and cue.
REPORTED_CONTEXT: Final = confidence("reported-context")
#: The speech verb (or "according to") that marks a statement.
SPEECH_CUE: Final = confidence("speech-cue")
#: A fragment in quotation marks inside reported speech: the speaker's own words.
VERBATIM_WORDS: Final = confidence("verbatim-words")


# Whether a quote is a statement of its own: long enough, or a whole sentence.
def _title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case: most of its words capitalized."""
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= _MIN_REPORTED_WORDS and capitals * 10 >= _TITLE_CASE_TENTHS * len(words)


_TITLE_CASE_TENTHS: Final = 7  # of ten words capitalized
# A headline in title case: "Lavrov Says Talks Will Resume".
_HEADLINE_CUES: Final = frozenset({"Says", "Said", "Say", "Tells", "Told", "Shows", "Finds"})
# "X told the news conference:" introduces a quote: a few words and a colon.
_INTRODUCING_WORDS: Final = 4
_INTRODUCING_RE: Final = re.compile(
    r"(?:(?:the|a|an|his|her|their|reporters|journalists)\b[^:]*)?:"
)
# Reported speech needs a clause of a few words.
_MIN_REPORTED_WORDS: Final = 4


@attrs.frozen
class Statements:
    """What the statements stage drafted.

    Attributes:
        records: The statements, direct quotes first, each in text order.
        said: The statements in text order, with their speakers' keys.
        cast: The cast read before, with the speakers reported speech
            describes ("officials said") or names nowhere else.
    """

    records: tuple[Statement, ...]
    said: tuple[Said, ...]
    cast: Cast


class _Work:
    """The statements stage at work. It never leaves `draft_statements`."""

    __slots__ = ("cast", "doc", "ids", "meetings", "org_names", "org_names_of", "records", "said")

    def __init__(self, doc: Document, cast: Cast, meetings: Meetings) -> None:
        self.doc = doc
        self.cast = cast
        self.meetings = meetings
        self.ids = Ids(doc)
        self.records: list[Statement] = []
        self.said: list[Said] = []
        # The names of the cast's organizations, and the cast they were read from.
        self.org_names: set[str] = set()
        self.org_names_of: Cast | None = None

    def organization_names(self) -> set[str]:
        """The names of the organizations of the cast, read once per cast, not per speaker."""
        if self.org_names_of is not self.cast:
            self.org_names = {
                a.name for a in self.cast.actors.values() if a.kind == "organization" and a.name
            }
            self.org_names_of = self.cast
        return self.org_names


def draft_statements(doc: Document, cast: Cast, meetings: Meetings) -> Statements:
    """Draft the statements of *doc*: direct quotes first, then reported speech."""
    work = _Work(doc, cast, meetings)
    direct_sentences: set[int] = set()
    previous: Said | None = None
    for ref, start, end in cast.turns:
        _add_statement(
            work,
            key=ref.key,
            start=start,
            end=end,
            mode=StatementMode.DIRECT_QUOTE,
            confidence=QUOTE_WORDS,
            speaker=Span(start=ref.start, end=ref.end),
            speaker_confidence=SPEAKER_LABEL,
        )
        direct_sentences.update(range(doc.sentence_at(ref.start), doc.sentence_at(end - 1) + 1))
    in_turns = [(ref.start - 1, end) for ref, _, end in cast.turns]
    for quote in doc.quotes:
        if any(low <= quote.open_at < high for low, high in in_turns):
            continue  # the transcript's own marks, or a quote inside a turn
        if not is_direct(doc, quote):
            continue
        attribution = attribute(doc, cast, quote, previous)
        if attribution is None:
            continue
        said = _add_statement(
            work,
            key=attribution.key,
            start=quote.start,
            end=quote.end,
            mode=StatementMode.DIRECT_QUOTE,
            confidence=QUOTE_WORDS,
            speaker=attribution.span,
            speaker_confidence=attribution.confidence,
            cue=quote_cue(doc, quote, attribution.span),
            relay=quoted_by(doc, cast, quote, attribution.span),
        )
        previous = said
        direct_sentences.add(doc.sentence_at(quote.open_at))
        direct_sentences.add(doc.sentence_at(quote.close_at))
    quoted = sorted(work.said, key=lambda s: s.start)
    quoted_starts = [s.start for s in quoted]
    for index, sentence in enumerate(doc.sents):
        if index in direct_sentences:
            low = bisect.bisect_left(quoted_starts, sentence.start)
            high = bisect.bisect_left(quoted_starts, sentence.end)
            _reported_after_quote(work, sentence, quoted[low:high])
            continue
        _reported(work, index, sentence)
    _readout_relays(work)
    return Statements(
        records=tuple(work.records),
        said=tuple(sorted(work.said, key=lambda s: s.start)),
        cast=work.cast,
    )


def _add_statement(
    work: _Work,
    *,
    key: str,
    start: int,
    end: int,
    mode: StatementMode,
    confidence: float,
    speaker: Span,
    speaker_confidence: float,
    cue: Span | None = None,
    content: Span | None = None,
    relay: str | None = None,
) -> Said:
    """Draft one statement of the words *start*..*end*, or of *content* inside them.

    Its citations say what each cited piece is: the content words first, then
    the speaker's mention, the cue, the verbatim fragments of mixed speech,
    and the whole clause when the content is only part of it. A statement
    someone relays keeps its principal as speaker (see `_principal`).
    """
    doc = work.doc
    meeting = work.meetings.meeting_at(start)
    words = content or Span(start=start, end=end)
    citations = [
        doc.cite(words.start, words.end, confidence, CitationRole.CONTENT),
        doc.cite(speaker.start, speaker.end, speaker_confidence, CitationRole.SPEAKER),
    ]
    if cue is not None:
        citations.append(doc.cite(cue.start, cue.end, SPEECH_CUE, CitationRole.CUE))
    if mode is StatementMode.MIXED:
        citations.extend(
            doc.cite(q.start, q.end, VERBATIM_WORDS, CitationRole.VERBATIM)
            for q in doc.quotes_between(words.start, words.end)
            if words.start <= q.open_at and q.close_at < words.end and q.start < q.end
        )
    if content is not None and (content.start, content.end) != (start, end):
        citations.append(doc.cite(start, end, REPORTED_CONTEXT, CitationRole.CONTEXT))
    speaker_id, reported_by = _principal(work.cast, key, relay)
    statement = Statement(
        id=work.ids("statement", f"{start}-{end}"),
        speaker=speaker_id,
        reported_by=reported_by,
        text=doc.text[words.start : words.end],
        mode=mode,
        meeting=meeting,
        cue=doc.text[cue.start : cue.end] if cue is not None else None,
        citations=tuple(citations),
        draft=True,
    )
    work.records.append(statement)
    said = Said(statement.id, key, start, end, mode, meeting, speaker, speaker_confidence)
    work.said.append(said)
    return said


def _principal(cast: Cast, key: str, relay: str | None) -> tuple[str, str | None]:
    """The speaker whose position a statement states, and who relayed it.

    Words someone else quotes ("She quoted him as saying") are the quoted
    person's, relayed by the one quoting. A spokesperson speaks for a body:
    "Thai Foreign Ministry spokesman Nattapong Chaiyaporn said" is the
    ministry's statement, relayed by him. A spokesperson whose body the text
    does not say speaks for themself.
    """
    actor = cast.actors[key]
    if relay is not None and relay != key:
        return actor.id, cast.actors[relay].id
    body = cast.actors.get(actor.represents or "")
    if (
        body is not None
        and actor.kind == "person"
        and actor.title is not None
        and title_kind(actor.title) == "spokesperson"
    ):
        return body.id, actor.id
    return actor.id, None


def _readout_relays(work: _Work) -> None:
    """Statements of a readout someone's name is on: "The following is attributable to X:".

    What the readout says the others said, X relays.
    """
    doc = work.doc
    found = _ATTRIBUTABLE_RE.search(doc.text)
    if found is None:
        return
    refs = [r for r in work.cast.refs_between(found.end(), found.end() + 80) if r.start]
    if not refs or not work.cast.is_person(refs[0].key):
        return
    relay = work.cast.actors[refs[0].key].id
    for index, record in enumerate(work.records):
        cited = record.citations[0].spans[0].start if record.citations[0].spans else 0
        if cited > found.end() and record.reported_by is None and record.speaker != relay:
            work.records[index] = attrs.evolve(record, reported_by=relay)


# "The following is attributable to Spokesperson Ned Price:", a readout's byline.
_ATTRIBUTABLE_RE: Final = re.compile(r"\battributable to\b", re.IGNORECASE)


def _reported_after_quote(work: _Work, sentence: Unit, said: list[Said]) -> None:
    """Reported speech that follows a quote's attribution: "“...,” X said, adding that Y".

    The participle's speaker is the quote's; its words run to the sentence's
    end and hold no quotation marks. *said* are the statements that start in
    the sentence, in order.
    """
    doc = work.doc
    if not said:
        return
    last = said[-1]
    closing = max(last.end, last.mention.end)
    verb = _PARTICIPLE_AFTER_RE.search(doc.text, closing, sentence.end)
    if verb is None or doc.in_quote(verb.start(1)) is not None:
        return
    cue = Span(start=verb.start(1), end=verb.end(1))
    end = trim_clause_end(doc.text, cue.start, sentence.end)
    content = trimmed(doc.text, content_start(doc.text, cue, end), end)
    if not enough(doc.text, content) or doc.quotes_between(content[0], content[1]):
        return
    _add_statement(
        work,
        key=last.speaker,
        start=cue.start,
        end=end,
        mode=StatementMode.REPORTED,
        confidence=REPORTED_WORDS,
        speaker=last.mention,
        speaker_confidence=last.confidence,
        cue=cue,
        content=Span(start=content[0], end=content[1]),
    )


_PARTICIPLE_AFTER_RE: Final = re.compile(
    r",\s+(adding|saying|noting|arguing|suggesting|explaining|claiming|insisting|emphasizing"
    r"|emphasising|stressing|warning|referring to|acknowledging|calling)\b"
)


def _titled(work: _Work, sentence: Unit) -> bool:
    """Draft the title of a text that gives a speaker before a colon: "Lavrov: Talks Will Resume".

    The speaker is a few words, a mention of the cast or a phrase of its own.
    """
    doc = work.doc
    colon = _TITLE_SPEAKER_RE.match(doc.text, sentence.start, sentence.end)
    if colon is None or doc.quotes_between(sentence.start, sentence.end):
        return False
    low, high = colon.span(1)
    if doc.text[low:high].lower() in HEADLINE_LABELS:
        return False  # "The Latest: Trump urges ...": a column's name, not a speaker
    content = trimmed(doc.text, colon.end(), sentence.end)
    if not enough(doc.text, content):
        return False
    inside = [r for r in work.cast.refs_between(low, high) if work.cast.is_person(r.key)]
    if inside:
        speaker = inside[0]
    elif speaker_head(doc.text[low:high]) in {None, "joint"}:
        return False
    else:
        # A person in a title is named in full; one word before the colon is an
        # outlet or a body ("Politifact: ..."), not someone named only there.
        speaker = _described(work, (low, high), lone_word_is_body=True)
    cue = Span(start=colon.end(1), end=colon.end(1) + 1)
    _add_statement(
        work,
        key=speaker.key,
        start=sentence.start,
        end=trim_clause_end(doc.text, sentence.start, sentence.end),
        mode=StatementMode.REPORTED,
        confidence=REPORTED_WORDS,
        speaker=Span(start=speaker.start, end=speaker.end),
        speaker_confidence=_SPEAKER_CONFIDENCE.get(speaker.via, SPEAKER_REFERRED),
        cue=cue,
        content=Span(start=content[0], end=content[1]),
    )
    return True


# A title's speaker: a few capitalized words, then a colon.
_TITLE_SPEAKER_RE: Final = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*):\s")


def _reported(work: _Work, index: int, sentence: Unit) -> None:
    """Draft reported (or mixed) speech from one sentence with a speech verb and a speaker.

    A sentence of several clauses ("X said ...; Y said ...") or of coordinated
    speech verbs ("X thanked ... and underscored that ...") gives one
    statement per clause.
    """
    doc = work.doc
    words = doc.outside_quotes(sentence.start, sentence.end)
    if index == work.meetings.main_sentence or len(words.split()) < _MIN_REPORTED_WORDS:
        return  # the meeting's own sentence reports the meeting, not what was said
    if index == 0 and _titled(work, sentence):
        return  # "Lavrov: Talks Will Resume", a title with its speaker before a colon
    clause_start = max(sentence.start, min(doc.body, sentence.end))  # past a dateline
    for cut in [*(sentence.start + m.start() for m in re.finditer(r";\s", words)), sentence.end]:
        _reported_clause(
            work,
            Unit(clause_start, cut),
            words[clause_start - sentence.start :],
            headline=_title_case(doc.text[sentence.start : sentence.end]),
        )
        clause_start = cut + 1
        while clause_start < sentence.end and doc.text[clause_start].isspace():
            clause_start += 1


def _is_cue(verb: re.Match[str], words: str, *, opens: bool, headline: bool) -> bool:
    """Whether a word the cue lists matched is a cue here, not a name, a noun or a demand."""
    word = verb.group(0)
    if word[0].isupper() and not opens and not (headline and word in _HEADLINE_CUES):
        return False  # "the United States", "Gulf States": a name, not a verb
    if word.lower() == "states" and not _THAT_NEXT_RE.match(words, verb.end()):
        return False  # "coastal states", "all states in the region": a noun
    if word.lower() in STANCE and _NOT_STANCE_RE.match(words, verb.end()):
        return False  # "called for", "called on": a demand, not a stance
    lower = word.lower()
    if lower in _NOUNS_TOO and (
        _NOUN_CUE_AFTER_RE.match(words, verb.end())
        or (
            lower not in _FEELINGS  # "the hopes (that) he'd retweet …" still says something
            and _NOUN_CUE_BEFORE_RE.search(words, max(0, verb.start() - 20), verb.start())
        )
    ):
        return False  # "5 percent support of the vote", "her support among young voters"
    if word.lower().startswith("insist"):
        # "insisted (that) the vote was fair": a claim; "insisted that Turkey withdraw" and
        # "insisted on a vote that would be held": demands
        return not _NOT_STANCE_RE.match(words, verb.end()) and bool(
            INSISTED_CLAIM_RE.match(words, verb.end())
        )
    # "suggested that the two sides meet": a proposal, not a claim
    return not (word.lower().startswith("suggest") and not CLAIMED_RE.match(words, verb.end()))


def _reported_clause(  # noqa: C901 - cue by cue
    work: _Work, clause: Unit, words: str, *, headline: bool = False
) -> None:
    doc = work.doc
    refs = [
        r for r in work.cast.refs_between(clause.start, clause.end) if doc.in_quote(r.start) is None
    ]
    # (start of the statement, its speaker, its cue)
    found: list[tuple[int, Ref, Span]] = []
    first_word = _first_word(doc.text, clause.start, clause.end)
    for verb in REPORTED_OR_STANCE_RE.finditer(words, 0, clause.end - clause.start):
        verb_at = clause.start + verb.start()
        if not _is_cue(verb, words, opens=verb_at <= first_word, headline=headline):
            continue
        stance = verb.group(0).lower() in STANCE
        cue = Span(start=verb_at, end=clause.start + verb.end())
        if found and not stance and same_speaker(doc.text, clause.start, cue):
            found.append((verb_at, found[-1][1], cue))  # "and underscored that", ", adding that"
            continue
        if found and _RELATIVE_RE.match(doc.text, found[-1][1].end, verb_at):
            found.append((verb_at, found[-1][1], cue))  # "according to X, which described"
            continue
        if found:
            # "X said A, though she noted B": a later verb with a subject of its own
            later = later_speaker(doc.text, refs, found[-1][2].end, cue)
            if (
                later is not None
                and work.cast.is_person(later.key)
                and (not stance or enough(doc.text, trimmed(doc.text, cue.end, clause.end)))
            ):
                found.append((later.start, later, cue))
            continue
        if _introduces(doc, clause.start + verb.end(), clause.end):
            continue  # "In his toast, the President said:" introduces a quote; it says nothing
        speaker = (
            _stance_speaker(work, refs, clause, cue)
            if stance
            else _reporting_speaker(work, refs, clause, cue)
        )
        if speaker is not None:
            found.append((clause.start, speaker, cue))
    for position, (start, speaker, cue) in enumerate(found):
        end = found[position + 1][0] if position + 1 < len(found) else clause.end
        end = trim_clause_end(doc.text, start, end)
        content = reported_content(doc.text, start, end, speaker, cue)
        if speaker.via in _SPEAKER_READ_HERE and (
            (content.start, content.end) == (start, end)
            or relays_speech(doc.text, refs, content, cue)
        ):
            continue  # "Steinhauser agreed, according to his office": too little said
        if _ADJUNCT_ONLY_RE.fullmatch(doc.text, content.start, content.end):
            continue  # "X said in a statement": where or when, not what
        has_fragment = any(  # a quoted fragment with words in it makes mixed speech
            content.start <= q.open_at < content.end and doc.text[q.start : q.end].strip()
            for q in doc.quotes_between(content.start, content.end)
        )
        _add_statement(
            work,
            key=speaker.key,
            start=start,
            end=end,
            mode=StatementMode.MIXED if has_fragment else StatementMode.REPORTED,
            confidence=REPORTED_WORDS,
            speaker=Span(start=speaker.start, end=speaker.end),
            speaker_confidence=_SPEAKER_CONFIDENCE.get(speaker.via, SPEAKER_REFERRED),
            cue=cue,
            content=content,
        )


_WORDS_RE: Final = re.compile(r"\S+")


def _first_word(text: str, start: int, end: int) -> int:
    """Where the first word of text[start:end] begins (*end* if there is none)."""
    found = _WORDS_RE.search(text, start, end)
    return end if found is None else found.start()


def _after_words(text: str, start: int, end: int, count: int) -> int:
    """Just past the first *count* words of text[start:end] and the character after them."""
    last = next(islice(_WORDS_RE.finditer(text, start, end), count - 1, None), None)
    return end if last is None else min(end, last.end() + 1)


def _introduces(doc: Document, start: int, end: int) -> bool:
    """Whether the words after a verb, *start* to *end*, only introduce a quote.

    "In his toast, the President said:" says nothing itself. Only the first
    few words are read when there are more.
    """
    first = _first_word(doc.text, start, end)
    if first < end and doc.text[first] == ":" and doc.in_quote(end) is not None:
        return True
    if next(islice(_WORDS_RE.finditer(doc.text, start, end), _INTRODUCING_WORDS, None), None):
        return False  # more words than an introduction has
    return _INTRODUCING_RE.fullmatch(doc.text[start:end].strip()) is not None


# Words that only say where or when something was said: "in a statement", "in June 2012".
_ADJUNCT_ONLY_RE: Final = re.compile(
    r"(?:in|on|at|after|before|by|from|during|since|when|while)\s+(?:\S+\s+){0,4}\S+"
)
_SPEAKER_READ_HERE: Final = frozenset({"described", "named-here"})
_SPEAKER_CONFIDENCE: Final = {
    "name": SPEAKER_NAMED,
    "described": SPEAKER_DESCRIBED,
    "named-here": SPEAKER_NAMED_HERE,
}


def _stance_speaker(work: _Work, refs: list[Ref], clause: Unit, cue: Span) -> Ref | None:
    """Who holds a stance ("Senate Democrats criticized the plan").

    Only a speaker right before the verb, with enough words after it.
    """
    text = work.doc.text
    if not enough(text, trimmed(text, cue.end, clause.end)):
        return None
    phrase = phrase_before(text, clause.start, cue.start)
    if phrase is None or _MODAL_RE.search(text, phrase[1], cue.start):
        return None  # "did not support", "Chile would support": no stance held now
    verb = text[cue.start : cue.end].lower()
    if work.doc.word_before(phrase[0], clause.start) == "that" and not verb.endswith(("s", "d")):
        return None  # "asked that Chile support": a request, not a stance
    inside = [r for r in refs if phrase[0] <= r.start and r.end <= phrase[1]]
    people = [r for r in inside if not _POSSESSIVE_AFTER_RE.match(text, r.end)]
    if people:
        return people[0]
    head = speaker_head(text[phrase[0] : phrase[1]])
    if head is None or head == "joint":
        return None
    return _described(work, phrase)


def _speaker_after(
    work: _Work, refs: list[Ref], clause: Unit, cue: Span, *, inverted: bool
) -> Ref | None:
    """The source after "according to", or after an inverted verb: "..., said Lavrov".

    After an inverted verb the source must end the clause or open an
    apposition ("said Lavrov, the foreign minister"), else the verb begins
    reported words of its own ("X, for his part, said Y would ...").
    """
    text = work.doc.text
    after = [r for r in refs if r.start >= cue.end]
    if (
        after
        and not text[cue.end : after[0].start].strip(" ,")
        and (not inverted or _ENDS_PHRASE_RE.match(text, after[0].end, clause.end))
    ):
        return after[0]
    opening = not text[clause.start : cue.start].strip()  # "According to X, Y"
    phrase = phrase_after(text, cue.end, clause.end, source=not inverted and opening)
    if (
        phrase is not None
        and speaker_head(text[phrase[0] : phrase[1]]) != "joint"
        and (not inverted or _ENDS_PHRASE_RE.match(text, phrase[1], clause.end))
    ):
        return _described(work, phrase)
    if inverted:
        return None
    return next((r for r in refs if r.start >= cue.end and work.cast.is_person(r.key)), None)


def _reporting_speaker(  # noqa: C901, PLR0911 - one return per rule, tried in order
    work: _Work, refs: list[Ref], clause: Unit, cue: Span
) -> Ref | None:
    """Who a speech verb is said by.

    The source after "according to" or after a verb that follows its words
    ("..., said Lavrov"); else the phrase right before the verb ("Lavrov
    said", "X, officials said"); else the subject of the clause. A phrase no
    mention resolves becomes a speaker of its own when it names someone or is
    headed by a speaker noun ("officials", "the campaign", "a new poll").
    """
    doc = work.doc
    text = doc.text
    verb = text[cue.start : cue.end].lower()
    according = verb == "according to"
    if according or (
        verb in _INVERTING
        and _INVERTED_BEFORE_RE.search(text, _tail(clause.start, cue.start), cue.start)
    ):
        after = _speaker_after(work, refs, clause, cue, inverted=not according)
        if after is not None or according:
            return after
    pronoun = PRONOUN_BEFORE_RE.search(text, _tail(clause.start, cue.start), cue.start)
    if pronoun is not None and not any(r.start == pronoun.start(1) for r in refs):
        # "She said ...", where the cast resolved no one: the person named last
        key = antecedent(work.doc, work.cast, pronoun.start(1))
        if key is not None:
            return Ref(pronoun.start(1), pronoun.end(1), key, "pronoun")
    phrase = phrase_before(text, clause.start, cue.start)
    if verb.startswith(("with ", "in ")):
        phrase = None  # "in a speech with a statement that": the cue is no verb of a phrase
    if phrase is not None:
        inside = [r for r in refs if phrase[0] <= r.start and r.end <= phrase[1]]
        if inside:  # "Kalnins and Tamm welcomed": the first; "Lavrov's spokeswoman X": X
            people = [
                r
                for r in inside
                if work.cast.is_person(r.key) and not _POSSESSIVE_AFTER_RE.match(text, r.end)
            ]
            return (people or inside)[0]
        appositive = appositive_of(text, refs, clause.start, phrase)
        if appositive is not None:
            return appositive
        head = speaker_head(text[phrase[0] : phrase[1]])
        if head == "joint" or _NEGATED_RE.search(text, phrase[1], cue.start):
            return None  # "the two ministers agreed", "the statement did not say"
        if head is not None:
            return _described(work, phrase)
    before = [r for r in refs if r.end <= cue.start and subject_like(doc, r, clause.start)]
    people = [r for r in before if work.cast.is_person(r.key)]
    if people:
        return people[0]
    if before:
        return before[-1]
    return _opening_speaker(work, clause, cue)


def _opening_speaker(work: _Work, clause: Unit, cue: Span) -> Ref | None:
    """The phrase that opens a clause as the subject of a verb after an aside.

    "Cyber security experts, however, said ...", "The spokesman, who declined
    to be named, said ...": the phrase before the first comma or dash, when
    the verb follows right after the aside closes.
    """
    text = work.doc.text
    if _ASIDE_CLOSED_RE.search(text, _tail(clause.start, cue.start), cue.start):
        opened = _ASIDE_OPENS_RE.search(text, clause.start, cue.start)
    else:  # "Officials who spoke with the paper said", "Voters in six states said"
        # A modifier after more than a few words opens nothing: read only that far.
        reach = _after_words(text, clause.start, cue.start, _OPENING_WORDS + 3)
        opened = _MODIFIER_OPENS_RE.search(text, clause.start, reach)
        if opened is not None and (
            text.count(",", clause.start, cue.start)
            or len(text[clause.start : opened.start()].split()) > _OPENING_WORDS
        ):
            return None
    if opened is None:
        return None
    phrase = phrase_before(text, clause.start, opened.start())
    if phrase is None:
        return None
    head = speaker_head(text[phrase[0] : phrase[1]])
    if head is None or head == "joint":
        return None
    return _described(work, phrase)


_ASIDE_CLOSED_RE: Final = re.compile(r"[,—–]\s*$")
#: How far back the patterns that end at a verb ("he has also said", ", said") read.
_TAIL_REACH: Final = 60


def _tail(floor: int, end: int) -> int:
    """Where to begin reading a pattern that ends at *end*: a few words back, not past *floor*.

    Searching from the clause's start instead would read the whole clause for every verb in it.
    """
    return max(floor, end - _TAIL_REACH)


# Where the words after a clause's opening noun phrase modify it: a relative clause,
# a participle or a preposition ("officials who spoke", "Democrats trying to", "voters in").
_MODIFIER_OPENS_RE: Final = re.compile(
    r"\s(?:who|whom|that|with|in|of|at|from|on|across|among|trying|going|working|close to)\s"
)
_OPENING_WORDS: Final = 5
_ASIDE_OPENS_RE: Final = re.compile(r"\s*(?:,|\s[—–])\s")


# A verb whose subject is the relative pronoun after the speaker: ", which described".
_RELATIVE_RE: Final = re.compile(r"\s*,\s+(?:which|who)\s+(?:[a-z]+ly\s+|also\s+)?$")
_MODAL_RE: Final = re.compile(r"\b(?:not|n['’]t|never|would|will|could|can|may|might|to)\b")
_NOT_STANCE_RE: Final = re.compile(r"\s+(?:for|on|upon|to|off|in|out|back|up)\b")
# Cues that are nouns too, and what tells the noun: a word that only follows a noun
# ("support among voters", "support was solid"), or a determiner or number before it.
_FEELINGS: Final = frozenset({"hope", "hopes", "fear", "fears"})
_NOUNS_TOO: Final = _FEELINGS | frozenset({"support", "backing", "plans", "calls", "favor"})
_NOUN_CUE_AFTER_RE: Final = re.compile(
    r"\s+(?:of|among|from|amid|by|with|was|is|has|had|were|are|remains|grew|fell)\b"
)
_NOUN_CUE_BEFORE_RE: Final = re.compile(
    r"(?i)(?:\b(?:the|a|an|his|her|its|their|our|my|your|percent|broad|strong|tremendous"
    r"|public|popular)|['’]s|%|(?<![\w.])\d[\d,.]*)\s+$"
)
_THAT_NEXT_RE: Final = re.compile(r"\s+that\b")
_NEGATED_RE: Final = re.compile(r"\b(?:not|n['’]t|never)\s*$")
# Verbs that may come before their speaker, after the reported words: "..., said Lavrov".
_INVERTING: Final = frozenset({"said", "says", "added", "wrote", "noted", "explained"})
_INVERTED_BEFORE_RE: Final = re.compile(r"[,”\"’']\s*$")
# What follows the speaker of an inverted verb: the clause's end or an apposition.
_ENDS_PHRASE_RE: Final = re.compile(r"\s*(?:[,.;:—–-]|$)")
_POSSESSIVE_AFTER_RE: Final = re.compile(r"['’]s?\b")


def _surname(text: str, word: str) -> bool:
    """Whether *word* ends a longer name somewhere in *text*: "John Stumpf" for "Stumpf"."""
    return re.search(rf"\b[A-Z][\w.’'-]*\s+{re.escape(word)}\b", text) is not None


def _described(work: _Work, phrase: tuple[int, int], *, lone_word_is_body: bool = False) -> Ref:
    """The speaker a phrase describes (or names only here), added to the cast once per phrase.

    A person in a title is named in full, so one word before a title's colon
    names an organization ("Politifact: ..."), unless it ends a longer name in
    the text ("Stumpf" after "John Stumpf"); and one word read before as an
    organization stays one ("Politifact noted").
    """
    doc = work.doc
    words = " ".join(doc.text[phrase[0] : phrase[1]].split())
    record = speaker_head(words) or "person"
    if record == "named" and (
        (" " not in words and lone_word_is_body and not _surname(doc.text, words))
        or (" " not in words and words in work.organization_names())
        or words[:4] == "The "
        or re.fullmatch(r"[A-Z.&-]{2,}", words)
        or any(never_in_a_name(word) for word in words.split()[1:])
    ):
        record = "other"  # "The Tax Foundation", "AROS", "PolitiFact": an organization
    actor = described_actor(doc, words, Span(start=phrase[0], end=phrase[1]), record)
    if actor.key not in work.cast.actors:
        names = work.organization_names()
        work.cast = attrs.evolve(work.cast, actors={**work.cast.actors, actor.key: actor})
        if actor.kind == "organization" and actor.name:
            names.add(actor.name)
        work.org_names_of = work.cast
    via = "named-here" if record == "named" else "described"
    return Ref(phrase[0], phrase[1], actor.key, via)
