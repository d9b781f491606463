"""The reported words of a clause: where they begin and end, as PolNeAR annotates them.

The statements stage finds a speech verb and its speaker; these functions cut
the clause down to what was said: without the speaker and the cue, past whom
it was told, a "that" and a day, and before a turn to something else.
"""

import re
from typing import Final

from diplo_events.drafting.rules._cues import PREPOSITIONS
from diplo_events.drafting.rules._shared import Ref
from diplo_events.model import Span

__all__ = ["content_start", "enough", "reported_content", "trim_clause_end", "trimmed"]

# The reported words cut from a clause need this many words, else the clause stands.
_MIN_CONTENT_WORDS: Final = 3


def reported_content(text: str, start: int, end: int, speaker: Ref, cue: Span) -> Span:
    """The reported words of a clause, without its speaker and cue, as PolNeAR annotates them.

    "Lavrov said (that) X" and "X, Lavrov said" give X; "according to Lavrov, X"
    and "X, according to Lavrov" give X. When too little is left on the side
    the reported words should be, the whole clause stands.
    """
    if speaker.start >= cue.end:  # "said Lavrov", "according to Lavrov"
        before = trimmed(text, start, min(cue.start, speaker.start))
        content = before if enough(text, before) else trimmed(text, max(cue.end, speaker.end), end)
    elif speaker.end <= cue.start and _says_after(text, start, speaker, cue, end):
        content = trimmed(text, content_start(text, cue, end), end)  # "Lavrov said that X"
    else:  # "X, Lavrov said (on Tuesday)": the words before the speaker
        honorific = _HONORIFIC_END_RE.search(text, start, speaker.start)
        cut = speaker.start if honorific is None else honorific.start()
        described = _DESCRIBED_BEFORE_RE.search(text, start, cut)
        if described is not None:
            cut = described.end(1)  # "X," retired Air Force general Lloyd Newton said: X
        content = trimmed(text, start, trim_clause_end(text, start, cut))  # "X, as police said"
    if not enough(text, content):
        return Span(start=start, end=end)
    low, high = content
    opener = _OPENER_RE.match(text, low, high)
    if opener is not None and enough(text, (opener.end(), high)):
        low = opener.end()  # "However, X, officials said": X
    turn = _TURN_RE.search(text, low, high) or _NEXT_SPEAKER_RE.search(text, low, high)
    if turn is not None and enough(text, (low, turn.start())):
        high = turn.start()  # "X, but Y said Z": X; "X, Senator Y told the paper": X
    where = _WHERE_SAID_RE.search(text, low, high)
    if where is not None and enough(text, (low, where.start())):
        high = where.start()  # "X on Twitter", "X in a statement": where it was said
    return Span(start=low, end=high)


# An honorific before the speaker's name is no part of the words said: "X, Mr. Clarke said".
_HONORIFIC_END_RE: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")
# A few words that describe the speaker between the words said and the name: '…,"
# retired Air Force general Lloyd Newton said', "…, union leader Ola Berg said"; not a
# clause of the words going on ("…, and will fall again Ola Berg said").
_DESCRIBED_BEFORE_RE: Final = re.compile(
    r"(,[”\"]?)\s+(?!(?:and|but|or|nor|so|yet|which|who|whom|whose|while|as|if|when|because"
    r"|though|although|since|after|before|until|unless)\b)(?:[\w’'-]+\.?\s+){1,6}$"
)
# The attribution of another speaker after the words: ', Senator Lindsey Graham told'.
_NEXT_SPEAKER_RE: Final = re.compile(
    r"[,”\"]+\s+(?:(?:[A-Z][\w.’'-]*|of|the)\s+){1,6}(?:\([^)]{1,20}\)\s+)?"
    r"(?:said|says|told|added|wrote|reported)\b"
    r"|[,”\"]+\s+(?:he|she|they)\s+(?:said|says|added|told)\b"
)
# Where something was said, at the end of the words: "on Twitter", "in a statement".
_WHERE_SAID_RE: Final = re.compile(
    r"\s+(?:on (?:Twitter|Facebook|Instagram|television|its website|his website|her website)"
    r"|in (?:a|an|his|her|its|their) (?:statement|interview|tweet|tweets|speech|post|letter))"
    r"(?:\s+[^\s,.;]+){0,4}$"
)


