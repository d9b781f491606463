"""Tests of the extractor's words and confidences, read from data/cues/."""

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import pytest

import diplo_events as de
from diplo_events.drafting.rules import _cues, _quotes

SRC = Path(__file__).parent.parent.parent / "src" / "diplo_events"
CUES = resources.files("diplo_events").joinpath("data", "cues")
FILES = sorted(p.name for p in CUES.iterdir() if p.name.endswith(".tsv"))
# How many columns each file has; every file must be listed.
COLUMNS = {
    "abbreviations.tsv": 1,
    "confidences.tsv": 3,
    "demand_cues.tsv": 4,
    "looking_ahead.tsv": 4,
    "meeting_cues.tsv": 3,
    "meeting_kinds.tsv": 3,
    "prepositions.tsv": 1,
    "proposal_cues.tsv": 2,
    "reference_cues.tsv": 2,
    "response_cues.tsv": 2,
    "speaker_words.tsv": 2,
    "speaker_nouns.tsv": 2,
    "speech_verbs.tsv": 3,
    "stance_verbs.tsv": 1,
    "title_heads.tsv": 2,
    "urgency_cues.tsv": 2,
}
# The column that holds the cue words, for the files of word cues.
CUE_COLUMN = {
    "demand_cues.tsv": 0,
    "looking_ahead.tsv": 0,
    "meeting_cues.tsv": 2,
    "meeting_kinds.tsv": 2,
    "proposal_cues.tsv": 0,
    "reference_cues.tsv": 1,
    "response_cues.tsv": 1,
    "speaker_words.tsv": 0,
    "speaker_nouns.tsv": 0,
    "speech_verbs.tsv": 0,
    "stance_verbs.tsv": 0,
    "urgency_cues.tsv": 1,
}


def speech_verbs(column: int) -> list[str]:
    return [row[0] for row in _cues.rows("speech_verbs.tsv", 3) if row[column] == "yes"]


class TestCueFiles:
    def test_every_file_is_known(self) -> None:
        """Every TSV file in data/cues/ is one these tests know the columns of."""
        assert sorted(COLUMNS) == FILES

    @pytest.mark.parametrize("name", FILES)
    def test_header_says_what_columns_and_source(self, name: str) -> None:
        """Each file opens with comment lines naming its columns and its source."""
        lines = CUES.joinpath(name).read_text(encoding="utf-8").splitlines()
        header = [line for line in lines if line.startswith("#")]
        assert lines[0].startswith("# ")
        assert any(line.startswith("# Columns:") for line in header)
        assert any(line.startswith("# Source:") for line in header)

    @pytest.mark.parametrize("name", FILES)
    def test_rows_have_every_column_and_no_repeats(self, name: str) -> None:
        """Each data row has exactly the file's columns, none empty, and no row repeats."""
        rows = _cues.rows(name, COLUMNS[name])
        assert rows
        assert all(all(field for field in row) for row in rows)
        text = CUES.joinpath(name).read_text(encoding="utf-8")
        data = [line for line in text.splitlines() if line and not line.startswith("#")]
        assert all(line.count("\t") == COLUMNS[name] - 1 for line in data)
        assert len(set(rows)) == len(rows)

    @pytest.mark.parametrize("name", sorted(CUE_COLUMN))
    def test_cues_are_lower_case_and_none_extends_another(self, name: str) -> None:
        """Cues are lower case, and no cue is another of its group followed by more words.

        So at most one cue of a group can match at any place, and the order of
        the rows does not change what a pattern finds.
        """
        column = CUE_COLUMN[name]
        groups: dict[tuple[str, ...], list[str]] = {}
        for row in _cues.rows(name, COLUMNS[name]):
            groups.setdefault(row[:column] + row[column + 1 :], []).append(row[column])
        for cues in groups.values():
            assert all(cue == cue.lower() for cue in cues)
            extended = [
                (a, b)
                for a in cues
                for b in cues
                if b != a and b.startswith(a) and not b[len(a)].isalnum()
            ]
            assert extended == []

    def test_too_many_columns_is_an_error(self) -> None:
        """A row with more fields than the file has columns is reported with its line."""
        with pytest.raises(ValueError, match=r"speech_verbs\.tsv:\d+: 3 fields, expected 2"):
            _cues.rows("speech_verbs.tsv", 2)


class TestAlternation:
    @pytest.mark.parametrize("name", sorted(CUE_COLUMN))
    def test_merged_pattern_matches_the_words_and_nothing_else(self, name: str) -> None:
        """The pattern made of a file's cues matches each of them and none of their near misses."""
        words = {row[CUE_COLUMN[name]] for row in _cues.rows(name, COLUMNS[name])}
        pattern = re.compile(_cues.alternation(words))
        assert all(pattern.fullmatch(word) for word in words)
        near = {w[:cut] for w in words for cut in range(1, len(w))} | {f"{w}x" for w in words}
        assert [w for w in near - words if pattern.fullmatch(w)] == []

    def test_common_beginnings_are_merged(self) -> None:
        """Words with a shared start become one branch, special characters escaped."""
        assert _cues.alternation(["demand", "demands", "demanded"]) == "demand(?:s|ed)?"
        assert _cues.alternation(["u.s", "u.k"]) == r"u\.(?:s|k)"
        assert _cues.alternation([]) == ""


