import pytest

import diplo_events as de


class TestCollection:
    def test_index(self, small_collection: de.Collection) -> None:
        """Records are found by id; unknown ids raise RecordNotFoundError (a KeyError)."""
        lavrov = small_collection.records[0]
        assert small_collection[lavrov.id] is lavrov
        assert lavrov.id in small_collection
        assert lavrov in small_collection
        assert small_collection.get("nope") is None
        assert small_collection.get("nope", lavrov) is lavrov
        with pytest.raises(de.RecordNotFoundError) as info:
            small_collection["person--00000000-0000-0000-0000-000000000000"]
        assert isinstance(info.value, KeyError)
        assert isinstance(info.value, de.DiploEventsError)

    def test_filter(self, small_collection: de.Collection) -> None:
        """of_type() filters by class or type tag, in order."""
        people = small_collection.of_type(de.Person)
        assert [p.name for p in people] == ["Sergey Lavrov", "Ara Ayvazyan"]
        assert small_collection.of_type("person") == people
        with pytest.raises(ValueError, match="not a record type"):
            small_collection.of_type(str)

    def test_sequence_protocol(self, small_collection: de.Collection) -> None:
        """A collection has a length and iterates over its records."""
        assert len(small_collection) == 5
        assert list(small_collection) == list(small_collection.records)

    def test_resolve(self, small_collection: de.Collection) -> None:
        """References resolve to their targets; unresolved and external ones to None."""
        meeting = small_collection.of_type(de.Meeting)[0]
        earlier = de.Meeting(kind="talks", date=de.UncertainDate(edtf="2020-11-21"))
        found = de.Reference(subject=meeting.id, relation="previous", target=earlier.id)
        described = de.Reference(subject=meeting.id, relation="previous", description="x")
        elsewhere = de.Reference(
            subject=meeting.id,
            relation="previous",
            external=True,
            target=de.stable_id("meeting", "elsewhere"),
        )
        collection = small_collection.with_records([earlier, found, described, elsewhere])
        assert collection.resolve(found) is earlier
        assert collection.resolve(described) is None
        assert collection.resolve(elsewhere) is None
        assert collection.resolve(meeting.id) is meeting
        with pytest.raises(de.RecordNotFoundError):
            small_collection.resolve(found)

    def test_duplicates_kept(self, small_collection: de.Collection) -> None:
        """Duplicate ids are kept (validate() reports them); the first one is indexed."""
        first = small_collection.records[0]
        twin = de.Person(id=first.id, name="Twin")
        collection = small_collection.with_records([twin])
        assert len(collection) == 6
        assert collection[first.id] is first

    def test_equality_and_hash(self, small_collection: de.Collection) -> None:
        """Collections compare by records and version, and hash."""
        again = de.Collection(records=list(small_collection.records))
        assert again == small_collection
        assert hash(again) == hash(small_collection)

    def test_rules(self) -> None:
        """Only records go in a collection, and only the supported schema version."""
        with pytest.raises(de.FieldTypeError):
            de.Collection(records=[de.Span(start=0, end=1)])  # type: ignore[list-item]
        with pytest.raises(de.FieldError) as info:
            de.Collection(schema_version="2.0")
        assert info.value.code == "schema.unsupported_version"
