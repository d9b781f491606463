"""The benchmark runs (at a tiny size) and prints its ratios; timings are never asserted."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_serialization_benchmark_prints_ratios() -> None:
    """benchmarks/serialization.py runs end to end and prints every ratio line."""
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "benchmarks" / "serialization.py"),
            "--bundles",
            "60",
            "--batch",
            "30",
            "--repeat",
            "1",
            "--dataset-repeat",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
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
