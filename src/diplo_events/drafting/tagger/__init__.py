"""The learned attribution tagger: a CRF that reads who said what, beside the rules.

`train` fits a model on a corpus in the shape of the PolNeAR converter and
writes it to a folder (by default `default_model_path`, in the user's cache);
`load` reads it back; `Tagger.attributions` tags a text's content, source
and cue spans and links them into `TaggedAttribution` records.
``extract(text, reader="tagger")`` or ``reader="hybrid"`` runs it behind the
attribution stage, where the rules resolve each source to an actor, and so
does the default ``reader=None`` once a model is at `default_model_path`.
The model needs python-crfsuite, the ``tagger`` extra; ``python -m
diplo_events.drafting.tagger train <corpus.jsonl>`` (or ``diplo-events
tagger train``, with the ``cli`` extra) trains from the command line.
"""

from diplo_events.drafting.tagger._model import (
    MODEL_ENV,
    Tagger,
    TrainingReport,
    default_model_path,
    load,
    train,
)
from diplo_events.drafting.tagger._spans import TaggedAttribution

__all__ = [
    "MODEL_ENV",
    "TaggedAttribution",
    "Tagger",
    "TrainingReport",
    "default_model_path",
    "load",
    "train",
]
