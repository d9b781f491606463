"""The phrase that says who reported speech is by, read from the words around its verb.

"Senate Democrats (have) said", "X, officials said", "according to the port
authority, X": the phrase right before a speech verb, or after "according to"
or an inverted verb, and what its head noun makes it: someone unnamed, an
organization, a name read only there, or the parties of a meeting together.
The statements stage resolves a phrase to a mention of the cast when one lies
in it, and drafts a speaker of its own from it otherwise. A later verb in the
same clause may have a subject of its own ("though she noted") or share the
first one's (", adding"), and words "according to" a source may relay someone
else's speech.
"""

import re
from typing import Final

from diplo_events.drafting.rules._cues import SPEAKER_NOUNS, SPEECH_RE
from diplo_events.drafting.rules._shared import Ref
from diplo_events.model import Span

__all__ = [
    "appositive_of",
    "later_speaker",
    "phrase_after",
    "phrase_before",
    "relays_speech",
    "same_speaker",
    "speaker_head",
]

# Words between a speaker and its verb: "Lavrov has also said", "officials privately say".
_AUXILIARIES_RE: Final = re.compile(
    r"(?:\s+(?:has|have|had|is|was|were|are|will|would|could|did|does|do|not|also|later|then"
    r"|long|once|again|already|still|never|ever|just|first|[a-z]+ly))*\s*$"
)
# Words a speaker's phrase never holds: where a clause or phrase begins.
_PHRASE_STOPS: Final = frozenset(
    {
        "that",
        "and",
        "but",
        "or",
        "because",
        "while",
        "when",
        "whenever",
        "as",
        "if",
        "since",
        "although",
        "though",
        "after",
        "before",
        "who",
        "whom",
        "which",
        "where",
        "what",
        "how",
        "why",
        "than",
        "so",
        "then",
        "there",
        "here",
        "it",
        "this",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "him",
        "them",
        "us",
        "me",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "wrote",
        "not",
        "also",
    }
)
# Words a speaker's phrase does not begin with.
_LEADING_WORDS: Final = frozenset(
    {
        "but",
        "and",
        "so",
        "yet",
        "still",
        "now",
        "meanwhile",
        "however",
        "also",
        "instead",
        "even",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "to",
        "of",
        "as",
        "last",
        "this",
        "earlier",
        "later",
    }
)
_POSSESSIVES: Final = frozenset({"his", "her", "its", "our", "their", "my", "your"})
# A quotation closed with apostrophes, straight or curly: "...,'' Mr. Lew said".
_QUOTE_ENDS: Final = (",''", ".''", "''", ",’", ".’", ",'", ".'")
_PHRASE_WORDS: Final = 8
# After "according to": longer phrases, opened by an article or a possessive.
_SOURCE_WORDS: Final = 20
_SOURCE_OPENERS: Final = frozenset({"a", "an", "the", "his", "her", "its", "their", "one"})
_TOKEN_RE: Final = re.compile(r"[^\s]+")
# Plural nouns of people by their ending: "exporters", "economists", "residents".
_AGENT_NOUN_RE: Final = re.compile(
    r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents)|[a-z]{4,}(?:er|or|ist|ian|ant|ent)"
)
# A share of people polled: "About one in five", "42%", "Fewer than half of the voters".
_SHARE_RE: Final = re.compile(
    r"(?:(?:only|about|nearly|almost|just|roughly|some|more than|fewer than|less than)\s+)*"
    r"(?:\d[\d.,]*\s*(?:%|percent)|\w+ in (?:\d+|five|four|three|ten)\b|half|a third|"
    r"two-thirds|three-quarters|three-fourths|a quarter|a majority|most|many)\b",
    re.IGNORECASE,
)
# A day in the phrase says when, and no speaker's description holds one.
_WHEN_RE: Final = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b"
)
_JOINT_RE: Final = re.compile(r"\b(?:both|the two)\b", re.IGNORECASE)
_HEAD_ENDS: Final = frozenset({"of", "in", "at", "from", "with", "for", "on", "to", "by"})
_DETERMINERS: Final = frozenset({"the", "a", "an", "one", "this", "that", "another", "some"})
_PRONOUN_HEADS: Final = frozenset(
    {"i", "we", "you", "he", "she", "they", "it", "who", "this", "that"}
)


