"""Round-trip properties of the serialization, for every record type, value type and collections.

Writing then reading gives back what was written, through JSON text, Python
data and JSON Lines; the output is JSON data and deterministic; and the fast
path for canonical JSON (``_fastjson``) never accepts anything the strict path
would not, nor builds anything different from it.
"""

import datetime as dt
import io
import json
import math
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from diplo_events import (
    RECORD_TYPES,
    Collection,
    FieldError,
    ParseError,
    Person,
    UncertainDate,
    dump_jsonl,
    from_dict,
    from_json,
    iter_jsonl,
    to_dict,
    to_json,
)
from diplo_events import strategies as ds
from diplo_events.io import _fastjson as fastjson
from diplo_events.io.json import _read_strict

#: Examples per property, by kind of value: enough to find bugs, few enough to be fast.
_EXAMPLES = {"value": 40, "record": 30, "collection": 20, "consistent": 12}
# No example database: these tests write nothing into the working tree.
_SETTINGS: dict[str, Any] = {"deadline": None, "database": None}

_VALUES = [
    ("date_derivation", ds.date_derivations),
    ("uncertain_date", ds.uncertain_dates),
    ("external_id", ds.external_ids),
    ("code", ds.codes),
    ("location", ds.locations),
    ("span", ds.spans),
    ("citation", ds.citations),
    ("position", ds.positions),
    ("participant", ds.participants),
    ("response", ds.responses),
]
_RECORDS = [
    ("person", ds.persons),
    ("organization", ds.organizations),
    ("meeting", ds.meetings),
    ("statement", ds.statements),
    ("demand", ds.demands),
    ("proposal", ds.proposals),
    ("reference", ds.references),
    ("source", ds.sources),
]
_COLLECTIONS = [
    ("collection", ds.collections, "collection"),
    ("consistent_collection", ds.consistent_collections, "consistent"),
]

Strategy = Callable[[], st.SearchStrategy[Any]]

#: Records and collections: JSON documents with a type tag that ``from_json`` dispatches on.
DOCUMENTS = [
    *(pytest.param(make, _EXAMPLES["record"], id=name) for name, make in _RECORDS),
    *(pytest.param(make, _EXAMPLES[size], id=name) for name, make, size in _COLLECTIONS),
]
#: Records and collections, for properties that draw their own examples.
DOCUMENT_MAKERS = [
    *(pytest.param(make, id=name) for name, make in _RECORDS),
    *(pytest.param(make, id=name) for name, make, _ in _COLLECTIONS),
]
#: Everything that can be written: value types too.
EVERYTHING = [
    *(pytest.param(make, _EXAMPLES["value"], id=name) for name, make in _VALUES),
    *DOCUMENTS,
]


def _check(strategy: st.SearchStrategy[Any], examples: int, test: Callable[[Any], None]) -> None:
    """Run *test* as a property over *strategy* with *examples* examples."""
    given(strategy)(settings(max_examples=examples, **_SETTINGS)(test))()


def _is_document(obj: object) -> bool:
    return type(obj) is Collection or hasattr(obj, "id")


def assert_only_json(value: object, path: str = "$") -> None:
    """Assert that *value* is JSON data: dicts with str keys, lists, str, int, float, bool, None.

    Types are compared exactly, so a `StrEnum` member or a tuple is not JSON data.
    """
    kind = type(value)
    if kind is dict:
        for key, item in value.items():  # type: ignore[attr-defined]
            assert type(key) is str, f"{path}: key {key!r} is not a str"
            assert_only_json(item, f"{path}.{key}")
    elif kind is list:
        for index, item in enumerate(value):  # type: ignore[arg-type]
            assert_only_json(item, f"{path}[{index}]")
    else:
        assert kind in {str, int, float, bool, type(None)}, f"{path}: {kind.__name__} {value!r}"
        assert kind is not float or math.isfinite(value), f"{path}: {value!r} is not finite"  # type: ignore[arg-type]


# --- round trips -----------------------------------------------------------------------