# A discourse word that opens a sentence, no part of what was said.
_OPENER_RE: Final = re.compile(
    r"(?:However|Meanwhile|Still|Moreover|Indeed|Instead|In addition|Also|But|And|Yet|So|Now"
    r"|Nonetheless|Nevertheless|Furthermore|Separately|Overall|Ultimately|Finally)\b,?\s+"
)
# Where reported words turn to something else: a contrast, or a new speaker's clause.
_TURN_RE: Final = re.compile(
    r",\s+(?:but|though|although|while)\s+(?!that\b)|\s+[—–]\s+and\s+"
    r"|,\s+and\s+(?:he|she|they)\s+(?:also\s+)?[a-z]+ed\b"
    r"|,\s+according to\b"
)
# What may stand between a speech verb (and whom it was told) and its "that":
# "said on Tuesday that", "said in a statement Friday that", "also said that", "said over
# the weekend that", "said for months that" (not "said over 100 people died in an attack
# that"). Or an aside between commas: "said, however, that", "said, among other things, that".
_BEFORE_THAT_RE: Final = re.compile(
    r"(?:\s+(?:on|in|at|during|to|with|after|before|last|this|earlier|later|again|also"
    r"|repeatedly|publicly|privately|recently|previously"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^;:\n]{0,80}?"
    r"|\s+(?:over|for|via|through)\s+(?:the|a|an|his|her|their|its"
    r"|(?:[\w-]+\s+)?(?:months|years|weeks|days|decades))\b[^;:\n]{0,40}?"
    r"|,\s+[^,;:\n“”\"]{1,40}?,)?,?\s+that\s",
)
# "told a meeting of Pacific Island leaders that": whom it was told, up to "that".
_TOLD_THAT_RE: Final = re.compile(r"\s+(?:an?|the|his|her|their)\s+[^;:\n]{0,80}?,?\s+that\s")
# Whom "told" or "tells" says something to: "told reporters", "told The Daily Post".
_TOLD_WHOM_RE: Final = re.compile(
    r"\s+(?:reporters|journalists|supporters|voters|him|her|them|us|me"
    r"|(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:['’]s?\s+[A-Z][\w.’'-]*)*)"
    r"(?=[\s,])"
)
_WEEKDAY_RE: Final = re.compile(
    r",?\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:this|last|earlier this|later this)\s+(?:week|weekend|month|year|morning))\b,?(?=\s+\S)"
)
# Whom something was told, when a pronoun subject follows: "told the forum he was".
_TOLD_GROUP_RE: Final = re.compile(
    r"\s+(?:the|a|an|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+"
    r"(?=\s+(?:he|she|they|it|we|I|there)\b)"
)
# Whom, and where or when, up to "that", in a few words with no verb or subject among them:
# "told co-host Joe Scarborough that", "reminded viewers that", "told city leaders that".
_WHOM_THEN_THAT_RE: Final = re.compile(
    r"(?:\s+(?!(?:he|she|they|it|we|I|you|there|who|which|what|and|but|or|is|are|was|were"
    r"|has|have|had|will|would|can|could|should|may|might|must|not|did|does|do|said|says"
    r"|told|tells)\b)(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen)\.|[^\s;:!?.,]+)){1,8}?"
    r",?\s+that\s"
)
_ARTICLES: Final = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "these"})
_TELLING: Final = frozenset({"told", "tells", "telling", "tell"})
# Verbs whose object stands before "that" ("warned voters that", "reminded viewers that"),
# and is part of the words said when no "that" follows ("warned the Fed not to act").
_WHOM_THAT_VERBS: Final = _TELLING | frozenset(
    {"warned", "warns", "warning", "reminded", "assured"}
)


