"""Who said a quote, read from the words right around its marks.

Reading finds the names it knows; news copy names the speakers of quotes in
ways it does not: a surname alone never given in full ("...," Podesta said),
a title and a party tag ("...," Rep. Gwen Moore (D-Wis.) said), an age or an
office in apposition ("...," Quina Jones, 25, said), someone unnamed ("...,"
said one Democratic source on the panel), or a dash after a quote that ends
its paragraph (“...” ― Steve Quinlan). `speaker_slots` finds these phrases
for the actors stage, which resolves them to the cast or adds the person.
"""

import re
from typing import Final, NamedTuple

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._gazetteer import never_in_a_name
from diplo_events.drafting.reading._text import Quote
from diplo_events.drafting.rules._cues import SPEECH, alternation, rows

__all__ = [
    "DOCUMENTS",
    "HEADLINE_LABELS",
    "NOT_NAMES",
    "PEOPLE_NOUNS",
    "TITLE_WORDS",
    "Slot",
    "Turn",
    "name_like",
    "speaker_slots",
    "transcript_turns",
]


def _words(kind: str) -> frozenset[str]:
    return frozenset(word for word, of in rows("speaker_words.tsv", 2) if of == kind)


#: Titles and honorifics that may stand before a name: "Rep.", "Chief".
TITLE_WORDS: Final = _words("title")
#: Capitalised words that name no one: "said Monday".
NOT_NAMES: Final = _words("not-name")
#: The heads of descriptions of someone unnamed: "official", "narrator".
PEOPLE_NOUNS: Final = _words("noun")
#: The heads of descriptions of a text, not a person: "the letter reads".
DOCUMENTS: Final = _words("document")
#: What a headline puts before its colon to name its column, not a speaker: "The Latest".
HEADLINE_LABELS: Final = _words("label")
_NOUNS: Final = alternation(sorted(PEOPLE_NOUNS))


class Slot(NamedTuple):
    """The words that say who said the quote opening at *quote*.

    ``start``..``end`` is the phrase to cite: a name (titles before it left
    out) or a description of someone unnamed, with its determiner.
    """

    quote: int
    start: int
    end: int
    kind: str  # "name", "description" or "pronoun"
    side: str  # "after" (the quote, before its speech verb or after it), "before", "dash"


# A capitalised word or an initial ("E."), an abbreviated title ("Rep.") or a name word.
_CAP: Final = r"(?:[A-Z]\.|[A-Z][a-z]{1,3}\.|[A-Z][\w’'-]*\w)"
_PARTICLE: Final = r"(?:de|van|von|da|del|der|la|le|bin|al|ibn)"
_NAME: Final = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP}){{0,5}}(?:,?[ \t]+Jr\.)?"
_DETERMINER: Final = r"(?i:the|an?|one|another|two|three|several|some|many|my|his|her|their|our)"
_DESCRIPTION: Final = (
    rf"{_DETERMINER}[ \t]+(?:[\w’'-]+[ \t]+){{0,5}}?(?i:{_NOUNS})\b"
    r"(?:[ \t]+(?:of|on|at|for|from|in|with|close[ \t]+to|familiar[ \t]+with)[ \t]+"
    r"(?:[\w’'-]+[ \t]+){0,3}?[\w’'-]+(?=[ \t]*[,.]|[ \t]+(?i:said|says|told|added)\b))?"
)
# Any description right before a speech verb: "the gambling tycoon told", "the 43-year-old asked".
_ANY_DESCRIPTION: Final = (
    rf"{_DETERMINER}[ \t]+(?:(?!(?:and|or|but|then|who|which|that)\b)[\w’'-]+[ \t]+){{0,4}}?"
    r"(?!\w+ly\b)[a-z0-9][\w’'-]*(?:’s|'s)?(?=[ \t]|,)"
)
_ADVERB: Final = (
    r"(?:(?:also|later|then|further|once|previously|recently|simply|often|repeatedly|has|had)\s+)?"
)
# A party tag in brackets, then an age or an office between commas, after a name.
_APPOSITION: Final = r"(?:[ \t]*\([^()\n]{1,30}\))?(?:,[ \t]*[^,“”\"\n]{1,90},)?"
_SPEECH_WORD: Final = rf"(?i:{SPEECH})\b"
_PRONOUN: Final = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b"

