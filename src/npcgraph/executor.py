"""Extraction on a Dask cluster: ``npcgraph build --executor tcp://HOST:PORT``.

:func:`cluster` connects to a running Dask scheduler and gives a
:class:`concurrent.futures.Executor` whose tasks run on the cluster's workers; the pipeline maps
the same worker function over the reports with it as it does with its local process pool
(``pipeline._run_all``), and the main process writes graph.ttl, the store and the page from the
results as after a local build. What the cluster changes is handled here:

- the workers need not see the report files: the pipeline sends each file's bytes with its task;
- each task checks that its worker runs the same npcgraph as the main process (the code and
  lexicons that make documents and Turtle pieces, and their libraries' versions); a worker
  that does not, or cannot import npcgraph at all, stops the build with one line;
- failures of the cluster become :class:`~npcgraph.errors.StoreError` lines: an address that
  is not one, a scheduler that cannot be reached or is lost, a cluster without workers for as
  long as Dask's connect timeout, a report whose workers kept dying (Dask's
  ``KilledWorker``, after ``distributed.scheduler.allowed-failures`` retries).

Dask (``distributed``) is imported only here, and only when a build names a cluster: it is the
``cluster`` extra of the package. Each worker process loads the name model once, on its first
report, and keeps it (``extract/tagger.py``).
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from functools import cache
from typing import Any

from .cache import code_fingerprint, files_fingerprint
from .errors import NpcgraphError, StoreError
from .version import __version__

__all__ = ["cluster", "ClusterExecutor", "check_address"]

#: ``[tcp://]HOST:PORT`` (or tls://, ws://, wss://, ucx://): a Dask scheduler's address.
_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):[0-9]{1,5}/?")
_POLL = 1.0  # seconds between two looks at the cluster's workers


def check_address(address: str) -> str:
    """``address`` if it is a scheduler address, else the E421 error."""
    if not _ADDRESS.fullmatch(address):
        raise StoreError("E421", url=address)
    return address


@cache
def installed() -> str:
    """What this process's npcgraph makes documents and Turtle pieces with: the extraction
    code's fingerprint (code, lexicons, Python and model versions) and every module's hash."""
    return f"{__version__}/{code_fingerprint()}/{files_fingerprint(('.',), ('rdflib', 'pyoxigraph'))}"


class _OtherCode(Exception):
    """Raised on a worker whose npcgraph is not the main process's."""


def _on_worker(expected: str, function: Callable[..., Any], *args: Any) -> Any:
    """A task as a worker runs it: ``function(*args)`` once the worker's npcgraph is checked."""
    theirs = installed()
    if theirs != expected:
        raise _OtherCode(f"npcgraph {theirs.split('/')[0]} with code {theirs.split('/', 1)[1]}")
    return function(*args)


def cluster(address: str) -> ClusterExecutor:
    """An executor running tasks on the workers of the Dask scheduler at ``address``."""
    check_address(address)
    try:
        from distributed import Client  # the cluster extra: imported only by a build that uses it
    except ImportError as exc:
        raise StoreError("E420") from exc
    levels = _quiet()
    try:
        client = Client(address, set_as_default=False, name="npcgraph")
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out, or a scheme Dask lacks
        _restore(levels)
        raise StoreError("E422", url=address, reason=_reason(exc)) from exc
    return ClusterExecutor(client, address, levels)


def _quiet() -> dict[str, int]:
    """Silence Dask's loggers in this process, giving their levels back: the client's log
    (reconnection attempts and their tracebacks) would only repeat on stderr what the build
    reports in one line. The scheduler and the workers keep their logs."""
    names = ["distributed"] + [name for name in logging.root.manager.loggerDict if name.startswith("distributed.")]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    return levels


def _restore(levels: dict[str, int]) -> None:
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


