"""Draw the Moscow talks of December 2020 and the events around them as a timeline.

Run from the project root (needs the `plot` extra):

    python examples/moscow_timeline.py docs/_static/moscow-timeline.png

The picture in docs/from-articles-to-a-dataset.md is this script's output.
"""

import importlib.util
import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

from diplo_events.plot import timeline


def main(out: str) -> None:
    """Build the Moscow talks collection of the tutorial and save its timeline to *out*."""
    here = Path(__file__).parent
    spec = importlib.util.spec_from_file_location("moscow", here / "moscow_talks_2020.py")
    if spec is None or spec.loader is None:
        msg = "cannot load examples/moscow_talks_2020.py"
        raise RuntimeError(msg)
    moscow = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(moscow)
    ax = timeline(moscow.build_collection())
    ax.set_title("The Moscow talks of December 2020 and the events they refer to")
    ax.figure.tight_layout()
    ax.figure.savefig(out, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "moscow-timeline.png")
