"""Pictures of a collection: a timeline of its meetings and the references between them.

matplotlib is an optional extra (``pip install 'diplo_events[plot]'``),
imported on first use; ``import diplo_events`` never loads it.

Each meeting is a row. Its date is a bar from the first to the last day it can
be: a meeting known to the day is a short bar, one known only to the month
(or "on or before" a day) a long one, so the picture shows how uncertain each
date is. A date with no earliest day ("on or before 8 December") is a bar
that fades in from the left over `OPEN_DAYS` days, ending at its last
possible day. A reference from one drawn meeting to another is an arrow
between their rows; a reference to an event that is not in the collection
but has a date is a hollow marker on its subject's row, labelled with its
relation.

.. versionadded:: 0.2.0
"""

import datetime as dt
import textwrap
from typing import Any, Final

from diplo_events._extras import require
from diplo_events.exceptions import FieldTypeError
from diplo_events.model import Collection, Meeting, Reference, UncertainDate

__all__ = ["OPEN_DAYS", "timeline"]

#: How many days a bar reaches back when its date has no earliest day.
OPEN_DAYS: Final = 30
_BAR: Final = 0.6
_LABEL_WIDTH: Final = 34


def _pyplot() -> tuple[Any, Any]:
    """Return ``matplotlib.pyplot`` and ``matplotlib.dates``, or say which extra to install."""
    mdates = require("matplotlib.dates", extra="plot", who="diplo_events.plot")
    return require("matplotlib.pyplot", extra="plot", who="diplo_events.plot"), mdates


def _bounds(date: UncertainDate, last: UncertainDate) -> tuple[dt.date, dt.date, bool] | None:
    """The first and last day a meeting can have been, and whether the first is open."""
    latest = last.latest or date.latest
    if latest is None:
        return None
    earliest = date.earliest
    if earliest is None:
        return latest - dt.timedelta(days=OPEN_DAYS), latest, True
    return earliest, latest, False


def _label(collection: Collection, meeting: Meeting) -> str:
    if meeting.title:
        return meeting.title
    names = []
    for participant in meeting.participants:
        actor = collection.get(participant.actor)
        names.append(getattr(actor, "name", participant.actor))
    who = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")  # noqa: PLR2004 - three names
    kind = meeting.kind.value.replace("_", " ")
    return f"{kind}: {who}" if who else kind


def timeline(collection: Collection, *, ax: Any = None) -> Any:
    """Draw the meetings of *collection* by date, with the references between them.

    Args:
        collection: The records to draw; meetings without a known last day
            are left out.
        ax: A matplotlib ``Axes`` to draw on; a new figure's when ``None``.

    Returns:
        The ``Axes`` drawn on. Each meeting drawn is one bar
        (``ax.patches``), from the top in order of its last possible day, and each reference
        between two drawn meetings one arrow (``ax.texts`` holds the arrows
        and the relation labels).

    Raises:
        FieldTypeError: *collection* is not a `Collection`.
        ImportError: matplotlib is not installed (the message names the extra).

    Example:
        >>> import datetime as dt
        >>> import diplo_events as de
        >>> from diplo_events.plot import timeline
        >>> day = de.UncertainDate.day(dt.date(2020, 12, 7))
        >>> talks = de.Meeting(kind=de.MeetingKind.TALKS, date=day)
        >>> ax = timeline(de.Collection(records=[talks]))
        >>> len(ax.patches), ax.get_yticklabels()[0].get_text()
        (1, 'talks')
    """
    if not isinstance(collection, Collection):
        raise FieldTypeError(
            "collection",
            "type.mismatch",
            f"expected a Collection, got {type(collection).__name__}",
        )
    plt, mdates = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 1.4 + 0.6 * len(collection.of_type(Meeting))))
    rows: dict[str, tuple[int, dt.date, dt.date]] = {}
    drawn = []
    for meeting in collection.of_type(Meeting):
        bounds = _bounds(meeting.date, meeting.last_date)
        if bounds is not None:
            drawn.append((bounds, meeting))
    drawn.sort(key=lambda item: (item[0][1], item[0][0], item[1].id))
    for row, ((first, last, open_start), meeting) in enumerate(drawn):
        width = (last - first).days + 1
        ax.barh(
            row,
            width,
            left=first,
            height=_BAR,
            color="tab:blue",
            alpha=0.35 if open_start else 0.8,
            hatch="//" if open_start else None,
        )
        rows[meeting.id] = (row, first, last)
    labels = [textwrap.fill(_label(collection, m), _LABEL_WIDTH) for _, m in drawn]
    ax.set_yticks(range(len(drawn)), labels)
    ax.invert_yaxis()
    for reference in collection.of_type(Reference):
        _draw_reference(ax, rows, reference)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("date (bars span the days each date can be)")
    return ax


def _middle(first: dt.date, last: dt.date) -> dt.date:
    return first + (last - first) / 2


def _draw_reference(
    ax: Any, rows: dict[str, tuple[int, dt.date, dt.date]], reference: Reference
) -> None:
    subject = rows.get(reference.subject)
    if subject is None:
        return
    row, first, last = subject
    start = (_middle(first, last), row)
    target = rows.get(reference.target or "")
    if target is not None:
        end = (_middle(target[1], target[2]), target[0])
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={
                "arrowstyle": "-|>",
                "color": "tab:gray",
                "connectionstyle": "arc3,rad=0.2",
                "shrinkA": 2,
                "shrinkB": 6,
            },
        )
        return
    if reference.date is None or reference.date.latest is None:
        return
    day = _middle(reference.date.earliest or reference.date.latest, reference.date.latest)
    ax.plot([day], [row], marker="D", markerfacecolor="none", color="tab:orange")
    ax.annotate(
        reference.relation.value.replace("_", " "),
        xy=(day, row),
        xytext=(4, 6),
        textcoords="offset points",
        fontsize="small",
    )
