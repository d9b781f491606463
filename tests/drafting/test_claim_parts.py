"""Demands and proposals cite their parts as statements do: content, speaker, cue, clause.

Every sentence here is written for these tests.
"""

import datetime as dt
from typing import TypeVar

import pytest

import diplo_events as de

PUBLISHED = dt.date(2024, 5, 6)


def claims(text: str) -> list[de.Demand | de.Proposal]:
    drafted = de.extract(text, published=PUBLISHED, reader="rules")
    assert de.validate(drafted) == []
    return [*drafted.of_type(de.Demand), *drafted.of_type(de.Proposal)]


Claim = TypeVar("Claim", de.Demand, de.Proposal)


def one(kind: type[Claim], text: str) -> Claim:
    """The one demand or the one proposal drafted from *text*."""
    (found,) = [c for c in claims(text) if isinstance(c, kind)]
    return found


def parts(record: de.Demand | de.Proposal) -> dict[de.CitationRole | None, str | None]:
    roles = [c.role for c in record.citations]
    assert len(roles) == len(set(roles)), "one citation per role"
    return {c.role: c.quote for c in record.citations}


class TestNarrativeClaims:
    def test_a_demand_cites_its_words_its_maker_its_cue_and_its_clause(self) -> None:
        (demand,) = claims(
            "Marta Lindqvist met the Norwegian fisheries minister Ola Haugen in Oslo on Monday. "
            "Lindqvist urged Norway to reopen the northern fishing grounds before the summer."
        )
        assert isinstance(demand, de.Demand)
        assert demand.content == "Norway to reopen the northern fishing grounds before the summer"
        assert parts(demand) == {
            de.CitationRole.CONTENT: demand.content,
            de.CitationRole.SPEAKER: "Lindqvist",
            de.CitationRole.CUE: "urged",
            de.CitationRole.CONTEXT: f"Lindqvist urged {demand.content}",
        }
        assert demand.citations[0].role is de.CitationRole.CONTENT
        rules = {c.role: c.rule for c in demand.citations}
        assert rules[de.CitationRole.CONTENT] == "demand-words"
        assert rules[de.CitationRole.SPEAKER] == "claim-speaker"
        assert rules[de.CitationRole.CUE] == "claim-cue"
        assert rules[de.CitationRole.CONTEXT] == "demand-clause"

    def test_a_proposal_cites_its_parts_in_the_same_roles(self) -> None:
        proposal = one(
            de.Proposal,
            "Ola Haugen met Marta Lindqvist in Oslo on Monday. "
            "Haugen proposed a joint patrol of the fishing grounds.",
        )
        assert proposal.content == "a joint patrol of the fishing grounds"
        assert parts(proposal) == {
            de.CitationRole.CONTENT: "a joint patrol of the fishing grounds",
            de.CitationRole.SPEAKER: "Haugen",
            de.CitationRole.CUE: "proposed",
            de.CitationRole.CONTEXT: "Haugen proposed a joint patrol of the fishing grounds",
        }
        by_role = {c.role: c.rule for c in proposal.citations}
        assert by_role[de.CitationRole.CONTENT] == "proposal-words"
        assert by_role[de.CitationRole.CONTEXT] == "proposal-clause"

    @pytest.mark.parametrize(
        ("abbreviated", "rest"),
        [
            ("the U.S.", "to lift the tariffs on Norwegian salmon"),
            ("Gov. Ruud", "to lift the tariffs on Norwegian salmon"),
        ],
    )
    def test_an_abbreviation_does_not_end_the_demand(self, abbreviated: str, rest: str) -> None:
        (demand,) = claims(
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
            f"Lindqvist urged {abbreviated} {rest}. The talks went on."
        )
        assert demand.content == f"{abbreviated} {rest}"

    def test_an_initial_ending_the_sentence_ends_the_demand(self) -> None:
        (demand,) = claims(
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
            "Lindqvist urged Brazil to lift its sanctions on the U.S. The talks ended late."
        )
        assert demand.content == "Brazil to lift its sanctions on the U.S"

    def test_a_time_of_day_does_not_end_the_demand(self) -> None:
        (demand,) = claims(
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
            "Lindqvist urged Norway to reopen the talks at 10 a.m. on Friday."
        )
        assert demand.content == "Norway to reopen the talks at 10 a.m. on Friday"

    @pytest.mark.parametrize(("opening", "closing"), [("\u201c", "\u201d"), ('"', '"')])
    def test_a_quote_closing_before_but_ends_the_demand_with_its_mark(
        self, opening: str, closing: str
    ) -> None:
        demand = one(
            de.Demand,
            "Marta Lindqvist met the Norwegian fisheries minister Ola Haugen in Oslo on Monday. "
            f"Lindqvist urged Norway to {opening}reopen the northern grounds,{closing} but she"
            " left early.",
        )
        # The clause ends at "but", after the quote's closing mark, curly or straight, and
        # keeps that mark.
        assert demand.content == f"Norway to {opening}reopen the northern grounds,{closing}"

    def test_a_pronoun_after_a_person_is_left_to_the_nearest_person(self) -> None:
        # Neither name tells a gender: the person named nearest the cue makes the demand.
        text = "Ola Haugen met Marta Lindqvist in Oslo, and she urged Norway to reopen the port."
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name == "Marta Lindqvist"

    def test_a_pronoun_before_the_cue_is_the_maker_not_an_earlier_mention(self) -> None:
        text = (
            "Marta Lindqvist visited the European Commission in Brussels, "
            "and she urged Norway to reopen the northern fishing grounds."
        )
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name == "Marta Lindqvist"
        assert parts(demand)[de.CitationRole.SPEAKER] == "she"

    def test_a_maker_who_also_speaks_in_the_sentence_is_cited(self) -> None:
        text = (
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. Lindqvist also urged Norway to"
            " reopen the northern fishing grounds, and stressed that quotas must be shared."
        )
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = [d for d in drafted.of_type(de.Demand) if "fishing grounds" in d.content]
        assert drafted[demand.actor].name == "Marta Lindqvist"
        assert parts(demand)[de.CitationRole.SPEAKER] == "Lindqvist"

    def test_a_speaker_named_after_the_cue_does_not_make_the_demand(self) -> None:
        text = (
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. Lindqvist urged Norway to"
            " stop survey flights over the islands, which Sweden says breach its airspace."
        )
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name == "Marta Lindqvist"
        assert parts(demand)[de.CitationRole.SPEAKER] == "Lindqvist"

    def test_a_nearer_mention_than_the_speaker_named_after_does_not_make_the_demand(
        self,
    ) -> None:
        text = (
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. After meeting Haugen, the"
            " minister urged Norway to reopen the port, Lindqvist's spokeswoman Eva Dahl said."
        )
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name != "Ola Haugen"

    def test_a_subject_inside_a_quote_is_no_maker(self) -> None:
        text = (
            "Marta Lindqvist met Ola Haugen in Oslo on Monday."
            " “Sweden urges Norway to reopen the port without delay,” Lindqvist said."
        )
        drafted = de.extract(text, published=PUBLISHED, reader="rules")
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name == "Marta Lindqvist"
        assert de.CitationRole.SPEAKER not in parts(demand)
        assert demand.evidence

    def test_a_phrase_after_a_speech_verb_is_the_demands(self) -> None:
        demands = claims(
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. Lindqvist said the prisoner"
            " exchange which Haugen demanded must take place before the summer."
        )
        assert any(
            c.content.startswith("the prisoner exchange which Haugen demanded")
            for c in demands
            if isinstance(c, de.Demand)
        )

    def test_a_speech_verbs_that_is_no_phrase_of_the_demand(self) -> None:
        # "said that Oslo …" is no noun phrase the demand is about ("the exchange which").
        demand = one(
            de.Demand,
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. Lindqvist said that"
            " Stockholm and Oslo would work together on the border, and called on the"
            " European Commission to release funds without delay.",
        )
        assert demand.content == "the European Commission to release funds without delay"


