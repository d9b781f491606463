"""Reported speech on news copy: described speakers, inverted and "according to" sources,
the boundaries of the reported words, and verbs of stance.

Every sentence here is written for these tests.
"""

import datetime as dt

import pytest

import diplo_events as de

PUBLISHED = dt.date(2024, 5, 6)


def reported(text: str) -> list[tuple[str, de.Person | de.Organization, str | None]]:
    """(reported words, speaker record, cue) of each statement that is not a direct quote."""
    drafted = de.extract(text, published=PUBLISHED)
    out = []
    for statement in drafted.of_type(de.Statement):
        if statement.mode is de.StatementMode.DIRECT_QUOTE:
            continue
        speaker = drafted.get(statement.speaker)
        assert isinstance(speaker, de.Person | de.Organization)
        out.append((statement.text, speaker, statement.cue))
    return out


class TestDescribedSpeakers:
    def test_officials_after_the_words_are_an_unnamed_person(self) -> None:
        ((words, speaker, cue),) = reported(
            "The new border crossing will open before the harvest, officials said on Monday."
        )
        assert words == "The new border crossing will open before the harvest"
        assert isinstance(speaker, de.Person)
        assert speaker.unnamed
        assert speaker.name == "officials"
        assert cue == "said"

    def test_the_campaign_is_an_organization(self) -> None:
        ((words, speaker, _),) = reported(
            "The campaign said it would spend more on radio advertising in rural counties."
        )
        assert words == "it would spend more on radio advertising in rural counties"
        assert isinstance(speaker, de.Organization)
        assert speaker.kind is de.OrganizationKind.GROUP
        assert speaker.name == "The campaign"

    def test_a_poll_is_a_source_described(self) -> None:
        ((words, speaker, cue),) = reported(
            "A survey of farm owners found that most expect lower prices next year."
        )
        assert words == "most expect lower prices next year"
        assert isinstance(speaker, de.Organization)  # what a body put out, never a person
        assert speaker.unnamed
        assert speaker.kind is de.OrganizationKind.OTHER
        assert speaker.name == "A survey of farm owners"
        assert cue == "found"

    def test_people_named_by_their_trade_are_described(self) -> None:
        ((_, speaker, _),) = reported(
            "Grain exporters warned that shipments could fall sharply before the autumn."
        )
        assert isinstance(speaker, de.Person)
        assert speaker.unnamed
        assert speaker.name == "Grain exporters"

    def test_a_name_read_only_by_the_verb_is_a_person(self) -> None:
        ((words, speaker, _),) = reported(
            "Brandvold said the fishing quota would be cut for the third year running."
        )
        assert words == "the fishing quota would be cut for the third year running"
        assert isinstance(speaker, de.Person)
        assert not speaker.unnamed
        assert speaker.name == "Brandvold"

    def test_both_sides_speaking_together_are_left_to_the_readout(self) -> None:
        assert not reported(
            "Officials from both sides said the next round would be held in the autumn."
        )

    def test_a_denial_is_no_statement(self) -> None:
        assert not reported(
            "The ministry's statement did not say whether the minister would resign soon."
        )


class TestAccordingTo:
    def test_at_the_end(self) -> None:
        ((words, speaker, cue),) = reported(
            "Exports of rice fell by a third in the first quarter, according to customs data."
        )
        assert words == "Exports of rice fell by a third in the first quarter"
        assert speaker.name == "customs data"
        assert cue == "according to"

    def test_at_the_start(self) -> None:
        ((words, speaker, _),) = reported(
            "According to the port authority, the dredging will take another two years."
        )
        assert words == "the dredging will take another two years"
        assert speaker.name == "the port authority"

    def test_too_little_said_is_no_statement(self) -> None:
        assert not reported(
            "Kovac proposed a joint survey of the river. Both agreed, according to the agency."
        )

    def test_a_relative_clause_speaks_for_the_source(self) -> None:
        statements = reported(
            "The talks ran late, according to a statement from the port authority, "
            "which described the mood as tense but polite."
        )
        assert [(words, cue) for words, _, cue in statements][-1] == (
            "the mood as tense but polite",
            "described",
        )