class ClusterExecutor(cf.Executor):
    """Tasks on a Dask client's cluster as :class:`concurrent.futures.Future`s, whose errors
    are the cluster's failures translated (see the module's docstring)."""

    def __init__(self, client: Any, address: str, levels: dict[str, int] | None = None) -> None:
        self._client = client
        self._address = address
        self._levels = levels or {}  # Dask's log levels, given back at shutdown
        self._expected = installed()
        self._tasks: dict[cf.Future, Any] = {}  # pending: our future -> the cluster's
        self._labels: dict[str, str] = {}  # the cluster's task key -> what the task was given
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._grace = _connect_timeout()
        self._watch = threading.Thread(target=self._watch_workers, name="npcgraph-cluster-watch", daemon=True)
        self._watch.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        if kwargs:
            raise TypeError("ClusterExecutor.submit takes positional arguments only")
        label = str(args[0]) if args else fn.__name__
        key = f"npcgraph-{getattr(args[0], 'name', fn.__name__) if args else fn.__name__}-{uuid.uuid4().hex}"
        outer: cf.Future = cf.Future()
        inner = self._client.submit(_on_worker, self._expected, fn, *args, key=key, pure=False)
        with self._lock:
            self._tasks[outer] = inner
            self._labels[key] = label
        outer.add_done_callback(self._cancelled)
        inner.add_done_callback(lambda done: self._settle(done, outer))
        return outer

    def _settle(self, inner: Any, outer: cf.Future) -> None:
        """Hand the cluster's outcome to our future (in Dask's callback thread). A task cancelled,
        or settled after shutdown, is not asked for its result: with the client closed, that
        would wait for an event loop that is gone, and hold the interpreter at exit."""
        try:
            if inner.status == "cancelled" or self._stop.is_set():
                self._finish(outer, error=cf.CancelledError())
                return
            result = inner.result(timeout=max(self._grace, 1.0))
        except BaseException as exc:  # noqa: BLE001 - carried to the caller
            self._finish(outer, error=self._translate(exc))
        else:
            self._finish(outer, result=result)
        finally:
            inner.release()

    def _finish(self, outer: cf.Future, *, result: Any = None, error: BaseException | None = None) -> None:
        with self._lock:
            if self._tasks.pop(outer, None) is None:
                return  # cancelled, or failed by the watch
            try:
                if error is not None:
                    outer.set_exception(error)
                else:
                    outer.set_result(result)
            except cf.InvalidStateError:
                pass  # cancelled by the caller in the meantime

    def _cancelled(self, outer: cf.Future) -> None:
        if outer.cancelled():
            with self._lock:
                inner = self._tasks.pop(outer, None)
            if inner is not None:
                inner.cancel()
            outer.set_running_or_notify_cancel()  # wakes concurrent.futures.wait

    def _translate(self, exc: BaseException) -> BaseException:
        """The cluster's failure as one line; a task's own error (a bug) as it was raised."""
        name = type(exc).__name__
        if isinstance(exc, _OtherCode):
            return StoreError("E424", url=self._address, reason=f"they run {exc}, this process {self._expected}")
        if isinstance(exc, ImportError) and (exc.name or "").split(".")[0] == "npcgraph":
            return StoreError("E424", url=self._address, reason=f"they cannot import {exc.name}")
        if name == "KilledWorker":
            task = self._labels.get(getattr(exc, "task", ""), "a report")
            return StoreError("E425", url=self._address, task=task, tries=getattr(exc, "allowed_failures", 0) + 1)
        if isinstance(exc, cf.CancelledError) or name in ("CommClosedError", "FutureCancelledError"):
            return StoreError("E426", url=self._address, reason=getattr(exc, "reason", None) or _reason(exc))
        return exc

    def _watch_workers(self) -> None:
        """Fail the pending tasks once the cluster has had no worker for ``_grace`` seconds."""
        alone_since: float | None = None
        while not self._stop.wait(_POLL):
            try:
                workers = len(self._client.nthreads())
            except Exception:  # noqa: BLE001 - a lost scheduler fails the tasks itself
                continue
            if workers:
                alone_since = None
                continue
            alone_since = alone_since or time.monotonic()
            if time.monotonic() - alone_since >= self._grace:
                error = StoreError("E423", url=self._address, seconds=self._grace)
                with self._lock:
                    pending = list(self._tasks)
                for outer in pending:
                    self._finish(outer, error=error)
                alone_since = None

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._stop.set()
        with self._lock:
            pending = list(self._tasks.values()) if cancel_futures else []
        try:
            if pending:
                self._client.cancel(pending)
            self._client.close()
        except Exception:  # noqa: BLE001 - a cluster already gone has nothing to close
            pass
        finally:
            _restore(self._levels)
        if wait and self._watch.is_alive() and threading.current_thread() is not self._watch:
            self._watch.join()

    def __exit__(self, kind: Any, error: BaseException | None, traceback: Any) -> bool:
        self.shutdown(wait=True, cancel_futures=error is not None)
        if error is not None and not isinstance(error, (NpcgraphError, KeyboardInterrupt)):
            translated = self._translate(error)
            if translated is not error:
                raise translated from error
        return False


def _connect_timeout() -> float:
    """Dask's connect timeout (``distributed.comm.timeouts.connect``, 30 s unless configured), in
    seconds: also how long a build waits for a cluster that has no worker."""
    import dask.config  # installed with distributed
    from dask.utils import parse_timedelta

    return float(parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds"))


def _reason(exc: BaseException) -> str:
    """An exception's message on one line, its type when it has none."""
    text = " ".join(str(exc).split())
    return text.split(". ")[0] if text else type(exc).__name__
