"""Draft records from one news article or official readout.

`extract` reads the text once into a `Document` (paragraphs, sentences,
quotes, dates and actor mentions), and then drafts, in this order:

1. the `Source`, with the text;
2. the people and organizations mentioned (spelling variants merged);
3. the main meeting (kind, date, place, participants, and whether it was
   held, put off or called off), and the signing, banquet or press
   conference that was part of it, if the text reports them;
4. statements: every direct quote, fragments quoted inside reported speech
   (as mixed statements) and attributed reported speech;
5. demands and proposals found in those statements, with the acceptances or
   rejections of proposals;
6. references to earlier and planned events.

Each stage lives in its own module under ``drafting/rules/`` and reads the
document and the frozen results of the stages before it; this module only
runs them in order. Everything is rules over the text, except where a
learned tagger the user trained reads the statements beside them (the
readers, and how ``reader=None`` picks one, are in ``_readers.py``); no
model is downloaded. Every record cites the words it came from, with a
confidence, and is a draft.
"""

import datetime as dt
import os

import attrs

from diplo_events.drafting._readers import Reader, choose
from diplo_events.drafting.reading._document import read_document
from diplo_events.drafting.rules._actor_records import actor_records, outlet
from diplo_events.drafting.rules._actors import read_actors
from diplo_events.drafting.rules._claims import draft_claims
from diplo_events.drafting.rules._meetings import draft_meetings
from diplo_events.drafting.rules._references import draft_references
from diplo_events.drafting.rules._statement_dates import date_statements
from diplo_events.drafting.rules._statements import draft_statements
from diplo_events.drafting.rules._tagged import draft_tagged
from diplo_events.model import Collection, Meeting, Source  # noqa: F401 - Meeting: the example

__all__ = ["extract"]


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: Source | None = None,
    reader: Reader | None = None,
    model: str | os.PathLike[str] | None = None,
) -> Collection:
    """Draft records from one news article or official readout.

    Every record drafted is marked ``draft=True`` and cites the words it came
    from, with a confidence. A statement's citations say their `CitationRole`:
    its content words come first, then the words its speaker was read from,
    then its cue, any verbatim fragments, and the clause around it. Ids are derived from the
    source's id (itself from the text, unless *source* is given), so drafting
    the same text twice gives the same records.

    Args:
        text: The article. It is normalised to Unicode NFC first, as the
            `Source` record keeps it; every span indexes the normalised text.
        published: The publication date, the anchor for dates such as "on
            Monday" or "November 21": a `datetime.date` or its ISO 8601 text
            (``"2016-09-12"``). When not given, the source's
            ``published`` date is used, then a leading ``date YYYY-MM-DD``
            line or a dateline with a full date.
        source: A `Source` record to draft from (its title, URL, publisher...).
            Its ``text``, if any, must be *text*. Its id is kept; a
            ``publisher`` it names must be added to the collection before
            the collection validates.
        reader: Who reads the statements: the ``"rules"``, the learned
            ``"tagger"`` (its spans, with speakers resolved by the rules), or
            the ``"hybrid"`` (the rules' statements, and the tagger's where
            the rules drafted none). The tagger needs the ``tagger`` extra
            and a trained model (see `diplo_events.drafting.tagger`).
            ``None`` (the default) chooses: the hybrid when a model is
            present (*model* is given, or one is at
            `diplo_events.drafting.tagger.default_model_path`), else the
            rules; a model at the default place that cannot run here (the
            extra missing, or trained on other features) leaves the rules
            to read, with a `TaggerWarning` once per process and reason.
            Pass ``"rules"`` for drafts that never depend on a model.
            Which reader drafted a statement is told by the rules its
            confidences come from (``docs/tagger.md``).
        model: The tagger's model folder; by default
            `diplo_events.drafting.tagger.default_model_path`. Never read
            by the rules.

    Returns:
        A `Collection`: the `Source` first, then the people and
        organizations, the meetings, statements, demands, proposals and
        references. It validates with no errors. The news agency of a wire
        dateline (``MOSCOW, March 3 (TASS) —``) is drafted as an
        `Organization` of kind ``outlet`` and made the source's
        ``publisher``, unless *source* names a publisher already.

    Raises:
        ParseError: *text* is empty or holds a lone surrogate, *source* holds
            another text, or neither *published* nor the text gives a date
            to bound the meeting by, or *published* is a string that is no
            ``YYYY-MM-DD`` date (issue path ``$.published``).
        FieldTypeError: An argument has the wrong type.
        FieldError: *reader* is none of the three, nor ``None`` (code
            ``value.not_allowed``).
        ImportError: The tagger or the hybrid was asked for, or *model*
            given, without the ``tagger`` extra (python-crfsuite) installed.
        FileNotFoundError: The tagger or the hybrid was asked for, or
            *model* given, and no model was found; the message says how to
            train one.
        ValueError: That model was trained on other features than this
            release computes, or is no model; the message says to train it
            again.

    Example:
        >>> import datetime as dt
        >>> drafts = extract(
        ...     "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg "
        ...     "in Madrid on Monday. “We agreed on a great deal,” Lopes said.",
        ...     published=dt.date(2021, 3, 3),
        ... )
        >>> [(record.type, record.draft) for record in drafts][-2:]
        [('meeting', True), ('statement', True)]
        >>> meeting = drafts.of_type(Meeting)[0]
        >>> meeting.date.edtf, meeting.location.name
        ('2021-03-01', 'Madrid')

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       *published* may be an ISO date string; *reader* and *model*.
    """
    chosen, tagger = choose(reader, model)
    doc = read_document(text, published=published, source=source)
    cast = read_actors(doc)
    meetings = draft_meetings(doc, cast)
    if tagger is None:
        statements = draft_statements(doc, cast, meetings)
        claims = draft_claims(doc, statements.cast, meetings, statements)
    elif chosen == "hybrid":
        # The rules' statements, demands and proposals first, all kept: the
        # tagger's statements are added only where the rules read none of them.
        ruled = draft_statements(doc, cast, meetings)
        claims = draft_claims(doc, ruled.cast, meetings, ruled)
        found = tagger.attributions(doc.text)
        statements = draft_tagged(doc, cast, meetings, found, ruled=ruled, claims=claims)
    else:
        statements = draft_tagged(doc, cast, meetings, tagger.attributions(doc.text))
        claims = draft_claims(doc, statements.cast, meetings, statements)
    cast = statements.cast  # with the speakers only reported speech describes
    references = draft_references(doc, cast, meetings)
    actors: list[object] = [*actor_records(doc, [*cast.actors.values(), *meetings.states])]
    source_record = doc.source
    publisher = outlet(doc)
    if publisher is not None:
        actors.append(publisher)
        source_record = attrs.evolve(source_record, publisher=publisher.id)
    return Collection(
        records=[
            source_record,
            *actors,
            *meetings.records,
            *date_statements(doc, meetings.records, statements.records),
            *claims,
            *references,
        ]
    )
