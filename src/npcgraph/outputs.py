"""Writing outputs all-or-nothing: temporary files in the target folder, then renames.

    write_files(folder, files)        write and move into place: the previous files stay whole
    stage_files(folder, files)        write beside the targets only: [(temporary, target)]
    commit(folder, moves)             move staged files (and a staged store) into place together
    recover(folder)                   finish the commit a killed build had started
    build_lock(folder)                one build at a time writes into a folder

A build stages everything it makes (graph.ttl, graph.html, the other formats, the Oxigraph
store) and only then moves it all into place, under a journal (``.npcgraph-commit``) naming
every move: a build killed before the journal exists leaves the previous outputs; one killed
while moving is finished by the next build, before it starts. Either way the outputs of one
build are never mixed with those of another.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

__all__ = ["write_files", "stage_files", "commit", "recover", "build_lock", "JOURNAL"]

#: The file naming the moves of a commit in progress.
JOURNAL = ".npcgraph-commit"
_LOCK = ".npcgraph-lock"


def write_files(folder: Path, files: Mapping[str, bytes | Iterable[bytes]]) -> list[Path]:
    """Write ``{name: content}`` into ``folder``; on any failure nothing new is left behind.

    Each file is written to a temporary file beside its target and renamed over it only once
    every file has been written, so an interrupted or failed build leaves the previous outputs
    intact. A content may be bytes or an iterable of byte strings (written one after the
    other, so a large file need not be joined in memory). Temporary files that a killed build
    left beside the targets are removed.
    """
    moves = stage_files(folder, files)
    _move(moves, folder)
    return [target for _, target in moves]


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("E201", folder=folder, reason=exc.strerror or exc) from exc
    if not folder.is_dir():
        raise OutputError("E207", folder=folder)


def stage_files(folder: Path, files: Mapping[str, bytes | Iterable[bytes]]) -> list[tuple[Path, Path]]:
    """Write each file to a temporary file beside its target; the (temporary, target) pairs.
    On any failure the temporary files are removed and the targets untouched."""
    _make_folder(folder)
    temporary: dict[Path, Path] = {}
    try:
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
                stale.unlink(missing_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temporary[target] = Path(temp_name)
            with os.fdopen(handle, "wb") as stream:
                if isinstance(content, (bytes, bytearray, memoryview)):
                    stream.write(content)
                else:
                    stream.writelines(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp_name, 0o644)
    except BaseException as exc:  # also KeyboardInterrupt: never leave temporary files behind
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError("E202", folder=folder, reason=exc.strerror or exc) from exc
        raise
    return [(temp, target) for target, temp in temporary.items()]


def _move(moves: list[tuple[Path, Path]], folder: Path) -> None:
    """Each temporary file or folder over its target (a folder's old content goes first)."""
    try:
        for temp, target in moves:
            if not temp.exists():
                continue  # moved already (a commit being finished)
            if temp.is_dir():
                old = temp.parent / f"{temp.name}.old"
                if target.exists():
                    os.replace(target, old)
                os.replace(temp, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(temp, target)
    except OSError as exc:
        raise OutputError("E209", folder=folder, reason=exc.strerror or exc) from exc


def commit(folder: Path, moves: list[tuple[Path, Path]]) -> None:
    """Move every staged output into place, recorded first in the folder's journal so that a
    build killed half-way through is finished by :func:`recover`."""
    _make_folder(folder)
    journal = folder / JOURNAL
    pending = folder / f"{JOURNAL}.tmp"
    try:
        with open(pending, "w", encoding="utf-8") as stream:
            json.dump([[str(temp.resolve()), str(target.resolve())] for temp, target in moves], stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(pending, journal)
    except OSError as exc:
        pending.unlink(missing_ok=True)
        raise OutputError("E202", folder=folder, reason=exc.strerror or exc) from exc
    _move(moves, folder)
    journal.unlink(missing_ok=True)


def recover(folder: Path) -> bool:
    """Finish the commit a killed build left in ``folder``; whether there was one."""
    journal = folder / JOURNAL
    try:
        (folder / f"{JOURNAL}.tmp").unlink(missing_ok=True)  # killed before its commit began
    except OSError:
        return False  # a folder this build cannot change: writing its outputs will say so
    try:
        moves = [(Path(temp), Path(target)) for temp, target in json.loads(journal.read_text(encoding="utf-8"))]
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)
        return False
    _move(moves, folder)
    journal.unlink(missing_ok=True)
    return True


@contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s build lock (an advisory lock on a file in it) for the block; an
    OutputError at once when another build holds it. The folder is made if need be."""
    _make_folder(folder)
    path = folder / _LOCK
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks, no check
        yield
        return
    while True:
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno in (13, 30):  # EACCES, EROFS: a folder nobody can write, caught later
                yield
                return
            raise OutputError("E208", folder=folder, reason=exc.strerror or exc) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(handle)
            raise OutputError("E206", folder=folder) from exc
        try:
            same = os.stat(path).st_ino == os.fstat(handle).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(handle)  # the holder removed the file as we opened it: lock the new one
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(handle)
