"""The command line: ``npcgraph COMMAND ...``.

Each command is a module of this package with ``register(subparsers)``; the module's
``run(args)`` parses nothing and decides nothing the library could: it calls the library,
prints, and returns an exit code. Only this package prints and exits.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from ..errors import NpcgraphError
from ..version import __version__

__all__ = ["main", "COMMANDS"]

#: Command modules, in the order ``--help`` lists them.
COMMANDS = ("build", "view", "query", "serve", "push", "eval", "export", "stats", "validate", "ontology")


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, with only the command they name (its module imports
    what that command uses, so ``npcgraph query`` does not load the extraction), else with
    every command (``npcgraph --help``)."""
    parser = argparse.ArgumentParser(
        prog="npcgraph",
        description="Build, query and explore RDF knowledge graphs of Chinese People's Congress (人大) work reports.",
    )
    parser.add_argument("--version", action="version", version=f"npcgraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name in (named,) if named in COMMANDS else COMMANDS:
        import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = make_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except NpcgraphError as exc:
        print(f"npcgraph: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("npcgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
