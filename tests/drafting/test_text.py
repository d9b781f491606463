"""Tests of _text: cutting news text into paragraphs, sentences and quotes by offsets."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplo_events.drafting.reading._text import (
    Dateline,
    Quote,
    Unit,
    find_dateline,
    find_quotes,
    paragraphs,
    sentences,
)

SHOWCASE = (
    Path(__file__).parent.parent / "data" / "extraction" / "moscow-talks-2020-12-08.txt"
).read_text(encoding="utf-8")

OPEN = "\u201c"  # left double quotation mark
CLOSE = "\u201d"  # right double quotation mark
LSQUO = "\u2018"  # left single quotation mark
RSQUO = "\u2019"  # right single quotation mark / apostrophe
LAQUO = "\u00ab"  # «
RAQUO = "\u00bb"  # »
LOW_OPEN = "\u201e"  # „
DASH = "\u2014"  # em dash
APOSTROPHES = "''"  # a double quotation mark typed as two apostrophes


def paragraph_texts(text: str) -> list[str]:
    return [text[u.start : u.end] for u in paragraphs(text)]


def quote_texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs(text))]


def sentence_texts(text: str) -> list[str]:
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    return [text[s.start : s.end] for para in paras for s in sentences(text, para, quotes)]


def check_marks(text: str, quote: Quote) -> None:
    assert 0 <= quote.open_at < quote.start <= quote.end <= quote.close_at < len(text)
    if text.startswith(APOSTROPHES, quote.open_at):
        # Two apostrophes mark it, opening and closing alike.
        assert quote.start == quote.open_at + 2
        assert quote.close_at == quote.end + 1
        assert text[quote.end : quote.close_at + 1] == APOSTROPHES
        return
    assert quote.start == quote.open_at + 1
    assert quote.end == quote.close_at
    # A closing mark may open a paragraph (”We agree.”), and either kind of double mark may
    # close a quote the other opened.
    assert text[quote.open_at] in {OPEN, LOW_OPEN, LAQUO, '"', CLOSE}
    assert text[quote.close_at] in {CLOSE, RAQUO, '"'}


# --- paragraphs ----------------------------------------------------------------------------------


class TestParagraphs:
    def test_split_at_blank_lines(self) -> None:
        text = "First line\nstill first.\n\nSecond.\n\n\n\nThird."
        assert paragraph_texts(text) == ["First line\nstill first.", "Second.", "Third."]

    def test_blank_line_with_spaces_and_tabs(self) -> None:
        text = "One.\n  \t \nTwo."
        assert paragraph_texts(text) == ["One.", "Two."]

    def test_single_newlines_when_no_blank_lines(self) -> None:
        text = "One.\nTwo.\n   Three.  \n"
        assert paragraph_texts(text) == ["One.", "Two.", "Three."]

    def test_single_newlines_kept_when_blank_lines_exist(self) -> None:
        text = "a\nb\n\nc\nd"
        assert paragraph_texts(text) == ["a\nb", "c\nd"]

    def test_single_newline_before_a_capital_ends_a_paragraph_when_blank_lines_exist(
        self,
    ) -> None:
        text = "Title.\n\nOne line.\n“Two,” she said.\nHard\nwrapped, and\ngoing on."
        assert paragraph_texts(text) == [
            "Title.",
            "One line.",
            "“Two,” she said.",
            "Hard\nwrapped, and\ngoing on.",
        ]

    def test_offsets_trimmed(self) -> None:
        text = "  \n  Hello world.  \n\n\t Bye. \n "
        units = paragraphs(text)
        assert units == [Unit(5, 17), Unit(23, 27)]
        assert [text[u.start : u.end] for u in units] == ["Hello world.", "Bye."]

    def test_single_paragraph_without_newline(self) -> None:
        assert paragraphs("  Just one.  ") == [Unit(2, 11)]

    @pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t\n \n\t "])
    def test_empty_or_blank_text(self, text: str) -> None:
        assert paragraphs(text) == []

    def test_units_are_namedtuples(self) -> None:
        (unit,) = paragraphs("x")
        assert unit.start == 0
        assert unit.end == 1
        assert tuple(unit) == (0, 1)

    def test_showcase_paragraphs(self) -> None:
        units = paragraphs(SHOWCASE)
        assert len(units) == 24
        texts = [SHOWCASE[u.start : u.end] for u in units]
        assert texts[0].startswith("date 2020-12-08 Armenian Foreign Minister")
        assert texts[3] == "Ayvazyan\u2019s points"
        assert texts[-1].startswith("He stated that the OSCE Minsk Group")
        assert all(t == t.strip() and "\n\n" not in t for t in texts)

    def test_crlf_blank_lines(self) -> None:
        text = "One\r\nstill one.\r\n\r\nTwo."
        assert paragraph_texts(text) == ["One\r\nstill one.", "Two."]


# --- sentences -----------------------------------------------------------------------------------


class TestSentences:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("One. Two! Three? Four.", ["One.", "Two!", "Three?", "Four."]),
            ("It rose 5%. 2021 was better.", ["It rose 5%.", "2021 was better."]),
            ("He left.  (Later) he came.", ["He left.", "(Later) he came."]),
            (
                "No cut here. because lowercase follows.",
                ["No cut here. because lowercase follows."],
            ),
            ("No space.Then glued.", ["No space.Then glued."]),
            ("Wait... Then it ended.", ["Wait...", "Then it ended."]),
            ("Really?! Yes.", ["Really?!", "Yes."]),
        ],
    )
    def test_split(self, text: str, expected: list[str]) -> None:
        assert sentence_texts(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "He flew to the U.S. Secretary Blinken met him.",
            "The talks on Dec. 8 ended.",
            "Mr. Smith met Mrs. Jones and Dr. Who.",
            "H.E. Ambassador Ivanov arrived.",
            "They met at 5 p.m. Moscow time.",
            "John F. Kennedy spoke.",
            "Gen. Gerasimov and Sen. Smith met at the U.N. Security Council.",
            "The U.K. Foreign Office and the E.U. Commission agreed.",
            "Resolution No. 2231 was cited.",
            "The minister, Hon. Chisomo Banda, hosted them.",
        ],
    )
    def test_abbreviations_do_not_end_sentences(self, text: str) -> None:
        assert sentence_texts(text) == [text]

    def test_mixed_paragraph(self) -> None:
        text = (
            "He met Mr. Smith in the U.S. on Dec. 8. H.E. the envoy came at 5 p.m. today. "
            "John F. Kennedy spoke. Then it ended! Why? Yes."
        )
        assert sentence_texts(text) == [
            "He met Mr. Smith in the U.S. on Dec. 8.",
            "H.E. the envoy came at 5 p.m. today.",
            "John F. Kennedy spoke.",
            "Then it ended!",
            "Why?",
            "Yes.",
        ]

    def test_multi_sentence_quote_stays_with_tail(self) -> None:
        text = f"{OPEN}We agree. We will meet again. Soon,{CLOSE} said Lavrov. Then they left."
        assert sentence_texts(text) == [
            f"{OPEN}We agree. We will meet again. Soon,{CLOSE} said Lavrov.",
            "Then they left.",
        ]

    def test_multi_sentence_straight_quote_stays_with_tail(self) -> None:
        text = 'Intro here. "One. Two! Three?" asked Blinken. End.'
        assert sentence_texts(text) == [
            "Intro here.",
            '"One. Two! Three?" asked Blinken.',
            "End.",
        ]

    def test_cut_before_opening_quote(self) -> None:
        text = f"He spoke. {OPEN}We agree,{CLOSE} he said."
        assert sentence_texts(text) == ["He spoke.", f"{OPEN}We agree,{CLOSE} he said."]

    def test_quote_ending_a_sentence_is_cut_after_the_mark(self) -> None:
        text = f"He said: {OPEN}We agree.{CLOSE} The talks ended."
        assert sentence_texts(text) == [f"He said: {OPEN}We agree.{CLOSE}", "The talks ended."]

    def test_without_quotes_argument_cuts_inside(self) -> None:
        """The quote guard comes from the quotes passed in, not from the text."""
        text = f"{OPEN}One. Two,{CLOSE} he said."
        (para,) = paragraphs(text)
        assert [text[u.start : u.end] for u in sentences(text, para, [])] == [
            f"{OPEN}One.",
            f"Two,{CLOSE} he said.",
        ]

    def test_stays_within_paragraph(self) -> None:
        text = "First para. Ends here.\n\nSecond para. Also two."
        paras = paragraphs(text)
        quotes = find_quotes(text, paras)
        first = sentences(text, paras[0], quotes)
        second = sentences(text, paras[1], quotes)
        assert [text[u.start : u.end] for u in first] == ["First para.", "Ends here."]
        assert [text[u.start : u.end] for u in second] == ["Second para.", "Also two."]
        assert all(paras[0].start <= u.start < u.end <= paras[0].end for u in first)
        assert all(paras[1].start <= u.start < u.end <= paras[1].end for u in second)

    def test_offsets(self) -> None:
        text = "  A b. C d.  "
        (para,) = paragraphs(text)
        assert sentences(text, para, []) == [Unit(2, 6), Unit(7, 11)]

    def test_showcase_quotes_never_cut(self) -> None:
        paras = paragraphs(SHOWCASE)
        quotes = find_quotes(SHOWCASE, paras)
        sents = [s for p in paras for s in sentences(SHOWCASE, p, quotes)]
        for quote in quotes:
            same_paragraph = any(p.start <= quote.open_at < quote.close_at < p.end for p in paras)
            if same_paragraph:
                assert any(s.start <= quote.open_at < quote.close_at < s.end for s in sents)

    def test_showcase_turkey_quote_is_one_sentence(self) -> None:
        start = SHOWCASE.index(f"{OPEN}Turkey should withdraw")
        texts = sentence_texts(SHOWCASE)
        (sentence,) = [t for t in texts if t.startswith(f"{OPEN}Turkey")]
        assert SHOWCASE.index(sentence) == start
        assert sentence.endswith(f"foreign terrorist fighters.{CLOSE}")


# --- quotes --------------------------------------------------------------------------------------


class TestQuotes:
    def test_curly(self) -> None:
        text = f"Lavrov said {OPEN}we agree{CLOSE} today."
        (quote,) = find_quotes(text, paragraphs(text))
        assert quote == Quote(13, 21, 12, 21)
        assert text[quote.start : quote.end] == "we agree"
        check_marks(text, quote)

    def test_straight(self) -> None:
        text = 'He said "yes, indeed" and "no".'
        quotes = find_quotes(text, paragraphs(text))
        assert [text[q.start : q.end] for q in quotes] == ["yes, indeed", "no"]
        for quote in quotes:
            check_marks(text, quote)
            assert text[quote.open_at] == text[quote.close_at] == '"'

    def test_guillemets(self) -> None:
        text = f"{LAQUO}Bonjour{RAQUO}, dit-il."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "Bonjour"
        assert (text[quote.open_at], text[quote.close_at]) == (LAQUO, RAQUO)

    def test_low_opening_mark(self) -> None:
        assert quote_texts(f"{LOW_OPEN}Ja{CLOSE} sagte er.") == ["Ja"]

    def test_single_quotes_and_apostrophes_ignored(self) -> None:
        text = f"{OPEN}It{RSQUO}s {LSQUO}all for all{RSQUO} now{CLOSE}, he said."
        assert quote_texts(text) == [f"It{RSQUO}s {LSQUO}all for all{RSQUO} now"]
        assert quote_texts(f"Lavrov{RSQUO}s {LSQUO}points{RSQUO} and it's 'fine'.") == []

    def test_straight_ignored_inside_curly_and_curly_inside_straight(self) -> None:
        assert quote_texts(f'{OPEN}the "so-called" deal{CLOSE}') == ['the "so-called" deal']
        assert quote_texts(f'"a {OPEN}b{CLOSE} c"') == [f"a {OPEN}b{CLOSE} c"]

    def test_empty_quotes_dropped(self) -> None:
        text = f'{OPEN}{CLOSE} and "" and {OPEN}x{CLOSE} and "" and " "'
        assert quote_texts(text) == ["x"]

    def test_mixed_marks_close_each_other(self) -> None:
        assert quote_texts(f'{OPEN}We agree," he said, "on {OPEN}more hours{CLOSE}."') == [
            "We agree,",
            f"on {OPEN}more hours{CLOSE}.",
        ]
        assert quote_texts(f'It takes "more hours{CLOSE} now.') == ["more hours"]

    def test_closing_mark_opening_a_paragraph(self) -> None:
        text = f"Intro.\n\n{CLOSE}We agree. Fully.{CLOSE} ― Ana Lopes"
        assert quote_texts(text) == ["We agree. Fully."]

    def test_straight_mark_left_open_opens_nothing(self) -> None:
        text = f'"He walked in, chanting {OPEN}U-S-A!{CLOSE}\n\n{OPEN}Yes,{CLOSE} she said.'
        assert quote_texts(text) == ["U-S-A!", "Yes,"]

    def test_stray_closing_mark_ignored(self) -> None:
        assert quote_texts(f"a {CLOSE} b {OPEN}c{CLOSE}") == ["c"]

    def test_stray_opening_mark_restarts(self) -> None:
        text = f"A {OPEN}stray and {OPEN}real{CLOSE} one"
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "real"
        assert quote.open_at == text.index(f"{OPEN}real")

    def test_a_quote_nested_in_one_of_its_own_kind_stays_inside(self) -> None:
        # Two closing marks follow the second opening mark: it opens a quote within the first.
        text = f"He spoke of {OPEN}what he calls {OPEN}hell{CLOSE} than this{CLOSE}, and left."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == f"what he calls {OPEN}hell{CLOSE} than this"
        assert quote.open_at == text.index(OPEN)
        assert quote_texts(f"{OPEN}A {OPEN}B{CLOSE} C{CLOSE} and {OPEN}D{CLOSE}.") == [
            f"A {OPEN}B{CLOSE} C",
            "D",
        ]

    @pytest.mark.parametrize(
        ("text", "quotes"),
        [
            # Another opening mark before the second closing mark: the first was never closed.
            (f"{OPEN}A. {OPEN}B{CLOSE} C {OPEN}D{CLOSE} end", ["B", "D"]),
            # Only one closing mark in the paragraph: the first mark opens nothing.
            (f"x {OPEN}a {OPEN}b{CLOSE} c", ["b"]),
        ],
    )
    def test_an_opening_mark_that_nests_in_nothing_still_restarts(
        self, text: str, quotes: list[str]
    ) -> None:
        assert quote_texts(text) == quotes

    @pytest.mark.parametrize(
        "text",
        [
            f"He said: {OPEN}we will",
            'He said: "we will',
            f"Closed {OPEN}a{CLOSE}, then {OPEN}open to the end.",
            f"{OPEN}one\n\ntwo\n\nthree",
        ],
    )
    def test_unclosed_at_end_is_no_quote(self, text: str) -> None:
        quotes = find_quotes(text, paragraphs(text))
        assert all(text[q.start : q.end] == "a" for q in quotes)
        assert len(quotes) == (1 if "Closed" in text else 0)

    def test_across_paragraphs_reopened_curly(self) -> None:
        text = f"He said: {OPEN}One.\n\n{OPEN}Two,{CLOSE} said X."
        (quote,) = find_quotes(text, paragraphs(text))
        assert quote.open_at == text.index(OPEN)
        assert quote.close_at == text.index(CLOSE)
        assert text[quote.start : quote.end] == f"One.\n\n{OPEN}Two,"
        check_marks(text, quote)

    def test_across_three_paragraphs_reopened(self) -> None:
        text = f"{OPEN}One.\n\n{OPEN}Two.\n\n{OPEN}Three.{CLOSE}\n\nAfter {OPEN}x{CLOSE}."
        assert quote_texts(text) == [f"One.\n\n{OPEN}Two.\n\n{OPEN}Three.", "x"]

    def test_across_paragraphs_reopened_straight(self) -> None:
        text = 'He said: "One.\n\n"Two," said X.'
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == 'One.\n\n"Two,'
        assert quote.open_at == text.index('"')
        assert quote.close_at == text.rindex('"')

    def test_across_paragraphs_closed_later_curly(self) -> None:
        text = f"He said: {OPEN}One.\n\nTwo and three{CLOSE}. Then more."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "One.\n\nTwo and three"
        check_marks(text, quote)

    def test_straight_cannot_close_later_without_reopening(self) -> None:
        assert quote_texts('He said: "One.\n\nTwo". Then more.') == []

    def test_paragraph_that_cannot_continue(self) -> None:
        """A new opening mark comes before any closing one: the old quote is dropped."""
        text = f"He said: {OPEN}One.\n\nNew {OPEN}two{CLOSE} here."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "two"
        assert quote.open_at == text.index(f"{OPEN}two")

    def test_paragraph_without_any_mark_cannot_continue(self) -> None:
        text = f"He said: {OPEN}One.\n\nPlain paragraph.\n\nLater{CLOSE} stray."
        assert quote_texts(text) == []

    def test_two_apostrophes_mark_a_quote(self) -> None:
        text = "''We agree,'' Lopes said. ''Fully.''"
        quotes = find_quotes(text, paragraphs(text))
        assert [text[q.start : q.end] for q in quotes] == ["We agree,", "Fully."]
        for quote in quotes:
            check_marks(text, quote)
        assert quotes[0] == Quote(2, 11, 0, 12)

    def test_two_apostrophes_around_a_single_quote(self) -> None:
        # In a run of three, the single quote closes first, then the double one.
        assert quote_texts("He said ''the 'best' deal''' twice.") == ["the 'best' deal'"]
        assert quote_texts("It's Ana's 'fine' idea.") == []

    def test_two_apostrophes_after_a_digit_are_inches(self) -> None:
        assert quote_texts("The 6'2'' guard was ready. ''We go,'' he said.") == ["We go,"]

    def test_three_apostrophes_opening_open_the_double_quote_first(self) -> None:
        assert quote_texts("'''No' was all he said,'' Lopes said.") == ["'No' was all he said,"]
        text = "He said: ''We met.\n\n'''Never' is a long time,'' he said."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "We met.\n\n'''Never' is a long time,"
        check_marks(text, quote)

    def test_two_apostrophes_close_only_their_own_kind(self) -> None:
        assert quote_texts(f"''the {OPEN}so-called{CLOSE} deal''") == [
            f"the {OPEN}so-called{CLOSE} deal"
        ]
        assert quote_texts(f"{OPEN}the ''so-called'' deal{CLOSE}") == ["the ''so-called'' deal"]
        assert quote_texts("\"a ''b'' c\"") == ["a ''b'' c"]

    def test_two_apostrophes_reopened_in_the_next_paragraph(self) -> None:
        text = "''We met.\n\n''We agreed,'' she said."
        (quote,) = find_quotes(text, paragraphs(text))
        assert text[quote.start : quote.end] == "We met.\n\n''We agreed,"
        check_marks(text, quote)

    def test_two_apostrophes_left_open_open_nothing(self) -> None:
        assert quote_texts("''He walked in.\n\nThen ''yes,'' she said.") == ["yes,"]

    def test_a_sentence_ends_after_two_apostrophes(self) -> None:
        assert sentence_texts("He said ''We agree.'' ''Fully,'' she said.") == [
            "He said ''We agree.''",
            "''Fully,'' she said.",
        ]

    def test_no_paragraphs(self) -> None:
        assert find_quotes("", []) == []
        assert find_quotes(f"{OPEN}x{CLOSE}", []) == []

    def test_showcase_quotes(self) -> None:
        quotes = find_quotes(SHOWCASE, paragraphs(SHOWCASE))
        texts = [SHOWCASE[q.start : q.end] for q in quotes]
        assert len(quotes) == 9
        for quote in quotes:
            check_marks(SHOWCASE, quote)
            assert SHOWCASE[quote.open_at] == OPEN
            assert SHOWCASE[quote.close_at] == CLOSE
        assert "representatives of Baku and Yerevan" in texts
        assert "after the situation in the conflict zone is stabilized." in texts
        assert sum(t[0].isupper() for t in texts) == 7
        assert [q.open_at for q in quotes] == sorted(q.open_at for q in quotes)

    def test_showcase_two_paragraph_quote(self) -> None:
        quotes = find_quotes(SHOWCASE, paragraphs(SHOWCASE))
        (quote,) = [q for q in quotes if SHOWCASE[q.start :].startswith("We expressed")]
        words = SHOWCASE[quote.start : quote.end]
        assert words.endswith("ISIS acted with hostages in the Middle East")
        assert "\n\nAt the same time, the Azerbaijani side" in words
        assert f"{LSQUO}all for all{RSQUO}" in words
        assert SHOWCASE[quote.close_at : quote.close_at + 2] == f"{CLOSE}."
        assert not any(
            "At the same time" in SHOWCASE[q.start : q.end] for q in quotes if q != quote
        )


# --- datelines -----------------------------------------------------------------------------------


class TestDateline:
    def test_wire_dateline(self) -> None:
        text = f"MOSCOW, December 7 (TASS) {DASH} Lavrov met Ayvazyan."
        dateline = find_dateline(text)
        assert dateline == Dateline("Moscow", "December 7", 8, "TASS", 28, 20)
        assert text[dateline.agency_start :].startswith("TASS)")
        assert text[dateline.end :] == "Lavrov met Ayvazyan."
        assert text[dateline.date_start :].startswith("December 7")

    def test_place_only(self) -> None:
        text = f"WASHINGTON {DASH} Blinken spoke."
        dateline = find_dateline(text)
        assert dateline == Dateline("Washington", None, -1, None, 13)
        assert text[dateline.end :] == "Blinken spoke."

    def test_accented_place_and_long_agency(self) -> None:
        text = f"BRAS\u00cdLIA, March 4 (Meridian News) {DASH} Body."
        dateline = find_dateline(text)
        assert dateline is not None
        assert dateline.place == "Bras\u00edlia"
        assert dateline.date_text == "March 4"
        assert dateline.agency == "Meridian News"
        assert text[dateline.end :] == "Body."

    def test_day_month_year(self) -> None:
        text = f"NEW YORK, 8 Dec. 2020 {DASH} Body."
        dateline = find_dateline(text)
        assert dateline is not None
        assert dateline.place == "New York"
        assert dateline.date_text == "8 Dec. 2020"
        assert text[dateline.date_start : dateline.date_start + 11] == "8 Dec. 2020"
        assert dateline.agency is None
        assert text[dateline.end :] == "Body."

    @pytest.mark.parametrize(
        ("text", "place", "date_text"),
        [
            ("MOSCOW -- Body.", "Moscow", None),
            ("MOSCOW - Body.", "Moscow", None),
            ("GENEVA \u2013 Body.", "Geneva", None),
            ("WASHINGTON, Dec. 8, 2020 - Body.", "Washington", "Dec. 8, 2020"),
            (f"  \n KYIV, 3 March {DASH}\nBody.", "Kyiv", "3 March"),
        ],
    )
    def test_other_forms(self, text: str, place: str, date_text: str | None) -> None:
        dateline = find_dateline(text)
        assert dateline is not None
        assert dateline.place == place
        assert dateline.date_text == date_text
        assert text[dateline.end :] == "Body."
        if date_text is not None:
            assert text[dateline.date_start :].startswith(date_text)

    def test_date_line(self) -> None:
        dateline = find_dateline(SHOWCASE)
        assert dateline is not None
        assert dateline.place is None
        assert dateline.agency is None
        assert dateline.date_text == "2020-12-08"
        assert SHOWCASE[dateline.date_start : dateline.date_start + 10] == "2020-12-08"
        assert dateline.end <= SHOWCASE.index("Armenian")
        assert SHOWCASE[dateline.end :].lstrip().startswith("Armenian Foreign Minister")

    def test_date_line_simple(self) -> None:
        text = "date 2021-03-04\nBody."
        dateline = find_dateline(text)
        assert dateline == Dateline(None, "2021-03-04", 5, None, 15)

    @pytest.mark.parametrize(
        "text",
        [
            f"US {DASH} x",
            f"UK {DASH} talks",
            f"The talks {DASH} x",
            "Lavrov met Ayvazyan in Moscow on December 7.",
            "MOSCOW said nothing.",
            "NATO, in a statement, said so.",
            "",
            "   ",
            "dated 2020-12-08 text",
            "date 2020-1-08 text",
            f"In MOSCOW {DASH} x",
        ],
    )
    def test_not_a_dateline(self, text: str) -> None:
        assert find_dateline(text) is None


# --- properties ----------------------------------------------------------------------------------

NEWSY = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "B",
            "U",
            "S",
            "1",
            " ",
            "\t",
            "\n",
            "\r",
            ".",
            "!",
            "?",
            ",",
            '"',
            OPEN,
            CLOSE,
            LSQUO,
            RSQUO,
            "'",
            LAQUO,
            RAQUO,
            LOW_OPEN,
            "(",
            ")",
            DASH,
            "\u00a0",
        ]
    ),
    max_size=120,
)


def check_units(units: list[Unit], low: int, high: int) -> None:
    previous = low
    for unit in units:
        assert previous <= unit.start < unit.end <= high
        previous = unit.end


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), NEWSY))
def test_cutting_never_fails_and_stays_in_bounds(text: str) -> None:
    paras = paragraphs(text)
    check_units(paras, 0, len(text))
    for para in paras:
        chunk = text[para.start : para.end]
        assert chunk == chunk.strip()

    quotes = find_quotes(text, paras)
    previous = -1
    for quote in quotes:
        check_marks(text, quote)
        assert quote.open_at > previous
        assert quote.start < quote.end
        previous = quote.close_at

    for para in paras:
        sents = sentences(text, para, quotes)
        check_units(sents, para.start, para.end)
        for sent in sents:
            chunk = text[sent.start : sent.end]
            assert chunk == chunk.strip()


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_dateline_never_fails(text: str) -> None:
    dateline = find_dateline(text)
    if dateline is not None:
        assert 0 <= dateline.end <= len(text)
        if dateline.date_text is not None:
            start = dateline.date_start
            assert text[start : start + len(dateline.date_text)] == dateline.date_text
