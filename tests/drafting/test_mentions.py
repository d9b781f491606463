import contextlib
import itertools
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading import _mentions as mm
from diplo_events.exceptions import FieldError, FieldTypeError, ParseError
from diplo_events.model._countries import is_country_code
from diplo_events.model._vocab import OrganizationKind

ARTICLE_PATH = Path("/work/shared/sources/moscow-talks-2020-12-08.txt")
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
    m = mm.parse_actor_mention(text)
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
    m = mm.parse_actor_mention("Armenian Foreign Minister Ara Ayvazyan")
    assert m.title_span is not None
    assert m.text[m.title_span.start : m.title_span.end] == "Foreign Minister"
    assert m.organization_kind is OrganizationKind.MINISTRY
    assert mm.parse_actor_mention("Turkey").organization_kind is OrganizationKind.STATE
    assert (
        mm.parse_actor_mention("the OSCE Minsk Group").organization_kind is OrganizationKind.GROUP
    )
    assert mm.parse_actor_mention("NATO").organization_kind is OrganizationKind.IGO


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
        mm.parse_actor_mention(text)
    (issue,) = info.value.issues
    assert issue.path == "$"
    assert issue.code == "actor.not_found"
    assert repr(text) in issue.message


def test_not_found_repeated_is_fresh_error() -> None:
    with pytest.raises(ParseError):
        mm.parse_actor_mention("it rained")
    with pytest.raises(ParseError) as info:
        mm.parse_actor_mention("it rained")
    assert info.value.issues[0].code == "actor.not_found"


