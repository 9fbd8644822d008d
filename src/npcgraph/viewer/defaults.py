"""Settings of the viewer that the command line shows in its help (kept free of imports)."""

from __future__ import annotations

__all__ = ["DEFAULT_LIMIT"]

#: Entities drawn at most; vis-network stays fluid up to a few thousand nodes.
DEFAULT_LIMIT = 2000