class TestJsonRoundTrip:
    @pytest.mark.parametrize(("make", "examples"), EVERYTHING)
    def test_from_json_to_json(self, make: Strategy, examples: int) -> None:
        """Reading the JSON of any value as its type gives back an equal value of that type."""

        def check(obj: object) -> None:
            back = from_json(to_json(obj), type(obj))
            assert type(back) is type(obj)
            assert back == obj
            if _is_document(obj):
                assert from_json(to_json(obj)) == obj  # dispatch on the type tag

        _check(make(), examples, check)

    @pytest.mark.parametrize(("make", "examples"), EVERYTHING)
    def test_from_dict_to_dict(self, make: Strategy, examples: int) -> None:
        """Structuring the Python data of any value gives back an equal value."""

        def check(obj: object) -> None:
            assert from_dict(to_dict(obj), type(obj)) == obj
            if _is_document(obj):
                assert from_dict(to_dict(obj)) == obj

        _check(make(), examples, check)

    @pytest.mark.parametrize(("make", "examples"), EVERYTHING)
    def test_to_dict_is_json_data(self, make: Strategy, examples: int) -> None:
        """``to_dict`` holds only JSON types, and is exactly what the JSON text holds."""

        def check(obj: object) -> None:
            data = to_dict(obj)
            assert_only_json(data)
            assert json.loads(to_json(obj)) == data

        _check(make(), examples, check)

    @pytest.mark.parametrize(("make", "examples"), EVERYTHING)
    def test_deterministic(self, make: Strategy, examples: int) -> None:
        """Writing what was read gives the same bytes; indented JSON reads back equal."""

        def check(obj: object) -> None:
            text = to_json(obj)
            assert to_json(from_json(text, type(obj))) == text
            indented = to_json(obj, indent=2)
            assert from_json(indented, type(obj)) == obj
            assert to_json(from_json(indented, type(obj))) == text

        _check(make(), examples, check)


class TestFastPath:
    @pytest.mark.parametrize(("make", "examples"), DOCUMENTS)
    def test_agrees_with_strict_path(self, make: Strategy, examples: int) -> None:
        """Canonical JSON takes the fast path, which builds exactly what the strict path builds."""

        def check(obj: object) -> None:
            text = to_json(obj)
            strict = _read_strict(text, type(obj), None)
            fast = fastjson.decode(text.encode(), type(obj))
            assert fast is not None, "canonical JSON must take the fast path"
            assert strict == fast == obj
            assert to_json(strict) == to_json(fast) == text
            assert fastjson.decode(text.encode(), None) == obj

        _check(make(), examples, check)


# --- mutations of canonical JSON -------------------------------------------------------------
#
# Canonical JSON is parsed into a tree that keeps every key in order and every
# number as written, so that writing the tree back gives the same bytes; one
# mutation is then applied and the text handed to both paths.


class _Number(str):
    """A JSON number kept as written."""

    __slots__ = ()


@attrs.define
class _Object:
    """A JSON object as its list of key-value pairs (keys may repeat)."""

    pairs: list[tuple[str, Any]]


def _load(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_Object, parse_float=_Number, parse_int=_Number)


def _tokens(node: Any) -> Iterator[str]:
    if isinstance(node, _Object):
        yield "{"
        for index, (key, item) in enumerate(node.pairs):
            if index:
                yield ","
            yield json.dumps(key, ensure_ascii=False)
            yield ":"
            yield from _tokens(item)
        yield "}"
    elif isinstance(node, list):
        yield "["
        for index, item in enumerate(node):
            if index:
                yield ","
            yield from _tokens(item)
        yield "]"
    elif isinstance(node, _Number):
        yield str(node)
    else:
        yield json.dumps(node, ensure_ascii=False)


def _dump(node: Any) -> str:
    return "".join(_tokens(node))


@attrs.frozen
class _Slot:
    """A place in the tree: a container and a key (object pair index or list index)."""

    container: Any
    index: int
    key: str | None  # the object key, or None for a list item

    def get(self) -> Any:
        if self.key is None:
            return self.container[self.index]
        return self.container.pairs[self.index][1]

    def set(self, value: Any) -> None:
        if self.key is None:
            self.container[self.index] = value
        else:
            self.container.pairs[self.index] = (self.key, value)


def _objects(node: Any) -> Iterator[_Object]:
    if isinstance(node, _Object):
        yield node
        for _, item in node.pairs:
            yield from _objects(item)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def _slots(node: Any) -> Iterator[_Slot]:
    if isinstance(node, _Object):
        for index, (key, item) in enumerate(node.pairs):
            yield _Slot(node, index, key)
            yield from _slots(item)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield _Slot(node, index, None)
            yield from _slots(item)


def _kind(value: Any) -> str:
    if isinstance(value, _Object):
        return "object"
    if isinstance(value, _Number):
        return "float" if any(c in value for c in ".eE") else "int"
    return {type(None): "null", bool: "bool", str: "str", list: "list"}[type(value)]


