"""The gazetteer: the tables and word lists that actor mentions are read with.

Reading a phrase (`diplo_events.drafting.reading._phrase`) and scanning a text
(`diplo_events.drafting.reading._mentions`) both look words up here, so the
tables are loaded in one place, once per process, on first use, and keyed by
the same tokens the readers split text into. The facts come from
tab-separated tables shipped in ``diplo_events/data/gazetteers`` (each cites
its sources in ``#`` comment lines):

``demonyms.tsv``
    Country names, short forms and adjectives to ISO 3166-1 alpha-3 codes.
``capitals.tsv``
    Capitals, seats of government, a few cities and seats of power ("Kremlin").
``titles.tsv``
    Titles and offices with their variants, kind, body and default country.
``bodies.tsv``
    International organizations and groups, and generic kinds of ministries.
``things.tsv``
    Names of things that are never persons: holidays, streets and landmarks,
    laws, parties and movements, publications, events ("Election Day").
``words.tsv``
    Words read by what they do, not by what they name: function words by role
    ("the", "former", "counterpart"), particles of names, words that split a
    phrase or never make a name, and the first and last words of place names.

``name_variants.tsv`` (romanisation variants of personal names) is read by
`diplo_events.drafting.reading._namebook`, which alone uses it.
"""

import functools
import re
from typing import Final, NamedTuple

from diplo_events.drafting._tables import rows
from diplo_events.model import OrganizationKind

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
    """A lexicon entry: category ("country", "adjective", "place", "title", "body", "thing")."""

    category: str
    value: str | _Title | _Body
    plural: bool


class _Tables(NamedTuple):
    exact: dict[tuple[str, ...], _Lex]
    folded: dict[tuple[str, ...], _Lex]
    longest: int
    titles: dict[str, _Title]
    lex_words: frozenset[str]


def _rows(filename: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``data/gazetteers/<filename>``, read once, each padded to *columns*."""
    return rows("gazetteers", filename, columns)


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
    tables = _Tables({}, {}, 0, {}, frozenset())
    _load_places(tables)
    _load_titles(tables)
    _load_bodies(tables)
    for text, kind in _rows("things.tsv", 2):
        _add(tables, text, _Lex("thing", kind, plural=False))  # after the others: they win
    longest = max(len(key) for key in (*tables.exact, *tables.folded))
    lex_words = frozenset(
        word
        for key, entry in tables.folded.items()
        if entry.category in {"title", "body"}
        for word in key
        if word.isalpha() and word.islower()
    )
    words = _lexicon()
    extra = {word for word in words.roles if word.isalpha()} - words.not_lex - words.split
    return tables._replace(longest=longest, lex_words=(lex_words | extra) - words.not_lex)


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
    for name, kind, country, head, aliases, _ in _rows("bodies.tsv", 6):
        body = _Body(name, OrganizationKind(kind), country or None, head or None)
        for alias in (name, *aliases.split("|")):
            if alias:
                _add(tables, alias, _Lex("body", body, plural=False))


@functools.cache
def _generic_bodies() -> dict[str, _Body]:
    """Each body of one state, by name, to the generic body of the same office (last column).

    The Foreign, Commonwealth and Development Office maps to the Ministry of
    Foreign Affairs, so "the German Foreign Office" is Germany's.
    """
    rows = _rows("bodies.tsv", 6)
    by_name = {
        name: _Body(name, OrganizationKind(kind), country or None, head or None)
        for name, kind, country, head, *_ in rows
    }
    return {name: by_name[twin] for name, *_, twin in rows if twin}


def _generic_body(body: _Body) -> _Body | None:
    return _generic_bodies().get(body.name)


@functools.cache
def _bound_bodies() -> frozenset[str]:
    return frozenset(name for name, _, country, *_ in _rows("bodies.tsv", 6) if country)


def never_in_a_name(word: str) -> bool:
    """Tell whether *word* never stands in a person's name ("Over", "Act", "Democrats")."""
    return word.casefold().strip(".,;:’'") in _lexicon().not_name


def ends_a_place(word: str) -> bool:
    """Tell whether *word* ends the name of a place, a building or an outlet ("Street")."""
    return word.casefold().strip(".,;:’'") in _lexicon().place_last


def title_kind(title: str) -> str | None:
    """The kind of office a title is ("spokesperson" for "Press Secretary" or "spokesman").

    *title* is a canonical title or any of its variants, in any case; the
    kinds are those of ``titles.tsv``'s header. ``None`` for an unknown title.
    """
    entry = _tables().folded.get(tuple(_fold(word) for word, _, _ in _tokens(title)))
    if entry is None or entry.category != "title" or not isinstance(entry.value, _Title):
        return None
    return entry.value.kind


def is_national_body(name: str) -> bool:
    """Tell whether the body *name* belongs to one state: the FCDO, not a generic ministry."""
    return name in _bound_bodies()


# --------------------------------------------------------------------------- words


class _Lexicon(NamedTuple):
    """The words of ``words.tsv``, by class (its header says what each class means)."""

    roles: dict[str, str]
    particles: frozenset[str]
    split: frozenset[str]
    not_name: frozenset[str]
    not_lex: frozenset[str]
    features: frozenset[str]
    place_first: frozenset[str]
    place_last: frozenset[str]


#: The lists of ``words.tsv``; any other class in it is a role.
_LISTS: Final = ("particle", "split", "not_name", "not_lex", "feature", "place_first", "place_last")


@functools.cache
def _lexicon() -> _Lexicon:
    """Load the word lists once."""
    roles: dict[str, str] = {}
    lists: dict[str, set[str]] = {name: set() for name in _LISTS}
    for word, kind in _rows("words.tsv", 2):
        if kind in lists:
            lists[kind].add(word)
        else:
            roles[word] = kind
    split = frozenset(lists["split"])
    return _Lexicon(
        roles=roles,
        particles=frozenset(lists["particle"]),
        split=split,
        # A word never part of a mention is never part of a name either.
        not_name=split | lists["not_name"],
        not_lex=frozenset(lists["not_lex"]),
        features=frozenset(lists["feature"]),
        place_first=frozenset(lists["place_first"]),
        place_last=frozenset(lists["place_last"]),
    )
