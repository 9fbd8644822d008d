"""A small SPARQL lexer: enough to tell query forms, updates, variables and clauses apart.

    tokens(text) -> [Token(kind, value, start, end)]

Kinds: ``iri`` (``<…>``), ``string``, ``var`` (``?x``, ``$x``), ``word`` (keywords, prefixed
names, ``a``), ``other`` (punctuation, numbers digit by digit). Whitespace and comments are
dropped; ``start`` and ``end`` index the text, so a clause can be cut out of it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokens"]

_TOKENS = re.compile(
    r"""(?P<space>\s+)|(?P<comment>\#[^\n]*)|(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<var>[?$][^\W]\w*)|(?P<word>[^\W\d]\w*(?::[\w.-]*)?|:[\w.-]*)|(?P<other>\S)""",
    re.VERBOSE,
)


class Token(NamedTuple):
    kind: str
    value: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``, without whitespace and comments."""
    return [
        Token(m.lastgroup or "", m.group(), m.start(), m.end())
        for m in _TOKENS.finditer(text)
        if m.lastgroup not in ("space", "comment")
    ]
