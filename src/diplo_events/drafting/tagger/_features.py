"""The tagger's view of a text: tokens with offsets, one sequence a paragraph, and their features.

A text is cut into paragraphs at line breaks and each paragraph into regex
tokens that keep their character offsets. Every token gets a list of
feature strings (python-crfsuite's plain form: each string is a feature
of value 1): the word itself (lower case, shape, prefixes and suffixes,
capitalisation, whether it is a pronoun), where it stands in the quotes of
its paragraph, the cue lexicon learned from a training corpus with the
distance to the nearest strong cue outside quotes and to the nearest weak
one, which word the nearest strong cue on either side is and whether a
comma lies between (where a reported clause is cut), whether a sentence
before or after it in the paragraph holds a strong one, sentence and
paragraph boundaries, and the same facts of its neighbours two tokens
either way.

Labels are BIO tags over three kinds of span: ``C`` (the content said),
``S`` (its source, who said it) and ``Q`` (its cue, the speech verb or
"according to").
"""

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, NamedTuple

__all__ = [
    "FEATURES_VERSION",
    "KINDS",
    "CueLexicon",
    "Token",
    "features",
    "paragraph_tokens",
    "sentence_starts",
    "spans_of",
    "tags_for",
]

#: Bumped whenever the features change, so a model trained on other features is refused.
FEATURES_VERSION: Final = 2
#: The kinds of span, by tag letter.
KINDS: Final = {"C": "content", "S": "source", "Q": "cue"}

_TOKEN_RE: Final = re.compile(r"\w+(?:[’'\-]\w+)*|[^\w\s]")
_PARAGRAPH_RE: Final = re.compile(r"[^\n]+")
_OPENING: Final = frozenset("“„«")
_CLOSING: Final = frozenset("”»")
_STRAIGHT: Final = '"'
_SENTENCE_END: Final = frozenset(".!?")
_ABBREVIATIONS: Final = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "sr", "lt", "col", "no"}
)
_PRONOUNS: Final = frozenset(
    {
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
        "it", "its", "they", "them", "their", "who", "whom", "which", "that", "this",
    }
)  # fmt: skip
# How far (in tokens) the distance to a strong cue is told apart.
_FAR: Final = 10


class Token(NamedTuple):
    """A token of a paragraph: its words and where they stand in the text."""

    text: str
    start: int
    end: int


class CueLexicon(NamedTuple):
    """The cue words learned from a training corpus.

    Attributes:
        strong: Words that are a cue most times they occur ("said", "according").
        weak: Words that are a cue now and then ("believes", "warned").
    """

    strong: frozenset[str]
    weak: frozenset[str]

    @classmethod
    def learn(
        cls,
        cue_counts: Mapping[str, int],
        word_counts: Mapping[str, int],
        *,
        least: int = 3,
        strong_share: float = 0.3,
        weak_share: float = 0.03,
    ) -> "CueLexicon":
        """The lexicon of words seen in cues at least *least* times, by the share of their uses."""
        strong, weak = set(), set()
        for word, count in cue_counts.items():
            if count < least:
                continue
            share = count / max(word_counts.get(word, count), count)
            if share >= strong_share:
                strong.add(word)
            elif share >= weak_share:
                weak.add(word)
        return cls(frozenset(strong), frozenset(weak))


def paragraph_tokens(text: str) -> list[list[Token]]:
    """The tokens of each non-empty line of *text*, in order."""
    out = []
    for line in _PARAGRAPH_RE.finditer(text):
        tokens = [
            Token(m.group(0), m.start(), m.end())
            for m in _TOKEN_RE.finditer(text, line.start(), line.end())
        ]
        if tokens:
            out.append(tokens)
    return out


@functools.lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    """What a word says by itself, the same wherever it stands."""
    lower = word.lower()
    shape = re.sub(
        r"(.)\1+", r"\1", re.sub(r"\d", "d", re.sub(r"[a-z]", "x", re.sub(r"[A-Z]", "X", word)))
    )
    found = [
        "w=" + lower,
        "sh=" + shape[:6],
        "p2=" + lower[:2],
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
    ]
    if word[:1].isupper():
        found.append("cap")
    if word.isupper() and len(word) > 1:
        found.append("upper")
    if lower in _PRONOUNS:
        found.append("pron")
    return tuple(found)


_EDGE: Final = ("-2edge", "-1edge", "1edge", "2edge")
_PLACE: Final = {"in": "q=in", "out": "q=out"}
_SIDE: Final = {side: "cl=" + side for side in "lr-"}
_MARK: Final = {"open": "mark=open", "close": "mark=close"}
_CUE: Final = {kind: "cue=" + kind for kind in ("strong", "strong-in", "weak", "weak-in")}