_WRONG_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "bool": st.booleans(),
    "int": st.integers(-10, 2**60).map(lambda n: _Number(str(n))),
    "float": st.floats(allow_nan=False, allow_infinity=False).map(lambda x: _Number(json.dumps(x))),
    "str": st.sampled_from(["", " ", "x", "5", "true", "null", "person"]) | ds.texts(),
    "list": st.lists(st.sampled_from([_Number("1"), "x", None]), max_size=2),
    "object": st.just(_Object([])) | st.just(_Object([("x", _Number("1"))])),
}
#: Values JSON readers hold faithfully, for keys that should not be there at all.
_JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53) + 1, 2**53 - 1).map(lambda n: _Number(str(n))),
    st.sampled_from(["", "x", "person"]),
    st.just([]),
    st.just(_Object([])),
)
_WHITESPACE = st.text(st.sampled_from(" \t\n\r"), min_size=1, max_size=3)
_KEYS = st.text(st.characters(codec="utf-8"), max_size=8)
_MUTATIONS = (
    "unknown_key",
    "duplicate_key",
    "remove_key",
    "wrong_type",
    "whitespace",
    "decompose",
    "other_string",
    "other_number",
)
#: Strings that are meaningful somewhere in a document: type tags and enum values.
_TAGS = st.sampled_from(
    [*RECORD_TYPES, "collection", "1.0", "direct_quote", "accepted", "state", "cameo", "plover"]
)
#: Other spellings of numbers, and numbers at the edges of what JSON readers hold.
_NUMBERS = st.sampled_from(
    [
        *("-0", "0.0", "-0.0", "1", "1.0", "1e0", "1E+0", "10e-1", "0.5", "90.0", "180.00001"),
        *("9007199254740991", "9007199254740992", "18446744073709551616", "1e400", "1e-400"),
    ]
).map(_Number)


def _decomposed(value: str) -> str:
    """A non-NFC form of *value*: decomposed if it has anything to decompose, else with an "é"."""
    decomposed = unicodedata.normalize("NFD", value)
    return decomposed if decomposed != value else value + "e\u0301"


def _mutate(data: st.DataObject, text: str) -> tuple[str, str]:  # noqa: PLR0911 - one mutation per branch
    """Return the mutation applied and the mutated JSON text."""
    tree = _load(text)
    assert _dump(tree) == text, "the mutation tree must write canonical JSON back unchanged"
    mutation = data.draw(st.sampled_from(_MUTATIONS), label="mutation")
    if mutation == "unknown_key":
        target = data.draw(st.sampled_from(list(_objects(tree))), label="object")
        taken = {key for key, _ in target.pairs}
        key = data.draw(_KEYS.filter(lambda k: k not in taken), label="key")
        value = data.draw(_JSON_VALUES, label="value")
        at = data.draw(st.integers(0, len(target.pairs)), label="position")
        target.pairs.insert(at, (key, value))
        return mutation, _dump(tree)
    if mutation == "duplicate_key":
        target = data.draw(st.sampled_from([o for o in _objects(tree) if o.pairs]), label="object")
        key, value = data.draw(st.sampled_from(target.pairs), label="pair")
        value = data.draw(st.just(value) | _WRONG_VALUES["null"] | _WRONG_VALUES["str"])
        at = data.draw(st.integers(0, len(target.pairs)), label="position")
        target.pairs.insert(at, (key, value))
        return mutation, _dump(tree)
    if mutation == "remove_key":
        target = data.draw(st.sampled_from([o for o in _objects(tree) if o.pairs]), label="object")
        target.pairs.pop(data.draw(st.integers(0, len(target.pairs) - 1), label="index"))
        return mutation, _dump(tree)
    if mutation == "wrong_type":
        slot = data.draw(st.sampled_from(list(_slots(tree))), label="slot")
        kind = _kind(slot.get())
        others = [s for name, s in _WRONG_VALUES.items() if name != kind]
        slot.set(data.draw(st.sampled_from(others).flatmap(lambda s: s), label="value"))
        return mutation, _dump(tree)
    if mutation == "whitespace":
        tokens = list(_tokens(tree))
        at = data.draw(st.integers(0, len(tokens)), label="position")
        tokens.insert(at, data.draw(_WHITESPACE, label="whitespace"))
        return mutation, "".join(tokens)
    if mutation == "other_number":
        numbers = [slot for slot in _slots(tree) if isinstance(slot.get(), _Number)]
        if not numbers:
            return "none", text
        slot = data.draw(st.sampled_from(numbers), label="number")
        slot.set(data.draw(_NUMBERS, label="value"))
        return mutation, _dump(tree)
    strings = [slot for slot in _slots(tree) if type(slot.get()) is str]
    slot = data.draw(st.sampled_from(strings), label="string")
    if mutation == "other_string":  # another string of the same document, or a tag
        others = sorted({str(s.get()) for s in strings} - {slot.get()})
        slot.set(data.draw(_TAGS | st.sampled_from(others) if others else _TAGS, label="value"))
    else:
        slot.set(_decomposed(slot.get()))
    return mutation, _dump(tree)


def _codes(error: ParseError) -> set[str]:
    return {issue.code for issue in error.issues}


def _read(read: Callable[[], object]) -> object | ParseError:
    try:
        return read()
    except ParseError as exc:
        return exc


