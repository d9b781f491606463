"""``diplo-events tagger train`` and ``extract --reader/--model``, on the tiny gold corpus."""

import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import TEXTS, invoke

import diplo_events as de
from diplo_events.cli import EXIT_DATA, EXIT_MISSING_EXTRA, EXIT_OK, EXIT_USAGE
from diplo_events.drafting import _readers, tagger
from diplo_events.drafting.tagger import __main__ as tagger_main
from diplo_events.drafting.tagger._model import read_corpus

pytest.importorskip("pycrfsuite", reason="the tagger extra is part of the test extra")

#: The folder diplo_events is imported from, so that subprocesses import the same code.
SRC = Path(de.__file__).resolve().parent.parent
RIGA = TEXTS / "riga-summit-2021-03-14.txt"
MOSCOW = TEXTS / "moscow-talks-2020-12-08.txt"


def _run(*args: str | Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m diplo_events ARGS`` (or ``python -c CODE``), as a user runs it."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    program = ["-m", "diplo_events"] if code is None else ["-c", code]
    return subprocess.run(  # noqa: S603 - this interpreter running this package
        [sys.executable, *program, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No tagger warning given yet in this process."""
    monkeypatch.setattr(_readers, "_warned", set())
    monkeypatch.setattr(_readers, "_refused", {})


def _drafted(path: Path) -> de.Collection:
    return de.Collection(records=list(de.iter_jsonl(path)))


def _expected(reader: str, model: Path | None = None) -> de.Collection:
    """What ``extract`` drafts of the Moscow article (it dates itself) with this reader."""
    text = MOSCOW.read_text(encoding="utf-8")
    return de.extract(text, reader=reader, model=model)  # type: ignore[arg-type]


class TestTrain:
    def test_trains_through_the_entry_point(self, tagger_corpus: Path, tmp_path: Path) -> None:
        out = tmp_path / "model"
        result = _run("tagger", "train", tagger_corpus, "--out", out, "--iterations", "3")
        assert result.returncode == EXIT_OK, result.stderr
        assert f"training the attribution tagger on {tagger_corpus}" in result.stderr
        articles = list(read_corpus(tagger_corpus))
        found = {}  # the table's rows: │ what │ value │
        for line in result.stdout.splitlines():
            cells = [cell.strip() for cell in line.split("│")[1:-1]]
            if len(cells) == 2:
                found[cells[0]] = cells[1]
        assert found["articles"] == str(len(articles))
        assert found["attributions"] == f"{sum(n for _, _, n in articles):,}"
        assert int(found["tokens"].replace(",", "")) > 10_000
        assert float(found["seconds"]) >= 0
        size = sum(p.stat().st_size for p in out.iterdir())
        assert found["size"] == f"{size / 1e6:.2f} MB"
        assert found["model"] == str(out)
        assert tagger.load(out).path == out.resolve()

    def test_writes_to_the_default_folder_without_out(
        self, tagger_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(tagger.MODEL_ENV, str(tmp_path / "cache"))
        trained = invoke("tagger", "train", tagger_corpus, "--iterations", "2")
        assert trained.exit_code == EXIT_OK, trained.stderr
        assert (tmp_path / "cache" / "model.crfsuite").is_file()
        out = tmp_path / "drafts.jsonl"
        extracted = invoke("extract", MOSCOW, "--out", out)  # auto: the model is there now
        assert extracted.exit_code == EXIT_OK, extracted.stderr
        assert f"reader: hybrid, with the tagger model at {tmp_path / 'cache'}" in extracted.stderr
        assert _drafted(out) == _expected("hybrid", tmp_path / "cache")

    def test_a_malformed_corpus_is_reported_with_its_line_and_path(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.jsonl"
        good = '{"text": "Lopes said so.", "attributions": []}'
        bad.write_text(
            good + '\n{"text": "x", "attributions": [{"content": {"start": 0, "end": 9}}]}\n'
        )
        result = _run("tagger", "train", bad, "--out", tmp_path / "model")
        assert result.returncode == EXIT_DATA
        assert f"error: {bad}: line 2: $.attributions[0].content: " in result.stderr
        assert "[corpus.malformed]" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "model").exists()

    def test_a_corpus_that_is_not_utf8_is_reported(self, tmp_path: Path) -> None:
        bad = tmp_path / "latin1.jsonl"
        bad.write_bytes('{"text": "Müller said so.", "attributions": []}\n'.encode("latin-1"))
        result = invoke("tagger", "train", bad, "--out", tmp_path / "model")
        assert result.exit_code == EXIT_DATA
        assert f"error: {bad}: line 1: $: not UTF-8 text" in result.stderr

    def test_a_missing_extra_is_named(self, tagger_corpus: Path, tmp_path: Path) -> None:
        code = (
            "import sys; sys.modules['pycrfsuite'] = None\n"
            "from diplo_events.cli import main\n"
            "raise SystemExit(main(sys.argv[1:]))\n"
        )
        args = ("tagger", "train", tagger_corpus, "--out", tmp_path / "model")
        result = _run(*args, code=code)
        assert result.returncode == EXIT_MISSING_EXTRA
        assert "error: the attribution tagger needs python-crfsuite" in result.stderr
        assert "pip install 'diplo_events[tagger]'" in result.stderr
        assert "Traceback" not in result.stderr

    def test_the_defaults_are_those_of_train_and_of_python_m(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text("")
        calls: list[dict[str, object]] = []

        def fake(*_args: object, **kwargs: object) -> tagger.TrainingReport:
            calls.append(kwargs)
            return tagger.TrainingReport(tmp_path, 0, 0, 0, 0.0, 0)

        keyword = {
            name: parameter.default
            for name, parameter in inspect.signature(tagger.train).parameters.items()
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY
        }
        assert keyword == {"c1": 2.0, "c2": 0.05, "iterations": 150}
        monkeypatch.setattr(tagger, "train", fake)
        monkeypatch.setattr(tagger_main, "train", fake)
        assert invoke("tagger", "train", corpus).exit_code == EXIT_OK
        assert tagger_main.main(["train", str(corpus)]) == 0
        assert calls == [keyword, keyword]


class TestExtractReaders:
    def test_reader_and_model_are_passed_to_extract_many(
        self, tagger_model: tagger.TrainingReport, tmp_path: Path
    ) -> None:
        out = tmp_path / "hybrid.jsonl"
        args = ("extract", MOSCOW, "--out", out, "--model", tagger_model.path)
        result = invoke(*args, "--workers", "2")
        assert result.exit_code == EXIT_OK, result.stderr
        assert _drafted(out) == _expected("hybrid", tagger_model.path)
        assert _drafted(out) != _expected("rules")
        tagged = tmp_path / "tagger.jsonl"
        result = invoke("extract", MOSCOW, "--out", tagged, "--reader", "tagger", "--model",
                        tagger_model.path)  # fmt: skip
        assert result.exit_code == EXIT_OK, result.stderr
        assert _drafted(tagged) == _expected("tagger", tagger_model.path)

    def test_rules_are_never_moved_by_a_model(
        self, tagger_model: tagger.TrainingReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(tagger.MODEL_ENV, str(tagger_model.path))
        out = tmp_path / "rules.jsonl"
        result = invoke("extract", MOSCOW, "--out", out, "--reader", "rules")
        assert result.exit_code == EXIT_OK, result.stderr
        assert "reader:" not in result.stderr
        assert _drafted(out) == _expected("rules")

    def test_an_unusable_model_at_the_default_place_warns_and_reads_with_the_rules(
        self, tagger_model: tagger.TrainingReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        old = tmp_path / "old"
        shutil.copytree(tagger_model.path, old)
        meta = json.loads((old / "model.json").read_text(encoding="utf-8"))
        (old / "model.json").write_text(json.dumps({**meta, "features_version": 1}))
        monkeypatch.setenv(tagger.MODEL_ENV, str(old))
        out = tmp_path / "drafts.jsonl"
        result = invoke("extract", MOSCOW, RIGA, "--dates-from-names", "--out", out)
        assert result.exit_code == EXIT_OK, result.stderr
        (warning,) = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
        assert f"warning: the tagger model at {old} was trained on features version 1" in warning
        assert "--reader rules" in warning
        explicit = invoke("extract", MOSCOW, "--out", out, "--model", old)
        assert explicit.exit_code == EXIT_DATA
        assert f"error: the tagger model at {old} was trained on features version 1" in (
            explicit.stderr
        )

    def test_no_model_where_one_is_asked_for_is_a_usage_error(self, tmp_path: Path) -> None:
        out = tmp_path / "drafts.jsonl"
        result = invoke("extract", MOSCOW, "--out", out, "--reader", "hybrid")
        assert result.exit_code == EXIT_USAGE
        assert "no attribution tagger model at" in result.stderr
        assert not out.exists()

    def test_a_missing_extra_where_the_tagger_is_asked_for_exits_3(
        self, tagger_model: tagger.TrainingReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pycrfsuite", None)
        out = tmp_path / "drafts.jsonl"
        result = invoke("extract", MOSCOW, "--out", out, "--model", tagger_model.path)
        assert result.exit_code == EXIT_MISSING_EXTRA
        assert "pip install 'diplo_events[tagger]'" in result.stderr
        assert not out.exists()

    def test_an_unknown_reader_is_a_usage_error(self, tmp_path: Path) -> None:
        result = invoke("extract", MOSCOW, "--out", tmp_path / "x.jsonl", "--reader", "crf")
        assert result.exit_code == EXIT_USAGE
        assert "'crf' is not one of 'auto', 'rules', 'tagger', 'hybrid'" in result.stderr
