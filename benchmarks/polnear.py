"""Score `diplo_events.extract` on PolNeAR, real US political news, with the shared scorer.

Run from the project root, with a converted split outside the repository
(``docs/polnear.md`` says how to get one)::

    python benchmarks/polnear.py                        # dev split, tables and speed
    python benchmarks/polnear.py --limit 10             # a quick run on ten articles
    python benchmarks/polnear.py --pred-out preds.jsonl --json
    python benchmarks/polnear.py --reader all           # rules, tagger and hybrid compared

For every article the harness calls ``extract(text, published=<its date>)``,
turns each drafted `Statement`, and each `Demand` or `Proposal` that cites
who made it, into one prediction (`predictions` is the whole mapping), and
scores the predictions with the project's shared scorer,
``../shared/tools/polnear/score.py``, loaded from its file: this script never
scores by itself. It adds a calibration table (`calibration`), the number of
predictions, how many articles needed their offsets mapped back from
Unicode NFC (`OffsetMap`), and the speed of extract on the split's texts.
"""

import argparse
import datetime as dt
import importlib.util
import json
import math
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import diplo_events as de
from diplo_events.drafting import OffsetMap

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPLIT = Path("~/.cache/polnear/dev.jsonl")
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "polnear" / "score.py"

#: Double quotation marks, straight and curly, as the corpus counts them for ``direct``.
OPENING_QUOTES = frozenset("\u201c\u201e\u00ab")
CLOSING_QUOTES = frozenset("\u201d\u00bb")
STRAIGHT_QUOTE = '"'
#: Characters never counted when measuring how much of a content is quoted.
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u201e\u201f\u2018\u2019\u00ab\u00bb\u2039\u203a")

