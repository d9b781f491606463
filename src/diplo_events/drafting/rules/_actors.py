"""Stage 1: the people and organizations a text mentions, and every mention resolved to one.

Names first (spelling variants merged by a `NameBook`), then titles alone
("the Armenian minister") referring back to someone named, then "he" and
"she". The stage returns a frozen `Cast`; `_actor_records.actor_records`
drafts the `Person` and `Organization` records from it at the end.
"""

import bisect
import re
import types
from collections import Counter
from collections.abc import Mapping
from typing import Final

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._gazetteer import ends_a_place, never_in_a_name, title_kind
from diplo_events.drafting.reading._mentions import MentionMatch
from diplo_events.drafting.reading._namebook import NameBook
from diplo_events.drafting.reading._phrase import ActorMention
from diplo_events.drafting.rules._shared import (
    Actor,
    Cast,
    Ref,
    antecedent,
    resolve_title,
    subject_like,
)
from diplo_events.drafting.rules._speakers import (
    DOCUMENTS,
    HEADLINE_LABELS,
    NOT_NAMES,
    PEOPLE_NOUNS,
    TITLE_WORDS,
    Slot,
    speaker_slots,
    transcript_turns,
)
from diplo_events.exceptions import FieldError
from diplo_events.model import (
    OrganizationKind,
    Span,
    country_name,
    is_country_code,
    stable_id,
)

__all__ = ["described_actor", "read_actors", "state_actor"]


_PRONOUN_RE: Final = re.compile(r"\b(?:he|she|He|She|him)\b")
_POSSESSIVE_RE: Final = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)
#: "her" as an object ("Parata thanked her for ..."): someone else, not the name before it.
_OBJECT_HER_RE: Final = re.compile(
    r"her\b(?=\s*(?:[,.;:!?]|\b(?:for|to|that|in|on|at|with|and|by|about|as|from|of|into)\b))",
    re.IGNORECASE,
)
_HONORIFIC_RE: Final = re.compile(r"\b(Mr|Ms|Mrs|Madam)\.?\s+$")
#: How many sentences back "it said" or "they said" may find its organization.
_ORGANIZATION_SENTENCES: Final = 2
#: How many times a surname must follow an honorific to be read as a person's.
_HONORIFIC_TIMES: Final = 2
#: How far a mention may reach around a name it overlaps.
_NAME_REACH: Final = 60
_HONORIFIC_NAME_RE: Final = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr)\.?[ \t]+(?P<name>[A-Z][\w’'-]*\w(?:[ \t]+[A-Z][\w’'-]*\w)?)"
)
#: How far after a name a pronoun tells its gender: the sentence's first person, anyone.
_PRONOUN_REACH: Final = 60
_PRONOUN_NEAR: Final = 16


@attrs.define
class _Draft:
    """An actor being read, its facts filled in mention by mention; frozen at the end.

    Its fields are those of `Actor` but its id and names, and whether its
    title was given with the full name.
    """

    key: str
    kind: str  # "person" or "organization"
    first: Span
    name: str | None = None
    title: str | None = None
    gender: str | None = None  # "m" or "f", from honorifics and pronouns
    country: str | None = None
    organization: str | None = None
    org_kind: OrganizationKind | None = None
    titled_in_full: bool = False
    unnamed: bool = False
    represents: str | None = None


class _Reading:
    """The actors stage at work: what it has read so far. It never leaves `read_actors`."""

    __slots__ = ("actors", "book", "doc", "ref_starts", "refs", "spoken_for")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.actors: dict[str, _Draft] = {}
        # Bodies a spokesperson the text does not name speaks for.
        self.spoken_for: list[str] = []
        self.refs: list[Ref] = []
        self.ref_starts: list[int] = []
        self.book = NameBook()

    def refs_between(self, start: int, end: int) -> list[Ref]:
        """The mentions read so far that lie wholly within start..end, as `Cast.refs_between`."""
        low = bisect.bisect_left(self.ref_starts, start)
        high = bisect.bisect_left(self.ref_starts, end)
        return [r for r in self.refs[low:high] if r.end <= end]

    def index_refs(self) -> None:
        self.refs.sort()
        self.ref_starts = [r.start for r in self.refs]

    def cast(self, said_by: Mapping[int, tuple[Ref, str]] | None = None) -> Cast:
        actors = {key: _frozen(self.doc, self.book, actor) for key, actor in self.actors.items()}
        return Cast(
            actors=types.MappingProxyType(actors),
            refs=tuple(self.refs),
            ref_starts=tuple(self.ref_starts),
            said_by=types.MappingProxyType(dict(said_by or {})),
        )


