"""Persons' names: `name_key` and `NameBook` merge spelling variants of one name.

"Sergei Lavrov" and "Sergey Lavrov", or "Volodymyr Zelenskyy" and "Vladimir
Zelensky", are one person. The extractor asks this of the names that reading
(`diplo_events.drafting.reading._mentions`) finds; the rules need no other part
of reading, only the table ``name_variants.tsv`` (romanisation variants of
personal names, with its sources), read once, on first use.
"""

import functools
import re
import unicodedata
from typing import Final

from diplo_events.drafting.reading._gazetteer import _RSQUO, _rows
from diplo_events.exceptions import FieldError
from diplo_events.model import _rules as v

__all__ = ["NameBook", "name_key"]


@functools.cache
def _name_variants() -> dict[str, str]:
    """Each folded variant of a name word to its folded canonical spelling."""
    variants: dict[str, str] = {}
    for canonical, spellings in _rows("name_variants.tsv", 2):
        target = _fold_rules(_plain(canonical))
        for variant in (canonical, *spellings.split("|")):
            if variant:
                variants[_fold_rules(_plain(variant))] = target
    return variants


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
    variants = _name_variants()
    words = re.findall(r"\w+", _plain(name).replace("'", "").replace(_RSQUO, ""))
    out: list[str] = []
    for word in words:
        folded = _fold_rules(word)
        out.append(variants.get(folded, folded))
    return " ".join(out)


_PATRONYMIC: Final = re.compile(r"(?:vich|vna|ichna|ogly|oglu|qizi|kyzy|uulu)\Z")

#: A generation after a surname ("Joseph R. Biden Jr."): not the surname.
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _words(key: str) -> list[str]:
    """The words of a name key without a generation suffix: "Biden Jr." is found as "Biden"."""
    words = key.split(" ")
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


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
        self._words: dict[str, list[str]] = {}  # each key's words, without "Jr."

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
        self._words.setdefault(key, _words(key))
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
        words = _words(key)
        if not words or not words[0]:
            return None
        known = self._words
        if len(words) == 1:
            hits = [k for k, w in known.items() if w[-1] == words[0]]
            if not hits:
                # A double surname: "Alvarado" for "Ricardo Alvarado Peña".
                hits = [k for k, w in known.items() if words[0] in w[1:-1]]
        elif len(words) == 2 and _PATRONYMIC.search(words[1]):  # noqa: PLR2004 - first + patronymic
            hits = [k for k, w in known.items() if w[0] == words[0]]
        else:
            hits = [
                k for k, w in known.items() if len(w) > 1 and (w[0], w[-1]) == (words[0], words[-1])
            ]
            if not hits:
                # The surnames without the first name: "Valadares Mota".
                hits = [
                    k for k, w in known.items() if len(w) > len(words) and w[-len(words) :] == words
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
