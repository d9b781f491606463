"""``python -m diplo_events``: the ``diplo-events`` command line."""

from diplo_events.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
