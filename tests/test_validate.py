import datetime as dt

import attrs
import pytest

import diplo_events as de

D = dt.date


def day(value: D, **kwargs: bool) -> de.UncertainDate:
    return de.UncertainDate.day(value, **kwargs)


def codes(issues: list[de.Issue]) -> list[tuple[str, str, str]]:
    return [(i.path, i.code, i.severity.value) for i in issues]


def replace(collection: de.Collection, index: int, **changes: object) -> de.Collection:
    records = list(collection.records)
    records[index] = attrs.evolve(records[index], **changes)  # type: ignore[misc]
    return de.Collection(records=records)


class TestValid:
    def test_no_issues(self, small_collection: de.Collection) -> None:
        """A consistent collection has no issues."""
        assert de.validate(small_collection) == []
        assert de.validate(small_collection, strict=True) == []

    def test_records_as_iterable(self, small_collection: de.Collection) -> None:
        """validate() also takes plain records."""
        assert de.validate(list(small_collection.records)) == []

    def test_not_a_collection(self) -> None:
        """validate() of something else is a clear error."""
        with pytest.raises(de.FieldTypeError):
            de.validate("records")  # type: ignore[arg-type]


class TestIds:
    def test_duplicates(self, small_collection: de.Collection) -> None:
        """A repeated id is an error at the second record."""
        twice = de.Collection(records=[*small_collection.records, small_collection.records[0]])
        assert codes(de.validate(twice)) == [("$.records[5].id", "id.duplicate", "error")]

    def test_dangling(self, small_collection: de.Collection) -> None:
        """Ids that resolve to nothing are errors, at any depth."""
        stranger = de.stable_id("person", "stranger")
        meeting = small_collection.records[3]
        assert isinstance(meeting, de.Meeting)
        participants = (*meeting.participants, de.Participant(actor=stranger))
        changed = replace(small_collection, 3, participants=participants)
        issues = de.validate(changed)
        assert ("$.records[3].participants[2].actor", "ref.dangling", "error") in codes(issues)

    def test_citation_source_missing(self, small_collection: de.Collection) -> None:
        """A citation of a source that is not in the collection is an error."""
        without_source = de.Collection(records=[r for r in small_collection if r.type != "source"])
        assert ("$.records[3].citations[0].source", "ref.dangling", "error") in codes(
            de.validate(without_source)
        )

    def test_external_reference(self, small_collection: de.Collection) -> None:
        """A reference marked external may point outside the collection."""
        meeting_id = small_collection.records[3].id
        elsewhere = de.stable_id("meeting", "elsewhere")
        external = de.Reference(
            subject=meeting_id, relation="previous", target=elsewhere, external=True
        )
        internal = attrs.evolve(external, id=de.new_id("reference"), external=False)
        result = de.validate(small_collection.with_records([external, internal]))
        assert codes(result) == [("$.records[6].target", "ref.dangling", "error")]

    def test_strict_raises(self, small_collection: de.Collection) -> None:
        """With strict=True, errors raise ValidationError holding every issue."""
        twice = de.Collection(records=[*small_collection.records, *small_collection.records[:2]])
        with pytest.raises(de.ValidationError) as info:
            de.validate(twice, strict=True)
        assert [i.code for i in info.value.issues] == ["id.duplicate", "id.duplicate"]
        assert "$.records[5].id" in str(info.value)


