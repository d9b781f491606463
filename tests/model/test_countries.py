"""Tests of the ISO 3166-1 alpha-3 country-code tables in `diplo_events.model._countries`."""

import string

import pytest

from diplo_events.model import _countries
from diplo_events.model._countries import (
    ALL_CODES,
    CURRENT,
    HISTORICAL,
    USER_ASSIGNED,
    country_name,
    is_country_code,
)

EXPECTED_CURRENT_COUNT = 249
TABLES = {"CURRENT": CURRENT, "HISTORICAL": HISTORICAL, "USER_ASSIGNED": USER_ASSIGNED}


class TestTables:
    """The shape of the three code tables and of `ALL_CODES`."""

    def test_current_has_every_assigned_code(self) -> None:
        """CURRENT holds exactly the 249 officially assigned alpha-3 codes."""
        assert len(CURRENT) == EXPECTED_CURRENT_COUNT

    @pytest.mark.parametrize("table_name", sorted(TABLES))
    def test_keys_are_three_upper_case_ascii_letters(self, table_name: str) -> None:
        """Every key of every table is three upper-case ASCII letters."""
        for code in TABLES[table_name]:
            assert len(code) == 3, code
            assert all(letter in string.ascii_uppercase for letter in code), code

    @pytest.mark.parametrize("table_name", sorted(TABLES))
    def test_names_are_non_empty(self, table_name: str) -> None:
        """Every code maps to a non-empty name without surrounding white space."""
        for code, name in TABLES[table_name].items():
            assert name, code
            assert name == name.strip(), code

    @pytest.mark.parametrize("table_name", sorted(TABLES))
    def test_keys_are_sorted(self, table_name: str) -> None:
        """Each table lists its codes in alphabetical order."""
        codes = list(TABLES[table_name])
        assert codes == sorted(codes)

    def test_tables_are_disjoint(self) -> None:
        """No code appears in more than one table."""
        assert not CURRENT.keys() & HISTORICAL.keys()
        assert not CURRENT.keys() & USER_ASSIGNED.keys()
        assert not HISTORICAL.keys() & USER_ASSIGNED.keys()

    def test_all_codes_is_the_union(self) -> None:
        """ALL_CODES is exactly the union of the three tables' codes."""
        union = set(CURRENT) | set(HISTORICAL) | set(USER_ASSIGNED)
        assert union == ALL_CODES
        assert len(ALL_CODES) == len(CURRENT) + len(HISTORICAL) + len(USER_ASSIGNED)

    def test_user_assigned_is_only_kosovo(self) -> None:
        """USER_ASSIGNED holds XKX for Kosovo and nothing else."""
        assert set(USER_ASSIGNED) == {"XKX"}
        assert USER_ASSIGNED["XKX"].startswith("Kosovo")

    def test_historical_names_give_years(self) -> None:
        """Every historical name ends with the years its code was in use."""
        for code, name in HISTORICAL.items():
            assert name.endswith(")"), code
            assert any(char.isdigit() for char in name.rsplit("(", 1)[-1]), code

    @pytest.mark.parametrize("table_name", sorted(TABLES))
    def test_tables_are_read_only(self, table_name: str) -> None:
        """The tables cannot be changed at run time."""
        table = TABLES[table_name]
        with pytest.raises(TypeError):
            table["QQQ"] = "Nowhere"  # type: ignore[index]


