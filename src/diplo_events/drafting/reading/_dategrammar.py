"""The grammar of date expressions, and finding them in a text.

`diplo_events.drafting.reading._datetext` reads dates in two steps: this
module says where the date expressions are, and which sentences point ahead
of the anchor ("will", "next", "scheduled"); `diplo_events.drafting.reading._daterule`
says what date each expression stands for. The grammar is one regular
expression, `_DATE_RE`, with one named group per kind of expression
(``k_md``, ``k_wd``, ...), whose inner groups the rules read. `_scan` finds
the same matches as ``_DATE_RE.finditer`` but tries the grammar only near a
cheap trigger, which keeps long texts fast. The expressions it knows are
listed in the documentation of `diplo_events.drafting.reading._datetext`.
"""

import bisect
import re
from typing import Final

# --- the expression grammar -----------------------------------------------------------

_FULL_MONTHS: Final = (
    r"january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august"
    r"|september|october|november|december"
)
_ABBR_MONTHS: Final = r"jan|feb|(?-i:Mar|MAR)|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_WEEKDAY: Final = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DASH: Final = r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*"
_WORD_SEP: Final = r"\s+(?:to|through|thru|until|till)\s+"


def _month(name: str) -> str:
    # An abbreviation keeps its period only when a day or year follows it.
    return rf"(?P<{name}>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})(?:\.(?=\s*[0-9])|\b))"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b(?![:.][0-9])"


def _year(name: str) -> str:
    # Any year as written: "December 7, 3000" is in 3000; "December 7, 0000" is no date.
    return rf"(?P<{name}>[0-9]{{4}})(?![0-9]|[.,:/][0-9])"


def _opt_year(name: str) -> str:
    return rf"(?:,?\s+{_year(name)})?"


def _sep(and_when: str | None) -> str:
    """A range separator; ``and`` always (``"always"``), never, or if a group matched."""
    if and_when is None:
        return rf"(?:{_DASH}|{_WORD_SEP})"
    if and_when == "always":
        return rf"(?:{_DASH}|{_WORD_SEP}|\s+and\s+)"
    return rf"(?:{_DASH}|{_WORD_SEP}|\s+(?({and_when})and|(?!))\s+)"


def _range_lead(name: str) -> str:
    return rf"(?:(?:(?P<{name}>between)|from)\s+)?"


def _md(k: str, n: str) -> str:
    return rf"{_month(f'{k}_m{n}')}\s+{_day(f'{k}_d{n}')}"


def _dm(k: str, n: str) -> str:
    return rf"(?:the\s+)?{_day(f'{k}_d{n}')}(?:\s+of)?\s+{_month(f'{k}_m{n}')}"


