"""Progress bars on stderr for long builds (used by the command line only).

A bar appears only when stderr is a terminal, output is not ``--quiet``, and the step has run
for more than a second (tqdm's ``delay``), so short builds and scripts see nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["ProgressBars"]

_DELAY = 1.0  # seconds before a bar is drawn


class ProgressBars:
    """Draws one bar per build step when enabled; does nothing otherwise."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)

    @contextmanager
    def step(self, description: str, total: int | None = None, unit: str = "file") -> Iterator[_Bar]:
        """A bar for one step; ``bar.update(done, total)`` moves it."""
        if not self.enabled:
            yield _Bar(None)
            return
        from tqdm import tqdm  # imported here: quiet and piped runs never pay for it

        # No monitor thread: workers are forked while a bar may be open.
        tqdm.monitor_interval = 0
        bar = tqdm(
            total=total, desc=description, unit=unit, file=self.stream, delay=_DELAY,
            leave=False, dynamic_ncols=True, mininterval=0.2, unit_scale=unit == "B",
        )
        try:
            yield _Bar(bar)
        finally:
            bar.close()


class _Bar:
    def __init__(self, bar: object | None) -> None:
        self._bar = bar

    def update(self, done: int, total: int | None = None) -> None:
        bar = self._bar
        if bar is None:
            return
        if total is not None and bar.total != total:  # type: ignore[attr-defined]
            bar.total = total  # type: ignore[attr-defined]
        bar.update(done - bar.n)  # type: ignore[attr-defined]


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
