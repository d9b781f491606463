"""Questions asked of records that point at each other by id.

Records hold ids, not objects, so what a record means often depends on others:
a statement's date may be its meeting's, a speaker may speak for the ministry
they represent, a quote is checked against the words of a source. These
queries answer such questions once, for everyone who asks them: ``validate()``
checks its rules with them, the Hypothesis strategies build datasets that obey
those rules with them, and the extractor and interchange formats can use them.

Every query takes *records*, anything with a ``get(record_id)`` that returns
the record or ``None``: a `Collection`, or a plain ``dict`` of records by id
while a dataset is being built. Nothing here copies or indexes the records.

>>> import datetime as dt
>>> from diplo_events.model import Meeting, Statement, Person, UncertainDate, graph
>>> lavrov = Person(name="Sergey Lavrov")
>>> talks = Meeting(kind="talks", date=UncertainDate.day(dt.date(2020, 12, 7)))
>>> remark = Statement(speaker=lavrov.id, text="Good.", mode="reported", meeting=talks.id)
>>> records = {r.id: r for r in (lavrov, talks, remark)}
>>> [str(day) for day in graph.event_dates(records, remark)]
['2020-12-07', '2020-12-07']

.. versionadded:: 0.2.0
"""

from collections.abc import Iterator
from typing import Any, Protocol

import attrs

from diplo_events._paths import path_part
from diplo_events.model import registry
from diplo_events.model._dates import UncertainDate
from diplo_events.model._records import (
    Demand,
    Meeting,
    Organization,
    Proposal,
    Source,
    Statement,
)
from diplo_events.model._values import Citation

__all__ = [
    "Records",
    "citations",
    "cited_words",
    "event_dates",
    "held_ids",
    "meeting_family",
    "speaks_for",
    "within",
]


class Records(Protocol):
    """Records by id: a `Collection`, or a ``dict`` of records by id.

    .. versionadded:: 0.2.0
    """

    def get(self, record_id: str, /) -> object:
        """Return the record with *record_id*, or ``None``."""


def _get(records: Records, record_id: str | None) -> object:
    return records.get(record_id) if record_id is not None else None


def held_ids(obj: Any, path: str = "$") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Yield (JSON path, id, allowed record types) for every id *obj* holds, depth first.

    The fields that hold ids, and the types they may point at, come from
    `diplo_events.model.registry`. A record's own ``id`` is not yielded.

    >>> from diplo_events.model import Person, Statement
    >>> speaker = Person(name="Ara Ayvazyan")
    >>> remark = Statement(speaker=speaker.id, text="Yes.", mode="reported")
    >>> [(where, kinds) for where, _, kinds in held_ids(remark)]
    [('$.speaker', ('person', 'organization'))]
    """
    cls = type(obj)
    allowed_by_field = _targets(cls)
    for attribute in attrs.fields(cls):
        if attribute.name.startswith("_"):
            continue
        allowed = allowed_by_field.get(attribute.name)
        here = path + path_part(attribute.name)
        value = getattr(obj, attribute.name)
        items = (
            [(f"{here}[{index}]", item) for index, item in enumerate(value)]
            if isinstance(value, tuple)
            else [(here, value)]
        )
        for where, item in items:
            if allowed is not None:
                if isinstance(item, str):
                    yield where, item, allowed
            elif attrs.has(type(item)) and not isinstance(item, UncertainDate):
                yield from held_ids(item, where)


def _targets(cls: type) -> dict[str, tuple[str, ...]]:
    # validate() asks this of every record and value: read the registry once per class.
    found = _TARGETS.get(cls)
    if found is None:
        found = _TARGETS[cls] = dict(registry.id_fields(cls))
    return found


_TARGETS: dict[type, dict[str, tuple[str, ...]]] = {}


def citations(obj: Any, path: str = "$") -> Iterator[tuple[Citation, str]]:
    """Yield every `Citation` *obj* holds, in its own fields or its values', with its JSON path."""
    for attribute in attrs.fields(type(obj)):
        value = getattr(obj, attribute.name)
        if not isinstance(value, tuple):
            continue
        here = path + path_part(attribute.name)
        for index, item in enumerate(value):
            if isinstance(item, Citation):
                yield item, f"{here}[{index}]"
            elif attrs.has(type(item)):
                yield from citations(item, f"{here}[{index}]")


def event_dates(records: Records, record: object) -> tuple[UncertainDate, UncertainDate] | None:
    """Return the first and last date of an event, or ``None`` if it has none.

    A meeting has its own dates; a statement, demand or proposal has its
    ``date``, or else the dates of its meeting.
    """
    if isinstance(record, Meeting):
        return record.date, record.last_date
    if isinstance(record, Statement | Demand | Proposal):
        if record.date is not None:
            return record.date, record.date
        meeting = _get(records, record.meeting)
        if isinstance(meeting, Meeting):
            return meeting.date, meeting.last_date
    return None


def within(records: Records, organization_id: str, ancestor: str) -> bool:
    """Tell whether *ancestor* is *organization_id* or an organization above it (by ``parent``)."""
    seen: set[str] = set()
    current: str | None = organization_id
    while current is not None and current not in seen:
        if current == ancestor:
            return True
        seen.add(current)
        found = records.get(current)
        current = found.parent if isinstance(found, Organization) else None
    return False


def speaks_for(records: Records, speaker: str, actor: str, meeting_id: str | None) -> bool:
    """Tell whether *speaker* is *actor*, or represents it (or a body under it) at the meeting."""
    if speaker == actor:
        return True
    meeting = _get(records, meeting_id)
    if not isinstance(meeting, Meeting):
        return False
    for participant in meeting.participants:
        if participant.actor == speaker and participant.represents is not None:
            return within(records, participant.represents, actor)
    return False


def meeting_family(records: Records, meeting: Meeting) -> list[Meeting]:
    """Return the meeting and the meetings it is part of, nearest first.

    A loop of ``part_of`` links ends the list before the first meeting repeats.
    Time is linear in the length of the chain.
    """
    family = [meeting]
    seen = {meeting.id}
    while (parent_id := family[-1].part_of) is not None and parent_id not in seen:
        parent = records.get(parent_id)
        if not isinstance(parent, Meeting):
            break
        seen.add(parent_id)
        family.append(parent)
    return family


def cited_words(records: Records, citation: Citation) -> str | None:
    """Return the words a citation vouches for: its quote, or the source text at its spans.

    ``None`` when neither can be had: no quote, and no source text to read or
    a span past its end.
    """
    if citation.quote is not None:
        return citation.quote
    source = records.get(citation.source)
    if not isinstance(source, Source) or source.text is None or not citation.spans:
        return None
    if any(span.end > len(source.text) for span in citation.spans):
        return None
    return source.excerpt(citation.spans)
