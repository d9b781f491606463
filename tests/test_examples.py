"""Tests of the runnable scripts in ``examples/``."""

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import diplo_events as de

EXAMPLES = Path(__file__).parent.parent / "examples"
MOSCOW_TALKS = EXAMPLES / "moscow_talks_2020.py"
ARTICLE = EXAMPLES / "data" / "moscow-talks-2020-12-08.txt"


def load_example(path: Path) -> ModuleType:
    """Import an example script from its path (``examples/`` is not a package)."""
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the Moscow-talks example as a script."""
    return subprocess.run(  # noqa: S603 - our own script, run with this interpreter
        [sys.executable, str(MOSCOW_TALKS), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run the example once into a temporary file."""
    out = tmp_path_factory.mktemp("moscow") / "moscow.json"
    return run(out), out


@pytest.fixture(scope="module")
def collection(written: tuple[subprocess.CompletedProcess[str], Path]) -> de.Collection:
    """The collection the example wrote, read back."""
    _, out = written
    result = de.from_json(out.read_text(encoding="utf-8"))
    assert isinstance(result, de.Collection)
    return result


@pytest.fixture(scope="module")
def article() -> str:
    """The article's full text."""
    return ARTICLE.read_text(encoding="utf-8")


def by_name(collection: de.Collection, name: str) -> de.Person | de.Organization:
    """Return the one person or organization called *name*."""
    found = [
        record
        for record in collection
        if isinstance(record, de.Person | de.Organization) and record.name == name
    ]
    assert len(found) == 1, name
    return found[0]


def main_meeting(collection: de.Collection) -> de.Meeting:
    """Return the talks in Moscow."""
    (talks,) = [
        m
        for m in collection.of_type(de.Meeting)
        if m.kind is de.MeetingKind.TALKS and m.location is not None and m.location.name == "Moscow"
    ]
    return talks


class TestAllExamples:
    """Every example script can be imported and has a main()."""

    @pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
    def test_has_main(self, path: Path) -> None:
        """Importing the script runs nothing and exposes a callable main."""
        module = load_example(path)
        assert callable(getattr(module, "main", None))


class TestMoscowTalksScript:
    """Running examples/moscow_talks_2020.py as a script."""

    def test_exits_zero_and_summarizes(
        self,
        written: tuple[subprocess.CompletedProcess[str], Path],
    ) -> None:
        """The script succeeds and its summary names both ministers."""
        result, out = written
        assert result.returncode == 0, result.stderr
        assert "Ara Ayvazyan" in result.stdout
        assert "Sergey Lavrov" in result.stdout
        assert "validation: 0 errors, 0 warnings" in result.stdout
        assert out.is_file()

    def test_no_argument_is_a_usage_error(self) -> None:
        """Without an output path the script prints its usage and exits with 2."""
        result = run()
        assert result.returncode == 2
        assert "usage:" in result.stderr
        assert result.stdout == ""

    def test_main_without_argument_returns_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """main([]) returns 2 instead of raising SystemExit."""
        assert load_example(MOSCOW_TALKS).main([]) == 2
        assert "usage:" in capsys.readouterr().err

    def test_output_is_byte_identical_across_runs(
        self,
        written: tuple[subprocess.CompletedProcess[str], Path],
        tmp_path: Path,
    ) -> None:
        """Two runs write the same bytes, and so does build_collection() in-process."""
        _, first = written
        second = tmp_path / "again.json"
        assert run(second).returncode == 0
        assert first.read_bytes() == second.read_bytes()
        built = load_example(MOSCOW_TALKS).build_collection()
        assert de.to_json(built, indent=2).encode("utf-8") == first.read_bytes()