def test_non_string() -> None:
    with pytest.raises(ParseError):
        mm.parse_actor_mention(42)  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        mm.find_actor_mentions(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------- finder


def _found(text: str) -> list[tuple[str, mm.ActorMention]]:
    return [(text[m.span.start : m.span.end], m.mention) for m in mm.find_actor_mentions(text)]


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


def test_article_mentions(article: str) -> None:
    found = mm.find_actor_mentions(article)
    texts = [article[m.span.start : m.span.end] for m in found]
    for match in found:
        assert match.mention.text == article[match.span.start : match.span.end]
    expected = [
        "Armenian Foreign Minister Ara Ayvazyan",
        "his Russian counterpart Sergei Lavrov",
        "the new Foreign Minister of Armenia Ara Ayvazyan",
        "FM Ayvazyan",
        "the Armenian minister",
        "The head of the Armenian Foreign Ministry",
        "The Armenian minister",
        "Sergey Lavrov",
        "Ara Genrievich",
        "Russian President Vladimir Putin",
        "the OSCE Minsk Group Co-Chairs",
        "the Azerbaijani side",
        "Turkey",
        "Moscow",
        "Yerevan",
        "Baku",
    ]
    for text in expected:
        assert text in texts, text
    # every "Lavrov" and "Ayvazyan" in the article is inside a found mention
    for surname in ("Lavrov", "Ayvazyan"):
        start = article.find(surname)
        while start != -1:
            assert any(m.span.start <= start < m.span.end for m in found), (surname, start)
            start = article.find(surname, start + 1)
    for word in ("During", "Meanwhile", "Answering", "November", "The", "Exactly", "He"):
        assert word not in texts
    lavrov_poss = article.index("Lavrov\u2019s talking")
    assert any(m.span.start == lavrov_poss and m.span.end == lavrov_poss + 6 for m in found)
    ayv_poss = article.index("Ayvazyan\u2019s points")
    assert any(m.span.start == ayv_poss and m.span.end == ayv_poss + 8 for m in found)
    head = next(m.mention for m in found if m.mention.text.startswith("The head"))
    assert (head.title, head.country, head.name) == ("Foreign Minister", "ARM", None)
    cochairs = next(m.mention for m in found if "Co-Chairs" in m.mention.text)
    assert (cochairs.kind, cochairs.title, cochairs.organization) == (
        "group",
        "Co-Chair",
        "OSCE Minsk Group",
    )
    # spans do not overlap and are in order
    ends = [(m.span.start, m.span.end) for m in found]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_article_namebook(article: str) -> None:
    book = mm.NameBook()
    for match in mm.find_actor_mentions(article):
        name = match.mention.name
        if name is not None and " " in name:
            book.add(name)
    lavrov = book.resolve("Lavrov")
    assert lavrov is not None
    assert book.names(lavrov) == ("Sergei Lavrov", "Sergey Lavrov")
    ayvazyan = book.resolve("Ayvazyan")
    assert ayvazyan is not None
    assert book.resolve("Ara Genrievich") == ayvazyan
    assert "Ara Genrievich" in book.names(ayvazyan)
    assert len(book) == 3  # Ayvazyan, Lavrov, Putin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ara Ayvazyan, the Armenian foreign minister, said",
            [("Ara Ayvazyan, the Armenian foreign minister", "Foreign Minister")],
        ),
        (
            "Russia's foreign minister, Sergei Lavrov, said",
            [("Russia's foreign minister, Sergei Lavrov", "Foreign Minister")],
        ),
        ("Talks with Lavrov, the minister said.", [("the minister", "Minister")]),
        (
            "Chinese Foreign Minister Wang Yi met NATO.",
            [("Chinese Foreign Minister Wang Yi", "Foreign Minister"), ("NATO", None)],
        ),
        ("Baku and Yerevan", [("Baku", None), ("Yerevan", None)]),
        (
            "The president said the foreign minister would go.",
            [("The president", "President"), ("the foreign minister", "Foreign Minister")],
        ),
        ("the two ministers met on Monday, December 7.", [("the two ministers", "Minister")]),
        (
            "The United Nations and the EU welcomed it.",
            [("The United Nations", None), ("the EU", None)],
        ),
        ("During the talks, Meanwhile Answering questions.", []),
        ("Sergey Lavrov spoke. Lavrov's aides left.", [("Sergey Lavrov", None), ("Lavrov", None)]),
        ("Lavrov spoke.", []),
        # Places, buildings, outlets and things are no people.
        ("Talks in Siem Reap were called off.", []),
        ("They met at Jubilee House, where Ama Owusu spoke.", [("Ama Owusu", None)]),
        ("Trade grew under the Comprehensive Economic and Trade Agreement.", []),
        ("A group on the Mekong Delta; shipping below Santa Fe and San Juan.", []),
        ("MADRID, May 3 (Northgate Wire) - Baltic Wire Service said so.", [("MADRID", None)]),
        (
            "They met at Lavrov's invitation, Sergei Lavrov said.",
            [("Lavrov", None), ("Sergei Lavrov", None)],
        ),
        (
            "UN Economic Commission for Europe Executive Secretary Clara Ventresca chaired it.",
            [
                (
                    "UN Economic Commission for Europe Executive Secretary Clara Ventresca",
                    "Executive Secretary",
                )
            ],
        ),
        # ... but a name with those words, with a title, or aimed "at" is a person.
        (
            "Aung San Suu Kyi met Wang Yi in Naypyitaw.",
            [("Aung San Suu Kyi", None), ("Wang Yi", None)],
        ),
        ("Ambassador Jorge Santa Cruz said", [("Ambassador Jorge Santa Cruz", "Ambassador")]),
        (
            "Foreign Minister Karen House said so.",
            [("Foreign Minister Karen House", "Foreign Minister")],
        ),
        (
            "Sergey Lavrov lashed out at Antony Blinken on Monday.",
            [("Sergey Lavrov", None), ("Antony Blinken", None)],
        ),
        ("They met at Ana Lopes' invitation.", [("Ana Lopes", None)]),
        ("the Honourable Penny Wong said", [("the Honourable Penny Wong", None)]),
        # Honorifics and Arabic articles; "of the Republic" names no country, "of the
        # Republic of Malawi" does; generic ministries are written in lower case too.
        (
            "Deputy Minister of Foreign Affairs Dr. Haidar Abd al-Wahid met Hon. Ana Banda.",
            [
                (
                    "Deputy Minister of Foreign Affairs Dr. Haidar Abd al-Wahid",
                    "Deputy Foreign Minister",
                ),
                ("Hon. Ana Banda", None),
            ],
        ),
        (
            (
                "President of the Republic Aino Virtakallio met the Minister of Foreign Affairs "
                "of the Republic of Malawi"
            ),
            [
                ("President of the Republic Aino Virtakallio", "President"),
                ("the Minister of Foreign Affairs of the Republic of Malawi", "Foreign Minister"),
            ],
        ),
        ("The Kazakh foreign ministry said", [("The Kazakh foreign ministry", None)]),
        (
            "The President of the Republic of Korea Yoon Suk Yeol met them",
            [("The President of the Republic of Korea Yoon Suk Yeol", "President")],
        ),
        ("He visited al-Aqsa Mosque.", []),
        ("the security council of the firm", []),
        # A name never runs on across a blank line, but may across a line break.
        (
            "Minister Aroha Whitcombe\n\nHa Noi, 10 November",
            [("Minister Aroha Whitcombe", "Minister"), ("Ha Noi", None)],
        ),
    ],
)
def test_find_snippets(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(span, m.title) for span, m in _found(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body of one state named with another state is that state's own body.
        ("the German Foreign Office said", [("Ministry of Foreign Affairs", "DEU")]),
        (
            "the British Foreign Office said",
            [("Foreign, Commonwealth and Development Office", "GBR")],
        ),
        # Names with "and" or a comma are one body or one state.
        (
            "at the Foreign, Commonwealth and Development Office in London",
            [("Foreign, Commonwealth and Development Office", "GBR"), (None, "GBR")],
        ),
        (
            "Bosnia and Herzegovina and Trinidad and Tobago voted",
            [(None, "BIH"), (None, "TTO")],
        ),
        ("the Russian Defense Department said", [("Ministry of Defence", "RUS")]),
        ("the U.S. State Department said", [("Department of State", "USA")]),
        # A title or a name around a name with "and" stays one mention.
        ("the President of Bosnia and Herzegovina met Ana Lopes", [(None, "BIH"), (None, None)]),
        (
            "the Foreign Minister of Trinidad and Tobago said",
            [("Ministry of Foreign Affairs", "TTO")],
        ),
        # A sea named after a state is not the state.
        ("piracy in the Gulf of Guinea and the Sea of Japan", []),
        ("the President of Ghana", [(None, "GHA")]),
    ],
)
def test_bodies_and_states(text: str, expected: list[tuple[str | None, str]]) -> None:
    found = [
        (
            None if m.kind == "organization" and m.organization_kind == "state" else m.organization,
            m.country,
        )
        for _, m in _found(text)
    ]
    assert found == expected


