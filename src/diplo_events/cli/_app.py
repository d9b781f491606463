"""The ``diplo-events`` commands (click), drawing tables with rich; progress bars are tqdm's.

Loaded by `diplo_events.cli.main` only when the command line runs. Reports
go to standard error, one issue a line and never wrapped, so that they can
be searched; what a command is asked for (a validation report, a summary)
goes to standard output.
"""

import datetime as dt
import json
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

import attrs
import click
from rich.console import Console
from rich.table import Table
from tqdm import tqdm

from diplo_events._validate import validate
from diplo_events.cli._datasets import (
    FORMATS,
    FormatError,
    format_of,
    read_dataset,
    write_dataset,
)
from diplo_events.cli._main import EXIT_DATA, EXIT_MISSING_EXTRA, EXIT_OK
from diplo_events.cli._summary import summarize
from diplo_events.exceptions import DiploEventsError, Issue, Severity, TaggerWarning
from diplo_events.model import Collection, Record, id_type, is_id

if TYPE_CHECKING:
    from diplo_events.cli._documents import Outcome, Pending
    from diplo_events.corpus import MergeReport

__all__ = ["app", "run"]

_PROG = "diplo-events"
_PATH = click.Path(path_type=Path)
_EXISTING = click.Path(exists=True, path_type=Path)
_FORMAT = click.Choice(FORMATS)
_Reader = Literal["rules", "tagger", "hybrid"]
_Reading = tuple[_Reader, Path | None]
#: The readers `extract --reader` takes, as extract() takes them: ``auto`` is ``reader=None``.
_READERS: Final[dict[str, _Reader | None]] = {
    "auto": None,
    "rules": "rules",
    "tagger": "tagger",
    "hybrid": "hybrid",
}


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _say(console: Console, text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _stop(code: int) -> NoReturn:
    raise click.exceptions.Exit(code)


def _format(path: Path, given: str | None) -> str:
    try:
        return format_of(path, given)
    except FormatError as exc:
        raise click.UsageError(str(exc)) from None


def _say_issues(console: Console, path: Path, exc: DiploEventsError) -> int:
    """Say each issue of *exc* as an error in *path* (or *exc* itself); return how many issues."""
    issues: tuple[Issue, ...] = getattr(exc, "issues", ())
    for issue in issues:
        _say(console, f"error: {path}: {issue}")
    if not issues:
        _say(console, f"error: {path}: {exc}")
    return len(issues)


def _load(path: Path, fmt: str, console: Console) -> Collection:
    """Read a dataset, or report why it cannot be read and stop with status 1 (or 3)."""
    try:
        return read_dataset(path, fmt)
    except DiploEventsError as exc:
        count = _say_issues(console, path, exc)
        _say(console, f"{path} is not a valid {fmt} dataset ({count} issues)")
        _stop(EXIT_DATA)
    except ImportError as exc:
        _say(console, f"error: {exc}")
        _stop(EXIT_MISSING_EXTRA)
    except OSError as exc:
        _say(console, f"error: cannot read {path}: {exc.strerror or exc}")
        _stop(EXIT_DATA)


def _save(collection: Collection, path: Path, fmt: str, console: Console, *, text: bool) -> None:
    try:
        write_dataset(collection, path, fmt, include_text=text)
    except ImportError as exc:
        _say(console, f"error: {exc}")
        _stop(EXIT_MISSING_EXTRA)
    except OSError as exc:
        _say(console, f"error: cannot write {path}: {exc.strerror or exc}")
        _stop(EXIT_DATA)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplo_events", prog_name=_PROG)
def app() -> None:
    """Draft, check, convert and summarize datasets of diplomatic events.

    Datasets are JSON (one collection document, .json), JSON Lines (one
    record a line, .jsonl) or Parquet (a folder of tables, .parquet).
    Exit status: 0 all well, 1 problems in the data, 2 usage error,
    3 an optional extra is missing.
    """


# --- extract ---------------------------------------------------------------------------


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    del ctx, param
    from diplo_events.cli._documents import parse_published  # noqa: PLC0415 - see extract

    parsed = parse_published(value)
    if isinstance(parsed, Issue):
        raise click.BadParameter(parsed.message)
    return parsed


class _Gathered:
    """The records of the drafted documents; a record drafted twice is kept once."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self._seen: dict[str, Record] = {}

    def add(self, drafts: Collection) -> None:
        for record in drafts.records:
            prior = self._seen.setdefault(record.id, record)
            # The same text drafted twice gives equal records: keep one. Records that
            # differ under one id are both kept, for validate to report.
            if prior is record or prior != record:
                self.records.append(record)


def _report(console: Console, outcome: "Outcome") -> None:
    # Above extract_many's progress bar (tqdm), which is cleared and drawn again after.
    with tqdm.external_write_mode(file=sys.stderr):
        for issue in outcome.issues:
            _say(console, f"error: {outcome.key}: {issue}")


def _reading(reader: str, model: Path | None, console: Console) -> _Reading:
    """The reader every document is drafted with, chosen once, or why none can be.

    A model that sits in the default place but cannot run leaves the rules to
    read; the warning saying so is printed as one ``warning:`` line.
    """
    from diplo_events.drafting import choose_reader  # noqa: PLC0415 - the drafting stack

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TaggerWarning)
        try:
            chosen = choose_reader(_READERS[reader], model)
        except ImportError as exc:
            _say(console, f"error: {exc}")
            _stop(EXIT_MISSING_EXTRA)
        except FileNotFoundError as exc:
            raise click.UsageError(str(exc)) from None
        except ValueError as exc:  # a model of other features, or files that are no model
            _say(console, f"error: {exc}")
            _stop(EXIT_DATA)
    for warning in caught:
        if issubclass(warning.category, TaggerWarning):
            _say(console, f"warning: {warning.message}")
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    name, folder = chosen
    if folder is not None:
        _say(console, f"reader: {name}, with the tagger model at {folder}")
    return chosen


def _drafted(
    pending: "list[Pending]", *, reading: _Reading, workers: int, progress: bool | None
) -> "Iterator[Outcome]":
    """Each pending document drafted by `extract_many`, in input order, under its key.

    The progress bar is extract_many's own (tqdm), drawn on standard error.
    """
    from diplo_events.cli._documents import Outcome  # noqa: PLC0415 - see extract
    from diplo_events.corpus import extract_many  # noqa: PLC0415 - the drafting stack is heavy

    articles = [item.article for item in pending]
    reader, model = reading
    results = extract_many(articles, reader=reader, model=model, workers=workers, progress=progress)
    for item, result in zip(pending, results, strict=True):
        issues = () if result.error is None else result.error.issues
        yield Outcome(key=item.key, drafts=result.drafts, issues=issues)


@app.command()
@click.argument("inputs", nargs=-1, required=True, type=_EXISTING)
@click.option("-o", "--out", required=True, type=_PATH, help="The dataset to write.")
@click.option("--format", "fmt", type=_FORMAT, help="Its format (default: from --out's suffix).")
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date of the plain-text files (default: read from each text).",
)
@click.option(
    "--dates-from-names",
    is_flag=True,
    help="Date each text file by the date its name ends in (talks-2021-03-04.txt), if any.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Processes."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when standard error is a terminal).",
)
@click.option(
    "--merge",
    "merged",
    is_flag=True,
    help="Merge the drafts of all documents into one dataset (diplo_events.merge).",
)
@click.option("--text/--no-text", default=True, help="Keep or leave out the source texts.")
@click.option(
    "--reader",
    type=click.Choice(list(_READERS)),
    default="auto",
    show_default=True,
    help="Who reads the statements: auto is the hybrid when a tagger model is present, "
    "else the rules.",
)
@click.option(
    "--model",
    type=_PATH,
    metavar="FOLDER",
    help="The tagger model's folder (default: where `tagger train` writes it).",
)
def extract(
    inputs: tuple[Path, ...],
    *,
    out: Path,
    fmt: str | None,
    published: dt.date | None,
    dates_from_names: bool,
    workers: int,
    progress: bool | None,
    merged: bool,
    text: bool,
    reader: str,
    model: Path | None,
) -> None:
    """Draft records from articles into a dataset.

    INPUTS are text files (one article each), folders (their *.txt files) and
    JSON Lines files (.jsonl) of documents, one a line: {"text": ...,
    "published": "YYYY-MM-DD"}, optionally with "id", "url", "title" and
    "publisher". A document that cannot be drafted is reported on standard
    error with its issues, the others are written, and the exit status is 1.
    With --merge, the same person, organization, meeting or source drafted
    from several documents becomes one record (a summary of what was merged
    goes to standard error). --reader chooses who reads the statements: the
    rules, the learned tagger, or the hybrid of both; auto (the default) is
    the hybrid when a tagger model is present (--model, or one trained with
    `diplo-events tagger train`), else the rules.
    """
    from diplo_events.cli._documents import Outcome, read_inputs  # noqa: PLC0415 - drafting

    fmt = _format(out, fmt)
    console = _stderr()
    reading = _reading(reader, model, console)
    items = read_inputs(inputs, published, dates_from_names=dates_from_names)
    failed = 0
    for item in items:
        if isinstance(item, Outcome):
            _report(console, item)
            failed += 1
    pending = [item for item in items if not isinstance(item, Outcome)]
    gathered = _Gathered()
    collections: list[Collection] = []
    for outcome in _drafted(pending, reading=reading, workers=workers, progress=progress):
        if outcome.drafts is None:
            _report(console, outcome)
            failed += 1
        elif merged:
            collections.append(outcome.drafts)
        else:
            gathered.add(outcome.drafts)
    if merged:
        from diplo_events.corpus import merge  # noqa: PLC0415 - loaded with the drafting stack

        result = merge(collections)
        collection = result.collection
        _say(console, f"merge: {_summary(result.report)}")
    else:
        collection = Collection(records=gathered.records)
    _save(collection, out, fmt, console, text=text)
    drafted = len(items) - failed
    _say(
        console,
        f"drafted {len(collection.records):,} records from {drafted:,} of {len(items):,} "
        f"documents into {out} ({fmt})" + (f"; {failed:,} failed" if failed else ""),
    )
    _stop(EXIT_DATA if failed else EXIT_OK)


# --- merge -----------------------------------------------------------------------------


def _summary(report: "MergeReport") -> str:
    """The first line of the report: how many records merged, conflicts, kept apart."""
    return str(report).partition("\n")[0]


def _report_json(report: "MergeReport") -> dict[str, Any]:
    def rows(entries: Sequence[Any]) -> list[dict[str, Any]]:
        return [attrs.asdict(entry) for entry in entries]

    return {
        "merged": rows(report.merged),
        "conflicts": rows(report.conflicts),
        "kept_apart": rows(report.kept_apart),
        "dropped": list(report.dropped),
    }


#: How wide the report's tables are drawn when standard output is not a terminal.
_WIDE: Final = 240


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    """A table whose id columns (all but the last) never wrap: ids stay whole, searchable."""
    table = Table(title=title, title_justify="left")
    for index, name in enumerate(columns):
        table.add_column(name, no_wrap=index < len(columns) - 1)
    for row in rows:
        table.add_row(*row)
    return table


def _name(collection: Collection, record_id: str) -> str:
    name = getattr(collection.get(record_id), "name", None)
    return name if isinstance(name, str) else ""


def _draw_report(report: "MergeReport", collection: Collection) -> None:
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = _WIDE
    console.print(
        _table(
            "merged",
            ("type", "id", "merged ids", "name", "reason"),
            (
                (m.type, m.id, "\n".join(m.merged), _name(collection, m.id), m.reason)
                for m in report.merged
            ),
        )
    )
    if report.conflicts:
        rows = ((c.id, c.field, c.kept, "\n".join(c.values)) for c in report.conflicts)
        console.print(_table("conflicts", ("id", "field", "kept", "values"), rows))
    if report.kept_apart:
        apart = ((k.link or "", "\n".join(k.ids), k.reason) for k in report.kept_apart)
        console.print(_table("kept apart", ("link", "ids", "reason"), apart))
    if report.dropped:
        dropped = len(report.dropped)
        _say(console, f"references dropped (they pointed at their own subject): {dropped:,}")


@app.command(name="merge")
@click.argument("datasets", nargs=-1, required=True, type=_EXISTING)
@click.option("-o", "--out", required=True, type=_PATH, help="The merged dataset to write.")
@click.option("--to", "to_fmt", type=_FORMAT, help="Its format (default: from --out's suffix).")
@click.option("--report", "shown", is_flag=True, help="Print what was merged, and why.")
@click.option(
    "--format",
    "report",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="How to print the report (json implies --report).",
)
@click.option(
    "--near-days",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    help="How many days apart meetings that may be one event are linked.",
)
@click.option("--text/--no-text", default=True, help="Keep or leave out the source texts.")
def merge_command(
    datasets: tuple[Path, ...],
    *,
    out: Path,
    to_fmt: str | None,
    shown: bool,
    report: str,
    near_days: int,
    text: bool,
) -> None:
    """Merge datasets into one: the same person, meeting or source becomes one record.

    DATASETS are JSON, JSON Lines and Parquet datasets, in any mix, each
    format told by its path. Every id that pointed at a merged record is
    rewritten. A summary goes to standard error; --report prints on standard
    output what was merged and why, the values the records disagreed on,
    and the look-alikes kept apart. Exit status 1 if a dataset does not load
    (nothing is written).
    """
    from diplo_events.corpus import merge  # noqa: PLC0415 - loaded with the drafting stack

    console = _stderr()
    target_fmt = _format(out, to_fmt)
    formats = [_format(dataset, None) for dataset in datasets]
    loaded = [_load(dataset, fmt, console) for dataset, fmt in zip(datasets, formats, strict=True)]
    result = merge(loaded, near_days=near_days)
    _save(result.collection, out, target_fmt, console, text=text)
    given = sum(len(collection.records) for collection in loaded)
    if report == "json":
        document = {
            "datasets": [str(dataset) for dataset in datasets],
            "out": str(out),
            "format": target_fmt,
            "records_in": given,
            "records": len(result.collection.records),
            **_report_json(result.report),
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    elif shown:
        _draw_report(result.report, result.collection)
    _say(console, f"merge: {_summary(result.report)}")
    _say(
        console,
        f"merged {given:,} records of {len(datasets):,} datasets into "
        f"{len(result.collection.records):,} records in {out} ({target_fmt})",
    )


# --- validate --------------------------------------------------------------------------


def _issue_row(issue: Issue) -> dict[str, Any]:
    record = issue.record
    return {
        "severity": str(issue.severity),
        "code": issue.code,
        "path": issue.path,
        "line": issue.line,
        "record_id": record,
        "record_type": id_type(record) if record is not None and is_id(record) else None,
        "message": issue.message,
    }


def _issue_line(issue: Issue) -> str:
    return f"{issue.severity}: {issue}"


@app.command(name="validate")
@click.argument("dataset", type=_EXISTING)
@click.option("--from", "from_fmt", type=_FORMAT, help="The dataset's format (default: guessed).")
@click.option(
    "--format",
    "report",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the issues.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate_command(dataset: Path, from_fmt: str | None, report: str, *, strict: bool) -> None:
    """Check a dataset: every record, and the rules across records.

    Prints each issue with its severity, JSON path, the id of the record it
    is in, its message and code. Exit status 1 if any issue is an error (or,
    with --strict, a warning), or the dataset does not load; 0 otherwise.
    """
    fmt = _format(dataset, from_fmt)
    collection: Collection | None
    try:
        collection = read_dataset(dataset, fmt)
    except DiploEventsError as exc:
        collection = None
        issues: tuple[Issue, ...] = getattr(exc, "issues", ())
    except ImportError as exc:
        _say(_stderr(), f"error: {exc}")
        _stop(EXIT_MISSING_EXTRA)
    else:
        issues = tuple(validate(collection))
    rows = [_issue_row(issue) for issue in issues]
    errors = sum(issue.severity is Severity.ERROR for issue in issues)
    warnings = len(issues) - errors
    records = None if collection is None else len(collection.records)
    if report == "json":
        document = {
            "dataset": str(dataset),
            "format": fmt,
            "loaded": collection is not None,
            "records": records,
            "errors": errors,
            "warnings": warnings,
            "issues": rows,
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for issue in issues:
            click.echo(_issue_line(issue))
        what = "does not load" if collection is None else f"{records:,} records"
        _say(_stderr(), f"{dataset}: {what}, {errors:,} errors, {warnings:,} warnings")
    failed = collection is None or errors > 0 or (strict and warnings > 0)
    _stop(EXIT_DATA if failed else EXIT_OK)


# --- convert ---------------------------------------------------------------------------


@app.command()
@click.argument("source", type=_EXISTING)
@click.argument("target", type=_PATH)
@click.option("--from", "from_fmt", type=_FORMAT, help="SOURCE's format (default: guessed).")
@click.option("--to", "to_fmt", type=_FORMAT, help="TARGET's format (default: its suffix).")
@click.option("--text/--no-text", default=True, help="Keep or leave out the source texts.")
def convert(
    source: Path, target: Path, from_fmt: str | None, to_fmt: str | None, *, text: bool
) -> None:
    """Convert a dataset between JSON, JSON Lines and Parquet.

    The records are read whole and strictly (a dataset that does not load is
    reported, with status 1), then written in the target format.
    """
    console = _stderr()
    source_fmt = _format(source, from_fmt)
    target_fmt = _format(target, to_fmt)
    collection = _load(source, source_fmt, console)
    _save(collection, target, target_fmt, console, text=text)
    omitted = "" if text else ", without source texts"
    _say(console, f"wrote {len(collection.records):,} records to {target} ({target_fmt}{omitted})")


# --- show ------------------------------------------------------------------------------


def _draw(summary: dict[str, Any], title: str) -> None:
    console = Console(highlight=False)
    types = Table(title=title, title_justify="left")
    for name in ("type", "records", "drafts", "accepted"):
        types.add_column(name, justify="left" if name == "type" else "right")
    for row in summary["types"]:
        types.add_row(row["type"], *(f"{row[k]:,}" for k in ("records", "drafts", "accepted")))
    drafts = sum(row["drafts"] for row in summary["types"])
    types.add_row(
        "all", f"{summary['records']:,}", f"{drafts:,}", f"{summary['records'] - drafts:,}"
    )
    console.print(types)
    meetings, sources = summary["meetings"], summary["sources"]
    span = f"{meetings['earliest'] or '…'} to {meetings['latest'] or '…'}"
    _say(
        console,
        f"meetings: {meetings['count']:,}, dated {span}" if meetings["count"] else "meetings: none",
    )
    _say(console, f"sources: {sources['count']:,}, {sources['with_text']:,} with their text")
    if summary["speakers"]:
        speakers = Table(title="top speakers", title_justify="left")
        speakers.add_column("speaker")
        speakers.add_column("statements", justify="right")
        for row in summary["speakers"]:
            speakers.add_row(row["name"], f"{row['statements']:,}")
        console.print(speakers)


@app.command()
@click.argument("dataset", type=_EXISTING)
@click.option("--from", "from_fmt", type=_FORMAT, help="The dataset's format (default: guessed).")
@click.option(
    "--format",
    "report",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Tables for people, or JSON for programs.",
)
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True)
def show(dataset: Path, from_fmt: str | None, report: str, top: int) -> None:
    """Summarize a dataset: records by type, drafts and accepted, meetings, top speakers."""
    fmt = _format(dataset, from_fmt)
    collection = _load(dataset, fmt, _stderr())
    summary = summarize(collection, top=top)
    if report == "json":
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        _draw(summary, f"{dataset} ({fmt})")


# --- tagger train ----------------------------------------------------------------------


@app.group(name="tagger")
def tagger_group() -> None:
    """Train the learned attribution tagger (the optional extra 'tagger').

    extract reads with it, beside the rules, once a model is trained.
    """


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


@tagger_group.command(name="train")
@click.argument("corpus", type=_EXISTING)
@click.option(
    "--out",
    type=_PATH,
    metavar="FOLDER",
    help="The model folder to write (default: the cache folder extract looks in).",
)
@click.option(
    "--c1", type=click.FloatRange(min=0), default=2.0, show_default=True, help="L1 penalty."
)
@click.option(
    "--c2", type=click.FloatRange(min=0), default=0.05, show_default=True, help="L2 penalty."
)
@click.option(
    "--iterations",
    type=click.IntRange(min=1),
    default=150,
    show_default=True,
    help="The most L-BFGS iterations.",
)
def train_command(corpus: Path, out: Path | None, c1: float, c2: float, iterations: int) -> None:
    """Train the attribution tagger on CORPUS and write the model.

    CORPUS is JSON Lines in the shape of the PolNeAR converter: one article a
    line, with "text" and "attributions" (content, source and cue spans). The
    model is written to --out, or to the folder extract looks in by default
    (DIPLO_EVENTS_TAGGER_MODEL, else the user's cache folder). What was
    trained is printed on standard output. A malformed corpus is reported
    with the line and JSON path of its problem, and the status is 1.
    """
    from diplo_events.drafting import tagger  # noqa: PLC0415 - the drafting stack is heavy

    console = _stderr()
    where = tagger.default_model_path() if out is None else out
    _say(console, f"training the attribution tagger on {corpus} into {where}")
    try:
        report = tagger.train(corpus, out, c1=c1, c2=c2, iterations=iterations)
    except ImportError as exc:
        _say(console, f"error: {exc}")
        _stop(EXIT_MISSING_EXTRA)
    except DiploEventsError as exc:
        _say_issues(console, corpus, exc)
        _say(console, f"{corpus} is not a corpus the tagger can be trained on; no model written")
        _stop(EXIT_DATA)
    except OSError as exc:
        _say(console, f"error: {exc.filename or where}: {exc.strerror or exc}")
        _stop(EXIT_DATA)
    output = Console(highlight=False)
    if not output.is_terminal:
        output.width = _WIDE
    _say(output, f"trained the attribution tagger on {corpus}")
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right", no_wrap=True)
    for label, value in (
        ("articles", f"{report.articles:,}"),
        ("attributions", f"{report.attributions:,}"),
        ("tokens", f"{report.tokens:,}"),
        ("seconds", f"{report.seconds:,.1f}"),
        ("size", _megabytes(report.size)),
        ("model", str(report.path)),
    ):
        table.add_row(label, value)
    output.print(table)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the commands with *argv*; return the exit status instead of exiting."""
    try:
        app.main(args=None if argv is None else list(argv), prog_name=_PROG)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_DATA)
