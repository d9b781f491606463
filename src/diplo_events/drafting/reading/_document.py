"""One text read once: the frozen `Document` every drafting stage reads.

`read_document` checks the arguments of `extract`, normalises the text to
NFC, finds the date its relative dates are read against, drafts the `Source`
record, and cuts the text into paragraphs, sentences and quotes, with its
dateline, its dates and its actor mentions. The stages under
``drafting/rules/`` then read the same `Document` and never change it, so no
stage depends on another having written something first.
"""

import bisect
import datetime as dt
import hashlib
import re
import types
import unicodedata
import uuid
from collections.abc import Mapping

import attrs

from diplo_events.drafting.reading._datetext import DateMatch, find_dates
from diplo_events.drafting.reading._mentions import MentionMatch, find_actor_mentions
from diplo_events.drafting.reading._text import (
    Dateline,
    Quote,
    Unit,
    find_dateline,
    find_quotes,
    paragraphs,
    sentences,
)
from diplo_events.exceptions import Issue, ParseError
from diplo_events.model import (
    Citation,
    CitationRole,
    DateDerivation,
    Source,
    Span,
    UncertainDate,
    stable_id,
)
from diplo_events.model import _rules as v

__all__ = ["Document", "read_document"]

_WORD_BEFORE_RE = re.compile(r"([A-Za-z’']+)[\s,]*$")
#: How many paragraphs (headline, labels) a dateline may come after.
_DATELINE_PARAGRAPHS = 6
#: The marks a paragraph of running text ends with; a heading or a label ends without one.
_CLOSING = ".!?:;”\"’'"


