"""Writing outputs all-or-nothing: temporary files in the target folder, then renames."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError

__all__ = ["write_files"]


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``{name: content}`` into ``folder``; on any failure nothing new is left behind.

    Each file is written to a temporary file beside its target and renamed over it only once
    every file has been written, so an interrupted or failed build leaves the previous outputs
    intact.
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
            handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temporary[target] = Path(temp_name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
        for target, temp in temporary.items():
            os.chmod(temp, 0o644)
            os.replace(temp, target)
    except OSError as exc:
        for temp in temporary.values():
            temp.unlink(missing_ok=True)
        raise OutputError("E202", f"cannot write to {folder}: {exc.strerror}", "check the folder's permissions and free space") from exc
    return list(temporary)
