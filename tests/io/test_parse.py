import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplo_events as de
from diplo_events.io import _fastjson
from diplo_events.io.json import _read_strict

MEETING_ID = "meeting--7bea6206-d211-447b-abc4-669f7faf3e1f"
PERSON_ID = "person--9b9b8c90-62f9-473b-8a17-305013ecdc95"


def meeting_dict(**changes: Any) -> dict[str, Any]:
    """Return a valid meeting as a dict, with *changes* applied."""
    data: dict[str, Any] = {
        "type": "meeting",
        "id": MEETING_ID,
        "kind": "talks",
        "date": {"edtf": "2020-12-07"},
        "participants": [{"actor": PERSON_ID, "capacity": "host"}],
    }
    data.update(changes)
    return data


def issues_of(call: Any, *args: Any) -> list[tuple[str, str]]:
    """Return (path, code) of every issue the ParseError raised by *call* holds."""
    with pytest.raises(de.ParseError) as info:
        call(*args)
    return [(issue.path, issue.code) for issue in info.value.issues]


class TestFromDict:
    def test_valid(self) -> None:
        """A valid dict becomes the record its type tag names."""
        meeting = de.from_dict(meeting_dict())
        assert isinstance(meeting, de.Meeting)
        assert meeting.participants[0].capacity is de.Capacity.HOST

    def test_input_not_mutated(self) -> None:
        """from_dict() leaves its input as it was."""
        data = meeting_dict()
        before = json.dumps(data, sort_keys=True)
        de.from_dict(data)
        assert json.dumps(data, sort_keys=True) == before

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"kind": 5}, "$.kind"),
            ({"title": 5}, "$.title"),
            ({"participants": "hello"}, "$.participants"),
            (
                {"participants": [{"actor": PERSON_ID, "capacity": None, "title": False}]},
                "$.participants[0].title",
            ),
            ({"topics": ["a", 7]}, "$.topics[1]"),
            ({"date": "2020-12-07"}, "$.date"),
            (
                {"location": {"name": "Moscow", "latitude": "55.7", "longitude": 37.6}},
                "$.location.latitude",
            ),
        ],
    )
    def test_no_coercion(self, changes: dict[str, Any], path: str) -> None:
        """Values of the wrong JSON type are errors, never converted."""
        assert issues_of(de.from_dict, meeting_dict(**changes)) == [(path, "type.mismatch")]

    def test_string_false_is_not_false(self) -> None:
        """The string 'false' is not the boolean false."""
        reference = {
            "type": "reference",
            "id": "reference--7bea6206-d211-447b-abc4-669f7faf3e1f",
            "subject": MEETING_ID,
            "relation": "previous",
            "description": "the talks of 21 November",
            "external": "false",
        }
        assert issues_of(de.from_dict, reference) == [("$.external", "type.mismatch")]

    def test_null_is_not_a_string(self) -> None:
        """null for a required string is an error with its path."""
        person = {"type": "person", "id": PERSON_ID, "name": None}
        issues = issues_of(de.from_dict, person)
        assert issues == [("$.name", "type.mismatch")]

    def test_number_is_not_an_integer_string(self) -> None:
        """'5' is not 5 where a span offset is expected."""
        span = {"start": "5", "end": 9}
        assert issues_of(de.from_dict, span, de.Span) == [("$.start", "type.mismatch")]

    def test_unknown_keys(self) -> None:
        """Unknown keys are errors, at every level."""
        data = meeting_dict(extra=1)
        data["participants"][0]["role"] = "host"
        assert issues_of(de.from_dict, data) == [
            ("$.participants[0].role", "field.unknown"),
            ("$.extra", "field.unknown"),
        ]

    def test_missing_fields(self) -> None:
        """Missing required fields are errors; the id and type tag are required too."""
        data = meeting_dict()
        del data["id"], data["kind"]
        assert sorted(issues_of(de.from_dict, data, de.Meeting)) == [
            ("$.id", "field.missing"),
            ("$.kind", "field.missing"),
        ]
        del data["type"]
        assert ("$.type", "field.missing") in issues_of(de.from_dict, data, de.Meeting)

    def test_unknown_type_tag(self) -> None:
        """An unknown type tag is an error naming the tag."""
        with pytest.raises(de.ParseError) as info:
            de.from_dict(meeting_dict(type="treaty"))
        (issue,) = info.value.issues
        assert (issue.path, issue.code) == ("$.type", "record.unknown_type")
        assert "'treaty'" in issue.message

    def test_wrong_type_tag(self) -> None:
        """Asking for one record type and getting another is an error."""
        assert issues_of(de.from_dict, meeting_dict(), de.Statement)[0] == (
            "$.type",
            "record.wrong_type",
        )

    def test_all_problems_at_once(self) -> None:
        """Every problem in the document is reported in one ParseError."""
        data = meeting_dict(kind="party", title="", zzz=1)
        data["participants"][0]["actor"] = "lavrov"
        data["participants"][0]["capacity"] = "king"
        data["date"] = {"edtf": "2023-02-30"}
        assert sorted(issues_of(de.from_dict, data)) == [
            ("$.date.edtf", "date.impossible"),
            ("$.kind", "value.not_allowed"),
            ("$.participants[0].actor", "id.malformed"),
            ("$.participants[0].capacity", "value.not_allowed"),
            ("$.title", "value.empty"),
            ("$.zzz", "field.unknown"),
        ]

    def test_id_of_the_wrong_type(self) -> None:
        """An id naming the wrong record type is an error."""
        data = meeting_dict(part_of=PERSON_ID)
        assert issues_of(de.from_dict, data) == [("$.part_of", "id.wrong_type")]

    def test_cross_field_rule(self) -> None:
        """Rules across fields of one record are reported at the right path."""
        data = meeting_dict(end_date={"edtf": "2020-12-06"})
        assert issues_of(de.from_dict, data) == [("$.end_date", "date.end_before_start")]

    def test_not_json_data(self) -> None:
        """Python objects that JSON cannot hold are errors."""
        data = meeting_dict(title={1, 2})
        assert ("$.title", "json.not_json") in issues_of(de.from_dict, data)

    def test_bad_cls(self) -> None:
        """cls must be a diplo_events class."""
        with pytest.raises(de.FieldTypeError):
            de.from_dict({}, dict)

    def test_non_finite_float(self) -> None:
        """NaN is not a JSON number, even in a dict."""
        citation = {
            "source": "source--7bea6206-d211-447b-abc4-669f7faf3e1f",
            "confidence": float("nan"),
        }
        assert issues_of(de.from_dict, citation, de.Citation) == [
            ("$.confidence", "json.non_finite_number")
        ]


