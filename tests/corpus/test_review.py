"""review: accept and reject drafts in bulk; diff a draft and its correction."""

import datetime as dt

import pytest

import diplo_events as de
from diplo_events.corpus import review

TEXT = (
    "Foreign Minister Ana Lopes met her counterpart Jon Berg in Oslo on Monday. "
    "“We agreed on a great deal,” Lopes said."
)


@pytest.fixture(scope="module")
def drafts() -> de.Collection:
    return de.extract(TEXT, published=dt.date(2021, 3, 3))


class TestAccept:
    def test_by_confidence_and_type(self, drafts: de.Collection) -> None:
        result = review.accept(drafts, min_confidence=0.5, types=["statement", "meeting"])
        chosen = {
            r.id
            for r in drafts
            if r.type in {"statement", "meeting"} and (review.confidence(r) or 0) >= 0.5
        }
        assert chosen
        assert set(result.ids) == chosen
        for record in result.collection:
            assert record.draft is (record.id not in chosen)
        assert de.validate(result.collection) == de.validate(drafts)

    def test_without_confidence_is_not_chosen_by_a_threshold(self, drafts: de.Collection) -> None:
        result = review.accept(drafts, min_confidence=0.0, types=["source"])
        assert result.ids == ()
        assert len(review.accept(drafts, types=["source"]).ids) == 1

    def test_by_rule(self, drafts: de.Collection) -> None:
        result = review.accept(
            drafts, where=lambda r: isinstance(r, de.Person) and "Lopes" in r.name
        )
        assert [drafts[i].name for i in result.ids] == ["Ana Lopes"]  # type: ignore[union-attr]

    def test_bad_arguments(self, drafts: de.Collection) -> None:
        with pytest.raises(de.FieldError) as caught:
            review.accept(drafts, types=["speech"])
        assert caught.value.code == "review.unknown_type"
        with pytest.raises(de.FieldTypeError):
            review.accept(drafts, min_confidence=2)
        with pytest.raises(de.FieldTypeError):
            review.accept([], types=None)  # type: ignore[arg-type]


class TestReject:
    def test_removes_what_hangs_on_a_rejected_record(self, drafts: de.Collection) -> None:
        (lopes,) = [p for p in drafts.of_type(de.Person) if p.name == "Ana Lopes"]
        result = review.reject(drafts, where=lambda r: r.id == lopes.id)
        assert result.ids == (lopes.id,)
        gone = {drafts[i].type for i in result.also_removed}
        assert "statement" in gone  # her words cannot stand without her
        assert lopes.id not in result.collection
        (meeting,) = result.collection.of_type(de.Meeting)
        assert lopes.id not in {p.actor for p in meeting.participants}
        assert any(path.startswith("$.participants") for _, path in result.cleared)
        assert [i for i in de.validate(result.collection) if i.code == "ref.dangling"] == []

    def test_by_confidence(self, drafts: de.Collection) -> None:
        result = review.reject(drafts, max_confidence=0.85)
        assert {drafts[i].type for i in result.ids} == {"meeting"}
        assert all((review.confidence(r) or 1) >= 0.85 for r in result.collection)
        statement = result.collection.of_type(de.Statement)[0]
        assert statement.meeting is None  # an optional id of a removed record is cleared

    def test_accepted_records_are_not_rejected(self, drafts: de.Collection) -> None:
        accepted = review.accept(drafts).collection
        assert review.reject(accepted).ids == ()


class TestDiff:
    def test_field_level_changes(self, drafts: de.Collection) -> None:
        (meeting,) = drafts.of_type(de.Meeting)
        corrected = de.Meeting(
            **{
                **{a: getattr(meeting, a) for a in ("id", "kind", "participants", "citations")},
                "date": de.UncertainDate.day(dt.date(2021, 3, 2)),
                "location": de.Location(
                    name="Oslo", country="NOR", latitude=59.91, longitude=10.75
                ),
            }
        )
        changes = {c.path: c for c in review.diff(meeting, corrected)}
        assert changes["$.date"].after.edtf == "2021-03-02"
        assert (changes["$.location.latitude"].before, changes["$.location.latitude"].after) == (
            None,
            59.91,
        )
        assert changes["$.draft"].before is True
        assert review.diff(meeting, meeting) == ()

    def test_different_classes_are_refused(self) -> None:
        with pytest.raises(de.FieldTypeError):
            review.diff(de.Person(name="A"), de.Organization(name="A", kind="other"))
