"""Stage 2: the main meeting, and the signing, banquet or press conference that was part of it.

The meeting is read from the first sentence of the opening paragraphs with a
meeting cue that names or describes a participant: its kind, participants,
date, place, and whether it was held, put off or called off. The stage
returns the meeting records and a frozen `Meetings` with what later stages
need: which meeting a sentence belongs to, the meeting's own sentence and
date, and the state actors it made for participants whose state the text
never names.
"""

import bisect
import datetime as dt
import re
from itertools import islice
from typing import Final

import attrs

from diplo_events.drafting.reading._datetext import DateMatch
from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._phrase import ActorMention
from diplo_events.drafting.reading._text import Unit
from diplo_events.drafting.rules._actors import state_actor
from diplo_events.drafting.rules._cues import (
    ABOUT_MEETING_RE,
    AHEAD_RE,
    ALSO_RE,
    CALLED_OFF_RE,
    HOST_RE,
    KIND_CUES,
    PLANNED_RE,
    PRESS_RE,
    PROTOCOL,
    PUT_OFF_RE,
    RECEPTION_RE,
    REPORTED_ON,
    REPORTED_ON_RE,
    confidence,
)
from diplo_events.drafting.rules._shared import Actor, Cast, Ids, resolve_title
from diplo_events.exceptions import Issue, ParseError
from diplo_events.model import (
    Capacity,
    Citation,
    DateDerivation,
    EventStatus,
    Location,
    Meeting,
    MeetingFormat,
    MeetingKind,
    OrganizationKind,
    Participant,
    Precision,
    Span,
    UncertainDate,
    is_country_code,
)

__all__ = ["Meetings", "draft_meetings"]

MEETING_SENTENCE: Final = confidence("meeting-sentence")
MEETING_PARTICIPANT: Final = confidence("meeting-participant")
PART_CUE: Final = confidence("part-cue")
PART_PARTICIPANT: Final = confidence("part-participant")
PRESS_CUE: Final = confidence("press-conference-cue")

# Words before a date that make it another event's date, or the date something was said.
_NOT_MEETING_DATE_RE: Final = re.compile(
    r"\b(?:signed|sign|signing|previous|last|earlier|prior|since|after|following|before|until|"
    r"adopted|reached|concluded)\b[^,;]{0,60}$|"
    r"\b(?:truce|ceasefire|deal|agreement|plan|accord)\s+(?:was\s+)?agreed\b[^,;]{0,60}$|"
    rf"{REPORTED_ON}",
    re.IGNORECASE,
)
_DAY_AFTER_RE: Final = re.compile(r",?\s*(?:a|one|the)\s+day\s+after\b", re.IGNORECASE)
_NOT_PARTICIPANT_BEFORE: Final = frozenset({"of", "by", "about", "against", "according", "than"})
_MEETING_SEARCH_PARAGRAPHS: Final = 3
_SUBSTANTIAL_WORDS: Final = 12
#: How many paragraphs after the main sentence a signing or reception may be reported.
_PART_PARAGRAPHS: Final = 4


@attrs.frozen
class Meetings:
    """What the meetings stage drafted, and what the later stages read of it.

    Attributes:
        records: The main meeting first, then its parts.
        main: The main meeting, if the text reports one.
        main_sentence: The index of the sentence that reports it, or -1.
        main_date_index: The index in `Document.dates` of the date expression
            that dates it, or -1 (also when the date was read again, as "a day
            after" the words that say when something was said).
        press: The press conference that was part of it, if any.
        press_from: Where the text the press conference covers begins.
        states: The states made for participants whose state the text never
            names, in the order they were made.
    """

    records: tuple[Meeting, ...] = ()
    main: Meeting | None = None
    main_sentence: int = -1
    main_date_index: int = -1
    press: Meeting | None = None
    press_from: int = -1
    states: tuple[Actor, ...] = ()

    def in_unheld_main(self, sentence: int) -> bool:
        """Whether *sentence* is the one that reports a main meeting not held (yet)."""
        main = self.main
        return (
            main is not None
            and main.status is not EventStatus.HELD
            and sentence == self.main_sentence
        )

    def meeting_at(self, offset: int) -> str | None:
        """The id of the meeting the words at *offset* were said at."""
        if self.press is not None and offset >= self.press_from:
            return self.press.id
        return None if self.main is None else self.main.id


