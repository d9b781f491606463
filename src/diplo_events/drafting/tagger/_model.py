"""Training, finding, loading and running the tagger's model.

A model is a folder of two files: ``model.crfsuite`` (the CRF weights,
python-crfsuite's format) and ``model.json`` (the cue lexicon learned with
it, the feature version and how it was trained). `default_model_path` says
where `train` writes one and `extract` looks for one.
"""

import functools
import itertools
import json
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from diplo_events._extras import require
from diplo_events.drafting.tagger._features import (
    FEATURES_VERSION,
    CueLexicon,
    Token,
    features,
    paragraph_tokens,
    sentence_starts,
    spans_of,
    tags_for,
)
from diplo_events.drafting.tagger._spans import Scored, TaggedAttribution, link
from diplo_events.exceptions import Issue, ParseError

__all__ = [
    "MODEL_ENV",
    "Tagger",
    "TrainingReport",
    "default_model_path",
    "load",
    "stamp_of",
    "train",
]

#: The environment variable that names a model folder, before the cache folder is tried.
MODEL_ENV: Final = "DIPLO_EVENTS_TAGGER_MODEL"
_WEIGHTS: Final = "model.crfsuite"
_META: Final = "model.json"
# Both ways to train: the command line (the cli extra) and the module entry point.
_TRAIN_HINT: Final = (
    "`diplo-events tagger train <corpus.jsonl>`"
    " or `python -m diplo_events.drafting.tagger train <corpus.jsonl>`"
)


def _crfsuite() -> Any:
    """python-crfsuite, imported on first use, or an ImportError naming the extra."""
    return require(
        "pycrfsuite", extra="tagger", who="the attribution tagger", what="python-crfsuite"
    )


def default_model_path() -> Path:
    """Where the tagger's model is written by default and looked for.

    The folder named by the environment variable ``DIPLO_EVENTS_TAGGER_MODEL``
    if it is set; else ``diplo_events/tagger`` in the user's cache folder:
    ``$XDG_CACHE_HOME`` when set, else ``~/.cache``.

    .. versionadded:: 0.2.0
    """
    named = os.environ.get(MODEL_ENV)
    if named:
        return Path(named).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(cache) / "diplo_events" / "tagger"


@attrs.frozen
class TrainingReport:
    """What `train` did.

    Attributes:
        path: The model folder written.
        articles: Articles read from the corpus.
        attributions: Attributions they hold.
        tokens: Tokens trained on.
        seconds: Wall-clock time of the whole run (features and training).
        size: Bytes of the model folder's files.
    """

    path: Path
    articles: int
    attributions: int
    tokens: int
    seconds: float
    size: int


def _corpus_issue(line: int, path: str, message: str) -> ParseError:
    return ParseError([Issue(path=path, code="corpus.malformed", message=message, line=line)])


def _span_fragments(value: object, line: int, path: str, size: int) -> list[tuple[int, int]]:
    """The fragments of a corpus span (``fragments``, else ``start``/``end``), checked."""
    if value is None:
        return []
    if not isinstance(value, dict):
        raise _corpus_issue(line, path, "a span must be an object")
    fragments = value.get("fragments") or [[value.get("start"), value.get("end")]]
    out = []
    for index, fragment in enumerate(fragments):
        where = f"{path}.fragments[{index}]" if "fragments" in value else path
        if not (
            isinstance(fragment, list | tuple)
            and len(fragment) == 2  # noqa: PLR2004 - start and end
            and all(isinstance(x, int) and not isinstance(x, bool) for x in fragment)
            and 0 <= fragment[0] <= fragment[1] <= size
        ):
            raise _corpus_issue(line, where, f"a span needs 0 <= start <= end <= {size}")
        out.append((fragment[0], fragment[1]))
    return out


