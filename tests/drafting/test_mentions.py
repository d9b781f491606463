import contextlib
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.drafting.reading import _mentions as mm
from diplo_events.drafting.reading._namebook import NameBook
from diplo_events.drafting.reading._phrase import ActorMention, parse_actor_mention
from diplo_events.exceptions import ParseError

ARTICLE_PATH = Path("/work/shared/sources/moscow-talks-2020-12-08.txt")


def test_non_string() -> None:
    with pytest.raises(ParseError):
        mm.find_actor_mentions(None)  # type: ignore[arg-type]


def _found(text: str) -> list[tuple[str, ActorMention]]:
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
    book = NameBook()
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
        parse_actor_mention(text)


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
        parse_actor_mention(text)