class _Scene:
    """The meetings stage at work. It never leaves `draft_meetings`.

    A title alone that refers back to a person of no known country gives that
    person its country, and a participant whose state the text never names
    gets one made; both count for the rest of this stage only, and the states
    made are returned.
    """

    __slots__ = ("actors", "cast", "doc", "ids", "records", "states")

    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc = doc
        self.cast = cast
        self.actors = dict(cast.actors)
        self.ids = Ids(doc)
        self.records: list[Meeting] = []
        self.states: list[Actor] = []

    def is_person(self, key: str) -> bool:
        return self.actors[key].kind == "person"

    def state_of(self, country: str | None, at: Span) -> str | None:
        """The key of the state actor for *country*, made if the text never names the state."""
        if country is None or not is_country_code(country):
            return None
        key = f"organization::{country}"
        if key not in self.actors:
            state = self.actors[key] = state_actor(self.doc, country, at)
            self.states.append(state)
        return key

    def resolve_title(self, mention: ActorMention, start: int) -> str | None:
        if mention.title is None:
            return None
        key, unknown = resolve_title(
            self.cast.refs,
            self.cast.ref_starts,
            self.actors,
            title=mention.title,
            start=start,
            country=mention.country,
        )
        if unknown and key is not None:
            self.actors[key] = attrs.evolve(self.actors[key], country=mention.country)
        return key


def draft_meetings(doc: Document, cast: Cast) -> Meetings:
    """Draft the main meeting of *doc* and its parts."""
    scene = _Scene(doc, cast)
    body = doc.body
    found = _main_sentence(doc, scene, body)
    if found is None:
        return Meetings()
    index, kind, context = found
    sentence = doc.sents[index]
    start = max(sentence.start, body)
    participants_keys = _participants(doc, scene, [index, *context], body)
    status = _status(doc, [index, *context], body)
    date, end_date, date_match = _meeting_date(doc, [index, *context], body, status)
    location, place_country = _location(doc, scene, start, sentence.end)
    for other in context:
        if location is None:
            unit = doc.sents[other]
            location, place_country = _location(doc, scene, max(unit.start, body), unit.end)
    words = " ".join(
        doc.text[max(doc.sents[i].start, body) : doc.sents[i].end] for i in [index, *context]
    )
    protocol = next((level for level, rx in PROTOCOL if rx.search(words)), None)
    capacities = _capacities(
        scene, participants_keys, doc.text[start : sentence.end], place_country
    )
    participants = tuple(
        _participant(scene, key, capacities.get(key), doc.cite(r_start, r_end, MEETING_PARTICIPANT))
        for key, (r_start, r_end) in participants_keys.items()
    )
    countries = {scene.actors[key].country for key in participants_keys} - {None}
    meeting_format = {2: MeetingFormat.BILATERAL, 3: MeetingFormat.TRILATERAL}.get(len(countries))
    if len(countries) > 3:  # noqa: PLR2004 - four or more sides
        meeting_format = MeetingFormat.MULTILATERAL
    host_key = next((k for k, c in capacities.items() if c is Capacity.HOST), None)
    host = None
    if host_key is not None:
        state = scene.state_of(scene.actors[host_key].country, scene.actors[host_key].first)
        host = None if state is None else scene.actors[state].id
    main = Meeting(
        id=scene.ids("meeting", "main"),
        kind=kind,
        date=date,
        end_date=end_date,
        status=status,
        location=location,
        participants=participants,
        host=host,
        format=meeting_format,
        protocol_level=protocol,
        citations=(doc.cite(start, sentence.end, MEETING_SENTENCE),),
        draft=True,
    )
    scene.records.append(main)
    press = None
    if status is EventStatus.HELD:
        signing = _draft_signing(doc, scene, main, min([index, *context]))
        _draft_reception(doc, scene, main, index)
        press = _draft_press_conference(doc, scene, main, index, signing)
    # Compared by identity: a date read again ("a day after") is a new match and
    # leaves the words it was read from to the references stage.
    date_index = next((i for i, m in enumerate(doc.dates) if m is date_match), -1)
    return Meetings(
        records=tuple(scene.records),
        main=main,
        main_sentence=index,
        main_date_index=date_index,
        press=None if press is None else press[0],
        press_from=-1 if press is None else press[1],
        states=tuple(scene.states),
    )


