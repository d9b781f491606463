"""The words the rules look for, read from ``data/cues/``, and the patterns made of them.

Words are data: speech verbs, looking-ahead cues, meeting-kind words, demand,
proposal and response cues, and the confidence of every rule, each in a TSV
file that says what it is and where it comes from. They are read once, when
this module is first imported; the patterns the stages search with are
compiled here from them, and the grammar around the words stays in code.
"""

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Final

from diplo_events.model import MeetingKind, ProposalKind, Relation, Urgency

__all__ = [
    "PREPOSITIONS",
    "TITLE_HEADS",
    "confidence",
    "rows",
]


@functools.cache
def rows(filename: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``data/cues/<filename>``, each padded to *columns* fields.

    Raises:
        ValueError: A row has more fields than *columns*.
    """
    text = (
        resources.files("diplo_events")
        .joinpath("data", "cues", filename)
        .read_text(encoding="utf-8")
    )
    found: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > columns:
            message = f"{filename}:{number}: {len(fields)} fields, expected {columns}"
            raise ValueError(message)
        found.append((*fields, *[""] * (columns - len(fields))))
    return tuple(found)


@functools.cache
def _confidences() -> dict[str, float]:
    return {name: float(value) for name, value, _ in rows("confidences.tsv", 3)}


def confidence(rule: str) -> float:
    """The confidence of the rule named *rule* in ``confidences.tsv``.

    Raises:
        KeyError: No rule has that name.
    """
    return _confidences()[rule]


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation matching any of *words* literally."""
    return "|".join(_escape(word) for word in words)


def _escape(word: str) -> str:
    # re.escape would also escape the spaces, which reads badly in a compiled pattern.
    return "".join("\\" + c if c in ".^$*+?{}[]\\|()" else c for c in word)


#: Words that, right before a mention, show it is no subject: "talks with Lavrov".
PREPOSITIONS: Final = frozenset(word for (word,) in rows("prepositions.tsv", 1))
#: For the last word of a title, the last words of titles of the same kind of office.
TITLE_HEADS: Final = {head: set(same.split("|")) for head, same in rows("title_heads.tsv", 2)}


SPEECH: Final = (
    r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|believes|believed|"
    r"announced|told|tells|warned|warns|insisted|insists|declared|reiterated|confirmed|"
    r"explained|argued|affirmed|assured|highlighted|remarked|recalled|acknowledged|"
    r"continued|replied|responded|observed|wrote|asked|urged|demanded|called"
)
SPEECH_RE: Final = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
# Verbs of reported speech. Demanding verbs ("urged", "called on") make demands
# instead, and "expressed" (gratitude, concern) reports a gesture, not words.
REPORTED_RE: Final = re.compile(
    r"\b(?:said|says|say|saying|stated|states|stressed|stresses|noted|notes|added|adds|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|believes|believed|"
    r"announced|told|tells|warned|warns|declared|reiterated|reaffirmed|confirmed|explained|"
    r"argued|affirmed|assured|highlighted|remarked|recalled|acknowledged|replied|responded|"
    r"observed|wrote|described|outlined|welcomed|briefed|hoped|thanked|spoke about|according to|"
    r"protested|conveyed|cited|expressed|"
    r"in the words of|with a statement that)\b",
    re.IGNORECASE,
)
KIND_CUES: Final = (
    (
        MeetingKind.VIDEO_CALL,
        re.compile(
            r"\bvideo[\s-]?(?:call|conference|link)|videoconference|virtual (?:meeting|talks)",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.PHONE_CALL,
        re.compile(
            r"\b(?:tele)?phone(?:d)?\b|\bcall(?:ed)? with\b|\bphone call\b|"
            r"\bsp(?:oke|eaks?) (?:\w+ ){0,2}?(?:with|to)\b|\bheld a call\b",
            re.IGNORECASE,
        ),
    ),
    (MeetingKind.SUMMIT, re.compile(r"\bsummit\b", re.IGNORECASE)),
    (
        MeetingKind.SIGNING,
        re.compile(
            r"\bsigning ceremony\b|\bsign(?:ed|ing) (?:an?|the) (?:[a-z-]+ ){0,3}"
            r"(?:agreement|memorandum|treaty|accord|declaration|protocol|deal|communiqu[ée])",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.TALKS,
        re.compile(
            r"\b(?:met|meet|meets|meeting|talks|consultations|ministerial|conference|hosted|"
            r"round ?table|discussed .{0,40}\bwith)\b|"
            # "received the Prime Minister", not "received a guard of honour"
            r"\breceived\s+(?:the\s+|his\s+|her\s+|visiting\s+)?(?-i:[A-Z])",
            re.IGNORECASE,
        ),
    ),
    (MeetingKind.VISIT, re.compile(r"\bvisit(?:ed|s|ing)?\b", re.IGNORECASE)),
    # "The President received the Prime Minister" is an audience, not a reception.
    (MeetingKind.RECEPTION, re.compile(r"\breception\b", re.IGNORECASE)),
)
# Remarks "to reporters" are not a press conference; the text must say there was one.
PRESS_RE: Final = re.compile(
    r"\b(?:joint )?(?:press|news) conference\b|\bpress briefing\b|\bpress availability\b",
    re.IGNORECASE,
)
# Words that show a sentence is about the meeting, for finding its date nearby.
REPORTED_ON: Final = r"\b(?:said|says|told \w+|announced|reported|stated|added)\s*$"
REPORTED_ON_RE: Final = re.compile(REPORTED_ON, re.IGNORECASE)
DEMAND_RE: Final = re.compile(
    r"\b(?:demand(?:s|ed)?|call(?:s|ed)? (?:on|upon|for)|urg(?:e|es|ed)|"
    r"insist(?:s|ed)? (?:that|on)|should|must|expect(?:s|ed)? that|"
    r"expect(?:s|ed)?(?= (?:[\w’'-]+ ){0,2}(?-i:[A-Z])[\w’'-]*(?: [\w’'-]+){0,2} to\b)|"
    r"want(?:s|ed)?(?= [^.;]{1,80}? to\b)|"
    r"ask(?:s|ed)?(?= (?:the )?(?-i:[A-Z])[^.,;]{0,60}? to\b)|(?:ask|request)(?:s|ed)? that)\b",
    re.IGNORECASE,
)
DEMAND_NARRATIVE_RE: Final = re.compile(
    r"\b(?:demand(?:s|ed)?|call(?:s|ed) (?:on|upon|for)|urg(?:e|es|ed)|"
    r"insist(?:s|ed)? (?:that|on)|want(?:s|ed)?(?= [^.;]{1,80}? to\b)|"
    r"ask(?:s|ed)?(?= (?:the )?(?-i:[A-Z])[^.,;]{0,60}? to\b)|(?:ask|request)(?:s|ed)? that)\b",
    re.IGNORECASE,
)
PROPOSAL_RE: Final = re.compile(
    r"\b(?:propos(?:e|es|ed)|offer(?:s|ed)?|invit(?:e|es|ed)|suggest(?:s|ed)?|"
    r"expressed (?:our|his|her|their|its) readiness|(?:is|are|was|were) (?:ready|prepared) to)\b",
    re.IGNORECASE,
)
PROPOSAL_KIND: Final = (
    ("invit", ProposalKind.INVITATION),
    ("offer", ProposalKind.OFFER),
    ("read", ProposalKind.OFFER),
    ("prepared", ProposalKind.OFFER),
    ("suggest", ProposalKind.SUGGESTION),
    ("propos", ProposalKind.SUGGESTION),
)
ACCEPT_RE: Final = re.compile(
    r"\b(?:accept(?:s|ed)?|will be (?:happy|glad|pleased) to (?:come|visit|attend|take part|join)|"
    r"gladly|agreed to (?:come|visit|attend|join))\b",
    re.IGNORECASE,
)
REJECT_RE: Final = re.compile(
    r"\b(?:declin(?:e|es|ed)|reject(?:s|ed)|turned down|refus(?:e|es|ed))\b", re.IGNORECASE
)
#: Documents whose signing is an event: "had signed an Antarctic logistics arrangement".
DOCUMENTS: Final = (
    r"(?:agreements?|arrangements?|memorand(?:um|a)|accords?|treat(?:y|ies)|deals?|declarations?|"
    r"protocols?|conventions?|charters?|contracts?|communiqu[ée]s?|roadmaps?|plans?)"
)
REFERENCE_CUES: Final = (
    (
        Relation.IMPLEMENTS,
        re.compile(r"\bimplement(?:ation|ing|s|ed)?\b", re.IGNORECASE),
        re.compile(
            r"\b(?:agreement|truce|ceasefire|cease-fire|accord|treaty|statement|declaration|"
            r"deal|memorandum|resolution|document)\b[^.;]{0,60}\bsigned\b",
            re.IGNORECASE,
        ),
    ),
    (
        Relation.PREVIOUS,
        None,
        re.compile(
            r"\b(?:previous|last|earlier|prior|first)\s+(?:[a-z-]+\s+){0,2}"
            r"(?:talks|meetings?|round|visits?|contact|conversation|call|session|summit|"
            r"conference|dialogue|ministerial|consultations)\b|"
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
            r"\b(?:agreement|truce|ceasefire|cease-fire|accord|treaty|statement|declaration|"
            r"deal|memorandum|resolution|communiqu[ée]|code|convention|charter|protocol)\b[^.;]{0,60}"
            r"\b(?:signed|adopted|reached|issued)\b|"
            r"\b(?:award|ruling|judgment|treaty|agreement|accord|convention|resolution|declaration|"
            r"communiqu[ée]|charter|memorandum)\s+(?:(?:of|from)\s*)?$",
            re.IGNORECASE,
        ),
    ),
)
EVENT_NOUNS: Final = (
    r"(?:round of talks|meetings?|sessions?|dialogue|summit|talks|ministerial|consultations|call|"
    r"visit|conference|forum)"
)
PLANNED_RE: Final = re.compile(
    r"\b(?:will|would|shall)\s+(?:(?:also|soon|again|then)\s+)?(?:visit|come|meet|travel|hold|host|"
    r"attend|convene|return|join)\b"
    # "would meet its commitments": meeting an obligation is no meeting
    r"(?!\s+(?:its|their|our|his|her|the|all)\s+(?:[a-z-]+\s+)?(?:commitments?|obligations?|"
    r"targets?|deadlines?|needs|demands|requirements|costs?|expectations))|"
    r"\b(?:happy|glad|pleased) to (?:come|visit)\b|"
    r"\bplan(?:s|ned)? to (?:visit|meet|hold|travel|host|attend|convene)\b|"
    r"\bbe held\b|\bagreed to (?:meet|hold)\b|\bto hold (?:another|a further|a new)\b|"
    r"\bexpects? to (?:hold|meet|visit)\b|\b(?:offered|offers|plans|agreed) to host\b|"
    rf"\b(?:next|upcoming)\s+(?:[\w.+-]+\s+){{0,4}}?{EVENT_NOUNS}\b|"
    r"\binvit(?:ed|es|e)\s+(?:[\w’'.-]+\s+){0,4}?(?:to|for)\s+(?:attend|visit|come|return|the|a|an)\b",
    re.IGNORECASE,
)
AHEAD_RE: Final = re.compile(
    r"\b(?:will|shall|would)\s+(?:(?:also|soon|again|then|first)\s+)?(?:meet|hold|visit|travel|host|"
    r"receive|attend)\b|\b(?:is|are)\s+(?:due|expected|set|scheduled|slated|planning|going)\s+to\s+"
    r"(?:meet|hold|visit|travel|host|receive|attend)\b|\bplans?\s+to\s+(?:meet|visit|hold|host)\b",
    re.IGNORECASE,
)
RECEPTION_RE: Final = re.compile(
    r"\b(?:state |official |gala )?(?:banquet|dinner|luncheon)\b|"
    r"\breception in (?:his|her|their) honou?r\b",
    re.IGNORECASE,
)
URGENCY: Final = (
    (
        Urgency.IMMEDIATE,
        re.compile(r"\b(?:immediately|without delay|at once|now)\b", re.IGNORECASE),
    ),
    (
        Urgency.HIGH,
        re.compile(
            r"\b(?:as soon as possible|urgent(?:ly)?|swift(?:ly)?|promptly)\b", re.IGNORECASE
        ),
    ),
)
