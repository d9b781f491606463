"""The registry: one table of record types, from which the rest is derived."""

import datetime as dt

import attrs
import pytest

import diplo_events as de
from diplo_events.model import _rules as rules
from diplo_events.model import graph, registry
from diplo_events.model.registry import Role


class TestTable:
    """Every declared type is bound to one class, and the derived tuples follow the table."""

    def test_every_type_has_its_class(self) -> None:
        """Each tag is bound to the class whose ``type`` field holds it, in documented order."""
        assert tuple(registry.RECORD_CLASSES) == registry.RECORD_TYPES
        for row in registry.record_types():
            assert attrs.fields_dict(row.cls)["type"].default == row.tag
            assert registry.tag_of(row.cls) == row.tag
            assert registry.record_class(row.tag) is row.cls

    def test_roles(self) -> None:
        """Actors and events are the types of those roles."""
        assert registry.ACTOR_TYPES == ("person", "organization")
        assert registry.EVENT_TYPES == ("meeting", "statement", "demand", "proposal")
        assert [t.tag for t in registry.record_types(Role.ACTOR)] == list(registry.ACTOR_TYPES)
        assert registry.record_type("source").role is Role.SOURCE

    def test_public_names_agree(self) -> None:
        """The top level and the id helpers read the same table."""
        assert de.RECORD_TYPES is registry.RECORD_TYPES
        assert all(de.is_id(de.new_id(tag), tag) for tag in registry.RECORD_TYPES)

    def test_unknown_tag(self) -> None:
        """Asking for a type that is not declared is a KeyError."""
        with pytest.raises(KeyError):
            registry.record_type("treaty")
        with pytest.raises(KeyError):
            registry.tag_of(de.Participant)

    def test_binding_twice_or_undeclared_is_refused(self) -> None:
        """A class cannot take a tag that is bound already, nor one that is not declared."""

        @attrs.frozen
        class Again:
            type: str = "person"

        @attrs.frozen
        class Treaty:
            type: str = "treaty"

        with pytest.raises(ValueError, match="bound to Person already"):
            registry.record(Again)
        with pytest.raises(ValueError, match="not declared"):
            registry.record(Treaty)
        assert registry.record_class("person") is de.Person


class TestIdFields:
    """Where ids point comes from the fields' own rules, never from a second table."""

    def test_statement(self) -> None:
        """A statement's speaker, meeting, addressees and relay point at their types."""
        assert registry.id_fields(de.Statement) == (
            ("speaker", ("person", "organization")),
            ("meeting", ("meeting",)),
            ("addressees", ("person", "organization")),
            ("reported_by", ("person", "organization")),
        )

    def test_values_and_own_id(self) -> None:
        """Value types have id fields too; a record's own id is not one."""
        assert dict(registry.id_fields(de.Participant)) == {
            "actor": ("person", "organization"),
            "represents": ("organization",),
            "delegation": ("person",),
        }
        assert "id" not in dict(registry.id_fields(de.Person))
        assert registry.id_fields(de.Span) == ()

    def test_every_id_field_is_checked_as_an_id(self) -> None:
        """The types the registry lists for a field are exactly the ones its rule accepts."""
        checked = 0
        for cls in registry.model_classes():
            for name, targets in registry.id_fields(cls):
                plural = attrs.fields_dict(cls)[name].default == ()
                for tag in registry.RECORD_TYPES:
                    record_id = de.new_id(tag)
                    value = (record_id,) if plural else record_id
                    problems = rules.field_problems(cls, {name: value})
                    codes = [problem.code for problem in problems]
                    assert codes == ([] if tag in targets else ["id.wrong_type"]), (cls, name, tag)
                checked += 1
        assert checked == 25

    def test_model_classes(self) -> None:
        """Every record, value and date class and Collection is a model class; nothing else."""
        names = {cls.__name__ for cls in registry.model_classes()}
        assert {"Person", "Participant", "UncertainDate", "DateDerivation", "Collection"} <= names
        assert len(names) == 19


class TestHeldIds:
    """``graph.held_ids`` finds every id a record holds, with its path."""

    def test_nested(self) -> None:
        """Ids inside values are found with their JSON path."""
        person = de.Person(name="Ara Ayvazyan")
        ministry = de.Organization(name="Ministry", kind="ministry")
        meeting = de.Meeting(
            kind="talks",
            date=de.UncertainDate.day(dt.date(2020, 12, 7)),
            participants=[de.Participant(actor=person.id, represents=ministry.id)],
        )
        found = [(path, record_id) for path, record_id, _ in graph.held_ids(meeting)]
        assert found == [
            ("$.participants[0].actor", person.id),
            ("$.participants[0].represents", ministry.id),
        ]