class TestInverted:
    def test_said_before_its_speaker(self) -> None:
        ((words, speaker, _),) = reported(
            "The ferry will run twice a week from June, said Marta Lindqvist, a port spokeswoman."
        )
        assert words == "The ferry will run twice a week from June"
        assert speaker.name == "Marta Lindqvist"

    def test_said_after_an_aside_reports_what_follows(self) -> None:
        ((words, speaker, _),) = reported(
            "Marta Lindqvist, for her part, said Sweden would pay for half of the new pier."
        )
        assert words == "Sweden would pay for half of the new pier"
        assert speaker.name == "Marta Lindqvist"


class TestBoundaries:
    def test_whom_it_was_told_is_no_part_of_the_words(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist told reporters the ferry would run twice a week from June."
        )
        assert words == "the ferry would run twice a week from June"

    def test_the_day_and_that_are_no_part_of_the_words(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist said on Tuesday that the ferry would run twice a week from June."
        )
        assert words == "the ferry would run twice a week from June"


class TestCues:
    def test_states_as_a_noun_is_no_cue(self) -> None:
        assert not reported(
            "Marta Lindqvist met envoys of coastal states in Oslo to discuss coastguard training."
        )

    def test_a_capitalized_cue_inside_a_clause_is_a_name(self) -> None:
        assert not reported(
            "Marta Lindqvist met envoys of the Gulf States in Oslo to discuss coastguard training."
        )


class TestStances:
    def test_a_stance_right_after_its_speaker(self) -> None:
        ((words, speaker, cue),) = reported(
            "Opposition lawmakers criticized the budget as a gift to the largest ports."
        )
        assert words == "the budget as a gift to the largest ports"
        assert speaker.name == "Opposition lawmakers"
        assert cue == "criticized"

    def test_a_stance_after_a_modal_is_none(self) -> None:
        assert not reported("Opposition lawmakers would support the budget if ports were spared.")

    def test_a_request_is_no_stance(self) -> None:
        assert not reported(
            "Marta Lindqvist asked that Norway support the candidacy of Sweden for the seat."
        )

    def test_called_for_is_a_demand_not_a_stance(self) -> None:
        assert not reported(
            "Opposition lawmakers called for an inquiry into the collapse of the pier."
        )

    @pytest.mark.parametrize(
        "text",
        [
            (
                "Marta Lindqvist met Ola Haugen in Oslo. Haugen has 5 percent support among"
                " the fishermen of the north."
            ),
            "Her support among the fishermen of the north still lags far behind.",
            "Opposition lawmakers drew strong support from the fishermen of the north.",
        ],
    )
    def test_support_as_a_noun_is_no_stance(self, text: str) -> None:
        assert not reported(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The leaders of the G7 support a price cap on the oil exports of the north.",
            (
                "Ola Haugen met Marta Lindqvist in Oslo. Their fear that the port would close"
                " kept them talking."
            ),
        ],
    )
    def test_a_name_ending_in_a_digit_or_a_fear_that_leaves_the_cue(self, text: str) -> None:
        assert reported(text)

    def test_hopes_of_is_a_noun(self) -> None:
        assert not reported("The visit raised hopes of a ceasefire in the north of the country.")

    def test_support_as_a_verb_is_a_stance(self) -> None:
        ((words, speaker, cue),) = reported("Most fishermen support the plan to reopen the port.")
        assert (words, speaker.name, cue) == (
            "the plan to reopen the port",
            "Most fishermen",
            "support",
        )