def content_start(text: str, cue: Span, end: int) -> int:
    """Where the reported words after a speech verb begin: past whom it was told, "that", a day."""
    at = cue.end
    if text[cue.start : cue.end].lower() in _TELLING:
        whom = _TOLD_WHOM_RE.match(text, at, end) or _TOLD_GROUP_RE.match(text, at, end)
        if whom is not None:
            at = whom.end()
    verb = text[cue.start : cue.end].lower()
    that = _BEFORE_THAT_RE.match(text, at, end)
    if that is None and verb in _WHOM_THAT_VERBS:
        that = _WHOM_THEN_THAT_RE.match(text, at, end)  # "told Cruz backers Saturday that"
        if that is not None and not _only_whom(that.group(0).split()[:-1], first=at == cue.end):
            that = None
        if that is None and at == cue.end and verb in _TELLING:
            that = _TOLD_THAT_RE.match(text, at, end)  # "told a crowd in Cleveland that"
    if that is not None:
        return that.end()
    day = _WEEKDAY_RE.match(text, at, end)
    return day.end() if day is not None else at


def _only_whom(words: list[str], *, first: bool) -> bool:
    """Whether the words before a "that" read as whom, where and when, and no clause.

    An article only where a noun phrase opens, first or after a preposition
    ("told the board that", "told delegates at the convention that"; not
    "told reporters the plan that Congress passed"), and no word that reads as
    a verb ("warned Europe faced a crisis that"): those "that"s belong to the
    words said. *first*: the words follow the verb itself, not a whom already
    read.
    """
    previous = ""
    for index, word in enumerate(words):
        lower = word.lower().strip(",")
        opens = (index == 0 and first) or previous in PREPOSITIONS  # "at the convention"
        if lower in _ARTICLES and not opens:
            return False
        if word.islower() and lower.endswith("ed"):
            return False
        previous = lower
    return True


def _says_after(text: str, start: int, speaker: Ref, cue: Span, end: int) -> bool:
    """Whether the reported words follow the cue ("Lavrov said X") rather than precede the speaker.

    "X, the ministry said on Tuesday" reports X: words before the speaker that
    end in a comma, and after the cue only a prepositional phrase or little else.
    """
    after = trimmed(text, cue.end, end)
    if not enough(text, after):
        return False
    cue_word = text[cue.start : cue.end].lower()
    if text.startswith("that ", cue.end + 1) or text[cue.end : cue.end + 1] == ":":
        return True
    before = text[start : speaker.start].rstrip()
    rest = text[after[0] : after[1]].split()
    first = rest[0].lower()
    split = text[cue.end : cue.end + 1] == ","  # "X, Lavrov said, Y": X is the clause said
    told = cue_word in _TELLING and len(rest) <= _WHOM_WORDS and "that" not in rest
    return not (
        before.endswith(",")
        and enough(text, (start, speaker.start))
        and (first in PREPOSITIONS or split or told)  # "X, Lavrov told the paper on Monday"
    )


# Whom something was told and when, and no more: "told the paper on Monday".
_WHOM_WORDS: Final = 6
_CONTENT_EDGE: Final = " \t\n,;:—–-"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """*start*..*end* without the punctuation, spaces and "that" at its edges."""
    while start < end and text[start] in _CONTENT_EDGE:
        start += 1
    if text.startswith("that ", start) and end - start > len("that "):
        start += len("that ")
    while end > start and text[end - 1] in _CONTENT_EDGE:
        end -= 1
    return start, max(start, end)


def enough(text: str, span: tuple[int, int]) -> bool:
    return len(text[span[0] : span[1]].split()) >= _MIN_CONTENT_WORDS


def trim_clause_end(text: str, start: int, end: int) -> int:
    """Drop the punctuation and the joining "and" a clause ends with."""
    while True:
        trimmed = text[start:end].rstrip(" ,.:;\n")
        joint = _JOINING_END_RE.search(trimmed)
        if joint is not None:
            end = start + joint.start()
            continue
        return start + len(trimmed)


# What joins a clause to the next: "X said A, though she noted B".
_JOINING_END_RE: Final = re.compile(
    r"\s(?:(?:and|but)(?:\s+also)?|though|although|while|when|as|because)$"
)