@functools.lru_cache(maxsize=65536)
def _neighbour(word: str, place: str, cue: str, mark: str) -> tuple[tuple[str, ...], ...]:
    """What a token tells its neighbours, as seen from each of the four places around it."""
    return tuple(
        (
            f"{offset}{word}",
            f"{offset}q={place}",
            f"{offset}c={cue or '-'}",
            f"{offset}m={mark or '-'}",
        )
        for offset in (-2, -1, 1, 2)
    )


def sentence_starts(tokens: Sequence[Token]) -> list[bool]:
    """Whether each token opens a sentence."""
    starts = [False] * len(tokens)
    if tokens:
        starts[0] = True
    for index in range(1, len(tokens)):
        before = tokens[index - 1].text
        if before in _SENTENCE_END and index >= 2:  # noqa: PLR2004 - the word before the mark
            word = tokens[index - 2].text
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            nxt = tokens[index].text
            if nxt[:1].isupper() or nxt[:1] in _OPENING or nxt == _STRAIGHT:
                starts[index] = True
        elif before in _CLOSING and index >= 2 and tokens[index - 2].text in _SENTENCE_END:  # noqa: PLR2004
            starts[index] = True
    return starts


def _distances(
    cue_class: Sequence[str], starts: Sequence[bool], kind: str
) -> tuple[list[int | None], list[int | None]]:
    """How many tokens back and ahead, in each token's sentence, the nearest cue of *kind* lies."""
    count = len(cue_class)
    left: list[int | None] = [None] * count
    last: int | None = None
    for index in range(count):
        if starts[index]:
            last = None
        left[index] = None if last is None else index - last
        if cue_class[index] == kind:
            last = index
    right: list[int | None] = [None] * count
    last = None
    for index in range(count - 1, -1, -1):
        right[index] = None if last is None else last - index
        if cue_class[index] == kind:
            last = index
        if starts[index]:
            last = None
    return left, right


def _bucket(distance: int | None) -> str:
    if distance is None or distance > _FAR:
        return "far"
    if distance <= 2:  # noqa: PLR2004 - next to it
        return str(distance)
    return "near" if distance <= 5 else "mid"  # noqa: PLR2004


def _bucket_strings(prefix: str) -> tuple[str, ...]:
    """The feature string *prefix* + bucket for each distance 0 to `_FAR` + 1 (beyond)."""
    return tuple(prefix + _bucket(distance) for distance in range(_FAR + 2))


# Built once: the features' strings for each distance (the last, beyond `_FAR`, stands for none).
_DL: Final = _bucket_strings("dl=")
_DR: Final = _bucket_strings("dr=")
_DLW: Final = _bucket_strings("dlw=")
_DRW: Final = _bucket_strings("drw=")
_BEYOND: Final = _FAR + 1


def _capped(distances: Sequence[int | None]) -> list[int]:
    """Each distance, with none and those beyond `_FAR` as `_BEYOND`."""
    return [_BEYOND if d is None or d > _FAR else d for d in distances]


