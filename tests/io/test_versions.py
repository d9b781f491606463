"""The schema-version seam: current documents pass, older ones migrate, unknown ones fail."""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import diplo_events as de
from diplo_events.io import versions

FROZEN = Path(__file__).parent.parent / "data" / "schema"


class TestFrozenDocuments:
    """Documents written by earlier releases load and validate, whatever the current version."""

    @pytest.mark.parametrize("path", sorted(FROZEN.glob("*/*.json")), ids=lambda p: p.parent.name)
    def test_loads_and_validates(self, path: Path) -> None:
        """Each frozen document reads as a Collection whose drafts validate with no error."""
        text = path.read_text(encoding="utf-8")
        assert json.loads(text)["schema_version"] == path.parent.name
        collection = de.from_json(text)
        assert isinstance(collection, de.Collection)
        assert len(collection) == len(json.loads(text)["records"]) > 0
        assert collection.schema_version == versions.SCHEMA_VERSION
        errors = [i for i in de.validate(collection) if i.severity is de.Severity.ERROR]
        assert errors == []
        # Both decoding paths agree: the strict one on the dict, the fast one on the bytes.
        assert de.from_dict(json.loads(text)) == collection

    def test_the_current_version_is_frozen(self) -> None:
        """The current version's document is what this release writes, byte for byte."""
        path = FROZEN / versions.SCHEMA_VERSION / "moscow-talks-2020.json"
        collection = de.from_json(path.read_bytes())
        assert de.to_json(collection, indent=2) == path.read_text(encoding="utf-8")

    def test_one_zero_gains_nothing_but_its_version(self) -> None:
        """A 1.0 document reads as 1.1 with the new fields at their neutral defaults."""
        old = de.from_json((FROZEN / "1.0" / "moscow-talks-2020.json").read_bytes())
        assert old.schema_version == "1.1"
        citations = [c for r in old for c in getattr(r, "citations", ())]
        assert citations
        assert all(c.role is None and c.rule is None for c in citations)
        assert all(s.cue is None for s in old.of_type(de.Statement))
        assert not any(p.unnamed for p in old.of_type(de.Person))


def _rename_title(document: dict[str, Any]) -> dict[str, Any]:
    """A made-up 0.9 -> 1.0 step: 0.9 called a meeting's title 'name'."""
    records = []
    for old in document["records"]:
        record = dict(old)
        if record.get("type") == "meeting" and "name" in record:
            record["title"] = record.pop("name")
        records.append(record)
    return {**document, "records": records, "schema_version": "1.0"}


@pytest.fixture
def _old_version(monkeypatch: pytest.MonkeyPatch) -> str:
    step = versions.Migration(source="0.9", target="1.0", upgrade=_rename_title)
    monkeypatch.setitem(versions.MIGRATIONS, "0.9", step)
    return "0.9"


def _old_document() -> dict[str, Any]:
    meeting = de.Meeting(
        kind="talks", date=de.UncertainDate.day(dt.date(2020, 12, 7)), title="Talks"
    )
    document = de.to_dict(de.Collection(records=[meeting]))
    record = document["records"][0]
    record["name"] = record.pop("title")
    document["schema_version"] = "0.9"
    return document


class TestMigrate:
    """`migrate` runs before either decoding path and never changes its input."""

    def test_current_document_is_returned_as_is(self) -> None:
        """A current document is the very object given, with no issue."""
        document = de.to_dict(de.Collection())
        assert versions.migrate(document) == (document, [])
        assert versions.migrate(document)[0] is document

    def test_unknown_version_is_refused(self) -> None:
        """A version with no migration is one issue at $.schema_version."""
        document = {**de.to_dict(de.Collection()), "schema_version": "0.1"}
        result, issues = versions.migrate(document)
        assert result is document
        assert [(i.path, i.code) for i in issues] == [
            ("$.schema_version", "schema.unsupported_version")
        ]
        assert "'0.1'" in issues[0].message

    def test_records_carry_no_version(self) -> None:
        """Only collections are versioned; a record passes untouched."""
        record = de.to_dict(de.Person(name="Ara Ayvazyan"))
        assert versions.migrate(record) == (record, [])

    @pytest.mark.usefixtures("_old_version")
    def test_from_dict_migrates_without_mutating(self) -> None:
        """The strict path reads an older document through its migration."""
        document = _old_document()
        before = copy.deepcopy(document)
        collection = de.from_dict(document)
        assert document == before
        (meeting,) = collection.of_type(de.Meeting)
        assert meeting.title == "Talks"
        assert collection.schema_version == versions.SCHEMA_VERSION

    @pytest.mark.usefixtures("_old_version")
    def test_from_json_migrates(self) -> None:
        """JSON text of an older version is migrated too (the fast path steps aside)."""
        text = json.dumps(_old_document(), separators=(",", ":"), sort_keys=True)
        (meeting,) = de.from_json(text).of_type(de.Meeting)
        assert meeting.title == "Talks"

    def test_migration_cycle_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Migrations that lead back to where they started end in the unsupported-version issue."""

        def back(document: dict[str, Any]) -> dict[str, Any]:
            return {
                **document,
                "schema_version": "0.8" if document["schema_version"] == "0.7" else "0.7",
            }

        monkeypatch.setitem(
            versions.MIGRATIONS, "0.7", versions.Migration(source="0.7", target="0.8", upgrade=back)
        )
        monkeypatch.setitem(
            versions.MIGRATIONS, "0.8", versions.Migration(source="0.8", target="0.7", upgrade=back)
        )
        document = {**de.to_dict(de.Collection()), "schema_version": "0.7"}
        _, issues = versions.migrate(document)
        assert [i.code for i in issues] == ["schema.unsupported_version"]

    def test_the_message_is_the_models(self) -> None:
        """The refusal words are those of a Collection built in code with that version."""
        with pytest.raises(ValueError, match=r"schema version '2\.0' is not supported") as caught:
            de.Collection(schema_version="2.0")
        _, issues = versions.migrate({**de.to_dict(de.Collection()), "schema_version": "2.0"})
        assert issues[0].message == str(caught.value)