def test_honourable_is_no_part_of_the_name() -> None:
    assert mm.parse_actor_mention("the Honourable Penny Wong").name == "Penny Wong"


def test_name_across_a_line_break_is_one_name_with_one_space() -> None:
    ((span, mention),) = _found("Minister Aroha\nWhitcombe said so.")
    assert span == "Minister Aroha\nWhitcombe"
    assert mention.name == "Aroha Whitcombe"
    assert mention.name_span is not None
    assert mention.text[mention.name_span.start : mention.name_span.end] == "Aroha\nWhitcombe"


def test_find_group_kind() -> None:
    ((_, m),) = _found("He met the two ministers.")
    assert m.kind == "group"


@given(st.text(max_size=200))
def test_never_raises_other_errors(text: str) -> None:
    mm.find_actor_mentions(text)
    with contextlib.suppress(ParseError):
        mm.parse_actor_mention(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "Armenian",
                "Foreign",
                "Minister",
                "Ara",
                "of",
                "'s",
                "\u2019s",
                ",",
                "U.S.",
                "Co-Chairs",
                "Lavrov",
                "counterpart",
                "head",
                "two",
                "side",
                "Moscow",
                "and",
                "to",
            ]
        ),
        max_size=12,
    )
)
def test_never_raises_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    for match in mm.find_actor_mentions(text):
        assert 0 <= match.span.start < match.span.end <= len(text)
    with contextlib.suppress(ParseError):
        mm.parse_actor_mention(text)


# ----------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Yuri Ushakov", "Yury Ushakov"),
        ("Aleksandr Lukashenko", "Alexander Lukashenko"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Andrei Rudenko", "Andrey Rudenko"),
        ("Nikolai Patrushev", "Nikolay Patrushev"),
        ("Ilkham Aliyev", "Ilham Aliyev"),
        ("Volodymyr Zelenskyy", "Vladimir Zelensky"),
        ("Maksim Oreshkin", "Maxim Oreshkin"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("ARA AYVAZYAN", "Ara Aivazyan"),
    ],
)
def test_name_key_variants(a: str, b: str) -> None:
    assert mm.name_key(a) == mm.name_key(b)


def test_name_key_distinguishes() -> None:
    assert mm.name_key("Sergey Lavrov") != mm.name_key("Sergey Shoigu")
    assert mm.name_key("") == ""


def test_namebook() -> None:
    book = mm.NameBook()
    k1 = book.add("Sergei Lavrov")
    assert book.add("Sergey Lavrov") == k1
    assert book.add("Sergei Viktorovich Lavrov") == k1
    assert book.names(k1) == ("Sergei Lavrov", "Sergey Lavrov", "Sergei Viktorovich Lavrov")
    k2 = book.add("Ara Ayvazyan")
    assert book.resolve("Ara Genrievich") == k2
    assert book.resolve("Ayvazyan") == k2
    assert book.resolve("Lavrov") == k1
    assert book.resolve("Blinken") is None
    book.add("Anna Lavrova")
    book.add("Maria Lavrov")
    assert book.resolve("Lavrov") is None  # ambiguous now
    assert book.resolve("") is None
    with pytest.raises(KeyError):
        book.names("nobody")