def features(tokens: Sequence[Token], lexicon: CueLexicon) -> list[list[str]]:  # noqa: C901, PLR0912, PLR0915 - one pass per fact
    """The feature strings of each token of one paragraph."""
    count = len(tokens)
    # Quote state: inside double quotes at each token (a mark itself is told apart).
    inside = [False] * count
    marks = [""] * count
    state = False
    for index, token in enumerate(tokens):
        char = token.text
        if char in _OPENING:
            marks[index] = "open"
            state = True
        elif char in _CLOSING:
            marks[index] = "close"
            state = False
        elif char == _STRAIGHT:
            marks[index] = "open" if not state else "close"
            state = not state
        else:
            inside[index] = state
    starts = sentence_starts(tokens)
    sentence_of = []
    current = -1
    for opens in starts:
        current += opens
        sentence_of.append(current)
    # Quotes before and after a token in its sentence.
    quote_before = [False] * count
    seen = False
    for index in range(count):
        if starts[index]:
            seen = False
        quote_before[index] = seen
        seen = seen or bool(marks[index])
    quote_after = [False] * count
    seen = False
    for index in range(count - 1, -1, -1):
        quote_after[index] = seen
        seen = seen or bool(marks[index])
        if starts[index]:
            seen = False
    # The cue lexicon: each word's class, and the distance to the nearest strong cue outside quotes.
    lowers = [t.text.lower() for t in tokens]
    cue_class = []
    for index, lower in enumerate(lowers):
        if lower in lexicon.strong:
            cue_class.append("strong" if not inside[index] else "strong-in")
        elif lower in lexicon.weak:
            cue_class.append("weak" if not inside[index] else "weak-in")
        else:
            cue_class.append("")
    left, right = _distances(cue_class, starts, "strong")
    weak_left, weak_right = _distances(cue_class, starts, "weak")
    # A strong cue outside quotes elsewhere in the paragraph, in a sentence before or after.
    strong_sentences = sorted({sentence_of[i] for i, c in enumerate(cue_class) if c == "strong"})
    # Commas before each token, to tell whether one lies between it and its cue.
    commas = [0] * (count + 1)
    for index, lower in enumerate(lowers):
        commas[index + 1] = commas[index] + (lower == ",")
    # Each token's own facts, then its neighbours'.
    near_l, near_r = _capped(left), _capped(right)
    weak_l, weak_r = _capped(weak_left), _capped(weak_right)
    first_strong = strong_sentences[0] if strong_sentences else 0
    last_strong = strong_sentences[-1] if strong_sentences else 0
    own: list[list[str]] = []
    short: list[tuple[tuple[str, ...], ...]] = []
    for index, token in enumerate(tokens):
        word = _word_features(token.text)
        place = "in" if inside[index] else "out"
        cue = cue_class[index]
        mark = marks[index]
        dl, dr = near_l[index], near_r[index]
        found = [*word, _PLACE[place], _SIDE[left_right(left[index], right[index])]]
        if mark:
            found.append(_MARK[mark])
        if quote_before[index]:
            found.append("qb")
        if quote_after[index]:
            found.append("qa")
        if cue:
            found.append(_CUE[cue])
        found.append(_DL[dl])
        found.append(_DR[dr])
        found.append(_DLW[weak_l[index]])
        if dl < _BEYOND:
            cue_at = index - dl
            found.append("lcw=" + lowers[cue_at])
            if commas[index] > commas[cue_at + 1]:
                found.append("lcomma")
        if dr < _BEYOND:
            cue_at = index + dr
            found.append("rcw=" + lowers[cue_at])
            if commas[cue_at] > commas[index + 1]:
                found.append("rcomma")
        found.append(_DRW[weak_r[index]])
        if starts[index]:
            found.append("bos")
        if index + 1 == count or starts[index + 1]:
            found.append("eos")
        if index == 0:
            found.append("bop")
        if index + 1 == count:
            found.append("eop")
        here = sentence_of[index]
        if here == 0:
            found.append("sent0")
        if strong_sentences:
            found.append("pcue")
            if first_strong < here:
                found.append("pcue-before")
            if last_strong > here:
                found.append("pcue-after")
        if quote_before[index] and inside[index]:
            found.append("q-in-after-mark")
        own.append(found)
        short.append(_neighbour(word[0], place, cue, mark))
    out = []
    for index in range(count):
        found = own[index]
        for slot, offset in enumerate((-2, -1, 1, 2)):
            other = index + offset
            if 0 <= other < count:
                found.extend(short[other][slot])
            else:
                found.append(_EDGE[slot])
        if index > 0:
            found.append("-1w+0=" + lowers[index - 1] + "|" + lowers[index])
        out.append(found)
    return out


def left_right(left: int | None, right: int | None) -> str:
    """Which side the nearest strong cue lies on: ``l``, ``r`` or ``-``."""
    if left is None and right is None:
        return "-"
    if right is None or (left is not None and left <= right):
        return "l"
    return "r"


def tags_for(tokens: Sequence[Token], spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """The BIO tags of a paragraph's tokens for the spans (kind letter, start, end) given.

    Spans are laid in the order given, so a later span (a cue, a source)
    overwrites an earlier one (the content around them).
    """
    tags = ["O"] * len(tokens)
    for kind, start, end in spans:
        first = True
        for index, token in enumerate(tokens):
            if token.start >= start and token.end <= end:
                tags[index] = ("B-" if first else "I-") + kind
                first = False
    return tags


def spans_of(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """The spans a paragraph's tags mark: kind letter, start, end, first and last token index."""
    out = []
    open_kind = ""
    first = 0
    for index, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        if open_kind and (kind != open_kind or tag.startswith("B-")):
            out.append((open_kind, tokens[first].start, tokens[index - 1].end, first, index - 1))
            open_kind = ""
        if kind and not open_kind:
            open_kind, first = kind, index
    return out
