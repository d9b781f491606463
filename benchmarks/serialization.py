"""Serialization benchmark: diplo_events against pydantic v2, msgspec and orjson.

One unit of work is a *meeting bundle*: a meeting with 4 participants, 6
statements, 2 demands, 1 proposal and 2 references, each with a citation:
12 records, about 7 KB of JSON. diplo_events, pydantic and msgspec decode the
very same bytes (diplo_events' canonical JSON) into models of the same shape;
``orjson.loads`` of those bytes into plain dicts is the floor.

Two regimes, as the issue asks:

- small batch: bundles decoded (or encoded) one at a time, each dropped at once;
- dataset: all bundles held in memory at once, loaded from one collection
  document and from JSON Lines (one record per line).

Peers are measured twice: as a user calls them (cyclic GC on), and tuned (GC
off while loading), since at dataset size the collector dominates loading.
The peers come in two strengths: "typed" checks types, tags and unknown keys
only; "same rules" adds the value rules diplo_events enforces (id patterns,
non-empty text, ranges, timezone-aware instants).

Usage: python benchmarks/serialization.py [--bundles N] [--batch N] [--repeat N]
       [--dataset-repeat N]
"""

import argparse
import datetime as dt
import gc
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pydantic

import diplo_events as de

# --- the diplo_events side -----------------------------------------------------------------

TEXT = (
    "We expressed our readiness to make an exchange on the principle of all for all "
    "and expect that the other side will not disrupt the process."
)


def build_bundle(i: int, source: str, people: list[str], orgs: list[str]) -> de.Collection:
    """Build one meeting bundle of 12 records with diplo_events' constructors."""

    def cite() -> tuple[de.Citation, ...]:
        return (
            de.Citation(
                source=source, spans=(de.Span(start=i % 500, end=i % 500 + 80),), confidence=0.9
            ),
        )

    day = de.UncertainDate.day(dt.date(2020, 12, 7))
    meeting = de.Meeting(
        kind=de.MeetingKind.TALKS,
        date=day,
        location=de.Location(name="Moscow", country="RUS"),
        participants=tuple(
            de.Participant(
                actor=p,
                title="Minister of Foreign Affairs",
                represents=o,
                capacity=de.Capacity.HOST if k % 2 else de.Capacity.VISITOR,
            )
            for k, (p, o) in enumerate(zip(people, orgs, strict=True))
        ),
        topics=("Nagorno-Karabakh", "prisoner exchange"),
        citations=cite(),
    )
    statements = [
        de.Statement(
            speaker=people[k % 4],
            text=TEXT,
            mode=de.StatementMode.DIRECT_QUOTE,
            meeting=meeting.id,
            date=day,
            citations=cite(),
        )
        for k in range(6)
    ]
    demands = [
        de.Demand(
            actor=people[0],
            addressees=(orgs[1],),
            content="an exchange of prisoners soon",
            urgency=de.Urgency.HIGH,
            evidence=(statements[k].id,),
            meeting=meeting.id,
            citations=cite(),
        )
        for k in range(2)
    ]
    proposal = de.Proposal(
        actor=people[0],
        addressees=(people[1],),
        content="a visit to Yerevan",
        kind=de.ProposalKind.INVITATION,
        evidence=(statements[2].id,),
        meeting=meeting.id,
        citations=cite(),
    )
    references = [
        de.Reference(
            subject=meeting.id,
            relation=de.Relation.PREVIOUS,
            description="the talks of 21 November",
            date=de.UncertainDate.day(dt.date(2020, 11, 21)),
            citations=cite(),
        )
        for _ in range(2)
    ]
    return de.Collection(records=(meeting, *statements, *demands, proposal, *references))


# --- peers of the same shape ----------------------------------------------------------------

