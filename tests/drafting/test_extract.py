"""Tests of extract(): draft records from news text."""

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplo_events as de
from diplo_events.drafting.rules._cues import _confidences
from diplo_events.model._rules import blank

DATA = Path(__file__).parent.parent / "data" / "extraction"
SHOWCASE = (DATA / "moscow-talks-2020-12-08.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2020, 12, 8)


@pytest.fixture(scope="module")
def showcase() -> de.Collection:
    return de.extract(SHOWCASE, published=PUBLISHED)


def _by_id(collection: de.Collection) -> dict[str, de.Record]:
    return {r.id: r for r in collection.records}


def _citations_in(value: object) -> list[de.Citation]:
    """Every citation a record holds, in its own field and inside its values (participants)."""
    if isinstance(value, de.Citation):
        return [value]
    if isinstance(value, tuple | list):
        return [c for item in value for c in _citations_in(item)]
    if attrs.has(type(value)):
        return [c for f in attrs.fields(type(value)) for c in _citations_in(getattr(value, f.name))]
    return []


def _speaker_name(collection: de.Collection, statement: de.Statement) -> str:
    speaker = collection.get(statement.speaker)
    assert isinstance(speaker, de.Person)
    return speaker.name


class TestShowcase:
    def test_drafts_validate_without_issues(self, showcase: de.Collection) -> None:
        assert de.validate(showcase) == []

    def test_every_record_is_a_draft(self, showcase: de.Collection) -> None:
        assert all(record.draft for record in showcase.records)

    def test_source_keeps_text_and_publication_date(self, showcase: de.Collection) -> None:
        source = showcase.records[0]
        assert isinstance(source, de.Source)
        assert source.text == SHOWCASE
        assert source.published == de.UncertainDate.day(
            PUBLISHED, derivation=de.DateDerivation(text="2020-12-08", rule="given")
        )

    def test_seven_direct_quotes_with_exact_spans_and_speakers(
        self, showcase: de.Collection
    ) -> None:
        quotes = [
            s for s in showcase.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE
        ]
        found = [(s.text[:30], _speaker_name(showcase, s)) for s in quotes]
        assert found == [
            ("This is especially true in lig", "Ara Ayvazyan"),
            ("We expressed our readiness to ", "Ara Ayvazyan"),
            ("Armenia […] has acted and cont", "Ara Ayvazyan"),
            ("Turkey should withdraw its arm", "Ara Ayvazyan"),
            ("We had a very useful, full-fle", "Sergei Lavrov"),
            ("We are unanimous in that the s", "Sergei Lavrov"),
            ("Now we are discussing the prac", "Sergei Lavrov"),
        ]
        for statement in quotes:
            words, speaker, *rest = statement.citations
            assert (words.role, speaker.role) == (de.CitationRole.CONTENT, de.CitationRole.SPEAKER)
            assert all(c.role is de.CitationRole.CUE for c in rest)
            span = words.spans[0]
            assert SHOWCASE[span.start : span.end] == statement.text
            assert SHOWCASE[span.start - 1] == "“"
            assert SHOWCASE[span.end] == "”"
            assert words.confidence == 1.0
            # The second citation is the mention the speaker was read from.
            assert speaker.quote is not None
            assert speaker.quote in {
                "FM Ayvazyan",
                "the Armenian minister",
                "The head of the Armenian Foreign Ministry",
                "Ara Ayvazyan",
                "Sergey Lavrov",
                "Lavrov",
            }

    def test_quote_across_paragraphs_is_one_statement(self, showcase: de.Collection) -> None:
        texts = [s.text for s in showcase.of_type(de.Statement)]
        across = [t for t in texts if "\n\n" in t and t.startswith("We expressed")]
        assert len(across) == 1
        assert across[0].endswith("hostages in the Middle East")

    def test_two_participants_with_titles_and_countries(self, showcase: de.Collection) -> None:
        talks = next(m for m in showcase.of_type(de.Meeting) if m.kind is de.MeetingKind.TALKS)
        found = set()
        for participant in talks.participants:
            person = showcase.get(participant.actor)
            state = showcase.get(participant.represents or "")
            assert isinstance(person, de.Person)
            assert isinstance(state, de.Organization)
            found.add((person.name, participant.title, state.country))
        assert found == {
            ("Ara Ayvazyan", "Foreign Minister", "ARM"),
            ("Sergei Lavrov", "Foreign Minister", "RUS"),
        }

    def test_spelling_variants_make_one_person(self, showcase: de.Collection) -> None:
        lavrov = [p for p in showcase.of_type(de.Person) if "Lavrov" in p.name]
        assert len(lavrov) == 1
        assert set(lavrov[0].names()) == {"Sergei Lavrov", "Sergey Lavrov"}

    def test_meeting_is_dated_no_later_than_publication(self, showcase: de.Collection) -> None:
        talks = next(m for m in showcase.of_type(de.Meeting) if m.kind is de.MeetingKind.TALKS)
        # The article never dates the talks: the honest date is "on or before".
        assert talks.date.edtf == "../2020-12-08"
        assert talks.date.derivation is not None
        assert talks.date.derivation.rule == "on-or-before-publication"

    def test_press_conference_is_part_of_the_talks(self, showcase: de.Collection) -> None:
        kinds = {m.kind: m for m in showcase.of_type(de.Meeting)}
        press = kinds[de.MeetingKind.PRESS_CONFERENCE]
        assert press.part_of == kinds[de.MeetingKind.TALKS].id

    def test_references_resolve_november_dates_to_2020(self, showcase: de.Collection) -> None:
        dated = {r.date.edtf: r.relation for r in showcase.of_type(de.Reference) if r.date}
        assert dated["2020-11-09"] is de.Relation.IMPLEMENTS
        assert dated["2020-11-21"] is de.Relation.PREVIOUS
        planned = [r for r in showcase.of_type(de.Reference) if r.relation is de.Relation.PLANNED]
        assert {r.description for r in planned} >= {"he would visit Yerevan"}

    def test_demands(self, showcase: de.Collection) -> None:
        contents = [d.content for d in showcase.of_type(de.Demand)]
        assert any("as soon as possible" in c for c in contents)
        assert any(c.startswith("Turkey should withdraw") for c in contents)
        assert any("Azerbaijani side will not" in c for c in contents)
        assert any(c.startswith("the OSCE Minsk Group Co-Chairs should") for c in contents)
        turkey = next(d for d in showcase.of_type(de.Demand) if d.content.startswith("Turkey"))
        addressee = showcase.get(turkey.addressees[0])
        assert isinstance(addressee, de.Organization)
        assert addressee.country == "TUR"

    def test_invitation_is_accepted_in_lavrovs_words(self, showcase: de.Collection) -> None:
        records = _by_id(showcase)
        invitation = next(
            p for p in showcase.of_type(de.Proposal) if p.kind is de.ProposalKind.INVITATION
        )
        assert invitation.content == "me to visit Yerevan again"
        roles = {c.role: c.quote for c in invitation.citations}
        assert roles == {
            de.CitationRole.CONTENT: "me to visit Yerevan again",
            de.CitationRole.SPEAKER: "Ara Genrievich",
            de.CitationRole.CUE: "invited",
            de.CitationRole.CONTEXT: "Ara Genrievich kindly invited me to visit Yerevan again",
        }
        assert invitation.status is de.ProposalStatus.ACCEPTED
        inviter = records[invitation.actor]
        assert isinstance(inviter, de.Person)
        assert inviter.name == "Ara Ayvazyan"
        (response,) = invitation.responses
        responder = records[response.actor]
        assert isinstance(responder, de.Person)
        assert responder.name == "Sergei Lavrov"
        statement = records[response.statement or ""]
        assert isinstance(statement, de.Statement)
        assert "I will be happy to come" in statement.text

    def test_moscow_proposal_is_russias(self, showcase: de.Collection) -> None:
        proposal = next(
            p for p in showcase.of_type(de.Proposal) if p.content.startswith("to make this center")
        )
        speaker = next(c for c in proposal.citations if c.role is de.CitationRole.SPEAKER)
        assert speaker.quote == "Moscow"
        actor = showcase.get(proposal.actor)
        assert isinstance(actor, de.Organization)
        assert actor.country == "RUS"

    def test_every_citation_quotes_the_source(self, showcase: de.Collection) -> None:
        for record in showcase.records[1:]:
            assert record.citations, record
            for citation in record.citations:
                assert citation.confidence is not None
                assert 0 < citation.confidence <= 1

    def test_every_citation_names_the_rule_of_its_confidence(self, showcase: de.Collection) -> None:
        table = _confidences()
        cited = [c for record in showcase.records[1:] for c in _citations_in(record)]
        assert len(cited) > 60
        for citation in cited:
            assert citation.rule in table, citation
            assert citation.confidence == table[citation.rule]
            assert type(citation.confidence) is float  # the plain number, not the rule's

    def test_runs_are_deterministic(self, showcase: de.Collection) -> None:
        again = de.extract(SHOWCASE, published=PUBLISHED)
        assert de.to_json(again) == de.to_json(showcase)

    def test_round_trips_through_json(self, showcase: de.Collection) -> None:
        assert de.from_json(de.to_json(showcase)) == showcase


class TestArguments:
    def test_given_source_keeps_its_id_and_fields(self) -> None:
        source = de.Source(title="Armenia and Russia talk", url="https://example.org/a")
        drafted = de.extract(SHOWCASE, source=source, published=PUBLISHED)
        first = drafted.records[0]
        assert isinstance(first, de.Source)
        assert first.id == source.id
        assert first.title == source.title
        assert first.text == SHOWCASE
        assert all(c.source == source.id for r in drafted.records[1:] for c in r.citations)

    def test_publication_date_from_the_source(self) -> None:
        source = de.Source(published=de.UncertainDate.day(PUBLISHED))
        drafted = de.extract(SHOWCASE, source=source)
        assert de.validate(drafted) == []

    def test_publication_date_from_a_leading_date_line(self) -> None:
        drafted = de.extract(SHOWCASE)  # the article opens with "date 2020-12-08"
        first = drafted.records[0]
        assert isinstance(first, de.Source)
        assert first.published is not None
        assert first.published.edtf == "2020-12-08"

    def test_source_with_another_text_is_refused(self) -> None:
        with pytest.raises(de.ParseError) as caught:
            de.extract(SHOWCASE, source=de.Source(text="Something else."))
        assert [i.code for i in caught.value.issues] == ["extract.source_text_differs"]

    def test_empty_text_is_refused(self) -> None:
        with pytest.raises(de.ParseError) as caught:
            de.extract("  \n ")
        assert caught.value.issues[0].code == "extract.empty"

    def test_undated_meeting_without_anchor_is_refused(self) -> None:
        text = "Foreign Minister Ana Lopes met with her counterpart Jon Berg for talks."
        with pytest.raises(de.ParseError) as caught:
            de.extract(text)
        assert caught.value.issues[0].code == "extract.no_date"
        assert "published=" in caught.value.issues[0].message

    def test_stated_date_needs_no_anchor(self) -> None:
        text = "Foreign Minister Ana Lopes met her counterpart Jon Berg on March 3, 2021 in Oslo."
        (meeting,) = de.extract(text).of_type(de.Meeting)
        assert meeting.date.edtf == "2021-03-03"

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"text": b"bytes"}, "text"),
            ({"text": "x", "published": 20201208}, "published"),
            ({"text": "x", "source": {"title": "t"}}, "source"),
        ],
    )
    def test_wrong_types(self, kwargs: dict[str, object], field: str) -> None:
        text = kwargs.pop("text")
        with pytest.raises(de.FieldTypeError) as caught:
            de.extract(text, **kwargs)  # type: ignore[arg-type]
        assert caught.value.field == field

    def test_published_may_be_iso_text(self) -> None:
        text = "Foreign Minister Ana Lopes met her counterpart Jon Berg in Oslo on Monday."
        as_text = de.extract(text, published="2021-03-03")
        assert as_text == de.extract(text, published=dt.date(2021, 3, 3))
        assert as_text.of_type(de.Meeting)[0].date.edtf == "2021-03-01"

    @pytest.mark.parametrize("published", ["2021-3-3", "2021-02-30", "March 3", "20210303", ""])
    def test_published_text_that_is_no_date_is_refused(self, published: str) -> None:
        with pytest.raises(de.ParseError) as caught:
            de.extract("Ana Lopes met Jon Berg.", published=published)
        (issue,) = caught.value.issues
        assert (issue.path, issue.code) == ("$.published", "extract.bad_published")
        assert repr(published) in issue.message

    def test_text_is_normalised_to_nfc(self) -> None:
        decomposed = "Foreign Minister Ana Lo\u0301pes met Jon Berg on March 3, 2021 in Oslo."
        drafted = de.extract(decomposed)
        source = drafted.records[0]
        assert isinstance(source, de.Source)
        assert source.text is not None
        assert "Ló" in source.text
        assert de.validate(drafted) == []


