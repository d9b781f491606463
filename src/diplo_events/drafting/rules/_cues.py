"""The words the rules look for, read from ``data/cues/``, and the patterns made of them.

Words are data: speech verbs, looking-ahead cues, meeting-kind words, demand,
proposal, response and reference cues, and the confidence of every rule, each
in a TSV file that says what it is and where it comes from. They are read
once, when this module is first imported. The patterns the stages search with
are compiled here from them; the grammar around the words stays in code.

Every word list is matched as whole words, in any case, through
`alternation`. Neither the order of the words in a list nor the way
`alternation` merges them changes what a pattern finds: no word of a list is
another one followed by more words (after a space or a hyphen), so at most
one of them can match at any place (``tests/drafting/test_cues.py`` checks
this).
"""

import functools
import re
from collections.abc import Iterable
from typing import Any, Final, Self

from diplo_events.drafting._tables import rows as _rows
from diplo_events.model import (
    EventStatus,
    MeetingKind,
    ProposalKind,
    ProtocolLevel,
    Relation,
    ResponseStance,
    Urgency,
)

__all__ = [
    "ABOUT_MEETING_RE",
    "ACCEPT_RE",
    "AHEAD_RE",
    "ALSO_RE",
    "CALLED_OFF_RE",
    "DEMAND_NARRATIVE_RE",
    "DEMAND_RE",
    "DOCUMENTS",
    "FUTURE_EVENT_RE",
    "HOST_RE",
    "KIND_CUES",
    "PLANNED_RE",
    "PREPOSITIONS",
    "PRESS_RE",
    "PROPOSAL_RE",
    "PROTOCOL",
    "PUT_OFF_RE",
    "RECEPTION_RE",
    "REFERENCE_CUES",
    "REJECT_RE",
    "REPORTED_ON",
    "REPORTED_ON_RE",
    "REPORTED_OR_STANCE_RE",
    "REPORTED_RE",
    "SPEAKER_NOUNS",
    "SPEECH",
    "SPEECH_RE",
    "STANCE",
    "TITLE_HEADS",
    "URGENCY",
    "Rated",
    "confidence",
    "proposal_kind",
    "rows",
]


