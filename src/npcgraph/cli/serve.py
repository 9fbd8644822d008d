"""``npcgraph serve SOURCE [--port N]``: a read-only SPARQL endpoint (Oxigraph's server)."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
from typing import Any

from ..errors import StoreError
from ..store import serving

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
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
    parser.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS", help="stop queries that run longer than this (default: 60)")
    parser.add_argument("--federation", action="store_true", help="let queries use SERVICE, which makes this server fetch any URL a client names (off by default)")
    parser.set_defaults(run=run)


def _seconds(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number of seconds, got {text!r}")
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(0)  # unwinds the server's context: the child stops, temporary files go


def run(args: argparse.Namespace) -> int:
    if not _is_loopback(args.host):
        print(f"npcgraph: warning: listening on {args.host}: any machine that reaches it can query the graph", file=sys.stderr)
    if args.federation:
        print("npcgraph: warning: --federation: clients can make this server fetch any URL with SERVICE", file=sys.stderr)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with serving(args.source, host=args.host, port=args.port, timeout_s=args.timeout, federation=args.federation) as server:
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

    raise StoreError("E413", status=status, reason=server.last_message() or "no message")