def read_actors(doc: Document) -> Cast:
    """Read the actors of *doc* and resolve its mentions to them."""
    reading = _Reading(doc)
    pending_counterparts: list[tuple[str, int]] = []
    # Full names first, so that "Secretary Whitcomb" in a heading finds "Daniel Whitcomb".
    for match in doc.mentions:
        name = match.mention.name
        if match.mention.kind == "person" and name and len(name.split()) > 1:
            reading.book.add(name)
    titled = _read_named(reading, pending_counterparts)
    reading.index_refs()
    _counterpart_titles(reading, pending_counterparts)
    _read_titles(reading, titled)
    reading.index_refs()
    _spokespeople(reading)
    _read_honorifics(reading)
    reading.index_refs()
    said_by, pronouns = _read_speakers(reading)
    turns = _read_turns(reading)
    reading.index_refs()
    return attrs.evolve(_read_pronouns(reading, said_by, pronouns), turns=turns)


def _read_titles(reading: _Reading, titled: list[MentionMatch]) -> None:
    """Resolve titles alone ("the Polish minister") once every named person has a title.

    They refer back to people named, not to other titles alone.
    """
    named, named_starts = tuple(reading.refs), tuple(reading.ref_starts)
    for match in titled:
        mention = match.mention
        if mention.title is None:
            continue
        if _title_after_name(reading, named, named_starts, match):
            continue
        key, unknown = resolve_title(
            named,
            named_starts,
            reading.actors,
            title=mention.title,
            start=match.span.start,
            country=mention.country,
        )
        if key is None and mention.organization and title_kind(mention.title) == "spokesperson":
            # "a spokesman for the Indonesian foreign ministry said": a body that speaks
            body = _organization_key(reading, mention, match.span.start, match.span.end)
            if body is not None:
                reading.spoken_for.append(body)
        if unknown and key is not None:
            reading.actors[key].country = mention.country  # "the Vietnamese Minister"
        if key is not None:
            reading.refs.append(Ref(match.span.start, match.span.end, key, "title"))
            if reading.actors[key].kind == "person":  # "X, a spokeswoman for the ministry,"
                _speaks_for(reading, reading.actors[key], mention, match.span.start, match.span.end)


def _read_named(
    reading: _Reading, pending_counterparts: list[tuple[str, int]]
) -> list[MentionMatch]:
    """Read the named people, organizations and states; return the title-only mentions."""
    titled: list[MentionMatch] = []
    for match in reading.doc.mentions:
        mention = match.mention
        start, end = match.span.start, match.span.end
        if mention.kind == "person":
            if mention.name is None:
                titled.append(match)
                continue
            if _modifies_a_name(reading, match):
                continue
            mention = _with_appositive(reading.doc, match, mention)
            key = _person_key(reading, mention, start, end)
            if key is None:
                continue
            via = "name"
            if mention.counterpart:
                pending_counterparts.append((key, start))
        else:
            key = _organization_key(reading, mention, start, end)
            if key is None:
                continue
            via = "body"
        reading.refs.append(Ref(start, end, key, via))
    return titled


