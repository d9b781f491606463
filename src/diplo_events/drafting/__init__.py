"""Text in, draft records out: the extractor and the readers of dates, names and titles.

`extract`, `parse_date`, `find_dates` and `parse_actor_mention` are also
importable from ``diplo_events``, which loads this package only when one of
them is first used. The specialist names (`find_actor_mentions`,
`MentionMatch`, `DateMatch`, `NameBook`, `name_key`) live here, with
`Extractor`, the shape every extractor has (``extract`` is one),
`choose_reader`, which says which reader ``extract`` runs (the rules, or the
learned tagger of `diplo_events.drafting.tagger` with them; `Reader` names
the three), and
`diplo_events.drafting.evaluate`, which scores any of them against gold texts.
"""

from diplo_events.drafting._extract import extract
from diplo_events.drafting._readers import Reader, choose_reader
from diplo_events.drafting.evaluate import Extractor
from diplo_events.drafting.reading._datetext import DateMatch, find_dates, parse_date
from diplo_events.drafting.reading._mentions import MentionMatch, find_actor_mentions
from diplo_events.drafting.reading._namebook import NameBook, name_key
from diplo_events.drafting.reading._offsets import OffsetMap
from diplo_events.drafting.reading._phrase import ActorMention, parse_actor_mention

__all__ = [
    "ActorMention",
    "DateMatch",
    "Extractor",
    "MentionMatch",
    "NameBook",
    "OffsetMap",
    "Reader",
    "choose_reader",
    "extract",
    "find_actor_mentions",
    "find_dates",
    "name_key",
    "parse_actor_mention",
    "parse_date",
]
