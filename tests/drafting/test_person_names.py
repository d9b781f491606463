"""What reading actor mentions takes as a person, and how much of a name it reads.

Every sentence here is written for these tests. Each case failed before the rule
it names was added.
"""

import datetime as dt

import pytest

import diplo_events as de
from diplo_events.drafting.reading import _mentions as mm
from diplo_events.drafting.reading._namebook import NameBook


def persons(text: str) -> list[str]:
    """The named persons drafted from *text* (speakers it only describes are not names)."""
    collection = de.extract(text, published=dt.date(2016, 9, 1))
    return [p.name for p in collection.of_type(de.Person) if not p.unnamed]


def names(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (text[m.span.start : m.span.end], m.mention.name, m.mention.title)
        for m in mm.find_actor_mentions(text)
        if m.mention.name is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A middle initial is part of the name.
        ("Donald J. Trump spoke in Ohio.", ["Donald J. Trump"]),
        ("Nora K. Pike and Tom B. Eagan met.", ["Nora K. Pike", "Tom B. Eagan"]),
        # Party words and descriptors are not part of a name.
        (
            "Republican Donald Trump and Democrat Hillary Clinton met GOP Rep. Nora Pike.",
            ["Donald Trump", "Hillary Clinton", "Nora Pike"],
        ),
        ("Libertarian Gary Johnson met activist Ana Ruiz.", ["Gary Johnson", "Ana Ruiz"]),
        # Holidays, streets, laws, parties and publications are no persons.
        ("Voters went to the polls on Election Day and Labor Day.", []),
        ("Banks on Wall Street and lobbyists on Capitol Hill agreed.", []),
        ("Lawmakers said Clean Air Act rules and Green Party votes mattered.", []),
        ("He told Washington Post reporters and New York Times editors.", []),
        ("Nora Pike spoke at the Tax Foundation and at Harvard Law School.", ["Nora Pike"]),
        ("Goldman Partners and Apple Inc agreed.", []),
        # Groups of people are no person.
        ("African Americans and Virginia Democrats voted early.", []),
        # Verbs and conjunctions at the start of a clause are no part of a name.
        ("Whether Clinton wins is unclear, said Hillary Clinton.", ["Hillary Clinton"]),
        ("Neither Clinton nor Trump spoke.", []),
        # A name with particles and an honorific is read whole.
        (
            "Foreign Minister Shaikh Khalid bin Ahmed Al Khalifa spoke.",
            ["Shaikh Khalid bin Ahmed Al Khalifa"],
        ),
    ],
)
def test_persons(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen. Tim Kaine spoke.", [("Sen. Tim Kaine", "Tim Kaine", "Senator")]),
        ("Gov. Mike Pence spoke.", [("Gov. Mike Pence", "Mike Pence", "Governor")]),
        (
            "Rep. Nora Pike and Mayor Tom Eagan spoke.",
            [
                ("Rep. Nora Pike", "Nora Pike", "U.S. Representative"),
                ("Mayor Tom Eagan", "Tom Eagan", "Mayor"),
            ],
        ),
        (
            "It was former Speaker of the House Newt Gingrich.",
            [("former Speaker of the House Newt Gingrich", "Newt Gingrich", "Speaker")],
        ),
        # "Name of Place": the person, not the place.
        ("Gov. Mike Pence of Indiana spoke.", [("Gov. Mike Pence", "Mike Pence", "Governor")]),
        ("Nora Pike of Ohio spoke.", [("Nora Pike", "Nora Pike", None)]),
    ],
)
def test_titles_and_names(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = names(text)
    assert [(t, n, title) for t, n, title in found] == expected


def test_surname_after_a_generation_suffix() -> None:
    text = "Joseph R. Biden Jr. spoke. Then Biden left."
    found = names(text)
    assert [n for _, n, _ in found] == ["Joseph R. Biden Jr", "Biden"]
    assert persons(text) == ["Joseph R. Biden Jr"]
    book = NameBook()
    key = book.add("Joseph R. Biden Jr.")
    assert book.resolve("Biden") == key
    assert book.resolve("Joseph Biden") == key


def test_honorific_and_surname_refer_to_the_person() -> None:
    text = "Donald J. Trump spoke. Mr. Trump left. Mrs. Pike stayed."
    found = names(text)
    assert [n for _, n, _ in found] == ["Donald J. Trump", "Trump"]
    assert persons(text) == ["Donald J. Trump"]


def test_headline_names_are_cut_to_what_the_story_writes() -> None:
    text = (
        "Nora Pike Heads to Ohio to Avoid Bad Optics\n\n"
        "Nora Pike flew to Ohio on Monday, aides said.\n"
    )
    assert persons(text) == ["Nora Pike"]
    assert [s for s, _, _ in names(text)] == ["Nora Pike", "Nora Pike"]


def test_headline_name_the_story_never_writes_is_dropped() -> None:
    text = "Obama Sees Trouble Ahead\n\nThe crowd cheered for an hour.\n"
    assert persons(text) == []


def test_a_line_that_is_one_name_is_kept() -> None:
    # A name alone on its line (a letter's signature) is not cut as a headline.
    text = "Thanks for the letters.\n\nNora Jean Pike.\n"
    assert persons(text) == ["Nora Jean Pike"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An abbreviated rank or "Rev." before a name, after other words.
        ("Retired Navy Gen. Nora Pike spoke.", ["Nora Pike"]),
        ("He thanked the Rev. Tom Eagan at length.", ["Tom Eagan"]),
        # "A." and "I." between name words are initials.
        ("The letter was signed by Julie A. Diaz Martinez.", ["Julie A. Diaz Martinez"]),
        ("The letter was signed by Omar I. Haddad.", ["Omar I. Haddad"]),
        # Lower-case words describing a person before the name.
        (
            "It was filed by state attorney Dave Morrow and activist Ana Ruiz.",
            ["Dave Morrow", "Ana Ruiz"],
        ),
        ("It was filed by New York attorney Dave Morrow.", ["Dave Morrow"]),
        (
            "Co-anchor Norah Lane asked Texas-based consultant Matt Dunn.",
            ["Norah Lane", "Matt Dunn"],
        ),
        # A word with a lower-case part after its hyphen is no name.
        ("An Ivy League-trained lawyer spoke.", []),
        # "King" closing a name is a surname, not a title.
        (
            "Martin Luther King spoke to Billie Jean King.",
            ["Martin Luther King", "Billie Jean King"],
        ),
        # A judge is titled; "Judge" closing a name is a surname.
        ("District Judge Nora Pike ruled against Patty Judge.", ["Nora Pike", "Patty Judge"]),
        ("Pastor Tom Eagan prayed.", ["Tom Eagan"]),
        (
            "Rear Admiral Guo Lin met Senate Majority Leader Nora Pike and Moderator Ana Ruiz.",
            ["Guo Lin", "Nora Pike", "Ana Ruiz"],
        ),
        ("They marked Cinco de Mayo.", []),
        # Polling firms, advocacy groups and programmes are no persons.
        ("Planned Parenthood and Edison Research told Good Morning America.", []),
        ("Maybe Trump will win, said Tom Eagan.", ["Tom Eagan"]),
        # A rank without its period is a name: "Gen" is a Japanese given name.
        ("Defense Minister Gen Nakatani spoke.", ["Gen Nakatani"]),
        # ... but not an article before a thing's name.
        ("Donors gave to the Sierra Club.", []),
        # "of" inside a title is not the end of a name.
        ("Ohio Secretary of State Nora Pike spoke.", ["Nora Pike"]),
    ],
)
def test_descriptors_ranks_and_initials(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


def test_headline_name_kept_when_the_story_writes_its_surname() -> None:
    text = "Nora Pike: Why I Ran\n\nPike said she ran to win.\n"
    assert persons(text) == ["Nora Pike"]


def test_title_case_list_of_names_below_the_headline_is_kept() -> None:
    text = (
        "Voters Speak\n\n"
        "The panel met on Monday, its members said.\n\n"
        "Ana Ruiz, Tom Eagan, Dave Morrow and Nora Pike.\n"
    )
    assert persons(text) == ["Ana Ruiz", "Tom Eagan", "Dave Morrow", "Nora Pike"]


def test_a_brand_cased_word_is_no_name() -> None:
    """A capital after four lower-case letters ("SiriusXM") makes a brand, not a person."""
    found = persons("Foreign Minister Ana Lopes spoke on SiriusXM Patriot on Monday.")
    assert found == ["Ana Lopes"]


def test_a_bare_determiner_is_no_speaker() -> None:
    """ "The show airs ...": "show" read as a verb leaves "The", which is no one."""
    assert persons("The show airs on a national network every weekday.") == []


def test_a_name_that_describes_the_next_is_no_person() -> None:
    """ "Cleveland Cavaliers basketball star LeBron James": a team, then a person."""
    text = (
        "Hillary Clinton said she was thrilled to receive the endorsement of Cleveland "
        "Cavaliers basketball star LeBron James on Sunday.\n"
    )
    assert persons(text) == ["Hillary Clinton", "LeBron James"]


def test_a_person_named_before_keeps_an_attributive_mention() -> None:
    """A person read before stays one when their name describes the next: their campaign."""
    text = (
        "Hillary Clinton spoke in Ohio on Monday. Reporters then asked Hillary Clinton "
        "campaign chairman John Podesta about the polls.\n"
    )
    assert persons(text) == ["Hillary Clinton", "John Podesta"]


def test_a_lone_word_before_a_title_colon_stays_an_organization() -> None:
    """ "Politifact: ..." and a later "Politifact noted" are one organization, no person."""
    text = (
        "Politifact: Senator Was Right About the Budget Numbers This Year\n\n"
        "Senator Jane Holloway said on Monday that spending rose by a third. "
        "Politifact noted that the figures came from the budget office.\n"
    )
    drafted = de.extract(text, published=dt.date(2016, 9, 1))
    assert [p.name for p in drafted.of_type(de.Person)] == ["Jane Holloway"]
    assert [o.name for o in drafted.of_type(de.Organization)].count("Politifact") == 1


def test_a_surname_given_only_with_a_title_is_a_person() -> None:
    text = (
        "Foreign Minister Lindqvist spoke to reporters in Oslo on Monday. "
        "She said the talks had been useful."
    )
    collection = de.extract(text, published=dt.date(2016, 9, 1))
    (person,) = collection.of_type(de.Person)
    assert person.name == "Lindqvist"
    assert person.citations[0].quote == "Foreign Minister Lindqvist"
    # The pronoun finds her, so what she said is hers.
    (statement,) = collection.of_type(de.Statement)
    assert statement.speaker == person.id
    assert statement.text == "the talks had been useful"


def test_a_title_before_a_place_word_is_no_person() -> None:
    assert persons("Traffic on the President Street bridge was heavy on Monday.") == []


def test_a_headline_word_after_a_title_is_no_person_unless_the_story_gives_it() -> None:
    text = "Minister Quits\n\nThe minister quit on Monday. He said the talks had been useless."
    assert persons(text) == []
