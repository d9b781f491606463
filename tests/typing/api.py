"""Type-checked with mypy --strict as users write code; never executed."""

import datetime as dt
import io

import diplo_events as de
from diplo_events.drafting.evaluate import Evaluation, Extractor, Tally, evaluate

lavrov: de.Person = de.Person(name="Sergey Lavrov", aliases=["Sergei Lavrov"])
talks = de.Meeting(
    kind=de.MeetingKind.TALKS,
    date=de.UncertainDate.day(dt.date(2020, 12, 7)),
    participants=[de.Participant(actor=lavrov.id, capacity=de.Capacity.HOST)],
)
collection = de.Collection(records=[lavrov, talks])
meetings: tuple[de.Meeting, ...] = collection.of_type(de.Meeting)
first: de.Meeting = meetings[0]
earliest: dt.date | None = first.date.earliest
text: str = de.to_json(collection, indent=2)
again: de.Collection = de.from_json(text, de.Collection)
anything: de.Record | de.Collection = de.from_json(text)
data: dict[str, object] = de.to_dict(talks)
person: de.Person = de.from_dict(de.to_dict(lavrov), de.Person)
issues: list[de.Issue] = de.validate(collection)
codes: list[str] = [issue.code for issue in issues]
written: int = de.dump_jsonl(collection, io.BytesIO())
records: list[de.Meeting] = list(de.iter_jsonl(io.BytesIO(), de.Meeting))
try:
    de.from_json("{}")
except de.ParseError as error:
    paths: list[str] = [issue.path for issue in error.issues]


def score_an_extractor() -> float:
    def source_only(text: str, *, published: dt.date) -> de.Collection:
        source = de.Source(text=text, published=de.UncertainDate.day(published))
        return de.Collection(records=[source])

    rules: Extractor = de.extract
    mine: Evaluation = evaluate("tests/data/extraction", extractor=source_only)
    tallies, _, errors = evaluate("tests/data/extraction", extractor=rules)
    quotes: Tally = tallies["direct quotes"]
    invalid: int = sum(count for _, count in errors)
    return mine.tallies["meetings"].f1 - quotes.f1 + invalid
