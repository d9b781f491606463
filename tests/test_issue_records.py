"""Issues name the record they are in (`Issue.record`), and errors survive pickling."""

import datetime as dt
import io
import json
import pickle
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplo_events as de
from diplo_events import strategies as des

RECORD_PATH = re.compile(r"\$\.records\[([0-9]+)\]")
DAY = de.UncertainDate.day(dt.date(2020, 12, 7))
PERSON = "person--00000000-0000-4000-8000-000000000001"


def _assert_named(collection: de.Collection, issues: list[de.Issue]) -> None:
    for issue in issues:
        match = RECORD_PATH.match(issue.path)
        assert match is not None, issue  # every issue of validate() is in a record
        assert issue.record == collection.records[int(match.group(1))].id, issue


@settings(max_examples=40, deadline=None)
@given(des.collections(max_size=6), st.data())
def test_every_validate_issue_carries_the_id_of_its_record(
    collection: de.Collection, data: st.DataObject
) -> None:
    """Arbitrary records (dangling ids, a duplicate of one) name their record in each issue."""
    records = list(collection.records)
    if records:
        copied = records[data.draw(st.integers(0, len(records) - 1))]
        records.insert(data.draw(st.integers(0, len(records))), copied)
    shuffled = de.Collection(records=records)
    _assert_named(shuffled, de.validate(shuffled))


def test_loops_duplicates_and_chronology_name_their_records(
    small_collection: de.Collection,
) -> None:
    first = de.Meeting(kind="talks", date=DAY)
    second = attrs.evolve(de.Meeting(kind="talks", date=DAY, part_of=first.id))
    first = attrs.evolve(first, part_of=second.id)
    records = [*small_collection.records, second, first, second]
    collection = de.Collection(records=records)
    issues = de.validate(collection)
    found = {issue.code for issue in issues}
    assert {"meeting.part_of_loop", "id.duplicate"} <= found
    _assert_named(collection, issues)


def test_issue_str_shows_the_record_between_path_and_message() -> None:
    issue = de.Issue(path="$.records[63].date", code="c", message="m", record=PERSON, line=4)
    assert str(issue) == f"line 4: $.records[63].date ({PERSON}): m [c]"
    assert str(attrs.evolve(issue, record=None, line=None)) == "$.records[63].date: m [c]"
    assert issue != attrs.evolve(issue, record=None)
    assert "record=" in repr(issue)


def test_issues_and_errors_survive_pickling() -> None:
    issue = de.Issue(path="$.name", code="value.empty", message="m", record=PERSON, line=2)
    assert pickle.loads(pickle.dumps(issue)) == issue  # noqa: S301 - our own bytes
    for kind in (de.ParseError, de.ValidationError):
        error = kind([issue, attrs.evolve(issue, severity=de.Severity.WARNING)])
        error.add_note("while loading a.jsonl")
        back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        assert type(back) is kind
        assert back.issues == error.issues
        assert str(back) == str(error)
        assert back.__notes__ == ["while loading a.jsonl"]
    field = de.FieldTypeError("name", "type.mismatch", "'name' must be a string")
    back_field = pickle.loads(pickle.dumps(field))  # noqa: S301 - our own bytes
    assert type(back_field) is de.FieldTypeError
    assert (back_field.field, back_field.code, back_field.message) == (
        "name",
        "type.mismatch",
        "'name' must be a string",
    )


def _parse_issues(text: str) -> list[de.Issue]:
    with pytest.raises(de.ParseError) as info:
        de.from_json(text)
    return list(info.value.issues)


def test_parsing_a_collection_names_each_record_by_its_well_formed_id() -> None:
    document = {
        "type": "collection",
        "schema_version": "1.1",
        "records": [
            {"type": "person", "id": PERSON, "name": ""},
            {"type": "person", "id": "person--nope", "name": ""},
            {"type": "person", "id": 5, "name": ""},
            {"type": "person", "name": ""},
        ],
    }
    issues = _parse_issues(json.dumps(document))
    named = {issue.path: issue.record for issue in issues if issue.path.endswith(".name")}
    assert named == {
        "$.records[0].name": PERSON,
        "$.records[1].name": None,
        "$.records[2].name": None,
        "$.records[3].name": None,
    }
    assert f"$.records[0].name ({PERSON}): " in str(issues[0])


def test_parsing_a_record_names_it_in_every_issue() -> None:
    issues = _parse_issues(json.dumps({"type": "person", "id": PERSON, "name": "", "x": 1}))
    assert [issue.record for issue in issues] == [PERSON, PERSON]
    with pytest.raises(de.ParseError) as info:
        de.from_dict({"type": "person", "id": PERSON, "name": 3})
    assert [issue.record for issue in info.value.issues] == [PERSON]


def test_json_lines_name_the_record_of_each_bad_line() -> None:
    other = PERSON[:-1] + "2"
    lines = [
        {"type": "person", "id": PERSON, "name": "Ana"},
        {"type": "person", "id": other, "name": ""},
        {"type": "person", "id": "x", "name": ""},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    with pytest.raises(de.ParseError) as info:
        list(de.iter_jsonl(io.StringIO(text)))
    assert [
        (issue.line, issue.record) for issue in info.value.issues if issue.path == "$.name"
    ] == [
        (2, other),
        (3, None),
    ]


def test_extract_many_errors_cross_worker_processes_whole() -> None:
    results = list(
        de.extract_many(
            [de.Article(id="a", text="Lopes met Berg.", published="March 3")] * 2,
            workers=2,
            progress=False,
        )
    )
    serial = next(de.extract_many([de.Article(text="Lopes met Berg.", published="March 3")]))
    assert serial.error is not None
    for result in results:
        assert result.error is not None
        assert result.error.issues == serial.error.issues
