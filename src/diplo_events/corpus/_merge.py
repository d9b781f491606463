"""`merge`: one dataset from many collections of drafts, with a report of what it merged.

The rules, in the order they run (docs/corpus.md says them for users):

1. Records with the same id are one record (the same article drafted twice).
2. Sources with the same text are one source; sources without text, with the
   same URL. Sources with the same URL and different texts stay apart (their
   citations' spans index different texts), and the report says so.
3. Organizations that share a name or alias (case, accents, punctuation and a
   leading "the" aside) are one, unless they name different countries or one
   is part of the other.
4. Persons that share a full name key (`name_key`, "Mr."/"Dr." aside) are one;
   so are a name without middle names and the one name with them ("Donald
   Trump", "Donald J. Trump") when only one such fuller name is in the data;
   a surname alone ("Mr. Trump") joins the one person of that surname, and
   stays apart when there are several. A group whose nationalities share no
   country stays apart. Unnamed persons and bodies are never merged.
5. Meetings of the same kind with the same participants are one when their
   dates and places agree (equal, or one within the other); when they do not
   agree but lie within *near_days* of each other, both are kept and linked
   by a draft `Reference` (relation ``same_as``) saying they may be one event.

Every merged record keeps the smallest id of the records it merges, so the
result does not depend on the order of the inputs, merging again changes
nothing, and ids already published stay valid for one of the records. Every
field that held a merged id is rewritten through the model's registry of id
fields.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
from attrs import frozen

from diplo_events.corpus._combine import (
    Disagreement,
    canonical,
    combine,
    groups,
    nested,
    rewrite,
    union_find,
)
from diplo_events.drafting import name_key
from diplo_events.model import (
    Collection,
    Location,
    Meeting,
    Organization,
    Person,
    Record,
    Reference,
    Relation,
    Source,
    registry,
    stable_id,
)
from diplo_events.model import _rules as v

__all__ = ["Conflict", "KeptApart", "MergeReport", "Merged", "Merging", "merge"]

_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam"})
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORDER: Final = {tag: index for index, tag in enumerate(registry.RECORD_TYPES)}
#: The namespace of the ids of the references merge() adds.
_LINK_KEY: Final = "diplo_events.merge:may-be-same:{}:{}"


@frozen
class Merging:
    """Records merged into one.

    Attributes:
        type: Their record type.
        id: The id the merged record has: the smallest of theirs.
        merged: The other ids, now rewritten to *id* everywhere, sorted.
        reason: Why they are one, in words.

    .. versionadded:: 0.2.0
    """

    type: str
    id: str
    merged: tuple[str, ...]
    reason: str


@frozen
class Conflict:
    """A field on which merged records disagreed, and the value kept.

    Attributes:
        id: The merged record.
        field: The field's JSON path in it, such as ``$.kind``.
        values: The differing values, as text, sorted.
        kept: The value kept: the most common, ties to the smallest.

    .. versionadded:: 0.2.0
    """

    id: str
    field: str
    values: tuple[str, ...]
    kept: str


@frozen
class KeptApart:
    """Records that looked alike and were not merged, and why.

    Attributes:
        ids: The records, sorted.
        reason: Why they were kept apart.
        link: The id of the `Reference` that links them as maybe one event, or ``None``.

    .. versionadded:: 0.2.0
    """

    ids: tuple[str, ...]
    reason: str
    link: str | None = None


@frozen
class MergeReport:
    """What `merge` did: records merged, values they disagreed on, records kept apart.

    Attributes:
        merged: One entry per merged record, by type and id.
        conflicts: Each disagreement on a single value, with the value kept.
        kept_apart: Look-alikes left as separate records, with the reason.
        dropped: Ids of references dropped because merging made them point
            at their own subject.

    .. versionadded:: 0.2.0
    """

    merged: tuple[Merging, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    kept_apart: tuple[KeptApart, ...] = ()
    dropped: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            (
                f"merged {sum(len(m.merged) for m in self.merged)} records "
                f"into {len(self.merged)}; {len(self.conflicts)} conflicts; "
                f"{len(self.kept_apart)} kept apart"
            )
        ]
        lines.extend(f"  {m.id} <- {', '.join(m.merged)}: {m.reason}" for m in self.merged)
        lines.extend(
            f"  conflict {c.id} {c.field}: {' | '.join(c.values)} (kept {c.kept})"
            for c in self.conflicts
        )
        lines.extend(f"  apart {', '.join(k.ids)}: {k.reason}" for k in self.kept_apart)
        return "\n".join(lines)


@frozen
class Merged:
    """The result of `merge`: the dataset and the report.

    Attributes:
        collection: The merged records, sorted by type (in the registry's
            order) and id.
        report: What was merged, and why.

    .. versionadded:: 0.2.0
    """

    collection: Collection
    report: MergeReport


class _Run:
    """One merge: the records by id, the id mapping so far, and what the report gathers."""

    def __init__(self, records: dict[str, Record]) -> None:
        self.records = records
        self.merged: list[Merging] = []
        self.conflicts: list[Conflict] = []
        self.kept_apart: list[KeptApart] = []
        self.dropped: list[str] = []

    def of_type(self, cls: type) -> list[Any]:
        return sorted((r for r in self.records.values() if type(r) is cls), key=lambda r: r.id)

    def fold(self, ids: list[str], reason: str) -> str:
        """Merge the records of *ids* into one with the smallest id; return the mapping's target."""
        kept = min(ids)
        problems: list[Disagreement] = []
        members = [self.records.pop(record_id) for record_id in ids]
        self.records[kept] = combine(members, kept, problems)
        self.conflicts.extend(
            Conflict(kept, path, values, chosen) for path, values, chosen in problems
        )
        self.merged.append(
            Merging(members[0].type, kept, tuple(i for i in ids if i != kept), reason)
        )
        return kept

    def apply(self, components: dict[str, list[str]], reason: str) -> None:
        mapping: dict[str, str] = {}
        for ids in components.values():
            if len(ids) > 1:
                kept = self.fold(ids, reason)
                mapping.update((record_id, kept) for record_id in ids if record_id != kept)
        if mapping:
            self.rewrite_all(mapping)

    def rewrite_all(self, mapping: dict[str, str]) -> None:
        for record_id, record in list(self.records.items()):
            new = rewrite(record, mapping)
            if new is record:
                continue
            if isinstance(new, Reference) and new.target == new.subject:
                del self.records[record_id]
                self.dropped.append(record_id)
                continue
            self.records[record_id] = _unloop(new)


