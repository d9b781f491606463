"""Direct quotes: which quotes are statements of their own, and who said them.

`is_direct` tells a quote that is a statement from a phrase quoted inside a
sentence or a title; `attribute` finds its speaker by the first of its rules
that applies (named next to a speech verb, a description or a dash, the
paragraph before that ends in a colon, a continued quote, and, when nothing
names one, the last person named), each with the confidence of its named
rule; `quote_cue` finds the speech verb between a quote and its speaker.
The statements stage (``_statements.py``) drafts the records.
"""

import bisect
import re
from typing import Final, NamedTuple

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._text import Quote, Unit
from diplo_events.drafting.rules._cues import REPORTED_RE, SPEECH, SPEECH_RE, confidence
from diplo_events.drafting.rules._shared import Cast, Ref, antecedent, subject_like
from diplo_events.model import Span, StatementMode

__all__ = ["Attribution", "Said", "attribute", "is_direct", "quote_cue", "quoted_by"]

#: The words of a quote are the characters between its marks.
QUOTE_WORDS: Final = confidence("quote-words")
#: The speaker is named next to a speech verb right after or before the quote.
SPEAKER_NAMED: Final = confidence("speaker-named")
#: The speaker ends the paragraph before, which ends in a colon.
SPEAKER_COLON: Final = confidence("speaker-colon")
#: The speaker is a pronoun or a title that refers back to someone named.
SPEAKER_REFERRED: Final = confidence("speaker-referred")
#: The speaker is someone the text does not name: "a senior official said".
SPEAKER_UNNAMED: Final = confidence("speaker-unnamed")
#: The quote ends its line with a dash and the speaker's name: “...” ― Steve Quinlan.
SPEAKER_DASH: Final = confidence("speaker-dash")
#: A turn of a transcript, its speaker's name in capitals before a colon: "PENCE: ...".
SPEAKER_LABEL: Final = confidence("speaker-label")
#: The quote follows another quote of the same speaker with nothing between.
SPEAKER_CONTINUED: Final = confidence("speaker-continued")
#: Nothing names the speaker; the last person mentioned is taken.
SPEAKER_GUESSED: Final = confidence("speaker-guessed")

_MIN_QUOTE_WORDS: Final = 4
_INTRODUCED_RE: Final = re.compile(r"[:,]\s*$")
_SENTENCE_END_RE: Final = re.compile(r"[.!?…][’']?\s*$")
_THAT_RE: Final = re.compile(r"\bthat,?\s*$")
# A title, not a quote: "said on CNN's “State of the Union.”", "wrote in “The Art of the Deal.”"
_TITLE_BEFORE_RE: Final = re.compile(r"(?:[’']s|\b(?:on|in|at|of|from|to))\s*$", re.IGNORECASE)
# "..., adding that", "telling reporters that": a participle that introduces words.
_PARTICIPLE_RE: Final = re.compile(r"\b[a-z]{3,}ing\b")
_CLAUSE_TAIL: Final = " \t\n.,;!?”\"’'"
# How far before a quote the words that introduce it are read (a long sentence reads as its end).
_LOOK_BACK: Final = 200
# How far before the comma that introduces a short quote its speech verb may stand.
_VERB_REACH: Final = 30

# Who said a quote. How far after its closing mark the speaker may be named:
_AFTER_WINDOW: Final = 80
# How far past a speaker named after a quote its speech verb may stand ("Lavrov said").
_CUE_AFTER_NAME: Final = 30
# A speaker named after a quote whom the text does not let us resolve: someone
# unnamed ("a senior State Department official said") or a name we never saw in full.
_UNNAMED_SPEAKER_RE: Final = re.compile(
    rf"[\s,.;:—–-]*(?:(?:{SPEECH})\s+)?(?:(?:an?|the|one)\s+(?:[\w.’'-]+\s+){{0,4}}?"
    r"(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|aides?|advis[eo]rs?|analysts?"
    r"|people|person)\b|[A-Z][\w’'-]+(?=\s+(?:said|says|added|told)\b))"
)
_TRAILING_SPEECH_RE: Final = re.compile(rf"^[\s,.;:—–-]*(?:{SPEECH})\b", re.IGNORECASE)
# "...,” ministry spokesman Rizal Pratama told reporters": lower-case words before the name.
_MODIFIERS_RE: Final = re.compile(r"[\s,.;:—–-]*(?:[a-z][\w-]*\s+){0,3}")
_LEADING_SPEECH_RE: Final = re.compile(rf"^\s*(?:[a-z]+\s+)?(?:{SPEECH})\b", re.IGNORECASE)
_HONORIFIC_RE: Final = re.compile(r"\b(Mr|Ms|Mrs|Madam)\.?\s+$")

# The speaker among the people a sentence names.
_WHO_SAID_RE: Final = re.compile(rf",\s*who\s+(?:then\s+|later\s+)?(?:{SPEECH})\b", re.IGNORECASE)
_QUOTED_AS_RE: Final = re.compile(r"\bquoted\s+(?:\S+\s+){1,4}?as saying\b", re.IGNORECASE)
_ACCORDING_RE: Final = re.compile(r"\baccording to\s*$", re.IGNORECASE)