class TestForms:
    def test_readout_without_quotes_has_no_direct_quotes(self) -> None:
        text = (DATA / "us-kenya-call-readout-2021-03-04.txt").read_text(encoding="utf-8")
        drafted = de.extract(text, published=dt.date(2021, 3, 4))
        modes = {s.mode for s in drafted.of_type(de.Statement)}
        assert de.StatementMode.DIRECT_QUOTE not in modes
        (call,) = drafted.of_type(de.Meeting)
        assert call.kind is de.MeetingKind.PHONE_CALL
        assert call.date.edtf == "2021-03-04"

    def test_dateline_is_not_the_meeting_place(self) -> None:
        text = (
            "MOSCOW, March 3 (Wire) — Russian Deputy Foreign Minister Pavel Orlov and "
            "Swiss Foreign Minister Anna Keller held talks in Geneva on Tuesday.\n\n"
            "“We agreed on a great deal,” Orlov said."
        )
        drafted = de.extract(text, published=dt.date(2021, 3, 3))
        (talks,) = drafted.of_type(de.Meeting)
        assert talks.location is not None
        assert talks.location.name == "Geneva"
        assert talks.date.edtf == "2021-03-02"

    def test_quote_after_speaker_and_pronoun(self) -> None:
        text = (
            "WASHINGTON — Secretary of State Daniel Whitcomb spoke by phone on Monday with "
            "Kenyan Foreign Minister Grace Otieno.\n\n"
            "Otieno said: “Kenya will keep its troops in the mission.”\n\n"
            "“We are grateful for the support,” she added."
        )
        drafted = de.extract(text, published=dt.date(2021, 3, 3))
        quotes = list(drafted.of_type(de.Statement))
        speakers = {s.text: _speaker_name(drafted, s) for s in quotes}
        assert speakers["Kenya will keep its troops in the mission."] == "Grace Otieno"
        assert speakers["We are grateful for the support,"] == "Grace Otieno"
        assert de.validate(drafted) == []

    def test_scare_quotes_are_not_statements(self) -> None:
        text = (
            "Foreign Minister Ana Lopes met Jon Berg on March 3, 2021 in Oslo to discuss "
            "the so-called “red lines” of the talks."
        )
        drafted = de.extract(text)
        assert not [
            s for s in drafted.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE
        ]

    def test_declined_invitation(self) -> None:
        text = (
            "Foreign Minister Ana Lopes met Jon Berg on March 3, 2021 in Oslo. "
            "Lopes invited Berg to visit Lisbon in May. Berg declined the invitation, "
            "citing the election."
        )
        drafted = de.extract(text)
        (invitation,) = drafted.of_type(de.Proposal)
        assert invitation.status is de.ProposalStatus.REJECTED
        assert invitation.responses[0].stance is de.ResponseStance.REJECTED
        assert de.validate(drafted) == []


