"""The learned attribution tagger, trained in the test on the project's own gold texts.

No PolNeAR here: the gold texts under ``tests/data/extraction*/`` are turned
into a tiny corpus in the PolNeAR converter's shape (``tests/tagger_corpus.py``),
a model is trained on it for a few iterations (once per session, the
fixtures of ``tests/conftest.py``), and the tagger and hybrid readers must
then draft records that validate.
"""

import datetime as dt
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import diplo_events as de
from diplo_events.drafting import tagger
from diplo_events.drafting.reading._document import read_document
from diplo_events.drafting.rules._actors import read_actors
from diplo_events.drafting.rules._claims import draft_claims
from diplo_events.drafting.rules._meetings import draft_meetings
from diplo_events.drafting.rules._statements import draft_statements
from diplo_events.drafting.rules._tagged import TAGGER_SPEAKER_UNSURE, draft_tagged
from diplo_events.drafting.tagger._features import (
    CueLexicon,
    features,
    paragraph_tokens,
    spans_of,
    tags_for,
)
from diplo_events.drafting.tagger._model import POSTERIOR, _posterior_contents, read_corpus
from diplo_events.drafting.tagger._spans import TaggedAttribution, link
from tagger_corpus import GOLD, gold_texts

pytest.importorskip("pycrfsuite", reason="the tagger extra is part of the test extra")

ROOT = Path(__file__).parent.parent.parent
SRC = ROOT / "src"
SCORER = ROOT.parent / "shared" / "tools" / "polnear" / "score.py"


@pytest.fixture
def corpus(tagger_corpus: Path) -> Path:
    return tagger_corpus


@pytest.fixture
def model(tagger_model: tagger.TrainingReport) -> tagger.TrainingReport:
    return tagger_model


def _texts() -> list[tuple[str, dt.date]]:
    return gold_texts()


def test_the_corpus_holds_attributions(corpus: Path) -> None:
    articles = list(read_corpus(corpus))
    assert len(articles) == len(GOLD)
    assert sum(found for _, _, found in articles) > 150


def test_training_writes_a_model(model: tagger.TrainingReport) -> None:
    assert model.articles == len(GOLD)
    assert model.tokens > 10_000
    assert (model.path / "model.crfsuite").is_file()
    meta = json.loads((model.path / "model.json").read_text(encoding="utf-8"))
    assert "said" in meta["strong_cues"]
    assert model.size == sum(p.stat().st_size for p in model.path.iterdir())


def test_the_model_tags_its_training_texts(model: tagger.TrainingReport) -> None:
    loaded = tagger.load(model.path)
    assert tagger.load(model.path) is loaded  # loaded once
    text, _ = _texts()[0]
    found = loaded.attributions(text)
    assert found
    for attribution in found:
        start, end = attribution.content
        assert 0 <= start < end <= len(text)
        if attribution.source is not None:
            assert 0 <= attribution.source[0] < attribution.source[1] <= len(text)
        assert 0.0 <= attribution.content_score <= 1.0
    assert any(a.source is not None for a in found)


@pytest.mark.parametrize("reader", ["tagger", "hybrid"])
def test_the_tagger_readers_draft_valid_records(model: tagger.TrainingReport, reader: str) -> None:
    drafted = 0
    for text, published in _texts():
        drafts = de.extract(text, published=published, reader=reader, model=model.path)
        assert [i for i in de.validate(drafts) if i.severity == de.Severity.ERROR] == []
        drafted += len(drafts.of_type(de.Statement))
        if reader == "hybrid":
            rules = de.extract(text, published=published, reader="rules")
            kept = {s.id for s in drafts.of_type(de.Statement)}
            assert {s.id for s in rules.of_type(de.Statement)} <= kept
            # Everything but the statements is the rules' own, record for record.
            for kind in (de.Meeting, de.Demand, de.Proposal, de.Reference):
                assert drafts.of_type(kind) == rules.of_type(kind), kind
    assert drafted > 0