# ----------------------------------------------------------------- tables

TABLES = ["demonyms.tsv", "capitals.tsv", "titles.tsv", "bodies.tsv", "name_variants.tsv"]


def _lines(name: str) -> list[str]:
    return (
        resources.files("diplo_events")
        .joinpath("data", "gazetteers", name)
        .read_text("utf-8")
        .splitlines()
    )


@pytest.mark.parametrize("name", TABLES)
def test_table_has_source_comment(name: str) -> None:
    header = [line for line in _lines(name) if line.startswith("#")]
    assert header
    assert any("source" in line.casefold() for line in header)
    assert _lines(name)[0].startswith("#")


@pytest.mark.parametrize("name", TABLES)
def test_table_rows_well_formed(name: str) -> None:
    widths = {
        "demonyms.tsv": 3,
        "capitals.tsv": 3,
        "titles.tsv": 5,
        "bodies.tsv": 6,
        "name_variants.tsv": 2,
    }
    for line in _lines(name):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        assert len(fields) <= widths[name], line
        assert all(field == field.strip() for field in fields), line


def _country_rows() -> list[tuple[str, str]]:
    rows = []
    for name in ("demonyms.tsv", "capitals.tsv"):
        for line in _lines(name):
            if not line.startswith("#"):
                text, code, _ = line.split("\t")
                rows.append((text, code))
    return rows


def test_country_codes_real() -> None:
    for _, code in _country_rows():
        assert is_country_code(code), code
    for name, col in (("titles.tsv", 3), ("bodies.tsv", 2)):
        for line in _lines(name):
            if not line.startswith("#"):
                code = line.split("\t")[col]
                assert code == "" or is_country_code(code), line


def test_no_conflicting_keys() -> None:
    seen: dict[str, str] = {}
    for text, code in _country_rows():
        key = text if text.isupper() else text.casefold()
        assert seen.setdefault(key, code) == code, text
    owner: dict[str, str] = {}
    for name in ("titles.tsv", "bodies.tsv"):
        for line in _lines(name):
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            for alias in [fields[0], *fields[4].split("|")]:
                if alias:
                    key = alias if alias.isupper() else alias.casefold()
                    assert owner.setdefault(key, fields[0]) == fields[0], alias
    variants: dict[str, str] = {}
    for line in _lines("name_variants.tsv"):
        if not line.startswith("#"):
            canonical, rest = line.split("\t")
            for variant in [canonical, *rest.split("|")]:
                assert variants.setdefault(variant.casefold(), canonical) == canonical, variant


def test_titles_and_bodies_consistent() -> None:
    titles = set()
    for line in _lines("titles.tsv"):
        if not line.startswith("#"):
            titles.add(line.split("\t")[0])
    kinds = {kind.value for kind in OrganizationKind}
    rows = [line.split("\t") for line in _lines("bodies.tsv") if not line.startswith("#")]
    names = {fields[0] for fields in rows}
    for fields in rows:
        assert fields[1] in kinds, fields
        assert fields[3] == "" or fields[3] in titles, fields
        # A generic twin is given for (only) bodies of one state, and is itself generic.
        twin = fields[5] if len(fields) > 5 else ""
        assert twin == "" or (fields[2] and twin in names), fields
        assert twin == "" or next(f for f in rows if f[0] == twin)[2] == "", fields


def test_coverage_un_members() -> None:
    countries = {code for _, code in _country_rows()}
    capitals = {line.split("\t")[1] for line in _lines("capitals.tsv") if not line.startswith("#")}
    assert len(countries) >= 195
    city_states = {"MCO", "SGP", "SMR", "LUX"}
    assert len(capitals | city_states) >= 195
    assert countries - capitals - city_states == set()


@pytest.mark.parametrize(
    "call",
    [
        lambda: mm.NameBook().add(None),  # type: ignore[arg-type]
        lambda: mm.NameBook().resolve(3),  # type: ignore[arg-type]
    ],
)
def test_name_book_refuses_non_strings(call: object) -> None:
    with pytest.raises(FieldTypeError):
        call()  # type: ignore[operator]


def test_name_book_refuses_an_empty_name() -> None:
    with pytest.raises(FieldError):
        mm.NameBook().add("  ")
