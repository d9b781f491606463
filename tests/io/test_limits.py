"""Bounded reports on hostile input: issue caps, short quotes, numbers, memory.

Whatever a document holds, the `ParseError` it gets is bounded: at most
`MAX_ISSUES` issues, each quoting at most `QUOTE_LIMIT` characters of a value,
and the peak memory of reading it is a small multiple of its size.
"""

import json
from typing import Any

import pytest

import diplo_events as de
from diplo_events._paths import QUOTE_LIMIT

PERSON_ID = "person--9b9b8c90-62f9-473b-8a17-305013ecdc95"
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
