"""Cutting news text into the units the extractor reads: paragraphs, sentences, quotes.

Everything here works on character offsets into the one text it was given,
so every unit can be cited with a `Span`. Nothing is normalised away: a quote
is exactly the characters between its marks.

Quotes follow the conventions of English news copy:

- curly (“ ”) or straight (") double quotes, or two apostrophes for each
  mark ('' '', as in some newspaper archives); single quotes inside them are
  nested quotes and left alone;
- a quote that runs on into the next paragraph either leaves its mark open and
  reopens it at the start of the next paragraph (the usual style), or leaves it
  open and closes it somewhere in the next paragraph (seen in translated copy);
- a quote still open at the end of the text, or at a paragraph end with no way
  to continue, is not a quote: its words are never made up into one, and the
  paragraph is read again without its mark, so the quotes inside are found;
- copy that mixes its marks is read as meant: a curly quote closed by a
  straight mark or the reverse, and a closing mark that opens a paragraph.

In a text whose paragraphs are set apart by blank lines, a single line break
ends a paragraph too (web copy mixes both), unless the next line goes on in
lower case, as a hard-wrapped line does.
"""

import bisect
import re
from collections.abc import Iterator
from typing import Final, NamedTuple

__all__ = [
    "LONGEST_SENTENCE",
    "Dateline",
    "Quote",
    "Unit",
    "find_dateline",
    "find_quotes",
    "paragraphs",
    "sentences",
]

_OPENERS: Final = frozenset("“„«")
_CLOSERS: Final = frozenset("”»")
_CURLY_MARK: Final = re.compile("[“„«”»]")
_STRAIGHT: Final = '"'
_APOSTROPHES: Final = "''"  # a double quotation mark typed as two apostrophes
# A sentence ends at . ! ? (and any closing quote or bracket after it) before
# whitespace and something that can start a sentence.
_BOUNDARY: Final = re.compile(r"[.!?][\"”’»)\]']*(\s+)(?=(?:''|[\"“‘«(\[])?[A-Z0-9])")
# Words whose final period is not a sentence end.
_ABBREVIATIONS: Final = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm",
        "sen", "rep", "gov", "pres", "amb", "st", "jr", "sr", "no", "vs", "etc", "inc",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "mt", "ft", "approx", "dept", "fm",
        "hon", "rt", "h.e", "h.m", "h.r.h",
    }
)  # fmt: skip
_WORD_BEFORE: Final = re.compile(r"([A-Za-z.]+)$")
_DATE_PART: Final = (
    r"[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?"
    r"|[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+[0-9]{4})?"
)
_DATELINE: Final = re.compile(
    rf"""\s*
    (?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\- ]*[A-ZÀ-ÖØ-Þ.])   # MOSCOW, BRASÍLIA, NEW YORK
    (?:\s*,\s*(?P<date>{_DATE_PART}))?
    (?:\s*\((?P<agency>[^()\n]{{1,40}})\))?
    \s*(?:[—–]\s*|--?\s+)""",
    re.VERBOSE,
)
# A place written in title case is a dateline only with a date: "Ha Noi, 10 November -".
_TITLE_DATELINE: Final = re.compile(
    rf"""\s*
    (?P<place>[A-ZÀ-ÖØ-Þ][\w.'’]*(?:\ [A-ZÀ-ÖØ-Þ][\w.'’]*){{0,3}})
    \s*,\s*(?P<date>{_DATE_PART})
    (?:\s*\((?P<agency>[^()\n]{{1,40}})\))?
    \s*(?:[—–]\s*|--?\s+)""",
    re.VERBOSE,
)
_DATE_LINE: Final = re.compile(r"\A\s*date\s+([0-9]{4}-[0-9]{2}-[0-9]{2})\b")
_PARAGRAPH_BREAK: Final = re.compile(r"\r?\n[ \t\r\xa0]*\n\s*")
# In a text of blank-line paragraphs, a single line break is a paragraph break too (web copy
# mixes both), unless the next line goes on in lower case: a hard-wrapped line.
_LINE_BREAK: Final = re.compile(r"\r?\n[ \t\r\xa0]*\n\s*|[ \t\xa0]*\r?\n[ \t\xa0]*(?![a-z,;:)\]])")


class Unit(NamedTuple):
    """A stretch of the text: a paragraph or a sentence."""

    start: int
    end: int