# “...,” said Lavrov / said a senior official / said the mayor
_VERB_FIRST_RE: Final = re.compile(
    rf"[ \t]*,?[ \t]*{_SPEECH_WORD}[ \t]+(?:(?P<desc>{_DESCRIPTION})|(?P<name>{_NAME}))"
    rf"|[ \t]*,?[ \t]*(?P<pron>{_PRONOUN})[ \t]+{_ADVERB}{_SPEECH_WORD}"
)
# “...,” Lavrov said / the ad's narrator says / Tulsa police Chief Chuck Jordan said
_NAME_FIRST_RE: Final = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?P<desc>{_DESCRIPTION}|{_ANY_DESCRIPTION})"
    rf"|(?:[\w’'.-]+[ \t]+){{0,4}}?(?P<name>{_NAME}))"
    rf"{_APPOSITION}[ \t]+{_ADVERB}{_SPEECH_WORD}"
)
# “...” ― Steve Quinlan (the paragraph or line ends with the name)
_DASH_RE: Final = re.compile(
    rf"[ \t\xa0]*[―—–-]{{1,2}}[ \t\xa0]*(?P<who>{_NAME})[ \t\xa0.]*(?:\n|$)"
)
# Lavrov said: “...” / the announcer said, “...”
_BEFORE_RE: Final = re.compile(
    rf"(?:^|(?<=[\s,]))(?:(?P<pron>{_PRONOUN})|(?P<desc>{_DESCRIPTION}|{_ANY_DESCRIPTION})"
    rf"|(?P<name>{_NAME}))"
    rf"{_APPOSITION}[ \t]+{_ADVERB}"
    rf"{_SPEECH_WORD}[^“”\"\n:]{{0,50}}?[:,][ \t]*$"
)
_BEFORE_WINDOW: Final = 160
_AFTER_WINDOW: Final = 160


def speaker_slots(doc: Document) -> list[Slot]:
    """The phrase that names the speaker of each quote, where the words around it give one."""
    slots: list[Slot] = []
    for quote in doc.quotes:
        slot = _after(doc, quote) or _before(doc, quote)
        if slot is not None:
            slots.append(slot)
    return slots


def _after(doc: Document, quote: Quote) -> Slot | None:
    text = doc.text
    start = quote.close_at + 1
    line_end = text.find("\n", start, start + _AFTER_WINDOW)  # not the whole rest of the text
    end = min(start + _AFTER_WINDOW, len(text) if line_end < 0 else line_end)
    dash = _DASH_RE.match(text, start, min(len(text), end + 1))
    if dash is not None:
        return _named(doc, quote, dash.start("who"), dash.end("who"), "dash")
    found = _VERB_FIRST_RE.match(text, start, end) or _NAME_FIRST_RE.match(text, start, end)
    if found is None:
        return None
    return _slot(doc, quote, found, "after")


def _slot(doc: Document, quote: Quote, found: re.Match[str], side: str) -> Slot | None:
    if found.groupdict().get("pron") is not None:
        return Slot(quote.open_at, found.start("pron"), found.end("pron"), "pronoun", side)
    if found.group("desc") is not None:
        return Slot(quote.open_at, found.start("desc"), found.end("desc"), "description", side)
    return _named(doc, quote, found.start("name"), found.end("name"), side)