class TestChronology:
    @pytest.fixture
    def talks(self) -> tuple[de.Meeting, de.Meeting]:
        earlier = de.Meeting(kind="talks", date=day(D(2020, 11, 21)))
        later = de.Meeting(kind="talks", date=day(D(2020, 12, 7)))
        return earlier, later

    def test_previous_points_back(self, talks: tuple[de.Meeting, de.Meeting]) -> None:
        """A 'previous' reference to an earlier meeting is fine; to a later one, an error."""
        earlier, later = talks
        good = de.Reference(subject=later.id, relation="previous", target=earlier.id)
        bad = de.Reference(subject=earlier.id, relation="previous", target=later.id)
        implements = de.Reference(subject=earlier.id, relation="implements", target=later.id)
        issues = de.validate([earlier, later, good, bad, implements])
        assert codes(issues) == [
            ("$.records[3].target", "chronology.reference_later", "error"),
            ("$.records[4].target", "chronology.reference_later", "error"),
        ]

    def test_planned_points_forward(self, talks: tuple[de.Meeting, de.Meeting]) -> None:
        """A 'planned' reference never points at an earlier event."""
        earlier, later = talks
        good = de.Reference(subject=earlier.id, relation="planned", target=later.id)
        bad = de.Reference(subject=later.id, relation="planned", target=earlier.id)
        assert codes(de.validate([earlier, later, good, bad])) == [
            ("$.records[3].target", "chronology.planned_earlier", "error"),
        ]

    def test_described_target(self, talks: tuple[de.Meeting, de.Meeting]) -> None:
        """A reference known only by description is checked against its date."""
        _, later = talks
        bad = de.Reference(
            subject=later.id,
            relation="planned",
            description="a visit",
            date=de.UncertainDate(edtf="2020-11"),
        )
        fine = de.Reference(
            subject=later.id,
            relation="planned",
            description="a visit",
            date=de.UncertainDate.between(D(2020, 12, 7), None),
        )
        assert codes(de.validate([later, bad, fine])) == [
            ("$.records[1].date", "chronology.planned_earlier", "error"),
        ]

    def test_fuzzy_dates_warn(self, talks: tuple[de.Meeting, de.Meeting]) -> None:
        """With an approximate or uncertain date, a chronology issue is a warning."""
        earlier, later = talks
        fuzzy = attrs.evolve(later, date=day(D(2020, 12, 7), uncertain=True))
        bad = de.Reference(subject=earlier.id, relation="previous", target=fuzzy.id)
        assert codes(de.validate([earlier, fuzzy, bad])) == [
            ("$.records[2].target", "chronology.reference_later", "warning"),
        ]

    def test_statement_within_meeting(self, small_collection: de.Collection) -> None:
        """A statement dated outside its meeting's dates is an error."""
        changed = replace(small_collection, 4, date=day(D(2020, 12, 9)))
        assert codes(de.validate(changed)) == [
            ("$.records[4].date", "chronology.outside_meeting", "error"),
        ]
        inside = replace(small_collection, 4, date=de.UncertainDate(edtf="2020-12"))
        assert de.validate(inside) == []

    def test_part_within_whole(self, talks: tuple[de.Meeting, de.Meeting]) -> None:
        """A meeting that is part of another lies within its dates."""
        _, later = talks
        press = de.Meeting(kind="press_conference", date=day(D(2020, 12, 8)), part_of=later.id)
        assert codes(de.validate([later, press])) == [
            ("$.records[1].date", "chronology.outside_meeting", "error"),
        ]


class TestSpeakersAndEvidence:
    def test_speaker_not_participant(self, small_collection: de.Collection) -> None:
        """A speaker who did not take part in the meeting is a warning."""
        outsider = de.Person(name="Someone Else")
        changed = replace(small_collection, 4, speaker=outsider.id).with_records([outsider])
        assert codes(de.validate(changed)) == [
            ("$.records[4].speaker", "statement.speaker_not_participant", "warning"),
        ]

    def test_speaker_of_larger_meeting(self, small_collection: de.Collection) -> None:
        """A participant of the talks may speak at the press conference that is part of them."""
        talks = small_collection.records[3]
        press = de.Meeting(kind="press_conference", date=talks.date, part_of=talks.id)  # type: ignore[union-attr]
        changed = replace(small_collection, 4, meeting=press.id).with_records([press])
        assert de.validate(changed) == []

    def test_evidence_by_actor(self, small_collection: de.Collection) -> None:
        """A demand's evidence said by someone else is a warning; by its actor, fine."""
        lavrov, ayvazyan, _, _, quote = small_collection.records
        fine = de.Demand(actor=lavrov.id, content="x", evidence=[quote.id])
        other = de.Demand(actor=ayvazyan.id, content="x", evidence=[quote.id])
        issues = de.validate(small_collection.with_records([fine, other]))
        assert codes(issues) == [("$.records[6].evidence[0]", "evidence.other_speaker", "warning")]

    def test_evidence_by_represented_body(self, small_collection: de.Collection) -> None:
        """A statement by a participant counts as evidence of the body they represent."""
        lavrov, _, _, meeting, quote = small_collection.records
        russia = de.Organization(name="Russia", kind="state", country="RUS")
        ministry = de.Organization(
            name="Russian MFA", kind="ministry", country="RUS", parent=russia.id
        )
        assert isinstance(meeting, de.Meeting)
        participants = (
            attrs.evolve(meeting.participants[0], represents=ministry.id),
            meeting.participants[1],
        )
        proposal = de.Proposal(
            actor=russia.id, content="an international centre", evidence=[quote.id]
        )
        changed = replace(small_collection, 3, participants=participants)
        assert de.validate(changed.with_records([russia, ministry, proposal])) == []
        assert lavrov.id == participants[0].actor

    def test_response_by_responder(self, small_collection: de.Collection) -> None:
        """A response cited from a statement by someone else is a warning."""
        _, ayvazyan, _, _, quote = small_collection.records
        proposal = de.Proposal(
            actor=ayvazyan.id,
            content="visit",
            status="accepted",
            responses=[de.Response(actor=ayvazyan.id, stance="accepted", statement=quote.id)],
        )
        assert codes(de.validate(small_collection.with_records([proposal]))) == [
            ("$.records[5].responses[0].statement", "evidence.other_speaker", "warning"),
        ]


