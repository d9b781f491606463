"""Fuzz diplo_events' entry points with mutated valid input; count and classify outcomes.

Each entry point gets ``--count`` inputs, made by mutating the project's own
valid documents (``tests/data/valid``) and gold texts (``tests/data/extraction*``):
byte flips, cuts, splices, repeats, and values known to be awkward (numbers at
the edges of a double, RFC 3339 look-alikes, invisible and surrogate
characters, deep nesting, long strings, hostile Python objects). Every call
ends in one of three outcomes:

- ``ok``: a result;
- ``library error``: an exception of diplo_events' own (`DiploEventsError`),
  which is what bad input must get;
- ``finding``: any other exception (or a broken round trip), a bug. Findings
  are printed with a shortened input, and written whole with ``--findings DIR``.

The run is deterministic for a ``--seed``. It prints, per entry point, the
counts and the inputs per second, so a long run can be sized from a short one:

    python benchmarks/fuzz.py --count 5000 --seed 1
    python benchmarks/fuzz.py --count 150000 --only from_json iter_jsonl

It exits with status 1 if there was any finding.
"""

import argparse
import copy
import datetime as dt
import io
import json
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import diplo_events as de

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "data" / "valid"
TEXTS = sorted((ROOT / "tests" / "data").glob("extraction*/*.txt"))

#: Tokens spliced into JSON text: each one has broken, or could break, a reader.
JSON_TOKENS: tuple[bytes, ...] = (
    b"1e-400",
    b"-1e-400",
    b"1e400",
    b"-0.0",
    b"5e-324",
    b"9007199254740993",
    b"1" * 5000,
    b"NaN",
    b"-Infinity",
    b'"\\ud800"',
    b'"\\u0000"',
    b'"\xff"',
    b'"\xed\xa0\x80"',
    b'"2020-12-07T24:00:00Z"',
    b'"2020-12-07T10:00:00-00:00"',
    b'"20201207T100000Z"',
    b'"2020-W50-1T10:00:00Z"',
    b'"2020-12-07T10:00:00.1234567Z"',
    b'"2016-12-31T23:59:60Z"',
    b'"2020-12-07T10:00:00,5Z"',
    '"\u200b"'.encode(),
    '"\ufeff"'.encode(),
    '"e\u0301"'.encode(),
    b'"' + b"x" * 100_000 + b'"',
    b"[" * 40 + b"]" * 40,
    b"{}",
    b"[]",
    b"null",
    b"true",
    b'"type"',
    b'"collection"',
    b'"schema_version"',
    b'"1.0"',
    b"\r",
    b"\n",
    "\u2028".encode(),
    "\u00a0".encode(),
)

#: Values put in place of a value in a parsed document (from_dict only takes some of them).
VALUES: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    2**53,
    2**64,
    10**5000,
    1.5,
    float("nan"),
    float("inf"),
    -0.0,
    "",
    " ",
    "\u200b",
    "\ud800",
    "x" * 100_000,
    "2020-12-07T24:00:00Z",
    "2020-12-07T10:00:00-00:00",
    "2020-12-07",
    "meeting--7bea6206-d211-447b-abc4-669f7faf3e1f",
    [],
    {},
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
)

#: Strings spliced into texts for the text functions.
TEXT_TOKENS: tuple[str, ...] = (
    "“",
    "”",
    '"',
    "'",
    "«",
    "»",
    ": “",
    ",” ",
    " said ",
    " told reporters ",
    " according to ",
    "Mr. ",
    "Foreign Minister ",
    "Sergey Lavrov",
    "December 7, 3000",
    "7 December 2020",
    "2020-12-07",
    "on Tuesday",
    "last week",
    "31/02/2021",
    "\n\n",
    "\n",
    "\r",
    "\u2028",
    "\u200b",
    "\ufeff",
    "\ud800",
    "e\u0301",
    "...",
    ".” ",
    "(",
    ")",
    "—",
    "A" * 500,
    "Mr. " * 50,
    "“x,” " * 50,
    ". " * 200,
)