_ALTERNATIVES: Final = {
    # ranges across months: "December 30, 2020 - January 2, 2021"
    "rxm": rf"{_range_lead('rxm_b')}{_md('rxm', '1')}{_opt_year('rxm_y1')}{_sep('rxm_b')}"
    rf"{_md('rxm', '2')}{_opt_year('rxm_y2')}",
    "rxd": rf"{_range_lead('rxd_b')}{_dm('rxd', '1')}{_opt_year('rxd_y1')}{_sep('rxd_b')}"
    rf"{_dm('rxd', '2')}{_opt_year('rxd_y2')}",
    # ranges within a month: "December 12-14", "from 6 to 7 December"
    "rmd": rf"{_range_lead('rmd_b')}{_month('rmd_m2')}\s+{_day('rmd_d1')}{_sep('rmd_b')}"
    rf"{_day('rmd_d2')}{_opt_year('rmd_y2')}",
    "rdm": rf"{_range_lead('rdm_b')}(?:the\s+)?{_day('rdm_d1')}{_sep('always')}"
    rf"{_dm('rdm', '2')}{_opt_year('rdm_y2')}",
    # a weekday with the date: "Tuesday, December 8, 2020"
    "wmd": rf"(?P<wmd_w>{_WEEKDAY}),?\s+{_md('wmd', '1')}{_opt_year('wmd_y1')}",
    "wdm": rf"(?P<wdm_w>{_WEEKDAY}),?\s+{_dm('wdm', '1')}{_opt_year('wdm_y1')}",
    "iso": r"(?<![0-9.,/-])(?P<iso_y>[12][0-9]{3})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9])"
    r"(?![0-9]|[-.,/][0-9])",
    "num": r"(?<![0-9.,/-])(?P<num_a>[0-9]{1,2})(?P<num_s>[./-])(?P<num_b>[0-9]{1,2})(?P=num_s)"
    r"(?P<num_y>[12][0-9]{3})(?![0-9]|[-.,/][0-9])",
    "md": rf"{_md('md', '1')}{_opt_year('md_y1')}",
    "dm": rf"{_dm('dm', '1')}{_opt_year('dm_y1')}",
    "my": rf"{_month('my_m1')},?\s+{_year('my_y1')}",
    # "in November", "early December", "next November"
    "mo": rf"(?:(?P<mo_q>last|next|this|early|late|mid)(?:-|\s+)|(?(pin)|(?!))){_month('mo_m1')}",
    # "in 2020", "mid-2020"; 1800 to 2199 only, and never before a digit or percent sign
    "yr": r"(?:(?:early|late|mid)(?:-|\s+)|(?(pin)|(?!)))(?P<yr_y1>(?:1[89]|2[01])[0-9]{2})"
    r"(?![0-9]|[-.,:/][0-9]|\s*(?:%|per\s*cent))",
    "rday": r"(?P<rday_w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
    r"|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    "ago": r"(?P<ago_n>[1-9][0-9]?|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<ago_u>days?|weeks?)\s+ago\b",
    "past": r"(?:over\s+)?the\s+(?:past|last)\s+(?P<past_u>week|month|year)\b(?!\s+of\b)",
    "thisx": r"(?P<thisx_q>earlier|later)\s+this\s+(?P<thisx_u>week|month|year)\b",
    "rel": r"(?P<rel_q>last|next|this)\s+(?P<rel_u>week|month|year)\b(?!\s+of\b)",
    "recent": r"recently\b|(?(pin)recent\s+(?:days|weeks|months)\b|(?!))",
    "wd": rf"(?:(?P<wd_q>last|next|this\s+coming|this\s+past|this|coming)\s+)?(?P<wd_w>{_WEEKDAY})",
}

_PREPOSITION: Final = (
    r"(?:(?P<pon>on)|(?P<pin>in|during|since|until|till|by|before|after|from|through"
    r"|throughout|of))\s+"
)
_DATE_RE: Final = re.compile(
    rf"\b(?:{_PREPOSITION})?(?:"
    + "|".join(f"(?P<k_{key}>{body})" for key, body in _ALTERNATIVES.items())
    + ")",
    re.IGNORECASE,
)

# Every date expression holds one of these tokens (a digit, or the start of a month,
# weekday or time word), perhaps after a few words that may lead one. `_scan` tries
# the full grammar only where this much cheaper pattern matches.
_LEAD_WORDS: Final = (
    "on|in|during|since|until|till|by|before|after|from|through|throughout|of|between|the"
    "|over|past|last|next|this|coming|early|late|mid|earlier|later|day|days|weeks"
    "|an?|one|two|three|four|five|six|seven|eight|nine|ten"
)
_TOKENS: Final = (
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun yesterday"
    " today tomorrow tonight night morning afternoon evening week month year recent day"
)


def _caseless(words: str) -> str:
    """An alternation of *words* in any case, branching on a character class first.

    The regex engine skips a branch that starts with a character class at the
    cost of one comparison, which an ignore-case literal does not allow.
    """
    by_first: dict[str, list[str]] = {}
    for word in words.split():
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        tails = "|".join("".join(f"[{c}{c.upper()}]" for c in rest) for rest in rests)
        branches.append(f"[{first}{first.upper()}](?:{tails})")
    return "|".join(branches)


_TRIGGER_RE: Final = re.compile(rf"\b(?:[0-9]|{_caseless(_TOKENS)})")
# A word that may lead a date expression, just before the given end.
_LEAD_BEFORE_RE: Final = re.compile(rf"\b(?:{_LEAD_WORDS})(?:\s+|-)\Z", re.IGNORECASE)
_LEAD_REACH: Final = 16

