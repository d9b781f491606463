"""``extract(reader=None)``: the hybrid when a tagger model is present, else the rules.

The session points the default model folder at an empty folder (the root
``conftest.py``); each test here that wants a model there sets
``DIPLO_EVENTS_TAGGER_MODEL`` itself, to the tiny model trained on the gold
texts (``tests/conftest.py``) or to a copy of it that cannot be used.
"""

import datetime as dt
import functools
import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import diplo_events as de
from diplo_events.drafting import _readers, choose_reader, tagger
from diplo_events.drafting.evaluate import evaluate
from tagger_corpus import gold_texts

TEXTS = gold_texts()
ROOT_CONFTEST = Path(__file__).parent.parent.parent / "conftest.py"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no warning given and no model refused."""
    monkeypatch.setattr(_readers, "_warned", set())
    monkeypatch.setattr(_readers, "_refused", {})


def _same(reader: str | None, model: Path | None, other: str, other_model: Path | None) -> bool:
    return all(
        de.extract(text, published=day, reader=reader, model=model)  # type: ignore[arg-type]
        == de.extract(text, published=day, reader=other, model=other_model)  # type: ignore[arg-type]
        for text, day in TEXTS
    )


def _old(model: Path, tmp_path: Path) -> Path:
    """A copy of *model* that says it was trained on the features of version 1."""
    old = tmp_path / "old-model"
    shutil.copytree(model, old)
    meta = json.loads((old / "model.json").read_text(encoding="utf-8"))
    meta["features_version"] = 1
    (old / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    return old


def test_the_session_reads_with_the_rules() -> None:
    assert f'MODEL_ENV = "{tagger.MODEL_ENV}"' in ROOT_CONFTEST.read_text(encoding="utf-8")
    folder = tagger.default_model_path()
    assert folder == Path(os.environ[tagger.MODEL_ENV])
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_with_no_model_the_default_is_the_rules() -> None:
    assert choose_reader() == ("rules", None)
    assert _same(None, None, "rules", None)


def test_with_a_model_at_the_default_place_the_default_is_the_hybrid(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(tagger.MODEL_ENV, str(tagger_model.path))
    assert choose_reader() == ("hybrid", tagger_model.path.resolve())
    assert _same(None, None, "hybrid", tagger_model.path)
    assert not _same(None, None, "rules", None)  # the model is read: it changes drafts


def test_the_rules_never_read_a_model(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(tagger.MODEL_ENV, str(_old(tagger_model.path, tmp_path)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert choose_reader("rules", tagger_model.path) == ("rules", None)
        text, day = TEXTS[0]
        de.extract(text, published=day, reader="rules")


def test_a_model_of_other_features_leaves_the_rules_with_one_warning(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old = _old(tagger_model.path, tmp_path)
    monkeypatch.setenv(tagger.MODEL_ENV, str(old))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert _same(None, None, "rules", None)
        assert choose_reader() == ("rules", None)
    (warning,) = caught  # once per process and reason, not once per article
    assert issubclass(warning.category, de.TaggerWarning)
    assert issubclass(warning.category, UserWarning)
    message = str(warning.message)
    assert f"the tagger model at {old}" in message
    assert "features version 1" in message
    assert "train it again" in message
    assert "reader='rules'" in message
    assert warning.filename == __file__  # it points at the caller, not into the library


def test_a_model_of_other_features_named_explicitly_is_an_error(
    tagger_model: tagger.TrainingReport, tmp_path: Path
) -> None:
    old = _old(tagger_model.path, tmp_path)
    text, day = TEXTS[0]
    for reader in (None, "hybrid", "tagger"):
        with pytest.raises(ValueError, match=r"features version 1.*train it again"):
            de.extract(text, published=day, reader=reader, model=old)  # type: ignore[arg-type]


def test_a_missing_extra_leaves_the_rules_with_one_warning(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(tagger.MODEL_ENV, str(tagger_model.path))
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.warns(de.TaggerWarning) as caught:
        assert _same(None, None, "rules", None)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert f"a tagger model is at {tagger_model.path}" in message
    assert "pip install 'diplo_events[tagger]'" in message
    with pytest.raises(ImportError, match=r"diplo_events\[tagger\]"):  # asked for: an error
        choose_reader(model=tagger_model.path)


def test_a_model_given_is_the_hybrid(tagger_model: tagger.TrainingReport, tmp_path: Path) -> None:
    assert choose_reader(model=tagger_model.path) == ("hybrid", tagger_model.path.resolve())
    assert _same(None, tagger_model.path, "hybrid", tagger_model.path)
    with pytest.raises(FileNotFoundError, match="no attribution tagger model") as caught:
        choose_reader(model=tmp_path / "nothing")
    # Both ways to train one are named: the command line and the module entry point.
    assert "`diplo-events tagger train <corpus.jsonl>`" in str(caught.value)
    assert "`python -m diplo_events.drafting.tagger train <corpus.jsonl>`" in str(caught.value)


def test_a_broken_model_at_the_default_place_is_read_once(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tagger_model.path, broken)
    (broken / "model.crfsuite").write_bytes(b"no model")
    monkeypatch.setenv(tagger.MODEL_ENV, str(broken))
    reads = []
    load = tagger.load

    def counted(folder: Path) -> tagger.Tagger:
        reads.append(folder)
        return load(folder)

    monkeypatch.setattr(tagger, "load", counted)
    with pytest.warns(de.TaggerWarning, match=r"cannot be read .*train it again"):
        first = choose_reader()
    assert (first, choose_reader()) == (("rules", None), ("rules", None))
    assert reads == [broken]  # refused once, then known by the time of its weights


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"reader": "crf"}, de.FieldError),
        ({"reader": "auto"}, de.FieldError),
        ({"model": 5}, de.FieldTypeError),
    ],
)
def test_bad_arguments_are_the_librarys_errors(
    kwargs: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        de.extract("Lopes said so.", published=dt.date(2021, 1, 1), **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, de.FieldError)
    assert caught.value.field == next(iter(kwargs))


def test_extract_with_no_model_imports_no_crfsuite() -> None:
    code = (
        "import sys, datetime, diplo_events as de\n"
        "de.extract('Lopes said so.', published=datetime.date(2021, 1, 1))\n"
        "print('pycrfsuite' in sys.modules)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_evaluate_scores_the_rules_whatever_model_is_trained(
    tagger_model: tagger.TrainingReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(__file__).parent.parent / "data" / "extraction"
    rules = evaluate(folder)
    monkeypatch.setenv(tagger.MODEL_ENV, str(tagger_model.path))
    assert evaluate(folder) == rules
    hybrid = evaluate(folder, extractor=functools.partial(de.extract, model=tagger_model.path))
    assert hybrid != rules  # the default would have moved, had it not been pinned