#: Confidence bands of the calibration table: label, lowest (included), highest (excluded).
BANDS: tuple[tuple[str, float, float], ...] = (
    ("0.9-1.0", 0.9, math.inf),
    ("0.7-0.9", 0.7, 0.9),
    ("below 0.7", -math.inf, 0.7),
)


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer, imported from its file (it is no package)."""
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    if spec is None or spec.loader is None:
        message = f"cannot load the scorer from {path}"
        raise ImportError(message)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_split(path: Path) -> list[dict[str, Any]]:
    """The articles of a converted split, one JSON object a line."""
    with path.expanduser().open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def quoted_mask(text: str) -> bytearray:
    """1 for each character of *text* inside double quotation marks, else 0.

    As the corpus's converter counts them, paragraph by paragraph: curly (and
    guillemet) marks pair with each other and straight marks with each other,
    independently; a second opening mark inside an open curly quote is part of
    it; a closing mark with no quote open, between a non-letter and a letter or
    digit, opens one (”like this” in careless copy); and a quote still open at
    the paragraph's end runs to it. The marks themselves are 0.
    """
    mask = bytearray(len(text))
    start = 0
    for paragraph in text.split("\n"):
        _mask_paragraph(text, mask, start, start + len(paragraph))
        start += len(paragraph) + 1
    return mask


def _mask_paragraph(text: str, mask: bytearray, start: int, end: int) -> None:
    """Mark the quoted characters of the paragraph *start*..*end* (see `quoted_mask`)."""
    curly: int | None = None
    straight: int | None = None
    for at in range(start, end):
        char = text[at]
        if char in OPENING_QUOTES:
            curly = at if curly is None else curly
        elif char in CLOSING_QUOTES:
            if curly is not None:
                mask[curly + 1 : at] = b"\x01" * (at - curly - 1)
                curly = None
            elif _opens_as_closing(text, at):
                curly = at
        elif char == STRAIGHT_QUOTE:
            if straight is None:
                straight = at
            else:
                mask[straight + 1 : at] = b"\x01" * (at - straight - 1)
                straight = None
    for opened in (curly, straight):
        if opened is not None:
            mask[opened + 1 : end] = b"\x01" * (end - opened - 1)


def _opens_as_closing(text: str, at: int) -> bool:
    """Whether the closing mark at *at* stands where an opening one should: ”word."""
    after = text[at + 1] if at + 1 < len(text) else " "
    before = text[at - 1] if at > 0 else " "
    return after.isalnum() and not before.isalnum()


def quoted_fraction(text: str, spans: Sequence[tuple[int, int]], mask: bytearray) -> float:
    """Share of the non-space, non-quote characters of *spans* that lie inside double quotes."""
    counted = quoted = 0
    for start, end in spans:
        for index in range(start, end):
            char = text[index]
            if char.isspace() or char in QUOTE_MARKS:
                continue
            counted += 1
            quoted += mask[index]
    return quoted / counted if counted else 0.0


def _by_role(citations: Sequence[de.Citation]) -> tuple[de.Citation | None, de.Citation | None]:
    """A statement's content citation and speaker citation.

    By their ``role`` when citations carry one ("content", else "verbatim";
    "speaker"); else by position, as the extractor writes them: first the
    content words, then the mention the speaker was read from.
    """
    roles = [getattr(citation, "role", None) for citation in citations]
    if any(role is not None for role in roles):
        by_role: dict[str, de.Citation] = {}
        for role, citation in zip(roles, citations, strict=True):
            if role is not None:
                by_role.setdefault(str(role), citation)
        content = by_role.get("content") or by_role.get("verbatim")
        return content, by_role.get("speaker")
    content = citations[0] if citations else None
    speaker = citations[1] if len(citations) > 1 else None
    return content, speaker


def confidence(content: de.Citation, speaker: de.Citation | None) -> float:
    """A statement's confidence: the lower of its content's and its speaker's.

    A citation with no confidence, or a missing speaker citation, counts as 0.
    """
    if speaker is None:
        return 0.0
    return min(content.confidence or 0.0, speaker.confidence or 0.0)


#: How far back the mark of a quote is looked for (a quote of 5,000 characters is long).
_MARK_REACH = 5000
_DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'


def _apostrophes(text: str, start: int) -> bool:
    """Whether words starting at *start* lie in a quote marked by two apostrophes ('' … '').

    That is, whether the last double quotation mark before them in their
    paragraph, or the mark they begin with (the tagger's words may), is two
    apostrophes.
    """
    floor = max(0, start - _MARK_REACH)
    newline = text.rfind("\n", floor, start)
    low = floor if newline < 0 else newline + 1
    window = text[low : start + 2]
    return window.rfind("''") > max(window.rfind(mark) for mark in _DOUBLE_MARKS)


def _in_single_quotes(text: str, start: int, end: int) -> bool:
    """Whether *start*..*end*, less spaces and a final stop, is wrapped in U+2018 and U+2019."""
    words = text[start:end].strip().rstrip(".,;:!?").strip()
    return len(words) > 2 and words[0] == "\u2018" and words[-1] == "\u2019"


def _attributions(collection: de.Collection) -> list[de.Statement | de.Demand | de.Proposal]:
    """The drafts that are attributions in PolNeAR's sense.

    Every statement, in the order drafted; then every demand or proposal whose
    citations name the mention of who made it ("Lindqvist urged Norway to ...")
    and whose words overlap no statement's (the tagger alone may read the
    same words as a statement: one attribution, counted once) nor hold that
    mention ("the exchange which X demanded take place": no attribution's
    content holds its source). A demand read inside what someone said cites
    no speaker of its own: the statement holding it is already an attribution.
    """
    statements = list(collection.of_type(de.Statement))
    said = [span for s in statements if (span := _content_span(s)) is not None]
    records: list[de.Statement | de.Demand | de.Proposal] = list(statements)
    for record in (*collection.of_type(de.Demand), *collection.of_type(de.Proposal)):
        content, speaker = _by_role(record.citations)
        if content is None or not content.spans or speaker is None or not speaker.spans:
            continue
        low, high = content.spans[0].start, content.spans[-1].end
        if low <= speaker.spans[0].start < high:
            continue  # words that hold their own maker ("the exchange which X demanded")
        if not any(start < high and low < end for start, end in said):
            records.append(record)
    return records


def _content_span(record: de.Statement | de.Demand | de.Proposal) -> tuple[int, int] | None:
    """From the first to the last character of a record's content citation, if it has spans."""
    content, _speaker = _by_role(record.citations)
    if content is None or not content.spans:
        return None
    return content.spans[0].start, content.spans[-1].end