class Said(NamedTuple):
    """A statement drafted from the text, with what the later steps need."""

    id: str
    speaker: str
    start: int
    end: int
    mode: StatementMode
    meeting: str | None
    mention: Span  # the words the speaker was read from
    confidence: float


class Attribution(NamedTuple):
    key: str
    span: Span
    confidence: float


def is_direct(doc: Document, quote: Quote) -> bool:
    """Whether a quote is a statement of its own, rather than a phrase quoted inside a sentence."""
    words = doc.text[quote.start : quote.end]
    sentence = doc.sents[doc.sentence_at(quote.open_at)]
    # A dateline is no part of the sentence: "ANKARA, May 17 (Wire) - “We did not come ...”"
    before = doc.text[max(sentence.start, doc.body, quote.open_at - _LOOK_BACK) : quote.open_at]
    if not before.strip() or _INTRODUCED_RE.search(before):
        if (
            len(words.split()) < _MIN_QUOTE_WORDS
            and before.rstrip().endswith(",")
            and SPEECH_RE.search(before[-_VERB_REACH:]) is None
        ):
            return False  # a title after a comma: “its documentary, “Citizen Carly,” in which”
        return (
            len(words.split()) >= _MIN_QUOTE_WORDS
            or _SENTENCE_END_RE.search(words) is not None
            or words.rstrip().endswith(",")  # “We are ready,” she said, “to talk.”
        )
    # Mid-sentence: a quote of its own only if it is a whole sentence ("He said “We will.”"),
    # or the whole clause after "that" to the end of the sentence ("adding that “...”").
    if _THAT_RE.search(before):
        return (
            len(words.split()) >= _MIN_QUOTE_WORDS
            and not doc.text[quote.close_at + 1 : sentence.end].strip(_CLAUSE_TAIL)
            and (
                SPEECH_RE.search(before) is not None
                or REPORTED_RE.search(before) is not None
                or _PARTICIPLE_RE.search(before) is not None
            )
        )
    return (
        words[:1].isupper()
        and _SENTENCE_END_RE.search(words) is not None
        and SPEECH_RE.search(before[-40:]) is not None
        and _TITLE_BEFORE_RE.search(before) is None
    )


def attribute(  # noqa: C901, PLR0911, PLR0912 - one branch per attribution rule, in order
    doc: Document, cast: Cast, quote: Quote, previous: Said | None
) -> Attribution | None:
    close_paragraph = doc.paras[doc.para_of_sent[doc.sentence_at(quote.close_at)]]
    tail = doc.text[quote.close_at + 1 : min(close_paragraph.end, quote.close_at + _AFTER_WINDOW)]
    unnamed = _UNNAMED_SPEAKER_RE.match(tail)
    if unnamed is not None and not _ref_starts_within(
        cast, quote.close_at + 1, quote.close_at + 1 + unnamed.end(), close_paragraph.end
    ):
        return None  # someone the words around the quote name, but no one reading could resolve
    # 1. named after the quote: “...,” said Lavrov. / “...,” Lavrov said. / “...,” he added.
    for ref in cast.refs_between(
        quote.close_at + 1, min(close_paragraph.end, quote.close_at + _AFTER_WINDOW)
    ):
        if doc.in_quote(ref.start) is not None:
            break
        gap = _HONORIFIC_RE.sub("", doc.text[quote.close_at + 1 : ref.start])
        rest = doc.text[ref.end : min(ref.end + 30, close_paragraph.end)]
        # "...,” ministry spokesman Rizal Pratama told reporters: lower-case words may
        # come before the name.
        if _TRAILING_SPEECH_RE.search(gap) or (
            _MODIFIERS_RE.fullmatch(gap) and _LEADING_SPEECH_RE.search(rest)
        ):
            return _person_or_speaker(ref, _named_confidence(ref))
        break
    # The phrase around the quote that names its speaker, as the actors stage read it:
    # “...,” Quina Jones, 25, said / “...” ― Steve Quinlan / the announcer said, “...”
    said_by = cast.said_by.get(quote.open_at)
    if said_by is not None:
        ref, side = said_by
        confidence = SPEAKER_DASH if side == "dash" else _named_confidence(ref)
        return _person_or_speaker(ref, confidence)
    # 2. the second quote of a speaker named between the two: “...,” X said. “...”
    found = doc.sents[doc.sentence_at(quote.open_at)]
    open_sentence = Unit(max(found.start, min(doc.body, quote.open_at)), found.end)
    paragraph = doc.paras[doc.para_of_sent[doc.sentence_at(quote.open_at)]]
    if (
        previous is not None
        and previous.mode is StatementMode.DIRECT_QUOTE
        and paragraph.start <= previous.start
        and not doc.text[open_sentence.start : quote.open_at].strip()
        and all(
            r.key == previous.speaker
            for r in cast.refs_between(previous.end, quote.open_at)
            if cast.is_person(r.key)
        )
    ):
        return Attribution(previous.speaker, previous.mention, previous.confidence)
    # 3. named before it in the same sentence: Lavrov said: “...” / According to Lavrov, “...”
    before_refs = [
        r
        for r in cast.refs_between(open_sentence.start, quote.open_at)
        if doc.in_quote(r.start) is None
    ]
    before = doc.text[open_sentence.start : quote.open_at]
    if before_refs and (SPEECH_RE.search(before) or _INTRODUCED_RE.search(before)):
        chosen = _speaker_among(doc, cast, before_refs, open_sentence.start)
        if chosen is not None:
            return _person_or_speaker(chosen, _named_confidence(chosen))
    # 4. introduced by the paragraph before, ending in a colon.
    paragraph_index = doc.para_of_sent[doc.sentence_at(quote.open_at)]
    if not doc.text[paragraph.start : quote.open_at].strip() and paragraph_index > 0:
        earlier = doc.paras[paragraph_index - 1]
        if doc.text[earlier.start : earlier.end].rstrip().endswith(":"):
            last = doc.sents[doc.sentence_at(earlier.end - 1)]
            refs = [
                r for r in cast.refs_between(last.start, last.end) if doc.in_quote(r.start) is None
            ]
            chosen = _speaker_among(doc, cast, refs, last.start)
            if chosen is not None:
                return _person_or_speaker(chosen, SPEAKER_COLON)
        # 5. a quote paragraph right after another quote of one speaker.
        if previous is not None and previous.end >= earlier.start:
            return Attribution(previous.speaker, previous.mention, SPEAKER_CONTINUED)
    # 6. the person named last before the quote, outside quotes.
    key = antecedent(doc, cast, quote.open_at)
    if key is None:
        return None
    named_before = cast.refs[: bisect.bisect_left(cast.ref_starts, quote.open_at)]
    last_ref = next(r for r in reversed(named_before) if r.key == key)
    return Attribution(key, Span(start=last_ref.start, end=last_ref.end), SPEAKER_GUESSED)


