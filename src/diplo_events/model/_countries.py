"""ISO 3166-1 alpha-3 country codes, with English short names.

Records name countries by three-letter code, and every such code is checked
against the tables here, so a typo such as ``"JAP"`` or a lower-case ``"arm"``
is caught instead of passing through as an unknown country.

There are three tables, and no code is in more than one of them:

`CURRENT`
    The 249 codes officially assigned in ISO 3166-1, each with its English
    short name as given by the ISO 3166 Maintenance Agency, in a readable form
    (a trailing "(the)" is dropped, so "Russian Federation (the)" is stored as
    "Russian Federation").
`HISTORICAL`
    Codes that are no longer assigned but that event data, much of it from
    before 1990, still carries: the alpha-3 codes of ISO 3166-3 (formerly used
    names of countries), plus ``ROM``, Romania's alpha-3 code until the
    Maintenance Agency replaced it with ``ROU`` on 1 February 2002 (ISO 3166-1
    Newsletter V-3). Each name is followed by the years the code was in use,
    ending with the year ISO withdrew it, which can be later than the end of the
    state itself (``YUG`` stayed in use for the Federal Republic of Yugoslavia
    until 2003). ISO 3166-3's entry for the French Southern and Antarctic
    Territories (until 1979) is left out, because its alpha-3 code ``ATF`` is
    assigned today to the French Southern Territories and is in `CURRENT`.
`USER_ASSIGNED`
    ``XKX`` for Kosovo. ISO 3166-1 keeps codes beginning with X for users to
    assign and will never give one to a country; ``XKX`` is the code that the
    European Commission and others use.

Sources:

- ISO 3166 Maintenance Agency, Online Browsing Platform,
  https://www.iso.org/obp/ui/#search: current codes and English short names.
- ISO 3166-3, Code for formerly used names of countries: historical codes and
  the dates they were withdrawn.
- ISO 3166-1 Newsletter V-3 (2002): the change of Romania from ``ROM`` to
  ``ROU``.

Cross-checked against the Debian ``iso-codes`` package (version 4.15, files
``iso_3166-1.json`` and ``iso_3166-3.json``, the data pycountry ships), the
ISO 3166-3 data of the pycountry project on GitHub, and the ``all.csv`` and
``slim-3.csv`` tables of the GitHub repository
lukes/ISO-3166-Countries-with-Regional-Codes.
"""

import types
from collections.abc import Mapping
from typing import Final

from diplo_events._paths import shown

__all__ = [
    "ALL_CODES",
    "CURRENT",
    "HISTORICAL",
    "USER_ASSIGNED",
    "country_name",
    "is_country_code",
]

