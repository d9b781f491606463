"""Instants are RFC 3339 date-times, read exactly or refused, on both decoding paths.

dateutil's ``isoparse`` (used before) read many ISO 8601 forms that RFC 3339
does not allow and quietly rewrote some values; these tests pin that every
such form is refused with its own code, and that the fast path agrees.
"""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplo_events as de
from diplo_events.io import _fastjson
from diplo_events.io.json import _read_strict

PERSON_ID = "person--9b9b8c90-62f9-473b-8a17-305013ecdc95"


def person_json(created: str) -> str:
    """Canonical JSON of a person whose ``created`` is the text *created*."""
    person = de.Person(
        id=PERSON_ID, name="Ara Ayvazyan", created=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    return de.to_json(person).replace('"2020-01-01T00:00:00Z"', f'"{created}"')


def read_created(created: str) -> Any:
    """Return the ``created`` read from *created*, or the codes of the issues."""
    text = person_json(created)
    fast = _fastjson.decode(text.encode(), None)
    try:
        strict: Any = _read_strict(text, None, None)
    except de.ParseError as exc:
        assert fast is None, "the fast path took what the strict path refuses"
        return [(issue.path, issue.code) for issue in exc.issues]
    if fast is not None:
        assert fast == strict
    assert de.from_json(text) == strict
    return strict.created


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("20201207T100000Z", "datetime.invalid"),  # basic format
        ("2020-W50-1T10:00:00Z", "datetime.invalid"),  # week date
        ("2020-342T10:00:00Z", "datetime.invalid"),  # ordinal date
        ("2020-12-07T10Z", "datetime.invalid"),  # reduced precision
        ("2020-12-07T10:00Z", "datetime.invalid"),  # no seconds
        ("2020-12-07T10:00:00,5Z", "datetime.invalid"),  # decimal comma
        ("2020-12-07 10:00:00Z", "datetime.invalid"),
        ("2020-12-07T10:00:00+0300", "datetime.invalid"),
        ("2020-12-07T10:00:00.Z", "datetime.invalid"),
        ("\uff12020-12-07T10:00:00Z", "datetime.invalid"),  # a non-ASCII digit
        ("2020-12-07T24:00:00Z", "datetime.impossible"),
        ("2020-12-07T10:60:00Z", "datetime.impossible"),
        ("2020-02-30T10:00:00Z", "datetime.impossible"),
        ("0000-01-01T00:00:00Z", "datetime.impossible"),
        ("2020-12-07T10:00:00+24:00", "datetime.impossible"),
        ("2020-12-07T10:00:00-00:00", "datetime.unrepresentable"),
        ("2020-12-07T10:00:00.1234567Z", "datetime.unrepresentable"),
        ("2016-12-31T23:59:60Z", "datetime.unrepresentable"),
        ("2020-12-07T10:00:00", "datetime.naive"),
    ],
)
def test_refused(text: str, code: str) -> None:
    """What RFC 3339 does not allow, or a datetime cannot hold, is refused, never rewritten."""
    assert read_created(text) == [("$.created", code)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2020-12-07T10:00:00Z", dt.datetime(2020, 12, 7, 10, tzinfo=dt.UTC)),
        ("2020-12-07t10:00:00z", dt.datetime(2020, 12, 7, 10, tzinfo=dt.UTC)),
        ("2020-12-07T10:00:00+00:00", dt.datetime(2020, 12, 7, 10, tzinfo=dt.UTC)),
        ("2020-12-07T10:00:00.5Z", dt.datetime(2020, 12, 7, 10, 0, 0, 500000, tzinfo=dt.UTC)),
        (
            "2020-12-07T10:00:00.1234560Z",
            dt.datetime(2020, 12, 7, 10, 0, 0, 123456, tzinfo=dt.UTC),
        ),
        (
            "2020-12-07T13:30:00+03:30",
            dt.datetime(2020, 12, 7, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30))),
        ),
    ],
)
def test_read_exactly(text: str, value: dt.datetime) -> None:
    """RFC 3339 forms are read to the instant and offset they say."""
    created = read_created(text)
    assert created == value
    assert created.utcoffset() == value.utcoffset()


@given(
    st.datetimes(
        min_value=dt.datetime(1, 1, 2),  # noqa: DTZ001 - hypothesis takes naive bounds
        max_value=dt.datetime(9999, 12, 30),  # noqa: DTZ001
        timezones=st.sampled_from(
            [dt.UTC, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(minutes=345))]
        ),
    )
)
def test_every_instant_round_trips(value: dt.datetime) -> None:
    """Any datetime, written and read back, is the same instant with the same offset."""
    person = de.Person(id=PERSON_ID, name="A", created=value)
    back = de.from_json(de.to_json(person))
    assert back.created == value
    assert back.created.utcoffset() == value.utcoffset()
    assert _read_strict(de.to_json(person), None, None) == back
