"""Control characters on the way out: no output carries one raw.

    visible(text)          for people (tables, stats): ESC -> ␛, VT -> ␋, C1 controls -> U+FFFD
    escape_rdf(data)       Turtle, N-Triples, TriG, N-Quads: as \\u001B escapes (same graph)
    xml_safe(text)         GraphML, GEXF: XML 1.0 cannot hold most controls even escaped

Ingest drops control characters from reports (:func:`npcgraph.ingest.normalize`), but graphs
read from elsewhere may still hold them: an ESC sequence printed to a terminal can rewrite what
it shows, and one control character makes an XML file unreadable.
"""

from __future__ import annotations

import re

__all__ = ["visible", "escape_rdf", "xml_safe"]

_PICTURES = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t"},
    0x7F: "\u2421",
    **{code: "\ufffd" for code in range(0x80, 0xA0)},
}
_XML_PICTURES = {code: picture for code, picture in _PICTURES.items() if code < 0x20 or code == 0x7F}
_RAW_IN_UTF8 = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


def visible(text: str) -> str:
    """``text`` with every control character but line breaks and tabs shown as a symbol."""
    return text.translate(_PICTURES)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids (C0 controls but tab and line breaks, and
    DEL) shown as symbols."""
    return text.translate(_XML_PICTURES)


def _uchar(match: re.Match[bytes]) -> bytes:
    code = match.group()[-1] if len(match.group()) == 2 else match.group()[0]
    return b"\\u%04X" % code


def escape_rdf(data: bytes) -> bytes:
    """UTF-8 Turtle or N-Triples with raw control characters written as ``\\uXXXX`` escapes.

    Outside string literals a raw control character cannot occur in a valid document, so the
    graph read back is the same."""
    return _RAW_IN_UTF8.sub(_uchar, data)
