"""Reading one phrase that names an actor: `parse_actor_mention` and `ActorMention`.

`parse_actor_mention` reads one phrase ("Armenian Foreign Minister Ara Ayvazyan",
"his Russian counterpart Sergei Lavrov", "the OSCE Minsk Group Co-Chairs", "Moscow")
into an `ActorMention`: name, title, country and body. It is a small grammar
over the words of the gazetteer (`diplo_events.drafting.reading._gazetteer`);
scanning running text for such phrases is the job of
`diplo_events.drafting.reading._mentions`, which calls this one phrase at a time.

Issue codes: ``actor.not_found`` (path ``$``) when a phrase names no actor.
"""

import functools
import re
from typing import Final, Literal, NamedTuple, cast

from attrs import frozen

from diplo_events.drafting.reading._gazetteer import (
    _RSQUO,
    _Body,
    _fold,
    _generic_body,
    _Lex,
    _lexicon,
    _tables,
    _Title,
    _tokens,
)
from diplo_events.exceptions import Issue, ParseError
from diplo_events.model import OrganizationKind, Span, country_name

__all__ = ["ActorMention", "parse_actor_mention"]

MentionKind = Literal["person", "organization", "group"]


@frozen(kw_only=True)
class ActorMention:
    """What one phrase says about an actor.

    Attributes:
        text: The phrase as given.
        name: The person's name as written ("Sergei Lavrov"), with any line
            break inside it read as one space, or ``None`` when the phrase
            names no person.
        title: Canonical title ("Foreign Minister", "Secretary of State",
            "Co-Chair"), or ``None``.
        country: ISO 3166-1 alpha-3 code of the state the actor represents, or ``None``.
        organization: Canonical name of the body ("Ministry of Foreign Affairs",
            "OSCE Minsk Group"; for a state, its ISO short name), or ``None``.
        kind: ``"person"``, ``"organization"`` (a body or a state), or ``"group"``
            (several persons, "the Co-Chairs").
        counterpart: ``True`` for "his Russian counterpart X": the actor holds the
            other side's title, which the phrase does not repeat.
        name_span: Offsets of the name within `text`, or ``None``.
        title_span: Offsets of the title (or of the body, for an organization)
            within `text`, or ``None``.
        organization_kind: The `OrganizationKind` of `organization`, or ``None``.

    Example:
        >>> m = parse_actor_mention("Armenian Foreign Minister Ara Ayvazyan")
        >>> (m.name, m.title, m.country, m.organization, m.kind)
        ('Ara Ayvazyan', 'Foreign Minister', 'ARM', 'Ministry of Foreign Affairs', 'person')

    .. versionadded:: 0.1.0
    """

    text: str
    name: str | None = None
    title: str | None = None
    country: str | None = None
    organization: str | None = None
    kind: MentionKind = "person"
    counterpart: bool = False
    name_span: Span | None = None
    title_span: Span | None = None
    organization_kind: OrganizationKind | None = None


#: A name's article or particle joined by a hyphen: "al-Saadi", "el-Sisi", "bin-Zayed".
_ARABIC_ARTICLE: Final = re.compile(r"(?:al|el|bin|ibn|abu|abd)-[A-Z]")


#: A lower-case part this long after a hyphen makes a word ("League-trained"), not a name.
_LOWER_TAIL: Final = 5


def _name_like(word: str) -> bool:
    """Tell whether *word* may be part of a person's name: capitalised, mixed case.

    A hyphenated word made with a place ("Japan-Philippines") is not a name.
    """
    if "-" in word and any((_fold(part),) in _tables().folded for part in word.split("-") if part):
        return False
    tail = word.rsplit("-", 1)[-1] if "-" in word else ""
    if len(tail) >= _LOWER_TAIL and tail.islower() and not _ARABIC_ARTICLE.match(word):
        return False  # "Ivy League-trained", "Angeles-based"; not "Moon Jae-in", "Ki-moon"
    if _ARABIC_ARTICLE.match(word):
        return True  # "al-Wahid" in "Haidar Abd al-Wahid"
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.casefold() not in _lexicon().not_name
        and not word[:1].isdigit()
        and _BRAND_CASE.search(word) is None
    ) or (len(word) == 1 and word.isupper() and word not in {"I", "A"})