class TestNarrativeBeforeReportedSpeech:
    def test_a_demand_before_according_to_is_kept(self) -> None:
        text = (
            "Marta Lindqvist met the Norwegian fisheries minister Ola Haugen in Oslo on Monday. "
            "Lindqvist urged Norway to speed up the permits for the new pier, according to a "
            "statement from the port authority, which described the mood as constructive."
        )
        drafted = de.extract(text, published=PUBLISHED)
        (demand,) = drafted.of_type(de.Demand)
        # The demand ends where its source is named: "according to" starts no part of it.
        assert demand.content == "Norway to speed up the permits for the new pier"
        assert demand.citations[-1].quote.startswith("Lindqvist urged Norway")
        (statement,) = drafted.of_type(de.Statement)
        assert statement.cue == "described"
        assert statement.text == "the mood as constructive"


class TestSeveralInOneSentence:
    def test_a_later_verb_with_a_subject_of_its_own(self) -> None:
        statements = reported(
            "Marta Lindqvist said the pier would open in June, though Ola Haugen noted "
            "that the permits were still missing."
        )
        assert [(words, speaker.name) for words, speaker, _ in statements] == [
            ("the pier would open in June", "Marta Lindqvist"),
            ("the permits were still missing", "Ola Haugen"),
        ]

    def test_a_participle_after_a_comma_keeps_the_speaker(self) -> None:
        statements = reported(
            "Marta Lindqvist told reporters the pier would open in June, adding that "
            "the permits were still missing."
        )
        assert [(words, cue) for words, _, cue in statements] == [
            ("the pier would open in June", "told"),
            ("the permits were still missing", "adding"),
        ]


class TestMoreBoundaries:
    def test_a_contrast_ends_the_words(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist said the pier would open in June, but the ferry company disagreed."
        )
        assert words == "the pier would open in June"

    def test_an_opening_word_is_no_part_of_the_words(self) -> None:
        ((words, _, _),) = reported(
            "However, the pier will not open before the autumn, the port authority said."
        )
        assert words == "the pier will not open before the autumn"

    def test_whom_it_was_told_runs_up_to_that(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist told a group of harbour masters in Bergen that the pier "
            "would open in June."
        )
        assert words == "the pier would open in June"

    @pytest.mark.parametrize("joined", [", but noted", " and also warned", " but also stressed"])
    def test_the_same_speakers_next_act_of_speech_is_a_statement_of_its_own(
        self, joined: str
    ) -> None:
        text = (
            f"Marta Lindqvist said the pier had been closed twice{joined} that no ship had"
            " been turned away."
        )
        found = [(words, speaker.name) for words, speaker, _ in reported(text)]
        assert found == [
            ("the pier had been closed twice", "Marta Lindqvist"),
            ("no ship had been turned away", "Marta Lindqvist"),
        ]

    def test_but_with_no_comma_goes_on_with_the_words(self) -> None:
        # As the project's gold texts read readouts: "welcomed the offer but said …" is one.
        ((words, _, cue),) = reported(
            "Marta Lindqvist said the pier had been closed twice but noted that no ship had"
            " been turned away."
        )
        assert words.endswith("but noted that no ship had been turned away")
        assert cue == "said"

    def test_after_but_a_verb_that_is_not_one_of_saying_goes_on_with_the_words(self) -> None:
        ((words, _, _),) = reported(
            "The agency said its inspectors visited the site in March but found no evidence"
            " of undeclared material."
        )
        assert words == (
            "its inspectors visited the site in March but found no evidence of undeclared material"
        )

    def test_a_speech_verb_inside_the_quoted_words_does_not_end_them(self) -> None:
        ((words, _, _),) = reported(
            'Marta Lindqvist said the pier "would open in June and said to be ready" by then.'
        )
        assert words == 'the pier "would open in June and said to be ready" by then'

    def test_a_dateline_is_no_part_of_the_words(self) -> None:
        text = (
            "OSLO (Fjord Wire) — Sweden and Norway will share the cost of the new "
            "pier at Svinesund, the Swedish transport agency said on Monday."
        )
        ((words, _, _),) = reported(text)
        assert words == "Sweden and Norway will share the cost of the new pier at Svinesund"


