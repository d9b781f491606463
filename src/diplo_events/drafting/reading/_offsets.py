"""Mapping offsets in the NFC form of a text back to the text a user passed in.

`extract` stores a source's text NFC-normalised, and every citation span
indexes that stored text, which is what ``validate()`` checks quotes against.
When the text given to `extract` was not NFC (decomposed accents, mojibake),
a span must be moved to index the original text; `OffsetMap` does that.
"""

import bisect
import unicodedata

from diplo_events.model import Span

__all__ = ["OffsetMap"]


def _merges(run: str, char: str) -> bool:
    """Whether the starter *char* composes with *run* under NFC (Hangul jamo, for one)."""
    apart = unicodedata.normalize("NFC", run) + unicodedata.normalize("NFC", char)
    return unicodedata.normalize("NFC", run + char) != apart


class OffsetMap:
    """Offsets in the NFC form of a text, mapped back to the text itself.

    The text is cut into runs, each a starter and the combining marks after
    it, joined further wherever normalising the runs apart would differ from
    normalising them together; every run boundary is then a boundary in both
    texts. A span's start maps to the start of its run and its end to the end
    of its run, so a mapped span never loses a character.

    >>> from diplo_events.drafting import OffsetMap
    >>> text = "Yerevan\u0301 said \u201ccalm\u201d"  # a decomposed accent: not NFC
    >>> offsets = OffsetMap(text)
    >>> offsets.needed, len(offsets.nfc), len(text)
    (True, 19, 20)
    >>> from diplo_events import Span
    >>> offsets.nfc[14:18], text[slice(*offsets.span(Span(start=14, end=18)))]
    ('calm', 'calm')

    Attributes:
        original: The text as given.
        nfc: Its NFC form, the text a drafted `Source` stores.
        needed: Whether the two differ, so that offsets move at all.

    .. versionadded:: 0.2.0
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.nfc = unicodedata.normalize("NFC", original)
        self.needed = self.nfc != original
        self._nfc_at: list[int] = []
        self._original_at: list[int] = []
        if self.needed:
            self._index()

    def _index(self) -> None:
        runs: list[str] = []
        for char in self.original:
            if runs and (unicodedata.combining(char) or _merges(runs[-1], char)):
                runs[-1] += char
            else:
                runs.append(char)
        nfc_at = original_at = 0
        normalised = []
        for run in runs:
            piece = unicodedata.normalize("NFC", run)
            self._nfc_at.append(nfc_at)
            self._original_at.append(original_at)
            normalised.append(piece)
            nfc_at += len(piece)
            original_at += len(run)
        self._nfc_at.append(nfc_at)
        self._original_at.append(original_at)
        if "".join(normalised) != self.nfc:  # pragma: no cover - NFC is stable under runs
            msg = "normalising the text run by run does not give its NFC form"
            raise ValueError(msg)

    def start(self, offset: int) -> int:
        """Return the original offset of a span that starts at *offset* of the NFC text."""
        if not self.needed:
            return offset
        return self._original_at[bisect.bisect_right(self._nfc_at, offset) - 1]

    def end(self, offset: int) -> int:
        """Return the original offset of a span that ends at *offset* of the NFC text."""
        if not self.needed:
            return offset
        return self._original_at[bisect.bisect_left(self._nfc_at, offset)]

    def span(self, span: Span) -> tuple[int, int]:
        """Return the (start, end) in the original text of a citation *span*."""
        return self.start(span.start), self.end(span.end)