# A capital after a run of four lower-case letters makes a brand, not a name:
# "SiriusXM", "PolitiFact"; but "McConnell", "MacArthur", "DeSantis", "FitzGerald".
_BRAND_CASE: Final = re.compile(r"[a-z]{4}[A-Z]")


class _Item(NamedTuple):
    category: str
    value: object
    plural: bool
    start: int  # first token
    end: int  # one past the last token


def _items(tokens: list[tuple[str, int, int]]) -> list[_Item]:
    tables = _tables()
    words = _lexicon()
    items: list[_Item] = []
    count = len(tokens)
    exact_keys = [word.replace(_RSQUO, "'") for word, _, _ in tokens]
    folded_keys = [_fold(word) for word, _, _ in tokens]
    index = 0
    while index < count:
        found: _Item | None = None
        for size in range(min(tables.longest, count - index), 0, -1):
            entry = tables.exact.get(tuple(exact_keys[index : index + size]))
            if entry is None:
                entry = tables.folded.get(tuple(folded_keys[index : index + size]))
                if (
                    entry is not None
                    and entry.category in {"country", "adjective", "place", "body", "thing"}
                    and not tokens[index][0][:1].isupper()
                    and folded_keys[index] != "the"
                    and not _generic_ministry(entry)  # "the Kazakh foreign ministry"
                ):
                    entry = None  # "turkey", "male": places are written capitalised
            if entry is not None:
                found = _Item(entry.category, entry.value, entry.plural, index, index + size)
                break
        if found is None:
            word = tokens[index][0]
            function = words.roles.get(folded_keys[index])
            if function is not None:
                found = _Item(function, None, False, index, index + 1)  # noqa: FBT003
            elif _name_like(word):
                found = _Item("word", None, False, index, index + 1)  # noqa: FBT003
            elif folded_keys[index] in words.particles:
                found = _Item("particle", None, False, index, index + 1)  # noqa: FBT003
            else:
                found = _Item("other", None, False, index, index + 1)  # noqa: FBT003
        items.append(found)
        index = found.end
    return items


#: Ranks read as such only abbreviated: "Gen. Norman Ham", but "Gen Nakatani".
_RANKS: Final = frozenset({"lt", "gen", "col", "sgt", "capt", "maj", "adm", "cmdr", "rev", "fr"})


def _initials(items: list[_Item], tokens: list[tuple[str, int, int]], text: str) -> None:
    """Read "A." and "I." between two name words as initials: "Julie A. Diaz".

    A rank's abbreviation without its period is a name: "Gen Nakatani".
    """
    for index, item in enumerate(items):
        word, _, end = tokens[item.start]
        dotted = text[end : end + 1] == "."
        if (
            word in {"A", "I"}
            and dotted
            and 0 < index < len(items) - 1
            and items[index - 1].category == "word"
            and items[index + 1].category == "word"
        ):
            items[index] = item._replace(category="word")
        elif item.category == "mod" and word.casefold() in _RANKS and not dotted:
            items[index] = item._replace(category="word" if _name_like(word) else "other")


#: Titles that are surnames too, after a given name: "Martin Luther King", "Patty Judge".
_SURNAME_TITLES: Final = frozenset({"King", "Queen", "Judge"})


def _surname_titles(items: list[_Item], tokens: list[tuple[str, int, int]]) -> None:
    """Read "King" or "Judge" closing a name as its surname, not as a title after it."""
    for index in range(1, len(items)):
        item = items[index]
        if (
            item.category == "title"
            and item.end - item.start == 1
            and tokens[item.start][0] in _SURNAME_TITLES
            and items[index - 1].category == "word"
            and all(later.category == "word" for later in items[index + 1 :])
        ):
            items[index] = item._replace(category="word")


def _generic_ministry(entry: _Lex) -> bool:
    """Tell whether *entry* is a generic ministry, which news text writes in lower case too."""
    body = entry.value
    return (
        entry.category == "body"
        and isinstance(body, _Body)
        and body.kind is OrganizationKind.MINISTRY
        and body.country is None
    )


#: The longest phrase `parse_actor_mention` reads, in characters: a longer one is no one phrase.
LONGEST_MENTION: Final = 1000
#: How much of a phrase an issue's message quotes.
_QUOTED: Final = 80