def test_tagger_statements_say_their_reader(model: tagger.TrainingReport) -> None:
    from diplo_events.drafting.rules._cues import _confidences  # noqa: PLC0415
    from diplo_events.drafting.rules._tagged import HYBRID_RULES, TAGGER_RULES  # noqa: PLC0415

    changed = 0
    for text, published in _texts():
        rules = {
            s.id: s
            for s in de.extract(text, published=published, reader="rules").of_type(de.Statement)
        }
        assert not {c.rule for s in rules.values() for c in s.citations} & (
            TAGGER_RULES | HYBRID_RULES
        )
        drafts = de.extract(text, published=published, reader="hybrid", model=model.path)
        for statement in drafts.of_type(de.Statement):
            for citation in statement.citations:
                assert citation.rule is not None
                assert citation.confidence == _confidences()[citation.rule]
            content = statement.citations[0].rule
            if statement.id not in rules:
                assert content in TAGGER_RULES  # drafted by the tagger
            elif content in HYBRID_RULES:
                changed += 1  # the rules' statement, cut or widened with the tagger
                assert statement.citations[0] != rules[statement.id].citations[0]
            else:
                assert statement == rules[statement.id]
    assert changed > 0  # the gold texts exercise both changes of the hybrid


def test_the_command_line_trains(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli-model"
    run = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-m", "diplo_events.drafting.tagger", "train", str(corpus),
         "--out", str(out), "--iterations", "3"],
        capture_output=True, text=True, check=False, env={"PYTHONPATH": str(SRC)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "trained on" in run.stdout
    assert (out / "model.crfsuite").is_file()


def test_the_command_line_reports_a_bad_corpus(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "attributions": [{"content": {"start": 0, "end": 9}}]}\n')
    run = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-m", "diplo_events.drafting.tagger", "train", str(bad),
         "--out", str(tmp_path / "m")],
        capture_output=True, text=True, check=False, env={"PYTHONPATH": str(SRC)},
    )  # fmt: skip
    assert run.returncode == 1
    assert "line 1: $.attributions[0].content" in run.stderr
    assert "corpus.malformed" in run.stderr


@pytest.mark.parametrize(
    ("line", "path"),
    [
        ("[1]", "$.text"),
        ("{not json", "$"),
        ('{"text": "abc", "attributions": {}}', "$.attributions"),
        ('{"text": "abc", "attributions": [{"cue": {"fragments": [[2, 1]]}}]}',
         "$.attributions[0].cue.fragments[0]"),
    ],
)  # fmt: skip
def test_a_malformed_corpus_is_refused_with_its_path(tmp_path: Path, line: str, path: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n" + line + "\n")
    with pytest.raises(de.ParseError) as caught:
        list(read_corpus(bad))
    (issue,) = caught.value.issues
    assert (issue.path, issue.line, issue.code) == (path, 2, "corpus.malformed")


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("model.crfsuite", b"no model", "cannot be read"),
        ("model.json", b"{not json", "model.json that is not JSON"),
        ("model.json", b"[2]", "model.json that is not a JSON object"),
        ("model.json", b'{"features_version": 2}', "model.json without its lists of cue words"),
    ],
)
def test_a_broken_model_is_refused_with_what_to_do(
    model: tagger.TrainingReport, tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(model.path, broken)
    (broken / name).write_bytes(content)
    hint = "train it again with `diplo-events tagger train <corpus.jsonl>` or `python -m"
    with pytest.raises(ValueError, match=re.escape(hint)) as caught:
        tagger.load(broken)
    assert f"the tagger model at {broken.resolve()} " in str(caught.value)
    assert why in str(caught.value)


def test_a_corpus_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"text": "a", "attributions": []}\n{"text": "M\xfcller"}\n')
    with pytest.raises(de.ParseError) as caught:
        list(read_corpus(bad))
    (issue,) = caught.value.issues
    assert (issue.line, issue.path, issue.code) == (2, "$", "corpus.malformed")
    assert issue.message.startswith("not UTF-8 text")


def test_a_missing_model_says_how_to_train_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        de.extract("Lopes said the talks went well.", published=dt.date(2021, 1, 1),
                   reader="hybrid", model=tmp_path / "nothing")  # fmt: skip
    message = str(caught.value)
    assert "python -m diplo_events.drafting.tagger train" in message
    assert "diplo_events[tagger]" in message


