"""Actor mentions: who a phrase of news text names, by name, title, country and body.

`parse_actor_mention` reads one phrase ("Armenian Foreign Minister Ara Ayvazyan",
"his Russian counterpart Sergei Lavrov", "the OSCE Minsk Group Co-Chairs", "Moscow")
into an `ActorMention`; `find_actor_mentions` scans running text for such phrases;
`NameBook` and `name_key` merge spelling variants of one person's name
("Sergei Lavrov" and "Sergey Lavrov").

The facts come from tab-separated tables shipped in ``diplo_events/data`` (each
cites its sources in ``#`` comment lines), read once, on first use:

``demonyms.tsv``
    Country names, short forms and adjectives to ISO 3166-1 alpha-3 codes.
``capitals.tsv``
    Capitals, seats of government, a few cities and seats of power ("Kremlin").
``titles.tsv``
    Titles and offices with their variants, kind, body and default country.
``bodies.tsv``
    International organizations and groups, and generic kinds of ministries.
``name_variants.tsv``
    Romanisation variants of personal names.

Issue codes: ``actor.not_found`` (path ``$``) when a phrase names no actor.
"""

import functools
import re
import unicodedata
from collections.abc import Iterator
from importlib import resources
from typing import Final, Literal, NamedTuple, cast

from attrs import frozen

from diplo_events.exceptions import FieldError, Issue, ParseError
from diplo_events.model import OrganizationKind, Span, country_name
from diplo_events.model import _rules as v

__all__ = [
    "ActorMention",
    "MentionMatch",
    "NameBook",
    "find_actor_mentions",
    "name_key",
    "parse_actor_mention",
]

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


@frozen(kw_only=True)
class MentionMatch:
    """One actor mention found in a text by `find_actor_mentions`.

    Attributes:
        span: Offsets of the mention in the scanned text.
        mention: The parse of the text at `span`.

    .. versionadded:: 0.1.0
    """

    span: Span
    mention: ActorMention


# --------------------------------------------------------------------------- tables


class _Title(NamedTuple):
    canonical: str
    kind: str
    organization: str | None
    country: str | None


class _Body(NamedTuple):
    name: str
    kind: OrganizationKind
    country: str | None
    head_title: str | None


class _Lex(NamedTuple):
    """A lexicon entry: category ("country", "adjective", "place", "title", "body")."""

    category: str
    value: str | _Title | _Body
    plural: bool


class _Tables(NamedTuple):
    exact: dict[tuple[str, ...], _Lex]
    folded: dict[tuple[str, ...], _Lex]
    longest: int
    titles: dict[str, _Title]
    name_variants: dict[str, str]
    lex_words: frozenset[str]


@functools.cache
def _body_rows() -> tuple[list[str], ...]:
    """The rows of bodies.tsv, read once: name, kind, country, head, aliases, generic twin."""
    return tuple(_rows("bodies.tsv", 6))


def _rows(filename: str, columns: int) -> Iterator[list[str]]:
    """Yield the data rows of a table, padded to *columns* fields."""
    text = (
        resources.files("diplo_events")
        .joinpath("data", "gazetteers", filename)
        .read_text(encoding="utf-8")
    )
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            yield fields + [""] * (columns - len(fields))


_RSQUO: Final = "\u2019"  # the curly apostrophe of typeset text
_TOKEN: Final = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-'\u2019.&]\w+)*|,")
_POSSESSIVE: Final = ("'s", "'S", f"{_RSQUO}s", f"{_RSQUO}S")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Split *text* into word tokens with offsets; a possessive ``'s`` is its own token."""
    out: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word.endswith(_POSSESSIVE):  # noqa: PLR2004 - "'s" is two chars
            out.append((word[:-2], start, end - 2))
            out.append(("'s", end - 2, end))
        else:
            out.append((word, start, end))
    return out


def _fold(word: str) -> str:
    return word.casefold().replace(_RSQUO, "'")


def _plural(title: str) -> str:
    """Return the plural of a canonical or variant title ("Secretary of State" -> ...)."""
    words = title.split(" ")
    head = len(words) - 1
    for index, word in enumerate(words):
        if word.casefold() in {"of", "for", "to"}:
            head = index - 1
            break
    word = words[head]
    lower = word.casefold()
    if lower.endswith("person"):
        word = word[: -len("person")] + ("people" if word[-6] == "p" else "People")
    elif lower.endswith(("man", "woman")):
        word = word[:-2] + "en"
    elif lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        word = word[:-1] + "ies"
    elif lower.endswith(("s", "x", "ch", "sh")):
        word += "es"
    else:
        word += "s"
    words[head] = word
    return " ".join(words)