class Hostile:
    """A value whose comparisons, hash and repr raise: what only from_dict() can be given."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("hostile __eq__")

    def __hash__(self) -> int:
        raise RuntimeError("hostile __hash__")

    def __repr__(self) -> str:
        raise RuntimeError("hostile __repr__")


class Fuzzer:
    """Makes mutated inputs from the project's valid documents and gold texts."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.documents = [path.read_bytes() for path in sorted(VALID.glob("*.json"))]
        self.canonical = [de.to_json(de.from_json(d)).encode() for d in self.documents]
        collection = next(de.from_json(d) for d in self.documents if b'"collection"' in d)
        self.lines = [de.to_json(r).encode() for r in collection]
        self.texts = [path.read_text(encoding="utf-8") for path in TEXTS]

    # --- bytes ---------------------------------------------------------------------

    def mutate_bytes(self, data: bytes, rounds: int | None = None) -> bytes:
        """Apply one to four random byte-level mutations to *data*."""
        rng = self.rng
        out = bytearray(data)
        for _ in range(rounds or rng.randint(1, 4)):
            at = rng.randint(0, len(out))
            choice = rng.randrange(7)
            if choice == 0 and out:  # flip a byte
                out[min(at, len(out) - 1)] = rng.randrange(256)
            elif choice == 1:  # cut a range
                del out[at : at + rng.randint(1, 40)]
            elif choice == 2:  # an awkward token
                out[at:at] = rng.choice(JSON_TOKENS)
            elif choice == 3 and out:
                end = min(len(out), at + rng.randint(1, 200))
                out[at:at] = out[at:end] * rng.randint(2, 50)
            elif choice == 4:
                other = rng.choice(self.documents)
                start = rng.randrange(len(other))
                out[at:at] = other[start : start + rng.randint(1, 300)]
            elif choice == 5:
                out[at : at + rng.randint(1, 12)] = rng.choice(JSON_TOKENS)
            else:  # truncate
                del out[at:]
        return bytes(out)

    # --- structured ------------------------------------------------------------------

    def mutate_tree(self, tree: Any, *, hostile: bool) -> Any:
        """Replace, delete or add one to three values anywhere in a parsed document."""
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            nodes = list(_containers(tree))
            container = rng.choice(nodes)
            values: list[object] = [*VALUES]
            if hostile:
                values += [Hostile(), {1: 2}, (1, 2), {"a"}, b"bytes", dt.date(2020, 1, 1)]
            value = copy.deepcopy(rng.choice(values))  # a fresh list or dict: never a cycle
            if isinstance(container, dict):
                keys = list(container)
                action = rng.randrange(3)
                if keys and action == 0:
                    container[rng.choice(keys)] = value
                elif keys and action == 1:
                    del container[rng.choice(keys)]
                else:
                    key = rng.choice(["type", "id", "x", "schema_version", "name", "\ud800"])
                    container[key] = value
            elif container:
                container[rng.randrange(len(container))] = value
            else:
                container.append(value)
        return tree

    # --- text ------------------------------------------------------------------------

    def mutate_text(self, text: str, size: int) -> str:
        """A piece of *text* up to *size* characters, with a few awkward tokens spliced in."""
        rng = self.rng
        start = rng.randrange(max(1, len(text) - size))
        out = text[start : start + rng.randint(1, size)]
        for _ in range(rng.randint(0, 6)):
            at = rng.randint(0, len(out))
            choice = rng.randrange(4)
            if choice == 0:
                out = out[:at] + rng.choice(TEXT_TOKENS) + out[at:]
            elif choice == 1:
                out = out[:at] + out[at + rng.randint(1, 20) :]
            elif choice == 2:
                out = out[:at] + chr(rng.randrange(0x110000)) + out[at:]
            else:
                out = out.replace("\n\n", " ") if rng.random() < 0.5 else out.upper()
        return out


def _containers(tree: Any) -> Iterator[Any]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list):
            yield node
            stack.extend(node.values() if isinstance(node, dict) else node)


# --- entry points --------------------------------------------------------------------------

CLASSES: tuple[Any, ...] = (None, None, None, de.Collection, de.Meeting, de.Person, de.Citation)
ANCHOR = dt.date(2021, 3, 3)


def _from_json(fuzz: Fuzzer) -> Callable[[], object]:
    seed = fuzz.rng.choice(fuzz.canonical + fuzz.documents)
    draw = fuzz.rng.random()
    if draw < 0.1:  # the document as it is, or indented: what must be read
        data = seed if draw < 0.05 else json.dumps(json.loads(seed), indent=2).encode()
    elif draw < 0.4:
        # Valid JSON that says something else: reaches the model rules, not the syntax.
        tree = fuzz.mutate_tree(json.loads(seed), hostile=False)
        try:
            data = json.dumps(tree, separators=(",", ":"), sort_keys=True).encode(
                "utf-8", "surrogatepass"
            )
        except ValueError:
            data = fuzz.mutate_bytes(seed)
    else:
        data = fuzz.mutate_bytes(seed)
    cls = fuzz.rng.choice(CLASSES)
    as_text = fuzz.rng.random() < 0.3
    text: str | bytes = data
    if as_text:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", "surrogateescape")

    def call() -> object:
        result = de.from_json(text, cls)
        if de.from_json(de.to_json(result), cls) != result:  # pragma: no cover - a finding
            raise AssertionError("to_json() then from_json() changed the value")
        return result

    return call