def _unloop(record: Record) -> Record:
    if isinstance(record, Meeting) and record.part_of == record.id:
        return attrs.evolve(record, part_of=None)
    if isinstance(record, Organization) and record.parent == record.id:
        return attrs.evolve(record, parent=None)
    return record


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _org_key(name: str) -> str:
    words = re.findall(r"\w+", _plain(name).replace("'", "").replace("\u2019", ""))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _person_words(name: str) -> tuple[str, ...]:
    words = name_key(name).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return tuple(words)


def _same_id(records: Iterable[Record], report: list[Conflict]) -> dict[str, Record]:
    by_id: dict[str, list[Record]] = {}
    for record in records:
        same = by_id.setdefault(record.id, [])
        if record not in same:
            same.append(record)
    out: dict[str, Record] = {}
    for record_id, same in by_id.items():
        if len(same) == 1:
            out[record_id] = same[0]
            continue
        problems: list[Disagreement] = []
        out[record_id] = combine(same, record_id, problems)
        report.extend(Conflict(record_id, path, values, kept) for path, values, kept in problems)
    return out


def _sources(run: _Run) -> None:
    sources: list[Source] = run.of_type(Source)
    find, union = union_find(s.id for s in sources)
    by_text: dict[str, str] = {}
    by_url: dict[str, str] = {}
    texts_by_url: dict[str, set[str]] = {}
    for source in sources:
        if source.text is not None:
            union(by_text.setdefault(source.text, source.id), source.id)
            if source.url is not None:
                texts_by_url.setdefault(source.url, set()).add(source.id)
        elif source.url is not None:
            union(by_url.setdefault(source.url, source.id), source.id)
    for url, ids in sorted(texts_by_url.items()):
        roots = sorted({find(i) for i in ids})
        if len(roots) > 1:
            run.kept_apart.append(
                KeptApart(tuple(roots), f"the same URL {url!r} with different texts")
            )
    run.apply(groups((s.id for s in sources), find), "the same text, or the same URL")


def _organizations(run: _Run) -> None:
    named = [o for o in run.of_type(Organization) if not o.unnamed]
    find, union = union_find(o.id for o in named)
    first: dict[str, str] = {}
    for organization in named:
        for name in (organization.name, *organization.aliases):
            key = _org_key(name)
            if key:
                union(first.setdefault(key, organization.id), organization.id)
    components: dict[str, list[str]] = {}
    for root, ids in groups((o.id for o in named), find).items():
        countries = {run.records[i].country for i in ids} - {None}  # type: ignore[union-attr]
        members = set(ids)
        if len(countries) > 1:
            run.kept_apart.append(KeptApart(tuple(ids), "the same name in different countries"))
        elif any(run.records[i].parent in members for i in ids):  # type: ignore[union-attr,operator]
            run.kept_apart.append(KeptApart(tuple(ids), "the same name, one part of another"))
        else:
            components[root] = ids
    run.apply(components, "the same name or alias")