def _read_both(text: str, cls: type | None) -> object | ParseError:
    """Read *text* with ``from_json`` and the strict path; assert they agree; return the result."""
    strict = _read(lambda: _read_strict(text, cls, None))
    fast = fastjson.decode(text.encode(), cls)
    if fast is not None:  # the fast path accepted it: the strict path must build the same
        assert not isinstance(strict, ParseError), f"fast path took what strict rejects: {strict}"
        assert fast == strict
        assert to_json(fast) == to_json(strict)
    result = _read(lambda: from_json(text, cls))
    if isinstance(result, ParseError):
        assert isinstance(strict, ParseError)
        assert result.issues == strict.issues
        return result
    assert not isinstance(strict, ParseError), f"from_json took what strict rejects: {strict}"
    assert type(result) is type(strict)
    assert result == strict
    assert to_json(result) == to_json(strict)
    return result


class TestMutations:
    @pytest.mark.parametrize("make", DOCUMENT_MAKERS)
    @settings(max_examples=40, **_SETTINGS)
    @given(data=st.data())
    def test_fast_path_never_accepts_more(self, make: Strategy, data: st.DataObject) -> None:
        """After one mutation of canonical JSON, ``from_json`` agrees with the strict path."""
        obj = data.draw(make(), label="document")
        mutation, text = _mutate(data, to_json(obj))
        for cls in (type(obj), None):
            result = _read_both(text, cls)
            event(f"{mutation}: {'rejected' if isinstance(result, ParseError) else 'read'}")
            if mutation == "unknown_key":
                assert isinstance(result, ParseError)
                assert "field.unknown" in _codes(result)
            elif mutation == "duplicate_key":
                assert isinstance(result, ParseError)
                assert "json.duplicate_key" in _codes(result)
            elif mutation == "whitespace":
                assert result == obj


# --- JSON Lines ---------------------------------------------------------------------------------

_JSONL_SETTINGS = settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], **_SETTINGS
)


class TestJsonLines:
    @_JSONL_SETTINGS
    @given(records=st.lists(ds.records(), max_size=3))
    def test_binary_file_object(self, records: list[Any]) -> None:
        """Records written to a binary file object read back equal, in order."""
        buffer = io.BytesIO()
        assert dump_jsonl(records, buffer) == len(records)
        buffer.seek(0)
        assert list(iter_jsonl(buffer)) == records

    @_JSONL_SETTINGS
    @given(records=st.lists(ds.records(), max_size=3))
    def test_text_file_object(self, records: list[Any]) -> None:
        """Records written to a text file object read back equal, in order."""
        buffer = io.StringIO()
        assert dump_jsonl(records, buffer) == len(records)
        buffer.seek(0)
        assert list(iter_jsonl(buffer)) == records

    @_JSONL_SETTINGS
    @given(records=st.lists(ds.records(), max_size=3))
    def test_path(self, tmp_path: Path, records: list[Any]) -> None:
        """Records written to a path read back equal, from the path and from open files."""
        path = tmp_path / "records.jsonl"
        assert dump_jsonl(records, path) == len(records)
        assert list(iter_jsonl(path)) == records
        assert list(iter_jsonl(str(path))) == records
        with path.open(encoding="utf-8") as handle:
            assert list(iter_jsonl(handle)) == records

    @_JSONL_SETTINGS
    @given(collection=ds.consistent_collections())
    def test_collection(self, tmp_path: Path, collection: Collection) -> None:
        """A collection is written as its records, which read back as the same collection."""
        path = tmp_path / "collection.jsonl"
        assert dump_jsonl(collection, path) == len(collection)
        assert Collection(records=iter_jsonl(path)) == collection

    @_JSONL_SETTINGS
    @given(people=st.lists(ds.persons(), max_size=3))
    def test_one_record_type(self, people: list[Person]) -> None:
        """Records of one type read back as that type when it is asked for."""
        buffer = io.BytesIO()
        dump_jsonl(people, buffer)
        buffer.seek(0)
        assert list(iter_jsonl(buffer, Person)) == people


def test_instant_offsets_have_whole_minutes() -> None:
    """An instant whose UTC offset has seconds, which JSON text cannot hold, is refused up front."""
    created = dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=30)))
    with pytest.raises(FieldError) as caught:
        Person(name="x", created=created)
    assert caught.value.code == "datetime.offset_seconds"


# --- regressions found by these properties ------------------------------------------------


def test_unknown_key_with_unreadable_value_reports_both() -> None:
    """An unknown key is reported even when its value is also unreadable JSON."""
    text = '{"derivation":null,"edtf":"2020","extra":9007199254740992}'
    with pytest.raises(ParseError) as caught:
        from_json(text, UncertainDate)
    assert _codes(caught.value) == {"json.integer_too_large", "field.unknown"}