def _before(doc: Document, quote: Quote) -> Slot | None:
    sentence = doc.sents[doc.sentence_at(quote.open_at)]
    low = max(sentence.start, quote.open_at - _BEFORE_WINDOW, doc.body)
    if doc.text[low : quote.open_at].rstrip()[-1:] not in {",", ":"}:
        return None  # the phrase ends in a comma or a colon: a cheap test first
    found = _BEFORE_RE.search(doc.text, low, quote.open_at)
    if found is None:
        return None
    if (
        found.group("desc") is not None
        and doc.text[low : found.start()].strip(" \t,;:—–-")
        and (doc.text[low : found.start()].rstrip()[-1:] not in {",", ";", ":"})
    ):
        return None  # a description mid-clause ("come out of the car and says") names no one
    return _slot(doc, quote, found, "before")


def _named(doc: Document, quote: Quote, start: int, end: int, side: str) -> Slot | None:
    """The slot of a name, without the titles before it, if it can be a person's name."""
    words = list(re.finditer(r"\S+", doc.text[start:end]))
    while len(words) > 1 and words[0].group(0).lower().rstrip(".") in TITLE_WORDS | {
        w.rstrip(".") for w in TITLE_WORDS
    }:
        words.pop(0)
    if not words:
        return None
    first, last = words[0], words[-1]
    name_end = start + last.end()
    if doc.text[name_end - 1] == "." and not re.search(r"(?:\b[A-Z]|Jr)\.$", last.group(0)):
        name_end -= 1
    name = doc.text[start + first.start() : name_end]
    if any(w.lower().rstrip(".") in NOT_NAMES for w in name.split()):
        return None
    if any(never_in_a_name(w) for w in name.split()[1:]):
        return None  # "Shadows Over Harbours"; a first word may be a name ("Per Lund")
    if side != "dash" and len(name.split()) == 1 and not name_like(name):
        return None
    return Slot(quote.open_at, start + first.start(), name_end, "name", side)


def name_like(word: str) -> bool:
    """A lone word that may be a surname: not "CNN", not "PolitiFact", but "McConnell"."""
    if word.isupper():
        return False
    inner = word[1:]
    if not any(c.isupper() for c in inner):
        return True
    return re.match(r"(?:Mc|Mac|De|Di|Da|La|Le|O[’'])[A-Z]", word) is not None


class Turn(NamedTuple):
    """One speaker's turn in a transcript: ``WALLACE: Let's start with ...``.

    ``label_start``..``label_end`` is the speaker's name in capitals;
    ``start``..``end`` the words said, to the end of the paragraph, or of
    the paragraphs after it that go on without a label of their own.
    """

    label_start: int
    label_end: int
    start: int
    end: int


# A paragraph that opens with a name in capitals and a colon, after a quotation mark maybe.
_LABEL_RE: Final = re.compile(
    r"[\"“]?(?P<label>[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}):[ \t]+(?=\S)"
)
# A paragraph that goes on with the turn before: a quotation mark, then no label.
_GOES_ON_RE: Final = re.compile(r"[\"“](?=[A-Z])")


def transcript_turns(doc: Document) -> list[Turn]:
    """The turns of the transcript a text quotes, if it quotes one.

    A text is a transcript where two paragraphs or more open with a speaker's
    name in capitals and a colon. A paragraph that opens with a quotation
    mark and no label goes on with the turn before, unless no labelled
    paragraph comes after it.
    """
    labelled = []
    for index, paragraph in enumerate(doc.paras):
        found = _LABEL_RE.match(doc.text, paragraph.start, paragraph.end)
        if found is not None and found.group("label").lower() not in NOT_NAMES:
            labelled.append((index, found))
    if len(labelled) < _MIN_TURNS:
        return []
    turns = []
    for position, (index, found) in enumerate(labelled):
        last = labelled[position + 1][0] if position + 1 < len(labelled) else index + 1
        end_index = index
        while (
            end_index + 1 < last
            and _GOES_ON_RE.match(doc.text, doc.paras[end_index + 1].start) is not None
        ):
            end_index += 1
        end = doc.paras[end_index].end
        while end > found.end() and doc.text[end - 1] in '"”':
            end -= 1
        turns.append(Turn(found.start("label"), found.end("label"), found.end(), end))
    return turns


_MIN_TURNS: Final = 2