class TestSpeakersAfterAnAside:
    def test_an_honorific_before_the_name_after_the_words_is_no_part_of_them(self) -> None:
        ((words, speaker, cue),) = reported(
            "Mr. Clarke met the miners on Monday. "
            "Shipments of coal fell sharply in the spring, Mr. Clarke said."
        )
        assert words == "Shipments of coal fell sharply in the spring"
        assert speaker.name == "Clarke"
        assert cue == "said"

    @pytest.mark.parametrize(
        ("said", "words"),
        [
            (
                "Shipments of coal fell sharply in May, and will fall again Ola Berg said.",
                "Shipments of coal fell sharply in May, and will fall again",
            ),
            (
                "Shipments of coal fell sharply in May, as Ola Berg said.",
                "Shipments of coal fell sharply in May",
            ),
        ],
    )
    def test_a_clause_going_on_before_the_name_is_no_description(
        self, said: str, words: str
    ) -> None:
        ((found, speaker, _),) = reported(f"Ola Berg met the miners on Monday. {said}")
        assert found == words
        assert speaker.name == "Ola Berg"

    @pytest.mark.parametrize(
        ("said", "words"),
        [
            (
                'Coal "is the only fuel the valley has left," retired inspector Ola Berg said.',
                'Coal "is the only fuel the valley has left,"',
            ),
            (
                "Shipments of coal fell sharply in the spring, union leader Ola Berg said.",
                "Shipments of coal fell sharply in the spring",
            ),
        ],
    )
    def test_words_that_describe_the_speaker_before_the_name_are_no_part_of_them(
        self, said: str, words: str
    ) -> None:
        ((found, speaker, _),) = reported(f"Ola Berg met the miners on Monday. {said}")
        assert found == words
        assert speaker.name == "Ola Berg"

    def test_the_phrase_that_opens_the_clause(self) -> None:
        ((words, speaker, _),) = reported(
            "The vote was close. The spokesman, who declined to be named, said there was "
            "no call planned with the mayor."
        )
        assert words == "there was no call planned with the mayor"
        assert speaker.name == "The spokesman"

    def test_a_quotation_in_apostrophes_is_a_quote_of_the_name_after_it(self) -> None:
        text = (
            "The two governments disagreed about steel.\n\n"
            "''Excess capacity has a damaging effect on global markets,'' Mr. Lew said."
        )
        assert reported(text) == []
        drafted = de.extract(text, published=PUBLISHED)
        (statement,) = drafted.of_type(de.Statement)
        assert statement.mode is de.StatementMode.DIRECT_QUOTE
        assert statement.text == "Excess capacity has a damaging effect on global markets,"
        speaker = drafted.get(statement.speaker)
        assert isinstance(speaker, de.Person)
        assert speaker.name == "Lew"  # an honorific is no part of a name

    def test_the_clause_said_before_an_aside_after_the_verb(self) -> None:
        statements = reported(
            "The two governments disagreed about steel. Victims of the floods would be "
            "given asylum, Brandvold said, a provision that never got a vote."
        )
        assert [words for words, _, _ in statements] == [
            "Victims of the floods would be given asylum"
        ]

    def test_whom_a_quote_is_introduced_to_is_no_statement(self) -> None:
        assert not reported(
            "The talks ended late. Marta Lindqvist, who chairs the port board, told the "
            "press conference:\n\n“We will open the pier in June, whatever it costs us.”"
        )


