"""Tests of the timeline picture (diplo_events.plot), drawn with matplotlib's Agg backend."""

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import matplotlib as mpl
import pytest

mpl.use("Agg")

import matplotlib.pyplot as plt

import diplo_events as de
from diplo_events.plot import OPEN_DAYS, timeline

TALKS = de.Meeting(
    kind=de.MeetingKind.TALKS,
    title="Moscow talks",
    date=de.UncertainDate(edtf="../2020-12-08"),
)
CALL = de.Meeting(kind=de.MeetingKind.PHONE_CALL, date=de.UncertainDate.day(dt.date(2020, 11, 21)))
SUMMIT = de.Meeting(kind=de.MeetingKind.SUMMIT, date=de.UncertainDate.month(2020, 11))
AFTER_CALL = de.Reference(subject=TALKS.id, relation=de.Relation.FOLLOWS_UP, target=CALL.id)
PLANNED = de.Reference(
    subject=TALKS.id,
    relation=de.Relation.PLANNED,
    description="a visit to Yerevan",
    date=de.UncertainDate.month(2021, 1),
)


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def test_one_bar_per_meeting_in_date_order() -> None:
    ax = timeline(de.Collection(records=[TALKS, CALL, SUMMIT]))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["phone call", "summit", "Moscow talks"]
    widths = sorted(round(p.get_width()) for p in ax.patches)
    # a day, a month of 30 days, and an open start reaching back OPEN_DAYS days
    assert widths == [1, 30, OPEN_DAYS + 1]


def test_references_are_arrows_and_markers() -> None:
    ax = timeline(de.Collection(records=[TALKS, CALL, AFTER_CALL, PLANNED]))
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    labels = [t.get_text() for t in ax.texts if t.get_text()]
    assert len(arrows) == 1
    assert labels == ["planned"]
    assert len(ax.lines) == 1  # the hollow marker of the planned event


def test_draws_on_a_given_axes() -> None:
    _, ax = plt.subplots()
    assert timeline(de.Collection(records=[CALL]), ax=ax) is ax


def test_refuses_what_is_not_a_collection() -> None:
    with pytest.raises(de.FieldTypeError):
        timeline([CALL])  # type: ignore[arg-type]


def test_names_the_extra_when_matplotlib_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"diplo_events\[plot\]"):
        timeline(de.Collection(records=[CALL]))


def test_the_moscow_drafts_draw() -> None:
    """The showcase drafts: the talks, and the events the article refers to."""
    path = Path(__file__).parent / "data" / "extraction" / "moscow-talks-2020-12-08.txt"
    drafts = de.extract(path.read_text(encoding="utf-8"), published=dt.date(2020, 12, 8))
    ax = timeline(drafts)
    assert len(ax.patches) == len(drafts.of_type(de.Meeting))
    dated = [r for r in drafts.of_type(de.Reference) if r.target is None and r.date is not None]
    assert len(ax.lines) == len(dated)
