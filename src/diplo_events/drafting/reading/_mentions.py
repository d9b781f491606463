"""Actor mentions in running text: `find_actor_mentions` and `MentionMatch`.

`find_actor_mentions` scans news text for the phrases that name actors, reads
each with `parse_actor_mention` (`diplo_events.drafting.reading._phrase`), and
decides which are mentions: a bare surname only after its full name, no place
or outlet taken for a person, "Name, the X title" as one mention.

This module is also where the rest of the package imports reading's actor
names from, wherever they live: `ActorMention` and `parse_actor_mention`
(one phrase), `NameBook` and `name_key` (spelling variants of a name,
`diplo_events.drafting.reading._namebook`), and `is_national_body` (the
gazetteer, `diplo_events.drafting.reading._gazetteer`).

Issue codes: ``actor.not_found`` (path ``$``) when *text* is not a string.
"""

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from typing import Final

from attrs import frozen

from diplo_events.drafting.reading._gazetteer import (
    _fold,
    _lexicon,
    _rows,
    _tables,
    _tokens,
)
from diplo_events.drafting.reading._phrase import (
    ActorMention,
    _cached,
    _name_like,
    _not_found,
)
from diplo_events.exceptions import ParseError
from diplo_events.model import Span

__all__ = ["MentionMatch", "find_actor_mentions"]


@frozen(kw_only=True)
class MentionMatch:
    """One actor mention found in a text by `find_actor_mentions`.

    Attributes:
        span: Offsets of the mention in the scanned text.
        mention: The parse of the text at `span`.

    .. versionadded:: 0.1.0
    """

    span: Span
    mention: ActorMention


#: Abbreviated words the scanner reads with their period: titles, ranks and
#: honorifics ("Sen.", "Gov.", "Lt."), and the suffix of a name ("Jr.").
_ABBREVIATED: Final = (
    "Dr|Hon|Prof|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Maj|Adm|Cmdr|Pres|Amb|Atty|Rev|Fr|Jr|Sr"
)

#: A rank or honorific, abbreviated, before a name: "Gen. Norman Ham", "Rev. Al Sharpton".
_RANKED: Final = re.compile(r"(?:Lt|Gen|Col|Sgt|Capt|Maj|Adm|Cmdr|Rev)\.\s")

#: Spaces, or one line break: a phrase never runs on across a blank line.
_SPACE: Final = r"(?:[^\S\n]|\n(?![^\S\n]*\n))+"


@functools.cache
def _scanner() -> re.Pattern[str]:
    """Compile the pattern of candidate phrases: runs of capitalised and title words."""
    lex = "|".join(sorted((re.escape(w) for w in _tables().lex_words), key=len, reverse=True))
    word = (
        r"(?:(?:[A-Z]\.){2,}"
        # Abbreviated titles, ranks and a name's suffix keep their period: "Sen.", "Jr.".
        rf"|(?:{_ABBREVIATED})\.(?=[^\S\n]|,)"
        # A middle initial, between two name words: "Donald J. Trump".
        r"|(?<=[a-z][^\S\n])[A-Z]\.(?=[^\S\n]+[A-Z][a-z])"
        r"|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]\w*(?:[-'\u2019]\w+)*"
        r"|(?:al|el|bin|ibn|abu|abd)-[A-Z]\w*(?:[-'\u2019]\w+)*"
        rf"|(?:{lex})\b"
        r")"
    )
    space = _SPACE
    det = rf"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur){space}"
    num = rf"(?:(?:two|three|four|both|several){space})?"
    # "of"/"for" join titles and bodies; particles join names ("Pieter van Dongen").
    particle = r"van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn"
    link = (
        rf"(?:{space}(?:of|for)(?:{space}the)?|(?:{space}(?:{particle}))+(?={space}[A-Z]))?{space}"
    )
    core = rf"(?<![\w\u2019'-])(?:{det})?{num}{word}(?:{link}{word})*"
    return re.compile(core)


