"""Bounded reports on hostile input: issue caps, short quotes, numbers, memory.

Whatever a document holds, the `ParseError` it gets is bounded: at most
`MAX_ISSUES` issues, each quoting at most `QUOTE_LIMIT` characters of a value,
and the peak memory of reading it is a small multiple of its size.
"""

import io
import json
import tracemalloc
from typing import Any

import pytest

import diplo_events as de
from diplo_events._paths import QUOTE_LIMIT
from diplo_events.io.json import MAX_ISSUES, MAX_STREAM_ISSUES

PERSON_ID = "person--9b9b8c90-62f9-473b-8a17-305013ecdc95"
#: What the issues kept for one document may cost, at most, in bytes.
KEPT_ISSUES = 4_000_000
#: An issue's path and message stay short whatever the value: this many characters.
SHORT = 400


def issues_of(call: Any, *args: Any) -> tuple[de.Issue, ...]:
    """Return the issues of the ParseError *call* raises."""
    with pytest.raises(de.ParseError) as info:
        call(*args)
    return info.value.issues


class TestNumbers:
    @pytest.mark.parametrize("number", ["1e-400", "-1e-400", "2.5e-999", "0.0000001e-330"])
    def test_underflow_is_refused_like_overflow(self, number: str) -> None:
        """A number too close to zero for a double is refused, not read as 0.0 or -0.0."""
        text = '{"type": "meeting", "kind": "talks", "confidence": %s}' % number  # noqa: UP031
        codes = {(i.path, i.code) for i in issues_of(de.from_json, text)}
        assert ("$.confidence", "json.number_out_of_range") in codes

    @pytest.mark.parametrize("number", ["0e-400", "-0.0", "0.000", "5e-324", "1e308"])
    def test_zero_and_the_edges_are_read(self, number: str) -> None:
        """Zero written any way, the smallest subnormal and large doubles are numbers."""
        text = f'{{"a": {number}}}'
        codes = {i.code for i in issues_of(de.from_json, text, de.Citation)}
        assert "json.number_out_of_range" not in codes


class TestShortQuotes:
    @pytest.mark.parametrize(
        "document",
        [
            {"type": "person", "id": "x" * 1_000_000, "name": "A"},
            {"type": "person", "id": PERSON_ID, "name": "A", "k" * 1_000_000: 1},
            {"type": "x" * 1_000_000},
            {"type": "meeting", "kind": "y" * 1_000_000},
            {"type": "person", "id": PERSON_ID, "name": "A", "created": "2" * 1_000_000},
            {"type": "person", "id": PERSON_ID, "name": "A", "nationality": "z" * 1_000_000},
            {"type": "meeting", "kind": "talks", "date": {"edtf": "9" * 1_000_000}},
        ],
    )
    def test_a_megabyte_value_gives_a_short_issue(self, document: dict[str, Any]) -> None:
        """A 1 MB bad id, key, tag or value is quoted by a prefix, in paths and messages."""
        for issues in (
            issues_of(de.from_dict, document),
            issues_of(de.from_json, json.dumps(document)),
        ):
            assert issues
            for issue in issues:
                assert len(issue.path) < SHORT
                assert len(issue.message) < SHORT, issue.message[:200]

    def test_long_numbers_are_cut(self) -> None:
        """Huge integers are quoted by a prefix, from text and from Python data alike."""
        digits = "7" * 4000
        issues = issues_of(de.from_json, f'{{"a": {digits}}}', de.Citation)
        issues += issues_of(de.from_dict, {"a": int(digits)}, de.Citation)
        issues += issues_of(de.from_dict, {"a": 10**20000}, de.Citation)
        for issue in issues:
            assert len(issue.message) < SHORT
        assert any(f"{'7' * QUOTE_LIMIT}…" in issue.message for issue in issues)


def person_with(**fields: Any) -> dict[str, Any]:
    """A person document with *fields* added."""
    return {"type": "person", "id": PERSON_ID, "name": "A", **fields}


class TestIssueCap:
    @pytest.mark.parametrize(
        ("document", "more"),
        [
            (person_with(aliases=[5] * 3000), 2000),
            (
                {
                    "type": "collection",
                    "schema_version": "1.1",
                    "records": [person_with(name=5, x=1)] * 1500,
                },
                2000,
            ),
            ({"type": "person", **{f"k{i}": 0 for i in range(2500)}}, 1502),
            (
                {"type": "collection", "schema_version": "1.1", "records": [{"type": "x"}] * 1200},
                200,
            ),
        ],
    )
    def test_at_most_max_issues_then_a_count(self, document: dict[str, Any], more: int) -> None:
        """A document with thousands of problems lists MAX_ISSUES, then says how many more."""
        for issues in (
            issues_of(de.from_dict, document),
            issues_of(de.from_json, json.dumps(document)),
        ):
            assert len(issues) == MAX_ISSUES + 1
            last = issues[-1]
            assert (last.path, last.code) == ("$", "input.too_many_issues")
            assert last.message.startswith(f"{more} more problems")
            assert all(issue.code != "input.too_many_issues" for issue in issues[:-1])

    def test_below_the_cap_everything_is_listed(self) -> None:
        """Up to the cap, all problems are reported at once, as before."""
        issues = issues_of(de.from_dict, person_with(aliases=[5] * MAX_ISSUES))
        assert len(issues) == MAX_ISSUES
        assert issues[-1].path == f"$.aliases[{MAX_ISSUES - 1}]"

    def test_jsonl_lines_and_stream_are_capped(self) -> None:
        """Each line keeps the document cap; the stream stops at MAX_STREAM_ISSUES."""
        line = json.dumps(person_with(aliases=[5] * 1500))
        stream = io.StringIO("\n".join([line] * 12) + "\n")
        issues = issues_of(list, de.iter_jsonl(stream))
        assert len(issues) == MAX_STREAM_ISSUES + 1
        assert issues[-1].code == "jsonl.too_many_issues"
        assert issues[-1].line == 10  # ten lines of 1,001 issues reach the cap
        assert [i.line for i in issues if i.code == "input.too_many_issues"] == list(range(1, 10))


