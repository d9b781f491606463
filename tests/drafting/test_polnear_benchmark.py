"""The PolNeAR benchmark's mapping from drafts to the shared scorer's predictions.

These run without PolNeAR: they use the project's own texts, and a tiny gold
document in the converted shape, written here.
"""

import datetime as dt
import importlib.util
import unicodedata
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

import diplo_events as de

ROOT = Path(__file__).parent.parent.parent
SHOWCASE = ROOT / "tests" / "data" / "extraction" / "moscow-talks-2020-12-08.txt"
SCORER = ROOT.parent / "shared" / "tools" / "polnear" / "score.py"

#: Decomposed accents (e + U+0301) before and inside a quote, so NFC moves offsets.
DECOMPOSED = (
    "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Yerevan\u0301 on "
    "Monday. \u201cWe agreed on a great deal in Yerevan\u0301,\u201d Lopes said."
)
MIXED = (
    " Berg said the talks had been about trade and the border, and that "
    "\u201cnothing was decided\u201d yet."
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("polnear_benchmark", ROOT / "benchmarks" / "polnear.py")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not at {SCORER}")
    return _load("polnear_score", SCORER)


def _drafts(text: str, published: dt.date = dt.date(2021, 3, 3)) -> de.Collection:
    return de.extract(text, published=published)


def test_one_prediction_per_statement_citing_its_words(bench: ModuleType) -> None:
    text = SHOWCASE.read_text(encoding="utf-8")
    drafts = _drafts(text, dt.date(2020, 12, 8))
    statements = drafts.of_type(de.Statement)
    preds = bench.predictions(drafts, text)
    assert len(statements) > 5
    # The statements come first; the demands and proposals that cite their maker follow.
    said = [(s.citations[0].spans[0].start, s.citations[0].spans[-1].end) for s in statements]
    claims = [
        c
        for c in (*drafts.of_type(de.Demand), *drafts.of_type(de.Proposal))
        if any(citation.role is de.CitationRole.SPEAKER for citation in c.citations)
        and not any(
            low < c.citations[0].spans[-1].end and c.citations[0].spans[0].start < high
            for low, high in said
        )
        # Words that hold their own maker are no attribution's content.
        and c.citations[1].role is de.CitationRole.SPEAKER
        and not (
            c.citations[0].spans[0].start
            <= c.citations[1].spans[0].start
            < c.citations[0].spans[-1].end
        )
    ]
    assert claims
    assert len(preds) == len(statements) + len(claims)
    for statement, pred in zip(statements, preds, strict=False):
        content, speaker = statement.citations[0], statement.citations[1]
        assert pred["start"] == content.spans[0].start
        assert pred["end"] == content.spans[-1].end
        assert text[pred["start"] : pred["end"]] == content.quote
        assert text[pred["speaker_start"] : pred["speaker_end"]] == speaker.quote
        assert pred["confidence"] == min(content.confidence, speaker.confidence)
        if statement.mode == de.StatementMode.DIRECT_QUOTE:
            assert pred["direct"] is True
        if statement.mode == de.StatementMode.REPORTED:
            assert pred["direct"] is False


def test_a_demand_citing_its_maker_is_an_attribution(bench: ModuleType) -> None:
    text = (
        "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
        "Lindqvist urged Norway to reopen the northern fishing grounds."
    )
    drafts = _drafts(text)
    assert not drafts.of_type(de.Statement)
    (pred,) = bench.predictions(drafts, text)
    assert text[pred["start"] : pred["end"]] == "Norway to reopen the northern fishing grounds"
    assert text[pred["speaker_start"] : pred["speaker_end"]] == "Lindqvist"
    assert pred["direct"] is False
    assert pred["confidence"] == 0.6  # the lower of demand-words and claim-speaker


def test_direct_follows_the_corpus_rule_for_mixed_statements(bench: ModuleType) -> None:
    text = DECOMPOSED + MIXED
    drafts = _drafts(text)
    modes = [s.mode for s in drafts.of_type(de.Statement)]
    assert modes == [de.StatementMode.DIRECT_QUOTE, de.StatementMode.MIXED]
    direct, mixed = bench.predictions(drafts, text)
    assert direct["direct"] is True
    assert mixed["direct"] is False  # "nothing was decided": far less than half quoted
    # The same statement, mostly in quotation marks, is direct.
    quoted = DECOMPOSED + (
        " Berg said the talks had been \u201cabout trade and the border, and nothing "
        "was decided\u201d yet."
    )
    drafts = _drafts(quoted)
    assert [s.mode for s in drafts.of_type(de.Statement)][1] == de.StatementMode.MIXED
    assert bench.predictions(drafts, quoted)[1]["direct"] is True


def test_quoted_fraction_counts_straight_and_curly_quotes(bench: ModuleType) -> None:
    for text in ('ab "cd ef" g', "ab \u201ccd ef\u201d g"):
        mask = bench.quoted_mask(text)
        assert bench.quoted_fraction(text, [(0, len(text))], mask) == 4 / 7
        assert bench.quoted_fraction(text, [(3, 10)], mask) == 1.0
    # A paragraph break closes a quote left open.
    text = '"ab\ncd'
    assert bench.quoted_fraction(text, [(0, len(text))], bench.quoted_mask(text)) == 0.5


def test_quoted_mask_follows_the_corpus_rule_for_careless_marks(bench: ModuleType) -> None:
    def inside(text: str) -> str:
        mask = bench.quoted_mask(text)
        return "".join(char for char, flag in zip(text, mask, strict=True) if flag)

    # A quote left open runs to the end of its paragraph, not only to the next mark.
    assert inside('ab "cd ef\ngh') == "cd ef"
    # Curly and straight marks pair only with their own kind.
    assert inside('ab "more hours\u201d before news') == "more hours\u201d before news"
    # A closing mark before a word, with no quote open, opens one.
    assert inside("ab \u201dcd ef\u201d gh") == "cd ef"
    # A closing mark after a word with no quote open is only a mark.
    assert inside("ab\u201d cd") == ""
    # A second opening mark inside a curly quote is part of it.
    assert inside("\u201cab \u201ccd\u201d ef") == "ab \u201ccd"


def test_offsets_are_mapped_back_from_nfc(bench: ModuleType) -> None:
    drafts = _drafts(DECOMPOSED)
    source = drafts.of_type(de.Source)[0]
    assert source.text == unicodedata.normalize("NFC", DECOMPOSED) != DECOMPOSED
    (statement,) = drafts.of_type(de.Statement)
    (pred,) = bench.predictions(drafts, DECOMPOSED)
    words = DECOMPOSED[pred["start"] : pred["end"]]
    assert words == "We agreed on a great deal in Yerevan\u0301,"
    assert unicodedata.normalize("NFC", words) == statement.citations[0].quote
    assert DECOMPOSED[pred["speaker_start"] : pred["speaker_end"]] == "Lopes"
    # Two accents lie before the quote's end, so its NFC end is two characters short.
    assert pred["end"] == statement.citations[0].spans[0].end + 2


def test_roles_win_over_positions(bench: ModuleType) -> None:
    speaker = SimpleNamespace(role="speaker")
    cue = SimpleNamespace(role="cue")
    content = SimpleNamespace(role="content")
    assert bench._by_role([speaker, cue, content]) == (content, speaker)
    first, second = SimpleNamespace(), SimpleNamespace()
    assert bench._by_role([first, second]) == (first, second)
    assert bench._by_role([first]) == (first, None)


def _gold(text: str, content: str, source: str) -> dict[str, Any]:
    start, s_start = text.index(content), text.index(source)
    end, s_end = start + len(content), s_start + len(source)
    return {
        "id": "tiny",
        "published": "2021-03-03",
        "text": text,
        "attributions": [
            {
                "content": {
                    "start": start,
                    "end": end,
                    "text": content,
                    "fragments": [[start, end]],
                },
                "source": {"start": s_start, "end": s_end, "text": source},
                "cue": None,
                "direct": True,
                "quoted_fraction": 1.0,
                "source_pronoun": False,
                "source_coref_names": [],
            }
        ],
    }


def test_shared_scorer_gives_one_for_a_perfect_prediction_set(
    bench: ModuleType, scorer: ModuleType
) -> None:
    gold = _gold(DECOMPOSED, "\u201cWe agreed on a great deal in Yerevan\u0301,\u201d", "Lopes")
    preds = {"tiny": bench.predictions(_drafts(DECOMPOSED), DECOMPOSED)}
    result = scorer.score([gold], preds)
    for view in ("direct", "all"):
        for mode in ("exact", "overlap"):
            scores = result[view][mode]
            assert (scores["P"], scores["R"], scores["F1"]) == (1.0, 1.0, 1.0)
            assert scores["attr"]["with_source_coref"] == [1, 1]
    bands = bench.calibration(scorer, [gold], preds)
    assert [(b["statements"], b["right"]) for b in bands] == [(1, 1), (0, 0), (0, 0)]


def test_calibration_judges_an_absorbed_half_against_its_gold(
    bench: ModuleType, scorer: ModuleType
) -> None:
    text = "\u201cWe agreed on a great deal,\u201d Lopes said, \u201cat last.\u201d Berg left."
    first = (1, text.index(",\u201d") + 1)
    second = (text.index("at last"), text.index(" Berg") - 1)
    gold = _gold(text, text[first[0] : second[1]], "Lopes")
    gold["attributions"][0]["content"]["fragments"] = [list(first), list(second)]
    # The first half matches its fragment exactly, so the gold is its; the second
    # half, drawn a little long, only overlaps its fragment and is absorbed.
    second = (second[0], text.index(" left"))
    lopes = (text.index("Lopes"), text.index("Lopes") + 5)
    berg = (text.index("Berg"), text.index("Berg") + 4)

    def quote(span: tuple[int, int], speaker: tuple[int, int], confidence: float) -> dict[str, Any]:
        return {
            "start": span[0],
            "end": span[1],
            "speaker_start": speaker[0],
            "speaker_end": speaker[1],
            "direct": True,
            "confidence": confidence,
        }

    preds = {"tiny": [quote(first, lopes, 0.95), quote(second, lopes, 0.8)]}
    assert scorer.score([gold], preds)["all"]["overlap"]["absorbed"] == 1
    bands = bench.calibration(scorer, [gold], preds)
    assert [(b["statements"], b["right"], b["absorbed"]) for b in bands] == [
        (1, 1, 0),
        (1, 1, 1),
        (0, 0, 0),
    ]
    preds = {"tiny": [quote(first, lopes, 0.95), quote(second, berg, 0.5)]}
    bands = bench.calibration(scorer, [gold], preds)
    assert [(b["statements"], b["right"], b["absorbed"]) for b in bands] == [
        (1, 1, 0),
        (0, 0, 0),
        (1, 0, 1),
    ]


def test_calibration_needs_the_right_speaker(bench: ModuleType, scorer: ModuleType) -> None:
    gold = _gold(DECOMPOSED, "We agreed on a great deal", "Jon Berg")
    preds = {"tiny": bench.predictions(_drafts(DECOMPOSED), DECOMPOSED)}
    assert scorer.score([gold], preds)["all"]["overlap"]["tp"] == 1
    bands = bench.calibration(scorer, [gold], preds)
    assert [(b["statements"], b["right"]) for b in bands] == [(1, 0), (0, 0), (0, 0)]


def test_a_quote_marked_by_two_apostrophes_is_not_direct(bench: ModuleType) -> None:
    # The corpus's rule counts double quotation marks only, so its gold calls such quotes
    # not direct; the mapping follows it, for the rules' quote and the tagger's words alike.
    text = (
        "Foreign Minister Ana Lopes met Jon Berg in Madrid on Monday.\n\n"
        "''We agreed on a great deal,'' Lopes said. \u201cThe border stays open,\u201d she added."
    )
    drafts = _drafts(text)
    modes = [s.mode for s in drafts.of_type(de.Statement)]
    assert modes == [de.StatementMode.DIRECT_QUOTE, de.StatementMode.DIRECT_QUOTE]
    apostrophes, curly = bench.predictions(drafts, text)
    assert text[apostrophes["start"] : apostrophes["end"]] == "We agreed on a great deal,"
    assert apostrophes["direct"] is False
    assert curly["direct"] is True
    start = text.index("''We")
    assert bench._apostrophes(text, start)  # words that begin with the mark
    assert bench._apostrophes(text, start + 10)  # words inside it
    assert not bench._apostrophes(text, text.index("The border"))


def test_a_demand_mostly_quoted_is_direct_by_the_corpus_rule(bench: ModuleType) -> None:
    text = (
        "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
        "Lindqvist urged Norway to “reopen the northern fishing grounds before the summer.”"
    )
    drafts = _drafts(text)
    (pred,) = bench.predictions(drafts, text)
    assert "“reopen the northern fishing grounds" in text[pred["start"] : pred["end"]]
    assert pred["direct"] is True


def test_a_demand_on_the_words_of_a_statement_is_counted_once(bench: ModuleType) -> None:
    text = (
        "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
        "Lindqvist urged Norway to reopen the northern fishing grounds."
    )
    drafts = _drafts(text)
    (demand,) = drafts.of_type(de.Demand)
    # A reader that also read the words as a statement (the tagger alone may).
    content, speaker, *_ = demand.citations
    statement = de.Statement(
        id=de.stable_id("statement", "same words"),
        speaker=demand.actor,
        text=demand.content,
        mode=de.StatementMode.REPORTED,
        citations=(content, speaker),
        draft=True,
    )
    both = de.Collection(records=[*drafts.records, statement])
    (pred,) = bench.predictions(both, text)
    assert text[pred["start"] : pred["end"]] == demand.content
    assert pred["confidence"] == min(content.confidence, speaker.confidence)


def test_words_wrapped_whole_in_single_curly_quotes_are_direct(bench: ModuleType) -> None:
    # The corpus's rule, for quotes in headlines.
    text = "Warren To Stumpf: \u2018You Should Be Investigated.\u2019 And more."
    start = text.index("\u2018")
    end = text.index("\u2019") + 1
    assert bench._in_single_quotes(text, start, end)
    assert bench._in_single_quotes(text, start, end + 1)  # a stop after the mark
    assert not bench._in_single_quotes(text, start + 1, end)
    assert not bench._in_single_quotes(text, 0, end)


def test_a_demand_whose_words_hold_its_maker_is_not_counted(bench: ModuleType) -> None:
    text = (
        "Marta Lindqvist met Ola Haugen in Oslo on Monday. "
        "They discussed the prisoner exchange which Lindqvist demanded take place soon."
    )
    drafts = _drafts(text)
    (demand,) = drafts.of_type(de.Demand)
    assert any(c.role is de.CitationRole.SPEAKER for c in demand.citations)
    assert "Lindqvist" in demand.content
    preds = bench.predictions(drafts, text)
    assert [p for p in preds if "exchange" in text[p["start"] : p["end"]]] == []