class TestWholeClauses:
    def test_should_keeps_its_subject_in_the_words(self) -> None:
        demand = one(
            de.Demand,
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
            "“Norway should reopen the northern fishing grounds,” Lindqvist said.",
        )
        assert demand.content == "Norway should reopen the northern fishing grounds"
        # The speaker is the statement's: the demand's citations name no mention of its own.
        assert parts(demand) == {
            de.CitationRole.CONTENT: "Norway should reopen the northern fishing grounds",
            de.CitationRole.CUE: "should",
        }
        assert demand.evidence

    def test_a_clause_after_a_speech_verb_leaves_the_speaker_and_cue_out(self) -> None:
        demand = one(
            de.Demand,
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. Lindqvist said on Tuesday that"
            " she thinks the report on the collapse of the pier should be released.",
        )
        assert (
            demand.content == "she thinks the report on the collapse of the pier should be released"
        )

    def test_a_phrase_before_its_maker_is_all_cited_as_the_words(self) -> None:
        demand = one(
            de.Demand,
            "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
            "They discussed the prisoner exchange which Lindqvist demanded take place soon.",
        )
        assert demand.content.endswith("prisoner exchange which Lindqvist demanded take place soon")
        found = parts(demand)
        assert found[de.CitationRole.SPEAKER] == "Lindqvist"
        assert found[de.CitationRole.CUE] == "demanded"
        assert de.CitationRole.CONTEXT not in found  # the words are the whole clause
