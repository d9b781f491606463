"""``python -m diplo_events.drafting.tagger train <corpus.jsonl> [--out FOLDER]``."""

import argparse
import sys

from diplo_events.drafting.tagger._model import default_model_path, train
from diplo_events.exceptions import DiploEventsError


def main(argv: list[str] | None = None) -> int:
    """Train the attribution tagger from the command line; 0 on success, 1 on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m diplo_events.drafting.tagger",
        description="Train the attribution tagger of diplo_events.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    trainer = commands.add_parser("train", help="train a model on a converted corpus")
    trainer.add_argument("corpus", help="a JSON Lines corpus in the PolNeAR converter's shape")
    trainer.add_argument(
        "--out", help=f"the model folder to write (default: {default_model_path()})"
    )
    trainer.add_argument("--iterations", type=int, default=150, help="most L-BFGS iterations")
    trainer.add_argument("--c1", type=float, default=2.0, help="L1 regularisation")
    trainer.add_argument("--c2", type=float, default=0.05, help="L2 regularisation")
    args = parser.parse_args(argv)
    try:
        report = train(args.corpus, args.out, c1=args.c1, c2=args.c2, iterations=args.iterations)
    except (DiploEventsError, OSError, ImportError) as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - a command's output
        return 1
    print(  # noqa: T201 - a command's output
        f"trained on {report.articles} articles ({report.attributions} attributions,"
        f" {report.tokens} tokens) in {report.seconds:.1f} s;"
        f" wrote {report.path} ({report.size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
