"""extract_many(): many articles, in order, each with its drafts or its own error."""

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import diplo_events as de
from diplo_events.corpus import Article, Extracted, extract_many
from diplo_events.drafting import tagger
from tagger_corpus import gold_texts

TEXT = "Foreign Minister Ana Lopes met her counterpart Jon Berg in Oslo on Monday."
DATED = "Foreign Minister Ana Lopes met her counterpart Jon Berg in Oslo on March 3, 2021."


def items() -> list[object]:
    return [
        Article(
            id="a",
            text=TEXT,
            published="2021-03-03",
            url="https://example.org/a",
            title="Lopes in Oslo",
            publisher="Meridian News",
        ),
        Article(text=TEXT, published=dt.date(2021, 3, 10)),
        Article(id=7, text=TEXT, published="3 March"),
        "Ana Lopes met Jon Berg for talks.",
        DATED,
    ]


class TestExtractMany:
    def test_results_in_order_with_keys_and_errors(self) -> None:
        results = list(extract_many(items(), progress=False))  # type: ignore[arg-type]
        assert [r.key for r in results] == ["a", 1, 7, 3, 4]
        assert [r.ok for r in results] == [True, True, False, False, True]
        bad_date, no_date = results[2].error, results[3].error
        assert isinstance(bad_date, de.ParseError)
        assert [(i.path, i.code) for i in bad_date.issues] == [
            ("$.published", "extract.bad_published")
        ]
        assert isinstance(no_date, de.ParseError)
        assert no_date.issues[0].code == "extract.no_date"
        assert results[1].drafts == de.extract(TEXT, published=dt.date(2021, 3, 10))

    def test_article_metadata_is_on_the_source(self) -> None:
        (result,) = extract_many(items()[:1], progress=False)  # type: ignore[arg-type]
        assert result.drafts is not None
        source = result.drafts.of_type(de.Source)[0]
        (outlet,) = [o for o in result.drafts.of_type(de.Organization) if o.kind == "outlet"]
        assert (source.url, source.title, source.publisher) == (
            "https://example.org/a",
            "Lopes in Oslo",
            outlet.id,
        )
        assert outlet.name == "Meridian News"
        assert source.published is not None
        assert source.published.edtf == "2021-03-03"
        assert de.validate(result.drafts) == []
        # The same text is the same source, whichever way it came in.
        assert source.id == de.extract(TEXT, published="2021-03-03").records[0].id

    def test_an_item_of_the_wrong_type_is_its_own_error(self) -> None:
        results = list(extract_many([DATED, 5], progress=False))  # type: ignore[list-item]
        assert results[0].ok
        assert results[1].error is not None
        assert results[1].error.issues[0].path == "$"

    def test_a_fault_of_the_extractor_is_the_librarys_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from diplo_events.corpus import _many  # noqa: PLC0415

        def broken(*_args: object, **_kwargs: object) -> de.Collection:
            raise IndexError("boom")

        monkeypatch.setattr(_many, "extract", broken)
        (result,) = extract_many(["x"], progress=False)
        assert isinstance(result.error, de.ParseError)
        assert result.error.issues[0].code == "extract.failed"
        assert "IndexError: boom" in result.error.issues[0].message

    def test_two_workers_give_the_same_results_in_order(self) -> None:
        many = items() * 3
        serial = list(extract_many(many, progress=False))  # type: ignore[arg-type]
        parallel = list(extract_many(iter(many), workers=2, chunksize=2, progress=False))  # type: ignore[arg-type]
        assert parallel == serial
        assert all(isinstance(r, Extracted) for r in parallel)
        assert [r.error.issues for r in parallel if r.error] == [
            r.error.issues for r in serial if r.error
        ]

    def test_the_iterable_is_read_lazily(self) -> None:
        seen: list[int] = []

        def texts() -> object:
            for index in range(100):
                seen.append(index)
                yield DATED

        results = extract_many(texts(), progress=False)  # type: ignore[arg-type]
        next(results)
        assert len(seen) == 1

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"workers": 0}, "workers"),
            ({"chunksize": "4"}, "chunksize"),
            ({"progress": 1}, "progress"),
        ],
    )
    def test_bad_arguments_are_refused_at_once(self, kwargs: dict[str, object], field: str) -> None:
        with pytest.raises(de.FieldTypeError) as caught:
            extract_many([], **kwargs)  # type: ignore[arg-type]
        assert caught.value.field == field

    def test_article_types_are_checked(self) -> None:
        with pytest.raises(de.FieldTypeError):
            Article(text=b"bytes")  # type: ignore[arg-type]
        with pytest.raises(de.FieldTypeError):
            Article(text="x", published=20210303)  # type: ignore[arg-type]
        with pytest.raises(de.FieldTypeError):
            Article(text="x", id=1.5)  # type: ignore[arg-type]


