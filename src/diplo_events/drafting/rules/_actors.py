"""Stage 1: the people and organizations a text mentions, and every mention resolved to one.

Names first (spelling variants merged by a `NameBook`), then titles alone
("the Armenian minister") referring back to someone named, then "he" and
"she". The stage returns a frozen `Cast`; `actor_records` drafts the
`Person` and `Organization` records from it at the end.
"""

import bisect
import re
import types
from typing import Final

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._gazetteer import is_national_body as _is_national_body
from diplo_events.drafting.reading._mentions import MentionMatch
from diplo_events.drafting.reading._namebook import NameBook
from diplo_events.drafting.reading._phrase import ActorMention
from diplo_events.drafting.rules._cues import confidence
from diplo_events.drafting.rules._shared import (
    Actor,
    Cast,
    Ref,
    antecedent,
    resolve_title,
    subject_like,
)
from diplo_events.model import (
    Organization,
    OrganizationKind,
    Person,
    Span,
    country_name,
    is_country_code,
    stable_id,
)

__all__ = ["actor_records", "described_actor", "outlet", "read_actors", "state_actor"]

ACTOR_FIRST_MENTION: Final = confidence("actor-first-mention")
OUTLET_DATELINE: Final = confidence("outlet-dateline")

_PRONOUN_RE: Final = re.compile(r"\b(?:he|she|He|She|him)\b")
_POSSESSIVE_RE: Final = re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE)
#: "her" as an object ("Parata thanked her for ..."): someone else, not the name before it.
_OBJECT_HER_RE: Final = re.compile(
    r"her\b(?=\s*(?:[,.;:!?]|\b(?:for|to|that|in|on|at|with|and|by|about|as|from|of|into)\b))",
    re.IGNORECASE,
)
_HONORIFIC_RE: Final = re.compile(r"\b(Mr|Ms|Mrs|Madam)\.?\s+$")
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


class _Reading:
    """The actors stage at work: what it has read so far. It never leaves `read_actors`."""

    __slots__ = ("actors", "book", "doc", "ref_starts", "refs")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.actors: dict[str, _Draft] = {}
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

    def cast(self) -> Cast:
        actors = {key: _frozen(self.doc, self.book, actor) for key, actor in self.actors.items()}
        return Cast(
            actors=types.MappingProxyType(actors),
            refs=tuple(self.refs),
            ref_starts=tuple(self.ref_starts),
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
    # Titles alone ("the Polish minister") once every named person has a title; they
    # refer back to people named, not to other titles alone.
    named, named_starts = tuple(reading.refs), tuple(reading.ref_starts)
    for match in titled:
        mention = match.mention
        if mention.title is None:
            continue
        key, unknown = resolve_title(
            named,
            named_starts,
            reading.actors,
            title=mention.title,
            start=match.span.start,
            country=mention.country,
        )
        if unknown and key is not None:
            reading.actors[key].country = mention.country  # "the Vietnamese Minister"
        if key is not None:
            reading.refs.append(Ref(match.span.start, match.span.end, key, "title"))
    reading.index_refs()
    return _read_pronouns(reading)


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


def _read_pronouns(reading: _Reading) -> Cast:
    """Resolve "he" and "she" outside quotes to the person last named before them."""
    doc = reading.doc
    _gender_hints(reading)
    before = reading.cast()  # every actor is known now; only the pronouns are left
    for pronoun in _PRONOUN_RE.finditer(doc.text):
        if doc.in_quote(pronoun.start()) is not None:
            continue
        gender = "m" if pronoun.group(0).lower() in {"he", "him"} else "f"
        key = antecedent(doc, before, pronoun.start(), gender)
        if key is not None:
            reading.refs.append(Ref(pronoun.start(), pronoun.end(), key, "pronoun"))
    reading.index_refs()
    return Cast(
        actors=before.actors, refs=tuple(reading.refs), ref_starts=tuple(reading.ref_starts)
    )


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
    if mention.name is None:
        return None
    known = reading.book.resolve(mention.name)
    if known is None:
        if " " not in mention.name.strip():
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
    return key


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
_FACTS: Final = frozenset(attrs.fields_dict(Actor)) - {"id", "names", "unnamed"}


def _frozen(doc: Document, book: NameBook, actor: _Draft) -> Actor:
    names: tuple[str, ...] = ()
    if actor.kind == "person":
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

    *record* is "person" for an unnamed person (or a group of people, or a
    poll or report), "named" for a person named nowhere else, or the kind of
    an organization ("the campaign said").
    """
    if record in {"person", "named"}:
        key = f"person:said:{name.lower()}"
        return Actor(
            key=key,
            id=_actor_id(doc, key),
            kind="person",
            first=at,
            name=name,
            unnamed=record == "person",
        )
    key = f"organization:said:{name.lower()}"
    return Actor(
        key=key,
        id=_actor_id(doc, key),
        kind="organization",
        first=at,
        name=name,
        org_kind=OrganizationKind(record),
    )


def actor_records(doc: Document, actors: list[Actor]) -> list[Person | Organization]:
    """The records of *actors*, and of the news agency a wire dateline names, if any."""
    records: list[Person | Organization] = []
    states: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "organization" and actor.org_kind is OrganizationKind.STATE:
            states[actor.country or ""] = actor.id
    for actor in actors:
        citation = doc.cite(actor.first.start, actor.first.end, ACTOR_FIRST_MENTION)
        if actor.kind == "person":
            name = actor.name or actor.names[0]
            records.append(
                Person(
                    id=actor.id,
                    name=name,
                    aliases=tuple(n for n in actor.names if n != name),
                    unnamed=actor.unnamed,
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
                id=actor.id,
                name=_organization_name(actor),
                kind=actor.org_kind or OrganizationKind.OTHER,
                country=actor.country if actor.country and is_country_code(actor.country) else None,
                parent=parent,
                citations=(citation,),
                draft=True,
            )
        )
    return records


def outlet(doc: Document) -> Organization | None:
    """The news agency a wire dateline names, as the source's publisher.

    ``MOSCOW, March 3 (Northgate Wire) —`` was written by Northgate Wire. A
    publisher the given source names already is kept.
    """
    dateline = doc.dateline
    if dateline is None or dateline.agency is None or doc.source.publisher is not None:
        return None
    name = " ".join(dateline.agency.split())
    start = dateline.agency_start
    return Organization(
        id=stable_id("organization", f"outlet:{name}", namespace=doc.namespace),
        name=name,
        kind=OrganizationKind.OUTLET,
        citations=(doc.cite(start, start + len(dateline.agency), OUTLET_DATELINE),),
        draft=True,
    )


def _organization_name(actor: Actor) -> str:
    if actor.org_kind is OrganizationKind.STATE and actor.country:
        return country_name(actor.country)
    name = actor.organization or actor.name or "unknown organization"
    if (
        actor.org_kind is OrganizationKind.MINISTRY
        and actor.country
        and not _is_national_body(name)
    ):
        return f"{name} of {country_name(actor.country)}"  # not "the FCDO of the United Kingdom"
    return name