class TestMeetings:
    def test_postponed_talks_are_not_held(self) -> None:
        text = (
            "BANGKOK — Thailand has postponed talks between Foreign Minister Niran Chai and "
            "his Cambodian counterpart Sok Dara that were due to be held in Phnom Penh on "
            "Thursday, the ministry said on Tuesday."
        )
        drafted = de.extract(text, published=dt.date(2022, 3, 1))
        (talks,) = drafted.of_type(de.Meeting)
        assert talks.status is de.EventStatus.PLANNED
        assert talks.date.edtf == "2022-03-03"
        assert de.validate(drafted) == []

    def test_called_off_talks(self) -> None:
        text = "Foreign Minister Ana Lopes called off talks with Jon Berg set for March 3, 2021."
        (talks,) = de.extract(text).of_type(de.Meeting)
        assert talks.status is de.EventStatus.CANCELLED

    def test_banquet_and_signing_are_parts_of_the_talks(self) -> None:
        text = (
            "LISBON — President Rui Costa and President Kofi Mensah held talks in Lisbon on "
            "Tuesday.\n\n"
            "Following the talks, Foreign Minister Ines Melo and Foreign Minister Ama Owusu "
            "signed a memorandum on political consultations.\n\n"
            "In the evening, President Costa offered a state banquet in honour of his guest."
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 11))
        meetings = {m.kind: m for m in drafted.of_type(de.Meeting)}
        talks = meetings[de.MeetingKind.TALKS]
        signing = meetings[de.MeetingKind.SIGNING]
        banquet = meetings[de.MeetingKind.RECEPTION]
        assert signing.part_of == banquet.part_of == talks.id
        assert talks.date.edtf == signing.date.edtf == "2022-05-10"
        signers = {drafted[p.actor].name for p in signing.participants}
        assert {"Ines Melo", "Ama Owusu", "Rui Costa", "Kofi Mensah"} <= signers
        assert de.validate(drafted) == []

    def test_visit_framing_talks_gives_the_talks(self) -> None:
        text = (
            "President Kofi Mensah is paying a state visit to Portugal from 9 to 12 May. "
            "The two heads of state held talks at Belem Palace on Tuesday, 10 May."
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 11))
        talks = drafted.of_type(de.Meeting)[0]
        assert talks.kind is de.MeetingKind.TALKS
        assert talks.protocol_level is de.ProtocolLevel.STATE
        assert talks.date.edtf == "2022-05-10"


