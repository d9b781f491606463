"""Optional extras: a module imported on first use, or an error that names the extra.

`import diplo_events` loads none of the heavy libraries that extras bring
(pyarrow, matplotlib, python-crfsuite, tqdm, ...); the code that needs one
calls `require` when it first runs, so that a missing extra says which one
to install instead of ending in a bare ``ModuleNotFoundError``.
"""

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, *, extra: str, who: str, what: str | None = None) -> ModuleType:
    """Import *module*, or raise an ImportError naming the extra that brings it.

    Args:
        module: The module to import, such as ``"pyarrow.parquet"``.
        extra: The extra of diplo_events that installs it, such as ``"tables"``.
        who: What needs it, for the message (``"diplo_events.plot"``).
        what: The package's name in the message; the module's first part if
            ``None`` (``python-crfsuite`` is imported as ``pycrfsuite``).

    Raises:
        ImportError: "*who* needs *what*: pip install 'diplo_events[*extra*]'",
            from the import's own error.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        name = what or module.partition(".")[0]
        msg = f"{who} needs {name}: pip install 'diplo_events[{extra}]'"
        raise ImportError(msg) from exc
