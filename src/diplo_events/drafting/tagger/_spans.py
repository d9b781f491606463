"""What the tagger proposes: attributions as spans, before any speaker is resolved.

`link` turns the content, source and cue spans a paragraph's tags mark into
attributions: each content is joined to the nearest cue of its paragraph
and that cue to the nearest source; a quoted content with no source takes
the source of the attribution right before it, as a continued quote, and
any other content is kept with no source, for the rules to find one.
"""

from collections.abc import Sequence
from typing import Final, NamedTuple

__all__ = ["LONE", "SURE", "TaggedAttribution", "link"]

#: The mean marginal probability at which a span counts as surely tagged.
SURE: Final = 0.9
#: The mean marginal probability below which words with no source tagged for them are
#: left out (of 23 such statements on PolNeAR dev and held-aside train slice B, 5
#: overlapped an attribution).
LONE: Final = 0.5

# How many tokens may lie between a content and its cue, and between a cue and its source.
_CUE_REACH: Final = 12
_SOURCE_REACH: Final = 10


class TaggedAttribution(NamedTuple):
    """One attribution the tagger found: character spans into the text it tagged.

    Attributes:
        content: Start and end of the words said.
        source: Start and end of the mention of who said them, or ``None``.
        cue: Start and end of the speech verb or "according to", or ``None``.
        content_score: The mean marginal probability of the content's tags.
        source_score: The same for the source's tags (0 when there is none).
        continued: The source was taken from the attribution before.
        posterior: The words come from the marginal probabilities alone, in a
            sentence the best tag sequence leaves untagged.
    """

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content_score: float
    source_score: float
    continued: bool = False
    posterior: bool = False


# Words said: by the best tag sequence (C) or by the marginals alone (P).
_CONTENT_KINDS: Final = frozenset({"C", "P"})

# A span as `spans_of` gives it, with its score: kind, start, end, first token, last token, score.
Scored = tuple[str, int, int, int, int, float]


def _gap(a: Scored, b: Scored) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    if a[4] < b[3]:
        return b[3] - a[4] - 1
    if b[4] < a[3]:
        return a[3] - b[4] - 1
    return 0


def link(
    spans: Sequence[Scored], previous: TaggedAttribution | None, *, quoted: Sequence[bool]
) -> list[TaggedAttribution]:
    """The attributions of one paragraph's spans, in text order.

    *quoted* says for each span whether it opens inside or right at a
    quotation mark; *previous* is the last attribution of the paragraph
    before, which a quoted content with no cue and no source continues.
    """
    contents = [s for s in spans if s[0] in _CONTENT_KINDS]
    cues = [s for s in spans if s[0] == "Q"]
    sources = [s for s in spans if s[0] == "S"]
    out: list[TaggedAttribution] = []
    for content in contents:
        cue = min(cues, key=lambda c: _gap(content, c), default=None)
        if cue is not None and _gap(content, cue) > _CUE_REACH:
            cue = None
        anchor = cue or content
        source = min(sources, key=lambda s: _gap(anchor, s), default=None)
        if source is not None and _gap(anchor, source) > (_SOURCE_REACH if cue else _CUE_REACH):
            source = None
        if source is None:
            before = out[-1] if out else previous
            continued = (
                before is not None and before.source is not None and quoted[spans.index(content)]
            )
            out.append(
                TaggedAttribution(
                    content=(content[1], content[2]),
                    source=before.source if continued and before is not None else None,
                    cue=(cue[1], cue[2]) if cue is not None else None,
                    content_score=content[5],
                    source_score=min(before.source_score, content[5])
                    if continued and before is not None
                    else 0.0,
                    continued=continued,
                    posterior=content[0] == "P",
                )
            )
            continue
        out.append(
            TaggedAttribution(
                content=(content[1], content[2]),
                source=(source[1], source[2]),
                cue=(cue[1], cue[2]) if cue is not None else None,
                content_score=content[5],
                source_score=source[5],
                posterior=content[0] == "P",
            )
        )
    return out