def read_corpus(path: Path) -> Iterator[tuple[str, list[tuple[str, int, int]], int]]:
    """Each article of a corpus: its text, its spans (kind letter, start, end), its attributions.

    Raises:
        ParseError: A line is not UTF-8 text, not JSON, not an object with
            ``text`` and ``attributions``, or a span does not fit in its text
            (code ``corpus.malformed``).
    """
    with path.open("rb") as lines:
        for number, encoded in enumerate(lines, start=1):
            try:
                raw = encoded.decode("utf-8")
            except UnicodeDecodeError as error:
                message = f"not UTF-8 text: {error.reason} at byte {error.start} of the line"
                raise _corpus_issue(number, "$", message) from None
            if raw.strip():
                yield _corpus_article(number, raw)


def _corpus_article(number: int, raw: str) -> tuple[str, list[tuple[str, int, int]], int]:
    """One line of a corpus, read as `read_corpus` yields it."""
    try:
        article = json.loads(raw)
    except json.JSONDecodeError as error:
        raise _corpus_issue(number, "$", f"not JSON: {error.msg}") from None
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        raise _corpus_issue(number, "$.text", "each line needs a string 'text'")
    attributions = article.get("attributions", [])
    if not isinstance(attributions, list):
        raise _corpus_issue(number, "$.attributions", "'attributions' must be a list")
    text = article["text"]
    laid: dict[str, list[tuple[str, int, int]]] = {"C": [], "S": [], "Q": []}
    for index, item in enumerate(attributions):
        where = f"$.attributions[{index}]"
        if not isinstance(item, dict):
            raise _corpus_issue(number, where, "an attribution must be an object")
        for letter, key in (("C", "content"), ("S", "source"), ("Q", "cue")):
            for start, end in _span_fragments(item.get(key), number, f"{where}.{key}", len(text)):
                laid[letter].append((letter, start, end))
    return text, [*laid["C"], *laid["S"], *laid["Q"]], len(attributions)