def _status(doc: Document, indices: list[int], body: int) -> EventStatus:
    """Held, unless the meeting's sentences say it was called off, put off or is still to come."""
    words = " ".join(
        doc.outside_quotes(max(doc.sents[i].start, body), doc.sents[i].end)
        for i in indices
        if doc.sents[i].end > body
    )
    if CALLED_OFF_RE.search(words):
        return EventStatus.CANCELLED
    if PUT_OFF_RE.search(words):
        return EventStatus.PLANNED
    main = doc.sents[indices[0]]
    if AHEAD_RE.search(doc.outside_quotes(max(main.start, body), main.end)):
        return EventStatus.PLANNED  # "Lavrov will meet Blinken in Geneva on Friday"
    return EventStatus.HELD


def _main_sentence(
    doc: Document, scene: _Scene, body: int
) -> tuple[int, MeetingKind, list[int]] | None:
    """The sentence that reports the meeting, its kind, and sentences that also describe it.

    The first sentence with a meeting cue that names a participant wins; one
    that only describes them ("the foreign ministers of Lithuania and
    Poland") is kept as context, and used as the main one if no sentence
    names anyone. A visit that frames talks reported just after yields the
    talks, with the visit as context.
    """
    described: list[tuple[int, MeetingKind]] = []
    for index, kind, named in _cue_sentences(doc, scene, body):
        if not named:
            described.append((index, kind))
            continue
        context = [i for i, _ in described]
        if kind is MeetingKind.VISIT:
            talks = _talks_after(doc, index, body)
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


def _talks_after(doc: Document, index: int, body: int) -> int | None:
    """A sentence just after a visit that reports talks held during it."""
    last_para = doc.para_of_sent[index] + 2
    for later in range(index + 1, len(doc.sents)):
        if doc.para_of_sent[later] > last_para:
            break
        unit = doc.sents[later]
        if _HELD_TALKS_RE.search(doc.outside_quotes(max(unit.start, body), unit.end)):
            return later
    return None


def _cue_sentences(doc: Document, scene: _Scene, body: int) -> list[tuple[int, MeetingKind, bool]]:
    """Sentences of the opening paragraphs with a meeting cue: index, kind, names someone."""
    found: list[tuple[int, MeetingKind, bool]] = []
    seen: set[int] = set()
    counted = -1  # the last paragraph whose words were counted: each is counted once
    for index, sentence in enumerate(doc.sents):
        paragraph = doc.para_of_sent[index]
        if paragraph != counted:
            counted = paragraph
            unit = doc.paras[paragraph]
            if _has_words(doc.text, unit.start, unit.end, _SUBSTANTIAL_WORDS):
                seen.add(paragraph)  # headlines, labels and bylines do not count
        if len(seen) > _MEETING_SEARCH_PARAGRAPHS:
            break
        start = max(sentence.start, body)
        if start >= sentence.end:
            continue
        if doc.is_heading(index):
            continue
        words = doc.outside_quotes(start, sentence.end)
        kinds = [k for k, rx in KIND_CUES if rx.search(words)]
        if not kinds:
            continue
        # A signing is part of the talks it crowns, unless the text reports nothing else.
        kind = next((k for k in kinds if k is not MeetingKind.SIGNING), kinds[0])
        named = any(
            scene.is_person(r.key) and r.via == "name"
            for r in scene.cast.refs_between(start, sentence.end)
            if doc.in_quote(r.start) is None
        )
        if named or _descriptors(doc, scene, start, sentence.end):
            found.append((index, kind, named))
    return found


_WORD_RE: Final = re.compile(r"\S+")


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """Whether text[start:end] holds at least *count* words, reading no further than the last."""
    return next(islice(_WORD_RE.finditer(text, start, end), count - 1, None), None) is not None


def _descriptors(doc: Document, scene: _Scene, start: int, end: int) -> list[tuple[str, set[str]]]:
    """Participants described without names: "the foreign ministers of Lithuania and Poland".

    Each is a title and the countries it is held for; a plural title takes the
    states listed after it.
    """
    found: list[tuple[str, set[str]]] = []
    low = bisect.bisect_left(doc.mentions, start, key=lambda m: m.span.start)
    high = bisect.bisect_left(doc.mentions, end, key=lambda m: m.span.start)
    matches = [m for m in doc.mentions[low:high] if m.span.end <= end]
    for index, match in enumerate(matches):
        mention = match.mention
        if mention.name is not None or mention.title is None or mention.kind == "organization":
            continue
        if mention.kind == "person" and scene.resolve_title(mention, match.span.start):
            continue  # refers back to someone named before
        countries = {mention.country} if mention.country else set()
        last = match.span.end
        for following in matches[index + 1 :]:
            gap = doc.text[last : following.span.start]
            state = following.mention.organization_kind is OrganizationKind.STATE
            if mention.kind != "group" or not state or not re.fullmatch(r",?\s*(?:and\s+)?", gap):
                break
            if following.mention.country:
                countries.add(following.mention.country)
            last = following.span.end
        found.append((mention.title, countries))
    return found