class TestCitations:
    def test_quote_mismatch(self, small_collection: de.Collection) -> None:
        """A quote that differs from the source text at its span is an error."""
        quote = small_collection.records[4]
        assert isinstance(quote, de.Statement)
        wrong = attrs.evolve(quote.citations[0], quote="We had a very useful contact;")
        changed = replace(small_collection, 4, citations=[wrong], text=wrong.quote)
        (issue,) = de.validate(changed)
        assert (issue.path, issue.code) == (
            "$.records[4].citations[0].quote",
            "citation.quote_mismatch",
        )
        assert "'We had a very useful contact,'" in issue.message

    def test_span_past_text(self, small_collection: de.Collection) -> None:
        """A span beyond the end of the source text is an error."""
        quote = small_collection.records[4]
        assert isinstance(quote, de.Statement)
        far = attrs.evolve(quote.citations[0], spans=[de.Span(start=10, end=500)], quote=None)
        changed = replace(small_collection, 4, citations=[far])
        assert codes(de.validate(changed)) == [
            ("$.records[4].citations[0].spans[0]", "citation.span_out_of_range", "error"),
            ("$.records[4].text", "statement.quote_unverified", "warning"),
        ]

    def test_direct_quote_must_be_cited_words(self, small_collection: de.Collection) -> None:
        """A direct quote whose text no citation quotes is an error."""
        changed = replace(small_collection, 4, text="We had a useful contact")
        assert codes(de.validate(changed)) == [
            ("$.records[4].text", "statement.quote_not_in_source", "error"),
        ]

    def test_quote_checked_against_spans(self, small_collection: de.Collection) -> None:
        """Without a quote, a direct quote is checked against the source text at its spans."""
        quote = small_collection.records[4]
        assert isinstance(quote, de.Statement)
        unquoted = attrs.evolve(quote.citations[0], quote=None)
        fine = replace(small_collection, 4, citations=[unquoted])
        assert de.validate(fine) == []
        wrong = replace(small_collection, 4, citations=[unquoted], text="goodbye")
        assert codes(de.validate(wrong)) == [
            ("$.records[4].text", "statement.quote_not_in_source", "error"),
        ]

    def test_unverifiable_quote_warns(self, small_collection: de.Collection) -> None:
        """A direct quote with nothing to check it against is a warning."""
        changed = replace(small_collection, 4, citations=[])
        assert codes(de.validate(changed)) == [
            ("$.records[4].text", "statement.quote_unverified", "warning"),
        ]

    def test_source_without_text(self, small_collection: de.Collection) -> None:
        """Quotes are only checked when the source carries its text."""
        changed = replace(small_collection, 2, text=None)
        quote = changed.records[4]
        assert isinstance(quote, de.Statement)
        assert (
            de.validate(
                replace(
                    changed,
                    4,
                    citations=[attrs.evolve(quote.citations[0], quote="anything at all")],
                    text="anything at all",
                )
            )
            == []
        )

    def test_nested_citations(self, small_collection: de.Collection) -> None:
        """Citations inside participants are checked too."""
        meeting = small_collection.records[3]
        source = small_collection.records[2]
        assert isinstance(meeting, de.Meeting)
        cited = attrs.evolve(
            meeting.participants[0],
            citations=[
                de.Citation(source=source.id, spans=[de.Span(start=0, end=8)], quote="Ayvazian")
            ],
        )
        changed = replace(small_collection, 3, participants=[cited, meeting.participants[1]])
        assert codes(de.validate(changed)) == [
            ("$.records[3].participants[0].citations[0].quote", "citation.quote_mismatch", "error"),
        ]


class TestVerbatim:
    """A mixed statement's verbatim fragments are checked against the source and its text."""

    SOURCE_TEXT = "Lavrov said the talks were “candid and constructive” and would go on."

    def _collection(self, fragment: tuple[int, int]) -> de.Collection:
        lavrov = de.Person(name="Sergey Lavrov")
        source = de.Source(text=self.SOURCE_TEXT)
        start, end = fragment
        statement = de.Statement(
            speaker=lavrov.id,
            text="the talks were “candid and constructive” and would go on",
            mode="mixed",
            cue="said",
            citations=[
                de.Citation(source=source.id, spans=[de.Span(start=12, end=69)], role="content"),
                de.Citation(source=source.id, spans=[de.Span(start=0, end=6)], role="speaker"),
                de.Citation(source=source.id, spans=[de.Span(start=7, end=11)], role="cue"),
                de.Citation(
                    source=source.id, spans=[de.Span(start=start, end=end)], role="verbatim"
                ),
            ],
        )
        return de.Collection(records=[lavrov, source, statement])

    def test_fragment_in_text(self) -> None:
        """A fragment that the statement's text holds word for word is fine."""
        start = self.SOURCE_TEXT.index("candid")
        assert de.validate(self._collection((start, start + len("candid and constructive")))) == []

    def test_fragment_not_in_text(self) -> None:
        """A fragment pointing at words the text does not hold is an error at the citation."""
        start = self.SOURCE_TEXT.index("Lavrov")
        issues = de.validate(self._collection((start, start + len("Lavrov said"))))
        assert [(i.path, i.code) for i in issues] == [
            ("$.records[2].citations[3]", "statement.verbatim_not_in_text")
        ]
