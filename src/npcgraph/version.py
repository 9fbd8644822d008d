"""The version of npcgraph (also in pyproject.toml), where every module can take it from."""

__version__ = "0.1.0"