class TestFromJsonBadJson:
    def test_syntax(self) -> None:
        """Malformed JSON is a ParseError with its own code and position."""
        with pytest.raises(de.ParseError) as info:
            de.from_json('{"type": "meeting",')
        (issue,) = info.value.issues
        assert issue.code == "json.syntax"
        assert "line 1" in issue.message

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_numbers(self, constant: str) -> None:
        """NaN and Infinity are not JSON."""
        text = (
            '{"source": "source--7bea6206-d211-447b-abc4-669f7faf3e1f", '
            f'"confidence": {constant}}}'
        )
        assert issues_of(de.from_json, text, de.Citation) == [
            ("$.confidence", "json.non_finite_number")
        ]

    def test_huge_float(self) -> None:
        """A number beyond the range of a double is an error, not infinity."""
        text = '{"source": "source--7bea6206-d211-447b-abc4-669f7faf3e1f", "confidence": 1e400}'
        assert issues_of(de.from_json, text, de.Citation) == [
            ("$.confidence", "json.number_out_of_range")
        ]

    def test_duplicate_keys(self) -> None:
        """A repeated key is an error, not 'the last one wins'."""
        text = json.dumps(meeting_dict())[:-1] + ', "kind": "visit"}'
        assert issues_of(de.from_json, text) == [("$.kind", "json.duplicate_key")]

    def test_nested_duplicate_keys(self) -> None:
        """Repeated keys are found at any depth, with their path."""
        text = json.dumps(meeting_dict()).replace(
            '"capacity": "host"', '"capacity": "host", "capacity": "visitor"'
        )
        assert issues_of(de.from_json, text) == [
            ("$.participants[0].capacity", "json.duplicate_key")
        ]

    def test_invalid_utf8(self) -> None:
        """Bytes that are not UTF-8 are an error."""
        data = json.dumps(meeting_dict(title="X")).encode().replace(b'"X"', b'"\xff"')
        assert issues_of(de.from_json, data) == [("$", "json.invalid_utf8")]

    def test_lone_surrogate_escape(self) -> None:
        """An escaped lone surrogate is not text."""
        text = json.dumps(meeting_dict(title="X")).replace('"X"', '"\\ud800"')
        assert issues_of(de.from_json, text) == [("$.title", "json.lone_surrogate")]

    def test_lone_surrogate_in_str_input(self) -> None:
        """A str holding a lone surrogate is reported, not a crash."""
        text = json.dumps(meeting_dict(title="X"), ensure_ascii=False).replace("X", "\ud800")
        assert issues_of(de.from_json, text) == [("$.title", "json.lone_surrogate")]

    def test_too_deep(self) -> None:
        """Nesting far deeper than records need is an error, not a RecursionError."""
        assert issues_of(de.from_json, "[" * 100_000 + "]" * 100_000) == [("$", "json.too_deep")]
        nested = json.dumps(
            meeting_dict(title=[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]])
        )
        assert "json.too_deep" in {code for _, code in issues_of(de.from_json, nested)}

    def test_integer_beyond_2_53(self) -> None:
        """Integers no JSON reader holds exactly are errors where a number is expected."""
        text = '{"start": 9007199254740993, "end": 9007199254740994}'
        assert issues_of(de.from_json, text, de.Span) == [
            ("$.start", "json.integer_too_large"),
            ("$.end", "json.integer_too_large"),
        ]

    def test_integer_with_too_many_digits(self) -> None:
        """An integer too long for Python to convert is an error, not a crash."""
        text = '{"start": ' + "9" * 5000 + ', "end": 3}'
        assert issues_of(de.from_json, text, de.Span)[0] == ("$.start", "json.integer_too_large")

    def test_impossible_date(self) -> None:
        """A date that is not on the calendar is an error."""
        text = json.dumps(meeting_dict(date={"edtf": "2023-02-30"}))
        assert issues_of(de.from_json, text) == [("$.date.edtf", "date.impossible")]

    def test_impossible_anchor_date(self) -> None:
        """An impossible plain date (a derivation anchor) is an error too."""
        derivation = {"text": "on Monday", "rule": "weekday", "anchor": "2021-02-29"}
        text = json.dumps(meeting_dict(date={"edtf": "2020-12-07", "derivation": derivation}))
        assert issues_of(de.from_json, text) == [("$.date.derivation.anchor", "date.impossible")]

    def test_naive_datetime(self) -> None:
        """A datetime without offset where an instant is meant is an error."""
        text = json.dumps(meeting_dict(created="2020-12-07T10:00:00"))
        assert issues_of(de.from_json, text) == [("$.created", "datetime.naive")]

    def test_aware_datetime(self) -> None:
        """Instants with an offset are read, in any ISO 8601 form dateutil knows."""
        meeting = de.from_json(json.dumps(meeting_dict(created="2020-12-07T10:00:00+03:00")))
        assert isinstance(meeting, de.Meeting)
        assert meeting.created is not None
        assert meeting.created.utcoffset() is not None

    def test_not_text(self) -> None:
        """from_json() of something that is not text is a ParseError."""
        assert issues_of(de.from_json, 123) == [("$", "input.not_text")]

    def test_schema_version(self) -> None:
        """A document of an unsupported schema version is refused before its records are read."""
        text = json.dumps({"type": "collection", "schema_version": "9.0", "records": [{"x": 1}]})
        assert issues_of(de.from_json, text) == [("$.schema_version", "schema.unsupported_version")]

    def test_collection_paths(self) -> None:
        """Issues inside a collection carry the index of the record."""
        text = json.dumps(
            {
                "type": "collection",
                "schema_version": "1.0",
                "records": [meeting_dict(), meeting_dict(kind="x")],
            }
        )
        assert issues_of(de.from_json, text) == [("$.records[1].kind", "value.not_allowed")]

    def test_error_message_and_bases(self) -> None:
        """ParseError is a DiploEventsError and a ValueError with a readable message."""
        with pytest.raises(
            ValueError, match=r"\$\.kind \(meeting--[0-9a-f-]+\): .*\[value.not_allowed\]"
        ) as info:
            de.from_json(json.dumps(meeting_dict(kind="x")))
        assert isinstance(info.value, de.DiploEventsError)
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__


