"""The fast path for JSON that diplo_events itself wrote.

msgspec decodes straight into the attrs classes, running each object's
generated check of its field rules (``model._rules.checked``), which is several
times faster than reading JSON into dicts and structuring them. But msgspec
skips unknown keys, keeps the last of duplicate keys, does not apply attrs
converters (NFC normalization) and accepts integers of any size, so on its own
it would break the library's promise that nothing is silently changed. The fast
path therefore accepts a document only if re-encoding the decoded records gives
back exactly the input bytes and the text is NFC: then nothing was dropped,
merged, widened or left unnormalized, and the result equals what the strict
path (``io/json.py``) would build. Anything else, including every invalid
document, goes to the strict path, which reports every problem with its path.

Canonical JSON is what `encode` writes: compact, keys sorted, every field
present. ``to_json`` and ``dump_jsonl`` write it.
"""

import re
import unicodedata
from typing import Any, Final

import msgspec
from attrs import frozen

from diplo_events.io import versions
from diplo_events.model import RECORD_CLASSES, Record
from diplo_events.model.collection import Collection

__all__ = ["decode", "decode_record", "encode", "format_json"]


@frozen(kw_only=True)
class _Probe:
    zeta: int = 0
    alpha: tuple[int, ...] = ()


def _make_encoder() -> msgspec.json.Encoder:
    # Canonical JSON has the fields of every object sorted by name. msgspec
    # documents that for order="sorted"; its default order writes attrs fields
    # sorted too, about 15% faster, so use the default when it gives the same.
    default = msgspec.json.Encoder()
    if default.encode(_Probe()) == b'{"alpha":[],"zeta":0}':
        return default
    return msgspec.json.Encoder(order="sorted")  # pragma: no cover - other msgspec versions


_ENCODER: Final = _make_encoder()
_DECODERS: Final[dict[type, msgspec.json.Decoder[Any]]] = {
    cls: msgspec.json.Decoder(cls) for cls in RECORD_CLASSES.values()
}
_DECODERS_BY_TAG: Final = {tag.encode(): _DECODERS[cls] for tag, cls in RECORD_CLASSES.items()}
# In valid JSON the bytes '"type":"' can only be a key and its string value;
# records are the only objects with a "type" key, so the first match is the tag.
_TAG_RE: Final = re.compile(rb'"type":"([a-z]+)"')
_TAG_KEY: Final = b'"type":"'


class _CollectionIn(msgspec.Struct, forbid_unknown_fields=True):
    records: list[msgspec.Raw]
    schema_version: str
    type: str


_COLLECTION_DECODER: Final = msgspec.json.Decoder(_CollectionIn)


class _CollectionOut(msgspec.Struct):
    records: tuple[Record, ...]
    schema_version: str
    type: str


def encode(obj: object) -> bytes:
    """Return the canonical JSON of a record, a value or a collection."""
    if type(obj) is Collection:
        shell = _CollectionOut(
            records=obj.records, schema_version=obj.schema_version, type="collection"
        )
        return _ENCODER.encode(shell)
    return _ENCODER.encode(obj)


def format_json(data: bytes, indent: int) -> bytes:
    """Return canonical JSON *data* indented for people to read."""
    return msgspec.json.format(data, indent=indent)


def _is_nfc(data: bytes) -> bool:
    # Canonical JSON writes non-ASCII characters as UTF-8, never as escapes, so
    # the text is NFC exactly when every string in it is.
    return data.isascii() or unicodedata.is_normalized("NFC", data.decode("utf-8"))


def _decode_as(data: bytes, cls: type | None) -> object | None:
    if cls is None:
        found = data.find(_TAG_KEY)
        start = found + len(_TAG_KEY)
        decoder = _DECODERS_BY_TAG.get(data[start : data.find(b'"', start)]) if found >= 0 else None
    else:
        decoder = _DECODERS.get(cls)
    if decoder is None:
        return None
    try:
        record: object = decoder.decode(data)
    except Exception:  # noqa: BLE001 - any failure means: let the strict path decide
        return None
    return record


def decode_record(data: bytes, cls: type | None = None) -> object | None:
    """Return the record in canonical *data*, or ``None`` if the strict path must decide."""
    record = _decode_as(data, cls)
    if record is None or _ENCODER.encode(record) != data or not _is_nfc(data):
        return None
    return record


def decode(data: bytes, cls: type | None = None) -> object | None:
    """Return the record or collection in canonical *data*, or ``None``."""
    if cls is Collection or (cls is None and data.startswith(b'{"records":[')):
        return _decode_collection(data)
    return decode_record(data, cls)


def _decode_collection(data: bytes) -> Collection | None:
    try:
        shell = _COLLECTION_DECODER.decode(data)
    except Exception:  # noqa: BLE001 - let the strict path decide
        return None
    if shell.type != "collection" or not versions.is_current(shell.schema_version):
        return None
    # One tag per record, in order, then the collection's own: anything else
    # (say an unknown "type" key in a nested object) leaves it to the strict path.
    tags = _TAG_RE.findall(data)
    if len(tags) != len(shell.records) + 1:
        return None
    records = []
    try:
        for raw, tag in zip(shell.records, tags, strict=False):
            records.append(_DECODERS_BY_TAG[tag].decode(raw))
    except Exception:  # noqa: BLE001 - unknown tag or invalid record: the strict path decides
        return None
    collection = Collection(records=records)
    if encode(collection) != data or not _is_nfc(data):
        return None
    return collection
