"""Rules across records: ids, references, chronology, speakers, evidence, quotes.

Single records validate themselves when built; whether they fit together can
only be told with all of them at hand. `validate` checks a whole collection and
returns every issue at once, errors and warnings, each with the JSON path of
the offending value in the collection's JSON document and the id of the
record it is in.
"""

import re
from collections.abc import Iterable
from typing import Final

from diplo_events.exceptions import FieldTypeError, Issue, Severity, ValidationError
from diplo_events.model import (
    Demand,
    Meeting,
    Organization,
    Proposal,
    Record,
    Reference,
    Source,
    Statement,
    UncertainDate,
    graph,
)
from diplo_events.model._vocab import CitationRole, Relation, StatementMode
from diplo_events.model.collection import Collection

__all__ = ["validate"]

_BACKWARD: Final = frozenset({Relation.PREVIOUS, Relation.IMPLEMENTS})
#: The index of the record a path is in: ``$.records[3]`` and any path under it.
_RECORD_PATH: Final = re.compile(r"\$\.records\[([0-9]+)\]")


class _Checker:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.records = collection.records
        self.issues: list[Issue] = []
        self.paths: dict[str, str] = {}

    def add(self, path: str, code: str, message: str, severity: Severity = Severity.ERROR) -> None:
        """Report an issue at *path*, with the id of the record the path is in."""
        match = _RECORD_PATH.match(path)
        record = None if match is None else self.records[int(match.group(1))].id
        self.issues.append(
            Issue(path=path, code=code, message=message, severity=severity, record=record)
        )

    def run(self) -> list[Issue]:
        self.check_unique_ids()
        self.check_loops(Meeting, "part_of", "meeting.part_of_loop")
        self.check_loops(Organization, "parent", "organization.parent_loop")
        for index, record in enumerate(self.records):
            path = f"$.records[{index}]"
            self.check_references(record, path)
            self.check_citations(record, path)
            if isinstance(record, Reference):
                self.check_reference_direction(record, path)
            if isinstance(record, Statement | Demand | Proposal):
                self.check_within_meeting(record, path)
            if isinstance(record, Meeting):
                self.check_part_of(record, path)
            if isinstance(record, Statement):
                self.check_speaker(record, path)
                self.check_direct_quote(record, path)
                self.check_verbatim(record, path)
            if isinstance(record, Demand | Proposal):
                self.check_evidence(record, path)
            if isinstance(record, Proposal):
                self.check_responses(record, path)
        return self.issues

    # --- loops ----------------------------------------------------------------------

    def check_loops(self, kind: type[Meeting | Organization], link: str, code: str) -> None:
        """Report each loop of *link* ids among records of *kind*, once, in linear time.

        Each record has at most one *link*, so following links from every record
        in turn, and never again from a record already followed, finds every loop.
        """
        done: set[str] = set()
        for index, record in enumerate(self.records):
            if not isinstance(record, kind) or record.id in done:
                continue
            walk: dict[str, int] = {}  # the ids on this walk, with their collection index
            current: object = record
            where = index
            while isinstance(current, kind) and current.id not in done:
                if current.id in walk:
                    self.report_loop(list(walk.items()), current.id, link, code)
                    break
                walk[current.id] = where
                target = getattr(current, link)
                current = self.collection.get(target) if target is not None else None
                where = self.index_of(target) if target is not None else -1
            done.update(walk)

    def index_of(self, record_id: str) -> int:
        path = self.paths.get(record_id, "")
        return int(path[len("$.records[") : -1]) if path else -1

    def report_loop(self, walk: list[tuple[str, int]], start: str, link: str, code: str) -> None:
        ids = [record_id for record_id, _ in walk]
        loop = [position for _, position in walk[ids.index(start) :]]
        at = loop.index(min(loop))  # the loop is told from its first record in the collection
        ordered = [*loop[at:], *loop[:at], loop[at]]
        steps = " -> ".join(f"$.records[{position}]" for position in ordered)
        self.add(
            f"$.records[{loop[at]}].{link}",
            code,
            f"the {link!r} links go round in a loop: {steps}",
        )

    # --- ids and references --------------------------------------------------------------

    def check_unique_ids(self) -> None:
        for index, record in enumerate(self.records):
            path = f"$.records[{index}]"
            first = self.paths.setdefault(record.id, path)
            if first != path:
                self.add(
                    f"{path}.id", "id.duplicate", f"the id {record.id!r} is already used by {first}"
                )

    def check_references(self, record: Record, path: str) -> None:
        external = isinstance(record, Reference) and record.external
        for where, target, allowed in graph.held_ids(record, path):
            if external and where.endswith(".target"):
                continue
            found = self.collection.get(target)
            if found is None:
                self.add(
                    where,
                    "ref.dangling",
                    f"{target!r} is not in the collection (mark a reference "
                    "'external' if it lives elsewhere)",
                )
            elif found.type not in allowed:
                expected = " or ".join(repr(t) for t in allowed)
                self.add(
                    where,
                    "ref.wrong_type",
                    f"{target!r} is a {found.type!r} record; expected {expected}",
                )

    # --- chronology ----------------------------------------------------------------------

    @staticmethod
    def _severity(*dates: UncertainDate) -> Severity:
        fuzzy = any(d.approximate or d.uncertain for d in dates)
        return Severity.WARNING if fuzzy else Severity.ERROR

    def check_reference_direction(self, reference: Reference, path: str) -> None:
        subject = graph.event_dates(self.collection, self.collection.get(reference.subject))
        target_record = self.collection.get(reference.target) if reference.target else None
        target = graph.event_dates(self.collection, target_record)
        where = f"{path}.target"
        if target is None and reference.date is not None:
            target, where = (reference.date, reference.date), f"{path}.date"
        if subject is None or target is None:
            return
        subject_first, subject_last = subject
        target_first, target_last = target
        severity = self._severity(subject_first, subject_last, target_first, target_last)
        if reference.relation in _BACKWARD and subject_last.certainly_before(target_first):
            self.add(
                where,
                "chronology.reference_later",
                f"a {reference.relation.value!r} reference points at an event "
                f"({target_first}) later than its subject ({subject_last})",
                severity,
            )
        if reference.relation is Relation.PLANNED and target_last.certainly_before(subject_first):
            self.add(
                where,
                "chronology.planned_earlier",
                f"a 'planned' reference points at an event ({target_last}) earlier "
                f"than its subject ({subject_first})",
                severity,
            )

    def check_within_meeting(self, record: Statement | Demand | Proposal, path: str) -> None:
        if record.date is None or record.meeting is None:
            return
        meeting = self.collection.get(record.meeting)
        if not isinstance(meeting, Meeting):
            return
        if record.date.certainly_before(meeting.date) or meeting.last_date.certainly_before(
            record.date
        ):
            span = (
                meeting.date.edtf
                if meeting.end_date is None
                else (f"{meeting.date}/{meeting.end_date}")
            )
            self.add(
                f"{path}.date",
                "chronology.outside_meeting",
                f"the date {record.date} lies outside the dates of its meeting ({span})",
                self._severity(record.date, meeting.date, meeting.last_date),
            )

    def check_part_of(self, meeting: Meeting, path: str) -> None:
        whole = self.collection.get(meeting.part_of) if meeting.part_of else None
        if not isinstance(whole, Meeting):
            return
        if meeting.date.certainly_before(whole.date) or whole.last_date.certainly_before(
            meeting.last_date
        ):
            self.add(
                f"{path}.date",
                "chronology.outside_meeting",
                f"the meeting is part of one held {whole.date}, but is dated {meeting.date}",
                self._severity(meeting.date, whole.date, whole.last_date),
            )

    # --- speakers and evidence -----------------------------------------------------------

    def check_speaker(self, statement: Statement, path: str) -> None:
        meeting = self.collection.get(statement.meeting) if statement.meeting else None
        if not isinstance(meeting, Meeting):
            return
        for member in graph.meeting_family(self.collection, meeting):
            for participant in member.participants:
                if statement.speaker == participant.actor or statement.speaker in (
                    participant.delegation
                ):
                    return
                if participant.represents is not None and graph.within(
                    self.collection, participant.represents, statement.speaker
                ):
                    return
        self.add(
            f"{path}.speaker",
            "statement.speaker_not_participant",
            f"the speaker {statement.speaker!r} is not a participant of the meeting {meeting.id!r}",
            Severity.WARNING,
        )

    def check_evidence(self, record: Demand | Proposal, path: str) -> None:
        for index, statement_id in enumerate(record.evidence):
            statement = self.collection.get(statement_id)
            if not isinstance(statement, Statement):
                continue  # reported by check_references
            if not graph.speaks_for(
                self.collection, statement.speaker, record.actor, statement.meeting
            ):
                self.add(
                    f"{path}.evidence[{index}]",
                    "evidence.other_speaker",
                    f"the statement {statement_id!r} was made by {statement.speaker!r}, "
                    f"not by the {record.type}'s actor {record.actor!r}",
                    Severity.WARNING,
                )

    def check_responses(self, proposal: Proposal, path: str) -> None:
        for index, response in enumerate(proposal.responses):
            statement = self.collection.get(response.statement) if response.statement else None
            if isinstance(statement, Statement) and not graph.speaks_for(
                self.collection, statement.speaker, response.actor, statement.meeting
            ):
                self.add(
                    f"{path}.responses[{index}].statement",
                    "evidence.other_speaker",
                    f"the statement {statement.id!r} was made by {statement.speaker!r}, "
                    f"not by the responding actor {response.actor!r}",
                    Severity.WARNING,
                )

    # --- citations and quotes ------------------------------------------------------------

    def check_citations(self, record: Record, path: str) -> None:
        for citation, where in graph.citations(record, path):
            source = self.collection.get(citation.source)
            if not isinstance(source, Source) or source.text is None:
                continue
            for index, span in enumerate(citation.spans):
                if span.end > len(source.text):
                    self.add(
                        f"{where}.spans[{index}]",
                        "citation.span_out_of_range",
                        f"the span {span.start}-{span.end} ends past the source text "
                        f"({len(source.text)} characters)",
                    )
                    break
            else:
                actual = source.excerpt(citation.spans)
                if citation.quote is not None and citation.quote != actual:
                    self.add(
                        f"{where}.quote",
                        "citation.quote_mismatch",
                        f"the quote differs from the source text at its spans, which reads "
                        f"{_clip(actual)!r}",
                    )

    def check_direct_quote(self, statement: Statement, path: str) -> None:
        if statement.mode is not StatementMode.DIRECT_QUOTE:
            return
        cited = [
            words
            for c in statement.citations
            if (words := graph.cited_words(self.collection, c)) is not None
        ]
        if not cited:
            self.add(
                f"{path}.text",
                "statement.quote_unverified",
                "a direct quote with no citation whose words can be checked (give a quote, "
                "or spans into a source that has its text)",
                Severity.WARNING,
            )
        elif statement.text not in cited:
            self.add(
                f"{path}.text",
                "statement.quote_not_in_source",
                "a direct quote must be the exact words of the source, but no citation "
                "quotes this text",
            )

    def check_verbatim(self, statement: Statement, path: str) -> None:
        """Each verbatim fragment is words of the statement's text, as the source has them."""
        for index, citation in enumerate(statement.citations):
            if citation.role is not CitationRole.VERBATIM:
                continue
            words = graph.cited_words(self.collection, citation)
            if words is not None and words not in statement.text:
                self.add(
                    f"{path}.citations[{index}]",
                    "statement.verbatim_not_in_text",
                    "a verbatim fragment must stand word for word in the statement's text, "
                    f"but the source reads {_clip(words)!r} there",
                )


