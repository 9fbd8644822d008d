"""The command line: ``npcgraph COMMAND ...``.

Each command is a module of this package with ``register(subparsers)``; the module's
``run(args)`` parses nothing and decides nothing the library could: it calls the library,
prints, and returns an exit code. Only this package prints and exits.

:data:`COMMANDS` names each command and says in one line what it does: ``npcgraph --help``
lists them from it without importing any command's module, and ``npcgraph COMMAND ...``
imports that command's module alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from typing import Any

from ..charsets import remember as remember_charsets
from ..errors import NpcgraphError
from ..version import __version__

__all__ = ["main", "COMMANDS"]

#: Each command (a module of this package) and what it does, in the order ``--help`` lists them.
COMMANDS: dict[str, str] = {
    "build": "build the knowledge graph of one or more reports",
    "view": "render a graph file (or a part of it) as an interactive HTML page",
    "query": "ask a graph, an Oxigraph store or a SPARQL endpoint a query",
    "serve": "serve a graph or store as a read-only SPARQL endpoint",
    "push": "upload a graph into a triple store (SPARQL 1.1 Graph Store Protocol)",
    "eval": "score extracted entities and relations against gold annotations",
    "export": "write a graph as TriG, N-Quads, JSON-LD, GraphML, GEXF or CSV",
    "stats": "count classes and relations, rank entities, find components",
    "validate": "check a graph against the SHACL shapes of the graph contract",
    "ontology": "list the ontology's classes and properties with Chinese and English labels",
}


class _Subparsers(argparse._SubParsersAction):
    """Gives each command the one-line help of :data:`COMMANDS`, so that its module need not."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return super().add_parser(name, help=COMMANDS[name], **kwargs)


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser. Given arguments that name a command, with that command only (its module
    imports what the command uses, so ``npcgraph query`` does not load the extraction); given
    arguments that name none (``npcgraph --help``), with each command's name and line of help
    and no module imported; given no arguments (``make_parser()``), with every command."""
    parser = argparse.ArgumentParser(
        prog="npcgraph",
        description="Build, query and explore RDF knowledge graphs of Chinese People's Congress (人大) work reports.",
    )
    parser.add_argument("--version", action="version", version=f"npcgraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", action=_Subparsers)
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    if argv is not None and named not in COMMANDS:
        for name in COMMANDS:  # listed, not loaded: an unknown name is refused by argparse
            subparsers.add_parser(name)
        return parser
    for name in (named,) if named in COMMANDS else COMMANDS:
        import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    # numpy's OpenBLAS starts a thread per core when imported, which costs a one-report build
    # 0.06 s of CPU and buys nothing: nothing of npcgraph multiplies large matrices.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # the finders' many regular expressions compile faster (charsets.py); only for the command
    # line: a program importing npcgraph keeps its re module as it is
    remember_charsets()
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
