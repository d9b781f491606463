"""Draft records from one news article or official readout.

`extract` reads the text once into paragraphs, sentences, quotes, dates and
actor mentions, and then drafts, in this order:

1. the `Source`, with the text;
2. the people and organizations mentioned (spelling variants merged);
3. the main meeting (kind, date, place, participants, and whether it was
   held, put off or called off), and the signing, banquet or press
   conference that was part of it, if the text reports them;
4. statements: every direct quote, fragments quoted inside reported speech
   (as mixed statements) and attributed reported speech;
5. demands and proposals found in those statements, with the acceptances or
   rejections of proposals;
6. references to earlier and planned events.

Everything is plain rules over the text; no model is downloaded or trained.
Every record cites the words it came from, with a confidence, and is a draft.
"""

import bisect
import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from typing import Final, NamedTuple

import attrs

from diplo_events.drafting.reading._datetext import DateMatch, find_dates, parse_date
from diplo_events.drafting.reading._mentions import (
    ActorMention,
    MentionMatch,
    NameBook,
    find_actor_mentions,
    is_national_body,
)
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
    Capacity,
    Citation,
    Collection,
    DateDerivation,
    Demand,
    EventStatus,
    Location,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Organization,
    OrganizationKind,
    Participant,
    Person,
    Precision,
    Proposal,
    ProposalKind,
    ProposalStatus,
    ProtocolLevel,
    Reference,
    Relation,
    Response,
    ResponseStance,
    Source,
    Span,
    Statement,
    StatementMode,
    UncertainDate,
    Urgency,
    country_name,
    is_country_code,
    stable_id,
)
from diplo_events.model import _rules as v

__all__ = ["extract"]

# --- confidences, one per rule; documented in docs/drafting.md ------------------------

#: The words of a quote are the characters between its marks.
QUOTE_WORDS: Final = 1.0
#: The speaker is named next to a speech verb right after or before the quote.
SPEAKER_NAMED: Final = 0.95
#: The speaker ends the paragraph before, which ends in a colon.
SPEAKER_COLON: Final = 0.85
#: The speaker is a pronoun or a title that refers back to someone named.
SPEAKER_REFERRED: Final = 0.75
#: The quote follows another quote of the same speaker with nothing between.
SPEAKER_CONTINUED: Final = 0.6
#: Nothing names the speaker; the last person mentioned is taken.
SPEAKER_GUESSED: Final = 0.4

_SPEECH: Final = (
    r"said|says|say|stated|states|stressed|stresses|noted|notes|added|adds|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|believes|believed|"
    r"announced|told|tells|warned|warns|insisted|insists|declared|reiterated|confirmed|"
    r"explained|argued|affirmed|assured|highlighted|remarked|recalled|acknowledged|"
    r"continued|replied|responded|observed|wrote|asked|urged|demanded|called"
)
_SPEECH_RE: Final = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
# Verbs of reported speech. Demanding verbs ("urged", "called on") make demands
# instead, and "expressed" (gratitude, concern) reports a gesture, not words.
_REPORTED_RE: Final = re.compile(
    r"\b(?:said|says|say|saying|stated|states|stressed|stresses|noted|notes|added|adds|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|believes|believed|"
    r"announced|told|tells|warned|warns|declared|reiterated|reaffirmed|confirmed|explained|"
    r"argued|affirmed|assured|highlighted|remarked|recalled|acknowledged|replied|responded|"
    r"observed|wrote|described|outlined|welcomed|briefed|hoped|thanked|spoke about|according to|"
    r"protested|conveyed|cited|expressed|"
    r"in the words of|with a statement that)\b",
    re.IGNORECASE,
)
_MIN_REPORTED_WORDS: Final = 4
_ACCORDING_RE: Final = re.compile(r"\baccording to\s*$", re.IGNORECASE)
_PREPOSITIONS: Final = frozenset(
    {
        "with", "to", "from", "of", "for", "about", "against", "between", "on", "at", "in",
        "into", "toward", "towards", "among", "including", "like", "than", "by", "and", "or",
        "behalf", "under", "without", "after", "before", "during", "via", "as",
    }
)  # fmt: skip
_WORD_BEFORE_RE: Final = re.compile(r"([A-Za-z’']+)[\s,]*$")
_PRONOUN_RE: Final = re.compile(r"\b(?:he|she|He|She|him)\b")
_POSSESSIVE_RE: Final = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)
#: "her" as an object ("Parata thanked her for ..."): someone else, not the name before it.
_OBJECT_HER_RE: Final = re.compile(
    r"her\b(?=\s*(?:[,.;:!?]|\b(?:for|to|that|in|on|at|with|and|by|about|as|from|of|into)\b))",
    re.IGNORECASE,
)
_HONORIFIC_RE: Final = re.compile(r"\b(Mr|Ms|Mrs|Madam)\.?\s+$")
# Heads of titles that name the same kind of office.
_WHO_SAID_RE: Final = re.compile(rf",\s*who\s+(?:then\s+|later\s+)?(?:{_SPEECH})\b", re.IGNORECASE)
_QUOTED_AS_RE: Final = re.compile(r"\bquoted\s+(?:\S+\s+){1,4}?as saying\b", re.IGNORECASE)
_TITLE_HEADS: Final = {
    "envoy": {"envoy", "ambassador", "representative"},
    "ambassador": {"envoy", "ambassador", "representative"},
    "representative": {"envoy", "ambassador", "representative"},
    "spokesman": {"spokesperson", "spokesman", "spokeswoman"},
    "spokeswoman": {"spokesperson", "spokesman", "spokeswoman"},
    "spokesperson": {"spokesperson", "spokesman", "spokeswoman"},
    "minister": {"minister", "secretary"},
}
_FIRST_PERSON_RE: Final = re.compile(r"\b(?:I|[Ww]e|[Mm]e|[Uu]s)\b")