def phrase_before(text: str, floor: int, verb_at: int) -> tuple[int, int] | None:
    """The phrase right before a speech verb, auxiliaries aside: "Senate Democrats (have) said"."""
    # Auxiliaries are read in the last few words only, so a long clause costs no more.
    aux = _AUXILIARIES_RE.search(text, max(floor, verb_at - _AUXILIARY_REACH), verb_at)
    end = aux.start() if aux is not None else verb_at
    tokens = _last_tokens(text, floor, end, _PHRASE_WORDS)
    start = end
    kept = tokens
    for position in range(len(kept) - 1, -1, -1):
        word = kept[position].group(0)
        if word[-1] in ',;:()—–"“”' or word[0] in '("“”—–' or word.endswith(_QUOTE_ENDS):
            break
        if (
            word.lower() in _PHRASE_STOPS
            and not (  # "Kalnins and Tamm said"
                word == "and" and position > 0 and kept[position - 1].group(0)[:1].isupper()
            )
        ):
            break
        start = kept[position].start()
        if word.lower() in _POSSESSIVES:
            break  # "his office said": the phrase begins with its owner
    chosen = [t for t in tokens if t.start() >= start]
    while chosen and chosen[0].group(0).lower() in _LEADING_WORDS:
        chosen.pop(0)
    if not chosen:
        return None
    return chosen[0].start(), chosen[-1].end()


#: How far before a speech verb its auxiliaries are read, in characters.
_AUXILIARY_REACH: Final = 60


def _last_tokens(text: str, floor: int, end: int, count: int) -> list[re.Match[str]]:
    """The last *count* words of text[floor:end], reading back only as far as they go."""
    reach = 16 * count
    while True:
        low = max(floor, end - reach)
        tokens = list(_TOKEN_RE.finditer(text, low, end))
        if low == floor:
            return tokens[-count:]
        if tokens and tokens[0].start() == low and not text[low - 1].isspace():
            tokens.pop(0)  # a word cut by the window's start
        if len(tokens) >= count:
            return tokens[-count:]
        reach *= 4


def phrase_after(
    text: str, start: int, end: int, *, source: bool = False
) -> tuple[int, int] | None:
    """The speaker's phrase after "according to" or an inverted verb, up to a comma or the end.

    After a clause-opening "according to" (*source*) whatever stands before
    the comma is the source, a long phrase too ("According to a civil
    complaint filed by the agency, ...").
    """
    tokens = []
    limit = _SOURCE_WORDS if source else _PHRASE_WORDS
    for token in _TOKEN_RE.finditer(text, start, end):
        word = token.group(0)
        tokens.append(token)
        if word[-1] in ',;:—–"“”' or len(tokens) >= limit:
            break
    if not tokens or (tokens[-1].group(0)[-1] not in ',;:—–"“”.' and tokens[-1].end() < end):
        return None  # no comma or end of clause closes it: no phrase of its own
    low, high = tokens[0].start(), tokens[-1].end()
    while high > low and text[high - 1] in ',;:.—–"“”' + ("" if "(" in text[low:high] else ")"):
        high -= 1
    words = text[low:high].split()
    if not words:
        return None  # nothing but punctuation
    if speaker_head(text[low:high]) is not None:
        return low, high
    return (low, high) if source and words[0].lower() in _SOURCE_OPENERS else None


def speaker_head(phrase: str) -> str | None:  # noqa: C901, PLR0911 - one return per kind
    """What a speaker's phrase is, or None when it names no speaker.

    "person" (someone unnamed), "body" (an unnamed body, or the poll or report
    it put out), "joint" or an organization's kind by its head noun; "named"
    for a name ("McLenney"); "other" for "the" and a name.
    """
    if _SHARE_RE.match(phrase):
        return "person"  # "About one in five", "42%", "More than half the senators surveyed"
    words = re.findall(r"[\w.’'-]+", phrase)
    if _JOINT_RE.search(phrase):
        return "joint"  # "officials from both sides": the parties together
    if _WHEN_RE.search(phrase):
        return None  # "a complaint Monday with the board": a when, so no one's name
    # "officials at the ministry", "a poll of voters": the head comes before the preposition
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), len(words))
    words = words[:cut]
    if not words:
        return None
    last = re.sub(r"[’']s?$", "", words[-1]).rstrip(".")
    if last.lower() in _PRONOUN_HEADS or last.lower() in _DETERMINERS or not last:
        return None  # "it", or a bare "The" before a noun read as the verb ("The show airs")
    kind = SPEAKER_NOUNS.get(last.lower())
    if kind is not None:
        return kind
    if _AGENT_NOUN_RE.fullmatch(last):
        return "person"  # "grain exporters", "local farmers", "one questioner"
    if words[0].lower() in _DETERMINERS and last.islower() and len(words) > 1:
        return "body"  # "the bank said", "one slide says": a body described, or what it put out
    if not last[0].isupper() or len(words) > _PHRASE_WORDS // 2:
        return None
    if all(w[0].isupper() for w in words):
        return "named"  # "McLenney", "Senate Democrats"
    if words[0].lower() == "the" and all(w[0].isupper() for w in words[1:]):
        return "other"  # "the Tax Foundation": an organization
    return "person"  # "the two Ministers": people described