class Quote(NamedTuple):
    """The words between a pair of quotation marks.

    ``start`` and ``end`` are the offsets of the words, inside the marks;
    ``open_at`` and ``close_at`` are the offsets of the marks themselves: of
    the opening mark's first character and the closing mark's last, for a
    mark of two apostrophes ('').
    """

    start: int
    end: int
    open_at: int
    close_at: int


class Dateline(NamedTuple):
    """The place, date and agency a wire story opens with: ``MOSCOW, December 7 (TASS) —``."""

    place: str | None
    date_text: str | None
    date_start: int
    agency: str | None
    end: int
    agency_start: int = -1


def paragraphs(text: str) -> list[Unit]:
    """Return the paragraphs of *text*: stretches between blank lines, or lines if none.

    In a text with blank lines, a single line break ends a paragraph too, unless
    the line after it goes on in lower case (a hard-wrapped line). Leading and
    trailing whitespace is left out of every unit; empty ones are dropped.
    """
    breaker = _LINE_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
    units: list[Unit] = []
    position = 0
    for match in breaker.finditer(text):
        units.extend(_trimmed(text, position, match.start()))
        position = match.end()
    units.extend(_trimmed(text, position, len(text)))
    return units


def _trimmed(text: str, start: int, end: int) -> Iterator[Unit]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield Unit(start, end)


def sentences(text: str, paragraph: Unit, quotes: list[Quote]) -> list[Unit]:
    """Return the sentences of one paragraph, never cutting inside a quote.

    A quote of several sentences stays inside the sentence that holds it, so
    the words around it (``"...," said Lavrov.``) stay with it. A run of
    words longer than `LONGEST_SENTENCE` characters with no sentence end
    (text scraped without its punctuation, a list, an attack) is read in
    pieces of at most that length, each cut at a space outside quotes, so
    that the work done per sentence stays bounded.
    """
    units: list[Unit] = []
    start = paragraph.start
    for match in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        cut = match.end()
        # The cut falls after any closing mark: "He said: “We agree.” The talks ended."
        if _inside_quote(match.start(1), quotes) or _is_abbreviation(text, match.start()):
            continue
        units.extend(_pieces(text, start, cut, quotes))
        start = cut
    units.extend(_pieces(text, start, paragraph.end, quotes))
    return units


#: The longest sentence read whole, in characters; a longer one is read in pieces.
#: (The longest sentence of the PolNeAR dev split has 889 characters.)
LONGEST_SENTENCE: Final = 1200
_SPACE_RE: Final = re.compile(r"\s+")


def _pieces(text: str, start: int, end: int, quotes: list[Quote]) -> Iterator[Unit]:
    """The sentence start..end, trimmed, cut at spaces outside quotes if it is too long."""
    while end - start > LONGEST_SENTENCE:
        low, high = start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE
        cut = _cut_before(text, low, high, end, quotes)
        if cut is None or cut >= end:
            break
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, end)


def _cut_before(text: str, low: int, high: int, end: int, quotes: list[Quote]) -> int | None:
    """Where to cut a long sentence: after the last space outside quotes in low..high.

    With none there (a long quote or a long word covers it), the first space
    outside quotes after *high*, before *end*; None if there is none. Only the
    characters up to the cut are read, so cutting a long run costs time in its length.
    """
    cut = None
    for space in _SPACE_RE.finditer(text, low, high):
        if not _inside_quote(space.start(), quotes):
            cut = space.end()
    position = high
    while cut is None:
        index = bisect.bisect_right(quotes, position, key=lambda q: q.open_at) - 1
        if index >= 0 and position < quotes[index].close_at:
            position = quotes[index].close_at  # past the quote that holds the position
        after = _SPACE_RE.search(text, position, end)
        if after is None:
            return None
        if not _inside_quote(after.start(), quotes):
            cut = after.end()
        position = after.end()
    return cut


def _inside_quote(position: int, quotes: list[Quote]) -> bool:
    # Quotes are in order and never overlap: only the last to open before position can hold it.
    index = bisect.bisect_left(quotes, position, key=lambda q: q.open_at) - 1
    return index >= 0 and position < quotes[index].close_at


def _is_abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if match is None:
        return False
    word = match.group(1).lower().strip(".")
    # A single capital letter is an initial ("John F. Kennedy"); a word with inner
    # periods is an abbreviation ("H.E.", "p.m.").
    return (
        word in _ABBREVIATIONS or "." in word or (len(word) == 1 and match.group(1)[-1:].isupper())
    )


