"""What several stages share: the actors read from the text, and small readings of clauses.

The actors stage returns a `Cast`: every person and organization with its
facts (`Actor`), and every mention resolved to one of them (`Ref`). The
later stages read it and never change it.
"""

import bisect
import re
from collections.abc import Mapping
from typing import Final, NamedTuple, Protocol

import attrs

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.rules._cues import PREPOSITIONS, TITLE_HEADS
from diplo_events.model import Citation, CitationRole, OrganizationKind, Span, stable_id

__all__ = [
    "CLAIMED_RE",
    "INSISTED_CLAIM_RE",
    "PRONOUN_BEFORE_RE",
    "PRONOUN_GENDER",
    "RECENT",
    "Actor",
    "Cast",
    "Ids",
    "Ref",
    "antecedent",
    "clause_cited",
    "clause_end",
    "last_clause",
    "resolve_title",
    "subject_like",
]

#: How many drafted items back a new one is compared with, to merge or skip it.
RECENT: Final = 8

#: "he" or "she" as the subject right before a verb: "She said", "and he later urged".
PRONOUN_BEFORE_RE: Final = re.compile(
    r"(?:^|[\s,;:—(])(he|she|He|She)(?:\s+(?:has|had|also|later|then|[a-z]+ly))*\s+$"
)
#: The gender a personal pronoun tells: "m" or "f".
PRONOUN_GENDER: Final = {"he": "m", "him": "m", "she": "f", "her": "f"}
# A clause with a verb that says how things are, up to any one of those verbs.
_CLAIM_LEAD: Final = (
    r"(?:\s+that)?(?:\s+[\w’'-]+){1,6}?\s+"
    r"(?:is|are|was|were|had|has|would|could|might|may|will|did|does"
)
#: "suggested (that) X was ...": a claim, not what should be done (a proposal).
CLAIMED_RE: Final = re.compile(_CLAIM_LEAD + r"|have|do)\b")
#: The same for "insisted (that) X had ...", a claim where "insisted that Turkey do more" and
#: "insisted that they have access" are demands: no bare "do" or "have".
INSISTED_CLAIM_RE: Final = re.compile(_CLAIM_LEAD + r"|have\s+(?:been|[a-z]+(?:ed|en)))\b")
_ANTECEDENT_SENTENCES: Final = 4
#: How many mentions back a title alone ("the Armenian minister") may refer.
_TITLE_REACH: Final = 60
# A title's abbreviation, whose period ends no clause: "asked Gov. Rick Snyder to resign".
_AFTER_TITLE: Final = "".join(
    rf"(?<!\b{word}\.)"
    for word in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt")
)
# A sentence end, or a comma before a new clause: ", and Baerbock accepted", or before the
# source of what the clause reports: ", according to a statement", also after a quote's
# closing mark (“… Terrence,” but pledged). A period before a word
# in lower case or a number ends nothing ("urged the U.S. to", "at 10 a.m. on Friday"); one
# before a capital does, though after an initial ("sanctions on the U.S. The talks").
_CLAUSE_END_RE: Final = re.compile(
    rf"[;!?](?:\s|$)|\.{_AFTER_TITLE}(?:\s*$|\s+(?![a-z0-9]))"
    r"|(?:,|(?<=,[”\"]))\s+(?:and|but|while|whereas|according\s+to)\s"
)


class Ref(NamedTuple):
    """One mention in the text resolved to an actor."""

    start: int
    end: int
    key: str
    via: str  # "name", "title", "pronoun", "state", "body", "unnamed"


@attrs.frozen
class Actor:
    """A person or organization the text mentions, gathered over all its mentions.

    Attributes:
        key: The key mentions are resolved to ("person:...", "organization:...").
        id: The id of its record.
        kind: "person" or "organization".
        first: Its first mention.
        name: Its name, the longest given.
        title: Its title.
        gender: "m" or "f", from honorifics and pronouns.
        country: The country it stands for.
        organization: The body it belongs to (or is).
        org_kind: The kind of an organization.
        names: Every spelling of a person's name, from the name book.
        unnamed: A person the text describes but does not name ("a senior
            official"); *name* holds the description.
        represents: The key of the organization an unnamed person or a
            spokesperson speaks for.
    """

    key: str
    id: str
    kind: str
    first: Span
    name: str | None = None
    title: str | None = None
    gender: str | None = None
    country: str | None = None
    organization: str | None = None
    org_kind: OrganizationKind | None = None
    names: tuple[str, ...] = ()
    unnamed: bool = False
    represents: str | None = None


@attrs.frozen
class Cast:
    """The actors of a text and the mentions resolved to them, in text order.

    Attributes:
        actors: Every actor by key.
        refs: Every mention resolved to an actor, in text order.
        ref_starts: The start of each mention.
        said_by: For a quote (by the offset of its opening mark) whose words
            around it name its speaker, that mention and where it stands:
            "after" the quote, "before" it, or after a "dash".
        turns: The turns of a transcript the text quotes: the speaker's
            label, and where the words said begin and end.
    """

    actors: Mapping[str, Actor]
    refs: tuple[Ref, ...]
    ref_starts: tuple[int, ...]
    said_by: Mapping[int, tuple[Ref, str]] = attrs.field(factory=dict)
    turns: tuple[tuple[Ref, int, int], ...] = ()

    def refs_between(self, start: int, end: int) -> list[Ref]:
        """The mentions that lie wholly within start..end."""
        low = bisect.bisect_left(self.ref_starts, start)
        high = bisect.bisect_left(self.ref_starts, end)
        return [r for r in self.refs[low:high] if r.end <= end]

    def is_person(self, key: str) -> bool:
        """Whether the actor *key* is a person."""
        return self.actors[key].kind == "person"


