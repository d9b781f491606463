"""Tests of who said a quote: the phrase around its marks, and the people it adds."""

import datetime as dt

import pytest

import diplo_events as de

PUBLISHED = dt.date(2024, 5, 6)
OPENING = "Foreign Minister Ana Lopes met Jon Berg in Oslo on Monday.\n\n"


def _quotes(text: str) -> dict[str, tuple[de.Person, de.Statement]]:
    drafted = de.extract(OPENING + text, published=PUBLISHED)
    assert [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR] == []
    out = {}
    for statement in drafted.of_type(de.Statement):
        if statement.mode is de.StatementMode.DIRECT_QUOTE:
            speaker = drafted.get(statement.speaker)
            assert isinstance(speaker, de.Person)
            out[statement.text] = (speaker, statement)
    return out


def _speaker_words(statement: de.Statement) -> str | None:
    cited = [c for c in statement.citations if c.role is de.CitationRole.SPEAKER]
    return cited[0].quote if cited else None


@pytest.mark.parametrize(
    ("text", "name", "cited"),
    [
        ("“We will not wait any longer,” Halvorsen said.", "Halvorsen", "Halvorsen"),
        ("“We will not wait any longer,” said Mr. Halvorsen.", "Halvorsen", "Halvorsen"),
        (
            "“We will not wait any longer,” Rep. Marit Dahl (D-Ore.) said Friday.",
            "Marit Dahl",
            "Marit Dahl",
        ),
        (
            "“We will not wait any longer,” Marit Dahl, 25, said as she left.",
            "Marit Dahl",
            "Marit Dahl",
        ),
        (
            "“We will not wait any longer,” harbour police Chief Marit Dahl said.",
            "Marit Dahl",
            "Marit Dahl",
        ),
        ("Dahl added: “We will not wait any longer.”", "Dahl", "Dahl"),
    ],
)
def test_a_name_reading_missed_is_the_speaker(text: str, name: str, cited: str) -> None:
    ((speaker, statement),) = [
        v for k, v in _quotes(text).items() if k.startswith("We will not wait")
    ]
    assert speaker.name == name
    assert not speaker.unnamed
    assert (_speaker_words(statement) or "").endswith(cited)  # a title before it may be cited


def test_a_surname_then_names_the_speaker_for_a_pronoun() -> None:
    quotes = _quotes("“We will not wait,” Halvorsen said.\n\n“Not a day longer,” she added.")
    assert quotes["Not a day longer,"][0].name == "Halvorsen"


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "“We will not wait any longer,” said one Labour source on the panel.",
            "one Labour source on the panel",
        ),
        ("“We will not wait any longer,” the ad's narrator says.", "the ad's narrator"),
        ("As a phone rang, an announcer said, “We will not wait any longer.”", "an announcer"),
    ],
)
def test_a_description_is_an_unnamed_speaker(text: str, description: str) -> None:
    ((speaker, statement),) = _quotes(text).values()
    assert speaker.unnamed
    assert speaker.name == description
    assert _speaker_words(statement) == description


def test_the_title_alone_refers_back_to_the_subject_before() -> None:
    quotes = _quotes(
        "Lopes said the talks went well. “We will not wait any longer,” the mayor said."
    )
    speaker, statement = quotes["We will not wait any longer,"]
    assert speaker.name == "Ana Lopes"
    assert _speaker_words(statement) == "the mayor"


def test_a_dash_and_a_name_after_a_quote_on_its_own_line() -> None:
    quotes = _quotes(
        "Readers wrote in.\n"
        "“The talks gave us nothing at all.” ― Sigrid Moe\n"
        "“We want a real answer from Oslo.”― Per Lund."
    )
    assert quotes["The talks gave us nothing at all."][0].name == "Sigrid Moe"
    assert quotes["We want a real answer from Oslo."][0].name == "Per Lund"


def test_a_day_after_said_is_no_speaker() -> None:
    quotes = _quotes("Berg spoke to reporters. “We will not wait any longer,” said Monday.")
    assert all(speaker.name != "Monday" for speaker, _ in quotes.values())


def test_an_honorific_said_twice_makes_a_surname_a_person() -> None:
    quotes = _quotes(
        "Mr. Halvorsen has seen the figures. Mr. Halvorsen is worried.\n\n"
        "“They are terrifying,” he said in an interview."
    )
    assert quotes["They are terrifying,"][0].name == "Halvorsen"


def test_an_honorific_once_makes_no_person() -> None:
    drafted = de.extract(OPENING + "Mrs. Halvorsen stayed at home.", published=PUBLISHED)
    assert [p.name for p in drafted.of_type(de.Person)] == ["Ana Lopes", "Jon Berg"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Berg spoke first, adding that “the border posts must open before the winter.”",
        "Berg told reporters that “the border posts must open before the winter.”",
    ],
)
def test_a_whole_clause_quoted_after_that_is_a_direct_quote(sentence: str) -> None:
    quotes = _quotes(sentence)
    speaker, _ = quotes["the border posts must open before the winter."]
    assert speaker.name == "Jon Berg"