def find_quotes(text: str, paragraph_units: list[Unit]) -> list[Quote]:
    """Return every closed double quote in *text*, in order.

    Marks that do not match are read as copy mixes them: a curly quote closed
    by a straight mark (“We agree," he said), a straight one closed by a
    curly mark, and a closing mark that opens a paragraph (”We agree.”). A
    curly quote nested in a curly quote (“what he calls “hell” than this”)
    stays inside it, and the quote found is the outer one. A
    mark left open at a paragraph end that no next paragraph goes on from
    opens nothing, and the paragraph is read again without it, so the quotes
    inside it are found.

    Args:
        text: The whole text.
        paragraph_units: Its paragraphs, from `paragraphs`.
    """
    quotes: list[Quote] = []
    carried: _Open | None = None  # a quote that goes on from the paragraph before
    for index, unit in enumerate(paragraph_units):
        following = paragraph_units[index + 1] if index + 1 < len(paragraph_units) else None
        position = unit.start
        if carried is not None and _reopens(text, unit.start, carried):
            position += 2 if carried.apostrophes else 1  # the quote goes on: its mark is reopened
        state = carried
        while True:
            found, left_open = _scan(text, position, unit, state)
            if left_open is None or _goes_on(text, left_open, following):
                quotes.extend(found)
                carried = left_open
                break
            # The mark left open opens nothing: read the paragraph again without it.
            position = unit.start if left_open[0] < unit.start else left_open[0] + 1
            quotes.extend(q for q in found if q.close_at < position)
            state = None
    return [q for q in quotes if text[q.start : q.end].strip()]  # marks around nothing: none


def _reopens(text: str, at: int, left_open: "_Open") -> bool:
    """Whether the paragraph at *at* opens again the kind of quote *left_open* is."""
    if left_open.apostrophes:
        return _opens_apostrophes(text, at)
    return text[at] == _STRAIGHT if left_open.straight else text[at] in _OPENERS


def _goes_on(text: str, left_open: "_Open", following: Unit | None) -> bool:
    """Whether a quote open at a paragraph end goes on into the *following* paragraph."""
    if following is None:
        return False
    if _reopens(text, following.start, left_open):
        return True
    return not left_open.straight and _closing_marks_first(text, following.start, following.end, 1)


def _opens_apostrophes(text: str, offset: int) -> bool:
    """Whether a mark of two apostrophes ('') that opens a quote stands at *offset*.

    It stands where a word may begin, not after a letter or a digit (the
    inches of 6'2''), and in a run of three it is the first two: '''No' was
    all he said'' opens the double quote, then a single one.
    """
    return text.startswith(_APOSTROPHES, offset) and (
        offset == 0 or not (text[offset - 1].isalnum() or text[offset - 1] == "'")
    )


def _closes_apostrophes(text: str, offset: int) -> bool:
    """Whether a mark of two apostrophes ('') that closes a quote stands at *offset*.

    It follows a word or a mark, not a space, and in a run of three it is the
    last two: ''the 'best' deal''' closes the single quote, then the double one.
    """
    return (
        text.startswith(_APOSTROPHES, offset)
        and offset > 0
        and not text[offset - 1].isspace()
        and text[offset + 2 : offset + 3] != "'"
    )


class _Open(NamedTuple):
    """A quote left open: where its mark is, its kind, and the marks seen inside it so far."""

    at: int
    straight: bool
    straights: int = 0  # straight marks inside it
    # Curly opening marks inside it, less curly closing ones: in a curly quote,
    # the quotes nested in it and still open.
    unpaired: int = 0
    # Its mark is two apostrophes (''): only the same mark closes it.
    apostrophes: bool = False


