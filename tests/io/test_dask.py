"""The Dask recipe (examples/dask_extract.py) on a local cluster: its parts load as one run's."""

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import pytest
from distributed import Client, LocalCluster

import diplo_events as de
from diplo_events.io import tables

ROOT = Path(__file__).parent.parent.parent
RECIPE = ROOT / "examples" / "dask_extract.py"
TEXTS = sorted((ROOT / "tests" / "data" / "extraction").glob("*.txt"))


def _load_recipe() -> ModuleType:
    import importlib.util  # noqa: PLC0415 - only here

    spec = importlib.util.spec_from_file_location("dask_extract", RECIPE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


recipe = _load_recipe()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two workers, as threads of this process: quick to start, and the same scheduler code."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The project's gold texts, and one article whose name gives a date that does not exist."""
    folder = tmp_path_factory.mktemp("articles")
    for text in TEXTS:
        shutil.copy(text, folder / text.name)
    (folder / "bad-2021-13-45.txt").write_text("Ana Lopes met Jon Berg.", encoding="utf-8")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def one_machine(articles: list[Path]) -> de.Collection:
    """What one process drafts from the same files, in the same order."""
    results = de.extract_many(map(recipe.read_article, articles), progress=False)
    return de.Collection(records=[r for res in results if res.drafts for r in res.drafts.records])


@pytest.fixture(scope="module")
def dask_run(
    client: Client, articles: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, list[str]]]:
    """The recipe run on the cluster: where it wrote its parts, and the articles' errors."""
    del client  # the recipe runs on the client made current by the fixture
    parts = tmp_path_factory.mktemp("dask") / "parts"
    errors = recipe.extract_to_parquet(articles, parts, articles_per_part=5)
    return parts, errors


def test_parts_load_as_one_run(
    dask_run: tuple[Path, dict[str, list[str]]], one_machine: de.Collection
) -> None:
    parts, _ = dask_run
    assert sorted(path.name for path in (parts / "statements").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    back = tables.read_parquet(parts)
    assert len(back) > 250
    assert back == one_machine
    assert de.to_json(back) == de.to_json(one_machine)


def test_bad_article_is_reported_and_the_rest_kept(
    dask_run: tuple[Path, dict[str, list[str]]],
) -> None:
    _, errors = dask_run
    assert list(errors) == ["bad-2021-13-45"]
    assert "[extract.bad_published]" in errors["bad-2021-13-45"][0]


def test_merge_makes_one_dataset(
    dask_run: tuple[Path, dict[str, list[str]]], one_machine: de.Collection
) -> None:
    """Merging the parts gives what merging one run gives: people across articles are one."""
    parts, _ = dask_run
    drafts = tables.read_parquet(parts)
    merged = de.merge([drafts])
    assert merged.collection == de.merge([one_machine]).collection
    names = [person.name for person in merged.collection.of_type(de.Person)]
    assert len(names) == len(set(names))
    before = [person.name for person in drafts.of_type(de.Person)]
    assert len(before) > len(names)
    assert any(merging.type == "person" for merging in merged.report.merged)
    errors = [issue for issue in de.validate(merged.collection) if issue.severity == "error"]
    assert errors == []


def test_query_engines_read_the_parts_as_one_table(
    dask_run: tuple[Path, dict[str, list[str]]], one_machine: de.Collection
) -> None:
    parts, _ = dask_run
    con = duckdb.connect()
    con.read_parquet(f"{parts}/statements/*.parquet").create_view("statements")
    rows = con.sql(
        "select partition, count(*), count(distinct record_index) "
        "from statements group by partition order by partition"
    ).fetchall()
    assert [partition for partition, _, _ in rows] == ["00000", "00001", "00002"]
    assert all(count == distinct for _, count, distinct in rows)
    assert sum(count for _, count, _ in rows) == len(one_machine.of_type(de.Statement))


def test_the_script_runs_end_to_end(tmp_path: Path) -> None:
    """The recipe's own command line, with thread workers (processes take seconds to start)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for text in TEXTS[:3]:
        shutil.copy(text, folder / text.name)
    assert recipe.main([str(folder), str(tmp_path / "out"), "--threads"]) == 0
    merged = tables.read_parquet(tmp_path / "out" / "merged")
    drafts = tables.read_parquet(tmp_path / "out" / "parts")
    assert merged == de.merge([drafts]).collection


def test_the_library_never_imports_dask() -> None:
    """Dask is the recipe's dependency, not the library's."""
    for path in (ROOT / "src" / "diplo_events").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] in {"dask", "distributed"} for n in names), path
    code = (
        "import sys, tempfile, diplo_events as de\n"
        "from diplo_events.io import tables\n"
        "d = tempfile.mkdtemp()\n"
        "tables.write_parquet(de.Collection(), d, partition=0)\n"
        "assert tables.read_parquet(d) == de.Collection()\n"
        "assert 'dask' not in sys.modules and 'distributed' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code