def rows(filename: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``data/cues/<filename>``, each padded to *columns* fields."""
    return _rows("cues", filename, columns)


@functools.cache
def _confidences() -> dict[str, float]:
    return {name: float(value) for name, value, _ in rows("confidences.tsv", 3)}


class Rated(float):
    """A confidence that keeps the name of the rule it comes from.

    It is the float ``confidences.tsv`` gives, and compares, sorts and takes
    part in ``min`` as that float does (``min`` hands back one of its
    arguments, so the lower confidence keeps its rule). `Document.cite`
    reads ``rule`` into the citation's ``rule`` and stores the plain float.
    """

    __slots__ = ("rule",)
    rule: str

    def __new__(cls, value: float, rule: str) -> Self:
        rated = super().__new__(cls, value)
        rated.rule = rule
        return rated

    def __reduce__(self) -> tuple[type[float], tuple[float]]:
        # Pickled (into a worker process, say) as the plain number.
        return float, (float(self),)


def confidence(rule: str) -> Rated:
    """The confidence of the rule named *rule* in ``confidences.tsv``, with its name.

    Raises:
        KeyError: No rule has that name.
    """
    return Rated(_confidences()[rule], rule)


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of *words* literally.

    The words are merged on their common beginnings ("demand", "demands",
    "demanded" become ``demand(?:s|ed)?``): Python's regex engine tries the
    branches of an alternation one by one, so a long list of words with a
    shared start is several times slower than the merged form. The merged
    form matches the same words; where two could match at one place, it
    prefers the longer, which no list here allows (see the module docstring).
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _merged(trie)


def _merged(node: dict[str, dict[str, Any]]) -> str:
    branches = [_escape(char) + _merged(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)}){'?' if '' in node else ''}"


def _escape(char: str) -> str:
    # re.escape would also escape the spaces, which reads badly in a compiled pattern.
    return "\\" + char if char in ".^$*+?{}[]\\|()" else char


def _column(filename: str, columns: int, *, key: int, value: str, word: int) -> list[str]:
    """Column *word* of the rows of *filename* whose column *key* holds *value*, in order."""
    return [row[word] for row in rows(filename, columns) if row[key] == value]


def _column_pairs(filename: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in rows(filename, 2)]


def _yes(filename: str, columns: int, flag: int) -> list[str]:
    return _column(filename, columns, key=flag, value="yes", word=0)


# --- the subject of a clause, and titles -------------------------------------------------

#: Words that, right before a mention, show it is no subject: "talks with Lavrov".
PREPOSITIONS: Final = frozenset(word for (word,) in rows("prepositions.tsv", 1))
#: For the last word of a title, the last words of titles of the same kind of office.
TITLE_HEADS: Final = {head: set(same.split("|")) for head, same in rows("title_heads.tsv", 2)}

# --- speech verbs: one list for quotes and reported speech ------------------------------

#: The speech verbs that name the speaker of a quote, as an alternation.
SPEECH: Final = alternation(_yes("speech_verbs.tsv", 3, 1))
SPEECH_RE: Final = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
#: The speech verbs that make a sentence reported speech.
REPORTED_RE: Final = re.compile(
    rf"\b(?:{alternation(_yes('speech_verbs.tsv', 3, 2))})\b", re.IGNORECASE
)
#: Nouns that head a speaker described, not named ("officials said"), with the record
#: drafted for one: "person" (an unnamed Person) or the kind of an Organization.
SPEAKER_NOUNS: Final[dict[str, str]] = dict(_column_pairs("speaker_nouns.tsv"))
#: Verbs of stance ("criticized", "wants") that make reported speech only right after
#: their speaker.
STANCE: Final = frozenset(word for (word,) in rows("stance_verbs.tsv", 1))
#: The speech verbs and the verbs of stance, for the reported-speech rule to try in order.
REPORTED_OR_STANCE_RE: Final = re.compile(
    rf"\b(?:{alternation([*_yes('speech_verbs.tsv', 3, 2), *STANCE])})\b", re.IGNORECASE
)
# Words just before a date that make it the date something was said: "the ministry said on Tuesday".
REPORTED_ON: Final = r"\b(?:said|says|told \w+|announced|reported|stated|added)\s*$"
REPORTED_ON_RE: Final = re.compile(REPORTED_ON, re.IGNORECASE)

# --- looking ahead ----------------------------------------------------------------------


def _ahead(part: str, use: int) -> str:
    return alternation(
        row[0] for row in rows("looking_ahead.tsv", 4) if row[1] == part and row[use] == "yes"
    )


#: A meeting still to come: "will meet", "is expected to visit", "plans to hold".
AHEAD_RE: Final = re.compile(
    rf"\b(?:{_ahead('modal', 2)})\s+(?:(?:{_ahead('adverb', 2)})\s+)?(?:{_ahead('verb', 2)})\b"
    rf"|\b(?:is|are)\s+(?:{_ahead('schedule', 2)})\s+to\s+(?:{_ahead('verb', 2)})\b"
    rf"|\bplans?\s+to\s+(?:{_ahead('plan-verb', 2)})\b",
    re.IGNORECASE,
)


def _reference_words(role: str) -> str:
    return alternation(_column("reference_cues.tsv", 2, key=0, value=role, word=1))


#: Documents whose signing is an event: "had signed an Antarctic logistics arrangement".
DOCUMENTS: Final = f"(?:{_reference_words('document')})"
_NEXT_EVENTS: Final = f"(?:{_reference_words('next-event')})"

#: A planned event named in a sentence: "he would visit Yerevan", "the next round of talks".
PLANNED_RE: Final = re.compile(
    rf"\b(?:{_ahead('modal', 3)})\s+(?:(?:{_ahead('adverb', 3)})\s+)?(?:{_ahead('verb', 3)})\b"
    # "would meet its commitments": meeting an obligation is no meeting
    r"(?!\s+(?:its|their|our|his|her|the|all)\s+(?:[a-z-]+\s+)?(?:commitments?|obligations?|"
    r"targets?|deadlines?|needs|demands|requirements|costs?|expectations))|"
    r"\b(?:happy|glad|pleased) to (?:come|visit)\b|"
    rf"\bplan(?:s|ned)? to (?:{_ahead('plan-verb', 3)})\b|"
    r"\bbe held\b|\bagreed to (?:meet|hold)\b|\bto hold (?:another|a further|a new)\b|"
    r"\bexpects? to (?:hold|meet|visit)\b|\b(?:offered|offers|plans|agreed) to host\b|"
    rf"\b(?:next|upcoming)\s+(?:[\w.+-]+\s+){{0,4}}?{_NEXT_EVENTS}\b|"
    r"\binvit(?:ed|es|e)\s+(?:[\w’'.-]+\s+){0,4}?(?:to|for)\s+(?:attend|visit|come|return|the|a|an)\b",
    re.IGNORECASE,
)
#: A sentence that names an event a date lying ahead may be the date of.
FUTURE_EVENT_RE: Final = re.compile(rf"\b(?:{_reference_words('future-event')})\b", re.IGNORECASE)

# --- meeting kinds and the parts of a meeting -------------------------------------------


def _kind_words(kind: MeetingKind, use: str) -> str:
    return alternation(
        row[2] for row in rows("meeting_kinds.tsv", 3) if row[0] == kind.value and row[1] == use
    )


def _kind_re(kind: MeetingKind, *patterns: str) -> re.Pattern[str]:
    words = _kind_words(kind, "kind")
    found = [rf"\b(?:{words})\b"] if words else []
    return re.compile("|".join([*found, *patterns]), re.IGNORECASE)


#: Meeting kinds and their cues, strongest cue first.
KIND_CUES: Final = (
    (
        MeetingKind.VIDEO_CALL,
        _kind_re(
            MeetingKind.VIDEO_CALL,
            r"\bvideo[\s-]?(?:call|conference|link)|videoconference|virtual (?:meeting|talks)",
        ),
    ),
    (
        MeetingKind.PHONE_CALL,
        _kind_re(MeetingKind.PHONE_CALL, r"\bsp(?:oke|eaks?) (?:\w+ ){0,2}?(?:with|to)\b"),
    ),
    (MeetingKind.SUMMIT, _kind_re(MeetingKind.SUMMIT)),
    (
        MeetingKind.SIGNING,
        _kind_re(
            MeetingKind.SIGNING,
            r"\bsign(?:ed|ing) (?:an?|the) (?:[a-z-]+ ){0,3}"
            r"(?:agreement|memorandum|treaty|accord|declaration|protocol|deal|communiqu[ée])",
        ),
    ),
    (
        MeetingKind.TALKS,
        _kind_re(
            MeetingKind.TALKS,
            r"\bdiscussed .{0,40}\bwith\b",
            # "received the Prime Minister", not "received a guard of honour"
            r"\breceived\s+(?:the\s+|his\s+|her\s+|visiting\s+)?(?-i:[A-Z])",
        ),
    ),
    (MeetingKind.VISIT, _kind_re(MeetingKind.VISIT)),
    (MeetingKind.RECEPTION, _kind_re(MeetingKind.RECEPTION)),
)
#: A press conference the text says there was ("remarks to reporters" are none).
PRESS_RE: Final = re.compile(
    rf"\b(?:{_kind_words(MeetingKind.PRESS_CONFERENCE, 'part')})\b", re.IGNORECASE
)
#: A banquet, dinner or reception given during a visit.
RECEPTION_RE: Final = re.compile(
    rf"\b(?:{_kind_words(MeetingKind.RECEPTION, 'part')})\b", re.IGNORECASE
)


def _meeting_cues(use: str, value: str | None = None) -> re.Pattern[str]:
    words = [cue for u, v, cue in rows("meeting_cues.tsv", 3) if u == use and value in {None, v}]
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


#: The meeting was called off.
CALLED_OFF_RE: Final = _meeting_cues("status", EventStatus.CANCELLED.value)
#: The meeting was put off: it is still planned.
PUT_OFF_RE: Final = _meeting_cues("status", EventStatus.PLANNED.value)
#: Protocol levels and their cues, in order.
PROTOCOL: Final = tuple(
    (ProtocolLevel(level), _meeting_cues("protocol", level))
    for level in dict.fromkeys(v for u, v, _ in rows("meeting_cues.tsv", 3) if u == "protocol")
)
#: The first person named in the sentence hosted the others.
HOST_RE: Final = _meeting_cues("host")
#: More participants named in the sentence after the meeting's.
ALSO_RE: Final = _meeting_cues("also")
#: A sentence about the meeting, which may give its date.
ABOUT_MEETING_RE: Final = _meeting_cues("about")

# --- demands, proposals and the responses to them ---------------------------------------


def _demand_cues(flag: int, tried: str) -> str:
    return alternation(
        row[0] for row in rows("demand_cues.tsv", 4) if row[flag] == "yes" and row[3] == tried
    )


# A verb with a named party and "to": "expects the EU to", "wants ... to", "asked Turkey to".
_EXPECTS_TO: Final = (
    r"expect(?:s|ed)?(?= (?:[\w’'-]+ ){0,2}(?-i:[A-Z])[\w’'-]*(?: [\w’'-]+){0,2} to\b)"
)
_WANTS_TO: Final = r"want(?:s|ed)?(?= [^.;]{1,80}? to\b)"
_ASKS_TO: Final = r"ask(?:s|ed)?(?= (?:the )?(?-i:[A-Z])[^.,;]{0,60}? to\b)"
#: Demand cues in what someone said.
DEMAND_RE: Final = re.compile(
    rf"\b(?:{_demand_cues(1, 'first')}|{_EXPECTS_TO}|{_WANTS_TO}|{_ASKS_TO}"
    rf"|{_demand_cues(1, 'last')})\b",
    re.IGNORECASE,
)
#: Demand cues in the narrative around what was said.
DEMAND_NARRATIVE_RE: Final = re.compile(
    rf"\b(?:{_demand_cues(2, 'first')}|{_WANTS_TO}|{_ASKS_TO}|{_demand_cues(2, 'last')})\b",
    re.IGNORECASE,
)
#: Urgency levels and their cues, the most urgent first.
URGENCY: Final = tuple(
    (
        Urgency(level),
        re.compile(
            rf"\b(?:{alternation(_column('urgency_cues.tsv', 2, key=0, value=level, word=1))})\b",
            re.IGNORECASE,
        ),
    )
    for level in dict.fromkeys(level for level, _ in rows("urgency_cues.tsv", 2))
)

_PROPOSAL_KINDS: Final = dict.fromkeys(kind for _, kind in rows("proposal_cues.tsv", 2))
#: Proposal cues, one named group per kind of proposal.
PROPOSAL_RE: Final = re.compile(
    r"\b(?:"
    + "|".join(
        f"(?P<{kind}>{alternation(_column('proposal_cues.tsv', 2, key=1, value=kind, word=0))})"
        for kind in _PROPOSAL_KINDS
    )
    + r")\b",
    re.IGNORECASE,
)


def proposal_kind(cue: re.Match[str]) -> ProposalKind:
    """The kind of proposal a match of `PROPOSAL_RE` makes: the name of its group."""
    return ProposalKind(cue.lastgroup or "")


def _response_re(stance: ResponseStance) -> re.Pattern[str]:
    words = _column("response_cues.tsv", 2, key=0, value=stance.value, word=1)
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


#: An acceptance of a proposal: "accepted", "will be happy to come".
ACCEPT_RE: Final = _response_re(ResponseStance.ACCEPTED)
#: A rejection of a proposal: "declined", "turned down".
REJECT_RE: Final = _response_re(ResponseStance.REJECTED)

# --- references to other events ---------------------------------------------------------

#: Relations to other events, each with the words that must come first in the
#: sentence (or None), and the words just before a date that name the relation.
REFERENCE_CUES: Final = (
    (
        Relation.IMPLEMENTS,
        re.compile(rf"\b(?:{_reference_words('implementation')})\b", re.IGNORECASE),
        re.compile(
            rf"\b(?:{_reference_words('signed-document')})\b[^.;]{{0,60}}\bsigned\b",
            re.IGNORECASE,
        ),
    ),
    (
        Relation.PREVIOUS,
        None,
        re.compile(
            rf"\b(?:{_reference_words('earlier')})\s+(?:[a-z-]+\s+){{0,2}}"
            rf"(?:{_reference_words('earlier-event')})\b|"
            r"\b(?:met|visited|spoke)\b|\btalks\b[^.;]{0,40}\btook place\b|"
            # "had signed an arrangement ... in November 2019", "the schedule agreed by ..."
            rf"\bsigned\s+(?:an?|the|their)\s+(?:[\w-]+\s+){{0,4}}?{DOCUMENTS}\b|"
            r"\bagreed\s+(?:by|between|at)\s+(?!all\b)|"
            # "a phone call between the two ministers last week", "a meeting of ... in Arusha
            # last November", "the conference held in Maputo in November 2022"
            r"\b(?:their|the|a)\s+(?:[a-z-]+\s+){0,2}(?:talks|meeting|call|conference|visit|summit)"
            r"(?:\s+(?:between|with|of)\s+[^.;,]{1,60}?)?(?:\s+(?:held|hosted))?"
            r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:(?:of|on|in)\s*)?$",
            re.IGNORECASE,
        ),
    ),
    (
        Relation.CITES,
        None,
        re.compile(
            rf"\b(?:{_reference_words('cited-document')})\b[^.;]{{0,60}}"
            r"\b(?:signed|adopted|reached|issued)\b|"
            rf"\b(?:{_reference_words('named-document')})\s+(?:(?:of|from)\s*)?$",
            re.IGNORECASE,
        ),
    ),
)