class TestProposalKind:
    def test_kind_comes_from_the_cue_matched(self) -> None:
        """Each proposal cue gives the kind its row names."""
        for cue, kind in _cues.rows("proposal_cues.tsv", 2):
            match = _cues.PROPOSAL_RE.search(f"She {cue.upper()} it.")
            assert match is not None
            assert _cues.proposal_kind(match) is de.ProposalKind(kind)

    def test_case_folded_letters_give_a_kind(self) -> None:
        """A cue matched through a case-folded letter (a long s in "proposed") gives its kind."""
        text = (
            "Foreign Minister Ana Lopes met her Spanish counterpart Jon Berg in Madrid on "
            "Monday. Lopes propo\u017fed to hold the next round in Lisbon."
        )
        drafts = de.extract(text, published=dt.date(2021, 3, 3))
        (proposal,) = drafts.of_type(de.Proposal)
        assert proposal.kind is de.ProposalKind.SUGGESTION


class TestSpeechVerbs:
    def test_one_list_serves_both_rules(self) -> None:
        """Most speech verbs serve both the quote-attribution and the reported-speech rules."""
        both = set(speech_verbs(1)) & set(speech_verbs(2))
        assert len(both) > 30
        assert {"said", "stressed", "told", "pointed out"} <= both

    @pytest.mark.parametrize("verb", speech_verbs(1))
    def test_quote_verbs_name_the_speaker(self, verb: str) -> None:
        """Every verb marked for quotes names the speaker of a quote after it."""
        assert _cues.SPEECH_RE.fullmatch(verb)
        assert _quotes._TRAILING_SPEECH_RE.match(f", {verb.upper()}")
        text = f"“We agreed on a great deal today,” {verb} Foreign Minister Ana Lopes."
        drafts = de.extract(text, published=dt.date(2021, 3, 3))
        (statement,) = drafts.of_type(de.Statement)
        assert statement.mode is de.StatementMode.DIRECT_QUOTE
        assert statement.citations[1].quote == "Foreign Minister Ana Lopes"
        assert statement.citations[1].confidence == _cues.confidence("speaker-named")

    @pytest.mark.parametrize("verb", speech_verbs(2))
    def test_reported_verbs_make_reported_speech(self, verb: str) -> None:
        """Every verb marked for reported speech is one the reported-speech rule finds."""
        assert _cues.REPORTED_RE.fullmatch(verb)
        assert _cues.REPORTED_RE.fullmatch(verb.title())

    def test_verbs_marked_no_are_left_out(self) -> None:
        """A verb marked "no" for a rule is not one that rule finds."""
        rows = _cues.rows("speech_verbs.tsv", 3)
        for verb, quotes, reported in rows:
            assert (_cues.SPEECH_RE.fullmatch(verb) is not None) == (quotes == "yes")
            assert (_cues.REPORTED_RE.fullmatch(verb) is not None) == (reported == "yes")
            assert "yes" in {quotes, reported}


class TestConfidences:
    def test_every_rule_is_used_and_every_used_rule_listed(self) -> None:
        """The rule names the code reads and the names in confidences.tsv are the same."""
        code = "".join(
            path.read_text(encoding="utf-8") for path in (SRC / "drafting").rglob("*.py")
        )
        used = set(re.findall(r'\bconfidence\("([a-z-]+)"\)', code))
        listed = {name for name, _, _ in _cues.rows("confidences.tsv", 3)}
        assert used == listed

    def test_values_are_probabilities_with_a_description(self) -> None:
        """Every confidence lies in 0..1 and says what its rule is."""
        for name, value, what in _cues.rows("confidences.tsv", 3):
            assert 0 <= float(value) <= 1, name
            assert what.endswith("."), name

    def test_no_bare_confidence_in_the_stages(self) -> None:
        """No stage writes a confidence as a number: no float literal is left in their code."""
        for path in [*(SRC / "drafting" / "rules").glob("*.py"), SRC / "drafting" / "_extract.py"]:
            code = re.sub(
                r'(?s)""".*?"""|r?f?"[^"\n]*"|#[^\n]*', "", path.read_text(encoding="utf-8")
            )
            assert re.findall(r"(?<![\w.])\d*\.\d+\b", code) == [], path.name

    def test_unknown_rule_is_an_error(self) -> None:
        """Asking for a rule that is not listed raises KeyError."""
        with pytest.raises(KeyError):
            _cues.confidence("no-such-rule")

    def test_drafts_carry_the_listed_values(self) -> None:
        """The confidences in drafted records are values listed in the file."""
        text = (
            SRC.parent.parent / "tests" / "data" / "extraction" / "moscow-talks-2020-12-08.txt"
        ).read_text(encoding="utf-8")
        drafts = de.extract(text, published=dt.date(2020, 12, 8))
        listed = {float(value) for _, value, _ in _cues.rows("confidences.tsv", 3)}
        given = {
            citation.confidence
            for record in drafts.records
            for citation in getattr(record, "citations", ())
        } - {None}
        assert given <= listed
        assert len(given) >= 6


class TestSpeakerNouns:
    def test_every_noun_makes_a_known_record(self) -> None:
        """A speaker noun makes a person, an unnamed body, the parties together, or a body kind."""
        allowed = {"person", "body", "joint"} | {kind.value for kind in de.OrganizationKind}
        made = {record for _, record in _cues.rows("speaker_nouns.tsv", 2)}
        assert made <= allowed
        assert {"person", "body"} <= made

    def test_documents_are_no_persons(self) -> None:
        """A poll, a report or data that "found" something is an unnamed body, not a person."""
        text = (
            "Foreign Minister Ana Lopes met Foreign Minister Hemi Parata in Lisbon on Monday.\n\n"
            "A new poll of voters found that most support the fishing agreement."
        )
        drafted = de.extract(text, published=dt.date(2022, 5, 10))
        (found,) = [s for s in drafted.of_type(de.Statement) if s.cue == "found"]
        speaker = drafted[found.speaker]
        assert isinstance(speaker, de.Organization)
        assert speaker.unnamed
        assert speaker.kind is de.OrganizationKind.OTHER
        assert "poll" in speaker.name
        assert all(not p.name.lower().endswith("voters") for p in drafted.of_type(de.Person))