@attrs.frozen
class Document:
    """What every stage reads of one text, read once and never changed.

    Attributes:
        text: The text, normalised to NFC; every offset indexes it.
        anchor: The date relative dates are read against, if known.
        source: The drafted `Source` record (without the publisher a
            dateline may name; `extract` adds that last).
        namespace: The namespace of the ids drafted from this text.
        paras: The paragraphs.
        quotes: The closed double quotes, in order.
        quote_opens: The offset of each quote's opening mark.
        sents: The sentences of all paragraphs, in order.
        sent_starts: The start of each sentence.
        para_of_sent: The paragraph of each sentence.
        dates: The date expressions found.
        dateline: The dateline at the top, if any.
        body: Where the text after the dateline begins.
        mentions: The actor mentions found.
        mention_index: The index in `mentions` of the mention starting at an offset.
    """

    text: str
    anchor: dt.date | None
    source: Source
    namespace: uuid.UUID
    paras: tuple[Unit, ...]
    quotes: tuple[Quote, ...]
    quote_opens: tuple[int, ...]
    sents: tuple[Unit, ...]
    sent_starts: tuple[int, ...]
    para_of_sent: tuple[int, ...]
    dates: tuple[DateMatch, ...]
    dateline: Dateline | None
    body: int
    mentions: tuple[MentionMatch, ...]
    mention_index: Mapping[int, int]

    def cite(
        self,
        start: int,
        end: int,
        confidence: float,
        role: CitationRole | None = None,
        rule: str | None = None,
    ) -> Citation:
        """A citation of the words from *start* to *end*, in the *role* they play.

        Its ``rule`` is *rule*, else the rule a confidence from the rules'
        ``confidence()`` carries with it.
        """
        return Citation(
            source=self.source.id,
            spans=(Span(start=start, end=end),),
            quote=self.text[start:end],
            confidence=float(confidence),
            role=role,
            rule=rule if rule is not None else getattr(confidence, "rule", None),
        )

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding *offset*."""
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def in_quote(self, offset: int) -> Quote | None:
        """The quote holding *offset* (its marks included), if any."""
        # Quotes never overlap, so only the last one opening at or before offset can hold it.
        index = bisect.bisect_right(self.quote_opens, offset) - 1
        if index >= 0 and offset <= self.quotes[index].close_at:
            return self.quotes[index]
        return None

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        """The quotes that overlap start..end."""
        low = max(0, bisect.bisect_right(self.quote_opens, start) - 1)
        high = bisect.bisect_left(self.quote_opens, end)
        return [q for q in self.quotes[low:high] if q.close_at >= start]

    def outside_quotes(self, start: int, end: int) -> str:
        """The text from *start* to *end* with the words of quotes blanked out (offsets kept)."""
        quotes = self.quotes_between(start, end)
        if not quotes:
            return self.text[start:end]
        chars = list(self.text[start:end])
        for quote in quotes:
            for offset in range(max(quote.start, start), min(quote.end, end)):
                chars[offset - start] = " "
        return "".join(chars)

    def word_before(self, offset: int, floor: int) -> str:
        """The word just before *offset*, lower-cased, not looking back past *floor*."""
        match = _WORD_BEFORE_RE.search(self.text, max(floor, offset - 30), offset)
        return match.group(1).lower() if match else ""

    def is_heading_paragraph(self, index: int) -> bool:
        """Whether a paragraph ends without closing punctuation: a headline or a label."""
        paragraph = self.paras[index]
        return self.text[paragraph.end - 1] not in _CLOSING

    def is_heading(self, index: int) -> bool:
        """A headline or label: a paragraph of one sentence with no closing punctuation."""
        sentence = self.sents[index]
        paragraph_index = self.para_of_sent[index]
        paragraph = self.paras[paragraph_index]
        if (sentence.start, sentence.end) != (paragraph.start, paragraph.end):
            return False
        return self.is_heading_paragraph(paragraph_index)


def read_document(
    text: str, *, published: dt.date | str | None = None, source: Source | None = None
) -> Document:
    """Read *text* once into a `Document`; the arguments are those of `extract`.

    Raises:
        ParseError: *text* is empty or holds a lone surrogate, or *source*
            holds another text.
        FieldTypeError: An argument has the wrong type.
    """
    text, anchor, source_record = _prepare(text, published, source)
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    sents: list[Unit] = []
    para_of_sent: list[int] = []
    for index, para in enumerate(paras):
        for sentence in sentences(text, para, quotes):
            sents.append(sentence)
            para_of_sent.append(index)
    dateline = _find_dateline(text, paras)
    mentions = find_actor_mentions(text)
    return Document(
        text=text,
        anchor=anchor,
        source=source_record,
        namespace=uuid.UUID(source_record.id.partition("--")[2]),
        paras=tuple(paras),
        quotes=tuple(quotes),
        quote_opens=tuple(q.open_at for q in quotes),
        sents=tuple(sents),
        sent_starts=tuple(s.start for s in sents),
        para_of_sent=tuple(para_of_sent),
        dates=tuple(find_dates(text, anchor=anchor)),
        dateline=dateline,
        body=0 if dateline is None else dateline.end,
        mentions=tuple(mentions),
        mention_index=types.MappingProxyType({m.span.start: i for i, m in enumerate(mentions)}),
    )


def _prepare(
    text: str, published: dt.date | str | None, source: Source | None
) -> tuple[str, dt.date | None, Source]:
    if not isinstance(text, str):
        raise v.type_error("text", "a string", text)
    published = _published_date(published)
    if source is not None and not isinstance(source, Source):
        raise v.type_error("source", "a Source record", source)
    if v.has_surrogate(text):
        raise ParseError(
            [
                Issue(
                    path="$",
                    code="text.lone_surrogate",
                    message="the text holds a lone UTF-16 surrogate, which is not text",
                )
            ]
        )
    text = unicodedata.normalize("NFC", text)
    if v.blank(text):  # the rule a Source's text is held to: nothing visible is empty
        raise ParseError([Issue(path="$", code="extract.empty", message="the text is empty")])
    if source is not None and source.text is not None and source.text != text:
        raise ParseError(
            [
                Issue(
                    path="$.source.text",
                    code="extract.source_text_differs",
                    message="the source record holds a different text from the one given",
                )
            ]
        )
    anchor, derivation = _anchor(text, published, source)
    if source is None:
        digest = hashlib.sha256(text.encode()).hexdigest()
        source = Source(
            id=stable_id("source", f"sha256:{digest}"),
            text=text,
            published=None if anchor is None else UncertainDate.day(anchor, derivation=derivation),
            draft=True,
        )
    else:
        published_date = source.published
        if published_date is None and anchor is not None:
            published_date = UncertainDate.day(anchor, derivation=derivation)
        source = attrs.evolve(source, text=text, draft=True, published=published_date)
    return text, anchor, source


_ISO_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _published_date(published: object) -> dt.date | None:
    """*published* as a date: a `datetime.date`, or ISO 8601 ``YYYY-MM-DD`` text."""
    if published is None or type(published) is dt.date:
        return published
    if not isinstance(published, str):
        raise v.type_error("published", "a date or an ISO date string", published)
    try:
        if _ISO_DAY_RE.fullmatch(published) is None:
            raise ValueError(published)  # noqa: TRY301 - one message for both refusals
        return dt.date.fromisoformat(published)
    except ValueError:
        raise ParseError(
            [
                Issue(
                    path="$.published",
                    code="extract.bad_published",
                    message=f"'published' must be a date as YYYY-MM-DD, got {published!r}",
                )
            ]
        ) from None


def _anchor(
    text: str, published: dt.date | None, source: Source | None
) -> tuple[dt.date | None, DateDerivation | None]:
    """The date the text's dates are read against, and where it came from."""
    if published is not None:
        return published, DateDerivation(text=published.isoformat(), rule="given")
    if source is not None and source.published is not None and source.published.is_exact:
        return source.published.earliest, source.published.derivation
    return _anchor_from_text(text)


def _anchor_from_text(text: str) -> tuple[dt.date | None, DateDerivation | None]:
    dateline = find_dateline(text)
    if dateline is None or dateline.date_text is None:
        return None, None
    found = find_dates(dateline.date_text, anchor=None)
    if len(found) == 1 and found[0].date.is_exact and found[0].date.earliest is not None:
        return found[0].date.earliest, DateDerivation(text=dateline.date_text, rule="dateline")
    return None, None


def _find_dateline(text: str, paras: list[Unit]) -> Dateline | None:
    """The dateline at the top, or atop the first paragraph after headings."""
    dateline = find_dateline(text)
    if dateline is not None:
        return dateline
    for paragraph in paras[:_DATELINE_PARAGRAPHS]:
        dateline = find_dateline(text, paragraph.start)
        if dateline is not None and dateline.date_text is not None:
            return dateline
        if text[paragraph.end - 1] in _CLOSING:  # not a heading: the body has begun
            break
    return None