def _modifies_a_name(reading: _Reading, match: MentionMatch) -> bool:
    """Whether a name new to the text only describes the next one.

    "Cleveland Cavaliers basketball star LeBron James": the words before a
    description of a person and their name name a team, a firm or a show, not
    a person. A name read before (someone's campaign) stays theirs.
    """
    doc = reading.doc
    index = doc.mention_index.get(match.span.start)
    if index is None or index + 1 >= len(doc.mentions):
        return False
    after = doc.mentions[index + 1]
    if after.mention.kind != "person" or after.mention.name is None:
        return False
    between = _DESCRIPTION_RE.fullmatch(doc.text, match.span.end, after.span.start)
    if between is None:
        return False
    head = between.group("head").lower()
    if head not in PEOPLE_NOUNS and title_kind(head) is None:
        return False
    known = reading.book.resolve(match.mention.name or "")
    return known is None or f"person:{known}" not in reading.actors


# Lower-case words between two names, the last a noun: " basketball star ".
_DESCRIPTION_RE: Final = re.compile(r"\s+(?:[a-z][\w’'-]*\s+){0,3}(?P<head>[a-z][\w’'-]*)\s+")


def _with_appositive(doc: Document, match: MentionMatch, mention: ActorMention) -> ActorMention:
    """A name after a title in apposition takes the title's facts.

    "his Turkish counterpart, Emre Korkmazer" and "the British foreign
    secretary, Harriet Lockwood" name one person.
    """
    index = doc.mention_index.get(match.span.start, 0)
    if index == 0:
        return mention
    before = doc.mentions[index - 1]
    gap = doc.text[before.span.end : match.span.start]
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


def _read_honorifics(reading: _Reading) -> None:
    """Read "Mr. Obama" as a person where reading found no one, if the text says it twice.

    A surname the text keeps giving with an honorific is a person of the
    story, even if never named in full; it refers to the person of that
    surname named in full, if there is one. Once ("Mrs. Pike stayed") is
    not enough.
    """
    doc = reading.doc
    found = [
        match
        for match in _HONORIFIC_NAME_RE.finditer(doc.text, doc.body)
        if doc.in_quote(match.start("name")) is None
        and match.group("name").lower() not in NOT_NAMES
    ]
    times = Counter(match.group("name") for match in found)
    for match in found:
        start, end = match.start("name"), match.end("name")
        nearby = reading.refs_between(max(0, start - _NAME_REACH), end + _NAME_REACH)
        if times[match.group("name")] < _HONORIFIC_TIMES or any(
            r.start < end and start < r.end for r in nearby
        ):
            continue
        key = f"person:{reading.book.add(match.group('name'))}"
        if key not in reading.actors:
            reading.actors[key] = _Draft(key, "person", Span(start=start, end=end))
            reading.actors[key].name = match.group("name")
        reading.refs.append(Ref(start, end, key, "name"))


def _read_turns(reading: _Reading) -> tuple[tuple[Ref, int, int], ...]:
    """The speakers of a transcript's turns: "WALLACE:" is Wallace, or Chris Wallace if named.

    A label that names no one known counts only if it labels two turns or more.
    """
    doc = reading.doc
    turns = transcript_turns(doc)
    labels = [doc.text[t.label_start : t.label_end] for t in turns]
    out = []
    for turn, label in zip(turns, labels, strict=True):
        name = label.title()
        known = reading.book.resolve(name)
        if known is None and labels.count(label) < 2:  # noqa: PLR2004 - two turns
            continue
        key = f"person:{known or reading.book.add(name)}"
        if key not in reading.actors:
            reading.actors[key] = _Draft(
                key, "person", Span(start=turn.label_start, end=turn.label_end), name=name
            )
        ref = Ref(turn.label_start, turn.label_end, key, "name")
        reading.refs.append(ref)
        out.append((ref, turn.start, turn.end))
    return tuple(out)