def _persons(run: _Run) -> None:
    named: list[Person] = [p for p in run.of_type(Person) if not p.unnamed]
    words_of = {p.id: {w for w in map(_person_words, p.names()) if w} for p in named}
    find, union = union_find(words_of)
    full = _join_full_names(words_of, union)
    # A surname alone joins the one person of that surname.
    surnames: dict[str, set[str]] = {}
    for words, person_id in full.items():
        surnames.setdefault(_bare(words)[-1], set()).add(find(person_id))
    joins: list[tuple[str, str]] = []
    for person_id, names in words_of.items():
        if names and all(len(words) == 1 for words in names):
            roots = set().union(*(surnames.get(words[0], set()) for words in names))
            if len(roots) == 1:
                joins.append((person_id, roots.pop()))
    for person_id, root in joins:
        union(person_id, root)
    components: dict[str, list[str]] = {}
    for root, ids in groups(words_of, find).items():
        nationalities = [set(run.records[i].nationality) for i in ids]  # type: ignore[union-attr]
        given = [n for n in nationalities if n]
        if given and not set.intersection(*given):
            run.kept_apart.append(KeptApart(tuple(ids), "the same name, different nationalities"))
        else:
            components[root] = ids
    run.apply(components, "the same person's name")


def _join_full_names(
    words_of: dict[str, set[tuple[str, ...]]], union: Callable[[str, str], None]
) -> dict[tuple[str, ...], str]:
    """Join persons who share a full name; return each full name's first person."""
    full: dict[tuple[str, ...], str] = {}
    loose: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for person_id, names in words_of.items():
        for words in names:
            if len(words) > 1:
                union(full.setdefault(words, person_id), person_id)
                loose.setdefault(_loose(words), set()).add(words)
    # A name without middle names is the one fuller name of that first name and surname.
    for names in loose.values():
        if sum(1 for words in names if len(_bare(words)) > 2) <= 1:  # noqa: PLR2004 - a middle
            ordered = sorted(names)
            for words in ordered[1:]:
                union(full[ordered[0]], full[words])
    return full