def _clip(text: str | None, limit: int = 80) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def _as_collection(value: object) -> Collection:
    if isinstance(value, Collection):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"validate() checks a Collection, got {type(value).__name__}"
        raise FieldTypeError("collection", "type.mismatch", msg)
    return Collection(records=tuple(value))


def validate(collection: Collection | Iterable[Record], *, strict: bool = False) -> list[Issue]:
    """Check the rules across the records of a collection; return every issue.

    Checks: unique ids; no loop of meetings each ``part_of`` the next, or of
    organizations each the ``parent`` of the next (one issue per loop, with
    the records on it); every id a record holds resolves to a record of an
    allowed type (a `Reference` marked ``external`` may point outside);
    chronology (``previous`` and ``implements`` references never point at a
    later event, ``planned`` ones never at an earlier one, statements, demands
    and proposals lie within their meeting's dates); speakers at a meeting are
    among its participants (warning); demand and proposal evidence was said by
    their actor (warning); every citation's quote equals the source text at
    its spans when the source has text, and a direct quote is the text one of
    its citations vouches for (a warning if none can be checked).

    Chronology issues are warnings rather than errors when a date involved is
    marked approximate or uncertain.

    Args:
        collection: A `Collection`, or records to check as one.
        strict: Raise `ValidationError` if any issue is an error.

    Returns:
        The issues, in collection order; empty when all is well. Each issue
        whose path is under ``$.records[i]`` (all of them, today) carries
        that record's id as `Issue.record`.

    Raises:
        ValidationError: *strict* is true and an error was found.

    .. versionadded:: 0.1.0
    """
    issues = _Checker(_as_collection(collection)).run()
    if strict and any(issue.severity is Severity.ERROR for issue in issues):
        raise ValidationError(issues)
    return issues