class TestReviewFindings:
    """Cases a review and a fuzzing run turned up."""

    def test_lone_surrogate_is_a_parse_error(self) -> None:
        with pytest.raises(de.ParseError) as caught:
            de.extract("Sergei Lavrov met Antony Blinken on Monday. \ud800", published=PUBLISHED)
        assert caught.value.issues[0].code == "text.lone_surrogate"

    def test_event_after_the_meeting_is_cited_not_previous(self) -> None:
        text = (
            "German Chancellor Olaf Scholz held talks with French President Emmanuel Macron "
            "in Paris on Monday.\n\nThe two leaders met again on Wednesday at the EU summit."
        )
        drafted = de.extract(text, published=dt.date(2022, 3, 11))
        (again,) = drafted.of_type(de.Reference)
        assert again.relation is de.Relation.CITES
        assert again.date is not None
        assert again.date.edtf == "2022-03-09"
        assert de.validate(drafted) == []

    def test_meeting_announced_for_the_future_is_planned(self) -> None:
        text = (
            "GENEVA (Wire) — Russian Foreign Minister Sergei Lavrov will meet U.S. Secretary "
            "of State Antony Blinken on Friday, the ministry said."
        )
        drafted = de.extract(text, published=dt.date(2021, 3, 10))
        (meeting,) = drafted.of_type(de.Meeting)
        assert meeting.status is de.EventStatus.PLANNED
        assert meeting.date.edtf == "2021-03-12"
        assert not drafted.of_type(de.Reference)  # the meeting itself is no reference

    def test_quote_of_an_unnamed_official_is_given_to_an_unnamed_person(self) -> None:
        text = (
            "Secretary of State Antony Blinken spoke by phone with Chinese Foreign Minister "
            "Wang Yi on Monday.\n\n"
            "“The secretary raised our concerns,” a senior State Department official said."
        )
        drafted = de.extract(text, published=dt.date(2023, 3, 8))
        (quote,) = drafted.of_type(de.Statement)
        speaker = drafted.get(quote.speaker)
        assert isinstance(speaker, de.Person)
        assert speaker.unnamed
        assert speaker.name == "a senior State Department official"
        (position,) = speaker.positions
        body = drafted.get(position.organization or "")
        assert isinstance(body, de.Organization)
        assert body.name == "Department of State"
        cited = quote.citations[1]
        assert cited.role is de.CitationRole.SPEAKER
        assert cited.quote == "a senior State Department official"
        assert cited.confidence is not None
        assert cited.confidence < 0.9  # someone unnamed is a weak speaker

    def test_who_said_gives_the_quote_to_the_one_before_who(self) -> None:
        text = (
            "Secretary of State Antony Blinken held talks with Ukrainian Foreign Minister "
            "Dmytro Kuleba, who said: “We discussed air defence and the grain corridor.”"
        )
        drafted = de.extract(text, published=dt.date(2023, 3, 8))
        (quote,) = drafted.of_type(de.Statement)
        assert _speaker_name(drafted, quote) == "Dmytro Kuleba"

    def test_acceptance_after_a_comma_and(self) -> None:
        text = (
            "Polish Foreign Minister Radoslaw Sikorski met German Foreign Minister Annalena "
            "Baerbock in Berlin on Monday. Sikorski invited Baerbock to visit Warsaw in the "
            "spring, and Baerbock accepted. Trade was also discussed. Energy was discussed too."
        )
        drafted = de.extract(text, published=dt.date(2024, 3, 12))
        (invitation,) = drafted.of_type(de.Proposal)
        assert invitation.status is de.ProposalStatus.ACCEPTED
        responder = drafted[invitation.responses[0].actor]
        assert isinstance(responder, de.Person)
        assert responder.name == "Annalena Baerbock"
        assert invitation.content == "Baerbock to visit Warsaw in the spring"

    def test_hosted_is_a_meeting(self) -> None:
        text = (
            "German Foreign Minister Annalena Baerbock hosted Polish Foreign Minister "
            "Radoslaw Sikorski in Berlin on Thursday."
        )
        (meeting,) = de.extract(text, published=dt.date(2024, 3, 10)).of_type(de.Meeting)
        assert meeting.date.edtf == "2024-03-07"
        assert len(meeting.participants) == 2

    def test_wire_agency_is_the_publisher_not_a_person(self) -> None:
        text = (
            "MADRID, May 3 (Northgate Wire) — Spanish Foreign Minister Ana Lopes met "
            "Portuguese Foreign Minister Rui Costa in Madrid on Monday."
        )
        drafted = de.extract(text, published=dt.date(2021, 5, 3))
        (source,) = drafted.of_type(de.Source)
        outlet = drafted[source.publisher] if source.publisher else None
        assert isinstance(outlet, de.Organization)
        assert (outlet.name, outlet.kind, outlet.draft) == (
            "Northgate Wire",
            de.OrganizationKind.OUTLET,
            True,
        )
        assert source.excerpt(outlet.citations[0].spans) == "Northgate Wire"
        people = sorted(p.name for p in drafted.of_type(de.Person))
        assert people == ["Ana Lopes", "Rui Costa"]
        assert de.validate(drafted) == []

    def test_a_publisher_given_with_the_source_is_kept(self) -> None:
        text = "MADRID, May 3 (Northgate Wire) — Ana Lopes met Rui Costa in Madrid on Monday."
        paper = de.Organization(name="Daily Courier", kind=de.OrganizationKind.OUTLET)
        given_source = de.Source(publisher=paper.id)
        drafted = de.extract(text, published=dt.date(2021, 5, 3), source=given_source)
        (source,) = drafted.of_type(de.Source)
        assert source.publisher == paper.id
        outlets = [o for o in drafted.of_type(de.Organization) if o.kind == "outlet"]
        assert outlets == []

    def test_national_and_generic_ministries_are_named_apart(self) -> None:
        text = (
            "British Foreign Secretary Harriet Lockwood met Nigerian Foreign Minister Ade "
            "Bello at the Foreign, Commonwealth and Development Office in London on Monday. "
            "The German Foreign Office welcomed the talks."
        )
        drafted = de.extract(text, published=dt.date(2021, 11, 3))
        ministries = sorted(
            (o.name, o.country)
            for o in drafted.of_type(de.Organization)
            if o.kind is de.OrganizationKind.MINISTRY
        )
        assert ministries == [
            ("Foreign, Commonwealth and Development Office", "GBR"),
            ("Ministry of Foreign Affairs of Germany", "DEU"),
        ]

    def test_received_is_talks(self) -> None:
        text = (
            "President of the Republic Aino Virtakallio received the Prime Minister of "
            "Estonia, Mart Raudsepp, at the Presidential Palace in Helsinki on Tuesday 21 "
            "November."
        )
        drafted = de.extract(text, published=dt.date(2023, 11, 21))
        (meeting,) = drafted.of_type(de.Meeting)
        assert meeting.kind is de.MeetingKind.TALKS
        names = sorted(drafted[p.actor].name for p in meeting.participants)  # type: ignore[union-attr]
        assert names == ["Aino Virtakallio", "Mart Raudsepp"]

    def test_the_one_who_invited_hosts_the_visit(self) -> None:
        text = (
            "The President of the Republic of Ghana, Kwabena Asante, is paying a State Visit "
            "to Portugal from 9 to 12 May, at the invitation of Portuguese President Henrique "
            "Mota."
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 11))
        (meeting,) = drafted.of_type(de.Meeting)
        names = sorted(drafted[p.actor].name for p in meeting.participants)  # type: ignore[union-attr]
        assert names == ["Henrique Mota", "Kwabena Asante"]

    def test_a_colon_before_a_quote_is_no_reported_statement(self) -> None:
        text = (
            "President Henrique Mota received President Kwame Asante in Lisbon on Tuesday.\n\n"
            "In his toast, Mota said:\n\n"
            "“Our two peoples share an ocean and a language of friendship.”"
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 11))
        modes = sorted(s.mode.value for s in drafted.of_type(de.Statement))
        assert modes == ["direct_quote"]

    def test_more_speech_verbs_and_asked_that(self) -> None:
        # "thanked her" does not make Parata a woman, so "He" is Parata.
        text = (
            "Foreign Minister Ana Lopes spoke by phone with Foreign Minister Hemi Parata on "
            "Monday. Lopes protested the detention of two fishing boats.\n\n"
            "Parata thanked her for the call.\n\n"
            "He asked that Chile support New Zealand\u2019s candidacy for the Council."
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 10))
        said = {s.text: s for s in drafted.of_type(de.Statement)}
        # The content is what was protested; the whole clause is cited as its context.
        protest = said["the detention of two fishing boats"]
        assert protest.cue == "protested"
        context = [c.quote for c in protest.citations if c.role is de.CitationRole.CONTEXT]
        assert context == ["Lopes protested the detention of two fishing boats"]
        (demand,) = drafted.of_type(de.Demand)
        assert demand.content.startswith("Chile support")
        assert demand.citations[-1].quote.startswith("He asked that Chile support")
        assert drafted[demand.actor].name == "Hemi Parata"  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("sentence", "relation", "edtf"),
        [
            (
                (
                    "She recalled that the two countries had signed an Antarctic arrangement "
                    "in Punta Arenas in November 2019."
                ),
                "previous",
                "2019-11",
            ),
            (
                "Earlier this month, the heads of the two coast guards met in Batam.",
                "previous",
                "2023-09-01/2023-09-15",
            ),
            (
                "The talks were a follow-up to a phone call between the two ministers last week.",
                "follows_up",
                "2023-09-04/2023-09-10",
            ),
            ("The talks came after a first round held in Baghdad in May.", "follows_up", "2023-05"),
            (
                "Both recalled the conference held in Maputo in November 2022.",
                "previous",
                "2022-11",
            ),
        ],
    )
    def test_references_to_earlier_events(self, sentence: str, relation: str, edtf: str) -> None:
        text = (
            "Vietnamese Foreign Minister Luong Thanh Vinh held talks with Indonesian Foreign "
            "Minister Ratna Kusumawardani in Hanoi on Thursday.\n\n" + sentence
        )
        drafted = de.extract(text, published=dt.date(2023, 9, 15))
        (reference,) = drafted.of_type(de.Reference)
        assert reference.relation.value == relation
        assert reference.date is not None
        assert reference.date.edtf == edtf

    @pytest.mark.parametrize(
        "sentence",
        [
            "Kholmatov said Uzbekistan would meet its commitments in full.",
            "On Thursday, the two ministers signed a memorandum on water.",
            "In March, Abenov signed the guest book of the museum.",
            "They ended a two-day summit in Riga on Thursday by signing a declaration.",
        ],
    )
    def test_no_reference_drafted(self, sentence: str) -> None:
        text = (
            "Kazakh Foreign Minister Daulet Abenov held talks with Uzbek Foreign Minister "
            "Rustam Kholmatov in Tashkent on Thursday.\n\n" + sentence
        )
        drafted = de.extract(text, published=dt.date(2023, 9, 15))
        assert drafted.of_type(de.Reference) == ()

    def test_received_a_thing_is_no_meeting_cue(self) -> None:
        text = (
            "Ukrainian President Volodymyr Zelensky visited Kyiv on Monday, where he received "
            "a briefing from Defence Minister Ivan Petrenko."
        )
        (meeting,) = de.extract(text, published=dt.date(2023, 9, 15)).of_type(de.Meeting)
        assert meeting.kind is de.MeetingKind.VISIT

    def test_places_and_buildings_are_not_people(self) -> None:
        text = (
            "Japanese Foreign Minister Kenji Arakawa met Australian Foreign Minister Fiona "
            "McAllister at the Iikura Guest House on Monday. A meeting in Siem Reap was put "
            "off, and trade below Santa Fe grew."
        )
        drafted = de.extract(text, published=dt.date(2021, 7, 12))
        people = sorted(p.name for p in drafted.of_type(de.Person))
        assert people == ["Fiona McAllister", "Kenji Arakawa"]

    @pytest.mark.parametrize(
        "middle",
        [
            # "she" belongs to McAllister; it must not make Arakawa a woman, so "He" is his.
            (
                "McAllister said she hoped Arakawa would also join a Pacific Islands "
                "ministerial she plans to host in October."
            ),
            # "she" is McAllister's, the sentence's subject, not Arakawa's after "with".
            "After the talks with Arakawa, McAllister told reporters that she was pleased.",
        ],
    )
    def test_a_pronoun_after_a_second_name_tells_no_gender(self, middle: str) -> None:
        text = (
            "Japanese Foreign Minister Kenji Arakawa met Australian Foreign Minister Fiona "
            f"McAllister in Tokyo on Monday.\n\n{middle}\n\n"
            "He said Tokyo had proposed a joint working group on cable protection."
        )
        drafted = de.extract(text, published=dt.date(2021, 7, 12))
        said = {
            s.citations[0].quote: _speaker_name(drafted, s) for s in drafted.of_type(de.Statement)
        }
        he_said = "Tokyo had proposed a joint working group on cable protection"
        assert said[he_said] == "Kenji Arakawa"

    def test_a_pronoun_looks_past_paragraphs_inside_a_quote(self) -> None:
        text = (
            "Japanese Foreign Minister Kenji Arakawa met Australian Foreign Minister Fiona "
            "McAllister in Tokyo on Monday.\n\n"
            "At the press conference, Arakawa said: “We share a sea.\n\n"
            "“Cables matter.\n\n“Ports matter.\n\n“Islands matter.\n\n“Trust matters most.”\n\n"
            "He said Tokyo had proposed a joint working group on cable protection."
        )
        drafted = de.extract(text, published=dt.date(2021, 7, 12))
        (reported,) = [
            s for s in drafted.of_type(de.Statement) if s.mode is de.StatementMode.REPORTED
        ]
        assert _speaker_name(drafted, reported) == "Kenji Arakawa"


