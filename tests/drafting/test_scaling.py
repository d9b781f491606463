"""extract() reads any text in time linear in its length.

No clock is read: the tests count the characters the drafting code reads (every
slice of the text and the window of every search of the drafting modules'
patterns) at two sizes of the same pattern, and ask that four times the text
costs about four times the reading, where a quadratic path would cost sixteen.
"""

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplo_events as de
from diplo_events.drafting import _extract
from diplo_events.drafting.reading import _document
from diplo_events.drafting.reading._text import LONGEST_SENTENCE, find_quotes, paragraphs, sentences

_GOLD = Path(__file__).resolve().parent.parent / "data" / "extraction"
_PUBLISHED = dt.date(2021, 3, 3)
_SMALL = 8_000
#: Four times the text may cost at most this many times the reading (a square would be 16).
_GROWTH = 5.0


class _Reads:
    """How many characters have been read so far."""

    def __init__(self) -> None:
        self.count = 0


class _CountingText(str):
    """The text, counting the characters every slice of it copies."""

    __slots__ = ()

    reads: _Reads

    def __getitem__(self, key: Any) -> str:
        piece = str.__getitem__(self, key)
        self.reads.count += len(piece)
        return piece

    def _span(self, start: int | None, end: int | None) -> int:
        return len(range(len(self))[slice(start, end)])

    def count(self, sub: str, start: Any = None, end: Any = None) -> int:
        self.reads.count += self._span(start, end)
        return str.count(self, sub, start, end)

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:
        found = str.find(self, sub, start, end)
        self.reads.count += self._span(start, end if found < 0 else found + len(sub))
        return found

    def rfind(self, sub: str, start: Any = None, end: Any = None) -> int:
        found = str.rfind(self, sub, start, end)
        self.reads.count += self._span(start if found < 0 else found, end)
        return found


class _CountingPattern:
    """A compiled pattern that counts the characters each search may read."""

    def __init__(self, pattern: re.Pattern[str], reads: _Reads) -> None:
        self._pattern = pattern
        self._reads = reads

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _window(self, text: str, pos: int, endpos: int | None) -> int:
        return (len(text) if endpos is None else min(endpos, len(text))) - pos

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self._pattern.search(text, pos, len(text) if endpos is None else endpos)
        self._reads.count += found.end() - pos if found else self._window(text, pos, endpos)
        return found

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self._pattern.match(text, pos, len(text) if endpos is None else endpos)
        self._reads.count += found.end() - pos if found else 1
        return found

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self._reads.count += self._window(text, pos, endpos)
        return self._pattern.fullmatch(text, pos, len(text) if endpos is None else endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        last = pos
        for found in self._pattern.finditer(text, pos, len(text) if endpos is None else endpos):
            self._reads.count += found.end() - last
            last = found.end()
            yield found
        self._reads.count += self._window(text, last, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        self._reads.count += self._window(text, pos, endpos)
        return self._pattern.findall(text, pos, len(text) if endpos is None else endpos)


def _counting(function: Callable[..., Any]) -> Callable[..., Any]:
    """*function*, given the text as a `_CountingText`."""

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        return function(_CountingText(text), *args, **kwargs)

    return counted


def _characters_read(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    reads = _Reads()
    _CountingText.reads = reads
    read_document = _document.read_document

    def read_counted(text: str, **kwargs: Any) -> _document.Document:
        doc = read_document(text, **kwargs)
        return attrs.evolve(doc, text=_CountingText(doc.text))

    with monkeypatch.context() as patch:
        patch.setattr(f"{_extract.__name__}.read_document", read_counted)
        for name in ("paragraphs", "find_quotes", "sentences", "find_actor_mentions", "find_dates"):
            patch.setattr(_document, name, _counting(getattr(_document, name)))
        for name, module in list(sys.modules.items()):
            if not name.startswith("diplo_events.drafting."):
                continue
            for attribute, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    patch.setattr(module, attribute, _CountingPattern(value, reads))
        de.extract(text, published=_PUBLISHED)
    return reads.count


def _gold_text(*, flat: bool) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(_GOLD.glob("*.txt")))
    return re.sub(r"\s*\n\s*", " ", text) if flat else text


_PATTERNS = {
    "gold texts": _gold_text(flat=False),
    "gold texts without paragraph breaks": _gold_text(flat=True),
    "quotes introduced by a comma": "“x,” ",
    "quoted sentences one after another": (
        "Lavrov said: “We will keep our troops in the mission.” "
    ),
    "speech verbs": "said told added stated ",
    "capitalised words": "Foreign Minister Sergei Lavrov Met President ",
    "a capitalised word on each line": "Minister\n",
    "titles": "Foreign Minister ",
    "dots": ". ",
    "one sentence repeated": "The ministers discussed the situation in the region. ",
    "straight marks in an open curly quote": "“ " + '"x" ' * 10_000,
    "curly marks in an open straight quote": '" ' + "“x” " * 10_000,
    "curly quotes nested in curly quotes": "“a “b” c” ",
    "curly opening marks in an open curly quote": "“a “b” c ",
    "deep runs of curly marks": "“" * 50 + "x" + "”" * 50 + " ",
    "quotes marked by two apostrophes": "''We agree,'' Lopes said. ",
    "runs of apostrophes": "'" * 51 + "x ",
    "curly marks in an open quote of two apostrophes": "'' " + "“x” " * 10_000,
}


def _repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("name", list(_PATTERNS))
def test_reading_grows_linearly(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    de.extract("Warm up. Lavrov said.", published=_PUBLISHED)  # load the tables first
    small = _characters_read(monkeypatch, _repeated(_PATTERNS[name], _SMALL))
    large = _characters_read(monkeypatch, _repeated(_PATTERNS[name], 4 * _SMALL))
    assert large <= _GROWTH * small, (name, small, large)


def test_a_long_run_without_sentence_ends_is_read_in_pieces() -> None:
    text = _repeated("“x,” said told ", 10 * LONGEST_SENTENCE)
    paragraph = paragraphs(text)[0]
    quotes = find_quotes(text, [paragraph])
    units = sentences(text, paragraph, quotes)
    assert len(units) >= 10
    assert all(u.end - u.start <= LONGEST_SENTENCE for u in units)
    for unit in units:  # each piece is cut at a space outside quotes, so quotes stay whole
        assert not any(q.open_at < unit.start <= q.close_at for q in quotes)
    assert text[units[0].start : units[-1].end].strip() == text.strip()


def test_a_long_quote_is_not_cut() -> None:
    quote = "“" + "We agree on this. " * (LONGEST_SENTENCE // 6) + "”"
    text = f"{quote} said Lavrov {'and more ' * LONGEST_SENTENCE}"
    paragraph = paragraphs(text)[0]
    quotes = find_quotes(text, [paragraph])
    units = sentences(text, paragraph, quotes)
    assert units[0].start == 0
    assert units[0].end > quotes[0].close_at


def test_sentences_of_ordinary_length_are_not_cut() -> None:
    text = " ".join(["word"] * (LONGEST_SENTENCE // 5)) + "."
    paragraph = paragraphs(text)[0]
    assert sentences(text, paragraph, []) == [paragraph]
