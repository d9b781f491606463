import uuid

import pytest

import diplo_events as de


class TestNewId:
    def test_form(self) -> None:
        """A new id is '<type>--<uuid4>'."""
        record_id = de.new_id("meeting")
        prefix, _, rest = record_id.partition("--")
        assert prefix == "meeting"
        assert uuid.UUID(rest).version == 4
        assert de.is_id(record_id, "meeting")

    def test_unique(self) -> None:
        """New ids never repeat."""
        assert len({de.new_id("person") for _ in range(1000)}) == 1000

    def test_unknown_type(self) -> None:
        """Ids are only made for record types."""
        with pytest.raises(ValueError, match="unknown record type 'treaty'"):
            de.new_id("treaty")

    def test_pinned_by_fixture(self, fixed_uuids: list[uuid.UUID]) -> None:
        """Tests can pin generated ids."""
        assert de.new_id("meeting") == "meeting--00000000-0000-0000-0000-000000000001"
        assert de.Person(name="X").id == "person--00000000-0000-0000-0000-000000000002"
        assert len(fixed_uuids) == 2


class TestStableId:
    def test_deterministic(self) -> None:
        """The same namespace, type and key always give the same id."""
        first = de.stable_id("meeting", "2020-12-07 talks", namespace="moscow")
        assert first == de.stable_id("meeting", "2020-12-07 talks", namespace="moscow")
        assert first == de.stable_id(
            "meeting", "2020-12-07 talks", namespace=de.dataset_namespace("moscow")
        )
        assert uuid.UUID(first.partition("--")[2]).version == 5

    def test_known_value(self) -> None:
        """Stable ids do not change between releases (uuid5 of a fixed namespace)."""
        expected = uuid.uuid5(de.NAMESPACE, "person:lavrov")
        assert de.stable_id("person", "lavrov") == f"person--{expected}"

    def test_separated(self) -> None:
        """Different namespaces, types or keys give different ids."""
        ids = {
            de.stable_id("meeting", "a", namespace="x"),
            de.stable_id("meeting", "a", namespace="y"),
            de.stable_id("meeting", "b", namespace="x"),
            de.stable_id("statement", "a", namespace="x"),
        }
        assert len(ids) == 4

    def test_empty_key(self) -> None:
        """An empty key or dataset name is refused."""
        with pytest.raises(ValueError, match="non-empty"):
            de.stable_id("meeting", "")
        with pytest.raises(ValueError, match="non-empty"):
            de.dataset_namespace("")


class TestReading:
    @pytest.mark.parametrize(
        "value",
        [
            "meeting--7BEA6206-D211-447B-ABC4-669F7FAF3E1F",
            "meeting-7bea6206-d211-447b-abc4-669f7faf3e1f",
            "treaty--7bea6206-d211-447b-abc4-669f7faf3e1f",
            "meeting--7bea6206d211447babc4669f7faf3e1f",
            "meeting--",
            "",
            5,
            None,
        ],
    )
    def test_not_ids(self, value: object) -> None:
        """Malformed ids are not ids."""
        assert not de.is_id(value)

    def test_type(self) -> None:
        """id_type() names the record type; is_id() can check it."""
        record_id = de.new_id("statement")
        assert de.id_type(record_id) == "statement"
        assert de.is_id(record_id, ("statement", "demand"))
        assert not de.is_id(record_id, "meeting")
        with pytest.raises(ValueError, match="not a record id"):
            de.id_type("lavrov")