def test_a_missing_extra_names_it(
    model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.raises(ImportError, match=r"pip install 'diplo_events\[tagger\]'"):
        de.extract("Lopes said the talks went well.", published=dt.date(2021, 1, 1),
                   reader="tagger", model=model.path)  # fmt: skip
    with pytest.raises(ImportError, match=r"diplo_events\[tagger\]"):
        tagger.train(Path("unused.jsonl"))


def test_an_unknown_reader_is_refused() -> None:
    with pytest.raises(de.FieldError) as caught:
        de.extract("Lopes said so.", published=dt.date(2021, 1, 1), reader="crf")
    assert caught.value.code == "value.not_allowed"


def test_the_default_model_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(tagger.MODEL_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert tagger.default_model_path() == tmp_path / "diplo_events" / "tagger"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert tagger.default_model_path() == Path("~/.cache/diplo_events/tagger").expanduser()
    monkeypatch.setenv(tagger.MODEL_ENV, str(tmp_path / "mine"))
    assert tagger.default_model_path() == tmp_path / "mine"


def test_tags_and_spans_round_trip() -> None:
    text = "“We will talk,” Lopes said.\n\nBerg said the talks would go on."
    paragraphs = paragraph_tokens(text)
    assert len(paragraphs) == 2
    tokens = paragraphs[0]
    tags = tags_for(tokens, [("C", 1, 13), ("S", 16, 21), ("Q", 22, 26)])
    assert tags == ["O", "B-C", "I-C", "I-C", "O", "O", "B-S", "B-Q", "O"]
    spans = [(kind, text[start:end]) for kind, start, end, _, _ in spans_of(tokens, tags)]
    assert spans == [("C", "We will talk"), ("S", "Lopes"), ("Q", "said")]


def test_features_name_the_nearest_cue_and_a_comma_before_it() -> None:
    text = "Berg told reporters that the talks, he hoped, would go on. Talks went on."
    (tokens,) = paragraph_tokens(text)
    found = features(tokens, CueLexicon(frozenset({"told"}), frozenset()))
    words = [t.text for t in tokens]
    assert "lcw=told" in found[words.index("talks")]
    assert "lcomma" not in found[words.index("talks")]
    assert "lcomma" in found[words.index("hoped")]
    assert "rcw=told" in found[words.index("Berg")]
    assert not any(f.startswith(("lcw=", "rcw=")) for f in found[words.index("Talks")])


class _Marginals:
    """A stand-in for a CRF tagger: the marginal probability of a content tag by token."""

    def __init__(self, content: dict[int, float]) -> None:
        self.content = content

    def marginal(self, label: str, index: int) -> float:
        # Split between B-C and I-C, as a model would: their sum is what counts.
        return self.content.get(index, 0.0) / 2 if label in {"B-C", "I-C"} else 0.0


class TestPosteriorContents:
    """Words said that the best tag sequence leaves out but the marginals hold."""

    TEXT = "Critics argued the plan would hurt farmers badly. Ports stayed open."
    STRONG = frozenset({"argued"})

    def _found(
        self,
        odds: dict[int, float],
        tags: list[str] | None = None,
        strong: frozenset[str] = STRONG,
    ) -> list[str]:
        (tokens,) = paragraph_tokens(self.TEXT)
        tags = tags or ["O"] * len(tokens)
        spans = _posterior_contents(_Marginals(odds), tokens, tags, strong)
        assert all(span[0] == "P" for span in spans)
        return [self.TEXT[span[1] : span[2]] for span in spans]

    def _index(self, word: str) -> int:
        (tokens,) = paragraph_tokens(self.TEXT)
        return [t.text for t in tokens].index(word)

    def test_a_run_of_likely_words_is_read(self) -> None:
        run = {self._index(w): 0.7 for w in ("the", "plan", "would", "hurt", "farmers")}
        assert self._found(run) == ["the plan would hurt farmers"]

    def test_a_run_is_cut_where_the_odds_fall(self) -> None:
        run = {self._index(w): 0.7 for w in ("the", "plan", "would", "farmers")}
        run[self._index("hurt")] = POSTERIOR - 0.01
        assert self._found(run) == ["the plan would"]

    def test_a_short_run_is_not_read(self) -> None:
        assert self._found({self._index("plan"): 0.9, self._index("would"): 0.9}) == []

    def test_not_in_a_sentence_with_no_strong_cue(self) -> None:
        (tokens,) = paragraph_tokens(self.TEXT)
        words = [t.text for t in tokens]
        run = {words.index(w): 0.9 for w in ("Ports", "stayed", "open")}
        assert self._found(run) == []
        assert self._found(run, strong=frozenset({"stayed"})) == ["Ports stayed open"]

    def test_not_where_the_best_sequence_reads_words_said(self) -> None:
        (tokens,) = paragraph_tokens(self.TEXT)
        run = {self._index(w): 0.7 for w in ("the", "plan", "would", "hurt", "farmers")}
        tags = ["O"] * len(tokens)
        tags[self._index("badly")] = "B-C"
        assert self._found(run, tags) == []

    def test_link_marks_them(self) -> None:
        spans = [("P", 0, 10, 0, 2, 0.6), ("C", 20, 30, 5, 7, 0.95)]
        found = link(spans, None, quoted=[False, False])
        assert [f.posterior for f in found] == [True, False]


class TestLink:
    """How a paragraph's spans become attributions."""

    def test_content_cue_and_source_are_joined(self) -> None:
        spans = [("C", 1, 13, 1, 3, 0.95), ("S", 16, 21, 6, 6, 0.9), ("Q", 22, 26, 7, 7, 0.99)]
        (found,) = link(spans, None, quoted=[True, False, False])
        assert found.content == (1, 13)
        assert found.source == (16, 21)
        assert found.cue == (22, 26)
        assert not found.continued

    def test_a_quote_with_no_source_continues_the_one_before(self) -> None:
        before = TaggedAttribution((0, 5), (7, 9), (10, 14), 0.9, 0.8)
        (found,) = link([("C", 30, 50, 10, 14, 0.7)], before, quoted=[True])
        assert found.source == (7, 9)
        assert found.continued
        assert found.source_score == 0.7

    def test_other_words_with_no_source_are_kept_without_one(self) -> None:
        before = TaggedAttribution((0, 5), (7, 9), (10, 14), 0.9, 0.8)
        (found,) = link([("C", 30, 50, 10, 14, 0.7)], before, quoted=[False])
        assert found.source is None
        assert not found.continued

    def test_a_far_source_is_not_taken(self) -> None:
        spans = [("C", 0, 10, 0, 2, 0.9), ("S", 200, 205, 40, 40, 0.9)]
        (found,) = link(spans, None, quoted=[False, False])
        assert found.source is None
        assert found.cue is None


def test_the_benchmark_compares_the_readers(
    corpus: Path, model: tagger.TrainingReport, capsys: pytest.CaptureFixture[str]
) -> None:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location(
        "polnear_bench", ROOT / "benchmarks" / "polnear.py"
    )
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    argv = ["--split", str(corpus), "--reader", "all", "--model", str(model.path)]
    assert bench.main([*argv, "--repeat", "1", "--limit", "4"]) == 0
    out = capsys.readouterr().out
    for reader in ("rules", "tagger", "hybrid"):
        assert f"extract(reader={reader!r})" in out
    assert out.count("tagger: model") == 2
    assert "tagging alone" in out


class TestUnresolvedSpeakers:
    """Tagged words whose source names no one the rules can read back."""

    TEXT = (
        "The Spanish foreign ministry met on Monday. It argued that the tariffs would hurt"
        " farmers. “We will not yield.”"
    )

    def _drafted(self, *found: TaggedAttribution) -> list[de.Statement]:
        doc = read_document(self.TEXT, published=dt.date(2021, 3, 3))
        cast = read_actors(doc)
        drafted = draft_tagged(doc, cast, draft_meetings(doc, cast), found)
        return list(drafted.records)

    def _at(self, words: str) -> tuple[int, int]:
        start = self.TEXT.index(words)
        return start, start + len(words)

    def test_reported_words_go_unsurely_to_the_actor_named_last(self) -> None:
        it = self._at("It argued")[0]
        found = TaggedAttribution(
            self._at("the tariffs would hurt farmers"), (it, it + 2), self._at("argued"), 0.95, 0.95
        )
        (statement,) = self._drafted(found)
        assert statement.text == "the tariffs would hurt farmers"
        speaker = statement.citations[1]
        assert speaker.role is de.CitationRole.SPEAKER
        assert speaker.confidence == TAGGER_SPEAKER_UNSURE
        assert self.TEXT[speaker.spans[0].start : speaker.spans[0].end] == (
            "The Spanish foreign ministry"
        )

    def test_a_quote_with_no_one_to_give_it_to_is_left_out(self) -> None:
        found = TaggedAttribution(self._at("We will not yield."), None, None, 0.95, 0.0)
        assert self._drafted(found) == []


def test_words_of_marks_alone_are_left_out() -> None:
    # The tagger may tag marks alone as content (''?!''): they say nothing.
    text = "Ana Lopes spoke in Madrid on Monday. Lopes said: ''?!'' and left."
    doc = read_document(text, published=dt.date(2021, 3, 3))
    cast = read_actors(doc)
    marks, lopes = text.index("''?!''"), text.index("Lopes said")
    found = TaggedAttribution((marks, marks + 6), (lopes, lopes + 5), None, 0.95, 0.95)
    assert draft_tagged(doc, cast, draft_meetings(doc, cast), [found]).records == ()


class TestHybridKeepsTheRules:
    """The hybrid adds to the rules' reading and never takes from it."""

    TEXT = (
        "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Madrid on Monday."
        " Lopes urged Spain to reopen the border crossing at Irun before the summer."
        " Asked about the so-called “hybrid incidents” near the cables, Berg said:"
        " “We will not speculate about who is responsible.”"
    )

    def _at(self, words: str) -> tuple[int, int]:
        start = self.TEXT.index(words)
        return start, start + len(words)

    def _hybrid(self, *found: TaggedAttribution) -> tuple[de.Collection, de.Collection]:
        return self._drafted(self.TEXT, *found)

    @staticmethod
    def _drafted(text: str, *found: TaggedAttribution) -> tuple[de.Collection, de.Collection]:
        """The rules' statements, demands and proposals of *text*, and the hybrid's."""
        doc = read_document(text, published=dt.date(2021, 3, 3))
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        ruled = draft_statements(doc, cast, meetings)
        claims = draft_claims(doc, ruled.cast, meetings, ruled)
        hybrid = draft_tagged(doc, cast, meetings, found, ruled=ruled, claims=claims)
        return de.Collection(records=[*ruled.records, *claims]), de.Collection(
            records=list(hybrid.records)
        )

    def test_words_of_a_demand_stay_a_demand(self) -> None:
        rules, _ = self._hybrid()
        (demand,) = rules.of_type(de.Demand)
        assert "reopen the border crossing" in (demand.citations[0].quote or "")
        lopes = self._at("Lopes urged")[0]
        found = TaggedAttribution(
            self._at("Spain to reopen the border crossing at Irun before the summer"),
            (lopes, lopes + len("Lopes")),
            self._at("urged"),
            0.97,
            0.97,
        )
        _, hybrid = self._hybrid(found)
        assert [s for s in hybrid.of_type(de.Statement) if "reopen" in s.text] == []

    def test_only_the_words_of_a_demand_are_taken_not_its_whole_clause(self) -> None:
        rules, _ = self._hybrid()
        (demand,) = rules.of_type(de.Demand)
        content, *_, context = demand.citations
        assert context.quote == f"Lopes urged {content.quote}"
        # Words of the clause outside what is demanded stay free for the tagger (an
        # artificial span here: the point is where the line is drawn).
        found = TaggedAttribution(self._at("Lopes urged"), None, None, 0.97, 0.0)
        _, hybrid = self._hybrid(found)
        assert [s.text for s in hybrid.of_type(de.Statement) if "urged" in s.text] == [
            "Lopes urged"
        ]

    def test_a_widened_quote_never_takes_in_its_speaker_or_cue(self) -> None:
        rules, _ = self._hybrid()
        (quote,) = rules.of_type(de.Statement)
        assert quote.text == "We will not speculate about who is responsible."
        start = self.TEXT.index("the so-called")
        found = TaggedAttribution((start, len(self.TEXT)), None, None, 0.99, 0.0)
        _, hybrid = self._hybrid(found)
        assert list(hybrid.of_type(de.Statement)) == [quote]

    def test_reported_words_are_cut_where_the_tagger_cuts_them_within_their_sentence(
        self,
    ) -> None:
        text = (
            "Ana Lopes met Jon Berg on Monday. Berg said the tariffs would stay for now and"
            " that talks would go on. Exports fell, he said."
        )
        doc = read_document(text, published=dt.date(2021, 3, 3))
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        ruled = draft_statements(doc, cast, meetings)
        (statement, *_) = ruled.records
        assert isinstance(statement, de.Statement)
        assert statement.text.startswith("the tariffs would stay for now")
        said = text.index("said")
        berg = text.index("Berg said")

        def refined(words: str) -> str:
            start = text.index(words)
            found = TaggedAttribution(
                (start, start + len(words)), (berg, berg + 4), (said, said + 4), 0.95, 0.95
            )
            hybrid = draft_tagged(doc, cast, meetings, [found], ruled=ruled)
            return next(r for r in hybrid.records if r.id == statement.id).text

        assert refined("the tariffs would stay for now") == "the tariffs would stay for now"
        # Words the tagger runs on into the next sentence leave the rules' clause as it was.
        assert refined(
            "the tariffs would stay for now and that talks would go on. Exports fell"
        ) == (statement.text)

    def test_a_widened_quote_may_take_in_the_words_that_lead_to_it(self) -> None:
        text = "Berg recalled thinking, “We will not speculate about who is responsible.”"
        doc = read_document(text, published=dt.date(2021, 3, 3))
        cast = read_actors(doc)
        meetings = draft_meetings(doc, cast)
        ruled = draft_statements(doc, cast, meetings)
        (quote,) = ruled.records
        start = text.index("thinking")
        found = TaggedAttribution((start, len(text)), None, None, 0.99, 0.0)
        (widened,) = draft_tagged(doc, cast, meetings, [found], ruled=ruled).records
        assert widened.mode is de.StatementMode.MIXED
        assert widened.text.startswith("thinking")
        assert widened.citations[0].rule == "hybrid-widened"
        assert widened.id == quote.id

    @staticmethod
    def _found(text: str, content: str, source: str | None, cue: str | None) -> TaggedAttribution:
        def at(words: str | None) -> tuple[int, int] | None:
            if words is None:
                return None
            start = text.index(words)
            return start, start + len(words)

        span = at(content)
        assert span is not None
        return TaggedAttribution(span, at(source), at(cue), 0.95, 0.95 if source else 0.0)

    def _hybrid_of(self, text: str, *found: TaggedAttribution) -> list[de.Statement]:
        _, hybrid = self._drafted(text, *found)
        return list(hybrid.of_type(de.Statement))

    def test_words_a_cut_frees_are_the_taggers_to_read(self) -> None:
        text = (
            "Ana Lopes met Jon Berg on Monday. Berg said the tariffs would stay for now,"
            " and rights groups warned that the border would close."
        )
        cut = self._found(text, "the tariffs would stay for now", "Berg", "said")
        warned = self._found(text, "that the border would close", "rights groups", "warned")
        # Alone, the rules read one clause to the end of the sentence.
        (ruled,) = self._hybrid_of(text)
        assert ruled.text.endswith("warned that the border would close")
        statements = self._hybrid_of(text, cut, warned)
        assert [s.text for s in statements] == [
            "the tariffs would stay for now",
            "that the border would close",
        ]
        speaker = statements[1].citations[1]
        assert text[speaker.spans[0].start : speaker.spans[0].end] == "rights groups"
        # With no source tagged, the freed words would go back to the person named last,
        # whose words were cut: they stay out.
        sourceless = self._found(text, "that the border would close", None, "warned")
        assert [s.text for s in self._hybrid_of(text, cut, sourceless)] == [
            "the tariffs would stay for now"
        ]

    def test_a_demand_read_from_a_modal_alone_leaves_its_words_to_the_tagger(self) -> None:
        text = (
            "Former Gov. Ana Lopes, who chaired the party during the 2000 election, agreed"
            " that the party's vacancy rules should be modernized, but she said that the"
            " debate should wait."
        )
        rules, _ = self._drafted(text)
        modal = [
            c
            for c in (*rules.of_type(de.Demand), *rules.of_type(de.Proposal))
            if "modernized" in (c.citations[0].quote or "")
            and all(citation.role is not de.CitationRole.SPEAKER for citation in c.citations)
        ]
        assert modal, 'the rules read the words as a demand from its "should", naming no maker'
        found = self._found(
            text, "that the party's vacancy rules should be modernized", "Ana Lopes", "agreed"
        )
        statements = self._hybrid_of(text, found)
        (agreed,) = [s for s in statements if "modernized" in s.text]
        assert agreed.text == "that the party's vacancy rules should be modernized"
        assert agreed.citations[0].rule == "tagger-words"

    def test_a_quote_after_that_is_not_widened_past_the_that(self) -> None:
        text = (
            "Ana Lopes met Jon Berg in Madrid on Monday. Berg said in a post on his website"
            " that “the border will stay open.”"
        )
        (quote,) = self._hybrid_of(text)
        assert quote.mode is de.StatementMode.DIRECT_QUOTE
        # The tagger reads the words from "in a post": the quote's "that" still opens them.
        found = self._found(
            text, "in a post on his website that “the border will stay open.”", None, None
        )
        (kept,) = self._hybrid_of(text, found)
        assert kept == quote
        # After "that," the comma sets the quote apart, and the corpus's words begin at "that".
        comma = text.replace("website that “", "website that, “")
        found = self._found(comma, "that, “the border will stay open.”", None, None)
        (widened,) = self._hybrid_of(comma, found)
        assert widened.mode is de.StatementMode.MIXED
        assert widened.text.startswith("that, “the border")

    def test_a_speech_verb_leading_the_taggers_words_is_left_out_of_them(self) -> None:
        text = (
            "Ana Lopes met Jon Berg on Monday. “We are close,” Berg said, going on to say"
            " that the border would stay open until the spring."
        )
        found = self._found(
            text, "going on to say that the border would stay open until the spring", "Berg", None
        )
        texts = [s.text for s in self._hybrid_of(text, found)]
        assert "that the border would stay open until the spring" in texts
        assert not any(t.startswith("going on") for t in texts)

    def test_a_quote_after_says_of_someone_is_not_widened_to_them(self) -> None:
        text = "Ana Lopes met Jon Berg on Monday. Berg says of Lopes, “She will keep her word.”"
        (quote,) = self._hybrid_of(text)
        assert quote.mode is de.StatementMode.DIRECT_QUOTE
        found = self._found(text, "Lopes, “She will keep her word.”", None, None)
        assert self._hybrid_of(text, found) == [quote]

    POSTERIOR_TEXT = (
        "Ana Lopes met Jon Berg in Madrid on Monday. Farmers in the valley remain wary of"
        " the plan for the harbour. Berg said the border would stay open, and the harbour"
        " would close for the winter."
    )

    def test_words_of_the_marginals_alone_are_drafted_where_nothing_else_is(self) -> None:
        text = self.POSTERIOR_TEXT
        found = self._found(text, "wary of the plan for the harbour", None, None)
        (statement,) = [
            s for s in self._hybrid_of(text, found._replace(posterior=True)) if "wary" in s.text
        ]
        assert statement.citations[0].rule == "tagger-words-posterior"
        assert statement.citations[1].rule == "tagger-speaker-unsure"

    def test_words_of_the_marginals_alone_are_not_drafted_in_a_sentence_already_read(
        self,
    ) -> None:
        text = self.POSTERIOR_TEXT
        # Words the rules' statement of this sentence does not hold, but in its sentence.
        found = self._found(text, "Berg said", None, None)._replace(posterior=True)
        assert not [s for s in self._hybrid_of(text, found) if s.text.startswith("Berg")]
        # As the best sequence's words, the same span is drafted.
        assert [
            s
            for s in self._hybrid_of(text, found._replace(posterior=False))
            if s.text.startswith("Berg")
        ]

    def test_words_of_the_marginals_alone_are_not_drafted_when_they_hold_a_quote(self) -> None:
        text = self.POSTERIOR_TEXT.replace("wary of the plan", "wary of “the plan”")
        found = self._found(text, "wary of “the plan” for the harbour", None, None)
        assert not [
            s for s in self._hybrid_of(text, found._replace(posterior=True)) if "wary" in s.text
        ]
        assert [s for s in self._hybrid_of(text, found) if "wary" in s.text]

    def test_unsure_words_with_no_source_are_left_out(self) -> None:
        text = self.POSTERIOR_TEXT
        found = self._found(text, "wary of the plan for the harbour", None, None)
        unsure = found._replace(content_score=0.45)
        assert not [s for s in self._hybrid_of(text, unsure) if "wary" in s.text]
        surer = found._replace(content_score=0.55)
        assert [s for s in self._hybrid_of(text, surer) if "wary" in s.text]
