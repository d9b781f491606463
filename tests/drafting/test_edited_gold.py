"""Drafts validate however a real text is cut about.

The gold texts are real articles; deleting, repeating and swapping their
sentences and words, and moving their publication date, makes texts the rules
were not tuned on, with dates and meetings that no longer agree. The drafts
may be wrong, but they must never break a rule of `validate`.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplo_events as de

_DATA = Path(__file__).resolve().parent.parent / "data"
_TEXTS = sorted(_DATA.glob("extraction*/*.txt"))
_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+")


def _published(path: Path) -> dt.date:
    gold = json.loads(path.with_name(path.name[: -len(".txt")] + ".gold.json").read_text())
    return dt.date.fromisoformat(gold["published"])


def _errors(drafted: de.Collection) -> list[de.Issue]:
    return [i for i in de.validate(drafted) if i.severity is de.Severity.ERROR]


def test_a_part_dated_before_its_meeting_takes_the_meeting_s_date() -> None:
    # The summit is "held on 12-13 March"; "on Saturday", read against a wrong
    # publication date (March 3), is February 27: the signing and the press
    # conference that were part of it cannot be then.
    (path,) = _DATA.glob("extraction*/riga-summit-2021-03-14.txt")
    drafted = de.extract(path.read_text(encoding="utf-8"), published=dt.date(2021, 3, 3))
    assert _errors(drafted) == []
    parts = [m for m in drafted.of_type(de.Meeting) if m.part_of is not None]
    assert parts
    assert {m.date.edtf for m in parts} == {"2021-03-12"}


_EDIT = st.tuples(
    st.sampled_from(["delete", "repeat", "swap", "delete word", "repeat word", "swap words"]),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)


@settings(max_examples=60, deadline=None)
@given(
    path=st.sampled_from(_TEXTS),
    edits=st.lists(_EDIT, min_size=1, max_size=4),
    shift=st.integers(-800, 800),
    joined=st.sampled_from(["\n\n", " "]),
)
def test_edited_gold_texts_give_drafts_that_validate(
    path: Path, edits: list[tuple[str, int, int]], shift: int, joined: str
) -> None:
    sentences = _SENTENCE_END.split(path.read_text(encoding="utf-8"))
    for edit, a, b in edits:
        i, j = a % len(sentences), b % len(sentences)
        if edit == "delete" and len(sentences) > 1:
            del sentences[i]
        elif edit == "repeat":
            sentences.insert(j, sentences[i])
        elif edit == "swap":
            sentences[i], sentences[j] = sentences[j], sentences[i]
        else:
            words = sentences[i].split(" ")
            x, y = a % len(words), b % len(words)
            if edit == "delete word" and len(words) > 1:
                del words[x]
            elif edit == "repeat word":
                words.insert(y, words[x])
            elif edit == "swap words":
                words[x], words[y] = words[y], words[x]
            sentences[i] = " ".join(words)
    text = joined.join(sentences)
    if not text.strip():
        return
    drafted = de.extract(text, published=_published(path) + dt.timedelta(days=shift))
    assert _errors(drafted) == []


@pytest.mark.parametrize("path", _TEXTS, ids=lambda p: p.name)
def test_gold_texts_give_drafts_that_validate_whatever_their_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for shift in (-400, -11, -1, 1, 11, 400):
        drafted = de.extract(text, published=_published(path) + dt.timedelta(days=shift))
        assert _errors(drafted) == [], shift
