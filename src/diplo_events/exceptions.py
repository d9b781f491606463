"""Exceptions raised by diplo_events, and the `Issue` they carry.

Everything the library raises on purpose derives from `DiploEventsError`.
Each exception also subclasses the builtin it refines (`ValueError` or `TypeError`),
so code that already catches those keeps working.

Parsing and validation never stop at the first problem: `ParseError` and
`ValidationError` carry every `Issue` found, each with a JSON path into the
input, a stable machine-readable code, a message and a severity, and, when
the problem is in one record, that record's id. Both exceptions survive
pickling with their issues, so they cross process pools whole.

`TaggerWarning` is the one warning of the library's own: it is emitted, not
raised, when a step carries on in a lesser way instead of failing.
"""

import enum
from collections.abc import Iterable
from typing import Any

from attrs import frozen

__all__ = [
    "DiploEventsError",
    "FieldError",
    "FieldTypeError",
    "Issue",
    "ParseError",
    "Severity",
    "TaggerWarning",
    "ValidationError",
]


class Severity(enum.StrEnum):
    """How serious an `Issue` is.

    .. versionadded:: 0.1.0
    """

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Issue:
    """One problem found in input or in a collection of records.

    Attributes:
        path: JSON path of the offending value, such as
            ``$.records[3].participants[0].actor``.
        code: Stable machine-readable code, such as ``json.duplicate_key``
            or ``ref.dangling``. The codes are listed in the error-model docs.
        message: Human-readable explanation, lower-case, without a final period.
        severity: `Severity.ERROR` or `Severity.WARNING`.
        line: For JSON Lines input, the 1-based line number; otherwise ``None``.
        record: The id of the record the problem is in, such as
            ``"meeting--6f1c…"``, or ``None`` when it is in no one record or
            the input gives no well-formed id for it. `validate` fills it for
            every issue under ``$.records[i]``; parsing fills it when the
            record's ``id`` in the input is a well-formed id.

    ``str(issue)`` is one line: the line (if any), the path, the record id in
    parentheses (if any), the message and the code::

        line 3: $.records[63].date (meeting--…): message [code]

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``record``.
    """

    path: str
    code: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"line {self.line}: {self.path}"
        if self.record is not None:
            where = f"{where} ({self.record})"
        return f"{where}: {self.message} [{self.code}]"


class DiploEventsError(Exception):
    """Base class of every exception diplo_events raises on purpose.

    .. versionadded:: 0.1.0
    """


class FieldError(DiploEventsError, ValueError):
    """A record or value was built with an invalid field value.

    Raised by the model constructors, for a field rule or a rule across fields.

    Attributes:
        field: Name of the offending field, or ``None`` for a rule that spans fields.
        code: Stable issue code, as in `Issue.code`.
        message: Explanation, lower-case, without a final period.

    .. versionadded:: 0.1.0
    """

    def __init__(self, field: str | None, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # ``args`` holds the message alone, which is not what __init__ takes.
        return type(self), (self.field, self.code, self.message), dict(vars(self))


class FieldTypeError(FieldError, TypeError):
    """A field was given a value of the wrong type.

    .. versionadded:: 0.1.0
    """


def _render(kind: str, issues: tuple[Issue, ...]) -> str:
    count = len(issues)
    noun = "issue" if count == 1 else "issues"
    lines = [f"{kind}: {count} {noun}"]
    lines.extend(f"  {issue}" for issue in issues[:20])
    if count > 20:  # noqa: PLR2004 - keep messages readable; all issues stay on .issues
        lines.append(f"  ... and {count - 20} more (see .issues)")
    return "\n".join(lines)


class ParseError(DiploEventsError, ValueError):
    """Input could not be turned into records.

    Raised by `diplo_events.from_json`, `diplo_events.from_dict` and
    `diplo_events.iter_jsonl`.

    Attributes:
        issues: Every problem found, in input order.

    .. versionadded:: 0.1.0
    """

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(_render("cannot parse input", self.issues))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from the issues, not from the rendered message in ``args``; notes kept.
        return type(self), (self.issues,), dict(vars(self))


class ValidationError(DiploEventsError, ValueError):
    """A collection breaks record or cross-record rules.

    Raised by ``diplo_events.validate(collection, strict=True)``.

    Attributes:
        issues: Every issue found, errors and warnings, in collection order.

    .. versionadded:: 0.1.0
    """

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(_render("collection is not valid", self.issues))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from the issues, not from the rendered message in ``args``; notes kept.
        return type(self), (self.issues,), dict(vars(self))


class TaggerWarning(UserWarning):
    """A tagger model was found but could not be used, so the rules read instead.

    Emitted by `diplo_events.extract` and `diplo_events.extract_many` when
    they choose their reader themselves (``reader=None``) and a model sits at
    `diplo_events.drafting.tagger.default_model_path` that this installation
    cannot run: python-crfsuite (the ``tagger`` extra) is missing, or the
    model was trained on another version of the features. The message says
    which, and what to do. It is emitted once per process and reason, not
    once per article; ``reader="rules"`` never emits it.

    .. versionadded:: 0.2.0
    """
