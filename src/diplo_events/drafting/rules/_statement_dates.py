"""Stage 3b: when each statement was said, from the text, else from its meeting.

A date the text gives for the saying ("Lavrov said on Tuesday that ...",
"..., she told reporters Monday") dates the statement, with the derivation of
the words it was read from. A statement said at a meeting whose date the text
does not give for the saying takes the meeting's dates, with a derivation
whose rule says so (`FROM_MEETING`). A date the text gives that cannot be the
meeting's gives way to the meeting's, so that drafts keep validating; a
statement at no meeting with no date of its own stays undated.
"""

import bisect
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from diplo_events.drafting.reading._datetext import DateMatch
from diplo_events.drafting.reading._document import Document
from diplo_events.model import (
    CitationRole,
    DateDerivation,
    Meeting,
    Statement,
    UncertainDate,
)

__all__ = ["FROM_MEETING", "SAID_ON", "date_statements"]

#: The rule of a statement date taken from the meeting it was said at.
FROM_MEETING: Final = "said-at-meeting"
#: The prefix of the rule of a statement date the text gives for the saying.
SAID_ON: Final = "said-on"


def date_statements(
    doc: Document, meetings: Sequence[Meeting], statements: Iterable[Statement]
) -> list[Statement]:
    """The statements with their dates, where the text or their meeting gives one."""
    by_id = {meeting.id: meeting for meeting in meetings}
    starts = [match.span.start for match in doc.dates]
    out = []
    for statement in statements:
        meeting = by_id.get(statement.meeting or "")
        said = _said_on(doc, starts, statement)
        date = None
        if said is not None and (meeting is None or _within(said, meeting)):
            date = said
        elif meeting is not None:
            date = _meeting_dates(meeting)
        out.append(statement if date is None else attrs.evolve(statement, date=date))
    return out


def _said_on(doc: Document, starts: list[int], statement: Statement) -> UncertainDate | None:
    """The date the text gives for the saying: in the clause, outside the words said."""
    clause = _cited(statement, CitationRole.CONTEXT) or _cited(statement, CitationRole.CONTENT)
    words = _cited(statement, CitationRole.CONTENT)
    if clause is None or words is None:
        return None
    sentence = doc.sents[doc.sentence_at(clause[0])]
    low = bisect.bisect_left(starts, sentence.start)
    for match in doc.dates[low:]:
        if match.span.start >= sentence.end:
            break
        if _said_date(doc, match, words):
            derivation = match.date.derivation
            rule = f"{SAID_ON}:{derivation.rule}" if derivation is not None else SAID_ON
            return attrs.evolve(
                match.date,
                derivation=DateDerivation(
                    text=match.text,
                    rule=rule,
                    anchor=derivation.anchor if derivation is not None else None,
                ),
            )
    return None


def _said_date(doc: Document, match: DateMatch, words: tuple[int, int]) -> bool:
    """Whether a date in the statement's sentence is when it was said.

    Not a date inside the words said (which is what they are about), inside a
    quote, or one that points ahead; and only right next to the speech verb
    or the speaker ("said on Tuesday", "told reporters Monday").
    """
    start, end = match.span.start, match.span.end
    if match.future or words[0] <= start < words[1] or doc.in_quote(start) is not None:
        return False
    near = doc.text[max(0, start - _NEAR) : start].lower()
    return any(near.rstrip().endswith(verb) for verb in _SAID) or (
        end <= words[0] and doc.text[end : words[0]].strip() in {"", ",", "that", ", that"}
    )


# How far before a date its speech verb may stand: "told reporters in Moscow on Tuesday".
_NEAR: Final = 40
_SAID: Final = (
    "said",
    "says",
    "told reporters",
    "told journalists",
    "added",
    "stated",
    "announced",
    "told a news conference",
    "said in a statement",
    "wrote",
)


def _cited(statement: Statement, role: CitationRole) -> tuple[int, int] | None:
    for citation in statement.citations:
        if citation.role is role and citation.spans:
            return citation.spans[0].start, citation.spans[-1].end
    return None


def _within(date: UncertainDate, meeting: Meeting) -> bool:
    return not (date.certainly_before(meeting.date) or meeting.last_date.certainly_before(date))


def _meeting_dates(meeting: Meeting) -> UncertainDate:
    """The meeting's dates as one date: its day, or its first and last days."""
    edtf = meeting.date.edtf
    if meeting.end_date is not None:
        edtf = f"{meeting.date.edtf}/{meeting.end_date.edtf}"
    derivation = meeting.date.derivation
    return UncertainDate(
        edtf=edtf,
        derivation=DateDerivation(
            text=derivation.text if derivation is not None else meeting.date.edtf,
            rule=FROM_MEETING,
            anchor=derivation.anchor if derivation is not None else None,
        ),
    )