def predictions(collection: de.Collection, text: str) -> list[dict[str, Any]]:
    """The scorer's predictions for the drafts of one article, in `_attributions` order.

    One prediction per attribution (`_attributions`: each `Statement`, and
    each `Demand` or `Proposal` that cites who made it) with a content
    citation that has spans:

    * ``start``/``end``: from the first span's start to the last span's end of
      the content citation;
    * ``speaker_start``/``speaker_end``: the speaker citation's span, or
      ``None`` when there is none;
    * ``direct``: a direct quote, or a mixed statement, a demand or a
      proposal with at least half of its content characters (spaces and
      quote marks aside) inside double quotation marks, the corpus's own
      rule; and any prediction whose words are wrapped whole in single
      curly quotes, which the corpus's rule also calls direct;
    * ``confidence``: see `confidence`; the scorer ignores it.

    Offsets index *text*, the article as given: the drafts index its NFC form,
    and are mapped back with `OffsetMap` when the two differ.
    """
    offsets = OffsetMap(text)
    sources = collection.of_type(de.Source)
    if sources and sources[0].text is not None and sources[0].text != offsets.nfc:
        raise ValueError("the drafts' source text is not the NFC form of the article")
    mask: bytearray | None = None
    out = []
    for record in _attributions(collection):
        content, speaker = _by_role(record.citations)
        if content is None or not content.spans:
            continue
        spans = [(offsets.start(s.start), offsets.end(s.end)) for s in content.spans]
        mode = getattr(record, "mode", de.StatementMode.REPORTED)
        # A quote is direct unless two apostrophes mark it (''…''): the corpus's rule
        # counts double quotation marks only.
        direct = mode == de.StatementMode.DIRECT_QUOTE and not _apostrophes(text, spans[0][0])
        # Words that may hold a quote: a mixed statement's, and a demand's or a proposal's.
        if mode == de.StatementMode.MIXED or not isinstance(record, de.Statement):
            if mask is None:
                mask = quoted_mask(text)
            direct = quoted_fraction(text, spans, mask) >= 0.5  # the corpus's rule
        # The corpus's rule also calls direct words wrapped whole in single curly quotes,
        # as headlines write quotes (Warren To CEO: U+2018 You Should Be Investigated. U+2019).
        direct = direct or _in_single_quotes(text, spans[0][0], spans[-1][1])
        speaker_span = speaker.spans if speaker is not None else ()
        out.append(
            {
                "start": spans[0][0],
                "end": spans[-1][1],
                "speaker_start": offsets.start(speaker_span[0].start) if speaker_span else None,
                "speaker_end": offsets.end(speaker_span[-1].end) if speaker_span else None,
                "direct": direct,
                "confidence": confidence(content, speaker),
            }
        )
    return out


def published(article: dict[str, Any]) -> dt.date | None:
    """The article's publication date, or ``None``."""
    value = article.get("published")
    return dt.date.fromisoformat(value) if value else None