class TestNfc:
    def test_text_is_normalized(self) -> None:
        """Decomposed text is NFC-normalized on the way in, by every path."""
        text = json.dumps(meeting_dict(title="Cafe\u0301"))
        assert de.from_json(text).title == "Caf\u00e9"
        assert de.from_dict(json.loads(text)).title == "Caf\u00e9"
        built = de.Meeting(kind="talks", date=de.UncertainDate(edtf="2020"), title="Cafe\u0301")
        assert built.title == "Caf\u00e9"

    def test_source_and_quote_agree(self) -> None:
        """A source text and a quote are normalized alike, so spans still match."""
        source = de.Source(text="Le ministre a dit: «Cafe\u0301 noir».")
        assert source.text is not None
        start = source.text.index("Caf\u00e9 noir")  # offsets count the normalized text
        citation = de.Citation(
            source=source.id, spans=[de.Span(start=start, end=start + 9)], quote="Cafe\u0301 noir"
        )
        assert source.excerpt(citation.spans) == citation.quote == "Caf\u00e9 noir"


class TestFastPath:
    def test_canonical_takes_fast_path(self, small_collection: de.Collection) -> None:
        """Canonical JSON is decoded by the fast path, to the same records."""
        data = de.to_json(small_collection).encode()
        assert _fastjson.decode(data) == small_collection

    @pytest.mark.parametrize(
        "mutation",
        [
            lambda t: t.replace('"kind":"talks"', '"kind":"talks","zzz":1'),
            lambda t: t.replace('"kind":"talks"', '"kind":"talks","kind":"visit"'),
            lambda t: t.replace('"capacity":"host"', '"capacity":"host","x":[]'),
            lambda t: t.replace('"name":"Sergey Lavrov"', '"name":"Sergey Lavrov","name":"S"'),
        ],
    )
    def test_fast_path_refuses_what_it_cannot_vouch_for(
        self, small_collection: de.Collection, mutation: Any
    ) -> None:
        """Unknown and repeated keys never slip through the fast path."""
        text = mutation(de.to_json(small_collection))
        assert text != de.to_json(small_collection)
        assert _fastjson.decode(text.encode()) is None
        with pytest.raises(de.ParseError):
            de.from_json(text)

    def test_non_nfc_canonical_bytes(self, small_collection: de.Collection) -> None:
        """Canonical-looking JSON with decomposed text is normalized, not passed through."""
        text = de.to_json(small_collection).replace("Ara Ayvazyan", "Ara Ayvazya\u0301n")
        assert _fastjson.decode(text.encode()) is None
        people = de.from_json(text).of_type(de.Person)
        assert people[1].name == "Ara Ayvazy\u00e1n"

    def test_strict_and_fast_agree(self, small_collection: de.Collection) -> None:
        """The strict path reads canonical JSON to the same collection."""
        text = de.to_json(small_collection)
        assert _read_strict(text, None, None) == de.from_json(text) == small_collection

    def test_pretty_json_is_read(self, small_collection: de.Collection) -> None:
        """Indented JSON (not canonical) is read by the strict path."""
        assert de.from_json(de.to_json(small_collection, indent=2)) == small_collection