class TestHeadlines:
    def test_a_title_case_headline_with_says(self) -> None:
        text = (
            "Harbour Master Says New Pier Will Open In June.\n\n"
            "The port board met on Tuesday to approve the budget."
        )
        ((words, speaker, cue),) = reported(text)
        assert words == "New Pier Will Open In June"
        assert speaker.name == "Harbour Master"
        assert cue == "Says"

    def test_a_two_word_label_before_the_colon_is_no_person(self) -> None:
        text = (
            "Fact Check: Lindqvist says the pier will open in June.\n\n"
            "Marta Lindqvist met Ola Haugen in Oslo on Tuesday."
        )
        drafted = de.extract(text, published=PUBLISHED)
        assert [p.name for p in drafted.of_type(de.Person)] == ["Marta Lindqvist", "Ola Haugen"]

    def test_a_column_label_before_the_colon_is_no_speaker(self) -> None:
        text = (
            "The Latest: Lindqvist urges Norway to reopen the northern fishing grounds.\n\n"
            "Marta Lindqvist met Ola Haugen in Oslo on Tuesday."
        )
        drafted = de.extract(text, published=PUBLISHED)
        assert not drafted.of_type(de.Statement)
        assert all(a.name != "The Latest" for a in drafted.of_type(de.Organization))
        (demand,) = drafted.of_type(de.Demand)
        assert drafted[demand.actor].name == "Marta Lindqvist"
        assert demand.content == "Norway to reopen the northern fishing grounds"


class TestAfterAQuote:
    def test_a_participle_after_the_attribution_of_a_quote(self) -> None:
        text = (
            "The port board met on Tuesday.\n\n"
            "“We will open the pier in June,” Marta Lindqvist said, adding that the "
            "permits were still missing."
        )
        ((words, speaker, cue),) = reported(text)
        assert words == "the permits were still missing"
        assert speaker.name == "Marta Lindqvist"
        assert cue == "adding"


class TestLongSubjects:
    def test_a_subject_with_a_relative_clause(self) -> None:
        ((words, speaker, _),) = reported(
            "The vote was close. Officials who worked on the project said the budget had "
            "doubled since the spring."
        )
        assert words == "the budget had doubled since the spring"
        assert speaker.name == "Officials"

    def test_a_long_source_opening_the_clause(self) -> None:
        ((words, speaker, _),) = reported(
            "The case grew. According to a civil complaint filed by the port authority and "
            "two shipping firms, the developers hid the cost of the pier."
        )
        assert words == "the developers hid the cost of the pier"
        assert (
            speaker.name == "a civil complaint filed by the port authority and two shipping firms"
        )


class TestAdjuncts:
    def test_whom_it_was_told_before_a_pronoun(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist told the harbour board she would open the pier in June."
        )
        assert words == "she would open the pier in June"

    def test_a_time_before_the_words(self) -> None:
        ((words, _, _),) = reported(
            "Marta Lindqvist said this week the pier would open in June after all."
        )
        assert words == "the pier would open in June after all"

    def test_according_to_after_the_words_ends_them(self) -> None:
        statements = reported(
            "Marta Lindqvist said the pier would open in June, according to two board members."
        )
        assert statements[0][0] == "the pier would open in June"

    def test_according_to_before_nothing_but_punctuation(self) -> None:
        assert not reported("The case grew. According to — , the developers hid the cost.")


class TestShares:
    def test_a_share_of_people_polled_is_described(self) -> None:
        ((words, speaker, _),) = reported(
            "The survey was large. About one in five say they would not vote for either side."
        )
        assert words == "they would not vote for either side"
        assert isinstance(speaker, de.Person)
        assert speaker.unnamed
        assert speaker.name == "About one in five"


class TestTitles:
    def test_a_title_with_its_speaker_before_a_colon(self) -> None:
        text = (
            "Harbour Master: New Pier Will Open In June\n\n"
            "The port board met on Tuesday to approve the budget."
        )
        ((words, speaker, cue),) = reported(text)
        assert words == "New Pier Will Open In June"
        assert speaker.name == "Harbour Master"
        assert cue == ":"


class TestRobustness:
    def test_a_blank_quotation_is_no_verbatim_fragment(self) -> None:
        drafted = de.extract('Foreign Foreign said " "', published=PUBLISHED)
        assert [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR] == []


