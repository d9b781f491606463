"""Tests of relayed statements: a spokesperson speaks for a body, one person quotes another.

A relayed statement keeps its principal as ``speaker`` and whoever relayed it
as ``reported_by``; the speaker's mention stays cited as the words the
statement was read from.
"""

import datetime as dt

import pytest

import diplo_events as de

PUBLISHED = dt.date(2024, 5, 6)
OPENING = "Foreign Minister Ana Lopes met Jon Berg in Oslo on Monday.\n\n"


def _drafts(text: str) -> de.Collection:
    drafted = de.extract(OPENING + text, published=PUBLISHED)
    assert [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR] == []
    return drafted


def _said(drafted: de.Collection, words: str) -> tuple[de.Record | None, de.Record | None]:
    """The speaker and the relayer of the one statement whose text starts with *words*."""
    (statement,) = [s for s in drafted.of_type(de.Statement) if s.text.startswith(words)]
    relayer = None if statement.reported_by is None else drafted.get(statement.reported_by)
    return drafted.get(statement.speaker), relayer


@pytest.mark.parametrize(
    ("text", "body", "country", "spokesperson"),
    [
        (
            "“We will not wait,” Thai Foreign Ministry spokesman Nattapong Chaiyaporn said.",
            "Ministry of Foreign Affairs",
            "THA",
            "Nattapong Chaiyaporn",
        ),
        (
            "Eva Dahl, a spokeswoman for the Norwegian Foreign Ministry, said: “We will not wait.”",
            "Ministry of Foreign Affairs",
            "NOR",
            "Eva Dahl",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said: “We will not wait.”",
            "Russian Federation",
            "RUS",
            "Dmitry Peskov",
        ),
    ],
)
def test_a_spokesperson_speaks_for_a_body(
    text: str, body: str, country: str, spokesperson: str
) -> None:
    drafted = _drafts(text)
    speaker, relayer = _said(drafted, "We will not wait")
    assert isinstance(speaker, de.Organization)
    assert speaker.name.startswith(body)
    assert speaker.country == country
    assert isinstance(relayer, de.Person)
    assert relayer.name == spokesperson
    # the spokesperson's record says whom they speak for
    assert [(p.title, p.organization) for p in relayer.positions] == [("Spokesperson", speaker.id)]


def test_a_lower_case_body_word_names_the_body_said_before() -> None:
    """ "ministry spokesman X" speaks for the ministry an earlier sentence named."""
    drafted = _drafts(
        "The talks went well, a spokesman for the Norwegian foreign ministry said on Friday.\n\n"
        "“We will not wait any longer,” ministry spokesman Lars Holm told reporters."
    )
    speaker, relayer = _said(drafted, "We will not wait")
    assert isinstance(speaker, de.Organization)
    assert speaker.country == "NOR"
    assert isinstance(relayer, de.Person)
    assert relayer.name == "Lars Holm"


def test_a_spokesperson_whose_body_is_unknown_speaks_for_themself() -> None:
    drafted = _drafts("“We will not wait any longer,” spokesman Lars Holm said.")
    speaker, relayer = _said(drafted, "We will not wait")
    assert isinstance(speaker, de.Person)
    assert speaker.name == "Lars Holm"
    assert relayer is None


def test_no_relay_for_a_minister() -> None:
    drafted = _drafts("“We will not wait any longer,” Lopes said.")
    speaker, relayer = _said(drafted, "We will not wait")
    assert isinstance(speaker, de.Person)
    assert speaker.name == "Ana Lopes"
    assert relayer is None


def test_one_who_quotes_another_relays_the_words() -> None:
    drafted = _drafts(
        "Marit Dahl, a spokeswoman for the Norwegian Foreign Ministry, briefed reporters. "
        "She quoted Berg as saying: “A country that wants our students cannot make them wait.”"
    )
    speaker, relayer = _said(drafted, "A country that wants")
    assert isinstance(speaker, de.Person)
    assert speaker.name == "Jon Berg"
    assert isinstance(relayer, de.Person)
    assert relayer.name == "Marit Dahl"


def test_a_readout_is_relayed_by_the_one_it_is_attributable_to() -> None:
    text = (
        "Secretary Whitcomb's Call with Foreign Minister Lopes\n\n"
        "The following is attributable to Spokesperson Laura Bettencourt:\n\n"
        "Secretary Daniel Whitcomb spoke today with Foreign Minister Ana Lopes. "
        "The Secretary underscored that the United States remains committed to the partnership.\n"
    )
    drafted = de.extract(text, published=PUBLISHED)
    (statement,) = [s for s in drafted.of_type(de.Statement) if "remains committed" in s.text]
    speaker = drafted.get(statement.speaker)
    assert isinstance(speaker, de.Person)
    assert speaker.name == "Daniel Whitcomb"
    assert statement.reported_by is not None
    relayer = drafted.get(statement.reported_by)
    assert isinstance(relayer, de.Person)
    assert relayer.name == "Laura Bettencourt"