#: Hostile documents of about 100 KB each, by name.
HOSTILE: dict[str, str] = {
    "a bad item each": json.dumps(person_with(aliases=[5] * 50_000)),
    "a NaN each": json.dumps(person_with(aliases=[float("nan")] * 20_000)),
    "an overflow each": json.dumps(person_with(aliases=[0])).replace(
        "0]", "1e400," * 15_000 + "0]"
    ),
    "unknown keys": json.dumps({"type": "person", **{f"k{i}": 0 for i in range(12_000)}}),
    "bad records": json.dumps(
        {"type": "collection", "schema_version": "1.1", "records": [{"type": "p"}] * 7_000}
    ),
    "empty objects": json.dumps(person_with(aliases=[{}] * 30_000)),
    "long bad ids": json.dumps(
        {
            "type": "collection",
            "schema_version": "1.1",
            "records": [person_with(id="x" * 20_000)] * 5,
        }
    ),
}


class TestMemory:
    @pytest.mark.parametrize("name", sorted(HOSTILE))
    def test_peak_memory_is_a_small_multiple_of_the_input(self, name: str) -> None:
        """Reading a hostile document peaks under 20 times its size, plus the kept issues.

        The 1,000 issues kept cost up to about 4 MB whatever the document's size,
        so the bound is 20 times the size plus that; ``benchmarks/hostile.py``
        measures 2 MB documents, where the kept issues no longer matter.
        """
        text = HOSTILE[name].encode()
        tracemalloc.start()
        try:
            with pytest.raises(de.ParseError):
                de.from_json(text)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 20 * len(text) + KEPT_ISSUES, f"{peak / len(text):.1f} times the input"


class TestJsonLinesModes:
    def read(self, stream: Any) -> tuple[list[object], list[tuple[int | None, str]]]:
        """The records *stream* yields, and (line, code) of its issues."""
        records: list[object] = []
        try:
            records.extend(de.iter_jsonl(stream))
        except de.ParseError as exc:
            return records, [(i.line, i.code) for i in exc.issues]
        return records, []

    def both(self, data: bytes) -> tuple[list[object], list[tuple[int | None, str]]]:
        """Read *data* in binary and in text mode; assert they agree; return the result."""
        binary = self.read(io.BytesIO(data))
        text = self.read(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        assert text == binary
        return binary

    def test_invalid_utf8_in_a_text_file(self) -> None:
        """The issue's reproducer: good records are kept, the bad line gets its number."""
        good = json.dumps(person_with())
        data = (good + "\n" + good + "\n").encode() + b"\xff\n" + good.encode() + b"\n"
        records, issues = self.both(data)
        assert len(records) == 3
        assert issues == [(3, "json.invalid_utf8")]

    @pytest.mark.parametrize("blank", ["\u00a0", "\u2028", "\u3000", "\ufeff"])
    def test_unicode_space_is_not_blank(self, blank: str) -> None:
        """A line of only a Unicode space is not JSON white space: a syntax error in both modes."""
        good = json.dumps(person_with())
        _, issues = self.both(f"{good}\n{blank}\n{good}\n".encode())
        assert issues == [(2, "json.syntax")]

    def test_bare_carriage_return_inside_a_record(self) -> None:
        """A bare CR is JSON white space: it neither splits a record nor shifts line numbers."""
        good = json.dumps(person_with())
        split = good.replace(', "name"', ',\r"name"')
        data = f"{split}\n \t\r\n{good}\nnot json\r\n{split}\r\n".encode()
        records, issues = self.both(data)
        assert len(records) == 3
        assert issues == [(4, "json.syntax")]

    def test_a_text_stream_that_cannot_be_decoded_stops_with_our_error(self) -> None:
        """A text stream read as text (not seekable) ends in a ParseError, not a decode error."""

        class Pipe(io.BytesIO):
            def seekable(self) -> bool:
                return False

            def tell(self) -> int:
                raise OSError

        good = json.dumps(person_with())
        data = (good + "\n") * 5000 + "\n" + "x" * 10
        stream = io.TextIOWrapper(Pipe(data.encode() + b"\xff\n"), encoding="utf-8")
        records, issues = self.read(stream)
        assert 0 < len(records) <= 5000  # the chunks decoded before the bad byte
        assert issues == [(len(records) + 1, "json.invalid_utf8")]


class Hostile:
    """An object whose comparisons and repr raise."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("x" * 10_000)

    def __ne__(self, other: object) -> bool:
        raise RuntimeError("x" * 10_000)

    def __hash__(self) -> int:
        return 1

    def __repr__(self) -> str:
        raise RuntimeError


class TestHostileObjects:
    @pytest.mark.parametrize(
        "document",
        [
            {"type": Hostile()},
            {"type": "collection", "schema_version": Hostile(), "records": []},
            {"type": Hostile(), "schema_version": "1.1", "records": []},
            {"type": "person", "id": PERSON_ID, "name": Hostile()},
            {Hostile(): 1, "type": "person"},
        ],
    )
    @pytest.mark.parametrize("cls", [None, de.Person, de.Collection])
    def test_only_parse_error(self, document: dict[Any, Any], cls: Any) -> None:
        """A type or schema_version whose __eq__ raises gets the library's ParseError."""
        issues = issues_of(de.from_dict, document, cls)
        assert issues
        assert all(len(issue.message) < SHORT for issue in issues)