def _add(tables: _Tables, text: str, entry: _Lex) -> None:
    words = tuple(word for word, _, _ in _tokens(text))
    if text.isupper():
        tables.exact.setdefault(tuple(w.replace(_RSQUO, "'") for w in words), entry)
    else:
        tables.folded.setdefault(tuple(_fold(w) for w in words), entry)


@functools.cache
def _tables() -> _Tables:
    """Load every table once."""
    tables = _Tables({}, {}, 0, {}, {}, frozenset())
    _load_places(tables)
    _load_titles(tables)
    _load_bodies(tables)
    longest = max(len(key) for key in (*tables.exact, *tables.folded))
    lex_words = frozenset(
        word
        for key, entry in tables.folded.items()
        if entry.category in {"title", "body"}
        for word in key
        if word.isalpha() and word.islower()
    )
    extra = {word for word in _FUNCTION_WORDS if word.isalpha()} - _NOT_LEX - _SPLIT
    return tables._replace(longest=longest, lex_words=(lex_words | extra) - _NOT_LEX)


def _load_places(tables: _Tables) -> None:
    for text, code, form in _rows("demonyms.tsv", 3):
        category = "adjective" if form == "adjective" else "country"
        _add(tables, text, _Lex(category, code, plural=False))
    for text, code, _ in _rows("capitals.tsv", 3):
        _add(tables, text, _Lex("place", code, plural=False))


def _load_titles(tables: _Tables) -> None:
    for canonical, kind, organization, country, variants in _rows("titles.tsv", 5):
        title = _Title(canonical, kind, organization or None, country or None)
        tables.titles[canonical] = title
        for variant in (canonical, *variants.split("|")):
            if variant:
                _add(tables, variant, _Lex("title", title, plural=False))
                if not variant.isupper():
                    _add(tables, _plural(variant), _Lex("title", title, plural=True))


def _load_bodies(tables: _Tables) -> None:
    for name, kind, country, head, aliases, _ in _body_rows():
        body = _Body(name, OrganizationKind(kind), country or None, head or None)
        for alias in (name, *aliases.split("|")):
            if alias:
                _add(tables, alias, _Lex("body", body, plural=False))
    for canonical, variants in _rows("name_variants.tsv", 2):
        target = _fold_rules(_plain(canonical))
        for variant in (canonical, *variants.split("|")):
            if variant:
                tables.name_variants[_fold_rules(_plain(variant))] = target


@functools.cache
def _generic_bodies() -> dict[str, _Body]:
    """Each body of one state, by name, to the generic body of the same office (last column).

    The Foreign, Commonwealth and Development Office maps to the Ministry of
    Foreign Affairs, so "the German Foreign Office" is Germany's.
    """
    rows = _body_rows()
    by_name = {
        name: _Body(name, OrganizationKind(kind), country or None, head or None)
        for name, kind, country, head, *_ in rows
    }
    return {name: by_name[twin] for name, *_, twin in rows if twin}


def _generic_body(body: _Body) -> _Body | None:
    return _generic_bodies().get(body.name)


@functools.cache
def _bound_bodies() -> frozenset[str]:
    return frozenset(name for name, _, country, *_ in _body_rows() if country)


def is_national_body(name: str) -> bool:
    """Tell whether the body *name* belongs to one state: the FCDO, not a generic ministry."""
    return name in _bound_bodies()


# --------------------------------------------------------------------------- words

_FUNCTION_WORDS: Final[dict[str, str]] = {
    "the": "det",
    "his": "det",
    "her": "det",
    "its": "det",
    "their": "det",
    "our": "det",
    "a": "det",
    "an": "det",
    "two": "num",
    "three": "num",
    "four": "num",
    "both": "num",
    "several": "num",
    "new": "mod",
    "former": "mod",
    "acting": "mod",
    "incoming": "mod",
    "outgoing": "mod",
    "interim": "mod",
    "honourable": "mod",
    "honorable": "mod",
    "hon": "mod",
    "excellency": "mod",
    "dr": "mod",
    "prof": "mod",
    "republic": "mod",  # "the Republic of Malawi" is Malawi
    "then": "mod",
    "current": "mod",
    "newly": "mod",
    "appointed": "mod",
    "head": "head",
    "chief": "head",
    "counterpart": "counterpart",
    "counterparts": "counterparts",
    "side": "side",
    "delegation": "side",
    "leadership": "side",
    "of": "of",
    "for": "of",
    "to": "to",
    "in": "to",
    "'s": "poss",
    ",": "comma",
}