# A mention after these words takes part although a preposition comes before it.
_AGENT_BY_RE: Final = re.compile(
    r"\b(?:chaired|co-chaired|hosted|attended|moderated|joined|received|welcomed|presided over)"
    r"(?:\s+\w+)?\s+by\s*$"
    # The one who invited a visitor hosts the visit.
    r"|\b(?:at the invitation of|as (?:the )?guests? of)\s*$",
    re.IGNORECASE,
)


def _participants(
    doc: Document, scene: _Scene, indices: list[int], body: int
) -> dict[str, tuple[int, int]]:
    """Participant keys of the main meeting, each with the span of its first mention there.

    *indices* are the main sentence and the sentences that also describe the meeting.
    """
    chosen: dict[str, tuple[int, int]] = {}
    index = indices[0]
    candidates = list(indices)
    if index + 1 < len(doc.sents):
        following = doc.sents[index + 1]
        if ALSO_RE.search(doc.text, following.start, following.end):
            candidates.append(index + 1)
    others: dict[str, tuple[int, int]] = {}
    for sentence_index in candidates:
        sentence = doc.sents[sentence_index]
        start = max(sentence.start, body)
        for ref in scene.cast.refs_between(start, sentence.end):
            if doc.in_quote(ref.start) is not None or ref.via == "pronoun":
                continue
            if doc.word_before(ref.start, start) in _NOT_PARTICIPANT_BEFORE and not (
                _AGENT_BY_RE.search(doc.text, max(start, ref.start - 40), ref.start)
            ):
                continue
            actor = scene.actors[ref.key]
            target = chosen if actor.kind == "person" else others
            target.setdefault(ref.key, (ref.start, ref.end))
    for sentence_index in indices:
        _described_participants(doc, scene, doc.sents[sentence_index], body, chosen)
    if chosen:
        return chosen
    return {k: v for k, v in others.items() if scene.actors[k].org_kind is not None}


def _described_participants(
    doc: Document, scene: _Scene, main: Unit, body: int, chosen: dict[str, tuple[int, int]]
) -> None:
    """Add the people named anywhere who hold a title the main sentence lists."""
    for title, countries in _descriptors(doc, scene, max(main.start, body), main.end):
        for ref in scene.cast.refs:
            actor = scene.actors[ref.key]
            if (
                ref.via == "name"
                and actor.kind == "person"
                and actor.title == title
                and (not countries or actor.country in countries)
            ):
                chosen.setdefault(ref.key, (ref.start, ref.end))


def _meeting_date(
    doc: Document, indices: list[int], body: int, status: EventStatus
) -> tuple[UncertainDate, UncertainDate | None, DateMatch | None]:
    """The meeting's date: from its sentences and those about it, else "on or before" publication.

    A meeting put off or called off keeps the date it was due on, if the text gives it.
    Returns the date, the end date of a range, and the date expression read, if any.
    """
    allow_future = status is not EventStatus.HELD
    for group in ([indices[0]], indices[1:]):
        if not group:
            continue
        candidates = _date_candidates(doc, group, body, allow_future=allow_future)
        if candidates:
            # A range ("held on 1-2 March") says more than a day ("ended ... on Saturday").
            match = next((m for m in candidates if _is_range(m.date)), candidates[0])
            return (*_split_range(match.date), match)
    if doc.anchor is None:
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
        doc.source.published.derivation.text
        if doc.source.published and doc.source.published.derivation
        else doc.anchor.isoformat()
    )
    if status is EventStatus.HELD:
        derivation = DateDerivation(text=text, rule="on-or-before-publication", anchor=doc.anchor)
        return UncertainDate.between(None, doc.anchor, derivation=derivation), None, None
    derivation = DateDerivation(text=text, rule="on-or-after-publication", anchor=doc.anchor)
    return UncertainDate.between(doc.anchor, None, derivation=derivation), None, None