def test_a_fragment_quoted_after_that_is_not() -> None:
    quotes = _quotes("Berg said that “the border posts” would open before the winter.")
    assert not quotes


def test_a_pronoun_by_a_quote_looks_further_back_for_its_person() -> None:
    quotes = _quotes(
        "Ingrid Solberg runs the port. The harbour was quiet. Ships waited. Gulls flew. "
        "Rain fell.\n\n“The queues are getting longer every single day,” she said."
    )
    speaker, statement = quotes["The queues are getting longer every single day,"]
    assert speaker.name == "Ingrid Solberg"
    assert _speaker_words(statement) == "she"


def test_it_by_a_quote_is_the_organization_just_named() -> None:
    drafted = de.extract(
        OPENING + "The Norwegian Foreign Ministry issued a statement on Tuesday. "
        "“The talks will go on next month in Bergen,” it added.",
        published=PUBLISHED,
    )
    (quote,) = [s for s in drafted.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE]
    speaker = drafted.get(quote.speaker)
    assert isinstance(speaker, de.Organization)
    assert _speaker_words(quote) == "it"


def test_a_transcript_gives_each_turn_to_its_label() -> None:
    drafted = de.extract(
        "Kari Nilsen spoke with Foreign Minister Ana Lopes on Sunday.\n\n"
        "A partial transcript:\n\n"
        '"NILSEN: Will the talks in Oslo go on next month?\n\n'
        '"LOPES: They will, and we expect the border posts to open before winter.\n\n'
        '"They have waited long enough.\n\n'
        '"NILSEN: Thank you, minister."',
        published=PUBLISHED,
    )
    said = {
        s.text: drafted.get(s.speaker)
        for s in drafted.of_type(de.Statement)
        if s.mode is de.StatementMode.DIRECT_QUOTE
    }
    names = {text: getattr(who, "name", None) for text, who in said.items()}
    assert names == {
        "Will the talks in Oslo go on next month?": "Kari Nilsen",
        "They will, and we expect the border posts to open before winter.\n\n"
        '"They have waited long enough.': "Ana Lopes",
        "Thank you, minister.": "Kari Nilsen",
    }


def test_labels_that_name_no_one_make_no_transcript() -> None:
    drafted = de.extract(
        OPENING + "UPDATE: The talks ended at noon.\n\nNOTE: Berg left for Bergen.",
        published=PUBLISHED,
    )
    assert not [s for s in drafted.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE]


def test_a_programme_title_after_a_possessive_is_no_quote() -> None:
    quotes = _quotes("Berg said it again on NRK's “Morning News Today.”")
    assert not quotes


def test_any_description_with_the_refers_back_to_the_subject_before() -> None:
    quotes = _quotes(
        "Lopes spoke at length. “What would the talks look like in a year?” the 52-year-old asked."
    )
    speaker, statement = quotes["What would the talks look like in a year?"]
    assert speaker.name == "Ana Lopes"
    assert _speaker_words(statement) == "the 52-year-old"


def test_a_text_that_says_something_is_no_person() -> None:
    drafted = de.extract(
        OPENING + "Berg read it out. “We ask for the border posts to open,” the letter reads.",
        published=PUBLISHED,
    )
    assert not [p for p in drafted.of_type(de.Person) if p.unnamed]


def test_a_description_mid_clause_names_no_speaker() -> None:
    quotes = _quotes(
        "Lopes waved. She then urges Berg to step out of the car and repeatedly says, "
        "“Do not sign it today.”"
    )
    _, statement = quotes["Do not sign it today."]
    assert _speaker_words(statement) != "the car and repeatedly"


def test_a_short_title_after_a_comma_is_no_quote() -> None:
    quotes = _quotes("Berg premiered a documentary, “Border Posts,” in which he walks to Oslo.")
    assert not quotes


def test_a_short_quote_after_said_and_a_comma_is_one() -> None:
    quotes = _quotes("Asked about the border, Berg said, “No comment,” and left.")
    assert quotes["No comment,"][0].name == "Jon Berg"


def test_a_possessive_description_is_an_unnamed_speaker() -> None:
    quotes = _quotes("Berg grew up near the border. “We live at the gate,” his father often said.")
    speaker, statement = quotes["We live at the gate,"]
    assert speaker.unnamed
    assert speaker.name == "his father"
    assert _speaker_words(statement) == "his father"


def test_words_that_never_make_a_name_keep_a_speaker_from_being_a_person() -> None:
    """A speaker's words with one that never stands in a name ("Over") draft no person."""
    drafted = de.extract(
        "Foreign Minister Ana Lopes met Foreign Minister Hemi Parata on Monday.\n\n"
        "\u201cThe harbour budget is fine,\u201d Shadows Over Harbours said.",
        published=dt.date(2022, 5, 10),
    )
    assert all("Over" not in person.name for person in drafted.of_type(de.Person))