ID = r"^[a-z]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def msgspec_models(*, rules: bool) -> type:
    """Return the msgspec collection Struct; with *rules*, with diplo_events' value rules."""
    Id = Annotated[str, msgspec.Meta(pattern=ID)] if rules else str  # noqa: N806
    Text = Annotated[str, msgspec.Meta(min_length=1)] if rules else str  # noqa: N806
    Offset = Annotated[int, msgspec.Meta(ge=0, le=2**53 - 1)] if rules else int  # noqa: N806
    Conf = Annotated[float, msgspec.Meta(ge=0, le=1)] if rules else float  # noqa: N806
    Instant = Annotated[dt.datetime, msgspec.Meta(tz=True)] if rules else dt.datetime  # noqa: N806
    opts: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True}

    class Derivation(msgspec.Struct, **opts):
        anchor: dt.date | None
        rule: Text
        text: Text

    class UDate(msgspec.Struct, **opts):
        derivation: Derivation | None
        edtf: Text

    class ExternalId(msgspec.Struct, **opts):
        scheme: Text
        value: Text

    class Code(msgspec.Struct, **opts):
        code: Text
        mode: Text | None
        system: Text

    class Location(msgspec.Struct, **opts):
        country: str | None
        external_ids: tuple[ExternalId, ...]
        latitude: float | None
        longitude: float | None
        name: Text | None

    class Span(msgspec.Struct, **opts):
        end: Offset
        start: Offset

    class Citation(msgspec.Struct, **opts):
        confidence: Conf | None
        quote: Text | None
        role: str | None
        rule: Text | None
        source: Id
        spans: tuple[Span, ...]

    class Participant(msgspec.Struct, **opts):
        actor: Id
        capacity: Literal["host", "visitor", "mediator", "observer"] | None
        citations: tuple[Citation, ...]
        delegation: tuple[Id, ...]
        represents: Id | None
        title: Text | None

    tagged: dict[str, Any] = {**opts, "tag_field": "type"}

    class Meeting(msgspec.Struct, tag="meeting", **tagged):
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        created: Instant | None
        draft: bool
        date: UDate
        description: Text | None
        end_date: UDate | None
        external_ids: tuple[ExternalId, ...]
        format: str | None
        host: Id | None
        id: Id
        kind: str
        location: Location | None
        modified: Instant | None
        outcomes: tuple[Text, ...]
        part_of: Id | None
        participants: tuple[Participant, ...]
        protocol_level: str | None
        status: str | None
        title: Text | None
        topics: tuple[Text, ...]

    class Statement(msgspec.Struct, tag="statement", **tagged):
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        created: Instant | None
        cue: Text | None
        draft: bool
        date: UDate | None
        id: Id
        language: Text | None
        meeting: Id | None
        mode: str
        modified: Instant | None
        reported_by: Id | None
        speaker: Id
        text: Text
        topics: tuple[Text, ...]

    class Demand(msgspec.Struct, tag="demand", **tagged):
        actor: Id
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        content: Text
        created: Instant | None
        draft: bool
        date: UDate | None
        evidence: tuple[Id, ...]
        id: Id
        meeting: Id | None
        modified: Instant | None
        urgency: str | None

    class Response(msgspec.Struct, **opts):
        actor: Id
        citations: tuple[Citation, ...]
        date: UDate | None
        stance: str
        statement: Id | None

    class Proposal(msgspec.Struct, tag="proposal", **tagged):
        actor: Id
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        content: Text
        created: Instant | None
        draft: bool
        date: UDate | None
        evidence: tuple[Id, ...]
        id: Id
        kind: str | None
        meeting: Id | None
        modified: Instant | None
        responses: tuple[Response, ...]
        status: str | None

    class Reference(msgspec.Struct, tag="reference", **tagged):
        citations: tuple[Citation, ...]
        created: Instant | None
        draft: bool
        date: UDate | None
        description: Text | None
        external: bool
        id: Id
        modified: Instant | None
        relation: str
        subject: Id
        target: Id | None

    Record = Meeting | Statement | Demand | Proposal | Reference  # noqa: N806

    class Collection(msgspec.Struct, tag="collection", **tagged):
        records: list[Record]  # type: ignore[valid-type]
        schema_version: str

    Collection.Record = Record  # type: ignore[attr-defined]
    return Collection


