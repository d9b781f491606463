"""Reading the TSV tables in ``diplo_events/data/``, once each."""

import functools
from importlib import resources

__all__ = ["rows"]


@functools.cache
def rows(folder: str, filename: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """The data rows of ``data/<folder>/<filename>``, each padded to *columns* fields.

    Lines starting with ``#`` and blank lines are left out.

    Raises:
        ValueError: A row has more fields than *columns*.
    """
    text = (
        resources.files("diplo_events")
        .joinpath("data", folder, filename)
        .read_text(encoding="utf-8")
    )
    found: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > columns:
            message = f"{filename}:{number}: {len(fields)} fields, expected {columns}"
            raise ValueError(message)
        found.append((*fields, *[""] * (columns - len(fields))))
    return tuple(found)
