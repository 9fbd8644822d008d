"""Writing outputs all-or-nothing: temporary files in the target folder, then renames."""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import OutputError

__all__ = ["write_files"]


def write_files(folder: Path, files: Mapping[str, bytes | Iterable[bytes]]) -> list[Path]:
    """Write ``{name: content}`` into ``folder``; on any failure nothing new is left behind.

    Each file is written to a temporary file beside its target and renamed over it only once
    every file has been written, so an interrupted or failed build leaves the previous outputs
    intact. A content may be bytes or an iterable of byte strings (written one after the
    other, so a large file need not be joined in memory). Temporary files that a killed build
    left beside the targets are removed.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("E201", f"cannot create output folder {folder}: {exc.strerror}", "choose another folder with -o") from exc
    if not folder.is_dir():
        raise OutputError("E201", f"output path {folder} is not a folder", "choose another folder with -o")
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
        for target, temp in temporary.items():
            os.chmod(temp, 0o644)
            os.replace(temp, target)
    except BaseException as exc:  # also KeyboardInterrupt: never leave temporary files behind
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError("E202", f"cannot write to {folder}: {exc.strerror}", "check the folder's permissions and free space") from exc
        raise
    return list(temporary)