class TestSuggested:
    def test_a_claim_suggested(self) -> None:
        ((words, _, cue),) = reported(
            "The vote was close. Marta Lindqvist suggested that the pier would cost more "
            "than planned."
        )
        assert words == "the pier would cost more than planned"
        assert cue == "suggested"

    def test_a_proposal_suggested_is_left_to_the_proposal_rules(self) -> None:
        assert not reported(
            "The vote was close. Marta Lindqvist suggested that the two governments share "
            "the cost of the pier."
        )


class TestWhereAndToWhom:
    def test_where_it_was_said_is_no_part_of_the_words(self) -> None:
        ((words, _, _),) = reported(
            "The vote was close. Marta Lindqvist criticized the harbour board for its "
            "delays on Twitter."
        )
        assert words == "the harbour board for its delays"

    def test_the_words_before_whom_they_were_told(self) -> None:
        ((words, speaker, _),) = reported(
            "The vote was close. The pier will open in June, Senator Ola Haugen told the "
            "paper on Monday."
        )
        assert words == "The pier will open in June"
        assert speaker.name == "Ola Haugen"

    def test_another_speakers_attribution_ends_the_words(self) -> None:
        statements = reported(
            "The vote was close. Marta Lindqvist said the pier would open in June, "
            "Brandvold told reporters."
        )
        assert statements[0][0] == "the pier would open in June"

    def test_whom_it_was_told_may_be_a_title_and_name_before_that(self) -> None:
        ((words, _, cue),) = reported(
            "The vote was close. Marta Lindqvist told co-host Ola Brandvold on Friday "
            "that the pier would open in June."
        )
        assert words == "the pier would open in June"
        assert cue == "told"

    def test_a_quoted_programme_told_is_no_part_of_the_words(self) -> None:
        drafted = de.extract(
            "The vote was close. Marta Lindqvist told NRK's “Dagsrevyen” that the pier "
            "would open in June.",
            published=PUBLISHED,
        )
        (statement,) = drafted.of_type(de.Statement)
        assert statement.text == "the pier would open in June"
        # The quote is the programme's name, outside the words said: no mixed speech.
        assert statement.mode is de.StatementMode.REPORTED

    def test_whom_a_warning_was_given_stands_before_that(self) -> None:
        ((words, _, cue),) = reported(
            "The vote was close. Marta Lindqvist warned harbour owners that the pier "
            "would not open before the autumn."
        )
        assert words == "the pier would not open before the autumn"
        assert cue == "warned"

    def test_whom_a_warning_was_given_is_part_of_words_without_that(self) -> None:
        ((words, _, _),) = reported(
            "The vote was close. Marta Lindqvist warned the harbour board against any "
            "further delay to the pier."
        )
        assert words == "the harbour board against any further delay to the pier"

    def test_an_aside_between_commas_before_that(self) -> None:
        ((words, _, _),) = reported(
            "The vote was close. Marta Lindqvist said, however, that the pier would open in June."
        )
        assert words == "the pier would open in June"

    def test_a_that_after_a_verb_or_a_second_phrase_is_the_words_own(self) -> None:
        # The "that"s of a clause said, not of whom it was said to.
        for text, expected in [
            (
                "Marta Lindqvist warned Europe faced a crisis that could last years.",
                "Europe faced a crisis that could last years",
            ),
            (
                "Marta Lindqvist assured Haugen the deal that Norway signed would hold.",
                "Haugen the deal that Norway signed would hold",
            ),
            (
                "Marta Lindqvist warned the board the plan that Congress passed would fail.",
                "the board the plan that Congress passed would fail",
            ),
            (
                "Marta Lindqvist said over 100 people died in an attack that hit the port.",
                "over 100 people died in an attack that hit the port",
            ),
        ]:
            ((words, _, _),) = reported("The vote was close. " + text)
            assert words == expected

    def test_a_span_of_time_before_that(self) -> None:
        ((words, _, _),) = reported(
            "The vote was close. Marta Lindqvist said over the weekend that the pier would "
            "open in June."
        )
        assert words == "the pier would open in June"

    def test_a_that_of_the_words_themselves_is_kept(self) -> None:
        # "the plan that the board passed": the "that" is the plan's, not the verb's.
        ((words, _, _),) = reported(
            "The vote was close. Marta Lindqvist told reporters the plan that the board "
            "passed would delay the pier."
        )
        assert words == "the plan that the board passed would delay the pier"