def pydantic_models(*, rules: bool) -> type:
    """Return the pydantic collection model; with *rules*, with diplo_events' value rules."""
    from pydantic import BaseModel, ConfigDict, Field  # noqa: PLC0415

    Id = Annotated[str, Field(pattern=ID)] if rules else str  # noqa: N806
    Text = Annotated[str, Field(min_length=1)] if rules else str  # noqa: N806
    Offset = Annotated[int, Field(ge=0, le=2**53 - 1)] if rules else int  # noqa: N806
    Conf = Annotated[float, Field(ge=0, le=1)] if rules else float  # noqa: N806
    Instant = pydantic.AwareDatetime if rules else dt.datetime  # noqa: N806

    class Model(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    class Derivation(Model):
        anchor: dt.date | None
        rule: Text
        text: Text

    class UDate(Model):
        derivation: Derivation | None
        edtf: Text

    class ExternalId(Model):
        scheme: Text
        value: Text

    class Code(Model):
        code: Text
        mode: Text | None
        system: Text

    class Location(Model):
        country: str | None
        external_ids: tuple[ExternalId, ...]
        latitude: float | None
        longitude: float | None
        name: Text | None

    class Span(Model):
        end: Offset
        start: Offset

    class Citation(Model):
        confidence: Conf | None
        quote: Text | None
        role: str | None
        rule: Text | None
        source: Id
        spans: tuple[Span, ...]

    class Participant(Model):
        actor: Id
        capacity: Literal["host", "visitor", "mediator", "observer"] | None
        citations: tuple[Citation, ...]
        delegation: tuple[Id, ...]
        represents: Id | None
        title: Text | None

    class Meeting(Model):
        type: Literal["meeting"]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        created: Instant | None
        draft: bool
        date: UDate
        description: Text | None
        end_date: UDate | None
        external_ids: tuple[ExternalId, ...]
        format: str | None
        host: Id | None
        id: Id
        kind: str
        location: Location | None
        modified: Instant | None
        outcomes: tuple[Text, ...]
        part_of: Id | None
        participants: tuple[Participant, ...]
        protocol_level: str | None
        status: str | None
        title: Text | None
        topics: tuple[Text, ...]

    class Statement(Model):
        type: Literal["statement"]
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        created: Instant | None
        cue: Text | None
        draft: bool
        date: UDate | None
        id: Id
        language: Text | None
        meeting: Id | None
        mode: str
        modified: Instant | None
        reported_by: Id | None
        speaker: Id
        text: Text
        topics: tuple[Text, ...]

    class Demand(Model):
        type: Literal["demand"]
        actor: Id
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        content: Text
        created: Instant | None
        draft: bool
        date: UDate | None
        evidence: tuple[Id, ...]
        id: Id
        meeting: Id | None
        modified: Instant | None
        urgency: str | None

    class Response(Model):
        actor: Id
        citations: tuple[Citation, ...]
        date: UDate | None
        stance: str
        statement: Id | None

    class Proposal(Model):
        type: Literal["proposal"]
        actor: Id
        addressees: tuple[Id, ...]
        citations: tuple[Citation, ...]
        codes: tuple[Code, ...]
        content: Text
        created: Instant | None
        draft: bool
        date: UDate | None
        evidence: tuple[Id, ...]
        id: Id
        kind: str | None
        meeting: Id | None
        modified: Instant | None
        responses: tuple[Response, ...]
        status: str | None

    class Reference(Model):
        type: Literal["reference"]
        citations: tuple[Citation, ...]
        created: Instant | None
        draft: bool
        date: UDate | None
        description: Text | None
        external: bool
        id: Id
        modified: Instant | None
        relation: str
        subject: Id
        target: Id | None

    Record = Annotated[  # noqa: N806
        Meeting | Statement | Demand | Proposal | Reference, Field(discriminator="type")
    ]

    class Collection(Model):
        type: Literal["collection"]
        records: list[Record]  # type: ignore[valid-type]
        schema_version: str

    Collection.Record = pydantic.TypeAdapter(Record)  # type: ignore[attr-defined]
    return Collection


# --- measuring --------------------------------------------------------------------------------


def timed(fn: Callable[[], object], repeat: int, *, gc_off: bool = False) -> float:
    """Return the median wall time of *fn* over *repeat* runs, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        if gc_off:
            gc.disable()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if gc_off:
            gc.enable()
        del result
    return statistics.median(times)


def memory_of(load: Callable[[], object]) -> int:
    """Return the bytes held by what *load* returns (traced allocations)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = load()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del held
    return after - before


def each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
    """Return a loop calling *fn* on every item, dropping the results."""

    def run() -> None:
        for item in items:
            fn(item)

    return run


def collect(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], list[object]]:
    """Return a loop calling *fn* on every item and keeping the results."""

    def run() -> list[object]:
        return [fn(item) for item in items]

    return run


