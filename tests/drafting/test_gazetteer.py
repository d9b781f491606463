import subprocess
import sys
from importlib import resources

import pytest

from diplo_events.drafting.reading import _gazetteer as gz
from diplo_events.model._countries import is_country_code
from diplo_events.model._vocab import OrganizationKind

TABLES = [
    "demonyms.tsv",
    "capitals.tsv",
    "titles.tsv",
    "bodies.tsv",
    "name_variants.tsv",
    "words.tsv",
    "things.tsv",
]


def _lines(name: str) -> list[str]:
    return (
        resources.files("diplo_events")
        .joinpath("data", "gazetteers", name)
        .read_text("utf-8")
        .splitlines()
    )


@pytest.mark.parametrize("name", TABLES)
def test_table_has_source_comment(name: str) -> None:
    header = [line for line in _lines(name) if line.startswith("#")]
    assert header
    assert any("source" in line.casefold() for line in header)
    assert _lines(name)[0].startswith("#")


@pytest.mark.parametrize("name", TABLES)
def test_table_rows_well_formed(name: str) -> None:
    widths = {
        "demonyms.tsv": 3,
        "capitals.tsv": 3,
        "titles.tsv": 5,
        "bodies.tsv": 6,
        "name_variants.tsv": 2,
        "words.tsv": 2,
        "things.tsv": 2,
    }
    for line in _lines(name):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        assert len(fields) <= widths[name], line
        assert all(field == field.strip() for field in fields), line


def test_things_have_known_kinds() -> None:
    kinds = {"holiday", "place", "law", "party", "publication", "event", "company"}
    for line in _lines("things.tsv"):
        if not line.startswith("#"):
            name, kind = line.split("\t")
            assert name, line
            assert kind in kinds, line


def _country_rows() -> list[tuple[str, str]]:
    rows = []
    for name in ("demonyms.tsv", "capitals.tsv"):
        for line in _lines(name):
            if not line.startswith("#"):
                text, code, _ = line.split("\t")
                rows.append((text, code))
    return rows


def test_country_codes_real() -> None:
    for _, code in _country_rows():
        assert is_country_code(code), code
    for name, col in (("titles.tsv", 3), ("bodies.tsv", 2)):
        for line in _lines(name):
            if not line.startswith("#"):
                code = line.split("\t")[col]
                assert code == "" or is_country_code(code), line


def test_no_conflicting_keys() -> None:
    seen: dict[str, str] = {}
    for text, code in _country_rows():
        key = text if text.isupper() else text.casefold()
        assert seen.setdefault(key, code) == code, text
    owner: dict[str, str] = {}
    for name in ("titles.tsv", "bodies.tsv"):
        for line in _lines(name):
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            for alias in [fields[0], *fields[4].split("|")]:
                if alias:
                    key = alias if alias.isupper() else alias.casefold()
                    assert owner.setdefault(key, fields[0]) == fields[0], alias
    variants: dict[str, str] = {}
    for line in _lines("name_variants.tsv"):
        if not line.startswith("#"):
            canonical, rest = line.split("\t")
            for variant in [canonical, *rest.split("|")]:
                assert variants.setdefault(variant.casefold(), canonical) == canonical, variant


def test_titles_and_bodies_consistent() -> None:
    titles = set()
    for line in _lines("titles.tsv"):
        if not line.startswith("#"):
            titles.add(line.split("\t")[0])
    kinds = {kind.value for kind in OrganizationKind}
    rows = [line.split("\t") for line in _lines("bodies.tsv") if not line.startswith("#")]
    names = {fields[0] for fields in rows}
    for fields in rows:
        assert fields[1] in kinds, fields
        assert fields[3] == "" or fields[3] in titles, fields
        # A generic twin is given for (only) bodies of one state, and is itself generic.
        twin = fields[5] if len(fields) > 5 else ""
        assert twin == "" or (fields[2] and twin in names), fields
        assert twin == "" or next(f for f in rows if f[0] == twin)[2] == "", fields


def test_coverage_un_members() -> None:
    countries = {code for _, code in _country_rows()}
    capitals = {line.split("\t")[1] for line in _lines("capitals.tsv") if not line.startswith("#")}
    assert len(countries) >= 195
    city_states = {"MCO", "SGP", "SMR", "LUX"}
    assert len(capitals | city_states) >= 195
    assert countries - capitals - city_states == set()


def test_each_table_is_read_once() -> None:
    """Every reader of a table shares one cached read of its file (in a fresh interpreter)."""
    code = (
        "from diplo_events.drafting._tables import rows\n"
        "from diplo_events.drafting.reading import _gazetteer as gz, _mentions as mm\n"
        "from diplo_events.drafting.reading import _namebook as nb\n"
        "gz._tables(); gz._generic_bodies(); gz._bound_bodies(); gz._lexicon()\n"
        "mm._joined_names(); nb._name_variants()\n"
        "info = rows.cache_info(); print(info.misses, info.currsize)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    # Importing the package reads the cue tables too; no file of either kind is read twice.
    misses, cached = map(int, result.stdout.split())
    assert misses == cached >= len(TABLES)


def test_words_have_known_classes() -> None:
    """Every row of words.tsv is a lower-case word with a known role or list; one role a word."""
    roles = {"det", "num", "mod", "head", "counterpart", "counterparts", "side", "of", "to"}
    roles |= {"poss", "comma"}
    seen: dict[str, str] = {}
    for line in _lines("words.tsv"):
        if line.startswith("#"):
            continue
        word, kind = line.split("\t")
        assert word == word.casefold(), line
        assert kind in roles or kind in gz._LISTS, line
        if kind in roles:
            assert seen.setdefault(word, kind) == kind, line