class TestSpotChecks:
    """Well-known codes are in the right table with the right name."""

    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("ARM", "Armenia"),
            ("RUS", "Russian Federation"),
            ("AZE", "Azerbaijan"),
            ("TUR", "Türkiye"),
            ("USA", "United States of America"),
            ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
            ("FRA", "France"),
            ("DEU", "Germany"),
            ("CHN", "China"),
            ("JPN", "Japan"),
            ("IRN", "Iran (Islamic Republic of)"),
            ("UKR", "Ukraine"),
            ("GEO", "Georgia"),
            ("PSE", "Palestine, State of"),
            ("SSD", "South Sudan"),
            ("BOL", "Bolivia (Plurinational State of)"),
            ("ROU", "Romania"),
        ],
    )
    def test_current_code(self, code: str, name: str) -> None:
        """A current code is in CURRENT under its English short name."""
        assert CURRENT[code] == name
        assert is_country_code(code)

    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("SUN", "USSR (until 1992)"),
            ("YUG", "Yugoslavia (until 2003)"),
            ("CSK", "Czechoslovakia (until 1993)"),
            ("DDR", "German Democratic Republic (until 1990)"),
            ("ROM", "Romania (until 2002)"),
        ],
    )
    def test_historical_code(self, code: str, name: str) -> None:
        """A withdrawn code is in HISTORICAL, not CURRENT, with its years of use."""
        assert HISTORICAL[code] == name
        assert code not in CURRENT
        assert is_country_code(code)

    @pytest.mark.parametrize(
        "code",
        [
            "SUN", "YUG", "CSK", "DDR", "SCG", "ANT", "BUR", "ZAR", "TMP", "YMD",
            "BYS", "DHY", "HVO", "RHO", "VDR", "NTZ", "AFI", "ATB", "ATN", "CTE",
            "GEL", "JTN", "MID", "NHB", "PCI", "PCZ", "PUS", "SKM", "WAK", "ROM",
        ],
    )  # fmt: skip
    def test_required_historical_codes_present(self, code: str) -> None:
        """Each formerly used code that event data still carries is in HISTORICAL."""
        assert code in HISTORICAL

    def test_kosovo_is_user_assigned(self) -> None:
        """XKX is accepted, but as a user-assigned code rather than a current one."""
        assert "XKX" in USER_ASSIGNED
        assert "XKX" not in CURRENT
        assert "XKX" not in HISTORICAL
        assert is_country_code("XKX")

    def test_atf_is_current_not_historical(self) -> None:
        """ATF, reused for the French Southern Territories, is only in CURRENT."""
        assert CURRENT["ATF"] == "French Southern Territories"
        assert "ATF" not in HISTORICAL


class TestIsCountryCode:
    """`is_country_code` accepts exactly the strings in `ALL_CODES`."""

    def test_romania_old_and_new(self) -> None:
        """ROU is the current code for Romania and ROM the historical one."""
        assert "ROU" in CURRENT
        assert "ROM" in HISTORICAL
        assert is_country_code("ROU")
        assert is_country_code("ROM")

    @pytest.mark.parametrize(
        "code",
        ["JAP", "XXX", "ZZZ", "UK", "GB", "EU", "", "USAA"],
    )
    def test_unknown_codes_rejected(self, code: str) -> None:
        """A string that is not an assigned or recorded code is rejected."""
        assert not is_country_code(code)

    @pytest.mark.parametrize("code", ["arm", "Arm", "aRM", "rus", "xkx", "sun"])
    def test_lower_and_mixed_case_rejected(self, code: str) -> None:
        """The match is case-sensitive, so only upper-case codes are accepted."""
        assert not is_country_code(code)

    @pytest.mark.parametrize("code", [" ARM", "ARM ", "ARM\n", "\tARM"])
    def test_white_space_not_stripped(self, code: str) -> None:
        """A code with surrounding white space is rejected rather than stripped."""
        assert not is_country_code(code)

    @pytest.mark.parametrize(
        "value",
        [None, 51, 3.0, b"ARM", ["ARM"], ("ARM",), {"ARM"}, frozenset({"ARM"})],
    )
    def test_non_strings_rejected(self, value: object) -> None:
        """Anything that is not a str is rejected, even if it holds a valid code."""
        assert not is_country_code(value)

    def test_every_known_code_accepted(self) -> None:
        """Every code in ALL_CODES is accepted."""
        assert all(is_country_code(code) for code in ALL_CODES)


class TestCountryName:
    """`country_name` looks a code up in whichever table holds it."""

    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("ARM", "Armenia"),
            ("SUN", "USSR (until 1992)"),
            ("XKX", USER_ASSIGNED["XKX"]),
        ],
    )
    def test_known_code(self, code: str, name: str) -> None:
        """A known code returns its name from whichever table holds it."""
        assert country_name(code) == name

    @pytest.mark.parametrize("code", ["JAP", "arm", "", "ARM "])
    def test_unknown_code_raises_key_error(self, code: str) -> None:
        """An unknown code raises KeyError naming the code."""
        with pytest.raises(
            KeyError,
            match="not a known ISO 3166-1 alpha-3 country code",
        ):
            country_name(code)

    def test_unknown_code_message_names_code(self) -> None:
        """The KeyError message quotes the code that was looked up."""
        with pytest.raises(KeyError) as excinfo:
            country_name("JAP")
        assert "'JAP'" in str(excinfo.value)

    def test_every_known_code_has_a_name(self) -> None:
        """Every code in ALL_CODES has a name."""
        for code in ALL_CODES:
            assert country_name(code)


class TestModule:
    """What the module exports."""

    def test_public_names(self) -> None:
        """The module exports the three tables, ALL_CODES and the two functions."""
        assert sorted(_countries.__all__) == [
            "ALL_CODES",
            "CURRENT",
            "HISTORICAL",
            "USER_ASSIGNED",
            "country_name",
            "is_country_code",
        ]