#: Every officially assigned ISO 3166-1 alpha-3 code, with its English short name.
CURRENT: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "ABW": "Aruba",
        "AFG": "Afghanistan",
        "AGO": "Angola",
        "AIA": "Anguilla",
        "ALA": "Åland Islands",
        "ALB": "Albania",
        "AND": "Andorra",
        "ARE": "United Arab Emirates",
        "ARG": "Argentina",
        "ARM": "Armenia",
        "ASM": "American Samoa",
        "ATA": "Antarctica",
        "ATF": "French Southern Territories",
        "ATG": "Antigua and Barbuda",
        "AUS": "Australia",
        "AUT": "Austria",
        "AZE": "Azerbaijan",
        "BDI": "Burundi",
        "BEL": "Belgium",
        "BEN": "Benin",
        "BES": "Bonaire, Sint Eustatius and Saba",
        "BFA": "Burkina Faso",
        "BGD": "Bangladesh",
        "BGR": "Bulgaria",
        "BHR": "Bahrain",
        "BHS": "Bahamas",
        "BIH": "Bosnia and Herzegovina",
        "BLM": "Saint Barthélemy",
        "BLR": "Belarus",
        "BLZ": "Belize",
        "BMU": "Bermuda",
        "BOL": "Bolivia (Plurinational State of)",
        "BRA": "Brazil",
        "BRB": "Barbados",
        "BRN": "Brunei Darussalam",
        "BTN": "Bhutan",
        "BVT": "Bouvet Island",
        "BWA": "Botswana",
        "CAF": "Central African Republic",
        "CAN": "Canada",
        "CCK": "Cocos (Keeling) Islands",
        "CHE": "Switzerland",
        "CHL": "Chile",
        "CHN": "China",
        "CIV": "Côte d'Ivoire",
        "CMR": "Cameroon",
        "COD": "Congo (Democratic Republic of the)",
        "COG": "Congo",
        "COK": "Cook Islands",
        "COL": "Colombia",
        "COM": "Comoros",
        "CPV": "Cabo Verde",
        "CRI": "Costa Rica",
        "CUB": "Cuba",
        "CUW": "Curaçao",
        "CXR": "Christmas Island",
        "CYM": "Cayman Islands",
        "CYP": "Cyprus",
        "CZE": "Czechia",
        "DEU": "Germany",
        "DJI": "Djibouti",
        "DMA": "Dominica",
        "DNK": "Denmark",
        "DOM": "Dominican Republic",
        "DZA": "Algeria",
        "ECU": "Ecuador",
        "EGY": "Egypt",
        "ERI": "Eritrea",
        "ESH": "Western Sahara",
        "ESP": "Spain",
        "EST": "Estonia",
        "ETH": "Ethiopia",
        "FIN": "Finland",
        "FJI": "Fiji",
        "FLK": "Falkland Islands (Malvinas)",
        "FRA": "France",
        "FRO": "Faroe Islands",
        "FSM": "Micronesia (Federated States of)",
        "GAB": "Gabon",
        "GBR": "United Kingdom of Great Britain and Northern Ireland",
        "GEO": "Georgia",
        "GGY": "Guernsey",
        "GHA": "Ghana",
        "GIB": "Gibraltar",
        "GIN": "Guinea",
        "GLP": "Guadeloupe",
        "GMB": "Gambia",
        "GNB": "Guinea-Bissau",
        "GNQ": "Equatorial Guinea",
        "GRC": "Greece",
        "GRD": "Grenada",
        "GRL": "Greenland",
        "GTM": "Guatemala",
        "GUF": "French Guiana",
        "GUM": "Guam",
        "GUY": "Guyana",
        "HKG": "Hong Kong",
        "HMD": "Heard Island and McDonald Islands",
        "HND": "Honduras",
        "HRV": "Croatia",
        "HTI": "Haiti",
        "HUN": "Hungary",
        "IDN": "Indonesia",
        "IMN": "Isle of Man",
        "IND": "India",
        "IOT": "British Indian Ocean Territory",
        "IRL": "Ireland",
        "IRN": "Iran (Islamic Republic of)",
        "IRQ": "Iraq",
        "ISL": "Iceland",
        "ISR": "Israel",
        "ITA": "Italy",
        "JAM": "Jamaica",
        "JEY": "Jersey",
        "JOR": "Jordan",
        "JPN": "Japan",
        "KAZ": "Kazakhstan",
        "KEN": "Kenya",
        "KGZ": "Kyrgyzstan",
        "KHM": "Cambodia",
        "KIR": "Kiribati",
        "KNA": "Saint Kitts and Nevis",
        "KOR": "Korea (Republic of)",
        "KWT": "Kuwait",
        "LAO": "Lao People's Democratic Republic",
        "LBN": "Lebanon",
        "LBR": "Liberia",
        "LBY": "Libya",
        "LCA": "Saint Lucia",
        "LIE": "Liechtenstein",
        "LKA": "Sri Lanka",
        "LSO": "Lesotho",
        "LTU": "Lithuania",
        "LUX": "Luxembourg",
        "LVA": "Latvia",
        "MAC": "Macao",
        "MAF": "Saint Martin (French part)",
        "MAR": "Morocco",
        "MCO": "Monaco",
        "MDA": "Moldova (Republic of)",
        "MDG": "Madagascar",
        "MDV": "Maldives",
        "MEX": "Mexico",
        "MHL": "Marshall Islands",
        "MKD": "North Macedonia",
        "MLI": "Mali",
        "MLT": "Malta",
        "MMR": "Myanmar",
        "MNE": "Montenegro",
        "MNG": "Mongolia",
        "MNP": "Northern Mariana Islands",
        "MOZ": "Mozambique",
        "MRT": "Mauritania",
        "MSR": "Montserrat",
        "MTQ": "Martinique",
        "MUS": "Mauritius",
        "MWI": "Malawi",
        "MYS": "Malaysia",
        "MYT": "Mayotte",
        "NAM": "Namibia",
        "NCL": "New Caledonia",
        "NER": "Niger",
        "NFK": "Norfolk Island",
        "NGA": "Nigeria",
        "NIC": "Nicaragua",
        "NIU": "Niue",
        "NLD": "Netherlands (Kingdom of the)",
        "NOR": "Norway",
        "NPL": "Nepal",
        "NRU": "Nauru",
        "NZL": "New Zealand",
        "OMN": "Oman",
        "PAK": "Pakistan",
        "PAN": "Panama",
        "PCN": "Pitcairn",
        "PER": "Peru",
        "PHL": "Philippines",
        "PLW": "Palau",
        "PNG": "Papua New Guinea",
        "POL": "Poland",
        "PRI": "Puerto Rico",
        "PRK": "Korea (Democratic People's Republic of)",
        "PRT": "Portugal",
        "PRY": "Paraguay",
        "PSE": "Palestine, State of",
        "PYF": "French Polynesia",
        "QAT": "Qatar",
        "REU": "Réunion",
        "ROU": "Romania",
        "RUS": "Russian Federation",
        "RWA": "Rwanda",
        "SAU": "Saudi Arabia",
        "SDN": "Sudan",
        "SEN": "Senegal",
        "SGP": "Singapore",
        "SGS": "South Georgia and the South Sandwich Islands",
        "SHN": "Saint Helena, Ascension and Tristan da Cunha",
        "SJM": "Svalbard and Jan Mayen",
        "SLB": "Solomon Islands",
        "SLE": "Sierra Leone",
        "SLV": "El Salvador",
        "SMR": "San Marino",
        "SOM": "Somalia",
        "SPM": "Saint Pierre and Miquelon",
        "SRB": "Serbia",
        "SSD": "South Sudan",
        "STP": "Sao Tome and Principe",
        "SUR": "Suriname",
        "SVK": "Slovakia",
        "SVN": "Slovenia",
        "SWE": "Sweden",
        "SWZ": "Eswatini",
        "SXM": "Sint Maarten (Dutch part)",
        "SYC": "Seychelles",
        "SYR": "Syrian Arab Republic",
        "TCA": "Turks and Caicos Islands",
        "TCD": "Chad",
        "TGO": "Togo",
        "THA": "Thailand",
        "TJK": "Tajikistan",
        "TKL": "Tokelau",
        "TKM": "Turkmenistan",
        "TLS": "Timor-Leste",
        "TON": "Tonga",
        "TTO": "Trinidad and Tobago",
        "TUN": "Tunisia",
        "TUR": "Türkiye",
        "TUV": "Tuvalu",
        "TWN": "Taiwan (Province of China)",
        "TZA": "Tanzania, United Republic of",
        "UGA": "Uganda",
        "UKR": "Ukraine",
        "UMI": "United States Minor Outlying Islands",
        "URY": "Uruguay",
        "USA": "United States of America",
        "UZB": "Uzbekistan",
        "VAT": "Holy See",
        "VCT": "Saint Vincent and the Grenadines",
        "VEN": "Venezuela (Bolivarian Republic of)",
        "VGB": "Virgin Islands (British)",
        "VIR": "Virgin Islands (U.S.)",
        "VNM": "Viet Nam",
        "VUT": "Vanuatu",
        "WLF": "Wallis and Futuna",
        "WSM": "Samoa",
        "YEM": "Yemen",
        "ZAF": "South Africa",
        "ZMB": "Zambia",
        "ZWE": "Zimbabwe",
    },
)