class Table:
    """Rows of (regime, operation, library, µs per bundle), printed with ratios."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, float]] = []

    def add(self, regime: str, operation: str, library: str, seconds: float, count: int) -> None:
        micros = seconds / count * 1e6
        self.rows.append((regime, operation, library, micros))
        print(f"  {regime:8s} {operation:26s} {library:34s} {micros:9.2f} µs/bundle", flush=True)

    def value(self, regime: str, operation: str, library: str) -> float:
        for row in self.rows:
            if row[:3] == (regime, operation, library):
                return row[3]
        raise KeyError((regime, operation, library))


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 - one straight script
    """Run the benchmark and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundles", type=int, default=100_000, help="bundles in the dataset")
    parser.add_argument("--batch", type=int, default=2_000, help="bundles in the small batch")
    parser.add_argument("--repeat", type=int, default=5, help="runs per small-batch measurement")
    parser.add_argument(
        "--dataset-repeat", type=int, default=3, help="runs per dataset measurement"
    )
    args = parser.parse_args(argv)
    n, batch, repeat = args.bundles, min(args.batch, args.bundles), args.repeat

    print(
        f"Python {sys.version.split()[0]}, diplo_events {de.__version__}, pydantic "
        f"{pydantic.VERSION}, msgspec {msgspec.__version__}, orjson {orjson.__version__}"
    )
    print(f"{n} bundles of 12 records; small batch {batch}; median of {repeat} runs\n")

    source = de.new_id("source")
    people = [de.new_id("person") for _ in range(4)]
    orgs = [de.new_id("organization") for _ in range(4)]
    table = Table()

    started = time.perf_counter()
    bundles = [build_bundle(i, source, people, orgs) for i in range(n)]
    built = time.perf_counter() - started
    blobs = [de.to_json(b).encode() for b in bundles]
    print(f"built {n} bundles in {built:.1f} s; {statistics.mean(map(len, blobs)):.0f} bytes each")

    ms_types, ms_rules = msgspec_models(rules=False), msgspec_models(rules=True)
    pd_types, pd_rules = pydantic_models(rules=False), pydantic_models(rules=True)
    ms_dec = {"types": msgspec.json.Decoder(ms_types), "rules": msgspec.json.Decoder(ms_rules)}
    ms_enc = msgspec.json.Encoder()
    small = blobs[:batch]
    ms_small = [ms_dec["types"].decode(b) for b in small]
    pd_small = [pd_types.model_validate_json(b) for b in small]

    print("\nsmall batch (each bundle decoded or encoded, then dropped; GC on for everyone)")
    table.add(
        "batch",
        "construct",
        "diplo_events",
        timed(each(lambda i: build_bundle(i, source, people, orgs), list(range(batch))), repeat),
        batch,
    )
    table.add("batch", "from_json", "diplo_events", timed(each(de.from_json, small), repeat), batch)
    table.add(
        "batch",
        "from_json",
        "msgspec typed",
        timed(each(ms_dec["types"].decode, small), repeat),
        batch,
    )
    table.add(
        "batch",
        "from_json",
        "msgspec same rules",
        timed(each(ms_dec["rules"].decode, small), repeat),
        batch,
    )
    table.add(
        "batch",
        "from_json",
        "pydantic typed",
        timed(each(pd_types.model_validate_json, small), repeat),
        batch,
    )
    table.add(
        "batch",
        "from_json",
        "pydantic same rules",
        timed(each(pd_rules.model_validate_json, small), repeat),
        batch,
    )
    table.add(
        "batch",
        "from_json",
        "orjson.loads (floor)",
        timed(each(orjson.loads, small), repeat),
        batch,
    )
    table.add(
        "batch", "to_json", "diplo_events", timed(each(de.to_json, bundles[:batch]), repeat), batch
    )
    table.add("batch", "to_json", "msgspec", timed(each(ms_enc.encode, ms_small), repeat), batch)
    table.add(
        "batch",
        "to_json",
        "pydantic",
        timed(each(lambda m: m.model_dump_json(), pd_small), repeat),
        batch,
    )

    # --- dataset: everything held at once -----------------------------------------------------
    print(f"\ndataset ({n} bundles held in memory at once)")
    repeat = args.dataset_repeat
    big = de.to_json(de.Collection(records=[r for b in bundles for r in b.records])).encode()
    lines = [de.to_json(r).encode() for b in bundles for r in b.records]
    jsonl = b"\n".join(lines) + b"\n"
    del bundles
    print(f"  collection document {len(big) / 1e6:.0f} MB, JSON Lines {len(lines)} lines")
    table.add(
        "dataset",
        "from_json(collection)",
        "diplo_events",
        timed(lambda: de.from_json(big), repeat),
        n,
    )
    table.add(
        "dataset",
        "iter_jsonl",
        "diplo_events",
        timed(lambda: list(de.iter_jsonl(io.BytesIO(jsonl))), repeat),
        n,
    )
    for gc_off, label in ((False, ""), (True, ", GC off")):
        for strength in ("types", "rules"):
            name = "typed" if strength == "types" else "same rules"
            dec = ms_dec[strength]
            table.add(
                "dataset",
                "from_json(collection)",
                f"msgspec {name}{label}",
                timed(lambda dec=dec: dec.decode(big), repeat, gc_off=gc_off),
                n,
            )
            record = msgspec.json.Decoder(dec.type.Record)  # type: ignore[attr-defined]
            table.add(
                "dataset",
                "iter_jsonl",
                f"msgspec {name}{label}",
                timed(collect(record.decode, lines), repeat, gc_off=gc_off),
                n,
            )
            model = pd_types if strength == "types" else pd_rules
            table.add(
                "dataset",
                "from_json(collection)",
                f"pydantic {name}{label}",
                timed(lambda model=model: model.model_validate_json(big), repeat, gc_off=gc_off),
                n,
            )
            adapter = model.Record  # type: ignore[attr-defined]
            table.add(
                "dataset",
                "iter_jsonl",
                f"pydantic {name}{label}",
                timed(collect(adapter.validate_json, lines), repeat, gc_off=gc_off),
                n,
            )
    table.add(
        "dataset",
        "from_json(collection)",
        "orjson.loads (floor)",
        timed(lambda: orjson.loads(big), repeat),
        n,
    )

    loaded = de.from_json(big)
    table.add(
        "dataset",
        "to_json(collection)",
        "diplo_events",
        timed(lambda loaded=loaded: de.to_json(loaded), repeat),
        n,
    )
    ms_loaded = ms_dec["types"].decode(big)
    table.add(
        "dataset",
        "to_json(collection)",
        "msgspec",
        timed(lambda ms_loaded=ms_loaded: ms_enc.encode(ms_loaded), repeat),
        n,
    )
    del loaded, ms_loaded

    # Memory per bundle does not depend on the dataset's size; tracemalloc is slow,
    # so it is measured on the first 10,000 bundles (or all, if fewer).
    m = min(n, 10_000)
    part = de.to_json(de.Collection(records=de.from_json(big).records[: 12 * m])).encode()
    print(
        f"\nmemory held per bundle (tracemalloc, {m} bundles loaded from one collection document)"
    )
    mem = {
        "diplo_events": memory_of(lambda: de.from_json(part)),
        "msgspec": memory_of(lambda: ms_dec["types"].decode(part)),
        "pydantic": memory_of(lambda: pd_types.model_validate_json(part)),
        "orjson.loads (dicts)": memory_of(lambda: orjson.loads(part)),
    }
    for library, held in mem.items():
        print(f"  {library:22s} {held / m:10.0f} bytes/bundle")

    print("\nratios (diplo_events time / peer time; below 1 means diplo_events is faster)")
    v = table.value
    for regime, op in (
        ("batch", "from_json"),
        ("dataset", "from_json(collection)"),
        ("dataset", "iter_jsonl"),
    ):
        ours = v(regime, op, "diplo_events")
        tuned = ", GC off" if regime == "dataset" else ""
        for peer in (
            "pydantic typed",
            "pydantic same rules",
            "msgspec typed",
            "msgspec same rules",
        ):
            as_called = v(regime, op, peer)
            line = f"  {regime:8s} {op:22s} vs {peer:20s} {ours / as_called:6.2f}"
            if tuned:
                line += f"   (peer with GC off: {ours / v(regime, op, peer + tuned):6.2f})"
            print(line)
        floor = v(
            regime if regime == "batch" else "dataset",
            "from_json" if regime == "batch" else "from_json(collection)",
            "orjson.loads (floor)",
        )
        print(f"  {regime:8s} {op:22s} vs {'orjson.loads (floor)':20s} {ours / floor:6.2f}")
    print(
        f"  batch    to_json                vs msgspec              "
        f"{v('batch', 'to_json', 'diplo_events') / v('batch', 'to_json', 'msgspec'):6.2f}"
    )
    ours = v("dataset", "to_json(collection)", "diplo_events")
    print(
        f"  dataset  to_json(collection)    vs msgspec              "
        f"{ours / v('dataset', 'to_json(collection)', 'msgspec'):6.2f}"
    )
    print(
        f"  memory per bundle              vs msgspec              "
        f"{mem['diplo_events'] / mem['msgspec']:6.2f}"
    )
    print(
        f"  memory per bundle              vs pydantic             "
        f"{mem['diplo_events'] / mem['pydantic']:6.2f}"
    )
    print(
        "\ntargets: from_json <= 1/1.5 = 0.67 of pydantic and <= 1.5 of msgspec; "
        "to_json <= 1.3 of msgspec; memory <= 1.3 of msgspec"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