def _read_speakers(reading: _Reading) -> tuple[dict[int, tuple[Ref, str]], list[Slot]]:
    """Resolve the phrase that names the speaker of each quote, adding whom reading missed.

    A name reading did not find becomes a person (a surname alone too: it
    stands by a speech verb); a description ("a senior official", "the
    mayor") refers back to someone titled so, else becomes an unnamed person,
    one per description with "the", one per mention otherwise. Returns the
    speakers found, and the pronouns ("...," she said), left for
    `_read_pronouns`.
    """
    doc = reading.doc
    said_by: dict[int, tuple[Ref, str]] = {}
    pronouns: list[Slot] = []
    named = reading.cast()
    for slot in speaker_slots(doc):
        if slot.kind == "pronoun":
            pronouns.append(slot)
            continue
        inside = [r for r in reading.refs_between(slot.start, slot.end) if r.via != "pronoun"]
        people = [r for r in inside if reading.actors[r.key].kind == "person"]
        if people:
            said_by[slot.quote] = (people[-1], slot.side)
            continue
        if slot.kind == "name":
            ref = _speaker_named(reading, slot)
        else:
            ref = _speaker_described(reading, named, slot, inside)
        if ref is not None:
            reading.refs.append(ref)
            said_by[slot.quote] = (ref, slot.side)
    return said_by, pronouns


def _speaker_named(reading: _Reading, slot: Slot) -> Ref | None:
    name = reading.doc.text[slot.start : slot.end]
    try:
        key = f"person:{reading.book.add(name)}"
    except FieldError:
        return None
    actor = reading.actors.get(key)
    if actor is None:
        actor = reading.actors[key] = _Draft(key, "person", Span(start=slot.start, end=slot.end))
    if actor.name is None or len(name.split()) > len(actor.name.split()):
        actor.name = name
    return Ref(slot.start, slot.end, key, "name")


def _speaker_described(reading: _Reading, named: Cast, slot: Slot, inside: list[Ref]) -> Ref | None:
    """The person a description refers to, or an unnamed person.

    A description with "the" ("the Kenyan minister", "the 43-year-old") that
    reading could not refer back refers, as "he" or "she" would, to the
    subject of the nearest sentence that names someone; "the ad's narrator",
    "the spokesman" and "a senior official" are someone new. A text ("the
    letter reads") is no one.
    """
    doc = reading.doc
    words = doc.text[slot.start : slot.end]
    determiner, _, described = words.partition(" ")
    head = _head_noun(described)
    if head in DOCUMENTS:
        return None
    if determiner.lower() == "the" and (head in TITLE_WORDS or head not in PEOPLE_NOUNS):
        key = antecedent(doc, named, slot.start)
        if key is not None:
            return Ref(slot.start, slot.end, key, "title")
    if determiner.lower() == "the":
        key = f"person:unnamed:{' '.join(described.lower().split())}"
    else:
        key = f"person:unnamed:{slot.start}"
    actor = reading.actors.get(key)
    if actor is None:
        actor = reading.actors[key] = _Draft(
            key, "person", Span(start=slot.start, end=slot.end), name=" ".join(words.split())
        )
        actor.unnamed = True
        actor.title = head
        bodies = [r for r in inside if reading.actors[r.key].kind == "organization"]
        if bodies:
            actor.represents = bodies[0].key
        else:
            actor.represents = _body_described(reading, slot)
    return Ref(slot.start, slot.end, key, "unnamed")


def _head_noun(described: str) -> str:
    """The noun a description is of: "senior State Department official" gives "official"."""
    words: list[str] = re.findall(r"[\w’'-]+", described)
    for index, word in enumerate(words):
        if word.lower() in {"of", "on", "at", "for", "from", "in", "with", "close", "familiar"}:
            return words[index - 1].lower() if index else word.lower()
    return words[-1].lower() if words else described.lower()


def _body_described(reading: _Reading, slot: Slot) -> str | None:
    """The organization a description names ("a State Department official"), added if new."""
    doc = reading.doc
    for match in doc.mentions:
        if match.span.end <= slot.start or match.span.start >= slot.end:
            continue
        mention = match.mention
        if mention.organization is not None or mention.country is not None:
            return _organization_key(reading, mention, match.span.start, match.span.end)
    return None


