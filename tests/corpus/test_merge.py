"""merge(): the same person, organization, meeting and source become one record."""

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplo_events as de
from diplo_events import strategies as des
from diplo_events.corpus import merge

_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


def sid(tag: str, key: str) -> str:
    return de.stable_id(tag, key, namespace="test-merge")


def person(key: str, name: str, *, nationality: tuple[str, ...] = (), **more: object) -> de.Person:
    return de.Person(id=sid("person", key), name=name, nationality=nationality, **more)  # type: ignore[arg-type]


def errors(collection: de.Collection) -> list[de.Issue]:
    return [i for i in de.validate(collection) if i.severity is de.Severity.ERROR]


class TestPersons:
    def test_full_name_middle_initial_and_surname_are_one(self) -> None:
        a = person("a", "Donald Trump")
        b = person("b", "Donald J. Trump")
        c = person("c", "Mr. Trump")
        result = merge([de.Collection(records=[a]), de.Collection(records=[b, c])])
        (merged,) = result.collection.of_type(de.Person)
        assert merged.id == min(a.id, b.id, c.id)
        assert merged.name == "Donald J. Trump"
        assert set(merged.aliases) == {"Donald Trump", "Mr. Trump"}
        (entry,) = result.report.merged
        assert entry.type == "person"
        assert set(entry.merged) == {a.id, b.id, c.id} - {merged.id}

    def test_surname_alone_stays_apart_when_ambiguous(self) -> None:
        records = [
            person("h", "Hillary Clinton"),
            person("b", "Bill Clinton"),
            person("c", "Clinton"),
        ]
        result = merge([de.Collection(records=records)])
        assert len(result.collection.of_type(de.Person)) == 3
        assert result.report.merged == ()

    def test_two_fuller_names_keep_the_short_one_apart(self) -> None:
        records = [
            person("w", "George W. Bush"),
            person("hw", "George H. W. Bush"),
            person("g", "George Bush"),
        ]
        assert len(merge([de.Collection(records=records)]).collection) == 3

    def test_spelling_variants_are_one(self) -> None:
        records = [person("a", "Sergei Lavrov"), person("b", "Sergey Lavrov")]
        assert len(merge([de.Collection(records=records)]).collection) == 1

    def test_different_nationalities_stay_apart(self) -> None:
        records = [
            person("a", "John Smith", nationality=("USA",)),
            person("b", "John Smith", nationality=("GBR",)),
        ]
        result = merge([de.Collection(records=records)])
        assert len(result.collection) == 2
        assert [k.reason for k in result.report.kept_apart] == [
            "the same name, different nationalities"
        ]

    def test_unnamed_persons_are_never_merged(self) -> None:
        records = [
            person("a", "a senior official", unnamed=True),
            person("b", "a senior official", unnamed=True),
        ]
        assert len(merge([de.Collection(records=records)]).collection) == 2

    def test_ids_pointing_at_merged_persons_are_rewritten(self) -> None:
        a, b = person("a", "Ana Lopes"), person("b", "Ana Lopes")
        keep, gone = sorted([a, b], key=lambda p: p.id)
        remark = de.Statement(
            id=sid("statement", "s"),
            speaker=gone.id,
            text="Yes.",
            mode="reported",
            addressees=[keep.id, gone.id],
        )
        talks = de.Meeting(
            id=sid("meeting", "m"),
            kind="talks",
            date=de.UncertainDate.day(dt.date(2021, 3, 1)),
            participants=[de.Participant(actor=gone.id), de.Participant(actor=keep.id)],
        )
        merged = merge([de.Collection(records=[a, remark, talks]), de.Collection(records=[b])])
        statement = merged.collection[remark.id]
        meeting = merged.collection[talks.id]
        assert isinstance(statement, de.Statement)
        assert isinstance(meeting, de.Meeting)
        assert statement.speaker == keep.id
        assert statement.addressees == (keep.id,)
        assert [p.actor for p in meeting.participants] == [keep.id]
        assert errors(merged.collection) == []