_PARTICLES: Final = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn"}
)


def _words(text: str) -> list[str]:
    return text.split()


#: Words that are never part of a mention: a candidate phrase is split at them.
_SPLIT: Final = frozenset(
    _words("""
    a an this that these those there they them he she it we i you me my mr mrs ms
    and or but nor so yet if then than when while whereas because although though since
    during after before meanwhile however moreover furthermore also still thus hence
    therefore besides nevertheless nonetheless indeed instead otherwise later earlier
    today yesterday tomorrow tonight now here where what which who whom whose why how
    in on at by from with without within into onto upon about above below over under
    between among against across through throughout toward towards until till via per
    as to not no yes all any each every some many much more most other such only
    one five six seven eight nine ten first second third last next
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    jan feb mar apr jun jul aug sep sept oct nov dec
    according answering speaking asked exactly especially recently finally initially
    """)
)

#: Capitalised words that never begin or make a person's name.
_NOT_NAME: Final = _SPLIT | frozenset(
    _words("""
    the his her its their our us your sir dr of for both two three four
    north south east west northern southern eastern western central middle
    republic kingdom federation state states union council group committee commission
    ministry minister ministers office department agency organization organisation
    center centre institute university church court forces army navy
    statement declaration agreement treaty resolution report press news
    sea seas ocean river lake basin gulf bay strait island islands peninsula valley desert
    canal mountains mount talk talks call meeting meetings summit conference dialogue forum
    partnership initiative corridor programme program strategy palace hall embassy
    consulate airport square readout spokesperson
    integration cooperation consultations understanding affairs development relations
    security defence defense trade investment energy infrastructure commerce economy
    finance health education culture justice interior
    god islam islamic christian muslim
    """)
)

_NOT_LEX: Final = frozenset({"of", "for", "the", "to", "in", "a", "an", "and", "on", "'s", ","})


#: A name's article or particle joined by a hyphen: "al-Saadi", "el-Sisi", "bin-Zayed".
_ARABIC_ARTICLE: Final = re.compile(r"(?:al|el|bin|ibn|abu|abd)-[A-Z]")


def _name_like(word: str) -> bool:
    """Tell whether *word* may be part of a person's name: capitalised, mixed case.

    A hyphenated word made with a place ("Japan-Philippines") is not a name.
    """
    if "-" in word and any((_fold(part),) in _tables().folded for part in word.split("-") if part):
        return False
    if _ARABIC_ARTICLE.match(word):
        return True  # "al-Wahid" in "Haidar Abd al-Wahid"
    return (
        word[:1].isupper()
        and not word.isupper()
        and word.casefold() not in _NOT_NAME
        and not word[:1].isdigit()
    ) or (len(word) == 1 and word.isupper() and word not in {"I", "A"})


