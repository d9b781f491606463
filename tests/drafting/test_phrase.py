import pytest

from diplo_events.drafting.reading import _phrase as ph
from diplo_events.exceptions import ParseError
from diplo_events.model._vocab import OrganizationKind

MFA = "Ministry of Foreign Affairs"

# text, name, title, country, organization, kind, counterpart
CASES = [
    (
        "Armenian Foreign Minister Ara Ayvazyan",
        "Ara Ayvazyan",
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    ("his Russian counterpart Sergei Lavrov", "Sergei Lavrov", None, "RUS", None, "person", True),
    (
        "Russian President Vladimir Putin",
        "Vladimir Putin",
        "President",
        "RUS",
        None,
        "person",
        False,
    ),
    (
        "the head of the Armenian Foreign Ministry",
        None,
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    (
        "The head of the Armenian Foreign Ministry",
        None,
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    ("the OSCE Minsk Group Co-Chairs", None, "Co-Chair", None, "OSCE Minsk Group", "group", False),
    (
        "U.S. Secretary of State Antony Blinken",
        "Antony Blinken",
        "Secretary of State",
        "USA",
        "Department of State",
        "person",
        False,
    ),
    (
        "US Secretary of State Antony Blinken",
        "Antony Blinken",
        "Secretary of State",
        "USA",
        "Department of State",
        "person",
        False,
    ),
    (
        "Deputy Secretary of State Stephen Biegun",
        "Stephen Biegun",
        "Deputy Secretary of State",
        "USA",
        "Department of State",
        "person",
        False,
    ),
    (
        "the new Foreign Minister of Armenia Ara Ayvazyan",
        "Ara Ayvazyan",
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    ("Foreign Minister of Armenia", None, "Foreign Minister", "ARM", MFA, "person", False),
    (
        "Minister of Foreign Affairs of Armenia",
        None,
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    (
        "Minister for Foreign Affairs Penny Wong",
        "Penny Wong",
        "Foreign Minister",
        None,
        MFA,
        "person",
        False,
    ),
    ("Lavrov", "Lavrov", None, None, None, "person", False),
    ("the Armenian minister", None, "Minister", "ARM", None, "person", False),
    ("FM Ayvazyan", "Ayvazyan", "Foreign Minister", None, MFA, "person", False),
    (
        "Ara Ayvazyan, Armenia's foreign minister",
        "Ara Ayvazyan",
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    (
        "Ara Ayvazyan, Armenia\u2019s foreign minister",
        "Ara Ayvazyan",
        "Foreign Minister",
        "ARM",
        MFA,
        "person",
        False,
    ),
    ("Minister Ayvazyan", "Ayvazyan", "Minister", None, None, "person", False),
    ("Turkey", None, None, "TUR", "Türkiye", "organization", False),
    ("Türkiye", None, None, "TUR", "Türkiye", "organization", False),
    ("the United States", None, None, "USA", "United States of America", "organization", False),
    ("the Azerbaijani side", None, None, "AZE", "Azerbaijan", "organization", False),
    ("Moscow", None, None, "RUS", "Russian Federation", "organization", False),
    ("Geneva", None, None, "CHE", "Switzerland", "organization", False),
    ("the Kremlin", None, None, "RUS", "Russian Federation", "organization", False),
    (
        "Chinese Foreign Minister Wang Yi",
        "Wang Yi",
        "Foreign Minister",
        "CHN",
        MFA,
        "person",
        False,
    ),
    ("Russia's top diplomat", None, "Foreign Minister", "RUS", MFA, "person", False),
    ("the two ministers", None, "Minister", None, None, "group", False),
    ("the Foreign Ministers of Armenia", None, "Foreign Minister", "ARM", MFA, "group", False),
    (
        "UN Secretary-General António Guterres",
        "António Guterres",
        "Secretary-General",
        None,
        "United Nations",
        "person",
        False,
    ),
    ("the United Nations", None, None, None, "United Nations", "organization", False),
    ("NATO", None, None, None, "North Atlantic Treaty Organization", "organization", False),
    (
        "the UN Security Council",
        None,
        None,
        None,
        "United Nations Security Council",
        "organization",
        False,
    ),
    ("the Armenian Foreign Ministry", None, None, "ARM", MFA, "organization", False),
    ("the State Department", None, None, "USA", "Department of State", "organization", False),
    (
        "British Foreign Secretary Dominic Raab",
        "Dominic Raab",
        "Foreign Secretary",
        "GBR",
        "Foreign, Commonwealth and Development Office",
        "person",
        False,
    ),
    (
        "Foreign Secretary Dominic Raab",
        "Dominic Raab",
        "Foreign Secretary",
        "GBR",
        "Foreign, Commonwealth and Development Office",
        "person",
        False,
    ),
    (
        "German Chancellor Angela Merkel",
        "Angela Merkel",
        "Chancellor",
        "DEU",
        "Government",
        "person",
        False,
    ),
    ("Chancellor Olaf Scholz", "Olaf Scholz", "Chancellor", None, "Government", "person", False),
    (
        "Emirati Foreign Minister Abdullah bin Zayed",
        "Abdullah bin Zayed",
        "Foreign Minister",
        "ARE",
        MFA,
        "person",
        False,
    ),
    (
        "South Korean President Moon Jae-in",
        "Moon Jae-in",
        "President",
        "KOR",
        None,
        "person",
        False,
    ),
    (
        "Azerbaijani President Ilham Aliyev",
        "Ilham Aliyev",
        "President",
        "AZE",
        None,
        "person",
        False,
    ),
    (
        "Kremlin spokesman Dmitry Peskov",
        "Dmitry Peskov",
        "Spokesperson",
        "RUS",
        None,
        "person",
        False,
    ),
    (
        "Russian Deputy Foreign Minister Andrei Rudenko",
        "Andrei Rudenko",
        "Deputy Foreign Minister",
        "RUS",
        MFA,
        "person",
        False,
    ),
    (
        "the Russian Defense Minister",
        None,
        "Defense Minister",
        "RUS",
        "Ministry of Defence",
        "person",
        False,
    ),
    ("his Turkish counterparts", None, None, "TUR", None, "group", True),
    (
        "EU High Representative Josep Borrell",
        "Josep Borrell",
        "High Representative",
        None,
        "European Union",
        "person",
        False,
    ),
    (
        "US National Security Advisor Jake Sullivan",
        "Jake Sullivan",
        "National Security Advisor",
        "USA",
        None,
        "person",
        False,
    ),
    ("Chinese Premier Li Qiang", "Li Qiang", "Premier", "CHN", "Government", "person", False),
    ("Qatar's Emir", None, "Emir", "QAT", None, "person", False),
    ("Special Envoy Steve Witkoff", "Steve Witkoff", "Special Envoy", None, None, "person", False),
    ("the Russian Ambassador to Armenia", None, "Ambassador", "RUS", None, "person", False),
    (
        "Armenian Prime Minister Nikol Pashinyan",
        "Nikol Pashinyan",
        "Prime Minister",
        "ARM",
        "Government",
        "person",
        False,
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(case[0], case[1:]) for case in CASES])
def test_parse_actor_mention(text: str, expected: tuple[object, ...]) -> None:
    m = ph.parse_actor_mention(text)
    got = (m.name, m.title, m.country, m.organization, m.kind, m.counterpart)
    assert got == expected
    name = expected[0]
    assert m.text == text
    if name is not None:
        assert m.name_span is not None
        assert text[m.name_span.start : m.name_span.end] == name
    else:
        assert m.name_span is None


def test_spans_and_kinds() -> None:
    m = ph.parse_actor_mention("Armenian Foreign Minister Ara Ayvazyan")
    assert m.title_span is not None
    assert m.text[m.title_span.start : m.title_span.end] == "Foreign Minister"
    assert m.organization_kind is OrganizationKind.MINISTRY
    assert ph.parse_actor_mention("Turkey").organization_kind is OrganizationKind.STATE
    assert (
        ph.parse_actor_mention("the OSCE Minsk Group").organization_kind is OrganizationKind.GROUP
    )
    assert ph.parse_actor_mention("NATO").organization_kind is OrganizationKind.IGO


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "it rained",
        "the",
        "Armenian",
        "During",
        "Monday",
        "Baku and Yerevan",
        "Armenia Azerbaijan",
        "the meeting",
        "who",
        "123",
        "Sergei Lavrov said",
    ],
)
def test_not_found(text: str) -> None:
    with pytest.raises(ParseError) as info:
        ph.parse_actor_mention(text)
    (issue,) = info.value.issues
    assert issue.path == "$"
    assert issue.code == "actor.not_found"
    assert repr(text) in issue.message


def test_not_found_repeated_is_fresh_error() -> None:
    with pytest.raises(ParseError):
        ph.parse_actor_mention("it rained")
    with pytest.raises(ParseError) as info:
        ph.parse_actor_mention("it rained")
    assert info.value.issues[0].code == "actor.not_found"


def test_non_string() -> None:
    with pytest.raises(ParseError):
        ph.parse_actor_mention(42)  # type: ignore[arg-type]


def test_honourable_is_no_part_of_the_name() -> None:
    assert ph.parse_actor_mention("the Honourable Penny Wong").name == "Penny Wong"


def test_a_phrase_too_long_to_be_one_is_refused_with_a_short_message() -> None:
    phrase = "Foreign Minister " * (ph.LONGEST_MENTION // 17 + 1) + "Sergei Lavrov"
    with pytest.raises(ParseError) as info:
        ph.parse_actor_mention(phrase)
    (issue,) = info.value.issues
    assert issue.code == "actor.not_found"
    assert "longer than 1000 characters" in issue.message
    assert len(issue.message) < 200
    assert ph.parse_actor_mention("Foreign Minister Sergei Lavrov").title is not None