def _bare(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name without a generation suffix."""
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def _loose(words: tuple[str, ...]) -> tuple[str, str]:
    bare = _bare(words)
    return bare[0], bare[-1]


def _place_key(location: Location | None) -> tuple[str, str | None] | None:
    if location is None:
        return None
    return (_org_key(location.name) if location.name else "", location.country)


def _places_agree(a: Meeting, b: Meeting) -> bool:
    pa, pb = _place_key(a.location), _place_key(b.location)
    if pa is None or pb is None:
        return True
    names = pa[0] == pb[0] or not pa[0] or not pb[0]
    countries = pa[1] == pb[1] or pa[1] is None or pb[1] is None
    return names and countries


def _dates_agree(a: Meeting, b: Meeting) -> bool:
    if nested([a.date, b.date]) is None:
        return False
    if a.end_date is None or b.end_date is None:
        return True
    return nested([a.end_date, b.end_date]) is not None


def _apart_days(a: Meeting, b: Meeting) -> int:
    a_low, a_high = a.date.earliest or dt.date.min, a.last_date.latest or dt.date.max
    b_low, b_high = b.date.earliest or dt.date.min, b.last_date.latest or dt.date.max
    if a_high < b_low:
        return (b_low - a_high).days
    if b_high < a_low:
        return (a_low - b_high).days
    return 0


def _meetings_by_sign(run: _Run) -> dict[tuple[str, frozenset[str]], list[Meeting]]:
    """The run's meetings with participants, by their kind and the set of their actors."""
    by_sign: dict[tuple[str, frozenset[str]], list[Meeting]] = {}
    for meeting in run.of_type(Meeting):
        actors = frozenset(p.actor for p in meeting.participants)
        if actors:
            by_sign.setdefault((meeting.kind.value, actors), []).append(meeting)
    return by_sign


def _meetings(run: _Run, near_days: int) -> None:
    by_sign = _meetings_by_sign(run)
    components: dict[str, list[str]] = {}
    for sign, meetings in sorted(by_sign.items(), key=lambda item: canonical(item[0])):
        del sign
        find, union = union_find(m.id for m in meetings)
        agree = {
            (a.id, b.id)
            for a in meetings
            for b in meetings
            if a.id < b.id
            and b.id != a.part_of
            and a.id != b.part_of  # a meeting and a part of it are two events
            and _dates_agree(a, b)
            and _places_agree(a, b)
        }
        for a_id, b_id in agree:
            union(a_id, b_id)
        for root, ids in groups((m.id for m in meetings), find).items():
            pairs = {(a, b) for a in ids for b in ids if a < b}
            if pairs <= agree:
                components[root] = ids
            else:
                run.kept_apart.append(
                    KeptApart(tuple(ids), "dates or places that do not all agree")
                )
                components.update((i, [i]) for i in ids)
    run.apply(components, "the same meeting: kind, participants, date and place agree")
    _link_near(run, near_days)


def _link_near(run: _Run, near_days: int) -> None:
    by_sign = _meetings_by_sign(run)
    for meetings in by_sign.values():
        for index, a in enumerate(meetings):
            for b in meetings[index + 1 :]:
                if _apart_days(a, b) > near_days:
                    continue
                what = (
                    " and ".join(
                        part
                        for part, agree in (
                            ("date", _dates_agree(a, b)),
                            ("place", _places_agree(a, b)),
                        )
                        if not agree
                    )
                    or "date or place, by way of a third report"
                )
                link = Reference(
                    id=stable_id("reference", _LINK_KEY.format(a.id, b.id)),
                    subject=a.id,
                    relation=Relation.SAME_AS,
                    target=b.id,
                    description=(
                        "may be the same event: the same kind and participants, "
                        f"but the sources disagree on its {what}"
                    ),
                    draft=True,
                )
                run.records.setdefault(link.id, link)
                run.kept_apart.append(
                    KeptApart((a.id, b.id), f"the same meeting but for its {what}", link.id)
                )


def merge(collections: Iterable[Collection], *, near_days: int = 7) -> Merged:
    """Merge collections of records into one dataset, and say what was merged.

    The same person, organization, meeting or source found in several
    collections (or twice in one) becomes one record; every id that pointed
    at a merged record is rewritten. The rules are in the module's guide
    (docs/corpus.md, "Merging"): conservative name matching, meetings joined
    only when kind, participants, date and place agree, and, where sources
    disagree on a meeting's date or place, both meetings kept and linked by a
    draft `Reference` that says they may be one event.

    Args:
        collections: The collections to merge: drafts from `extract_many`,
            a dataset merged before and new drafts to add to it, ...
        near_days: How many days apart two meetings of the same kind and
            participants, whose dates disagree, may be and still be linked
            as maybe one event.

    Returns:
        `Merged`: the collection, sorted by type and id, with no two records
        of one id, and the `MergeReport`. A merged record keeps the smallest
        of its records' ids, so the result is the same whatever the order of
        the inputs, and merging it again (or with itself) changes nothing.

    Raises:
        FieldTypeError: *collections* is not an iterable of `Collection`, or
            *near_days* not a non-negative integer.

    Example:
        >>> from diplo_events import Collection, Person
        >>> a = Person(id="person--00000000-0000-4000-8000-000000000001", name="Donald Trump")
        >>> b = Person(id="person--00000000-0000-4000-8000-000000000002", name="Donald J. Trump")
        >>> c = Person(id="person--00000000-0000-4000-8000-000000000003", name="Mr. Trump")
        >>> result = merge([Collection(records=[a]), Collection(records=[b, c])])
        >>> [(p.name, p.aliases) for p in result.collection]
        [('Donald J. Trump', ('Donald Trump', 'Mr. Trump'))]

    .. versionadded:: 0.2.0
    """
    if type(near_days) is not int or near_days < 0:
        raise v.type_error("near_days", "a non-negative integer", near_days)
    given: object = collections  # untrusted: checked, never assumed
    if not isinstance(given, Iterable):
        raise v.type_error("collections", "an iterable of collections", given)
    records: list[Record] = []
    for index, collection in enumerate(given):
        if not isinstance(collection, Collection):
            where = f"collections[{index}]"
            raise v.type_error(where, "a Collection", collection)
        records.extend(collection.records)
    conflicts: list[Conflict] = []
    run = _Run(_same_id(sorted(records, key=canonical), conflicts))
    run.conflicts.extend(conflicts)
    _sources(run)
    _organizations(run)
    _persons(run)
    _meetings(run, near_days)
    ordered = sorted(run.records.values(), key=lambda r: (_ORDER[r.type], r.id))
    report = MergeReport(
        merged=tuple(sorted(run.merged, key=lambda m: (_ORDER[m.type], m.id))),
        conflicts=tuple(sorted(run.conflicts, key=canonical)),
        kept_apart=tuple(sorted(set(run.kept_apart), key=canonical)),
        dropped=tuple(sorted(run.dropped)),
    )
    return Merged(Collection(records=ordered), report)