def _plain(text: str) -> str:
    """Casefold *text* and strip its diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_RULES: Final = (
    (re.compile(r"ks"), "x"),
    (re.compile(r"(?<=[^aeiouy])(?:ii|iy|yy|yi)$"), "y"),
    (re.compile(r"ei$"), "ey"),
    (re.compile(r"ai$"), "ay"),
    (re.compile(r"(?<=[^aeiouy])i$"), "y"),
)


def _fold_rules(word: str) -> str:
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def name_key(name: str) -> str:
    """Return the normalised key of a person's name, equal for spelling variants.

    The key is casefolded, stripped of diacritics and punctuation, and each word is
    folded by general romanisation rules (``ks`` → ``x``; a final ``ei`` → ``ey``,
    ``ai`` → ``ay``, ``ii``/``iy``/``yy``/``i`` after a consonant → ``y``) and by
    the table of name variants.

    Args:
        name: A person's name, in any spelling.

    Returns:
        The key, words joined by single spaces.

    Example:
        >>> name_key("Sergei Lavrov") == name_key("Sergey Lavrov") == "sergey lavrov"
        True
        >>> name_key("Volodymyr Zelenskyy") == name_key("Vladimir Zelensky")
        True
        >>> name_key("Ilkham Aliyev")
        'ilham aliyev'

    .. versionadded:: 0.1.0
    """
    variants = _tables().name_variants
    words = re.findall(r"\w+", _plain(name).replace("'", "").replace(_RSQUO, ""))
    out: list[str] = []
    for word in words:
        folded = _fold_rules(word)
        out.append(variants.get(folded, folded))
    return " ".join(out)


# --------------------------------------------------------------------------- parsing


class _Item(NamedTuple):
    category: str
    value: object
    plural: bool
    start: int  # first token
    end: int  # one past the last token


def _items(tokens: list[tuple[str, int, int]]) -> list[_Item]:
    tables = _tables()
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
                    and entry.category in {"country", "adjective", "place", "body"}
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
            function = _FUNCTION_WORDS.get(folded_keys[index])
            if function is not None:
                found = _Item(function, None, False, index, index + 1)  # noqa: FBT003
            elif _name_like(word):
                found = _Item("word", None, False, index, index + 1)  # noqa: FBT003
            elif folded_keys[index] in _PARTICLES:
                found = _Item("particle", None, False, index, index + 1)  # noqa: FBT003
            else:
                found = _Item("other", None, False, index, index + 1)  # noqa: FBT003
        items.append(found)
        index = found.end
    return items


def _generic_ministry(entry: _Lex) -> bool:
    """Tell whether *entry* is a generic ministry, which news text writes in lower case too."""
    body = entry.value
    return (
        entry.category == "body"
        and isinstance(body, _Body)
        and body.kind is OrganizationKind.MINISTRY
        and body.country is None
    )


def _not_found(text: str, why: str) -> ParseError:
    return ParseError(
        [Issue(path="$", code="actor.not_found", message=f"no actor mention in {text!r}: {why}")]
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
        if items[run[1] - 1].end - items[run[0]].start > _MAX_NAME_WORDS:
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
            names no actor, or has words that fit no reading of one.

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
    result = _cached(text)
    if isinstance(result, ParseError):
        raise ParseError(result.issues)
    return result


# --------------------------------------------------------------------------- scanning


#: Spaces, or one line break: a phrase never runs on across a blank line.
_SPACE: Final = r"(?:[^\S\n]|\n(?![^\S\n]*\n))+"


@functools.cache
def _scanner() -> re.Pattern[str]:
    """Compile the pattern of candidate phrases: runs of capitalised and title words."""
    lex = "|".join(sorted((re.escape(w) for w in _tables().lex_words), key=len, reverse=True))
    word = (
        r"(?:(?:[A-Z]\.){2,}|(?:Dr|Hon|Prof)\.(?=\s)"
        r"|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]\w*(?:[-'\u2019]\w+)*"
        r"|(?:al|el|bin|ibn|abu|abd)-[A-Z]\w*(?:[-'\u2019]\w+)*"
        rf"|(?:{lex})\b"
        r")"
    )
    space = _SPACE
    det = rf"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur){space}"
    num = rf"(?:(?:two|three|four|both|several){space})?"
    # "of"/"for" join titles and bodies; particles join names ("Pieter van Dongen").
    particle = r"van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn"
    link = (
        rf"(?:{space}(?:of|for)(?:{space}the)?|(?:{space}(?:{particle}))+(?={space}[A-Z]))?{space}"
    )
    core = rf"(?<![\w\u2019'-])(?:{det})?{num}{word}(?:{link}{word})*"
    return re.compile(core)


@functools.cache
def _joined_names() -> re.Pattern[str]:
    """Compile the pattern of body and country names the scanner would split at "and" or ",".

    "the Foreign, Commonwealth and Development Office" is one body, not the
    Commonwealth of Nations; "Trinidad and Tobago" is one state.
    """
    names = [
        *(n for name, *_, aliases, _ in _body_rows() for n in [name, *aliases.split("|")]),
        *(name for name, _, _ in _rows("demonyms.tsv", 3)),
    ]
    words = sorted({n for n in names if "," in n or " and " in n}, key=len, reverse=True)
    pattern = "|".join(_SPACE.join(map(re.escape, name.split())) for name in words)
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


def _masked(text: str) -> str:
    """*text* with the names that hold "and" or a comma made single words for the scanner.

    Spaces and commas inside them become "_", so every offset stays the same:
    "the President of Trinidad and Tobago" is one phrase, not two.
    """
    parts: list[str] = []
    position = 0
    for match in _joined_names().finditer(text):
        parts.append(text[position : match.start()])
        parts.append(re.sub(r"[\s,]", "_", match.group(0)))
        position = match.end()
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _clean(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sub-ranges of a candidate, dropping stop words at its edges and splitting at them."""
    tokens = _tokens(text[start:end])
    piece: list[tuple[str, int, int]] = []
    for token in [*tokens, ("", 0, 0)]:
        word = token[0]
        folded = word.casefold()
        if word and (
            (folded not in _SPLIT or word.isupper())
            and not (not piece and len(word) > 4 and word.endswith(("ing", "ly")))  # noqa: PLR2004 - "Going"
        ):
            piece.append(token)
            continue
        while piece and piece[-1][0].casefold() in {"of", "for", "the", ","}:
            piece.pop()
        if piece:
            first, last = piece[0][1], piece[-1][2]
            if piece[-1][0] == "'s":
                last = piece[-1][1]
            if last > first:
                yield start + first, start + last
        piece = []