@functools.cache
def _joined_names() -> re.Pattern[str]:
    """Compile the pattern of body and country names the scanner would split at "and" or ",".

    "the Foreign, Commonwealth and Development Office" is one body, not the
    Commonwealth of Nations; "Trinidad and Tobago" is one state.
    """
    names = [
        *(
            n
            for name, *_, aliases, _ in _rows("bodies.tsv", 6)
            for n in [name, *aliases.split("|")]
        ),
        *(name for name, _, _ in _rows("demonyms.tsv", 3)),
    ]
    words = sorted({n for n in names if "," in n or " and " in n}, key=len, reverse=True)
    pattern = "|".join(_SPACE.join(map(re.escape, name.split())) for name in words)
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


def _masked(text: str) -> str:
    """*text* with the names that hold "and" or a comma made single words for the scanner.

    Spaces and commas inside them become "_", so every offset stays the same:
    "the President of Trinidad and Tobago" is one phrase, not two.
    """
    parts: list[str] = []
    position = 0
    for match in _joined_names().finditer(text):
        parts.append(text[position : match.start()])
        parts.append(re.sub(r"[\s,]", "_", match.group(0)))
        position = match.end()
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


#: The most words a candidate phrase holds: a longer run of capitalised words (a list, a
#: title-case page, an attack) is read in pieces of this many, so each is parsed in bounded time.
_LONGEST_CANDIDATE: Final = 40