def _read_pronouns(
    reading: _Reading, said_by: dict[int, tuple[Ref, str]], pronouns: list[Slot]
) -> Cast:
    """Resolve "he" and "she" outside quotes to the person last named before them.

    A pronoun that says who said a quote ("...," she said) is resolved
    further back if need be, and "it" or "they" to an organization.
    """
    doc = reading.doc
    _gender_hints(reading)
    before = reading.cast(said_by)  # every actor is known now; only the pronouns are left
    for pronoun in _PRONOUN_RE.finditer(doc.text):
        if doc.in_quote(pronoun.start()) is not None:
            continue
        gender = "m" if pronoun.group(0).lower() in {"he", "him"} else "f"
        key = antecedent(doc, before, pronoun.start(), gender)
        if key is not None:
            reading.refs.append(Ref(pronoun.start(), pronoun.end(), key, "pronoun"))
    reading.index_refs()
    for slot in pronouns:
        ref = next((r for r in reading.refs_between(slot.start, slot.end)), None)
        if ref is None:
            key = _speaking_pronoun(doc, before, slot)
            if key is None:
                continue
            ref = Ref(slot.start, slot.end, key, "pronoun")
            reading.refs.append(ref)
        said_by[slot.quote] = (ref, slot.side)
    reading.index_refs()
    return Cast(
        actors=before.actors,
        refs=tuple(reading.refs),
        ref_starts=tuple(reading.ref_starts),
        said_by=types.MappingProxyType(said_by),
    )


def _speaking_pronoun(doc: Document, cast: Cast, slot: Slot) -> str | None:
    """Who a pronoun that says a quote refers to, when the nearest sentences name no one.

    "he" and "she": the last person named before, of that gender or of none
    known; "it" and "they": the last organization named in the sentences
    just before.
    """
    word = doc.text[slot.start : slot.end].lower()
    index = bisect.bisect_left(cast.ref_starts, slot.start)
    if word in {"it", "they"}:
        floor = doc.sents[max(0, doc.sentence_at(slot.start) - _ORGANIZATION_SENTENCES)].start
        for ref in reversed(cast.refs[:index]):
            if ref.start < floor:
                break
            if not cast.is_person(ref.key) and doc.in_quote(ref.start) is None:
                return ref.key
        return None
    gender = "m" if word == "he" else "f"
    for ref in reversed(cast.refs[:index]):
        actor = cast.actors[ref.key]
        if (
            actor.kind == "person"
            and ref.via != "pronoun"
            and actor.gender in {None, gender}
            and doc.in_quote(ref.start) is None
        ):
            return ref.key
    return None


def _counterpart_titles(reading: _Reading, pending_counterparts: list[tuple[str, int]]) -> None:
    """Give "his Russian counterpart X" the title of the person X is the counterpart of."""
    doc = reading.doc
    for key, start in pending_counterparts:
        actor = reading.actors[key]
        sentence = doc.sents[doc.sentence_at(start)]
        for other in reading.refs_between(sentence.start, sentence.end):
            partner = reading.actors[other.key]
            if other.key != key and partner.kind == "person" and partner.title:
                actor.title = actor.title or partner.title
                break


def _person_key(reading: _Reading, mention: ActorMention, start: int, end: int) -> str | None:
    if mention.name is None or mention.name.lower() in HEADLINE_LABELS:
        return None  # no name, or a headline's label ("Fact Check: ...")
    known = reading.book.resolve(mention.name)
    if known is None:
        lone = " " not in mention.name.strip()
        if lone and not _titled_surname(reading.doc, mention, start, end):
            return None  # a lone word we have not seen as part of a full name
        known = reading.book.add(mention.name)
    elif len(mention.name.split()) > 1:
        reading.book.add(mention.name)
    key = f"person:{known}"
    actor = reading.actors.get(key)
    if actor is None:
        actor = reading.actors[key] = _Draft(key, "person", Span(start=start, end=end))
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
    _speaks_for(reading, actor, mention, start, end)
    return key


def _titled_surname(doc: Document, mention: ActorMention, start: int, end: int) -> bool:
    """A surname after a title, and so a person though never named in full.

    "Foreign Minister Lavrov", "President Obama" (the mention at
    *start*..*end*): not "the President Street bridge", whose last word ends
    a place, nor "Opposition lawmakers", whose title comes after the word. In
    a headline, where every word has a capital ("Minister Quits"), the text
    must give the surname again.
    """
    name = (mention.name or "").strip()
    if (
        mention.title is None
        or not doc.text[start:end].rstrip().endswith(name)
        or mention.counterpart
        or never_in_a_name(name)
        or ends_a_place(name)
    ):
        return False
    heading = doc.is_heading(doc.sentence_at(start))
    return not heading or doc.text.count(name) > 1