class TestAdjunctOnly:
    def test_where_it_was_said_is_no_statement(self) -> None:
        assert not reported("The vote was close. Brandvold said in a statement on Monday.")


class TestWhatADescribedSpeakerIs:
    """A described speaker is a person only when its words describe people."""

    def test_a_commission_is_a_body(self) -> None:
        """ "The nonpartisan Commission on X said" is an organization, not an unnamed person."""
        ((_, speaker, _),) = reported(
            "The nonpartisan Commission on Ocean Policy said the quotas would stay the same."
        )
        assert isinstance(speaker, de.Organization)
        assert speaker.name == "The nonpartisan Commission on Ocean Policy"

    def test_one_questioner_is_a_person(self) -> None:
        """A singular agent noun ("one questioner") describes a person."""
        ((_, speaker, _),) = reported(
            "One questioner said the harbour fees had doubled since the last election."
        )
        assert isinstance(speaker, de.Person)
        assert speaker.unnamed

    def test_a_day_is_no_speaker_description(self) -> None:
        """Words with a day in them ("a complaint Monday with the board") name no one."""
        drafted = de.extract(
            "The Harbour Workers Union is filing a complaint Monday with the port board, "
            "claiming that the new shifts break the contract.",
            published=PUBLISHED,
        )
        assert not any("Monday" in p.name for p in drafted.of_type(de.Person))


def test_one_word_before_a_titles_colon_is_a_body() -> None:
    """ "Factcheckr: ..." in a title is an outlet or a body, never a person named only there."""
    drafted = de.extract(
        "Factcheckr: The Harbour Fees Really Did Double Last Year\n\n"
        "Port fees rose again in the spring, the harbour board said on Monday.",
        published=PUBLISHED,
    )
    assert all(person.name != "Factcheckr" for person in drafted.of_type(de.Person))
    assert any(org.name == "Factcheckr" for org in drafted.of_type(de.Organization))


class TestInsisted:
    def test_insisting_how_things_are_is_a_statement(self) -> None:
        text = "The vote was close. Marta Lindqvist insisted that the vote had been fair and open."
        ((words, speaker, cue),) = reported(text)
        assert words == "the vote had been fair and open"
        assert speaker.name == "Marta Lindqvist"
        assert cue == "insisted"
        assert not de.extract(text, published=PUBLISHED).of_type(de.Demand)

    def test_insisting_on_what_should_be_done_is_a_demand(self) -> None:
        text = (
            "The vote was close. Marta Lindqvist insisted that the port board reopen the "
            "fishing grounds."
        )
        assert not reported(text)
        (demand,) = de.extract(text, published=PUBLISHED).of_type(de.Demand)
        assert demand.content == "the port board reopen the fishing grounds"

    def test_insisting_on_something_stays_a_demand(self) -> None:
        text = "The vote was close. Marta Lindqvist insisted on a vote that would be held in June."
        assert not reported(text)
        (demand,) = de.extract(text, published=PUBLISHED).of_type(de.Demand)
        assert demand.content == "a vote that would be held in June"

    def test_insisting_that_someone_do_more_is_a_demand(self) -> None:
        text = (
            "The vote was close. Marta Lindqvist insisted that Turkey do more to stop the fighting."
        )
        assert not reported(text)
        (demand,) = de.extract(text, published=PUBLISHED).of_type(de.Demand)
        assert demand.content == "Turkey do more to stop the fighting"