class TestOrganizationsAndSources:
    def test_same_name_is_one_organization_unless_countries_differ(self) -> None:
        records = [
            de.Organization(id=sid("organization", "a"), name="The Kremlin", kind="government"),
            de.Organization(
                id=sid("organization", "b"), name="Kremlin", kind="government", country="RUS"
            ),
            de.Organization(
                id=sid("organization", "c"),
                name="Ministry of Health",
                kind="ministry",
                country="FRA",
            ),
            de.Organization(
                id=sid("organization", "d"),
                name="Ministry of Health",
                kind="ministry",
                country="ITA",
            ),
        ]
        result = merge([de.Collection(records=records)])
        assert len(result.collection) == 3
        kremlin = result.collection[min(records[0].id, records[1].id)]
        assert isinstance(kremlin, de.Organization)
        assert kremlin.country == "RUS"

    def test_kinds_that_differ_are_reported(self) -> None:
        records = [
            de.Organization(id=sid("organization", "a"), name="Meridian", kind="outlet"),
            de.Organization(id=sid("organization", "b"), name="Meridian", kind="other"),
            de.Organization(id=sid("organization", "c"), name="Meridian", kind="outlet"),
        ]
        result = merge([de.Collection(records=records)])
        (conflict,) = result.report.conflicts
        assert (conflict.field, conflict.values, conflict.kept) == (
            "$.kind",
            ("other", "outlet"),
            "outlet",
        )

    def test_same_text_is_one_source_and_citations_follow(self) -> None:
        text = "Ana Lopes met Jon Berg in Oslo on Monday."
        drafts = [de.extract(text, published="2021-03-03") for _ in range(2)]
        other = de.Source(id=sid("source", "x"), text=text, url="https://example.org/a")
        lopes = person(
            "lopes",
            "Ana Lopes",
            citations=[de.Citation(source=other.id, spans=[de.Span(start=0, end=3)], quote="Ana")],
        )
        result = merge([*drafts, de.Collection(records=[other, lopes])])
        (source,) = result.collection.of_type(de.Source)
        assert source.url == "https://example.org/a"
        cited = {c.source for r in result.collection for c in getattr(r, "citations", ())}
        assert cited == {source.id}
        assert errors(result.collection) == []

    def test_same_url_with_other_texts_stays_apart(self) -> None:
        a = de.Source(id=sid("source", "a"), text="One.", url="https://example.org/a")
        b = de.Source(id=sid("source", "b"), text="Two.", url="https://example.org/a")
        result = merge([de.Collection(records=[a, b])])
        assert len(result.collection) == 2
        assert "the same URL" in result.report.kept_apart[0].reason


def talks(key: str, day: int, *actors: str, place: str | None = "Oslo") -> de.Meeting:
    return de.Meeting(
        id=sid("meeting", key),
        kind="talks",
        date=de.UncertainDate.day(dt.date(2021, 3, day)),
        location=None if place is None else de.Location(name=place),
        participants=[de.Participant(actor=actor) for actor in actors],
    )


class TestMeetings:
    def test_the_same_meeting_from_two_sources_is_one(self) -> None:
        lopes, berg = person("l", "Ana Lopes"), person("b", "Jon Berg")
        a = de.Source(id=sid("source", "a"), text="A.")
        b = de.Source(id=sid("source", "b"), text="B.")
        one = talks("one", 1, lopes.id, berg.id)
        one = de.Meeting(
            **{
                **_fields(one),
                "citations": [de.Citation(source=a.id, spans=[de.Span(start=0, end=1)], quote="A")],
            }
        )
        two = talks("two", 1, berg.id, lopes.id, place=None)
        two = de.Meeting(
            **{
                **_fields(two),
                "citations": [de.Citation(source=b.id, spans=[de.Span(start=0, end=1)], quote="B")],
            }
        )
        result = merge(
            [de.Collection(records=[lopes, berg, a, one]), de.Collection(records=[b, two])]
        )
        (meeting,) = result.collection.of_type(de.Meeting)
        assert {c.source for c in meeting.citations} == {a.id, b.id}
        assert meeting.location is not None
        assert meeting.location.name == "Oslo"
        assert errors(result.collection) == []

    def test_disagreeing_dates_keep_both_linked_by_a_reference(self) -> None:
        lopes, berg = person("l", "Ana Lopes"), person("b", "Jon Berg")
        one, two = talks("one", 1, lopes.id, berg.id), talks("two", 2, lopes.id, berg.id)
        far = talks("far", 25, lopes.id, berg.id)
        result = merge([de.Collection(records=[lopes, berg, one, two, far])])
        assert len(result.collection.of_type(de.Meeting)) == 3
        (link,) = result.collection.of_type(de.Reference)
        assert {link.subject, link.target} == {one.id, two.id}
        assert link.draft
        assert link.description is not None
        assert "disagree on its date" in link.description
        assert [k.link for k in result.report.kept_apart] == [link.id]
        assert errors(result.collection) == []