# Sentence ends: a stop after no title's abbreviation or initial, before a capital; a blank line.
# Each branch opens with its mark, so the regex engine skips straight to the marks.
_SENTENCE_END_RE: Final = re.compile(
    r"[.!?](?<!\bMr.)(?<!\bMs.)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bSen.)(?<!\bGen.)(?<!\b[A-Z].)"
    r"[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z\u00c0-\u00dd\u0391-\u03a9\u0410-\u042f])"
    r"|\n[ \t]*\n",
    re.IGNORECASE,
)
# Words that point ahead. Every branch opens a word or is "'ll", so the engine tries the
# branches only there (three times as fast on news as trying them at every character).
_AHEAD_RE: Final = re.compile(
    r"(?:\b(?=[^\W\d_])|(?=['\u2019]))"
    r"(?:\b(?:will|shall|won't|next(?!\s+(?:day|morning|evening|to)\b)|upcoming|forthcoming"
    r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\sbeen\s)"
    # "a planned trade zone" is an adjective, not a plan for the date at hand; "the planned
    # talks" and "their scheduled visit" still point ahead.
    r"(?:(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?:scheduled|planned|slated)"
    r"|(?:scheduled|planned|slated)(?=\s+(?:[\w-]+\s+)?(?:talks|visits?|meetings?|summits?|trips?"
    r"|calls?|conferences?|sessions?|rounds?|consultations|ministerial|forum|dialogue"
    r"|negotiations)\b))"
    r"|plans?\s+to|to\s+be\s+held|to\s+take\s+place"
    r"|(?:offer(?:s|ed)?|propos(?:es|ed))\s+to\s+(?:host|hold|organi[sz]e|convene)"
    r"|(?<!\bwas\s)(?<!\bwere\s)expected\s+to"
    r"|(?:is|are)\s+(?:set|going)\s+to|(?:was|were|is|are)\s+set\s+for|expects?\s+to\s+hold"
    r"|(?:postponed|put\s+off|moved|delayed)\s+(?:until|to|till)|rescheduled\s+for"
    r"|due\s+to\s+(?:meet|visit|hold|travel|arrive|begin|start|sign|attend|be|take|open)"
    r"|would\s+(?!(?:not\s+)?have\b))\b|[\u2019']ll\b)",
    re.IGNORECASE,
)

# Alternatives whose words point ahead by themselves.
_AHEAD_WORDS: Final = re.compile(
    r"\b(?:tomorrow|next|later|coming)\b",
    re.IGNORECASE,
)


# --- finding expressions -------------------------------------------------------------


def _points_ahead(m: re.Match[str]) -> bool:
    kind = (m.lastgroup or "k_")[2:]
    if kind in {"rday", "thisx", "rel", "wd", "mo"}:
        return _AHEAD_WORDS.search(m[0]) is not None
    return False


def _candidate_starts(text: str, token: int, pos: int) -> list[int]:
    """Where a date expression holding the token at *token* may start, earliest first."""
    starts = [token]
    end = token
    while end > pos:
        lead = _LEAD_BEFORE_RE.search(text[max(pos, end - _LEAD_REACH) : end])
        if lead is None:
            break
        end -= len(lead[0])
        starts.append(end)
    starts.reverse()
    return starts


def _scan(text: str) -> list[re.Match[str]]:
    """``list(_DATE_RE.finditer(text))``, but trying the grammar only near tokens."""
    found: list[re.Match[str]] = []
    pos = 0
    for trigger in _TRIGGER_RE.finditer(text):
        token = trigger.start()
        if token < pos:
            continue
        for candidate in _candidate_starts(text, token, pos):
            m = _DATE_RE.match(text, candidate)
            if m is not None:
                found.append(m)
                pos = m.end()
                break
    return found


def _sentence_future(text: str, matches: list[re.Match[str]]) -> list[bool]:
    """For each match, whether its sentence holds a word pointing ahead."""
    starts: list[int] = []
    ends: list[int] = []
    for stop in _SENTENCE_END_RE.finditer(text):
        starts.append(stop.start())
        ends.append(stop.end())
    cues = [cue.start() for cue in _AHEAD_RE.finditer(text)]
    flags = []
    for m in matches:
        i = bisect.bisect_right(ends, m.start())
        sentence_start = ends[i - 1] if i else 0
        j = bisect.bisect_left(starts, m.end())
        sentence_end = starts[j] if j < len(starts) else len(text)
        k = bisect.bisect_left(cues, sentence_start)
        flags.append(k < len(cues) and cues[k] < sentence_end)
    return flags