def subject_like(doc: Document, ref: Ref, floor: int) -> bool:
    """Whether a mention may be a subject: no preposition comes right before it."""
    return doc.word_before(ref.start, floor) not in PREPOSITIONS


class Ids:
    """Record ids for one stage: stable ids from keys, made distinct where keys repeat."""

    __slots__ = ("namespace", "used")

    def __init__(self, doc: Document) -> None:
        self.namespace = doc.namespace
        self.used = {doc.source.id}

    def __call__(self, record_type: str, key: str) -> str:
        record_id = stable_id(record_type, key, namespace=self.namespace)
        suffix = 2
        while record_id in self.used:
            record_id = stable_id(record_type, f"{key}#{suffix}", namespace=self.namespace)
            suffix += 1
        self.used.add(record_id)
        return record_id


class Titled(Protocol):
    """What `resolve_title` reads of an actor."""

    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...


def resolve_title(
    refs: tuple[Ref, ...] | list[Ref],
    ref_starts: tuple[int, ...] | list[int],
    actors: Mapping[str, Titled],
    *,
    title: str,
    start: int,
    country: str | None,
) -> tuple[str | None, bool]:
    """The person a title-only mention ("the Armenian minister") refers back to.

    The nearest compatible person named before the mention, not too far back;
    one whose country is not known yet will do if no one of the mention's
    country does. Returns the key, and whether it is such a person of no
    known country (who then takes the mention's country).
    """
    head = title.rsplit(maxsplit=1)[-1].casefold()
    heads = TITLE_HEADS.get(head, {head})
    index = bisect.bisect_left(ref_starts, start)
    unknown: str | None = None
    for ref in reversed(refs[max(0, index - _TITLE_REACH) : index]):
        actor = actors[ref.key]
        if actor.kind != "person" or actor.title is None:
            continue
        if not heads & set(actor.title.casefold().split()):
            continue
        if country is None or actor.country == country:
            return ref.key, False
        if actor.country is None and unknown is None:
            unknown = ref.key
    return unknown, unknown is not None


def antecedent(doc: Document, cast: Cast, offset: int, gender: str | None = None) -> str | None:
    """The person a pronoun at *offset* most likely refers to.

    The subject of its own sentence when someone is named before it there
    ("Lavrov said that he ..."), else the subject of the nearest sentence
    before that names someone, looking past sentences wholly inside a quote
    (a quote that runs on over paragraphs); a person known to be of the
    other gender is passed over.
    """
    back = doc.sentence_at(offset)
    looked = 0
    while back >= 0 and looked < _ANTECEDENT_SENTENCES:
        sentence = doc.sents[back]
        back -= 1
        quote = doc.in_quote(sentence.start)
        if quote is not None and sentence.end <= quote.close_at + 1 and sentence.end <= offset:
            continue  # a sentence wholly inside a quote names no one outside it: look past it
        looked += 1
        people = [
            r
            for r in cast.refs_between(sentence.start, min(sentence.end, offset))
            if cast.is_person(r.key)
            and r.via != "pronoun"
            and doc.in_quote(r.start) is None
            and (gender is None or cast.actors[r.key].gender in {None, gender})
        ]
        if people:
            subjects = [r for r in people if subject_like(doc, r, sentence.start)]
            return (subjects or people)[0].key
    return None


def last_clause(text: str, start: int, end: int) -> int:
    """Where the clause holding *end* begins, from *start* on.

    A clause begins after the last comma or semicolon, or after a sentence end
    inside a quote of several sentences.
    """
    cut = max(text.rfind(mark, start, end) for mark in (",", ";", ". ", "? ", "! "))
    return start if cut < 0 else cut + 1


def clause_end(doc: Document, start: int, limit: int) -> int:
    """End of the clause that starts at *start*: the sentence end, not past *limit*."""
    sentence = doc.sents[doc.sentence_at(start)]
    end = min(sentence.end, limit)
    quote = doc.in_quote(start)
    if quote is not None:
        end = min(end, quote.end)
    match = _CLAUSE_END_RE.search(doc.text, start, end)
    if match is not None:
        end = match.start()
    cut = end
    while end > start and doc.text[end - 1] in ' ,:;.”"':
        end -= 1
    words = doc.text[start:end]
    if words.count("“") > words.count("”") and "”" in doc.text[end:cut]:
        end = doc.text.rindex("”", end, cut) + 1  # “… Terrence,”: its quote closed
    elif words.count('"') % 2 and '"' in doc.text[end:cut]:
        end = doc.text.rindex('"', end, cut) + 1  # the same in straight marks
    return end


def clause_cited(citations: tuple[Citation, ...]) -> tuple[int, int] | None:
    """Where the whole clause of a drafted record lies, by its citations.

    That is its context citation when the content is only part of the clause
    (reported speech, "X urged Y to Z"), else its first citation, the content;
    ``None`` when that cites no spans.
    """
    cited = next((c for c in citations if c.role is CitationRole.CONTEXT), None)
    if cited is None and citations:
        cited = citations[0]
    if cited is None or not cited.spans:
        return None
    return cited.spans[0].start, cited.spans[-1].end