class TestIterJsonl:
    def test_line_numbers_and_good_records(self, small_collection: de.Collection) -> None:
        """Good lines are yielded; bad lines are reported with their numbers at the end."""
        lines = [de.to_json(r) for r in small_collection.records]
        lines.insert(1, '{"type": "person", "name": 5}')
        lines.insert(3, "")
        lines.insert(4, "not json")
        stream = io.StringIO("\n".join(lines) + "\n")
        seen = []
        with pytest.raises(de.ParseError) as info:
            seen.extend(de.iter_jsonl(stream))
        assert seen == list(small_collection.records)
        found = [(i.line, i.path, i.code) for i in info.value.issues]
        assert found == [
            (2, "$.id", "field.missing"),
            (2, "$.name", "type.mismatch"),
            (5, "$", "json.syntax"),
        ]
        assert "line 2: $.name" in str(info.value)
        assert "line 5: $" in str(info.value)

    def test_collection_line_is_not_a_record(self, small_collection: de.Collection) -> None:
        """A JSON Lines line holds one record, never a collection."""
        stream = io.BytesIO(de.to_json(small_collection).encode() + b"\n")
        with pytest.raises(de.ParseError) as info:
            list(de.iter_jsonl(stream))
        assert info.value.issues[0].code == "record.unknown_type"

    def test_class_filter(self, small_collection: de.Collection) -> None:
        """With cls, every line must hold that record type."""
        stream = io.BytesIO(b"".join(de.to_json(r).encode() + b"\n" for r in small_collection))
        with pytest.raises(de.ParseError) as info:
            list(de.iter_jsonl(stream, de.Person))
        assert {i.code for i in info.value.issues} == {"record.wrong_type"}

    def test_bad_file_argument(self) -> None:
        """iter_jsonl() of something that is not a file is a clear error."""
        with pytest.raises(de.FieldTypeError):
            list(de.iter_jsonl(42))  # type: ignore[arg-type]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "id",
                    "kind",
                    "date",
                    "edtf",
                    "participants",
                    "actor",
                    "records",
                    "schema_version",
                    "name",
                    "x",
                ]
            )
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


