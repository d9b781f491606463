"""Which reader drafts the statements: the rules, the tagger, the hybrid, or whatever is present.

`extract` takes ``reader=None`` (the default) to mean: the hybrid when a
trained tagger model is present, else the rules. A model is present when
*model* names one, or when one sits at
`diplo_events.drafting.tagger.default_model_path`. The check costs one
``stat`` a call; the model itself is loaded once per process
(`diplo_events.drafting.tagger.load` keeps it).

A model named explicitly must work: its errors propagate. A model that only
sits at the default place and cannot be run here (python-crfsuite missing,
features of another version, files that are no model) leaves the rules to
read, with a `TaggerWarning` saying why and what to do, once per process
and reason.
"""

import inspect
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from diplo_events.exceptions import FieldError, TaggerWarning
from diplo_events.model import _rules as v

if TYPE_CHECKING:
    from diplo_events.drafting.tagger import Tagger

__all__ = ["READERS", "Reader", "choose", "choose_reader"]

#: The readers of the attribution stage `extract` can run.
Reader = Literal["rules", "tagger", "hybrid"]
READERS: Final[tuple[Reader, ...]] = ("rules", "tagger", "hybrid")

#: Models at the default place found unusable, by folder and time of their weights: not read
#: again until they change.
_refused: dict[tuple[Path, int], str] = {}
#: The warnings given so far: each is given once per process.
_warned: set[str] = set()
_UNTIL: Final = (
    "; until then the rules read the statements (reader='rules', or --reader rules on the"
    " command line, chooses them without this warning)"
)


def _check(reader: object, model: object) -> None:
    if reader is not None and reader not in READERS:
        message = f"reader must be None or one of {', '.join(map(repr, READERS))}, got {reader!r}"
        raise FieldError("reader", "value.not_allowed", message)
    if model is not None and not isinstance(model, str | os.PathLike):
        raise v.type_error("model", "a folder's path or None", model)


def _ours(module: str) -> bool:
    return module == "diplo_events" or module.startswith("diplo_events.")


def _warn(message: str) -> None:
    """Warn once per process, at the first caller outside diplo_events."""
    if message in _warned:
        return
    _warned.add(message)
    level = 1
    frame = inspect.currentframe()
    while frame is not None and _ours(frame.f_globals.get("__name__", "")):
        frame = frame.f_back
        level += 1
    del frame
    warnings.warn(message, TaggerWarning, stacklevel=level)


def _present() -> "Tagger | None":
    """The model at the default place, if there is one and it can run here."""
    from diplo_events.drafting import tagger  # noqa: PLC0415 - on the first text read
    from diplo_events.drafting.tagger._model import stamp_of  # noqa: PLC0415

    folder = tagger.default_model_path()
    stamp = stamp_of(folder)
    if stamp is None:
        return None
    if (folder, stamp) in _refused:
        return None
    try:
        return tagger.load(folder)
    except ImportError as error:  # not kept: the extra may be installed while we run
        _warn(f"a tagger model is at {folder}, but {error}{_UNTIL}")
    except (ValueError, OSError) as error:
        _refused[folder, stamp] = str(error)
        _warn(f"{error}{_UNTIL}")
    return None


def choose(
    reader: Reader | None, model: str | os.PathLike[str] | None
) -> "tuple[Reader, Tagger | None]":
    """The reader `extract` runs for *reader* and *model*, and the model it runs, loaded.

    Raises as `choose_reader` does.
    """
    _check(reader, model)
    if reader == "rules":
        return "rules", None
    if reader is None and model is None:
        found = _present()
        return ("rules", None) if found is None else ("hybrid", found)
    from diplo_events.drafting.tagger import load  # noqa: PLC0415 - only the tagger's readers

    return ("hybrid" if reader is None else reader), load(model)


def choose_reader(
    reader: Reader | None = None, model: str | os.PathLike[str] | None = None
) -> tuple[Reader, Path | None]:
    """The reader `diplo_events.extract` runs with these arguments, and the model folder it loads.

    ``reader=None`` is the hybrid when a model is present (*model* names one,
    or one is at `diplo_events.drafting.tagger.default_model_path`), else the
    rules. A model only found at the default place that cannot run here
    leaves the rules to read, with a `diplo_events.TaggerWarning` (once per
    process and reason). `diplo_events.extract_many` asks this once, then
    drafts every article with its answer.

    Args:
        reader: ``None``, ``"rules"``, ``"tagger"`` or ``"hybrid"``, as
            `diplo_events.extract` takes it.
        model: A model folder, or ``None``.

    Returns:
        The reader that runs, and the folder of the model it loads (resolved;
        ``None`` for the rules). The model is loaded, and kept for the
        process.

    Raises:
        FieldError: *reader* is none of these (code ``value.not_allowed``).
        FieldTypeError: *model* is not a path.
        ImportError: The tagger or the hybrid was asked for (or *model*
            given) without the ``tagger`` extra installed.
        FileNotFoundError: The tagger or the hybrid was asked for (or
            *model* given) and no model is there.
        ValueError: That model was trained on other features, or is no model.

    Example:
        >>> choose_reader("rules")
        ('rules', None)

    .. versionadded:: 0.2.0
    """
    chosen, tagger = choose(reader, model)
    return chosen, None if tagger is None else tagger.path