#: Withdrawn alpha-3 codes that event data still carries, with the years in use.
HISTORICAL: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "AFI": "French Afars and Issas (until 1977)",
        "ANT": "Netherlands Antilles (until 2010)",
        "ATB": "British Antarctic Territory (until 1979)",
        "ATN": "Dronning Maud Land (until 1983)",
        "BUR": "Burma (until 1989)",
        "BYS": "Byelorussian SSR (until 1992)",
        "CSK": "Czechoslovakia (until 1993)",
        "CTE": "Canton and Enderbury Islands (until 1984)",
        "DDR": "German Democratic Republic (until 1990)",
        "DHY": "Dahomey (until 1977)",
        "FXX": "France, Metropolitan (until 1997)",
        "GEL": "Gilbert and Ellice Islands (until 1979)",
        "HVO": "Upper Volta (until 1984)",
        "JTN": "Johnston Island (until 1986)",
        "MID": "Midway Islands (until 1986)",
        "NHB": "New Hebrides (until 1980)",
        "NTZ": "Neutral Zone (until 1993)",
        "PCI": "Pacific Islands, Trust Territory of the (until 1986)",
        "PCZ": "Panama Canal Zone (until 1980)",
        "PUS": "United States Miscellaneous Pacific Islands (until 1986)",
        "RHO": "Southern Rhodesia (until 1980)",
        "ROM": "Romania (until 2002)",
        "SCG": "Serbia and Montenegro (2003-2006)",
        "SKM": "Sikkim (until 1975)",
        "SUN": "USSR (until 1992)",
        "TMP": "East Timor (until 2002)",
        "VDR": "Viet-Nam, Democratic Republic of (until 1977)",
        "WAK": "Wake Island (until 1986)",
        "YMD": "Yemen, Democratic (until 1990)",
        "YUG": "Yugoslavia (until 2003)",
        "ZAR": "Zaire (until 1997)",
    },
)

#: Codes from the user-assigned X range that some bodies use for countries.
USER_ASSIGNED: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "XKX": (
            "Kosovo (user-assigned code used by the European Commission, IMF and"
            " others; not an ISO assignment)"
        ),
    },
)

#: Every code a record may carry: current, historical and user-assigned.
ALL_CODES: Final[frozenset[str]] = frozenset(
    CURRENT.keys() | HISTORICAL.keys() | USER_ASSIGNED.keys(),
)

_NAMES: Final[Mapping[str, str]] = types.MappingProxyType(
    {**CURRENT, **HISTORICAL, **USER_ASSIGNED},
)


def is_country_code(code: object) -> bool:
    """Tell whether *code* is a known alpha-3 code.

    Only a `str` that is exactly one of `ALL_CODES` counts: the match is
    case-sensitive and surrounding white space is not stripped, so ``"arm"``
    and ``" ARM"`` are rejected while ``"ARM"`` is accepted.
    """
    return isinstance(code, str) and code in ALL_CODES


def country_name(code: str) -> str:
    """Return the English name for *code*, from whichever table holds it.

    Raises:
        KeyError: *code* is not one of `ALL_CODES`.

    """
    try:
        return _NAMES[code]
    except KeyError:
        msg = f"{shown(code)} is not a known ISO 3166-1 alpha-3 country code"
        raise KeyError(msg) from None