class TestNoLeaks:
    @given(JSON_VALUES)
    def test_from_dict_only_raises_parse_error(self, data: object) -> None:
        """Whatever the input, from_dict() returns or raises ParseError, nothing else."""
        issues: tuple[de.Issue, ...] = ()
        try:
            de.from_dict(data)
        except de.ParseError as exc:
            issues = exc.issues or (None,)  # type: ignore[assignment]
        assert None not in issues

    @given(JSON_VALUES, st.sampled_from([None, de.Meeting, de.Collection, de.Citation]))
    def test_from_json_only_raises_parse_error(self, data: object, cls: Any) -> None:
        """Whatever the JSON text, from_json() returns or raises ParseError, nothing else."""
        try:
            text = json.dumps(data)
        except ValueError:
            return
        issues: tuple[de.Issue, ...] = ()
        try:
            de.from_json(text, cls)
        except de.ParseError as exc:
            issues = exc.issues or (None,)  # type: ignore[assignment]
        assert None not in issues

    @given(st.binary(max_size=200))
    def test_random_bytes(self, data: bytes) -> None:
        """Random bytes give a ParseError, never a crash."""
        issues: tuple[de.Issue, ...] = ()
        try:
            de.from_json(data)
        except de.ParseError as exc:
            issues = exc.issues or (None,)  # type: ignore[assignment]
        assert None not in issues