def _title_after_name(
    reading: _Reading, named: tuple[Ref, ...], starts: tuple[int, ...], match: MentionMatch
) -> bool:
    """Read a title in apposition after a name: "Funmilayo Adebanjo, a spokeswoman for X,".

    The title is the named person's when they have none yet; the mention then
    refers to them.
    """
    index = bisect.bisect_left(starts, match.span.start)
    if index == 0:
        return False
    ref = named[index - 1]
    actor = reading.actors[ref.key]
    gap = reading.doc.text[ref.end : match.span.start]
    if ref.via != "name" or actor.kind != "person" or actor.title is not None:
        return False
    if _APPOSITIVE_GAP_RE.fullmatch(gap) is None:
        return False
    mention = match.mention
    actor.title = mention.title
    actor.country = actor.country or mention.country
    actor.organization = actor.organization or mention.organization
    reading.refs.append(Ref(match.span.start, match.span.end, ref.key, "title"))
    _speaks_for(reading, actor, mention, match.span.start, match.span.end)
    return True


# ", a ", ", the ": what stands between a name and a title in apposition after it.
_APPOSITIVE_GAP_RE: Final = re.compile(r",\s+(?:an?|the)\s+")


def _speaks_for(
    reading: _Reading, actor: _Draft, mention: ActorMention, start: int, end: int
) -> None:
    """Note the body a spokesperson speaks for, from the words of their mention.

    "Thai Foreign Ministry spokesman Nattapong Chaiyaporn" speaks for Thailand's
    foreign ministry, "Kremlin spokesman Dmitry Peskov" for Russia; the body
    becomes an actor of its own, cited by the words before the title.
    """
    if actor.represents is not None or mention.title is None:
        return
    if title_kind(mention.title) != "spokesperson":
        return
    if mention.organization is None and mention.country is None:
        return
    body_end = end
    if mention.title_span is not None and mention.title_span.start > 0:
        body_end = start + len(mention.text[: mention.title_span.start].rstrip())
    actor.represents = _organization_key(reading, mention, start, body_end)


def _spokespeople(reading: _Reading) -> None:
    """Find the body of a spokesperson a lower-case word names: "ministry spokesman X".

    The word must name exactly one organization the text mentions ("ministry"
    and the "Ministry of Foreign Affairs"), or one that an unnamed spokesperson
    spoke for before; else the body stays unknown.
    """
    doc = reading.doc
    bodies = [a for a in reading.actors.values() if a.kind == "organization" and a.name is not None]
    for actor in list(reading.actors.values()):
        if actor.kind != "person" or actor.represents is not None or actor.title is None:
            continue
        if title_kind(actor.title) != "spokesperson":
            continue
        for ref in reading.refs:
            if ref.key != actor.key or ref.via != "name":
                continue
            word = doc.word_before(ref.start, max(0, ref.start - 30))
            named = [b for b in bodies if word and word in (b.name or "").lower().split()]
            if len(named) > 1:  # the one a spokesperson was said to speak for
                named = [b for b in named if b.key in reading.spoken_for]
            if word.islower() and len(named) == 1:
                actor.represents = named[0].key
                break


def _organization_key(reading: _Reading, mention: ActorMention, start: int, end: int) -> str | None:
    name = mention.organization
    country = mention.country
    if name is None and country is None:
        return None
    if mention.organization_kind is OrganizationKind.STATE and country is not None:
        if not is_country_code(country):
            return None
        key = f"organization::{country}"
        if key not in reading.actors:
            state = reading.actors[key] = _Draft(key, "organization", Span(start=start, end=end))
            state.country = country
            state.org_kind = OrganizationKind.STATE
            state.name = country_name(country)
        return key
    key = f"organization:{name or ''}:{country or ''}"
    actor = reading.actors.get(key)
    if actor is None:
        actor = reading.actors[key] = _Draft(key, "organization", Span(start=start, end=end))
        actor.organization = name
        actor.country = country
        actor.org_kind = mention.organization_kind or (
            OrganizationKind.STATE if name is None else OrganizationKind.OTHER
        )
        actor.name = name or (country_name(country) if country else None)
    return key