def _fields(record: object) -> dict[str, object]:
    import attrs  # noqa: PLC0415

    return {a.name: getattr(record, a.name) for a in attrs.fields(type(record)) if a.init}


class TestArguments:
    def test_not_collections_is_the_librarys_error(self) -> None:
        with pytest.raises(de.FieldTypeError) as caught:
            merge([de.Collection(), "x"])  # type: ignore[list-item]
        assert caught.value.field == "collections[1]"
        with pytest.raises(de.FieldTypeError):
            merge([], near_days=-1)

    def test_report_reads(self) -> None:
        result = merge(
            [de.Collection(records=[person("a", "Ana Lopes"), person("b", "Ana Lopes")])]
        )
        assert str(result.report).startswith("merged 1 records into 1; 0 conflicts")


# --- properties -------------------------------------------------------------------------

_NAMES = [
    "Donald Trump",
    "Donald J. Trump",
    "Mr. Trump",
    "Melania Trump",
    "Sergei Lavrov",
    "Sergey Lavrov",
    "Lavrov",
    "Ana Lopes",
]


@st.composite
def corpora(draw: st.DrawFn) -> list[de.Collection]:
    """Several collections that share some records, as drafts of overlapping articles do."""
    people = [
        person(f"p{i}", name, nationality=draw(st.sampled_from([(), ("USA",), ("RUS",)])))
        for i, name in enumerate(draw(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6)))
    ]
    meetings = []
    for index in range(draw(st.integers(0, 3))):
        actors = draw(
            st.lists(st.sampled_from([p.id for p in people]), min_size=1, max_size=3, unique=True)
        )
        day = draw(st.sampled_from([1, 2, 20]))
        meetings.append(
            talks(f"m{index}", day, *actors, place=draw(st.sampled_from([None, "Oslo"])))
        )
    statements = [
        de.Statement(id=sid("statement", f"s{i}"), speaker=speaker, text="Yes.", mode="reported")
        for i, speaker in enumerate(
            draw(st.lists(st.sampled_from([p.id for p in people]), max_size=3))
        )
    ]
    pool = [*people, *meetings, *statements]
    # Every record goes into at least one collection, some into several.
    count = draw(st.integers(1, 3))
    homes = [draw(st.sets(st.integers(0, count - 1), min_size=1)) for _ in pool]
    return [
        de.Collection(records=[r for r, home in zip(pool, homes, strict=True) if index in home])
        for index in range(count)
    ]


class TestProperties:
    @settings(max_examples=40, **_SETTINGS)  # type: ignore[arg-type]
    @given(corpora(), st.randoms(use_true_random=False))
    def test_order_independent_idempotent_and_valid(
        self, collections: list[de.Collection], random: object
    ) -> None:
        merged = merge(collections).collection
        shuffled = [
            de.Collection(records=random.sample(c.records, len(c)))  # type: ignore[attr-defined]
            for c in random.sample(collections, len(collections))
        ]  # type: ignore[attr-defined]
        assert merge(shuffled).collection == merged
        assert merge([merged]).collection == merged
        assert merge([merged, merged]).collection == merged
        ids = [r.id for r in merged]
        assert len(ids) == len(set(ids))
        assert errors(merged) == []

    @settings(max_examples=12, **_SETTINGS)  # type: ignore[arg-type]
    @given(des.consistent_collections(), des.consistent_collections())
    def test_valid_datasets_merge_into_a_valid_one(
        self, a: de.Collection, b: de.Collection
    ) -> None:
        merged = merge([a, b]).collection
        assert merge([b, a]).collection == merged
        assert merge([merged]).collection == merged
        ids = [r.id for r in merged]
        assert len(ids) == len(set(ids))
        before = {i.code for c in (a, b) for i in errors(c)}
        assert {i.code for i in errors(merged)} <= before | {"ref.duplicate_id"} - {
            "ref.duplicate_id"
        }


def test_adding_drafts_to_a_merged_dataset_is_merging_them() -> None:
    first = [
        de.Collection(records=[person("a", "Ana Lopes")]),
        de.Collection(records=[person("b", "Jon Berg")]),
    ]
    new = de.Collection(records=[person("c", "Ana Lopes"), person("d", "Mr. Berg")])
    at_once = merge([*first, new]).collection
    in_steps = merge([merge(first).collection, new]).collection
    assert at_once == in_steps
    assert len(list(itertools.chain(at_once))) == 2