def _not_found(text: str, why: str) -> ParseError:
    shown = text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "\u2026"
    return ParseError(
        [Issue(path="$", code="actor.not_found", message=f"no actor mention in {shown!r}: {why}")]
    )


def _name_run(items: list[_Item], text: str) -> tuple[int, int] | None:
    """Return the item range of the one run of name words, or ``None``."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(items):
        if items[index].category == "word":
            start = index
            while index + 1 < len(items) and (
                items[index + 1].category == "word"
                or (
                    items[index + 1].category == "particle"
                    and index + 2 < len(items)
                    and items[index + 2].category == "word"
                )
            ):
                index += 1
            runs.append((start, index + 1))
        index += 1
    if len(runs) > 1:
        raise _not_found(text, "more than one name")
    return runs[0] if runs else None


_MAX_NAME_WORDS: Final = 4
#: Words that join the parts of an Arabic name ("Khalid bin Ahmed Al Khalifa").
_JOINERS: Final = frozenset({"al", "el", "bin", "bint", "ibn"})


def _name_words(tokens: list[tuple[str, int, int]]) -> int:
    """Count the words of a name, not its particles: "Pieter van Dongen" has two."""
    particles = _lexicon().particles | _JOINERS
    return sum(1 for word, _, _ in tokens if word.casefold() not in particles)


def _parse(text: str) -> ActorMention:  # noqa: C901, PLR0912, PLR0915 - one pass over a small grammar
    tokens = _tokens(text)
    if not tokens:
        raise _not_found(text, "no words")
    items = _items(tokens)
    # A capital city opening a name ("Victoria Nuland") is part of the name.
    if (
        len(items) > 1
        and items[0].category == "place"
        and items[0].end - items[0].start == 1
        and all(item.category == "word" for item in items[1:])
    ):
        items[0] = items[0]._replace(category="word")
    _initials(items, tokens, text)
    _surname_titles(items, tokens)
    run = _name_run(items, text)
    if run is not None and run[1] < len(items) - 1 and items[run[1]].category == "poss":
        raise _not_found(text, "a possessor's name")  # "Lavrov's aides" are not Lavrov
    country: str | None = None
    place: str | None = None
    adjective = False
    titles: list[_Item] = []
    bodies: list[_Item] = []
    plural = counterpart = head = side = host = False
    for position, item in enumerate(items):
        category = item.category
        if run is not None and run[0] <= position < run[1]:
            continue
        if category in {"country", "adjective"}:
            if host:
                host = False
            elif country is None:
                country = str(item.value)
                adjective = category == "adjective"
            elif country != item.value:
                raise _not_found(text, "two countries")
        elif category == "place":
            if host:
                host = False
            elif place is None:
                place = str(item.value)
        elif category == "title":
            titles.append(item)
            plural = plural or item.plural
        elif category == "body":
            bodies.append(item)
        elif category == "num":
            plural = True
        elif category == "head":
            head = True
        elif category in {"counterpart", "counterparts"}:
            counterpart = True
            plural = plural or category == "counterparts"
        elif category == "side":
            side = True
        elif category == "to":
            host = True
        elif category == "thing":
            raise _not_found(text, f"{tokens[item.start][0]!r} begins the name of a thing")
        elif category in {"particle", "other", "word"}:
            raise _not_found(text, f"unexpected word {tokens[item.start][0]!r}")
    if (
        run is not None
        and run[0] > 0
        and tokens[items[run[0] - 1].start][0].casefold() == "the"
        and not (titles or bodies or counterpart or country or place or head or side)
    ):
        raise _not_found(text, "a bare name after 'the' names a thing or a place")
    name: str | None = None
    name_span: Span | None = None
    if run is not None:
        first, last = tokens[items[run[0]].start], tokens[items[run[1] - 1].end - 1]
        if _name_words(tokens[items[run[0]].start : items[run[1] - 1].end]) > _MAX_NAME_WORDS:
            raise _not_found(text, "name too long")
        # A name broken across lines is still one name with single spaces.
        name = " ".join(text[first[1] : last[2]].split())
        name_span = Span(start=first[1], end=last[2])
    title: _Title | None = None
    title_span: Span | None = None
    if titles:
        title = cast("_Title", titles[0].value)
        title_span = Span(start=tokens[titles[0].start][1], end=tokens[titles[0].end - 1][2])
    body = cast("_Body", bodies[0].value) if bodies else None
    named = country or place
    if body is not None and body.country is not None and named not in {None, body.country}:
        # "the German Foreign Office" is Germany's foreign ministry, not the British one.
        body = _generic_body(body)
        if body is None:
            raise _not_found(text, "a body of one country named with another")
    if title is None and head and body is not None and body.head_title is not None:
        title = _tables().titles[body.head_title]
        title_span = Span(start=tokens[bodies[0].start][1], end=tokens[bodies[0].end - 1][2])
    code = (
        country or place or (body.country if body else None) or (title.country if title else None)
    )
    if name is not None or title is not None or counterpart:
        organization = body.name if body is not None else (title.organization if title else None)
        organization_kind: OrganizationKind | None = None
        if body is not None:
            organization_kind = body.kind
        elif organization is not None:
            organization_kind = (
                OrganizationKind.GOVERNMENT
                if organization == "Government"
                else OrganizationKind.MINISTRY
            )
        kind: MentionKind = "group" if plural and name is None else "person"
        return ActorMention(
            text=text,
            name=name,
            title=title.canonical if title else None,
            country=code,
            organization=organization,
            kind=kind,
            counterpart=counterpart,
            name_span=name_span,
            title_span=title_span,
            organization_kind=organization_kind,
        )
    if body is not None:
        span = Span(start=tokens[bodies[0].start][1], end=tokens[bodies[0].end - 1][2])
        return ActorMention(
            text=text,
            country=code,
            organization=body.name,
            kind="organization",
            title_span=span,
            organization_kind=body.kind,
        )
    state = country or place
    if state is not None and (not adjective or side) and not plural:
        return ActorMention(
            text=text,
            country=state,
            organization=country_name(state),
            kind="organization",
            organization_kind=OrganizationKind.STATE,
        )
    raise _not_found(text, "no name, title, body or state")


@functools.lru_cache(maxsize=8192)
def _cached(text: str) -> ActorMention | ParseError:
    try:
        return _parse(text)
    except ParseError as error:
        return error


def parse_actor_mention(text: str) -> ActorMention:
    """Read one phrase that names an actor.

    The phrase may give a name, a title (in any of its variants), a country (by name,
    adjective, capital or "X's"), a body, or several of these: "Armenian Foreign
    Minister Ara Ayvazyan", "Ara Ayvazyan, Armenia's foreign minister", "his Russian
    counterpart Sergei Lavrov", "the head of the Armenian Foreign Ministry", "the
    OSCE Minsk Group Co-Chairs", "Turkey", "the Azerbaijani side", "Moscow".

    Args:
        text: The phrase.

    Returns:
        The mention.

    Raises:
        ParseError: With one `Issue` coded ``actor.not_found`` when the phrase
            names no actor, has words that fit no reading of one, or is longer
            than 1,000 characters (no one phrase is). The message quotes at
            most the first 80 characters of the phrase.

    Example:
        >>> m = parse_actor_mention("his Russian counterpart Sergei Lavrov")
        >>> (m.name, m.country, m.counterpart, m.title)
        ('Sergei Lavrov', 'RUS', True, None)
        >>> parse_actor_mention("Deputy Secretary of State Stephen Biegun").country
        'USA'
        >>> m = parse_actor_mention("the OSCE Minsk Group Co-Chairs")
        >>> (m.kind, m.title, m.organization)
        ('group', 'Co-Chair', 'OSCE Minsk Group')
        >>> m = parse_actor_mention("Moscow")
        >>> (m.kind, m.country, m.organization_kind)
        ('organization', 'RUS', <OrganizationKind.STATE: 'state'>)
        >>> parse_actor_mention("it rained")
        Traceback (most recent call last):
        ...
        diplo_events.exceptions.ParseError: cannot parse input: 1 issue
          $: no actor mention in 'it rained': unexpected word 'it' [actor.not_found]

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise _not_found(repr(text), "not a string")
    if len(text) > LONGEST_MENTION:
        raise _not_found(text, f"longer than {LONGEST_MENTION} characters, so no one phrase")
    result = _cached(text)
    if isinstance(result, ParseError):
        raise ParseError(result.issues)
    return result