_MAX_RETRIES: Final = 6
#: Geographic features named after a country: "the Gulf of Guinea", "the Sea of Japan".
_FEATURES: Final = frozenset(
    _words("gulf sea bay strait straits horn coast isle isles island islands lake cape river")
)


def _parse_suffix(text: str, start: int, end: int) -> tuple[int, int, ActorMention] | None:
    """Parse ``text[start:end]``, or failing that its longest parseable tail.

    "representatives of Baku" is no mention, but its tail "Baku" is.
    """
    mention = _cached(text[start:end])
    if not isinstance(mention, ParseError):
        return start, end, mention
    tokens = _tokens(text[start:end])
    possessor = _possessor(text, start, tokens)
    if possessor is not None:
        return possessor
    for index, (_, offset, _) in enumerate(tokens[1:_MAX_RETRIES], start=1):
        if _names_a_feature(tokens, index):
            continue
        tail = text[start + offset : end]
        if tail[:1].isupper() or tail.startswith(("the ", "his ", "her ")):
            mention = _cached(tail)
            if not isinstance(mention, ParseError) and (
                mention.name is None or mention.title is not None
            ):  # a bare name after "Center for" is no name
                return start + offset, end, mention
        elif tail[:1].islower():
            # "ministry spokesman Rizal Pratama": a title in lower case, then a name.
            mention = _cached(tail)
            if not isinstance(mention, ParseError) and mention.title and mention.name:
                return start + offset, end, mention
    return None


def _possessor(
    text: str, start: int, tokens: list[tuple[str, int, int]]
) -> tuple[int, int, ActorMention] | None:
    """The named person before the first "'s": "Lavrov" in "Lavrov's aides"."""
    for word, offset, _ in tokens[1:]:
        if word == "'s" and offset:
            mention = _cached(text[start : start + offset])
            if not isinstance(mention, ParseError) and mention.name is not None:
                return start, start + offset, mention
            break
    return None