def draft_all(
    articles: list[dict[str, Any]], reader: str = "rules", model: Path | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    """Predictions for every article by id, and counts: statements, NFC-mapped, failures."""
    pred_map: dict[str, list[dict[str, Any]]] = {}
    counts = {"articles": len(articles), "statements": 0, "nfc_mapped": 0, "failed": 0}
    for article in articles:
        text = article["text"]
        try:
            drafts = de.extract(text, published=published(article), reader=reader, model=model)
        except de.DiploEventsError as error:
            counts["failed"] += 1
            print(f"extract failed on {article['id']}: {error}", file=sys.stderr)
            pred_map[article["id"]] = []
            continue
        pred_map[article["id"]] = predictions(drafts, text)
        counts["statements"] += len(pred_map[article["id"]])
        counts["nfc_mapped"] += OffsetMap(text).needed
    return pred_map, counts


def calibration(
    scorer: ModuleType,
    articles: list[dict[str, Any]],
    pred_map: dict[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """Per confidence band: statements drafted, how many are right, how many were absorbed.

    Right means the scorer's overlap matching (ALL view) found a gold
    attribution for the prediction and the scorer's coreference rule judges
    its speaker correct against it. A prediction the matching absorbed (a
    further piece of a discontinuous gold quote already matched, such as the
    second half of "X," he said, "Y.") is judged against that gold: the
    scorer counts it neither as a true nor as a false positive, but its
    speaker can still be wrong. Predictions the scorer drops (inside a
    Discard span) are counted, and never right.
    """
    right: set[tuple[str, int]] = set()
    absorbed: set[tuple[str, int]] = set()
    for article in articles:
        text = article["text"]
        quotes = [dict(q, _index=i) for i, q in enumerate(pred_map.get(article["id"], []))]
        golds = scorer.prep_gold(article)
        preds = scorer.prep_pred(article, quotes, {"malformed": 0, "ignored": 0})
        pairs, absorbed_here = scorer.match(text, preds, golds, "overlap")
        found = dict(pairs)
        for p in absorbed_here:
            absorbed.add((article["id"], preds[p]["_index"]))
            found[p] = _absorbed_into(scorer, text, preds[p], golds, set(pairs.values()))
        for p, g in found.items():
            _bucket, _strict, coref = scorer.speaker_correct(text, preds[p], golds[g])
            if coref:
                right.add((article["id"], preds[p]["_index"]))
    table = []
    for label, low, high in BANDS:
        inside = [
            (article_id, i)
            for article_id, quotes in pred_map.items()
            for i, q in enumerate(quotes)
            if low <= q["confidence"] < high
        ]
        table.append(
            {
                "band": label,
                "statements": len(inside),
                "right": sum(k in right for k in inside),
                "absorbed": sum(k in absorbed for k in inside),
            }
        )
    return table


def _absorbed_into(
    scorer: ModuleType,
    text: str,
    pred: dict[str, Any],
    golds: list[dict[str, Any]],
    matched: set[int],
) -> int:
    """The matched discontinuous gold whose later fragment an absorbed prediction overlaps."""
    for g in sorted(matched):
        if len(golds[g]["_segs"]) > 1:
            quality, segment = scorer.pair_quality(text, pred, golds[g], "overlap")
            if quality > 0 and segment is not None and segment > 0:
                return g
    message = "an absorbed prediction overlaps no matched discontinuous gold"
    raise ValueError(message)


def throughput(
    articles: list[dict[str, Any]], repeat: int, reader: str = "rules", model: Path | None = None
) -> tuple[float, int, float]:
    """Median KB (1000 bytes of UTF-8) per second of extract over the texts, their size, and
    the same speed by the process's CPU time (steadier on a machine other jobs share).
    """
    size = sum(len(a["text"].encode()) for a in articles)
    times = []
    cpu_times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        cpu_begin = time.process_time()
        for article in articles:
            try:
                de.extract(
                    article["text"], published=published(article), reader=reader, model=model
                )
            except de.DiploEventsError:
                continue
        times.append(time.perf_counter() - begin)
        cpu_times.append(time.process_time() - cpu_begin)
    return (
        size / 1000 / statistics.median(times),
        size,
        size / 1000 / statistics.median(cpu_times),
    )


def tagger_facts(model: Path | None, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """The model's training time and size, and the tagger's own speed (KB per CPU second)."""
    from diplo_events.drafting import tagger  # noqa: PLC0415 - only when a tagger reader runs

    loaded = tagger.load(model)
    meta = json.loads((loaded.path / "model.json").read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in loaded.path.iterdir() if p.is_file())
    texts = [a["text"] for a in articles]
    begin = time.process_time()
    for text in texts:
        loaded.attributions(text)
    seconds = time.process_time() - begin
    return {
        "model": str(loaded.path),
        "training_seconds": meta.get("seconds"),
        "training_tokens": meta.get("tokens"),
        "model_bytes": size,
        "tagging_kb_per_second": sum(len(t.encode()) for t in texts) / 1000 / seconds,
    }


def run_reader(
    args: argparse.Namespace, scorer: ModuleType, articles: list[dict[str, Any]], reader: str
) -> int:
    """Score one reader on the split and print (or dump) its tables."""
    pred_map, counts = draft_all(articles, reader, args.model)
    if args.pred_out is not None:
        out_path = args.pred_out
        if args.reader == "all":
            out_path = out_path.with_name(f"{out_path.stem}.{reader}{out_path.suffix}")
        with out_path.open("w", encoding="utf-8") as out:
            for article in articles:
                line = {"id": article["id"], "quotes": pred_map[article["id"]]}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    result = scorer.score(articles, pred_map)
    bands = calibration(scorer, articles, pred_map)
    speed, size, cpu_speed = throughput(articles, max(1, args.repeat), reader, args.model)
    facts = tagger_facts(args.model, articles) if reader != "rules" else {}
    if args.json:
        summary = {
            "reader": reader,
            "scores": result,
            "calibration": bands,
            "kb_per_second": speed,
            "kb_per_cpu_second": cpu_speed,
            **facts,
            **counts,
        }
        print(json.dumps(summary, indent=2))
        return 0
    print(scorer.fmt(result, f"extract(reader={reader!r}) on {args.split.name}"))
    print()
    print(
        f"{counts['articles']} articles ({size / 1000:.1f} KB), {counts['statements']} predictions"
        f" (statements, and demands and proposals citing their maker); offsets mapped back from"
        f" NFC in {counts['nfc_mapped']} articles;"
        f" extract failed on {counts['failed']}"
    )
    print()
    print("calibration: confidence = lower of content and speaker citations'")
    print("right = overlap match (ALL) with the speaker correct by the coref rule")
    print("(absorbed: further pieces of a split gold quote, judged against that gold)")
    print(f"{'band':<12}{'drafted':>8}{'right':>7}{'share':>7}{'absorbed':>10}")
    for band in bands:
        share = band["right"] / band["statements"] if band["statements"] else 0.0
        print(
            f"{band['band']:<12}{band['statements']:>8}{band['right']:>7}{share:>7.3f}"
            f"{band['absorbed']:>10}"
        )
    print()
    print(
        f"speed: {speed:.1f} KB/s of extract (median of {max(1, args.repeat)} runs, one core);"
        f" {cpu_speed:.1f} KB per CPU second"
    )
    if facts:
        print(
            f"tagger: model {facts['model']} ({facts['model_bytes'] / 1e6:.2f} MB), trained in"
            f" {facts['training_seconds']} s on {facts['training_tokens']} tokens;"
            f" tagging alone {facts['tagging_kb_per_second']:.1f} KB per CPU second"
        )
    print()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="a converted split")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the shared score.py")
    parser.add_argument("--pred-out", type=Path, help="keep the predictions file here")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (median is kept)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--reader",
        choices=("rules", "tagger", "hybrid", "all"),
        default="rules",
        help="which reader drafts the statements; all compares the three",
    )
    parser.add_argument(
        "--model", type=Path, help="the tagger's model folder (default: the user's cache)"
    )
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    articles = load_split(args.split)[: args.limit]
    readers = ("rules", "tagger", "hybrid") if args.reader == "all" else (args.reader,)
    for reader in readers:
        run_reader(args, scorer, articles, reader)
    return 0


if __name__ == "__main__":
    sys.exit(main())
