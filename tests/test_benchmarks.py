"""The benchmark runs (at a tiny size) and prints its ratios; timings are never asserted."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _benchmark(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``benchmarks/<script>`` with *args* in a fresh interpreter."""
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_serialization_benchmark_prints_ratios() -> None:
    """benchmarks/serialization.py runs end to end and prints every ratio line."""
    result = _benchmark(
        "serialization.py",
        "--bundles",
        "60",
        "--batch",
        "30",
        "--repeat",
        "1",
        "--dataset-repeat",
        "1",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for needle in (
        "ratios",
        "vs pydantic typed",
        "vs msgspec typed",
        "to_json",
        "memory per bundle",
        "targets:",
    ):
        assert needle in out


def _nlp_baseline(predictions: Path) -> str:
    result = _benchmark("nlp_baseline.py", "--predictions", str(predictions), "--repeat", "1")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _row(out: str, section: str, label: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(section))
    line = next(line for line in lines[start:] if line.strip().startswith(label))
    return line.removeprefix(f"  {label}").split()


def test_nlp_baseline_scores_saved_spacy_drafts(tmp_path: Path) -> None:
    """benchmarks/nlp_baseline.py scores saved spaCy drafts beside extract() on every set."""
    saved = ROOT / "benchmarks" / "data" / "spacy-baseline.json"
    out = _nlp_baseline(saved)
    assert "spaCy 2.2.4 with en_core_web_sm 2.2.5" in out
    for section in ("main set", "held-out set", "second held-out set"):
        theirs, ours = _row(out, section, "direct quotes (exact span)")
        assert 0.0 < float(theirs) < 1.0
        assert float(ours) > 0.9
    assert "speed, KB/s over the main set (spaCy: the saved run)" in out
    # The spaCy column is read from the drafts: with no quotes found, it scores 0.
    drafts = json.loads(saved.read_text(encoding="utf-8"))
    for text in drafts["texts"].values():
        text["quotes"] = []
    emptied = tmp_path / "no-quotes.json"
    emptied.write_text(json.dumps(drafts), encoding="utf-8")
    theirs, _ = _row(_nlp_baseline(emptied), "main set", "direct quotes (exact span)")
    assert theirs == "0.00"


def test_tables_benchmark_prints_sizes() -> None:
    """benchmarks/tables.py builds the gold drafts, writes both formats and reads them back."""
    result = _benchmark("tables.py", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for needle in (
        "JSON Lines",
        "Parquet zstd",
        "Parquet snappy",
        "ratios",
        "round trip: equal=True",
    ):
        assert needle in out


def test_extract_many_benchmark_prints_the_speed_up() -> None:
    """benchmarks/extract_many.py runs on a tiny corpus and prints both medians and the ratio."""
    result = _benchmark("extract_many.py", "--megabytes", "0.02", "--repeat", "1", "--no-polnear")
    assert result.returncode == 0, result.stderr
    for needle in ("corpus:", "workers=1: median", "workers=2: median", "speed-up"):
        assert needle in result.stdout


def _scaling_pattern_names() -> list[str]:
    """The names of the patterns ``benchmarks/scaling.py`` measures, read from the script."""
    spec = importlib.util.spec_from_file_location("scaling", ROOT / "benchmarks" / "scaling.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.patterns())


def test_scaling_benchmark_prints_a_check_per_function_and_pattern() -> None:
    """benchmarks/scaling.py runs end to end at tiny sizes; its PASS or FAIL is not asserted."""
    result = _benchmark("scaling.py", "--sizes", "1,2", "--repeat", "1")
    assert result.returncode in {0, 1}, result.stderr
    assert result.stderr == ""
    out = result.stdout
    for name in ("extract", "find_dates", "parse_date", "parse_actor_mention"):
        assert f"\n{name}: ms per KB at 1 KB, 2 KB" in out
    names = _scaling_pattern_names()
    checks = [line for line in out.splitlines() if "linear" in line]
    assert len(checks) == 4 * len(names)
    assert all(line.rstrip().endswith(("PASS", "FAIL")) for line in checks)
    assert sum("vs real" in line for line in checks) == 2 * len(names)
    for name in names:  # every pattern is measured for every function
        assert sum(line.strip().startswith(name + " ") for line in checks) == 4, name
    assert "targets:" in out