def _date_candidates(  # noqa: C901 - one test per reason a date is not the meeting's
    doc: Document, indices: list[int], body: int, *, allow_future: bool
) -> list[DateMatch]:
    """Dates that may be the meeting's, best first.

    Those in its sentence, then in the sentences that also describe it, then
    in sentences about it just after. Only days and ranges qualify: "this
    year" dates no meeting.
    """
    order = list(indices)
    if len(indices) == 1:  # the main sentence: look at the sentences just after it too
        index = indices[0]
        first_para = doc.para_of_sent[index]
        for candidate in range(index + 1, len(doc.sents)):
            if doc.para_of_sent[candidate] > first_para + 1:
                break
            unit = doc.sents[candidate]
            if ABOUT_MEETING_RE.search(doc.text, unit.start, unit.end):
                order.append(candidate)
    found: list[DateMatch] = []
    reported: list[DateMatch] = []
    for candidate in order:
        unit = doc.sents[candidate]
        for match in _dates_in(doc, unit.start, unit.end):
            if match.span.start < body:
                continue
            if match.date.precision is not Precision.DAY and not _is_range(match.date):
                continue
            if match.future and not allow_future:
                continue
            before = doc.text[max(unit.start, body) : match.span.start]
            if not _NOT_MEETING_DATE_RE.search(before):
                found.append(match)
            elif REPORTED_ON_RE.search(before):
                reported.append(_day_after(doc, match, unit))
    # When something was said is the meeting's date only if nothing better dates it:
    # "said on Tuesday after more than three hours of talks".
    return found or reported


def _dates_in(doc: Document, start: int, end: int) -> tuple[DateMatch, ...]:
    """The dates that begin in start..end, found by binary search (they are in text order)."""
    low = bisect.bisect_left(doc.dates, start, key=lambda m: m.span.start)
    high = bisect.bisect_left(doc.dates, end, key=lambda m: m.span.start)
    return doc.dates[low:high]