# Meeting kinds, strongest cue first.
_KIND_CUES: Final = (
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
_PRESS_RE: Final = re.compile(
    r"\b(?:joint )?(?:press|news) conference\b|\bpress briefing\b|\bpress availability\b",
    re.IGNORECASE,
)
# Words that show a sentence is about the meeting, for finding its date nearby.
_EVENT_NOUN_RE: Final = re.compile(
    r"\b(?:talks|meeting|met|summit|call|conversation|visit|ministerial|conference|session|"
    r"consultations)\b",
    re.IGNORECASE,
)
_PROTOCOL: Final = (
    (ProtocolLevel.STATE, re.compile(r"\bstate visit\b", re.IGNORECASE)),
    (ProtocolLevel.OFFICIAL, re.compile(r"\bofficial visit\b", re.IGNORECASE)),
    (ProtocolLevel.WORKING, re.compile(r"\bworking visit\b", re.IGNORECASE)),
)
_VISITOR_RE: Final = re.compile(
    r"\b(?:on an? (?:[a-z]+ ){0,2}visit to|visit(?:ed|ing|s)?|arrived in|travel(?:l)?ed to|"
    r"in town)\s+$",
    re.IGNORECASE,
)
_HOST_RE: Final = re.compile(r"\b(?:hosted|hosts|welcomed|received)\b", re.IGNORECASE)
_ALSO_RE: Final = re.compile(
    r"\b(?:joined|attended|took part|participated|were present|also present|chaired|co-chaired|"
    r"hosted|moderated|presided)\b",
    re.IGNORECASE,
)
_AGENT_BY_RE: Final = re.compile(
    r"\b(?:chaired|co-chaired|hosted|attended|moderated|joined|received|welcomed|presided over)"
    r"(?:\s+\w+)?\s+by\s*$"
    # The one who invited a visitor hosts the visit.
    r"|\b(?:at the invitation of|as (?:the )?guests? of)\s*$",
    re.IGNORECASE,
)
_PLACE_BEFORE_RE: Final = re.compile(
    r"\b(?:in|at|held in|to|visit to|visiting|arrived in)\s+(?:the\s+)?$", re.IGNORECASE
)
# Words just before a date that make it the date something was said: "the ministry said on Tuesday".
_REPORTED_ON: Final = r"\b(?:said|says|told \w+|announced|reported|stated|added)\s*$"
_REPORTED_ON_RE: Final = re.compile(_REPORTED_ON, re.IGNORECASE)
_NOT_MEETING_DATE_RE: Final = re.compile(
    r"\b(?:signed|sign|signing|previous|last|earlier|prior|since|after|following|before|until|"
    r"adopted|reached|concluded)\b[^,;]{0,60}$|"
    r"\b(?:truce|ceasefire|deal|agreement|plan|accord)\s+(?:was\s+)?agreed\b[^,;]{0,60}$|"
    rf"{_REPORTED_ON}",
    re.IGNORECASE,
)

_DEMAND_RE: Final = re.compile(
    r"\b(?:demand(?:s|ed)?|call(?:s|ed)? (?:on|upon|for)|urg(?:e|es|ed)|"
    r"insist(?:s|ed)? (?:that|on)|should|must|expect(?:s|ed)? that|"
    r"expect(?:s|ed)?(?= (?:[\w’'-]+ ){0,2}(?-i:[A-Z])[\w’'-]*(?: [\w’'-]+){0,2} to\b)|"
    r"want(?:s|ed)?(?= [^.;]{1,80}? to\b)|"
    r"ask(?:s|ed)?(?= (?:the )?(?-i:[A-Z])[^.,;]{0,60}? to\b)|(?:ask|request)(?:s|ed)? that)\b",
    re.IGNORECASE,
)
_DEMAND_NARRATIVE_RE: Final = re.compile(
    r"\b(?:demand(?:s|ed)?|call(?:s|ed) (?:on|upon|for)|urg(?:e|es|ed)|"
    r"insist(?:s|ed)? (?:that|on)|want(?:s|ed)?(?= [^.;]{1,80}? to\b)|"
    r"ask(?:s|ed)?(?= (?:the )?(?-i:[A-Z])[^.,;]{0,60}? to\b)|(?:ask|request)(?:s|ed)? that)\b",
    re.IGNORECASE,
)
_URGENCY: Final = (
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
_PROPOSAL_RE: Final = re.compile(
    r"\b(?:propos(?:e|es|ed)|offer(?:s|ed)?|invit(?:e|es|ed)|suggest(?:s|ed)?|"
    r"expressed (?:our|his|her|their|its) readiness|(?:is|are|was|were) (?:ready|prepared) to)\b",
    re.IGNORECASE,
)
_PROPOSAL_KIND: Final = (
    ("invit", ProposalKind.INVITATION),
    ("offer", ProposalKind.OFFER),
    ("read", ProposalKind.OFFER),
    ("prepared", ProposalKind.OFFER),
    ("suggest", ProposalKind.SUGGESTION),
    ("propos", ProposalKind.SUGGESTION),
)
_ACCEPT_RE: Final = re.compile(
    r"\b(?:accept(?:s|ed)?|will be (?:happy|glad|pleased) to (?:come|visit|attend|take part|join)|"
    r"gladly|agreed to (?:come|visit|attend|join))\b",
    re.IGNORECASE,
)
_REJECT_RE: Final = re.compile(
    r"\b(?:declin(?:e|es|ed)|reject(?:s|ed)|turned down|refus(?:e|es|ed))\b", re.IGNORECASE
)
#: Documents whose signing is an event: "had signed an Antarctic logistics arrangement".
_DOCUMENTS: Final = (
    r"(?:agreements?|arrangements?|memorand(?:um|a)|accords?|treat(?:y|ies)|deals?|declarations?|"
    r"protocols?|conventions?|charters?|contracts?|communiqu[ée]s?|roadmaps?|plans?)"
)
_REFERENCE_CUES: Final = (
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
            rf"\bsigned\s+(?:an?|the|their)\s+(?:[\w-]+\s+){{0,4}}?{_DOCUMENTS}\b|"
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
_EVENT_NOUNS: Final = (
    r"(?:round of talks|meetings?|sessions?|dialogue|summit|talks|ministerial|consultations|call|"
    r"visit|conference|forum)"
)
_PLANNED_RE: Final = re.compile(
    r"\b(?:will|would|shall)\s+(?:(?:also|soon|again|then)\s+)?(?:visit|come|meet|travel|hold|host|"
    r"attend|convene|return|join)\b"
    # "would meet its commitments": meeting an obligation is no meeting
    r"(?!\s+(?:its|their|our|his|her|the|all)\s+(?:[a-z-]+\s+)?(?:commitments?|obligations?|"
    r"targets?|deadlines?|needs|demands|requirements|costs?|expectations))|"
    r"\b(?:happy|glad|pleased) to (?:come|visit)\b|"
    r"\bplan(?:s|ned)? to (?:visit|meet|hold|travel|host|attend|convene)\b|"
    r"\bbe held\b|\bagreed to (?:meet|hold)\b|\bto hold (?:another|a further|a new)\b|"
    r"\bexpects? to (?:hold|meet|visit)\b|\b(?:offered|offers|plans|agreed) to host\b|"
    rf"\b(?:next|upcoming)\s+(?:[\w.+-]+\s+){{0,4}}?{_EVENT_NOUNS}\b|"
    r"\binvit(?:ed|es|e)\s+(?:[\w’'.-]+\s+){0,4}?(?:to|for)\s+(?:attend|visit|come|return|the|a|an)\b",
    re.IGNORECASE,
)
_FUTURE_EVENT_RE: Final = re.compile(
    r"\b(?:meet|meetings?|visits?|talks|summits?|conferences?|sessions?|round|hold|held|travel|"
    r"dialogue|ministerial|forum|debate|consultations)\b",
    re.IGNORECASE,
)


class _Actor:
    """A person or organization the text mentions, gathered over all its mentions."""

    __slots__ = (
        "country",
        "first",
        "gender",
        "key",
        "kind",
        "name",
        "org_kind",
        "organization",
        "title",
        "titled_in_full",
    )

    def __init__(self, key: str, kind: str, first: Span) -> None:
        self.key = key
        self.kind = kind  # "person" or "organization"
        self.first = first
        self.name: str | None = None
        self.title: str | None = None
        self.titled_in_full = False
        self.gender: str | None = None  # "m" or "f", from honorifics and pronouns
        self.country: str | None = None
        self.organization: str | None = None
        self.org_kind: OrganizationKind | None = None


class _Ref(NamedTuple):
    """One mention in the text resolved to an actor."""

    start: int
    end: int
    key: str
    via: str  # "name", "title", "pronoun", "state", "body"


class _Said(NamedTuple):
    """A statement drafted from the text, with what the later steps need."""

    id: str
    speaker: str
    start: int
    end: int
    mode: StatementMode
    meeting: str | None
    mention: Span  # the words the speaker was read from
    confidence: float


class _Attribution(NamedTuple):
    key: str
    span: Span
    confidence: float


@attrs.define
class _Draft:
    """The state of one extraction: the text, what was read from it, what was drafted."""

    text: str
    anchor: dt.date | None
    source: Source
    namespace: uuid.UUID
    paras: list[Unit]
    quotes: list[Quote]
    quote_opens: list[int]
    sents: list[Unit]
    sent_starts: list[int]
    para_of_sent: list[int]
    dates: list[DateMatch]
    actors: dict[str, _Actor] = attrs.Factory(dict)
    refs: list[_Ref] = attrs.Factory(list)
    mentions: list[MentionMatch] = attrs.Factory(list)
    mention_index: dict[int, int] = attrs.Factory(dict)
    ref_starts: list[int] = attrs.Factory(list)
    book: NameBook = attrs.Factory(NameBook)
    records: list[object] = attrs.Factory(list)
    said: list[_Said] = attrs.Factory(list)
    main: Meeting | None = None
    main_sentence: int = -1
    main_date_match: DateMatch | None = None
    press: Meeting | None = None
    press_from: int = -1
    used_ids: set[str] = attrs.Factory(set)
    body: int = 0
    dateline: Dateline | None = None
    actor_ids: dict[str, str] = attrs.Factory(dict)

    # --- small helpers ---------------------------------------------------------------

    def rid(self, record_type: str, key: str) -> str:
        record_id = stable_id(record_type, key, namespace=self.namespace)
        suffix = 2
        while record_id in self.used_ids:
            record_id = stable_id(record_type, f"{key}#{suffix}", namespace=self.namespace)
            suffix += 1
        self.used_ids.add(record_id)
        return record_id

    def cite(self, start: int, end: int, confidence: float) -> Citation:
        return Citation(
            source=self.source.id,
            spans=(Span(start=start, end=end),),
            quote=self.text[start:end],
            confidence=confidence,
        )

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def refs_between(self, start: int, end: int) -> list[_Ref]:
        low = bisect.bisect_left(self.ref_starts, start)
        high = bisect.bisect_left(self.ref_starts, end)
        return [r for r in self.refs[low:high] if r.end <= end]

    def in_quote(self, offset: int) -> Quote | None:
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

    def is_person(self, key: str) -> bool:
        return self.actors[key].kind == "person"

    def word_before(self, offset: int, floor: int) -> str:
        match = _WORD_BEFORE_RE.search(self.text, max(floor, offset - 30), offset)
        return match.group(1).lower() if match else ""

    def subject_like(self, ref: _Ref, floor: int) -> bool:
        return self.word_before(ref.start, floor) not in _PREPOSITIONS


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    source: Source | None = None,
) -> Collection:
    """Draft records from one news article or official readout.

    Every record drafted is marked ``draft=True`` and cites the words it came
    from, with a confidence. A statement's first citation is its words; its
    second, the words its speaker was read from. Ids are derived from the
    source's id (itself from the text, unless *source* is given), so drafting
    the same text twice gives the same records.

    Args:
        text: The article. It is normalised to Unicode NFC first, as the
            `Source` record keeps it; every span indexes the normalised text.
        published: The publication date, the anchor for dates such as "on
            Monday" or "November 21". When not given, the source's
            ``published`` date is used, then a leading ``date YYYY-MM-DD``
            line or a dateline with a full date.
        source: A `Source` record to draft from (its title, URL, publisher...).
            Its ``text``, if any, must be *text*. Its id is kept; a
            ``publisher`` it names must be added to the collection before
            the collection validates.

    Returns:
        A `Collection`: the `Source` first, then the people and
        organizations, the meetings, statements, demands, proposals and
        references. It validates with no errors. The news agency of a wire
        dateline (``MOSCOW, March 3 (TASS) —``) is drafted as an
        `Organization` of kind ``outlet`` and made the source's
        ``publisher``, unless *source* names a publisher already.

    Raises:
        ParseError: *text* is empty or holds a lone surrogate, *source* holds
            another text, or neither *published* nor the text gives a date
            to bound the meeting by.
        FieldTypeError: An argument has the wrong type.

    Example:
        >>> import datetime as dt
        >>> drafts = extract(
        ...     "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg "
        ...     "in Madrid on Monday. “We agreed on a great deal,” Lopes said.",
        ...     published=dt.date(2021, 3, 3),
        ... )
        >>> [(record.type, record.draft) for record in drafts][-2:]
        [('meeting', True), ('statement', True)]
        >>> meeting = drafts.of_type(Meeting)[0]
        >>> meeting.date.edtf, meeting.location.name
        ('2021-03-01', 'Madrid')

    .. versionadded:: 0.1.0
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
    draft = _Draft(
        text=text,
        anchor=anchor,
        source=source_record,
        namespace=uuid.UUID(source_record.id.partition("--")[2]),
        paras=paras,
        quotes=quotes,
        quote_opens=[q.open_at for q in quotes],
        sents=sents,
        sent_starts=[s.start for s in sents],
        para_of_sent=para_of_sent,
        dates=find_dates(text, anchor=anchor),
    )
    draft.used_ids.add(source_record.id)
    draft.dateline = _find_dateline(draft)
    draft.body = 0 if draft.dateline is None else draft.dateline.end
    _read_actors(draft)
    _draft_meetings(draft)
    _draft_statements(draft)
    _draft_demands_and_proposals(draft)
    _draft_references(draft)
    actors = _actor_records(draft)
    outlet = _outlet(draft)
    if outlet is not None:
        actors.append(outlet)
        draft.source = attrs.evolve(draft.source, publisher=outlet.id)
    return Collection(records=[draft.source, *actors, *draft.records])


# --- 1. the source and the anchor ---------------------------------------------------------


def _prepare(
    text: str, published: dt.date | None, source: Source | None
) -> tuple[str, dt.date | None, Source]:

    if not isinstance(text, str):
        raise v.type_error("text", "a string", text)
    if published is not None and type(published) is not dt.date:
        raise v.type_error("published", "a date", published)
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
    if not text.strip():
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


# --- 2. actors -------------------------------------------------------------------------------


def _read_actors(draft: _Draft) -> None:
    pending_counterparts: list[tuple[str, int]] = []
    draft.mentions = find_actor_mentions(draft.text)
    draft.mention_index = {m.span.start: i for i, m in enumerate(draft.mentions)}
    # Full names first, so that "Secretary Whitcomb" in a heading finds "Daniel Whitcomb".
    for match in draft.mentions:
        name = match.mention.name
        if match.mention.kind == "person" and name and len(name.split()) > 1:
            draft.book.add(name)
    titled = _read_named(draft, pending_counterparts)
    _index_refs(draft)
    _counterpart_titles(draft, pending_counterparts)
    # Titles alone ("the Polish minister") once every named person has a title.
    for match in titled:
        key = _resolve_title(draft, match.mention, match.span.start)
        if key is not None:
            draft.refs.append(_Ref(match.span.start, match.span.end, key, "title"))
    _index_refs(draft)
    _read_pronouns(draft)


def _read_named(draft: _Draft, pending_counterparts: list[tuple[str, int]]) -> list[MentionMatch]:
    """Read the named people, organizations and states; return the title-only mentions."""
    titled: list[MentionMatch] = []
    for match in draft.mentions:
        mention = match.mention
        start, end = match.span.start, match.span.end
        if mention.kind == "person":
            if mention.name is None:
                titled.append(match)
                continue
            mention = _with_appositive(draft, match, mention)
            key = _person_key(draft, mention, start, end)
            if key is None:
                continue
            via = "name"
            if mention.counterpart:
                pending_counterparts.append((key, start))
        else:
            key = _organization_key(draft, mention, start, end)
            if key is None:
                continue
            via = "body"
        draft.refs.append(_Ref(start, end, key, via))
    return titled


def _with_appositive(draft: _Draft, match: MentionMatch, mention: ActorMention) -> ActorMention:
    """A name after a title in apposition takes the title's facts.

    "his Turkish counterpart, Emre Korkmazer" and "the British foreign
    secretary, Harriet Lockwood" name one person.
    """
    index = draft.mention_index.get(match.span.start, 0)
    if index == 0:
        return mention
    before = draft.mentions[index - 1]
    gap = draft.text[before.span.end : match.span.start]
    title = before.mention
    if not re.fullmatch(r",\s*", gap) or title.name is not None or title.kind != "person":
        return mention
    return attrs.evolve(
        mention,
        title=mention.title or title.title,
        country=mention.country or title.country,
        organization=mention.organization or title.organization,
        counterpart=mention.counterpart or title.counterpart,
    )


def _index_refs(draft: _Draft) -> None:
    draft.refs.sort()
    draft.ref_starts = [r.start for r in draft.refs]


def _read_pronouns(draft: _Draft) -> None:
    """Resolve "he" and "she" outside quotes to the person last named before them."""
    _gender_hints(draft)
    for pronoun in _PRONOUN_RE.finditer(draft.text):
        if draft.in_quote(pronoun.start()) is not None:
            continue
        gender = "m" if pronoun.group(0).lower() in {"he", "him"} else "f"
        key = _antecedent(draft, pronoun.start(), gender)
        if key is not None:
            draft.refs.append(_Ref(pronoun.start(), pronoun.end(), key, "pronoun"))
    _index_refs(draft)


def _counterpart_titles(draft: _Draft, pending_counterparts: list[tuple[str, int]]) -> None:
    """Give "his Russian counterpart X" the title of the person X is the counterpart of."""
    for key, start in pending_counterparts:
        actor = draft.actors[key]
        sentence = draft.sents[draft.sentence_at(start)]
        for other in draft.refs_between(sentence.start, sentence.end):
            partner = draft.actors[other.key]
            if other.key != key and partner.kind == "person" and partner.title:
                actor.title = actor.title or partner.title
                break


def _person_key(draft: _Draft, mention: ActorMention, start: int, end: int) -> str | None:
    if mention.name is None:
        return None
    known = draft.book.resolve(mention.name)
    if known is None:
        if " " not in mention.name.strip():
            return None  # a lone word we have not seen as part of a full name
        known = draft.book.add(mention.name)
    elif len(mention.name.split()) > 1:
        draft.book.add(mention.name)
    key = f"person:{known}"
    actor = draft.actors.get(key)
    if actor is None:
        actor = draft.actors[key] = _Actor(key, "person", Span(start=start, end=end))
    if actor.name is None or (len(mention.name.split()) > len(actor.name.split())):
        actor.name = mention.name
    full = len(mention.name.split()) > 1
    if (
        not mention.counterpart
        and mention.title
        and (actor.title is None or (full and not actor.titled_in_full))
    ):
        # A title given with the full name beats one given with the surname alone.
        actor.title = mention.title
        actor.titled_in_full = full
    actor.country = actor.country or mention.country
    actor.organization = actor.organization or mention.organization
    return key


def _resolve_title(draft: _Draft, mention: ActorMention, start: int) -> str | None:
    """The person a title-only mention ("the Armenian minister") refers back to."""
    if mention.title is None:
        return None
    head = mention.title.split()[-1].casefold()
    heads = _TITLE_HEADS.get(head, {head})
    # The nearest compatible person named before the mention, not too far back; one
    # whose country is not known yet will do if no one of the mention's country does.
    index = bisect.bisect_left(draft.ref_starts, start)
    unknown: str | None = None
    for ref in reversed(draft.refs[max(0, index - _TITLE_REACH) : index]):
        actor = draft.actors[ref.key]
        if actor.kind != "person" or actor.title is None:
            continue
        if not heads & set(actor.title.casefold().split()):
            continue
        if mention.country is None or actor.country == mention.country:
            return ref.key
        if actor.country is None and unknown is None:
            unknown = ref.key
    if unknown is not None:
        draft.actors[unknown].country = mention.country  # "the Vietnamese Minister"
    return unknown


def _organization_key(draft: _Draft, mention: ActorMention, start: int, end: int) -> str | None:
    name = mention.organization
    country = mention.country
    if name is None and country is None:
        return None
    if mention.organization_kind is OrganizationKind.STATE and country is not None:
        return _state_of(draft, country, Span(start=start, end=end))
    key = f"organization:{name or ''}:{country or ''}"
    actor = draft.actors.get(key)
    if actor is None:
        actor = draft.actors[key] = _Actor(key, "organization", Span(start=start, end=end))
        actor.organization = name
        actor.country = country
        actor.org_kind = mention.organization_kind or (
            OrganizationKind.STATE if name is None else OrganizationKind.OTHER
        )
        actor.name = name or (country_name(country) if country else None)
    return key


_ANTECEDENT_SENTENCES: Final = 4
#: How far after a name a pronoun tells its gender: the sentence's first person, anyone.
_PRONOUN_REACH: Final = 60
_PRONOUN_NEAR: Final = 16
#: How many mentions back a title alone ("the Armenian minister") may refer.
_TITLE_REACH: Final = 60
#: How many drafted items back a new one is compared with, to merge or skip it.
_RECENT: Final = 8


def _antecedent(draft: _Draft, offset: int, gender: str | None = None) -> str | None:
    """The person a pronoun at *offset* most likely refers to.

    The subject of its own sentence when someone is named before it there
    ("Lavrov said that he ..."), else the subject of the nearest sentence
    before that names someone, looking past sentences wholly inside a quote
    (a quote that runs on over paragraphs); a person known to be of the
    other gender is passed over.
    """
    back = draft.sentence_at(offset)
    looked = 0
    while back >= 0 and looked < _ANTECEDENT_SENTENCES:
        sentence = draft.sents[back]
        back -= 1
        quote = draft.in_quote(sentence.start)
        if quote is not None and sentence.end <= quote.close_at + 1 and sentence.end <= offset:
            continue  # a sentence wholly inside a quote names no one outside it: look past it
        looked += 1
        people = [
            r
            for r in draft.refs_between(sentence.start, min(sentence.end, offset))
            if draft.is_person(r.key)
            and r.via != "pronoun"
            and draft.in_quote(r.start) is None
            and (gender is None or draft.actors[r.key].gender in {None, gender})
        ]
        if people:
            subjects = [r for r in people if draft.subject_like(r, sentence.start)]
            return (subjects or people)[0].key
    return None


def _gender_hints(draft: _Draft) -> None:
    """Learn who is a man or a woman from "Mr."/"Ms." and from a pronoun after a name.

    The pronoun counts when it comes right after the name ("Lavrov and his
    ...") or when the name is the first person its sentence names as a
    subject, not after a preposition ("After talks with Berg, Lopes said she
    ..."); in "Lopes hoped Berg would join a forum she hosts", "she" tells
    nothing about Berg.
    """
    first_in_sentence: set[int] = set()
    seen: set[int] = set()
    for ref in draft.refs:
        index = draft.sentence_at(ref.start)
        if (
            ref.via == "name"
            and draft.is_person(ref.key)
            and index not in seen
            and draft.subject_like(ref, draft.sents[index].start)
        ):
            seen.add(index)
            first_in_sentence.add(ref.start)
    for ref in draft.refs:
        actor = draft.actors[ref.key]
        if actor.kind != "person" or ref.via != "name":
            continue
        before = draft.text[max(0, ref.start - 6) : ref.start]
        honorific = _HONORIFIC_RE.search(before)
        if honorific is not None:
            actor.gender = "m" if honorific.group(1).lower() == "mr" else "f"
            continue
        sentence = draft.sents[draft.sentence_at(ref.start)]
        following = draft.refs_between(ref.end, sentence.end)
        limit = following[0].start if following else sentence.end
        reach = _PRONOUN_REACH if ref.start in first_in_sentence else _PRONOUN_NEAR
        pronoun = _POSSESSIVE_RE.search(draft.text, ref.end, min(limit, ref.end + reach))
        if (
            pronoun is not None
            and actor.gender is None
            and draft.in_quote(pronoun.start()) is None
            and not _OBJECT_HER_RE.match(draft.text, pronoun.start())
        ):
            actor.gender = "m" if pronoun.group(0).lower() in {"his", "he"} else "f"


def _actor_records(draft: _Draft) -> list[Person | Organization]:
    records: list[Person | Organization] = []
    states: dict[str, str] = {}
    for actor in draft.actors.values():
        if actor.kind == "organization" and actor.org_kind is OrganizationKind.STATE:
            states[actor.country or ""] = _actor_id(draft, actor.key)
    for actor in draft.actors.values():
        record_id = _actor_id(draft, actor.key)
        citation = draft.cite(actor.first.start, actor.first.end, 0.9)
        if actor.kind == "person":
            key = actor.key.partition(":")[2]
            names = draft.book.names(key)
            name = actor.name or names[0]
            records.append(
                Person(
                    id=record_id,
                    name=name,
                    aliases=tuple(n for n in names if n != name),
                    citations=(citation,),
                    draft=True,
                )
            )
            continue
        parent = None
        if actor.org_kind is not OrganizationKind.STATE and actor.country:
            parent = states.get(actor.country)
        records.append(
            Organization(
                id=record_id,
                name=_organization_name(actor),
                kind=actor.org_kind or OrganizationKind.OTHER,
                country=actor.country if actor.country and is_country_code(actor.country) else None,
                parent=parent,
                citations=(citation,),
                draft=True,
            )
        )
    return records


def _outlet(draft: _Draft) -> Organization | None:
    """The news agency a wire dateline names, as the source's publisher.

    ``MOSCOW, March 3 (Northgate Wire) —`` was written by Northgate Wire. A
    publisher the given source names already is kept.
    """
    dateline = draft.dateline
    if dateline is None or dateline.agency is None or draft.source.publisher is not None:
        return None
    name = " ".join(dateline.agency.split())
    start = dateline.agency_start
    return Organization(
        id=stable_id("organization", f"outlet:{name}", namespace=draft.namespace),
        name=name,
        kind=OrganizationKind.OUTLET,
        citations=(draft.cite(start, start + len(dateline.agency), 0.9),),
        draft=True,
    )


def _organization_name(actor: _Actor) -> str:
    if actor.org_kind is OrganizationKind.STATE and actor.country:
        return country_name(actor.country)
    name = actor.organization or actor.name or "unknown organization"
    if actor.org_kind is OrganizationKind.MINISTRY and actor.country and not is_national_body(name):
        return f"{name} of {country_name(actor.country)}"  # not "the FCDO of the United Kingdom"
    return name


def _actor_id(draft: _Draft, key: str) -> str:
    found = draft.actor_ids.get(key)
    if found is None:
        record_type = key.partition(":")[0]
        found = draft.actor_ids[key] = stable_id(record_type, key, namespace=draft.namespace)
    return found


def _state_of(draft: _Draft, country: str | None, at: Span) -> str | None:
    """The key of the state actor for *country*, made if the text never names the state."""
    if country is None or not is_country_code(country):
        return None
    key = f"organization::{country}"
    if key not in draft.actors:
        actor = draft.actors[key] = _Actor(key, "organization", at)
        actor.country = country
        actor.org_kind = OrganizationKind.STATE
        actor.name = country_name(country)
    return key


# --- 3. meetings -------------------------------------------------------------------------------

_NOT_PARTICIPANT_BEFORE: Final = frozenset({"of", "by", "about", "against", "according", "than"})
_MEETING_SEARCH_PARAGRAPHS: Final = 3
#: How many paragraphs (headline, labels) a dateline may come after.
_DATELINE_PARAGRAPHS: Final = 6
_SUBSTANTIAL_WORDS: Final = 12


def _find_dateline(draft: _Draft) -> Dateline | None:
    """The dateline at the top, or atop the first paragraph after headings."""
    dateline = find_dateline(draft.text)
    if dateline is not None:
        return dateline
    for index, paragraph in enumerate(draft.paras[:_DATELINE_PARAGRAPHS]):
        dateline = find_dateline(draft.text, paragraph.start)
        if dateline is not None and dateline.date_text is not None:
            return dateline
        if not _is_heading_paragraph(draft, index):
            break
    return None


def _is_heading_paragraph(draft: _Draft, index: int) -> bool:
    paragraph = draft.paras[index]
    return draft.text[paragraph.end - 1] not in ".!?:;”\"’'"


def _draft_meetings(draft: _Draft) -> None:
    body = draft.body
    found = _main_sentence(draft, body)
    if found is None:
        return
    index, kind, context = found
    sentence = draft.sents[index]
    start = max(sentence.start, body)
    draft.main_sentence = index
    participants_keys = _participants(draft, [index, *context], body)
    status = _status(draft, [index, *context], body)
    date, end_date = _meeting_date(draft, [index, *context], body, status)
    location, place_country = _location(draft, start, sentence.end)
    for other in context:
        if location is None:
            unit = draft.sents[other]
            location, place_country = _location(draft, max(unit.start, body), unit.end)
    words = " ".join(
        draft.text[max(draft.sents[i].start, body) : draft.sents[i].end] for i in [index, *context]
    )
    protocol = next((level for level, rx in _PROTOCOL if rx.search(words)), None)
    capacities = _capacities(draft, participants_keys, start, sentence.end, place_country)
    participants = tuple(
        _participant(draft, key, capacities.get(key), draft.cite(r_start, r_end, 0.8))
        for key, (r_start, r_end) in participants_keys.items()
    )
    countries = {draft.actors[key].country for key in participants_keys} - {None}
    meeting_format = {2: MeetingFormat.BILATERAL, 3: MeetingFormat.TRILATERAL}.get(len(countries))
    if len(countries) > 3:  # noqa: PLR2004 - four or more sides
        meeting_format = MeetingFormat.MULTILATERAL
    host_key = next((k for k, c in capacities.items() if c is Capacity.HOST), None)
    host = None
    if host_key is not None:
        state = _state_of(draft, draft.actors[host_key].country, draft.actors[host_key].first)
        host = None if state is None else _actor_id(draft, state)
    draft.main = Meeting(
        id=draft.rid("meeting", "main"),
        kind=kind,
        date=date,
        end_date=end_date,
        status=status,
        location=location,
        participants=participants,
        host=host,
        format=meeting_format,
        protocol_level=protocol,
        citations=(draft.cite(start, sentence.end, 0.8),),
        draft=True,
    )
    draft.records.append(draft.main)
    if status is EventStatus.HELD:
        signing = _draft_signing(draft, min([index, *context]), body)
        _draft_reception(draft, index, body)
        _draft_press_conference(draft, index, signing)


_CALLED_OFF_RE: Final = re.compile(
    r"\b(?:cancell?ed|called off|scrapped|abandoned)\b", re.IGNORECASE
)
_PUT_OFF_RE: Final = re.compile(
    r"\b(?:postponed|put off|delayed|deferred|rescheduled|had been (?:expected|scheduled|due) to|"
    r"(?:was|were) due to)\b",
    re.IGNORECASE,
)


_AHEAD_RE: Final = re.compile(
    r"\b(?:will|shall|would)\s+(?:(?:also|soon|again|then|first)\s+)?(?:meet|hold|visit|travel|host|"
    r"receive|attend)\b|\b(?:is|are)\s+(?:due|expected|set|scheduled|slated|planning|going)\s+to\s+"
    r"(?:meet|hold|visit|travel|host|receive|attend)\b|\bplans?\s+to\s+(?:meet|visit|hold|host)\b",
    re.IGNORECASE,
)


def _status(draft: _Draft, indices: list[int], body: int) -> EventStatus:
    """Held, unless the meeting's sentences say it was called off, put off or is still to come."""
    words = " ".join(
        _outside_quotes(draft, max(draft.sents[i].start, body), draft.sents[i].end)
        for i in indices
        if draft.sents[i].end > body
    )
    if _CALLED_OFF_RE.search(words):
        return EventStatus.CANCELLED
    if _PUT_OFF_RE.search(words):
        return EventStatus.PLANNED
    main = draft.sents[indices[0]]
    if _AHEAD_RE.search(_outside_quotes(draft, max(main.start, body), main.end)):
        return EventStatus.PLANNED  # "Lavrov will meet Blinken in Geneva on Friday"
    return EventStatus.HELD


def _main_sentence(draft: _Draft, body: int) -> tuple[int, MeetingKind, list[int]] | None:
    """The sentence that reports the meeting, its kind, and sentences that also describe it.

    The first sentence with a meeting cue that names a participant wins; one
    that only describes them ("the foreign ministers of Lithuania and
    Poland") is kept as context, and used as the main one if no sentence
    names anyone. A visit that frames talks reported just after yields the
    talks, with the visit as context.
    """
    described: list[tuple[int, MeetingKind]] = []
    for index, kind, named in _cue_sentences(draft, body):
        if not named:
            described.append((index, kind))
            continue
        context = [i for i, _ in described]
        if kind is MeetingKind.VISIT:
            talks = _talks_after(draft, index, body)
            if talks is not None:
                return talks, MeetingKind.TALKS, [*context, index]
        return index, kind, context
    if described:
        (index, kind), *rest = described
        return index, kind, [i for i, _ in rest]
    return None


_HELD_TALKS_RE: Final = re.compile(
    r"\b(?:held|hold|holding) talks\b|\btalks (?:took place|were held)\b", re.IGNORECASE
)


def _talks_after(draft: _Draft, index: int, body: int) -> int | None:
    """A sentence just after a visit that reports talks held during it."""
    last_para = draft.para_of_sent[index] + 2
    for later in range(index + 1, len(draft.sents)):
        if draft.para_of_sent[later] > last_para:
            break
        unit = draft.sents[later]
        if _HELD_TALKS_RE.search(_outside_quotes(draft, max(unit.start, body), unit.end)):
            return later
    return None


def _cue_sentences(draft: _Draft, body: int) -> list[tuple[int, MeetingKind, bool]]:
    """Sentences of the opening paragraphs with a meeting cue: index, kind, names someone."""
    found: list[tuple[int, MeetingKind, bool]] = []
    seen: set[int] = set()
    for index, sentence in enumerate(draft.sents):
        paragraph = draft.para_of_sent[index]
        unit = draft.paras[paragraph]
        if len(draft.text[unit.start : unit.end].split()) >= _SUBSTANTIAL_WORDS:
            seen.add(paragraph)  # headlines, labels and bylines do not count
        if len(seen) > _MEETING_SEARCH_PARAGRAPHS:
            break
        start = max(sentence.start, body)
        if start >= sentence.end:
            continue
        if _is_heading(draft, index):
            continue
        words = _outside_quotes(draft, start, sentence.end)
        kinds = [k for k, rx in _KIND_CUES if rx.search(words)]
        if not kinds:
            continue
        # A signing is part of the talks it crowns, unless the text reports nothing else.
        kind = next((k for k in kinds if k is not MeetingKind.SIGNING), kinds[0])
        named = any(
            draft.is_person(r.key) and r.via == "name"
            for r in draft.refs_between(start, sentence.end)
            if draft.in_quote(r.start) is None
        )
        if named or _descriptors(draft, start, sentence.end):
            found.append((index, kind, named))
    return found


def _is_heading(draft: _Draft, index: int) -> bool:
    """A headline or label: a paragraph of one sentence with no closing punctuation."""
    sentence = draft.sents[index]
    paragraph_index = draft.para_of_sent[index]
    paragraph = draft.paras[paragraph_index]
    if (sentence.start, sentence.end) != (paragraph.start, paragraph.end):
        return False
    return _is_heading_paragraph(draft, paragraph_index)


def _descriptors(draft: _Draft, start: int, end: int) -> list[tuple[str, set[str]]]:
    """Participants described without names: "the foreign ministers of Lithuania and Poland".

    Each is a title and the countries it is held for; a plural title takes the
    states listed after it.
    """
    found: list[tuple[str, set[str]]] = []
    matches = [m for m in draft.mentions if start <= m.span.start and m.span.end <= end]
    for index, match in enumerate(matches):
        mention = match.mention
        if mention.name is not None or mention.title is None or mention.kind == "organization":
            continue
        if mention.kind == "person" and _resolve_title(draft, mention, match.span.start):
            continue  # refers back to someone named before
        countries = {mention.country} if mention.country else set()
        last = match.span.end
        for following in matches[index + 1 :]:
            gap = draft.text[last : following.span.start]
            state = following.mention.organization_kind is OrganizationKind.STATE
            if mention.kind != "group" or not state or not re.fullmatch(r",?\s*(?:and\s+)?", gap):
                break
            if following.mention.country:
                countries.add(following.mention.country)
            last = following.span.end
        found.append((mention.title, countries))
    return found


def _outside_quotes(draft: _Draft, start: int, end: int) -> str:
    """The text from *start* to *end* with the words of quotes blanked out (offsets kept)."""
    quotes = draft.quotes_between(start, end)
    if not quotes:
        return draft.text[start:end]
    chars = list(draft.text[start:end])
    for quote in quotes:
        for offset in range(max(quote.start, start), min(quote.end, end)):
            chars[offset - start] = " "
    return "".join(chars)


def _participants(draft: _Draft, indices: list[int], body: int) -> dict[str, tuple[int, int]]:
    """Participant keys of the main meeting, each with the span of its first mention there.

    *indices* are the main sentence and the sentences that also describe the meeting.
    """
    chosen: dict[str, tuple[int, int]] = {}
    index = indices[0]
    candidates = list(indices)
    if index + 1 < len(draft.sents):
        following = draft.sents[index + 1]
        if _ALSO_RE.search(draft.text, following.start, following.end):
            candidates.append(index + 1)
    others: dict[str, tuple[int, int]] = {}
    for sentence_index in candidates:
        sentence = draft.sents[sentence_index]
        start = max(sentence.start, body)
        for ref in draft.refs_between(start, sentence.end):
            if draft.in_quote(ref.start) is not None or ref.via == "pronoun":
                continue
            if draft.word_before(ref.start, start) in _NOT_PARTICIPANT_BEFORE and not (
                _AGENT_BY_RE.search(draft.text, max(start, ref.start - 40), ref.start)
            ):
                continue
            actor = draft.actors[ref.key]
            target = chosen if actor.kind == "person" else others
            target.setdefault(ref.key, (ref.start, ref.end))
    for sentence_index in indices:
        _described_participants(draft, draft.sents[sentence_index], body, chosen)
    if chosen:
        return chosen
    return {k: v for k, v in others.items() if draft.actors[k].org_kind is not None}


def _described_participants(
    draft: _Draft, main: Unit, body: int, chosen: dict[str, tuple[int, int]]
) -> None:
    """Add the people named anywhere who hold a title the main sentence lists."""
    for title, countries in _descriptors(draft, max(main.start, body), main.end):
        for ref in draft.refs:
            actor = draft.actors[ref.key]
            if (
                ref.via == "name"
                and actor.kind == "person"
                and actor.title == title
                and (not countries or actor.country in countries)
            ):
                chosen.setdefault(ref.key, (ref.start, ref.end))


def _meeting_date(
    draft: _Draft, indices: list[int], body: int, status: EventStatus
) -> tuple[UncertainDate, UncertainDate | None]:
    """The meeting's date: from its sentences and those about it, else "on or before" publication.

    A meeting put off or called off keeps the date it was due on, if the text gives it.
    """
    allow_future = status is not EventStatus.HELD
    for group in ([indices[0]], indices[1:]):
        if not group:
            continue
        candidates = _date_candidates(draft, group, body, allow_future=allow_future)
        if candidates:
            # A range ("held on 1-2 March") says more than a day ("ended ... on Saturday").
            match = next((m for m in candidates if _is_range(m.date)), candidates[0])
            draft.main_date_match = match
            return _split_range(match.date)
    if draft.anchor is None:
        raise ParseError(
            [
                Issue(
                    path="$",
                    code="extract.no_date",
                    message="the text does not date the meeting and no publication date was "
                    "given: pass published=",
                )
            ]
        )
    text = (
        draft.source.published.derivation.text
        if draft.source.published and draft.source.published.derivation
        else draft.anchor.isoformat()
    )
    if status is EventStatus.HELD:
        derivation = DateDerivation(text=text, rule="on-or-before-publication", anchor=draft.anchor)
        return UncertainDate.between(None, draft.anchor, derivation=derivation), None
    derivation = DateDerivation(text=text, rule="on-or-after-publication", anchor=draft.anchor)
    return UncertainDate.between(draft.anchor, None, derivation=derivation), None


def _date_candidates(  # noqa: C901 - one test per reason a date is not the meeting's
    draft: _Draft, indices: list[int], body: int, *, allow_future: bool
) -> list[DateMatch]:
    """Dates that may be the meeting's, best first.

    Those in its sentence, then in the sentences that also describe it, then
    in sentences about it just after. Only days and ranges qualify: "this
    year" dates no meeting.
    """
    order = list(indices)
    if len(indices) == 1:  # the main sentence: look at the sentences just after it too
        index = indices[0]
        first_para = draft.para_of_sent[index]
        for candidate in range(index + 1, len(draft.sents)):
            if draft.para_of_sent[candidate] > first_para + 1:
                break
            unit = draft.sents[candidate]
            if _EVENT_NOUN_RE.search(draft.text, unit.start, unit.end):
                order.append(candidate)
    found: list[DateMatch] = []
    reported: list[DateMatch] = []
    for candidate in order:
        unit = draft.sents[candidate]
        for match in draft.dates:
            if not unit.start <= match.span.start < unit.end or match.span.start < body:
                continue
            if match.date.precision is not Precision.DAY and not _is_range(match.date):
                continue
            if match.future and not allow_future:
                continue
            before = draft.text[max(unit.start, body) : match.span.start]
            if not _NOT_MEETING_DATE_RE.search(before):
                found.append(match)
            elif _REPORTED_ON_RE.search(before):
                reported.append(_day_after(draft, match, unit))
    # When something was said is the meeting's date only if nothing better dates it:
    # "said on Tuesday after more than three hours of talks".
    return found or reported


def _day_after(draft: _Draft, match: DateMatch, unit: Unit) -> DateMatch:
    """A date "a day after" the talks dates them the day before."""
    after = _DAY_AFTER_RE.match(draft.text, match.span.end, unit.end)
    if after is None or not match.date.is_exact or match.date.earliest is None:
        return match
    day = match.date.earliest - dt.timedelta(days=1)
    derivation = DateDerivation(
        text=draft.text[match.span.start : after.end()],
        rule="day-before-stated-date",
        anchor=draft.anchor,
    )
    return attrs.evolve(match, date=UncertainDate.day(day, derivation=derivation))


def _is_range(date: UncertainDate) -> bool:
    derivation = date.derivation
    return (
        derivation is not None
        and derivation.rule.startswith("range")
        and date.is_interval
        and date.earliest is not None
        and date.latest is not None
    )


def _split_range(date: UncertainDate) -> tuple[UncertainDate, UncertainDate | None]:
    if _is_range(date) and date.earliest is not None and date.latest is not None:
        derivation = date.derivation
        return (
            UncertainDate.day(date.earliest, derivation=derivation),
            UncertainDate.day(date.latest, derivation=derivation),
        )
    return date, None


def _location(draft: _Draft, start: int, end: int) -> tuple[Location | None, str | None]:
    for ref in draft.refs_between(start, end):
        actor = draft.actors[ref.key]
        if actor.kind != "organization" or actor.org_kind is not OrganizationKind.STATE:
            continue
        if not _PLACE_BEFORE_RE.search(draft.text, max(start, ref.start - 40), ref.start):
            continue
        name = draft.text[ref.start : ref.end]
        if name[:1].islower() or name.startswith(("The ", "the ")):
            continue
        return Location(name=name, country=actor.country), actor.country
    return None, None


def _capacities(
    draft: _Draft,
    keys: dict[str, tuple[int, int]],
    start: int,
    end: int,
    place_country: str | None,
) -> dict[str, Capacity]:
    words = draft.text[start:end]
    capacities: dict[str, Capacity] = {}
    if place_country is not None and re.search(r"\bvisit|\barrived\b", words, re.IGNORECASE):
        for key in keys:
            country = draft.actors[key].country
            if country is not None:
                capacities[key] = Capacity.HOST if country == place_country else Capacity.VISITOR
    elif _HOST_RE.search(words) and len(keys) > 1:
        first = next(iter(keys))
        for key in keys:
            capacities[key] = Capacity.HOST if key == first else Capacity.VISITOR
    return capacities


def _participant(
    draft: _Draft, key: str, capacity: Capacity | None, citation: Citation
) -> Participant:
    actor = draft.actors[key]
    represents = None
    if actor.kind == "person":
        state = _state_of(draft, actor.country, actor.first)
        represents = None if state is None else _actor_id(draft, state)
    return Participant(
        actor=_actor_id(draft, key),
        title=actor.title if actor.kind == "person" else None,
        represents=represents,
        capacity=capacity,
        citations=(citation,),
    )


_RECEPTION_RE: Final = re.compile(
    r"\b(?:state |official |gala )?(?:banquet|dinner|luncheon)\b|"
    r"\breception in (?:his|her|their) honou?r\b",
    re.IGNORECASE,
)
#: How many paragraphs after the main sentence a signing or reception may be reported.
_PART_PARAGRAPHS: Final = 4


def _draft_signing(draft: _Draft, main_index: int, body: int) -> Meeting | None:
    """A signing reported with the talks, as a meeting that is part of them."""
    main = draft.main
    if main is None or main.kind is MeetingKind.SIGNING:
        return None
    signing_re = next(rx for kind, rx in _KIND_CUES if kind is MeetingKind.SIGNING)
    return _draft_part(
        draft, main, main_index=main_index, body=body, kind=MeetingKind.SIGNING, cue_re=signing_re
    )


def _draft_reception(draft: _Draft, main_index: int, body: int) -> Meeting | None:
    """A banquet, dinner or reception given during the visit, as part of the meeting."""
    main = draft.main
    if main is None or main.kind is MeetingKind.RECEPTION:
        return None
    return _draft_part(
        draft,
        main,
        main_index=main_index,
        body=body,
        kind=MeetingKind.RECEPTION,
        cue_re=_RECEPTION_RE,
    )


def _draft_part(
    draft: _Draft,
    main: Meeting,
    *,
    main_index: int,
    body: int,
    kind: MeetingKind,
    cue_re: re.Pattern[str],
) -> Meeting | None:
    """A part of the main meeting (a signing, a banquet) reported in the paragraphs after it.

    Its participants are the meeting's and the people named where it is reported.
    """
    last_para = draft.para_of_sent[main_index] + _PART_PARAGRAPHS
    for index in range(main_index, len(draft.sents)):
        if draft.para_of_sent[index] > last_para:
            return None
        sentence = draft.sents[index]
        words = _outside_quotes(draft, sentence.start, sentence.end)
        match = cue_re.search(words)
        if match is None or _PLANNED_RE.search(words):
            continue
        date, end_date = main.date, None
        for found in draft.dates:
            if sentence.start <= found.span.start < sentence.end and found.span.start >= body:
                before = draft.text[max(sentence.start, body) : found.span.start]
                if not (found.future or _NOT_MEETING_DATE_RE.search(before)):
                    date, end_date = _split_range(found.date)
                    break
        participants = list(main.participants)
        taking_part = {p.actor for p in participants}
        for ref in draft.refs_between(max(sentence.start, body), sentence.end):
            actor_id = _actor_id(draft, ref.key)
            if draft.is_person(ref.key) and ref.via == "name" and actor_id not in taking_part:
                citation = draft.cite(ref.start, ref.end, 0.7)
                participants.append(_participant(draft, ref.key, None, citation))
                taking_part.add(actor_id)
        part = Meeting(
            id=draft.rid("meeting", kind.value),
            kind=kind,
            date=date,
            end_date=end_date,
            status=EventStatus.HELD,
            participants=tuple(participants),
            part_of=main.id,
            location=main.location,
            citations=(
                draft.cite(sentence.start + match.start(), sentence.start + match.end(), 0.7),
            ),
            draft=True,
        )
        draft.records.append(part)
        return part
    return None


def _draft_press_conference(draft: _Draft, main_index: int, signing: Meeting | None) -> None:
    main = draft.main
    if main is None:
        return
    for index in range(main_index, len(draft.sents)):
        sentence = draft.sents[index]
        match = _PRESS_RE.search(_outside_quotes(draft, sentence.start, sentence.end))
        if match is None:
            continue
        # After a signing, on its day; otherwise over the meeting's days.
        dated = signing if signing is not None else main
        draft.press = Meeting(
            id=draft.rid("meeting", "press-conference"),
            kind=MeetingKind.PRESS_CONFERENCE,
            date=dated.date,
            end_date=dated.end_date,
            status=EventStatus.HELD,
            participants=main.participants,
            part_of=main.id,
            location=main.location,
            citations=(
                draft.cite(sentence.start + match.start(), sentence.start + match.end(), 0.7),
            ),
            draft=True,
        )
        first = draft.sent_starts.index(draft.paras[draft.para_of_sent[index]].start)
        draft.press_from = draft.sents[first].start
        draft.records.append(draft.press)
        return


def _meeting_at(draft: _Draft, offset: int) -> str | None:
    if draft.press is not None and offset >= draft.press_from:
        return draft.press.id
    return None if draft.main is None else draft.main.id


# --- 4. statements -------------------------------------------------------------------------

_MIN_QUOTE_WORDS: Final = 4
# A speaker named after a quote whom the text does not let us resolve: someone
# unnamed ("a senior State Department official said") or a name we never saw in full.
_UNNAMED_SPEAKER_RE: Final = re.compile(
    rf"[\s,.;:—–-]*(?:(?:{_SPEECH})\s+)?(?:(?:an?|the|one)\s+(?:[\w.’'-]+\s+){{0,4}}?"
    r"(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|aides?|advis[eo]rs?|analysts?"
    r"|people|person)\b|[A-Z][\w’'-]+(?=\s+(?:said|says|added|told)\b))"
)
_AFTER_WINDOW: Final = 80
_MODIFIERS_RE: Final = re.compile(r"[\s,.;:—–-]*(?:[a-z][\w-]*\s+){0,3}")
_TRAILING_SPEECH_RE: Final = re.compile(rf"^[\s,.;:—–-]*(?:{_SPEECH})\b", re.IGNORECASE)
_LEADING_SPEECH_RE: Final = re.compile(rf"^\s*(?:[a-z]+\s+)?(?:{_SPEECH})\b", re.IGNORECASE)
_INTRODUCED_RE: Final = re.compile(r"[:,]\s*$")
_SENTENCE_END_RE: Final = re.compile(r"[.!?…][’']?\s*$")


def _draft_statements(draft: _Draft) -> None:
    direct_sentences: set[int] = set()
    previous: _Said | None = None
    for quote in draft.quotes:
        if not _is_direct(draft, quote):
            continue
        attribution = _attribute(draft, quote, previous)
        if attribution is None:
            continue
        said = _add_statement(
            draft,
            key=attribution.key,
            start=quote.start,
            end=quote.end,
            mode=StatementMode.DIRECT_QUOTE,
            confidence=QUOTE_WORDS,
            speaker_citation=draft.cite(
                attribution.span.start, attribution.span.end, attribution.confidence
            ),
        )
        previous = said
        direct_sentences.add(draft.sentence_at(quote.open_at))
        direct_sentences.add(draft.sentence_at(quote.close_at))
    for index, sentence in enumerate(draft.sents):
        if index in direct_sentences:
            continue
        _reported(draft, index, sentence)
    draft.said.sort(key=lambda s: s.start)


def _is_direct(draft: _Draft, quote: Quote) -> bool:
    """Whether a quote is a statement of its own, rather than a phrase quoted inside a sentence."""
    words = draft.text[quote.start : quote.end]
    sentence = draft.sents[draft.sentence_at(quote.open_at)]
    # A dateline is no part of the sentence: "ANKARA, May 17 (Wire) - “We did not come ...”"
    before = draft.text[max(sentence.start, draft.body) : quote.open_at]
    if not before.strip() or _INTRODUCED_RE.search(before):
        return (
            len(words.split()) >= _MIN_QUOTE_WORDS
            or _SENTENCE_END_RE.search(words) is not None
            or words.rstrip().endswith(",")  # “We are ready,” she said, “to talk.”
        )
    # Mid-sentence: a quote of its own only if it is a whole sentence ("He said “We will.”").
    return (
        words[:1].isupper()
        and _SENTENCE_END_RE.search(words) is not None
        and _SPEECH_RE.search(before[-40:]) is not None
        and not before.rstrip().endswith("that")
    )


def _attribute(  # noqa: C901, PLR0911 - one branch per attribution rule, tried in order
    draft: _Draft, quote: Quote, previous: _Said | None
) -> _Attribution | None:
    close_paragraph = draft.paras[draft.para_of_sent[draft.sentence_at(quote.close_at)]]
    tail = draft.text[quote.close_at + 1 : min(close_paragraph.end, quote.close_at + _AFTER_WINDOW)]
    unnamed = _UNNAMED_SPEAKER_RE.match(tail)
    if unnamed is not None and not draft.refs_between(
        quote.close_at + 1, quote.close_at + 1 + unnamed.end()
    ):
        return None  # "a senior official said", "Abiy said": someone we cannot name
    # 1. named after the quote: “...,” said Lavrov. / “...,” Lavrov said. / “...,” he added.
    for ref in draft.refs_between(
        quote.close_at + 1, min(close_paragraph.end, quote.close_at + _AFTER_WINDOW)
    ):
        if draft.in_quote(ref.start) is not None:
            break
        gap = _HONORIFIC_RE.sub("", draft.text[quote.close_at + 1 : ref.start])
        rest = draft.text[ref.end : min(ref.end + 30, close_paragraph.end)]
        # "...,” ministry spokesman Rizal Pratama told reporters: lower-case words may
        # come before the name.
        if _TRAILING_SPEECH_RE.search(gap) or (
            _MODIFIERS_RE.fullmatch(gap) and _LEADING_SPEECH_RE.search(rest)
        ):
            confidence = SPEAKER_NAMED if ref.via == "name" else SPEAKER_REFERRED
            return _person_or_speaker(ref, confidence)
        break
    # 2. the second quote of a speaker named between the two: “...,” X said. “...”
    found = draft.sents[draft.sentence_at(quote.open_at)]
    open_sentence = Unit(max(found.start, min(draft.body, quote.open_at)), found.end)
    paragraph = draft.paras[draft.para_of_sent[draft.sentence_at(quote.open_at)]]
    if (
        previous is not None
        and previous.mode is StatementMode.DIRECT_QUOTE
        and paragraph.start <= previous.start
        and not draft.text[open_sentence.start : quote.open_at].strip()
        and all(
            r.key == previous.speaker
            for r in draft.refs_between(previous.end, quote.open_at)
            if draft.is_person(r.key)
        )
    ):
        return _Attribution(previous.speaker, previous.mention, previous.confidence)
    # 3. named before it in the same sentence: Lavrov said: “...” / According to Lavrov, “...”
    before_refs = [
        r
        for r in draft.refs_between(open_sentence.start, quote.open_at)
        if draft.in_quote(r.start) is None
    ]
    before = draft.text[open_sentence.start : quote.open_at]
    if before_refs and (_SPEECH_RE.search(before) or _INTRODUCED_RE.search(before)):
        chosen = _speaker_among(draft, before_refs, open_sentence.start)
        if chosen is not None:
            confidence = SPEAKER_NAMED if chosen.via == "name" else SPEAKER_REFERRED
            return _person_or_speaker(chosen, confidence)
    # 4. introduced by the paragraph before, ending in a colon.
    paragraph_index = draft.para_of_sent[draft.sentence_at(quote.open_at)]
    if not draft.text[paragraph.start : quote.open_at].strip() and paragraph_index > 0:
        earlier = draft.paras[paragraph_index - 1]
        if draft.text[earlier.start : earlier.end].rstrip().endswith(":"):
            last = draft.sents[draft.sentence_at(earlier.end - 1)]
            refs = [
                r
                for r in draft.refs_between(last.start, last.end)
                if draft.in_quote(r.start) is None
            ]
            chosen = _speaker_among(draft, refs, last.start)
            if chosen is not None:
                return _person_or_speaker(chosen, SPEAKER_COLON)
        # 5. a quote paragraph right after another quote of one speaker.
        if previous is not None and previous.end >= earlier.start:
            return _Attribution(previous.speaker, previous.mention, SPEAKER_CONTINUED)
    # 6. the person named last before the quote, outside quotes.
    key = _antecedent(draft, quote.open_at)
    if key is None:
        return None
    named_before = draft.refs[: bisect.bisect_left(draft.ref_starts, quote.open_at)]
    last_ref = next(r for r in reversed(named_before) if r.key == key)
    return _Attribution(key, Span(start=last_ref.start, end=last_ref.end), SPEAKER_GUESSED)


def _person_or_speaker(ref: _Ref, confidence: float) -> _Attribution:
    return _Attribution(ref.key, Span(start=ref.start, end=ref.end), confidence)


def _speaker_among(draft: _Draft, refs: list[_Ref], floor: int) -> _Ref | None:
    """The speaker among the mentions of a sentence: "according to X", else its subject.

    "She quoted him as saying" gives the one quoted, not the one quoting.
    """
    if not refs:
        return None
    for ref in refs:
        if _WHO_SAID_RE.match(draft.text, ref.end):
            return ref  # "Kuleba, who said: “...”"
    quoted = _QUOTED_AS_RE.search(draft.text, floor, refs[-1].end + 80)
    if quoted is not None:
        inside = [r for r in refs if quoted.start() < r.start < quoted.end()]
        if inside:
            return inside[0]
    for ref in refs:
        if _ACCORDING_RE.search(draft.text, max(floor, ref.start - 20), ref.start):
            return ref
    people = [r for r in refs if draft.is_person(r.key)] or refs
    for ref in people:
        if draft.subject_like(ref, floor):
            return ref
    return people[-1]


def _add_statement(
    draft: _Draft,
    *,
    key: str,
    start: int,
    end: int,
    mode: StatementMode,
    confidence: float,
    speaker_citation: Citation,
) -> _Said:
    meeting = _meeting_at(draft, start)
    statement = Statement(
        id=draft.rid("statement", f"{start}-{end}"),
        speaker=_actor_id(draft, key),
        text=draft.text[start:end],
        mode=mode,
        meeting=meeting,
        citations=(draft.cite(start, end, confidence), speaker_citation),
        draft=True,
    )
    draft.records.append(statement)
    mention = speaker_citation.spans[0]
    said = _Said(
        statement.id, key, start, end, mode, meeting, mention, speaker_citation.confidence or 0.0
    )
    draft.said.append(said)
    return said


def _reported(draft: _Draft, index: int, sentence: Unit) -> None:
    """Draft reported (or mixed) speech from one sentence with a speech verb and a speaker.

    A sentence of several clauses ("X said ...; Y said ...") or of coordinated
    speech verbs ("X thanked ... and underscored that ...") gives one
    statement per clause.
    """
    words = _outside_quotes(draft, sentence.start, sentence.end)
    if index == draft.main_sentence or len(words.split()) < _MIN_REPORTED_WORDS:
        return  # the meeting's own sentence reports the meeting, not what was said
    clause_start = sentence.start
    for cut in [*(sentence.start + m.start() for m in re.finditer(r";\s", words)), sentence.end]:
        _reported_clause(draft, Unit(clause_start, cut), words[clause_start - sentence.start :])
        clause_start = cut + 1
        while clause_start < sentence.end and draft.text[clause_start].isspace():
            clause_start += 1


def _reported_clause(draft: _Draft, clause: Unit, words: str) -> None:
    refs = [
        r for r in draft.refs_between(clause.start, clause.end) if draft.in_quote(r.start) is None
    ]
    found: list[tuple[int, _Ref]] = []  # (start of the statement, its speaker)
    for verb in _REPORTED_RE.finditer(words, 0, clause.end - clause.start):
        verb_at = clause.start + verb.start()
        if found and re.search(r"\band\s+$", draft.text[max(clause.start, verb_at - 6) : verb_at]):
            found.append((verb_at, found[-1][1]))  # "... and underscored that"
            continue
        if found:
            continue
        rest = draft.text[clause.start + verb.end() : clause.end].strip()
        if rest == ":" or (rest.startswith(":") and draft.in_quote(clause.end) is not None):
            continue  # "In his toast, the President said:" introduces a quote; it says nothing
        speaker = _reporting_speaker(draft, refs, clause, verb_at, verb.group(0))
        if speaker is not None:
            found.append((clause.start, speaker))
    for position, (start, speaker) in enumerate(found):
        end = found[position + 1][0] if position + 1 < len(found) else clause.end
        end = _trim_clause_end(draft, start, end)
        has_fragment = any(start <= q.open_at < end for q in draft.quotes_between(start, end))
        confidence = SPEAKER_NAMED if speaker.via == "name" else SPEAKER_REFERRED
        _add_statement(
            draft,
            key=speaker.key,
            start=start,
            end=end,
            mode=StatementMode.MIXED if has_fragment else StatementMode.REPORTED,
            confidence=0.7,
            speaker_citation=draft.cite(speaker.start, speaker.end, confidence),
        )


def _reporting_speaker(
    draft: _Draft, refs: list[_Ref], clause: Unit, verb_at: int, verb: str
) -> _Ref | None:
    """Who a speech verb is said by: the person after "according to", else the subject."""
    if verb.lower() == "according to":
        return next((r for r in refs if r.start >= verb_at and draft.is_person(r.key)), None)
    before = [r for r in refs if r.end <= verb_at and draft.subject_like(r, clause.start)]
    people = [r for r in before if draft.is_person(r.key)]
    if people:
        return people[0]
    return before[-1] if before else None


def _trim_clause_end(draft: _Draft, start: int, end: int) -> int:
    """Drop the punctuation and the joining "and" a clause ends with."""
    while True:
        trimmed = draft.text[start:end].rstrip(" ,.:;\n")
        if trimmed.endswith(" and"):
            trimmed = trimmed[: -len(" and")]
            end = start + len(trimmed)
            continue
        return start + len(trimmed)


# --- 5. demands and proposals ----------------------------------------------------------------


class _Unit(NamedTuple):
    """Where to look for demands and proposals: a statement or a narrative sentence."""

    start: int
    end: int
    speaker: str | None  # actor key of the statement's speaker
    statement: str | None  # statement id
    meeting: str | None


def _units(draft: _Draft) -> list[_Unit]:
    units = [_Unit(s.start, s.end, s.speaker, s.id, s.meeting) for s in draft.said]
    # Statements do not overlap each other, so the one starting last before a
    # sentence's end is the only one that can cover it... or the one after it.
    starts = [said.start for said in draft.said]
    for sentence in draft.sents:
        index = bisect.bisect_left(starts, sentence.end) - 1
        if index >= 0 and draft.said[index].end > sentence.start:
            continue
        units.append(
            _Unit(sentence.start, sentence.end, None, None, _meeting_at(draft, sentence.start))
        )
    units.sort()
    return units


def _draft_demands_and_proposals(draft: _Draft) -> None:
    proposals: list[tuple[Proposal, int, str | None]] = []
    units = _units(draft)
    for position, unit in enumerate(units):
        words = draft.text[unit.start : unit.end]
        cue_re = _DEMAND_RE if unit.statement is not None else _DEMAND_NARRATIVE_RE
        for cue in cue_re.finditer(words):
            _demand(
                draft,
                unit,
                cue_start=unit.start + cue.start(),
                cue_end=unit.start + cue.end(),
                units=units,
                position=position,
            )
        for cue in _PROPOSAL_RE.finditer(words):
            at = unit.start + cue.start()
            if any(_span_of(p)[0] <= at < _span_of(p)[1] for p, _, _ in proposals[-_RECENT:]):
                continue  # "X proposed that the three countries invite Y": one proposal
            made = _proposal(
                draft, unit, unit.start + cue.start(), unit.start + cue.end(), cue.group(0)
            )
            if made is not None:
                proposals.append((made, unit.start + cue.end(), unit.statement))
    for proposal, after, statement in proposals:
        draft.records.append(_with_response(draft, proposal, after, statement))


def _span_of(record: Proposal) -> tuple[int, int]:
    span = record.citations[0].spans[0]
    return span.start, span.end


def _clause_end(draft: _Draft, start: int, unit: _Unit) -> int:
    """End of the clause that starts at *start*: the sentence end, within the unit."""
    sentence = draft.sents[draft.sentence_at(start)]
    end = min(sentence.end, unit.end)
    quote = draft.in_quote(start)
    if quote is not None:
        end = min(end, quote.end)
    match = _CLAUSE_END_RE.search(draft.text, start, end)
    if match is not None:
        end = match.start()
    while end > start and draft.text[end - 1] in ' ,:;.”"':
        end -= 1
    return end


# A sentence end, or a comma before a new clause: ", and Baerbock accepted".
_CLAUSE_END_RE: Final = re.compile(r"[.;!?](?:\s|$)|,\s+(?:and|but|while|whereas)\s")


def _actor_before(draft: _Draft, unit: _Unit, at: int) -> _Ref | None:
    """The subject of a cue at *at*: the nearest mention before it in its sentence."""
    sentence = draft.sents[draft.sentence_at(at)]
    floor = max(sentence.start, unit.start)
    refs = [r for r in draft.refs_between(floor, at) if draft.subject_like(r, floor)]
    return refs[-1] if refs else None


_PROPOSED_BEFORE_RE: Final = re.compile(r"\b(?:propos|suggest|offer)\w*\b", re.IGNORECASE)
_NOUN_BEFORE_RE: Final = re.compile(
    r"\b(?:a|an|the|video|phone|its|their|his|her)\s+$", re.IGNORECASE
)


def _demand(  # noqa: C901, PLR0912 - one branch per form of demand
    draft: _Draft, unit: _Unit, *, cue_start: int, cue_end: int, units: list[_Unit], position: int
) -> None:
    cue = draft.text[cue_start:cue_end].lower()
    clause_start = _last_clause(draft, max(unit.start, cue_start - 120), cue_start)
    if _PROPOSED_BEFORE_RE.search(draft.text, clause_start, cue_start):
        return  # "proposed that the two countries jointly ask the EU to ...": a proposal
    addressee: _Ref | None = None
    start = cue_start
    if cue in {"should", "must"}:
        # "Turkey should withdraw": the addressee is the subject of "should".
        sentence = draft.sents[draft.sentence_at(cue_start)]
        floor = max(sentence.start, unit.start)
        nearby = draft.refs_between(max(floor, cue_start - 60), cue_start)
        if nearby and not draft.text[nearby[-1].end : cue_start].strip():
            addressee = nearby[-1]
            start = addressee.start
        else:
            # "Countries that have more doses than they need must share them": the clause.
            start = max(floor, _last_clause(draft, floor, cue_start))
            while start < cue_start and not draft.text[start].isalnum():
                start += 1
        actor_key = unit.speaker
    elif _NOUN_BEFORE_RE.search(draft.text, max(0, cue_start - 12), cue_start):
        return  # "a video call on Tuesday", "the demands of": nouns, not demands
    else:
        after = draft.refs_between(cue_end, min(unit.end, cue_end + 60))
        if after and not draft.text[cue_end : after[0].start].strip(" the"):
            addressee = after[0]
        subject = _actor_before(draft, unit, cue_start)
        actor_key = unit.speaker or (subject.key if subject else None)
        if cue.startswith("expect"):
            start = cue_start
        elif subject is not None:
            start = min(start, _phrase_start(draft, subject.start, cue_start))
    if actor_key is None:
        return
    if addressee is not None and addressee.key == actor_key:
        addressee = None
    end = _clause_end(draft, cue_end, unit)
    if end <= start:
        return
    evidence: tuple[str, ...] = ()
    if unit.statement is not None and unit.speaker == actor_key:
        evidence = (unit.statement,)
    elif draft.text[unit.start : unit.end].rstrip().endswith(":") and position + 1 < len(units):
        following = units[position + 1]
        if following.statement is not None and following.speaker == actor_key:
            evidence = (following.statement,)
    words = draft.text[start:end]
    urgency = next((level for level, rx in _URGENCY if rx.search(words)), None)
    draft.records.append(
        Demand(
            id=draft.rid("demand", f"{start}-{end}"),
            actor=_actor_id(draft, actor_key),
            content=words,
            addressees=() if addressee is None else (_actor_id(draft, addressee.key),),
            urgency=urgency,
            evidence=evidence,
            meeting=unit.meeting,
            citations=(draft.cite(start, end, 0.6),),
            draft=True,
        )
    )


def _phrase_start(draft: _Draft, subject_start: int, cue_start: int) -> int:
    """Start of the noun phrase a cue's clause is about: "prisoner exchange which X demanded"."""
    window = draft.text[max(0, subject_start - 80) : subject_start]
    match = re.search(r"(?:the issue of |of )?([\w-]+(?: [\w-]+){0,3}) (?:which|that) $", window)
    if match is None:
        return subject_start
    del cue_start
    return subject_start - len(window) + match.start(1)


def _proposal(
    draft: _Draft, unit: _Unit, cue_start: int, cue_end: int, cue: str
) -> Proposal | None:
    lowered = cue.lower()
    # "accepted the invitation" answers a proposal; it is not a new one.
    if _ACCEPT_RE.search(draft.text, max(unit.start, cue_start - 30), cue_start):
        return None
    if _NOUN_BEFORE_RE.search(draft.text, max(0, cue_start - 12), cue_start) or re.search(
        r"\b(?:consider|welcomed?|rejected|declined)\s+(?:the\s+)?(?:\w+\s+)?$",
        draft.text[max(0, cue_start - 40) : cue_start],
        re.IGNORECASE,
    ):
        return None  # "the offer", "would consider the Russian offer": a noun
    subject = _actor_before(draft, unit, cue_start)
    inside = draft.in_quote(cue_start) is not None
    words_before = draft.text[max(unit.start, cue_start - 25) : cue_start]
    if subject is not None and (not inside or not _FIRST_PERSON_RE.search(words_before)):
        actor_key: str | None = subject.key
        start = subject.start
    else:
        actor_key = unit.speaker
        start = cue_start
        first_person = list(_FIRST_PERSON_RE.finditer(words_before))
        if first_person:
            start = cue_start - len(words_before) + first_person[-1].start()
    if actor_key is None:
        return None
    addressees: tuple[str, ...] = ()
    after = draft.text[cue_end : cue_end + 12]
    if re.match(r"\s+(?:me|us)\b", after) and unit.speaker is not None:
        addressees = (_actor_id(draft, unit.speaker),)
    else:
        following = draft.refs_between(cue_end, cue_end + 40)
        if following and not draft.text[cue_end : following[0].start].strip(" the"):
            addressees = (_actor_id(draft, following[0].key),)
    end = _clause_end(draft, cue_end, unit)
    if end <= start:
        return None
    kind = next(k for stem, k in _PROPOSAL_KIND if stem in lowered)
    evidence = (unit.statement,) if unit.statement and unit.speaker == actor_key else ()
    if actor_key == unit.speaker:
        addressees = tuple(a for a in addressees if a != _actor_id(draft, actor_key))
    return Proposal(
        id=draft.rid("proposal", f"{start}-{end}"),
        actor=_actor_id(draft, actor_key),
        content=draft.text[start:end],
        kind=kind,
        addressees=addressees,
        status=ProposalStatus.PENDING,
        evidence=evidence,
        meeting=unit.meeting,
        citations=(draft.cite(start, end, 0.6),),
        draft=True,
    )


def _responder_before(draft: _Draft, floor: int, at: int) -> _Ref | None:
    """Who accepts or declines: the person named last before the verb in its clause."""
    floor = max(floor, _last_clause(draft, floor, at) if "," in draft.text[floor:at] else floor)
    refs = [r for r in draft.refs_between(floor, at) if draft.in_quote(r.start) is None]
    people = [r for r in refs if draft.is_person(r.key)]
    if people:
        return people[-1]
    return refs[-1] if refs else None


def _with_response(
    draft: _Draft, proposal: Proposal, after: int, statement: str | None
) -> Proposal:
    """The proposal with its acceptance or rejection, if the next words give one."""
    sentence_index = draft.sentence_at(after)
    last = draft.sents[min(len(draft.sents) - 1, sentence_index + 2)]
    window_end = last.end
    quote = draft.in_quote(after)
    for stance, pattern in (
        (ResponseStance.ACCEPTED, _ACCEPT_RE),
        (ResponseStance.REJECTED, _REJECT_RE),
    ):
        match = pattern.search(draft.text, after, window_end)
        if match is None:
            continue
        at = match.start()
        responder: str | None = None
        index = bisect.bisect_right(draft.said, at, key=lambda s: s.start) - 1
        said = draft.said[index] if index >= 0 and at < draft.said[index].end else None
        if quote is not None and quote.start <= at < quote.end and said is not None:
            responder = said.speaker  # "I will be happy to come", in the speaker's own words
        else:
            sentence = draft.sents[draft.sentence_at(at)]
            subject = _responder_before(draft, sentence.start, at)
            responder = subject.key if subject else None
        if responder is None or _actor_id(draft, responder) == proposal.actor:
            continue
        end = _clause_end(draft, at, _Unit(at, window_end, None, None, None))
        response = Response(
            actor=_actor_id(draft, responder),
            stance=stance,
            statement=said.id if said is not None and said.speaker == responder else None,
            citations=(draft.cite(at, max(end, match.end()), 0.6),),
        )
        status = (
            ProposalStatus.ACCEPTED
            if stance is ResponseStance.ACCEPTED
            else ProposalStatus.REJECTED
        )
        del statement
        return attrs.evolve(proposal, responses=(response,), status=status)
    return proposal


# --- 6. references ---------------------------------------------------------------------------


#: Planned-event cues closer than this (in characters) to a reference already
#: drafted are taken to speak of the same event ("he would visit Yerevan ... I
#: will be happy to come").
_SAME_PLAN: Final = 200


def _draft_references(draft: _Draft) -> None:
    main = draft.main
    if main is None:
        return
    body = draft.body
    made: list[_Pending] = []
    for match in draft.dates:
        if match.span.start < body or match is draft.main_date_match:
            continue
        if _in_unheld_main(draft, match.span.start):
            continue  # the planned meeting itself
        sentence = draft.sents[draft.sentence_at(match.span.start)]
        if match.future and _PAST_EVENT_BEFORE_RE.search(
            draft.text, max(sentence.start, match.span.start - 40), match.span.start
        ):
            # "He said X would ask ... when the officials met in Foz do Iguaçu in July": the
            # sentence points ahead, but the date is a past event's; read it on its own.
            with contextlib.suppress(ParseError):
                past = parse_date(match.text, anchor=draft.anchor)
                match = attrs.evolve(match, date=past, future=False)  # noqa: PLW2901
        relation, start, end = _relation(draft, match, sentence)
        if relation is not None:
            made.append(_Pending(relation, start, end, match.date))
    _planned_references(draft, made)
    for pending in made:
        _add_reference(draft, main, pending)


def _planned_references(draft: _Draft, made: list["_Pending"]) -> None:
    """Planned events named without a date: "he would visit Yerevan"."""
    for sentence in draft.sents:
        for cue in _PLANNED_RE.finditer(draft.text, sentence.start, sentence.end):
            if _in_unheld_main(draft, cue.start()):
                continue
            start = _planned_start(draft, sentence, cue.start())
            end = _clause_end(
                draft, cue.end(), _Unit(sentence.start, sentence.end, None, None, None)
            )
            end = max(end, cue.end())
            if _UNDECIDED_RE.search(draft.text, max(sentence.start, cue.start() - 40), cue.start()):
                continue  # "did not say whether he would travel"
            if any(p.start <= cue.start() < p.end for p in made[-_RECENT:]):
                continue
            same = _same_plan(
                draft, made, start, end, bare=_BARE_TRIP_RE.search(cue.group(0)) is not None
            )
            if same is not None:
                same.more.append((start, end))  # cited again: "I will be happy to come"
                continue
            made.append(_Pending(Relation.PLANNED, start, end, None))


class _Pending:
    """A reference being drafted: its relation, its words, its date, other words about it."""

    __slots__ = ("date", "end", "more", "relation", "start")

    def __init__(
        self, relation: Relation, start: int, end: int, date: UncertainDate | None
    ) -> None:
        self.relation = relation
        self.start = start
        self.end = end
        self.date = date
        self.more: list[tuple[int, int]] = []


_PAST_EVENT_BEFORE_RE: Final = re.compile(
    r"\b(?:met|visited|spoke|signed|took place|was held|were held)\b[^.;,]*$", re.IGNORECASE
)
_EVENT_LATER_RE: Final = re.compile(
    r",?\s+[^.;:,\u201c\u201d\"]{0,60}?\b(?:met|visited|held talks|spoke"
    rf"|signed\s+(?:an?|the|their)\s+(?:[\w-]+\s+){{0,4}}?{_DOCUMENTS})\b"
    r"(?:\s+(?:with|in|to))?(?:\s+(?:the\s+)?[A-Z][\w-]*)*"
)
_DAY_AFTER_RE: Final = re.compile(r",?\s*(?:a|one|the)\s+day\s+after\b", re.IGNORECASE)
_FOLLOWS_UP_RE: Final = re.compile(
    r"\bfollow(?:s|ed|ing)? up on\b|\bbuil(?:ds|t|ding) on\b|\bfollow-up to\b"
    r"|\bafter\s+(?:a|an|the|their)\s+(?:first|previous|earlier)\s+round\b",
    re.IGNORECASE,
)
_PAST_EVENT_AFTER_RE: Final = re.compile(
    r"\s*(?:visited|met|held talks|spoke|travell?ed|meeting|talks|call|conversation|visit|summit)\b"
    r"(?:\s+(?:with|in|to))?"
    r"(?:\s+(?:the\s+)?[A-Z][\w-]*)*"
)


def _places(draft: _Draft, start: int, end: int) -> set[str]:
    return {
        draft.actors[r.key].country or ""
        for r in draft.refs_between(start, end)
        if draft.actors[r.key].org_kind is OrganizationKind.STATE
    }


_UNDECIDED_RE: Final = re.compile(r"\b(?:whether|if)\b[^.;,]*$", re.IGNORECASE)
_BARE_TRIP_RE: Final = re.compile(r"\b(?:come|return|visit)$", re.IGNORECASE)


def _same_plan(
    draft: _Draft, made: list[_Pending], start: int, end: int, *, bare: bool
) -> _Pending | None:
    """Whether a planned event speaks again of one just drafted.

    It does when it names a place the other names ("invited me to visit
    Yerevan" after "he would visit Yerevan"), or is a bare trip with no place
    ("I will be happy to come").
    """
    places = _places(draft, start, end)
    for pending in made[-_RECENT:]:
        if pending.relation is not Relation.PLANNED:
            continue
        near = abs(start - pending.end) < _SAME_PLAN or abs(pending.start - end) < _SAME_PLAN
        if near and ((bare and not places) or places & _places(draft, pending.start, pending.end)):
            return pending
    return None


def _relation(draft: _Draft, match: DateMatch, sentence: Unit) -> tuple[Relation | None, int, int]:
    """The relation a dated event bears to the meeting, and the span of words that say so."""
    if not _may_date_an_event(draft, match, sentence):
        return None, 0, 0
    if match.future:
        return _planned_relation(draft, match, sentence)
    found = _event_after_date(draft, match, sentence)
    relation: Relation | None
    if found is None:
        before_start = max(sentence.start, match.span.start - 160)
        relation, start = _relation_before(draft, match, sentence, before_start)
        end = match.span.end
    else:
        relation, start, end = found
    if relation is Relation.PREVIOUS and _within_main(draft, match.date):
        # "ended a two-day summit in Riga on Saturday", "On Thursday, the two ministers
        # signed ...": the meeting itself, or its own day
        return None, 0, 0
    if relation is Relation.PREVIOUS and _FOLLOWS_UP_RE.search(
        draft.text, sentence.start, match.span.start
    ):
        relation = Relation.FOLLOWS_UP
    return relation, start, end


def _planned_relation(
    draft: _Draft, match: DateMatch, sentence: Unit
) -> tuple[Relation | None, int, int]:
    """A date that lies ahead dates a planned event if its sentence names one."""
    if not _FUTURE_EVENT_RE.search(draft.text, sentence.start, sentence.end):
        return None, 0, 0
    unit = _Unit(sentence.start, sentence.end, None, None, None)
    start = max(sentence.start, _last_clause(draft, sentence.start, match.span.start))
    end = max(match.span.end, _clause_end(draft, match.span.end, unit))
    while start < end and not draft.text[start].isalnum():
        start += 1
    return Relation.PLANNED, start, end


def _event_after_date(
    draft: _Draft, match: DateMatch, sentence: Unit
) -> tuple[Relation, int, int] | None:
    """An earlier event told after its date: "a commission recently visited Yerevan"."""
    after = _PAST_EVENT_AFTER_RE.match(draft.text, match.span.end, sentence.end)
    if after is None and match.span.start == _clause_start(draft, sentence, match.span.start):
        # "Earlier this month, the heads of the two coast guards met in Batam."
        after = _EVENT_LATER_RE.match(draft.text, match.span.end, sentence.end)
    if after is None:
        return None
    before_start = max(sentence.start, match.span.start - 160)
    floor = max(sentence.start, _last_clause(draft, before_start, match.span.start))
    refs = draft.refs_between(floor, match.span.start)
    start = _noun_start(draft, refs[-1].start) if refs else floor
    while start < match.span.start and draft.text[start].isspace():
        start += 1
    return Relation.PREVIOUS, start, after.end()


def _may_date_an_event(draft: _Draft, match: DateMatch, sentence: Unit) -> bool:
    """Tell whether a date expression may date another event, not a statement or a span."""
    if _REPORTED_ON_RE.search(
        draft.text, max(sentence.start, match.span.start - 30), match.span.start
    ):
        return False  # "the ministry said on Tuesday": when it was said
    words = match.text.lower()
    # "the first time they have met since 2018", "over the past month": a span of time;
    # "this year": the time of the report.
    return not words.startswith(("since", "over ", "for the past", "during the past", "this "))


def _within_main(draft: _Draft, date: UncertainDate) -> bool:
    """Tell whether *date*, known to the day, falls on a day of the main meeting."""
    main = draft.main
    if main is None or date.earliest is None or date.earliest != date.latest:
        return False
    last = main.end_date or main.date
    return (
        main.date.earliest is not None
        and last.latest is not None
        and main.date.is_exact
        and last.is_exact
        and main.date.earliest <= date.earliest <= last.latest
    )


def _clause_start(draft: _Draft, sentence: Unit, at: int) -> int:
    """Where the words before *at* begin: the sentence's start, or after its last comma."""
    start = max(sentence.start, _last_clause(draft, sentence.start, at))
    while start < at and not draft.text[start].isalnum():
        start += 1
    return start


def _relation_before(
    draft: _Draft, match: DateMatch, sentence: Unit, before_start: int
) -> tuple[Relation | None, int]:
    """The relation named by words before a date: "truce signed on", "previous talks ... on"."""
    before = draft.text[before_start : match.span.start]
    for relation, marker, cue_re in _REFERENCE_CUES:
        cues = list(cue_re.finditer(before))
        found = cues[-1] if cues else None
        if found is None:
            continue
        if marker is not None:
            prefix = draft.text[sentence.start : before_start + found.start()]
            markers = list(marker.finditer(prefix))
            implementation = markers[-1] if markers else None
            if implementation is None:
                continue
            return relation, _noun_start(draft, sentence.start + implementation.start())
        return relation, _noun_start(draft, before_start + found.start())
    return None, 0


def _noun_start(draft: _Draft, at: int) -> int:
    """Widen a cue back to its article: "the implementation", "The previous talks"."""
    match = re.search(
        r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?)\s+$", draft.text[max(0, at - 8) : at]
    )
    return at - (len(draft.text[max(0, at - 8) : at]) - match.start()) if match else at


def _last_clause(draft: _Draft, start: int, end: int) -> int:
    """Where the clause holding *end* begins, from *start* on.

    A clause begins after the last comma or semicolon, or after a sentence end
    inside a quote of several sentences.
    """
    cut = max(draft.text.rfind(mark, start, end) for mark in (",", ";", ". ", "? ", "! "))
    return start if cut < 0 else cut + 1


def _planned_start(draft: _Draft, sentence: Unit, cue_at: int) -> int:
    """The subject the planned event hangs on: the nearest mention or pronoun before the cue."""
    floor = max(sentence.start, _last_clause(draft, sentence.start, cue_at))
    refs = draft.refs_between(floor, cue_at)
    quote = draft.in_quote(cue_at)
    if refs:
        start = refs[-1].start
    else:
        words = draft.text[floor:cue_at]
        pronoun = list(re.finditer(r"\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b", words))
        start = floor + pronoun[-1].start() if pronoun else cue_at
    if quote is None:
        for q in draft.quotes:
            if q.open_at < start <= q.close_at + 1:
                start = q.open_at
    while start < cue_at and draft.text[start].isspace():
        start += 1
    return start


def _in_unheld_main(draft: _Draft, offset: int) -> bool:
    main = draft.main
    return (
        main is not None
        and main.status is not EventStatus.HELD
        and draft.sentence_at(offset) == draft.main_sentence
    )


def _add_reference(draft: _Draft, main: Meeting, pending: _Pending) -> None:
    start, end = max(pending.start, draft.body), pending.end
    if end <= start:
        return
    relation, date = pending.relation, pending.date
    # An event the text dates after the meeting is not one it looks back to, and
    # one dated before it is not planned: such an event is only cited.
    if date is not None and (
        (
            relation in {Relation.PREVIOUS, Relation.IMPLEMENTS}
            and main.last_date.certainly_before(date)
        )
        or (relation is Relation.PLANNED and date.certainly_before(main.date))
    ):
        relation = Relation.CITES
    citations = [draft.cite(start, end, 0.6)]
    citations.extend(draft.cite(s, e, 0.5) for s, e in pending.more)
    draft.records.append(
        Reference(
            id=draft.rid("reference", f"{start}-{end}"),
            subject=main.id,
            relation=relation,
            description=draft.text[start:end],
            date=date,
            citations=tuple(citations),
            draft=True,
        )
    )
