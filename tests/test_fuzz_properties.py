"""Properties of every entry point on arbitrary and mutated input (Hypothesis, kept fast).

The long runs are ``benchmarks/fuzz.py``; these few hundred examples run with
the suite and pin the guarantees of ``docs/guarantees.md``: bad input gets the
library's own exception, with a bounded list of short issues; text and binary
JSON Lines agree; instants and numbers are read exactly or refused.
"""

import contextlib
import datetime as dt
import io
import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplo_events as de
from diplo_events.io.json import MAX_ISSUES

VALID = sorted((Path(__file__).parent / "data" / "valid").glob("*.json"))
DOCUMENTS = [path.read_bytes() for path in VALID]
PERSON = de.Person(id="person--9b9b8c90-62f9-473b-8a17-305013ecdc95", name="A")
#: No issue's path or message is longer than this, whatever the input.
SHORT = 400
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def bounded(error: de.ParseError) -> None:
    """Assert the report of *error* is bounded: few issues, each short."""
    assert 0 < len(error.issues) <= MAX_ISSUES + 1
    for issue in error.issues:
        assert len(issue.path) < SHORT
        assert len(issue.message) < SHORT


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid document with a few bytes replaced, inserted or cut."""
    data = bytearray(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.binary(max_size=8) | st.sampled_from([b"1e-400", b"NaN", b'"\\ud800"']))
        data[at : at + draw(st.integers(0, 8))] = piece
    return bytes(data)


@FAST
@given(mutated())
def test_from_json_on_mutated_documents(data: bytes) -> None:
    """A mutated document is read or gets a bounded ParseError, as bytes and as text."""
    for text in (data, data.decode("utf-8", "replace")):
        try:
            result = de.from_json(text)
        except de.ParseError as exc:
            bounded(exc)
        else:
            assert de.from_json(de.to_json(result)) == result


@FAST
@given(st.lists(st.binary(max_size=30) | st.just(de.to_json(PERSON).encode()), max_size=6))
def test_jsonl_text_and_binary_mode_agree(lines: list[bytes]) -> None:
    """Any bytes, read as JSON Lines in binary and in UTF-8 text mode, give the same."""
    data = b"\n".join(lines)

    def read(stream: io.IOBase) -> tuple[list[object], list[tuple[int | None, str]]]:
        records: list[object] = []
        try:
            records.extend(de.iter_jsonl(stream))  # type: ignore[arg-type]
        except de.ParseError as exc:
            return records, [(issue.line, issue.code) for issue in exc.issues]
        return records, []

    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    assert read(text) == read(io.BytesIO(data))


INSTANT = st.from_regex(
    r"\A[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-4]):[0-5][0-9]"
    r"(:([0-5][0-9]|60))?([.,][0-9]{1,9})?([Zz]|[+-](0[0-9]|1[0-9]|2[0-4]):?[0-5][0-9])?\Z"
)


def outcome(call: Callable[[], object]) -> object:
    """The result of *call*, or the codes of the ParseError it raises."""
    try:
        return call()
    except de.ParseError as exc:
        bounded(exc)
        return {issue.code for issue in exc.issues}


REFUSED_INSTANT = {
    "datetime.invalid",
    "datetime.impossible",
    "datetime.unrepresentable",
    "datetime.naive",
}


@FAST
@given(INSTANT)
def test_instants_are_exact_or_refused(text: str) -> None:
    """An instant is refused, or read to exactly the time its text says: never moved."""
    found = outcome(lambda: de.from_dict(de.to_dict(PERSON) | {"created": text}))
    if isinstance(found, set):
        assert found <= REFUSED_INSTANT
        return
    assert isinstance(found, de.Person)
    assert found.created is not None
    written = de.to_dict(found)["created"]
    # Date, hour, minute and second are the text's own: nothing rolled over or moved.
    assert written[:19] == text[:10] + "T" + text[11:19]
    digits = text[20:].rstrip("Zz").split("+")[0].split("-")[0] if text[19:20] == "." else ""
    assert found.created.microsecond == int(digits[:6].ljust(6, "0"))
    assert not digits[6:].strip("0")


@FAST
@given(
    st.from_regex(r"\A-?(0|[1-9][0-9]{0,3})(\.[0-9]{1,5})?([eE][+-]?[0-9]{1,4})?\Z"),
)
def test_numbers_are_exact_or_refused(number: str) -> None:
    """A JSON number is the double Python reads from it, or refused: never zeroed or infinite."""
    found = outcome(lambda: de.from_json(f'{{"a": {number}}}'.encode(), de.Citation))
    assert isinstance(found, set)  # 'a' is no Citation field: always an issue
    expected = float(number)
    mantissa = number.lower().partition("e")[0]
    gone = math.isinf(expected) or (expected == 0 and mantissa.strip("-0.") != "")
    assert ("json.number_out_of_range" in found) == gone


TEXT = st.lists(
    st.text(st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(["“", "”", " said ", "\n\n", ". ", "Mr. ", "December 7, 2020"]),
    max_size=12,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(TEXT)
def test_text_functions_raise_only_their_own_errors(text: str) -> None:
    """parse_date, find_dates, parse_actor_mention and extract never raise a foreign error."""
    anchor = dt.date(2021, 3, 3)
    for call in (
        lambda: de.parse_date(text, anchor=anchor),
        lambda: de.find_dates(text, anchor=anchor),
        lambda: de.parse_actor_mention(text),
        lambda: de.extract(text, published=anchor),
    ):
        with contextlib.suppress(de.DiploEventsError):
            call()


def test_documents_are_valid() -> None:
    """The seeds of the properties above are valid documents (else they prove little)."""
    assert DOCUMENTS
    for data in DOCUMENTS:
        de.from_json(data)
        json.loads(data)


def test_fuzz_script_runs() -> None:
    """benchmarks/fuzz.py runs end to end at a tiny count and finds nothing."""
    script = Path(__file__).parent.parent / "benchmarks" / "fuzz.py"
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(script), "--count", "15", "--seed", "3"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("from_json", "iter_jsonl", "from_dict", "extract", "parse_date", "find_dates"):
        assert f"{name} " in result.stdout
    assert "total: 105 inputs, 0 findings" in result.stdout