def _write_meta(folder: Path, lexicon: CueLexicon, info: dict[str, Any]) -> None:
    meta = {
        "features_version": FEATURES_VERSION,
        "strong_cues": sorted(lexicon.strong),
        "weak_cues": sorted(lexicon.weak),
        **info,
    }
    (folder / _META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def train(
    corpus_path: str | os.PathLike[str],
    model_path: str | os.PathLike[str] | None = None,
    *,
    c1: float = 2.0,
    c2: float = 0.05,
    iterations: int = 150,
) -> TrainingReport:
    """Train the attribution tagger on a corpus and write the model.

    Args:
        corpus_path: A JSON Lines corpus in the shape of the PolNeAR
            converter (``../shared/tools/polnear/``): one article a line, with
            ``text`` and ``attributions``, each with ``content``, ``source``
            and ``cue`` spans (``start``, ``end`` and optional ``fragments``;
            a missing source or cue is ``null``).
        model_path: The folder to write, made if missing; by default
            `default_model_path`.
        c1: The L1 regularisation of L-BFGS training.
        c2: The L2 regularisation.
        iterations: The most L-BFGS iterations.

    Returns:
        What was trained, on how much, in how long, and the model's size.

    Raises:
        ImportError: python-crfsuite is not installed (the ``tagger`` extra).
        ParseError: The corpus is malformed (code ``corpus.malformed``, with
            the line and the JSON path).
        FileNotFoundError: *corpus_path* does not exist.

    .. versionadded:: 0.2.0
    """
    crfsuite = _crfsuite()
    begin = time.perf_counter()
    corpus = Path(corpus_path)
    folder = Path(model_path) if model_path is not None else default_model_path()
    articles: list[tuple[list[list[Token]], list[list[str]]]] = []
    cue_counts: Counter[str] = Counter()
    word_counts: Counter[str] = Counter()
    attributions = 0
    for text, spans, found in read_corpus(corpus):
        attributions += found
        paragraphs = paragraph_tokens(text)
        tags = []
        for tokens in paragraphs:
            inside = [s for s in spans if s[1] < tokens[-1].end and s[2] > tokens[0].start]
            tags.append(tags_for(tokens, inside))
            for token, tag in zip(tokens, tags[-1], strict=True):
                lower = token.text.lower()
                word_counts[lower] += 1
                if tag.endswith("-Q"):
                    cue_counts[lower] += 1
        articles.append((paragraphs, list(tags)))
    lexicon = CueLexicon.learn(cue_counts, word_counts)
    trainer = crfsuite.Trainer(verbose=False)
    tokens_seen = 0
    for paragraphs, tags in articles:
        for tokens, labels in zip(paragraphs, tags, strict=True):
            trainer.append(features(tokens, lexicon), labels)
            tokens_seen += len(tokens)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    folder.mkdir(parents=True, exist_ok=True)
    trainer.train(str(folder / _WEIGHTS))
    seconds = time.perf_counter() - begin
    _write_meta(
        folder,
        lexicon,
        {
            "corpus": corpus.name,
            "articles": len(articles),
            "attributions": attributions,
            "tokens": tokens_seen,
            "c1": c1,
            "c2": c2,
            "iterations": iterations,
            "seconds": round(seconds, 1),
        },
    )
    size = sum(p.stat().st_size for p in (folder / _WEIGHTS, folder / _META))
    return TrainingReport(folder, len(articles), attributions, tokens_seen, seconds, size)


class Tagger:
    """A trained model, loaded: tags a text's attributions.

    Build one with `load`.
    """

    __slots__ = ("_tagger", "lexicon", "path")

    def __init__(self, path: Path, tagger: Any, lexicon: CueLexicon) -> None:
        self.path = path
        self._tagger = tagger
        self.lexicon = lexicon

    def attributions(self, text: str) -> list[TaggedAttribution]:
        """The attributions the model finds in *text*, in text order, with character spans.

        Each paragraph (line) is tagged as one sequence; its content, source
        and cue spans are then linked into attributions (see
        `TaggedAttribution`), with the words its marginals alone hold in a
        sentence the best sequence tags nothing said in (`posterior`).
        """
        tagger = self._tagger
        out: list[TaggedAttribution] = []
        previous: TaggedAttribution | None = None
        for tokens in paragraph_tokens(text):
            tags = tagger.tag(features(tokens, self.lexicon))
            scored: list[Scored] = _posterior_contents(tagger, tokens, tags, self.lexicon.strong)
            if not scored and all(tag == "O" for tag in tags):
                previous = None
                continue
            for kind, start, end, first, last in spans_of(tokens, tags):
                score = sum(tagger.marginal(tags[i], i) for i in range(first, last + 1))
                scored.append((kind, start, end, first, last, score / (last - first + 1)))
            scored.sort(key=lambda span: span[3])
            quoted = [_quoted_at(text, span[1]) for span in scored]
            found = link(scored, previous, quoted=quoted)
            out.extend(found)
            previous = found[-1] if found else None
        return out


#: The marginal probability of a content tag at which a token the best tag sequence
#: leaves out is still read as words said (chosen on two held-aside parts of PolNeAR
#: train, for the best ALL overlap F1 of the hybrid; docs/tagger.md).
POSTERIOR: Final = 0.55
# The fewest tokens such a run of words needs.
_POSTERIOR_TOKENS: Final = 3
_CONTENT_TAGS: Final = ("B-C", "I-C")


def _posterior_contents(
    tagger: Any, tokens: list[Token], tags: list[str], strong: frozenset[str]
) -> list[Scored]:
    """Words said that the best tag sequence leaves out but the marginals hold.

    Only in a sentence that holds a strong cue and no content tag: each run
    of at least three tokens whose marginal probability of a content tag is
    at least `POSTERIOR`, as a span of kind ``P`` scored by its mean. The
    best sequence is the likeliest whole; a run the model gives even odds
    of being words said is still, more often than not, an attribution.
    """
    starts = sentence_starts(tokens)
    bounds = [index for index, first in enumerate(starts) if first]
    bounds.append(len(tokens))
    out: list[Scored] = []
    for low, high in itertools.pairwise(bounds):
        if any(tag in _CONTENT_TAGS for tag in tags[low:high]):
            continue
        if not any(token.text.lower() in strong for token in tokens[low:high]):
            continue
        odds = [tagger.marginal("B-C", i) + tagger.marginal("I-C", i) for i in range(low, high)]
        index = low
        while index < high:
            if odds[index - low] < POSTERIOR:
                index += 1
                continue
            last = index
            while last + 1 < high and odds[last + 1 - low] >= POSTERIOR:
                last += 1
            if last - index + 1 >= _POSTERIOR_TOKENS:
                score = sum(odds[index - low : last + 1 - low]) / (last - index + 1)
                out.append(("P", tokens[index].start, tokens[last].end, index, last, score))
            index = last + 1
    return out


def _quoted_at(text: str, start: int) -> bool:
    """Whether a span opens with, or right after, a double quotation mark."""
    return text[start : start + 1] in {"“", '"'} or text[max(0, start - 1) : start] in {"“", '"'}


def stamp_of(folder: Path) -> int | None:
    """When the model weights in *folder* were last written (ns), or None if there are none.

    One ``stat``: cheap enough to ask before every text.
    """
    try:
        found = (folder / _WEIGHTS).stat()
    except OSError:
        return None
    return found.st_mtime_ns if stat.S_ISREG(found.st_mode) else None


def load(model_path: str | os.PathLike[str] | None = None) -> Tagger:
    """Load a trained model (by default from `default_model_path`); loaded once per folder.

    Raises:
        ImportError: python-crfsuite is not installed (the ``tagger`` extra).
        FileNotFoundError: No model is there; the message says how to train one.
        ValueError: The model was trained on other features than this
            version computes, or its files cannot be read as a model; train
            it again.

    .. versionadded:: 0.2.0
    """
    folder = Path(model_path) if model_path is not None else default_model_path()
    stamp = stamp_of(folder)
    if stamp is None or not (folder / _META).is_file():
        message = (
            f"no attribution tagger model at {folder}: train one with {_TRAIN_HINT}"
            f" (after pip install 'diplo_events[tagger]'), or set {MODEL_ENV} to its folder"
        )
        raise FileNotFoundError(message)
    crfsuite = _crfsuite()
    return _load(folder.resolve(), stamp, crfsuite)


def _words(value: object) -> frozenset[str] | None:
    """A list of words from ``model.json``, or None if it is not one."""
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        return None
    return frozenset(value)


def _refused(folder: Path, why: str) -> ValueError:
    return ValueError(f"the tagger model at {folder} {why}: train it again with {_TRAIN_HINT}")


@functools.lru_cache(maxsize=4)
def _load(folder: Path, _stamp: int, crfsuite: Any) -> Tagger:
    try:
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _refused(folder, f"has a {_META} that is not JSON ({error})") from None
    if not isinstance(meta, dict):
        raise _refused(folder, f"has a {_META} that is not a JSON object")
    if meta.get("features_version") != FEATURES_VERSION:
        raise _refused(
            folder,
            f"was trained on features version {meta.get('features_version')},"
            f" this release computes {FEATURES_VERSION}",
        )
    strong, weak = _words(meta.get("strong_cues")), _words(meta.get("weak_cues"))
    if strong is None or weak is None:
        raise _refused(folder, f"has a {_META} without its lists of cue words")
    tagger = crfsuite.Tagger()
    try:
        tagger.open(str(folder / _WEIGHTS))
    except ValueError as error:  # python-crfsuite's word for a file that is no model
        raise _refused(folder, f"cannot be read ({error})") from None
    lexicon = CueLexicon(strong, weak)
    return Tagger(folder, tagger, lexicon)
