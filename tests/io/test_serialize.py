import datetime as dt
import io
import json

import pytest

import diplo_events as de


def assert_only_json(value: object) -> None:
    """Fail unless *value* holds only JSON types."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str
            assert_only_json(item)
    elif isinstance(value, list):
        for item in value:
            assert_only_json(item)
    else:
        assert value is None or type(value) in {str, int, float, bool}, repr(value)


class TestToJson:
    def test_canonical(self, small_collection: de.Collection) -> None:
        """Output is compact, keys are sorted at every level, every field is written."""
        text = de.to_json(small_collection.records[0])
        assert text.startswith('{"aliases":[],"citations":[],"created":null,')
        data = json.loads(text)
        assert list(data) == sorted(data)
        assert ", " not in text
        assert text == json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

    def test_deterministic(self, small_collection: de.Collection) -> None:
        """The same collection always gives the same bytes."""
        assert de.to_json(small_collection) == de.to_json(
            de.from_json(de.to_json(small_collection))
        )

    def test_collection_document(self, small_collection: de.Collection) -> None:
        """A collection is a document with its type and schema version."""
        data = json.loads(de.to_json(small_collection))
        assert data["type"] == "collection"
        assert data["schema_version"] == de.SCHEMA_VERSION
        assert [r["type"] for r in data["records"]] == [
            "person",
            "person",
            "source",
            "meeting",
            "statement",
        ]

    def test_non_ascii_as_utf8(self) -> None:
        """Non-ASCII text is written as UTF-8, not escaped."""
        assert '"Ереван"' in de.to_json(de.Location(name="Ереван", country="ARM"))

    def test_indent(self, small_collection: de.Collection) -> None:
        """indent= writes readable JSON that reads back equal."""
        text = de.to_json(small_collection, indent=2)
        assert text.startswith('{\n  "records": [')
        assert de.from_json(text) == small_collection

    def test_instants(self) -> None:
        """Instants are written in RFC 3339, with Z for UTC and the offset otherwise."""
        moscow = dt.timezone(dt.timedelta(hours=3))
        person = de.Person(
            name="X",
            created=dt.datetime(2020, 12, 7, 10, 0, tzinfo=dt.UTC),
            modified=dt.datetime(2020, 12, 7, 13, 0, 0, 5, tzinfo=moscow),
        )
        data = json.loads(de.to_json(person))
        assert data["created"] == "2020-12-07T10:00:00Z"
        assert data["modified"] == "2020-12-07T13:00:00.000005+03:00"
        assert de.from_json(de.to_json(person)) == person

    def test_not_a_model(self) -> None:
        """to_json() and to_dict() of other objects are clear errors."""
        with pytest.raises(de.FieldTypeError):
            de.to_json({"type": "person"})
        with pytest.raises(de.FieldTypeError):
            de.to_dict(5)


class TestToDict:
    def test_json_types_only(self, small_collection: de.Collection) -> None:
        """to_dict() gives plain JSON data: no tuples, enums or dates."""
        data = de.to_dict(small_collection)
        assert_only_json(data)
        assert data == json.loads(de.to_json(small_collection))

    def test_round_trip(self, small_collection: de.Collection) -> None:
        """from_dict(to_dict(x)) == x."""
        assert de.from_dict(de.to_dict(small_collection)) == small_collection


class TestJsonLines:
    def test_round_trip_binary(self, small_collection: de.Collection) -> None:
        """Records written as JSON Lines read back equal, one per line."""
        buffer = io.BytesIO()
        assert de.dump_jsonl(small_collection, buffer) == 5
        assert buffer.getvalue().count(b"\n") == 5
        buffer.seek(0)
        assert list(de.iter_jsonl(buffer)) == list(small_collection)

    def test_round_trip_text_and_path(
        self, small_collection: de.Collection, tmp_path: object
    ) -> None:
        """Text file objects and paths work too; a generator is written as it comes."""
        text = io.StringIO()
        de.dump_jsonl((r for r in small_collection), text)
        text.seek(0)
        assert list(de.iter_jsonl(text)) == list(small_collection)
        path = tmp_path / "records.jsonl"  # type: ignore[operator]
        de.dump_jsonl(small_collection.records, path)
        assert list(de.iter_jsonl(path)) == list(small_collection)
        people = small_collection.of_type(de.Person)
        de.dump_jsonl(people, str(path))
        assert tuple(de.iter_jsonl(str(path), de.Person)) == people

    def test_only_records(self) -> None:
        """dump_jsonl() writes records, not values."""
        with pytest.raises(de.FieldTypeError):
            de.dump_jsonl([de.Span(start=0, end=1)], io.BytesIO())