class TestMoscowTalksCollection:
    """The collection the Moscow-talks example writes."""

    def test_validates_without_errors(self, collection: de.Collection) -> None:
        """validate() finds no issue at all."""
        assert de.validate(collection) == []

    def test_seven_direct_quotes(self, collection: de.Collection) -> None:
        """Exactly the seven direct quotes of the article are statements."""
        quotes = [
            s for s in collection.of_type(de.Statement) if s.mode is de.StatementMode.DIRECT_QUOTE
        ]
        assert len(quotes) == 7

    def test_direct_quotes_are_the_article_words(
        self,
        collection: de.Collection,
        article: str,
    ) -> None:
        """Each quote's span in the article is its text and its citation quote, in “ ”."""
        (article_source,) = [s for s in collection.of_type(de.Source) if s.text is not None]
        assert article_source.text == article
        for statement in collection.of_type(de.Statement):
            if statement.mode is not de.StatementMode.DIRECT_QUOTE:
                continue
            cited = [c for c in statement.citations if c.source == article_source.id]
            assert len(cited) == 1, statement.text
            (citation,) = cited
            (span,) = citation.spans
            assert article[span.start : span.end] == statement.text == citation.quote
            assert article[span.start - 1] == "“"
            assert article[span.end] == "”"

    def test_quote_across_paragraphs_and_elision(self, collection: de.Collection) -> None:
        """One quote keeps its paragraph break, another the article's […]."""
        texts = [
            s.text
            for s in collection.of_type(de.Statement)
            if s.mode is de.StatementMode.DIRECT_QUOTE
        ]
        assert sum("\n\n" in text for text in texts) == 1
        assert any(text.startswith("Armenia […] has acted") for text in texts)
        assert any(text.endswith("in the Middle East") for text in texts)

    def test_participants(self, collection: de.Collection) -> None:
        """Both ministers take part, as visitor and host, for ARM and RUS."""
        talks = main_meeting(collection)
        ayvazyan = by_name(collection, "Ara Ayvazyan")
        lavrov = by_name(collection, "Sergey Lavrov")
        assert isinstance(lavrov, de.Person)
        assert "Sergei Lavrov" in lavrov.aliases
        found = {}
        for participant in talks.participants:
            represents = collection[participant.represents or ""]
            assert isinstance(represents, de.Organization)
            parent = collection[represents.parent or ""]
            assert isinstance(parent, de.Organization)
            assert parent.kind is de.OrganizationKind.STATE
            found[participant.actor] = (
                participant.capacity,
                participant.title,
                represents.country,
                parent.country,
            )
        assert found == {
            ayvazyan.id: (de.Capacity.VISITOR, "Foreign Minister", "ARM", "ARM"),
            lavrov.id: (de.Capacity.HOST, "Foreign Minister", "RUS", "RUS"),
        }

    def test_dates(self, collection: de.Collection) -> None:
        """The talks are dated 2020-12-07 from "on Monday"; the article 2020-12-08."""
        talks = main_meeting(collection)
        assert talks.date.edtf == "2020-12-07"
        assert talks.date.derivation is not None
        assert talks.date.derivation.text == "on Monday"
        article_source = next(s for s in collection.of_type(de.Source) if s.text is not None)
        assert article_source.published is not None
        assert article_source.published.edtf == "2020-12-08"

    def test_main_meeting(self, collection: de.Collection) -> None:
        """The talks are a held bilateral working visit hosted by Russia, with its codes."""
        talks = main_meeting(collection)
        assert talks.status is de.EventStatus.HELD
        assert talks.format is de.MeetingFormat.BILATERAL
        assert talks.protocol_level is de.ProtocolLevel.WORKING
        assert talks.host == by_name(collection, "Russia").id
        assert {(c.system, c.code, c.mode) for c in talks.codes} == {
            (de.CAMEO, "042", None),
            (de.CAMEO, "043", None),
            (de.CAMEO, "046", None),
            (de.PLOVER, "CONSULT", "visit"),
        }
        (press_conference,) = [
            m for m in collection.of_type(de.Meeting) if m.kind is de.MeetingKind.PRESS_CONFERENCE
        ]
        assert press_conference.part_of == talks.id

    def test_demands(self, collection: de.Collection) -> None:
        """Four demands, each evidenced by statements, the prisoner exchange urgent."""
        demands = collection.of_type(de.Demand)
        assert len(demands) == 4
        for demand in demands:
            assert demand.evidence
            assert demand.addressees
            assert demand.citations
        assert any(d.urgency is de.Urgency.IMMEDIATE for d in demands)

    def test_proposals_and_accepted_invitation(self, collection: de.Collection) -> None:
        """Three proposals; the invitation is accepted by a response on a Lavrov statement."""
        proposals = collection.of_type(de.Proposal)
        assert len(proposals) == 3
        lavrov = by_name(collection, "Sergey Lavrov")
        (invitation,) = [p for p in proposals if p.kind is de.ProposalKind.INVITATION]
        assert invitation.status is de.ProposalStatus.ACCEPTED
        assert invitation.addressees == (lavrov.id,)
        (response,) = invitation.responses
        assert response.actor == lavrov.id
        assert response.stance is de.ResponseStance.ACCEPTED
        statement = collection[response.statement or ""]
        assert isinstance(statement, de.Statement)
        assert statement.speaker == lavrov.id
        assert "I will be happy to come" in statement.text

    def test_references(self, collection: de.Collection) -> None:
        """The five references: implements, previous, follows up, and two planned."""
        references = collection.of_type(de.Reference)
        relations = sorted(r.relation.value for r in references)
        assert relations == ["follows_up", "implements", "planned", "planned", "previous"]
        for reference in references:
            target = collection.resolve(reference)
            if reference.relation is de.Relation.PLANNED:
                assert target is None
                assert reference.description
            else:
                assert isinstance(target, de.Meeting)