def _clean(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sub-ranges of a candidate, dropping stop words at its edges and splitting at them."""
    tokens = _tokens(text[start:end])
    split = _lexicon().split
    piece: list[tuple[str, int, int]] = []
    for token in [*tokens, ("", 0, 0)]:
        word = token[0]
        folded = word.casefold()
        kept = bool(word) and (
            (folded not in split or word.isupper())
            and not (not piece and len(word) > 4 and word.endswith(("ing", "ly")))  # noqa: PLR2004 - "Going"
        )
        if kept and len(piece) < _LONGEST_CANDIDATE:
            piece.append(token)
            continue
        while piece and piece[-1][0].casefold() in {"of", "for", "the", ","}:
            piece.pop()
        if piece:
            first, last = piece[0][1], piece[-1][2]
            if piece[-1][0] == "'s":
                last = piece[-1][1]
            if last > first:
                yield start + first, start + last
        piece = [token] if kept else []  # a word past the longest candidate begins the next


_MAX_RETRIES: Final = 6


def _parse_suffix(text: str, start: int, end: int) -> tuple[int, int, ActorMention] | None:
    """Parse ``text[start:end]``, or failing that its longest parseable tail.

    "representatives of Baku" is no mention, but its tail "Baku" is.
    """
    mention = _cached(text[start:end])
    if not isinstance(mention, ParseError):
        return start, end, mention
    tokens = _tokens(text[start:end])
    possessor = _possessor(text, start, tokens)
    if possessor is not None:
        return possessor
    head = _head_name(text, start, tokens)
    if head is not None:
        return head
    for index, (_, offset, _) in enumerate(tokens[1:_MAX_RETRIES], start=1):
        if _names_a_feature(tokens, index):
            continue
        tail = text[start + offset : end]
        if tail[:1].isupper() or tail.startswith(("the ", "his ", "her ")):
            mention = _cached(tail)
            if not isinstance(mention, ParseError) and (
                mention.name is None
                or mention.title is not None
                or _RANKED.match(tail)
                or _describes(text[start : start + offset])
            ):  # a bare name after "Center for" is no name; after "attorney" or "Gen." it is
                return start + offset, end, mention
        elif tail[:1].islower():
            # "ministry spokesman Rizal Pratama": a title in lower case, then a name.
            mention = _cached(tail)
            if not isinstance(mention, ParseError) and mention.title and mention.name:
                return start + offset, end, mention
    return None


#: Words before a bare name that make it a thing's name: "the Sierra Club", "Center for".
_NOT_DESCRIPTORS: Final = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "of", "for"}
)


def _describes(words: str) -> bool:
    """Tell whether *words*, before a name, describe a person: "New York attorney", "activist"."""
    split = words.split()
    if not split or _NOT_DESCRIPTORS.intersection(split):
        return False
    last = split[-1]
    # "Texas-based", "Co-anchor": a word made with a hyphen and a lower-case part describes.
    return last.islower() or ("-" in last and not _name_like(last))


def _possessor(
    text: str, start: int, tokens: list[tuple[str, int, int]]
) -> tuple[int, int, ActorMention] | None:
    """The named person before the first "'s": "Lavrov" in "Lavrov's aides"."""
    for word, offset, _ in tokens[1:]:
        if word == "'s" and offset:
            mention = _cached(text[start : start + offset])
            if not isinstance(mention, ParseError) and mention.name is not None:
                return start, start + offset, mention
            break
    return None


def _head_name(
    text: str, start: int, tokens: list[tuple[str, int, int]]
) -> tuple[int, int, ActorMention] | None:
    """The person named before "of": "Mike Pence" in "Mike Pence of Indiana"."""
    for index, (word, _, _) in enumerate(tokens[2:], start=2):
        if word == "of":
            head = tokens[index - 1][2]
            mention = _cached(text[start : start + head])
            if (
                not isinstance(mention, ParseError)
                and mention.kind == "person"
                and mention.name is not None
                and mention.name_span is not None
                and mention.name_span.end == head  # not "Massachusetts Secretary" of State
                and (mention.title is not None or " " in mention.name)
            ):
                return start, start + head, mention
            break
    return None


def _names_a_feature(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Tell whether the tail at *index* names a sea or a coast: "the Gulf of Guinea"."""
    return (
        index > 1
        and tokens[index - 1][0] == "of"
        and _fold(tokens[index - 2][0]) in _lexicon().features
    )


def _candidates(text: str, surnames: set[str]) -> list[tuple[int, int, ActorMention]]:
    """Every parseable phrase of *text* in order; add the surnames of full names to *surnames*."""
    candidates: list[tuple[int, int, ActorMention]] = []
    masked = _masked(text)
    for match in _scanner().finditer(masked):
        for first, stop in _clean(masked, match.start(), match.end()):
            found = _parse_suffix(text, first, stop)
            if found is None:
                continue
            start, end, mention = found
            if mention.name is not None and " " in mention.name:
                surnames.add(_surname(mention.name))
                # A double surname: "Alvarado" for "Ricardo Alvarado Peña".
                surnames.update(mention.name.split(" ")[1:-1])
            candidates.append((start, end, mention))
    return candidates


def _untitled_name(mention: ActorMention) -> bool:
    """Tell whether *mention* is a person's name with no title, country or counterpart."""
    return (
        mention.kind == "person"
        and mention.name is not None
        and mention.title is None
        and mention.country is None
        and not mention.counterpart
    )


def _unseen_surname(mention: ActorMention, surnames: set[str]) -> bool:
    """Tell whether *mention* is a bare one-word name not seen as a full name's surname."""
    name = mention.name
    return _untitled_name(mention) and name is not None and " " not in name and name not in surnames


#: Prepositions of place: a bare name after one is a place ("talks in Siem Reap").
#: Not "at", which also aims at people ("lashed out at Antony Blinken").
_LOCATIVE: Final = re.compile(
    r"\b(?:in|near|below|above|outside|inside|across|beyond|off|around|along)\s+\Z",
    re.IGNORECASE,
)


def _not_a_person(text: str, start: int, end: int, mention: ActorMention) -> bool:
    """Tell whether *mention*, a bare name, reads as a place, a building or an outlet.

    A name with a title or a country ("Ambassador Jorge Santa Cruz") is a
    person; so is a possessive after a preposition ("in Lavrov's words").
    """
    if not _untitled_name(mention) or mention.name is None or mention.organization is not None:
        return False
    words = mention.name.casefold().split()
    lexicon = _lexicon()
    if words[0] in lexicon.place_first or words[-1] in lexicon.place_last:
        return True
    possessive = text.startswith(("'", "\u2019"), end)
    return not possessive and _LOCATIVE.search(text, max(0, start - 12), start) is not None


#: A generation after a surname ("Biden Jr."): the surname is the word before it.
_SUFFIX: Final = re.compile(r"(?:[^\S\n]+(?:Jr|Sr|II|III|IV)\.?)+\Z")


def _surname(name: str) -> str:
    return _SUFFIX.sub("", name).rsplit(" ", 1)[-1]


def find_actor_mentions(text: str) -> list[MentionMatch]:
    """Find the actor mentions in running news text.

    Finds titled names ("Armenian Foreign Minister Ara Ayvazyan"), names ("Ara
    Genrievich"), surnames already seen with a first name ("Lavrov"), possessives
    ("Lavrov's", with a straight or curly apostrophe: the span stops before it),
    appositives ("Ara Ayvazyan, the Armenian foreign minister," as one mention,
    when a comma or the sentence's end closes it), title-only phrases ("the
    Armenian minister", "the two ministers"), bodies ("the OSCE Minsk Group
    Co-Chairs", "NATO") and states ("Turkey", "Moscow", "the Azerbaijani side").
    Sentence-initial ordinary words, months and weekdays are not taken as names.

    Args:
        text: The text to scan.

    Returns:
        The mentions in text order, not overlapping.

    Example:
        >>> found = find_actor_mentions(
        ...     "Russian President Vladimir Putin met Ara Ayvazyan, the Armenian foreign"
        ...     " minister, in Moscow on Monday. Putin said Baku and Yerevan agreed."
        ... )
        >>> [(m.span.start, m.mention.name or m.mention.country) for m in found]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(0, 'Vladimir Putin'), (37, 'Ara Ayvazyan'), (85, 'RUS'), (103, 'Putin'),
         (114, 'AZE'), (123, 'ARM')]
        >>> found[1].mention.title
        'Foreign Minister'

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise _not_found(repr(text), "not a string")
    surnames: set[str] = set()
    candidates = _headline_names(text, _candidates(text, surnames))
    out: list[MentionMatch] = []
    index = 0
    while index < len(candidates):
        start, end, mention = candidates[index]
        index += 1
        if index < len(candidates):
            merged = _appositive(text, (start, end, mention), candidates[index])
            if merged is not None:
                out.append(merged)
                index += 1
                continue
        if _unseen_surname(mention, surnames) or _not_a_person(text, start, end, mention):
            continue
        out.append(MentionMatch(span=Span(start=start, end=end), mention=mention))
    return out


#: Words a headline leaves in lower case; any other lower-case word makes a line running text.
_HEADLINE_SMALL: Final = frozenset(
    {
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for",
        "by", "with", "as", "from", "vs", "via", "into", "over", "up", "off", "out", "per",
    }
)  # fmt: skip
_HEADLINE_MIN_WORDS: Final = 3
_WORD: Final = re.compile(r"[^\W\d_][\w'\u2019.-]*")
#: A word in lower case that a headline would capitalise.
_RUNNING_WORD: Final = re.compile(
    rf"(?<![\w'\u2019.-])(?!(?:{'|'.join(sorted(_HEADLINE_SMALL))})(?![\w'\u2019.-]))[a-z\u00df-\u00ff]"
)


def _headlines(text: str) -> list[tuple[int, int]]:
    """The lines of *text* written in title case, when it has lines of running text too.

    "Clinton Was Headed to ER But Diverted" is a headline: its verbs are
    capitalised like names, so a name in it is read only as far as the text
    below writes it.
    """
    if "\n" not in text.strip():
        return []
    found: list[tuple[int, int]] = []
    body = False
    position = 0
    for line in text.split("\n"):
        if _RUNNING_WORD.search(line) is not None:
            body = True
        elif len(_WORD.findall(line)) >= _HEADLINE_MIN_WORDS:
            found.append((position, position + len(line)))
        position += len(line) + 1
    return found if body else []


def _headline_names(
    text: str, candidates: list[tuple[int, int, ActorMention]]
) -> list[tuple[int, int, ActorMention]]:
    """Cut each name in a headline to its longest start the rest of *text* writes too.

    "Hillary Clinton Was Headed" is "Hillary Clinton" when the story names her
    so; an untitled name in the first line that the story never writes ("Avoid
    Bad Optics") is dropped. Other lines in title case may list names.
    """
    lines = _headlines(text)
    if not lines:
        return candidates
    body = "".join(
        text[end:start]
        for (_, end), (start, _) in itertools.pairwise([(0, 0), *lines, (len(text), 0)])
    )
    # The text's first line is its headline: a name there the story never writes is no name.
    headline = lines[0] if not text[: lines[0][0]].strip() else None
    out: list[tuple[int, int, ActorMention]] = []
    starts = [a for a, _ in lines]
    for start, end, mention in candidates:
        line = lines[bisect.bisect_right(starts, start) - 1] if start >= starts[0] else None
        if line is not None and start >= line[1]:
            line = None
        if (
            mention.name is None
            or mention.name_span is None
            or line is None
            # A line that is one name alone signs a letter: "Toni Williams."
            or (not text[line[0] : start].strip() and not text[end : line[1]].strip(" .,;:!?\t\r"))
        ):
            out.append((start, end, mention))
            continue
        cut = _cut_to_body(text, body, start, mention)
        if cut is not None:
            out.append(cut)
        elif mention.title is not None or mention.counterpart or line != headline:
            out.append((start, end, mention))  # a list of names is not a headline
    return out


def _cut_to_body(
    text: str, body: str, start: int, mention: ActorMention
) -> tuple[int, int, ActorMention] | None:
    """The mention up to the longest start of its name (two words at least) that *body* holds.

    A name of two words whose surname *body* writes is kept whole.
    """
    name, span = mention.name or "", mention.name_span or Span(start=0, end=0)
    name_start = start + span.start
    ends = [name_start + m.end() for m in re.finditer(r"\S+", text[name_start : start + span.end])]
    words = name.split(" ")
    for size in range(len(words), 1, -1):
        if re.search(rf"(?<!\w){re.escape(' '.join(words[:size]))}(?!\w)", body) is None:
            continue
        if size == len(words):
            return start, start + len(mention.text), mention
        cut = _cached(text[start : ends[size - 1]])
        if not isinstance(cut, ParseError) and cut.name == " ".join(words[:size]):
            return start, ends[size - 1], cut
    if len(words) == 2 and re.search(rf"(?<!\w){re.escape(words[-1])}(?!\w)", body):  # noqa: PLR2004
        return start, start + len(mention.text), mention  # "Ann Coulter", then "Coulter" below
    return None


_APPOSITIVE_GAP: Final = re.compile(r",\s*\Z")
_APPOSITIVE_CLOSE: Final = re.compile(r"\s*(?:[,.;:)!?]|\Z)")


def _appositive(
    text: str,
    left: tuple[int, int, ActorMention],
    right: tuple[int, int, ActorMention],
) -> MentionMatch | None:
    """Merge "Name, the X title" or "the X title, Name" into one mention, or return ``None``."""
    if not _APPOSITIVE_GAP.match(text, left[1], right[0]) or not _APPOSITIVE_CLOSE.match(
        text, right[1]
    ):
        return None
    first, second = left[2], right[2]
    if first.kind != "person" or second.kind != "person":
        return None
    named, titled = (first, second) if first.title is None else (second, first)
    if named.name is None or named.title is not None or named.counterpart:
        return None
    if titled.name is not None or titled.title is None:
        return None
    mention = _cached(text[left[0] : right[1]])
    if isinstance(mention, ParseError) or mention.name is None:
        return None
    return MentionMatch(span=Span(start=left[0], end=right[1]), mention=mention)
