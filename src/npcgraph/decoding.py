"""Report files' bytes to text: byte-order marks, UTF-8, a page's declared charset, detection.

    decode(data, name) -> (text, encoding)    or an InputError (E103 binary, E104 undecodable)

Files without a byte-order mark that are not UTF-8 are told apart by charset-normalizer:
GB18030 accepts most Big5 byte sequences (as the wrong characters), so trying a list of
encodings in turn builds a Big5 file silently as garbage. UTF-16 without a byte-order mark is
told by where its NUL bytes fall.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that mark a binary file. \t \n \v \f \r are text (Word exports break
# lines with \v, page breaks are \f); ESC and the like in a text are dropped by normalize().
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=big5">
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Encodings a declared GB2312/GBK page is read in: GB18030 is their superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
# What the detector chooses from: Simplified and Traditional Chinese. (UTF-16 is told by its
# NUL bytes: given UTF-16 as a choice, the detector takes short Latin-1 texts for it.)
_DETECTABLE = ("gb18030", "big5", "big5hkscs")
_SAMPLE = 65536  # bytes the detector looks at (a report's opening is enough to tell)


def decode(data: bytes, name: str, *, declared: str | None = None) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read in, or an InputError saying
    why there is none.

    In order: a byte-order mark; UTF-8; the encoding an HTML page declares (``declared``, or its
    ``<meta charset>``) when the bytes decode in it, unless they are UTF-8 (valid UTF-8 is
    almost never so by accident); otherwise what charset-normalizer
    detects (a maintained detector: GB18030 would accept most Big5 bytes as wrong characters,
    so a list of encodings tried in turn cannot tell them apart), among them UTF-16 without
    a byte-order mark.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError("E118", name=name, encoding=encoding) from exc
    # NUL bytes: UTF-16 without a byte-order mark (the detector tells), or a binary file
    candidates = () if b"\x00" in data[:4096] else ("utf-8", declared, _meta_charset(data))
    for encoding in filter(None, candidates):
        try:
            return _checked(data.decode(encoding), name), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    encoding = _utf16_by_nul_bytes(data) or _detect(data)
    if encoding is None:
        if b"\x00" in data[:4096]:
            raise InputError("E103", name=name)
        raise InputError("E104", name=name)
    try:
        return _checked(data.decode(encoding), name), encoding
    except UnicodeDecodeError as exc:
        raise InputError("E119", name=name, encoding=encoding) from exc


def _checked(text: str, name: str) -> str:
    if "\x00" in text[:4096] or len(_CONTROL.findall(text[:4096])) > 8:
        raise InputError("E103", name=name)
    return text


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _utf16_by_nul_bytes(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: the NUL high bytes of ASCII characters (line breaks,
    digits) fall on odd offsets in little-endian, even ones in big-endian."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) % 2 or max(even, odd) < 2 or min(even, odd) * 4 > max(even, odd):
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding if not _CONTROL.search(text[:4096].replace("\x00", "\x01")) else None


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess among the encodings Chinese reports are written in, as
    a Python codec name; None when nothing fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE], cp_isolation=list(_DETECTABLE)).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name
    return _SUPERSETS.get(name, name)
