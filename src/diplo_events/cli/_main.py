"""The entry point of ``diplo-events``, importing nothing heavy.

The commands need the optional extra ``cli`` (click, rich and tqdm):
``pip install 'diplo_events[cli]'``. This module imports neither: `main`
loads them when it runs, and without them prints which extra to install
instead of a traceback. ``python -m diplo_events`` runs the same `main`.

Exit statuses: 0 when all went well; 1 when the data had problems (a
document that could not be drafted, a dataset that does not load, validation
errors); 2 for a usage error (an unknown option, a missing file, a format
that cannot be told); 3 when an optional extra the command needs is missing.
"""

import sys
from collections.abc import Sequence
from typing import Final

__all__ = [
    "EXIT_DATA",
    "EXIT_MISSING_EXTRA",
    "EXIT_OK",
    "EXIT_USAGE",
    "INSTALL",
    "main",
]

#: Everything went well.
EXIT_OK: Final = 0
#: The data had problems: a document not drafted, a dataset not loaded, validation errors.
EXIT_DATA: Final = 1
#: The command was not used as it must be (click's status for usage errors).
EXIT_USAGE: Final = 2
#: An optional extra the command needs is not installed.
EXIT_MISSING_EXTRA: Final = 3
#: How to install what the command line needs.
INSTALL: Final = "pip install 'diplo_events[cli]'"
#: The packages of the extra ``cli``.
_EXTRA: Final = frozenset({"click", "rich", "tqdm"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``diplo-events`` with *argv* (default: the process's arguments).

    Returns:
        The exit status (see the module docs).

    .. versionadded:: 0.2.0
    """
    try:
        from diplo_events.cli._app import run  # noqa: PLC0415 - click and rich on first use
    except ImportError as exc:
        package = (exc.name or "").partition(".")[0]
        if package not in _EXTRA:
            raise
        print(  # noqa: T201 - the one message there is no rich to print with
            f"diplo-events: the command line needs the optional extra 'cli' "
            f"(the package {package!r} is missing): {INSTALL}",
            file=sys.stderr,
        )
        return EXIT_MISSING_EXTRA
    return run(argv)