def _names_a_feature(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Tell whether the tail at *index* names a sea or a coast: "the Gulf of Guinea"."""
    return index > 1 and tokens[index - 1][0] == "of" and _fold(tokens[index - 2][0]) in _FEATURES


def _candidates(text: str, surnames: set[str]) -> list[tuple[int, int, ActorMention]]:
    """Every parseable phrase of *text* in order; add the surnames of full names to *surnames*."""
    candidates: list[tuple[int, int, ActorMention]] = []
    masked = _masked(text)
    for match in _scanner().finditer(masked):
        for first, stop in _clean(masked, match.start(), match.end()):
            found = _parse_suffix(text, first, stop)
            if found is None:
                continue
            start, end, mention = found
            if mention.name is not None and " " in mention.name:
                surnames.add(_surname(mention.name))
                # A double surname: "Alvarado" for "Ricardo Alvarado Peña".
                surnames.update(mention.name.split(" ")[1:-1])
            candidates.append((start, end, mention))
    return candidates


def _untitled_name(mention: ActorMention) -> bool:
    """Tell whether *mention* is a person's name with no title, country or counterpart."""
    return (
        mention.kind == "person"
        and mention.name is not None
        and mention.title is None
        and mention.country is None
        and not mention.counterpart
    )


def _unseen_surname(mention: ActorMention, surnames: set[str]) -> bool:
    """Tell whether *mention* is a bare one-word name not seen as a full name's surname."""
    name = mention.name
    return _untitled_name(mention) and name is not None and " " not in name and name not in surnames


#: Prepositions of place: a bare name after one is a place ("talks in Siem Reap").
#: Not "at", which also aims at people ("lashed out at Antony Blinken").
_LOCATIVE: Final = re.compile(
    r"\b(?:in|near|below|above|outside|inside|across|beyond|off|around|along)\s+\Z",
    re.IGNORECASE,
)
#: First and last words of bare names that are places, buildings or outlets, not
#: people: "San Juan", "Saint Petersburg"; "Jubilee House", "Northgate Wire".
_PLACE_FIRST: Final = frozenset(_words("san santa santo são saint sankt st."))
_PLACE_LAST: Final = frozenset(
    _words("""
    house hotel delta pass province region district county
    mosque cathedral temple shrine museum hospital stadium
    wire service times herald tribune gazette journal radio television channel
    """)
)


def _not_a_person(text: str, start: int, end: int, mention: ActorMention) -> bool:
    """Tell whether *mention*, a bare name, reads as a place, a building or an outlet.

    A name with a title or a country ("Ambassador Jorge Santa Cruz") is a
    person; so is a possessive after a preposition ("in Lavrov's words").
    """
    if not _untitled_name(mention) or mention.name is None or mention.organization is not None:
        return False
    words = mention.name.casefold().split()
    if words[0] in _PLACE_FIRST or words[-1] in _PLACE_LAST:
        return True
    possessive = text.startswith(("'", "\u2019"), end)
    return not possessive and _LOCATIVE.search(text, max(0, start - 12), start) is not None


def _surname(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def find_actor_mentions(text: str) -> list[MentionMatch]:
    """Find the actor mentions in running news text.

    Finds titled names ("Armenian Foreign Minister Ara Ayvazyan"), names ("Ara
    Genrievich"), surnames already seen with a first name ("Lavrov"), possessives
    ("Lavrov's", with a straight or curly apostrophe: the span stops before it),
    appositives ("Ara Ayvazyan, the Armenian foreign minister," as one mention,
    when a comma or the sentence's end closes it), title-only phrases ("the
    Armenian minister", "the two ministers"), bodies ("the OSCE Minsk Group
    Co-Chairs", "NATO") and states ("Turkey", "Moscow", "the Azerbaijani side").
    Sentence-initial ordinary words, months and weekdays are not taken as names.

    Args:
        text: The text to scan.

    Returns:
        The mentions in text order, not overlapping.

    Example:
        >>> found = find_actor_mentions(
        ...     "Russian President Vladimir Putin met Ara Ayvazyan, the Armenian foreign"
        ...     " minister, in Moscow on Monday. Putin said Baku and Yerevan agreed."
        ... )
        >>> [(m.span.start, m.mention.name or m.mention.country) for m in found]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(0, 'Vladimir Putin'), (37, 'Ara Ayvazyan'), (85, 'RUS'), (103, 'Putin'),
         (114, 'AZE'), (123, 'ARM')]
        >>> found[1].mention.title
        'Foreign Minister'

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise _not_found(repr(text), "not a string")
    surnames: set[str] = set()
    candidates = _candidates(text, surnames)
    out: list[MentionMatch] = []
    index = 0
    while index < len(candidates):
        start, end, mention = candidates[index]
        index += 1
        if index < len(candidates):
            merged = _appositive(text, (start, end, mention), candidates[index])
            if merged is not None:
                out.append(merged)
                index += 1
                continue
        if _unseen_surname(mention, surnames) or _not_a_person(text, start, end, mention):
            continue
        out.append(MentionMatch(span=Span(start=start, end=end), mention=mention))
    return out


_APPOSITIVE_GAP: Final = re.compile(r",\s*\Z")
_APPOSITIVE_CLOSE: Final = re.compile(r"\s*(?:[,.;:)!?]|\Z)")


def _appositive(
    text: str,
    left: tuple[int, int, ActorMention],
    right: tuple[int, int, ActorMention],
) -> MentionMatch | None:
    """Merge "Name, the X title" or "the X title, Name" into one mention, or return ``None``."""
    if not _APPOSITIVE_GAP.match(text, left[1], right[0]) or not _APPOSITIVE_CLOSE.match(
        text, right[1]
    ):
        return None
    first, second = left[2], right[2]
    if first.kind != "person" or second.kind != "person":
        return None
    named, titled = (first, second) if first.title is None else (second, first)
    if named.name is None or named.title is not None or named.counterpart:
        return None
    if titled.name is not None or titled.title is None:
        return None
    mention = _cached(text[left[0] : right[1]])
    if isinstance(mention, ParseError) or mention.name is None:
        return None
    return MentionMatch(span=Span(start=left[0], end=right[1]), mention=mention)


# --------------------------------------------------------------------------- names

_PATRONYMIC: Final = re.compile(r"(?:vich|vna|ichna|ogly|oglu|qizi|kyzy|uulu)\Z")


class NameBook:
    """A registry of persons' names that merges spelling variants into one person.

    Example:
        >>> book = NameBook()
        >>> key = book.add("Sergei Lavrov")
        >>> book.add("Sergey Lavrov") == key
        True
        >>> book.add("Ara Ayvazyan")
        'ara ayvazyan'
        >>> book.resolve("Lavrov") == key, book.resolve("Ara Genrievich")
        (True, 'ara ayvazyan')
        >>> book.names(key)
        ('Sergei Lavrov', 'Sergey Lavrov')

    .. versionadded:: 0.1.0
    """

    def __init__(self) -> None:
        self._names: dict[str, list[str]] = {}

    def add(self, name: str) -> str:
        """Record a spelling of a person's name.

        A name that `resolve` finds (a variant, a surname alone, first name and
        patronymic) is added to that person; any other starts a new person.

        Args:
            name: The name as written.

        Returns:
            The key of the person.

        Raises:
            FieldTypeError: *name* is not a string.
            FieldError: *name* holds no letter.
        """
        if not isinstance(name, str):
            raise v.type_error("name", "a string", name)
        key = self.resolve(name)
        if key is None:
            key = name_key(name)
            if not key:
                raise FieldError("name", "value.empty", f"'name' must hold a name, got {name!r}")
        spellings = self._names.setdefault(key, [])
        if name not in spellings:
            spellings.append(name)
        return key

    def resolve(self, text: str) -> str | None:
        """Find the known person a name stands for.

        Args:
            text: A full name, a variant spelling, a surname alone ("Lavrov"), a
                first name and patronymic ("Ara Genrievich"), or first name,
                patronymic and surname.

        Returns:
            The person's key, or ``None`` when no one or more than one person fits.

        Raises:
            FieldTypeError: *text* is not a string.
        """
        if not isinstance(text, str):
            raise v.type_error("text", "a string", text)
        key = name_key(text)
        if key in self._names:
            return key
        words = key.split(" ")
        if not words or not words[0]:
            return None
        if len(words) == 1:
            hits = [k for k in self._names if k.split(" ")[-1] == words[0]]
            if not hits:
                # A double surname: "Alvarado" for "Ricardo Alvarado Peña".
                hits = [k for k in self._names if words[0] in k.split(" ")[1:-1]]
        elif len(words) == 2 and _PATRONYMIC.search(words[1]):  # noqa: PLR2004 - first + patronymic
            hits = [k for k in self._names if k.split(" ")[0] == words[0]]
        else:
            hits = [
                k
                for k in self._names
                if len(k.split(" ")) > 1
                and k.split(" ")[0] == words[0]
                and k.split(" ")[-1] == words[-1]
            ]
            if not hits:
                # The surnames without the first name: "Valadares Mota".
                hits = [
                    k
                    for k in self._names
                    if len(k.split(" ")) > len(words) and k.split(" ")[-len(words) :] == words
                ]
        return hits[0] if len(hits) == 1 else None

    def names(self, key: str) -> tuple[str, ...]:
        """Return every spelling recorded for the person *key*, first seen first.

        Raises:
            KeyError: *key* is not a known person.
        """
        return tuple(self._names[key])

    def __len__(self) -> int:
        return len(self._names)