def _iter_jsonl(fuzz: Fuzzer) -> Callable[[], object]:
    rng = fuzz.rng
    lines = [rng.choice(fuzz.lines) for _ in range(rng.randint(1, 8))]
    data = b"\n".join(lines) + b"\n"
    data = fuzz.mutate_bytes(data)
    mode = rng.randrange(3)

    def call() -> object:
        if mode == 0:
            stream: Any = io.BytesIO(data)
        elif mode == 1:
            stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        else:
            stream = io.StringIO(data.decode("utf-8", "replace"))
        return list(de.iter_jsonl(stream))

    return call


def _from_dict(fuzz: Fuzzer) -> Callable[[], object]:
    tree = json.loads(fuzz.rng.choice(fuzz.documents))
    tree = fuzz.mutate_tree(tree, hostile=fuzz.rng.random() < 0.2)
    cls = fuzz.rng.choice(CLASSES)
    return lambda: de.from_dict(tree, cls)


def _extract(fuzz: Fuzzer) -> Callable[[], object]:
    text = fuzz.mutate_text(fuzz.rng.choice(fuzz.texts), 3000)
    published = fuzz.rng.choice([None, ANCHOR])
    return lambda: de.extract(text, published=published, reader="rules")


def _parse_date(fuzz: Fuzzer) -> Callable[[], object]:
    text = fuzz.mutate_text(fuzz.rng.choice(fuzz.texts), 40)
    anchor = fuzz.rng.choice([None, ANCHOR])
    day_first = fuzz.rng.choice([None, True, False])
    return lambda: de.parse_date(text, anchor=anchor, day_first=day_first)


def _find_dates(fuzz: Fuzzer) -> Callable[[], object]:
    text = fuzz.mutate_text(fuzz.rng.choice(fuzz.texts), 2000)
    anchor = fuzz.rng.choice([None, ANCHOR])
    return lambda: de.find_dates(text, anchor=anchor)


def _parse_actor_mention(fuzz: Fuzzer) -> Callable[[], object]:
    text = fuzz.mutate_text(fuzz.rng.choice(fuzz.texts), 80)
    return lambda: de.parse_actor_mention(text)


ENTRY_POINTS: dict[str, Callable[[Fuzzer], Callable[[], object]]] = {
    "from_json": _from_json,
    "iter_jsonl": _iter_jsonl,
    "from_dict": _from_dict,
    "extract": _extract,
    "parse_date": _parse_date,
    "find_dates": _find_dates,
    "parse_actor_mention": _parse_actor_mention,
}


def run(name: str, count: int, seed: int, findings_dir: Path | None) -> dict[str, Any]:
    """Fuzz one entry point *count* times; return its counts and findings."""
    fuzz = Fuzzer(seed)
    make = ENTRY_POINTS[name]
    ok = library = 0
    findings: list[str] = []
    started = time.perf_counter()
    for index in range(count):
        call = make(fuzz)
        try:
            call()
        except de.DiploEventsError:
            library += 1
        except Exception as exc:  # noqa: BLE001 - anything else is a finding
            summary = f"{name} #{index}: {type(exc).__name__}: {str(exc)[:200]}"
            findings.append(summary)
            if findings_dir is not None:
                findings_dir.mkdir(parents=True, exist_ok=True)
                detail = f"{summary}\n\n{traceback.format_exc()}\n\ninput: {_shown(call)}\n"
                (findings_dir / f"{name}-{seed}-{index}.txt").write_text(detail, encoding="utf-8")
        else:
            ok += 1
    elapsed = time.perf_counter() - started
    return {
        "name": name,
        "count": count,
        "ok": ok,
        "library": library,
        "findings": findings,
        "seconds": elapsed,
    }


def _shown(call: Callable[[], object]) -> str:
    cells = getattr(call, "__closure__", None) or ()
    return "; ".join(repr(cell.cell_contents)[:2000] for cell in cells)


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; return 1 if anything was found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=5000, help="inputs per entry point")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="+", choices=sorted(ENTRY_POINTS), default=None)
    parser.add_argument("--findings", type=Path, default=None, help="write each finding here")
    args = parser.parse_args(argv)
    names = args.only or list(ENTRY_POINTS)
    print(f"fuzzing {len(names)} entry points, {args.count} inputs each, seed {args.seed}")
    print(f"{'entry point':<22}{'inputs':>9}{'ok':>9}{'library':>9}{'findings':>9}{'inputs/s':>10}")
    total = found = 0
    for name in names:
        result = run(name, args.count, args.seed, args.findings)
        rate = result["count"] / result["seconds"] if result["seconds"] else float("inf")
        print(
            f"{name:<22}{result['count']:>9}{result['ok']:>9}{result['library']:>9}"
            f"{len(result['findings']):>9}{rate:>10.0f}",
            flush=True,
        )
        for finding in result["findings"][:10]:
            print(f"    finding: {finding}")
        total += result["count"]
        found += len(result["findings"])
    print(f"total: {total} inputs, {found} findings")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