def appositive_of(text: str, refs: list[Ref], floor: int, phrase: tuple[int, int]) -> Ref | None:
    """The person a phrase describes in apposition: "Lavrov, the foreign minister, said"."""
    match = re.search(r"(\S)\s*,\s*$", text[floor : phrase[0]])
    if match is None or not text[phrase[0] : phrase[1]].lower().startswith(("a ", "an ", "the ")):
        return None
    name_end = floor + match.start(1) + 1
    return next((r for r in reversed(refs) if r.end == name_end), None)


def later_speaker(text: str, refs: list[Ref], floor: int, cue: Span) -> Ref | None:
    """The subject of a later speech verb in a clause, when someone stands right before it.

    It must open a clause of its own: after a comma, a conjunction or a
    subordinator ("though she noted", "when Clinton blasted", "and he added").
    """
    before = [r for r in refs if floor <= r.start and r.end <= cue.start]
    if not before:
        return None
    last = before[-1]
    if not _AUXILIARIES_ONLY_RE.fullmatch(text, last.end, cue.start):
        return None
    if not _CLAUSE_OPENS_RE.search(text, floor, last.start):
        return None
    return last


_AUXILIARIES_ONLY_RE: Final = re.compile(
    r"(?:\s+(?:has|have|had|also|later|then|now|once|again|[a-z]+ly))*\s+"
)
_CLAUSE_OPENS_RE: Final = re.compile(
    r"(?:[,;—–]|\b(?:and|but|though|although|while|when|as|because|after|before|since))"
    r"\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$"
)


def same_speaker(text: str, floor: int, cue: Span) -> bool:
    """Whether a later verb is said by the speaker before: "and underscored", ", adding".

    After ", but" or "also" only a verb of saying ("…, but said neither …",
    "and also warned that"): "but found no evidence" is the words' own verb.
    "But" with no comma goes on with the words ("welcomed the offer but said
    …"), as the project's gold texts read readouts.
    """
    before = text[max(floor, cue.start - 12) : cue.start]
    if re.search(r"\band\s+$", before):
        return True
    if _BUT_ALSO_RE.search(before):
        return text[cue.start : cue.end].lower() in _SAYING
    return text[cue.start : cue.end].endswith("ing") and before.rstrip().endswith(",")


# ", but", "and also", "but also" right before a later verb of the same speaker.
_BUT_ALSO_RE: Final = re.compile(r"(?:,\s+but|\b(?:and|but)\s+also)\s+$")
# Verbs that only say something was said, never what happened: "but noted", "and also warned".
_SAYING: Final = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "noted",
        "notes",
        "warned",
        "warns",
        "stressed",
        "stresses",
        "acknowledged",
        "acknowledges",
        "insisted",
        "insists",
        "argued",
        "argues",
        "cautioned",
        "conceded",
        "emphasized",
        "emphasised",
        "underscored",
        "told",
        "tells",
        "maintained",
        "contended",
        "countered",
        "described",
        "saying",
        "adding",
        "noting",
        "warning",
        "stressing",
        "insisting",
        "arguing",
        "acknowledging",
    }
)


def relays_speech(text: str, refs: list[Ref], content: Span, cue: Span) -> bool:
    """Whether the words "according to" a source are someone's own speech.

    "Lavrov urged X, according to a statement" relays Lavrov's words, which
    the rules for his demands draft.
    """
    if cue.start < content.end:
        return False
    first = next(
        (
            r
            for r in refs
            if r.start >= content.start
            and _TITLE_ONLY_RE.fullmatch(text, content.start, r.start) is not None
        ),
        None,
    )
    if first is None:
        return False
    verb = _SPEECH_NEXT_RE.match(text, first.end)
    return verb is not None and bool(SPEECH_RE.match(text, verb.end()))


_TITLE_ONLY_RE: Final = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?")
_SPEECH_NEXT_RE: Final = re.compile(r"\s+(?:had\s+|has\s+|also\s+)*")
