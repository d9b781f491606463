"""The command line, ``diplo-events``: extract, merge, validate, convert, show; train the tagger.

The commands need the optional extra ``cli`` (click, rich and tqdm):
``pip install 'diplo_events[cli]'``. Importing this package loads neither:
`main` loads them when it runs, and without them prints which extra to
install instead of a traceback. ``python -m diplo_events`` runs the same
`main`. The commands and their exit statuses are in docs/cli.md.

.. versionadded:: 0.2.0
"""

from diplo_events.cli._main import (
    EXIT_DATA,
    EXIT_MISSING_EXTRA,
    EXIT_OK,
    EXIT_USAGE,
    INSTALL,
    main,
)

__all__ = [
    "EXIT_DATA",
    "EXIT_MISSING_EXTRA",
    "EXIT_OK",
    "EXIT_USAGE",
    "INSTALL",
    "main",
]