def _ref_starts_within(cast: Cast, start: int, stop: int, end: int) -> bool:
    """Whether a mention that starts in start..stop lies before *end*, read in those alone."""
    low = bisect.bisect_left(cast.ref_starts, start)
    high = bisect.bisect_left(cast.ref_starts, stop)
    return any(cast.refs[i].end <= end for i in range(low, high))


def _named_confidence(ref: Ref) -> float:
    """How sure a speaker named next to a speech verb is, by how the mention was read."""
    if ref.via == "name":
        return SPEAKER_NAMED
    return SPEAKER_UNNAMED if ref.via == "unnamed" else SPEAKER_REFERRED


def _person_or_speaker(ref: Ref, confidence: float) -> Attribution:
    return Attribution(ref.key, Span(start=ref.start, end=ref.end), confidence)


def quoted_by(doc: Document, cast: Cast, quote: Quote, speaker: Span) -> str | None:
    """Who relays a quote they attribute to someone else: "She quoted him as saying: “...”".

    The key of the mention before "quoted" in the quote's sentence, when the
    speaker's mention stands between "quoted" and "as saying"; else ``None``.
    """
    sentence = doc.sents[doc.sentence_at(quote.open_at)]
    quoted = _QUOTED_AS_RE.search(doc.text, sentence.start, quote.open_at)
    if quoted is None or not quoted.start() < speaker.start < quoted.end():
        return None
    before = cast.refs_between(sentence.start, quoted.start())
    return before[-1].key if before else None


def _speaker_among(doc: Document, cast: Cast, refs: list[Ref], floor: int) -> Ref | None:
    """The speaker among the mentions of a sentence: "according to X", else its subject.

    "She quoted him as saying" gives the one quoted, not the one quoting.
    """
    if not refs:
        return None
    for ref in refs:
        if _WHO_SAID_RE.match(doc.text, ref.end):
            return ref  # "Kuleba, who said: “...”"
    quoted = _QUOTED_AS_RE.search(doc.text, floor, refs[-1].end + 80)
    if quoted is not None:
        inside = [r for r in refs if quoted.start() < r.start < quoted.end()]
        if inside:
            return inside[0]
    for ref in refs:
        if _ACCORDING_RE.search(doc.text, max(floor, ref.start - 20), ref.start):
            return ref
    people = [r for r in refs if cast.is_person(r.key)] or refs
    for ref in people:
        if subject_like(doc, ref, floor):
            return ref
    return people[-1]


def quote_cue(doc: Document, quote: Quote, speaker: Span) -> Span | None:
    """The speech verb between a quote and its speaker's mention, if one stands there.

    “...,” Lavrov said. / “...,” said Lavrov. / Lavrov told reporters: “...”
    """
    if speaker.start >= quote.close_at:  # the speaker follows the quote
        low, high = quote.close_at + 1, min(len(doc.text), speaker.end + _CUE_AFTER_NAME)
    elif speaker.end <= quote.open_at:  # the speaker comes first
        low, high = speaker.end, quote.open_at
    else:
        return None
    if high - low > _AFTER_WINDOW:
        return None
    found = SPEECH_RE.search(doc.text, low, high)
    if found is None or doc.in_quote(found.start()) is not None:
        return None
    return Span(start=found.start(), end=found.end())