def _day_after(doc: Document, match: DateMatch, unit: Unit) -> DateMatch:
    """A date "a day after" the talks dates them the day before."""
    after = _DAY_AFTER_RE.match(doc.text, match.span.end, unit.end)
    if after is None or not match.date.is_exact or match.date.earliest is None:
        return match
    day = match.date.earliest - dt.timedelta(days=1)
    derivation = DateDerivation(
        text=doc.text[match.span.start : after.end()],
        rule="day-before-stated-date",
        anchor=doc.anchor,
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


# A place named after these words may be where the meeting was held: "talks in Moscow".
_PLACE_BEFORE_RE: Final = re.compile(
    r"\b(?:in|at|held in|to|visit to|visiting|arrived in)\s+(?:the\s+)?$", re.IGNORECASE
)


def _location(
    doc: Document, scene: _Scene, start: int, end: int
) -> tuple[Location | None, str | None]:
    for ref in scene.cast.refs_between(start, end):
        actor = scene.actors[ref.key]
        if actor.kind != "organization" or actor.org_kind is not OrganizationKind.STATE:
            continue
        if not _PLACE_BEFORE_RE.search(doc.text, max(start, ref.start - 40), ref.start):
            continue
        name = doc.text[ref.start : ref.end]
        if name[:1].islower() or name.startswith(("The ", "the ")):
            continue
        return Location(name=name, country=actor.country), actor.country
    return None, None


def _capacities(
    scene: _Scene, keys: dict[str, tuple[int, int]], words: str, place_country: str | None
) -> dict[str, Capacity]:
    capacities: dict[str, Capacity] = {}
    if place_country is not None and re.search(r"\bvisit|\barrived\b", words, re.IGNORECASE):
        for key in keys:
            country = scene.actors[key].country
            if country is not None:
                capacities[key] = Capacity.HOST if country == place_country else Capacity.VISITOR
    elif HOST_RE.search(words) and len(keys) > 1:
        first = next(iter(keys))
        for key in keys:
            capacities[key] = Capacity.HOST if key == first else Capacity.VISITOR
    return capacities


def _participant(
    scene: _Scene, key: str, capacity: Capacity | None, citation: Citation
) -> Participant:
    actor = scene.actors[key]
    represents = None
    if actor.kind == "person":
        state = scene.state_of(actor.country, actor.first)
        represents = None if state is None else scene.actors[state].id
    return Participant(
        actor=scene.actors[key].id,
        title=actor.title if actor.kind == "person" else None,
        represents=represents,
        capacity=capacity,
        citations=(citation,),
    )


def _draft_signing(doc: Document, scene: _Scene, main: Meeting, main_index: int) -> Meeting | None:
    """A signing reported with the talks, as a meeting that is part of them."""
    if main.kind is MeetingKind.SIGNING:
        return None
    signing_re = next(rx for kind, rx in KIND_CUES if kind is MeetingKind.SIGNING)
    return _draft_part(
        doc, scene, main, main_index=main_index, kind=MeetingKind.SIGNING, cue_re=signing_re
    )


def _draft_reception(doc: Document, scene: _Scene, main: Meeting, main_index: int) -> None:
    """A banquet, dinner or reception given during the visit, as part of the meeting."""
    if main.kind is MeetingKind.RECEPTION:
        return
    _draft_part(
        doc, scene, main, main_index=main_index, kind=MeetingKind.RECEPTION, cue_re=RECEPTION_RE
    )


def _draft_part(
    doc: Document,
    scene: _Scene,
    main: Meeting,
    *,
    main_index: int,
    kind: MeetingKind,
    cue_re: re.Pattern[str],
) -> Meeting | None:
    """A part of the main meeting (a signing, a banquet) reported in the paragraphs after it.

    Its participants are the meeting's and the people named where it is reported.
    """
    body = doc.body
    last_para = doc.para_of_sent[main_index] + _PART_PARAGRAPHS
    for index in range(main_index, len(doc.sents)):
        if doc.para_of_sent[index] > last_para:
            return None
        sentence = doc.sents[index]
        words = doc.outside_quotes(sentence.start, sentence.end)
        match = cue_re.search(words)
        if match is None or PLANNED_RE.search(words):
            continue
        date, end_date = main.date, None
        for found in _dates_in(doc, sentence.start, sentence.end):
            if found.span.start >= body:
                before = doc.text[max(sentence.start, body) : found.span.start]
                if not (found.future or _NOT_MEETING_DATE_RE.search(before)):
                    date, end_date = _split_range(found.date)
                    break
        if not _within(date, end_date, main):
            # "ended a summit on Saturday by signing": a date read against the wrong
            # anchor, or about something else; a part is held within its meeting.
            date, end_date = main.date, None
        participants = list(main.participants)
        taking_part = {p.actor for p in participants}
        for ref in scene.cast.refs_between(max(sentence.start, body), sentence.end):
            actor_id = scene.actors[ref.key].id
            if scene.is_person(ref.key) and ref.via == "name" and actor_id not in taking_part:
                citation = doc.cite(ref.start, ref.end, PART_PARTICIPANT)
                participants.append(_participant(scene, ref.key, None, citation))
                taking_part.add(actor_id)
        part = Meeting(
            id=scene.ids("meeting", kind.value),
            kind=kind,
            date=date,
            end_date=end_date,
            status=EventStatus.HELD,
            participants=tuple(participants),
            part_of=main.id,
            location=main.location,
            citations=(
                doc.cite(sentence.start + match.start(), sentence.start + match.end(), PART_CUE),
            ),
            draft=True,
        )
        scene.records.append(part)
        return part
    return None


def _within(date: UncertainDate, end_date: UncertainDate | None, main: Meeting) -> bool:
    """Whether a part dated *date* (to *end_date*) may lie within the days of *main*."""
    last = date if end_date is None else end_date
    return not (date.certainly_before(main.date) or main.last_date.certainly_before(last))


def _draft_press_conference(
    doc: Document, scene: _Scene, main: Meeting, main_index: int, signing: Meeting | None
) -> tuple[Meeting, int] | None:
    """A press conference reported after the meeting, and where the text it covers begins."""
    for index in range(main_index, len(doc.sents)):
        sentence = doc.sents[index]
        match = PRESS_RE.search(doc.outside_quotes(sentence.start, sentence.end))
        if match is None:
            continue
        # After a signing, on its day; otherwise over the meeting's days.
        dated = signing if signing is not None else main
        press = Meeting(
            id=scene.ids("meeting", "press-conference"),
            kind=MeetingKind.PRESS_CONFERENCE,
            date=dated.date,
            end_date=dated.end_date,
            status=EventStatus.HELD,
            participants=main.participants,
            part_of=main.id,
            location=main.location,
            citations=(
                doc.cite(sentence.start + match.start(), sentence.start + match.end(), PRESS_CUE),
            ),
            draft=True,
        )
        first = doc.sent_starts.index(doc.paras[doc.para_of_sent[index]].start)
        scene.records.append(press)
        return press, doc.sents[first].start
    return None