def _gender_hints(reading: _Reading) -> None:
    """Learn who is a man or a woman from "Mr."/"Ms." and from a pronoun after a name.

    The pronoun counts when it comes right after the name ("Lavrov and his
    ...") or when the name is the first person its sentence names as a
    subject, not after a preposition ("After talks with Berg, Lopes said she
    ..."); in "Lopes hoped Berg would join a forum she hosts", "she" tells
    nothing about Berg.
    """
    doc = reading.doc
    first_in_sentence: set[int] = set()
    seen: set[int] = set()
    for ref in reading.refs:
        index = doc.sentence_at(ref.start)
        if (
            ref.via == "name"
            and reading.actors[ref.key].kind == "person"
            and index not in seen
            and subject_like(doc, ref, doc.sents[index].start)
        ):
            seen.add(index)
            first_in_sentence.add(ref.start)
    for ref in reading.refs:
        actor = reading.actors[ref.key]
        if actor.kind != "person" or ref.via != "name":
            continue
        before = doc.text[max(0, ref.start - 6) : ref.start]
        honorific = _HONORIFIC_RE.search(before)
        if honorific is not None:
            actor.gender = "m" if honorific.group(1).lower() == "mr" else "f"
            continue
        sentence = doc.sents[doc.sentence_at(ref.start)]
        following = reading.refs_between(ref.end, sentence.end)
        limit = following[0].start if following else sentence.end
        reach = _PRONOUN_REACH if ref.start in first_in_sentence else _PRONOUN_NEAR
        pronoun = _POSSESSIVE_RE.search(doc.text, ref.end, min(limit, ref.end + reach))
        if (
            pronoun is not None
            and actor.gender is None
            and doc.in_quote(pronoun.start()) is None
            and not _OBJECT_HER_RE.match(doc.text, pronoun.start())
        ):
            actor.gender = "m" if pronoun.group(0).lower() in {"his", "he"} else "f"


#: The fields an actor keeps once read.
_FACTS: Final = frozenset(attrs.fields_dict(Actor)) - {"id", "names"}


def _frozen(doc: Document, book: NameBook, actor: _Draft) -> Actor:
    names: tuple[str, ...] = ()
    if actor.kind == "person" and not actor.unnamed:
        names = book.names(actor.key.partition(":")[2])
    facts = attrs.asdict(actor, recurse=False, filter=lambda field, _: field.name in _FACTS)
    return Actor(id=_actor_id(doc, actor.key), names=names, **facts)


def _actor_id(doc: Document, key: str) -> str:
    return stable_id(key.partition(":")[0], key, namespace=doc.namespace)


def state_actor(doc: Document, country: str, at: Span) -> Actor:
    """The state of *country* as an actor, for a state the text never names itself."""
    key = f"organization::{country}"
    return Actor(
        key=key,
        id=_actor_id(doc, key),
        kind="organization",
        first=at,
        country=country,
        org_kind=OrganizationKind.STATE,
        name=country_name(country),
    )


def described_actor(doc: Document, name: str, at: Span, record: str) -> Actor:
    """A speaker the text describes or names only where it speaks ("officials said").

    *record* is "person" for an unnamed person (or a group of people),
    "body" for an unnamed organization (or the poll or report it put out),
    "named" for a person named nowhere else, or the kind of an organization
    ("the campaign said").
    """
    person = record in {"person", "named"}
    kind = "person" if person else "organization"
    key = f"{kind}:said:{name.lower()}"
    body = record == "body"  # unnamed: "the bank", or what it put out: "a new poll"
    return Actor(
        key=key,
        id=_actor_id(doc, key),
        kind=kind,
        first=at,
        name=name,
        org_kind=None if person else OrganizationKind.OTHER if body else OrganizationKind(record),
        unnamed=record == "person" or body,
    )
