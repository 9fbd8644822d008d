"""``npcgraph serve SOURCE [--port N]``: a read-only SPARQL endpoint (Oxigraph's server)."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve a graph or store as a read-only SPARQL endpoint",
        description=(
            "Serve SOURCE (a graph file, the folder npcgraph build wrote, or an Oxigraph store) "
            "over the SPARQL 1.1 Protocol with the oxigraph package's server, read-only, until "
            "stopped with Ctrl-C. A graph file is loaded into a temporary store first, deleted "
            "when the server stops."
        ),
        epilog="example: npcgraph serve out/ --port 7878, then query http://127.0.0.1:7878/query",
    )
    parser.add_argument("source", metavar="SOURCE", help="graph file, build folder or oxigraph:DIR")
    parser.add_argument("--port", type=int, default=7878, metavar="N", help="TCP port (default: 7878; 0: any free port)")
    parser.add_argument("--host", default="127.0.0.1", metavar="HOST", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--timeout", type=int, metavar="SECONDS", help="stop queries that run longer than this")
    parser.set_defaults(run=run)


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(0)  # unwinds the server's context: the child stops, temporary files go


def run(args: argparse.Namespace) -> int:
    from ..store import serving

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with serving(args.source, host=args.host, port=args.port, timeout_s=args.timeout) as server:
            print(f"SPARQL endpoint: {server.query_url}  (read-only; Ctrl-C stops it)", flush=True)
            try:
                status = server.wait()
            except KeyboardInterrupt:
                print("Stopped.", file=sys.stderr)
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
    if status == 0:
        return 0
    from ..errors import StoreError

    raise StoreError("E413", f"the Oxigraph server stopped (exit status {status}): {server.last_message() or 'no message'}", "see the message; try another --port")