def _scan(  # noqa: C901, PLR0912 - one branch per kind of mark and what it does
    text: str, position: int, unit: Unit, state: _Open | None
) -> tuple[list[Quote], _Open | None]:
    """The quotes closed from *position* to the end of *unit*, and the one left open.

    The marks inside the open quote are counted as the scan goes, so telling
    whether a mark of the other kind closes it never reads the quote again.
    """
    quotes: list[Quote] = []
    open_at, straight, straights, unpaired, apostrophes = (
        state if state is not None else (None, False, 0, 0, False)
    )
    after_mark = -1  # the second apostrophe of a mark, already read
    for offset in range(position, unit.end):
        char = text[offset]
        if char == "'":
            if offset == after_mark:
                continue  # the second apostrophe of a mark
            if open_at is None and _opens_apostrophes(text, offset):
                open_at, straight, straights, unpaired, apostrophes = offset, True, 0, 0, True
                after_mark = offset + 1
            elif open_at is not None and apostrophes and _closes_apostrophes(text, offset):
                quotes.append(Quote(open_at + 2, offset, open_at, offset + 1))
                open_at, apostrophes = None, False
                after_mark = offset + 1
            continue  # an apostrophe, a single quote, or a mark inside quotes of another kind
        if apostrophes:
            continue  # inside '' … '', only the same mark closes
        if open_at is None:
            if char in _OPENERS or char == _STRAIGHT:
                open_at, straight, straights, unpaired = offset, char == _STRAIGHT, 0, 0
            elif char == "”" and _opens_paragraph(text, offset, unit):
                open_at, straight, straights, unpaired = offset, False, 0, 0
        elif (
            char == _STRAIGHT if straight else char in _CLOSERS and not unpaired
        ) or _closes_mismatched(
            text, offset, unit, straight=straight, straights=straights, unpaired=unpaired
        ):
            quotes.append(Quote(open_at + 1, offset, open_at, offset))
            open_at = None
        elif not straight and char in _OPENERS and not _nests(text, offset, unit):
            open_at, straights, unpaired = offset, 0, 0  # a stray opening mark: start again
        elif char == _STRAIGHT:
            straights += 1
        elif char in _OPENERS:
            unpaired += 1  # in a curly quote, a quote nested in it (see `_nests`)
        elif char in _CLOSERS:
            unpaired -= 1
    if open_at is None:
        return quotes, None
    return quotes, _Open(open_at, straight, straights, unpaired, apostrophes)


def _nests(text: str, offset: int, unit: Unit) -> bool:
    """Whether a curly opening mark inside a curly quote opens a quote nested in it.

    It does when two closing marks follow it in the paragraph before any
    other opening mark (“what he calls “hell” than this”): one closes it,
    the other the quote around it. Otherwise the quote before it was never
    closed, and it starts a quote of its own.
    """
    # Its own closing mark, then the outer quote's.
    return _closing_marks_first(text, offset + 1, unit.end, 2)


def _opens_paragraph(text: str, offset: int, unit: Unit) -> bool:
    """Whether a closing mark opens its paragraph, before a word (”We agree.”)."""
    return offset == unit.start and offset + 1 < unit.end and text[offset + 1].isalnum()


_AFTER_CLOSE: Final = frozenset(" \t\n.,;:!?)—–-")


def _closes_mismatched(
    text: str, offset: int, unit: Unit, *, straight: bool, straights: int, unpaired: int
) -> bool:
    """Whether the other kind of mark closes the quote: “We agree," / "more hours”.

    It must look like a closing mark (after a word or punctuation, before a
    space, punctuation or the paragraph end), and not pair with a mark of its
    own kind inside the quote (“the "so-called" deal”): *straights* and
    *unpaired* count those marks seen since the quote opened.
    """
    char = text[offset]
    if straight:
        if char not in _CLOSERS or unpaired > 0:
            return False
    elif char != _STRAIGHT or straights % 2:
        return False
    return not text[offset - 1].isspace() and (
        offset + 1 >= unit.end or text[offset + 1] in _AFTER_CLOSE
    )


def _closing_marks_first(text: str, start: int, end: int, count: int) -> bool:
    """Whether *count* curly closing marks come, from *start* to *end*, before any opening one."""
    for _ in range(count):
        mark = _CURLY_MARK.search(text, start, end)
        if mark is None or mark.group() in _OPENERS:
            return False
        start = mark.end()
    return True


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """Return the dateline the text opens with (at *start*), if any.

    Three forms are read: a wire dateline (``MOSCOW, December 7 (TASS) —``,
    ``WASHINGTON —``), a place in title case with a date (``Ha Noi, 10
    November -``) and a bare leading ``date 2020-12-08``.
    """
    match = _DATE_LINE.match(text, start) if start == 0 else None
    if match is not None:
        return Dateline(None, match.group(1), match.start(1), None, match.end())
    match = _DATELINE.match(text, start) or _TITLE_DATELINE.match(text, start)
    if match is None or len(match.group("place")) < 3:  # noqa: PLR2004 - "US —" is no place
        return None
    place = match.group("place").strip()
    return Dateline(
        place.title() if place.isupper() else place,
        match.group("date"),
        match.start("date") if match.group("date") else -1,
        match.group("agency"),
        match.end(),
        match.start("agency") if match.group("agency") else -1,
    )