_WORDS = st.sampled_from(
    [
        "Foreign", "Minister", "Ana", "Lopes", "met", "said", "“", "”", '"', ",", ".", ":",
        "\n\n", "he", "she", "Lavrov", "Sergei", "on", "Monday", "November", "21", "urged",
        "invited", "accepted", "talks", "Russian", "counterpart", "should", "Turkey", "will",
        "visit", "Yerevan", "press", "conference", "phone", "—", "MOSCOW", "[…]", "the",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=60).map(" ".join) | st.text(max_size=200))
def test_any_text_gives_valid_drafts_or_a_parse_error(text: str) -> None:
    try:
        drafted = de.extract(text, published=PUBLISHED)
    except de.ParseError as error:
        codes = {i.code for i in error.issues}
        assert codes <= {"extract.empty"}, codes
        assert blank(text)  # nothing visible: white space, controls, invisible characters
        return
    errors = [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR]
    assert errors == []
    assert all(r.draft for r in drafted.records)
    assert attrs.has(type(drafted.records[0]))


@pytest.mark.parametrize(
    "gold", sorted(DATA.glob("*.gold.json")), ids=lambda p: p.name.removesuffix(".gold.json")
)
def test_every_drafted_citation_names_its_rule(gold: Path) -> None:
    """On every gold text, each citation says the rule its confidence comes from."""
    text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    published = json.loads(gold.read_text(encoding="utf-8"))["published"]
    drafted = de.extract(text, published=published)
    table = _confidences()
    cited = [c for record in drafted.records[1:] for c in _citations_in(record)]
    assert cited
    assert [(c.rule, c.confidence) for c in cited if table.get(c.rule or "") != c.confidence] == []