class TestProgress:
    def test_progress_bar_goes_to_stderr(self, capsys: pytest.CaptureFixture[str]) -> None:
        list(extract_many([DATED], progress=True))
        assert "1/1" in capsys.readouterr().err

    def test_off_by_default_when_stderr_is_no_terminal(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        list(extract_many([DATED]))
        assert capsys.readouterr().err == ""

    def test_missing_tqdm_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "tqdm", None)
        with pytest.raises(ImportError, match=r"diplo_events\[progress\]"):
            list(extract_many([TEXT], progress=True))
        assert len(list(extract_many([TEXT]))) == 1  # the default quietly does without


def test_top_level_names_load_lazily() -> None:
    assert de.extract_many is extract_many
    assert de.Article is Article


class TestReaders:
    """extract_many chooses the reader once, and drafts every article with it, in every worker."""

    @pytest.fixture
    def gold(self) -> list[Article]:
        return [Article(text=text, published=day) for text, day in gold_texts(step=4)]

    def test_two_workers_read_with_the_model_as_one_process_does(
        self, gold: list[Article], tagger_model: tagger.TrainingReport
    ) -> None:
        serial = list(extract_many(gold, model=tagger_model.path, progress=False))
        parallel = list(
            extract_many(gold, model=tagger_model.path, workers=2, chunksize=1, progress=False)
        )
        assert parallel == serial
        hybrid = [
            de.extract(a.text, published=a.published, reader="hybrid", model=tagger_model.path)
            for a in gold
        ]
        assert [r.drafts for r in parallel] == hybrid
        rules = [de.extract(a.text, published=a.published, reader="rules") for a in gold]
        assert hybrid != rules  # the workers did read the model

    def test_the_default_reads_the_model_at_the_default_place(
        self,
        gold: list[Article],
        tagger_model: tagger.TrainingReport,
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        monkeypatch.setenv(tagger.MODEL_ENV, str(tagger_model.path))
        results = extract_many(gold[:2], workers=2, progress=False)
        # Chosen at the call: the workers, started later, are given the model's path.
        monkeypatch.setenv(tagger.MODEL_ENV, str(tmp_path))
        found = [r.drafts for r in results]
        assert found == [
            de.extract(a.text, published=a.published, reader="hybrid", model=tagger_model.path)
            for a in gold[:2]
        ]
        rules = [r.drafts for r in extract_many(gold[:2], reader="rules", progress=False)]
        assert rules == [
            de.extract(a.text, published=a.published, reader="rules") for a in gold[:2]
        ]

    def test_a_bad_reader_or_model_fails_at_the_call(self, tmp_path: Path) -> None:
        def never() -> Iterator[str]:
            raise AssertionError("no article is read")
            yield ""  # pragma: no cover

        with pytest.raises(de.FieldError) as caught:
            extract_many(never(), reader="crf")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.code) == ("reader", "value.not_allowed")
        with pytest.raises(de.FieldTypeError):
            extract_many(never(), model=3.5)  # type: ignore[arg-type]
        with pytest.raises(FileNotFoundError, match="no attribution tagger model"):
            extract_many(never(), reader="hybrid", model=tmp_path, workers=2)
