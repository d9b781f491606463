"""What `diplo-events show` tells of a dataset, as plain data (the command draws it)."""

import datetime as dt
from collections import Counter
from typing import Any

from diplo_events.model import Collection, Meeting, Record, Source, Statement, registry

__all__ = ["summarize"]


def _name(collection: Collection, record_id: str) -> str:
    record: Record | None = collection.get(record_id)
    name = getattr(record, "name", None)
    return name if isinstance(name, str) else record_id


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def summarize(collection: Collection, *, top: int = 10) -> dict[str, Any]:
    """A summary of *collection*, JSON-ready.

    Keys: ``records`` (how many), ``types`` (per record type, in the
    registry's order: ``type``, ``records``, ``drafts``, ``accepted``),
    ``meetings`` (``count``, ``earliest`` and ``latest``: the bounds of their
    dates, ISO text or ``None`` where open or none), ``sources`` (``count``,
    ``with_text``) and ``speakers`` (the *top* speakers by statements:
    ``id``, ``name``, ``statements``).
    """
    counts: Counter[str] = Counter()
    drafts: Counter[str] = Counter()
    for record in collection.records:
        counts[record.type] += 1
        drafts[record.type] += bool(record.draft)
    order = [tag for tag in registry.RECORD_TYPES if counts[tag]]
    meetings = collection.of_type(Meeting)
    earliest = [m.date.earliest for m in meetings if m.date.earliest is not None]
    latest = [m.date.latest for m in meetings if m.date.latest is not None]
    sources = collection.of_type(Source)
    speakers = Counter(statement.speaker for statement in collection.of_type(Statement))
    ranked = sorted(speakers.items(), key=lambda item: (-item[1], _name(collection, item[0])))
    return {
        "records": len(collection.records),
        "types": [
            {
                "type": tag,
                "records": counts[tag],
                "drafts": drafts[tag],
                "accepted": counts[tag] - drafts[tag],
            }
            for tag in order
        ],
        "meetings": {
            "count": len(meetings),
            "earliest": _day(min(earliest, default=None)),
            "latest": _day(max(latest, default=None)),
        },
        "sources": {
            "count": len(sources),
            "with_text": sum(source.text is not None for source in sources),
        },
        "speakers": [
            {"id": speaker, "name": _name(collection, speaker), "statements": count}
            for speaker, count in ranked[:top]
        ],
    }
