"""Text to structure: sections, paragraphs and sentences, all as code-point offsets.

Each line of the normalized text is a paragraph. A paragraph is a heading when it is
numbered (一、 / （一） / 第一部分 / 1. / Markdown ``#``) or short and unpunctuated like the
seed's 坚持党的全面领导,牢牢把握践行全过程人民民主的根本保证. The text before the first
heading is the introduction (section 0). Sentences end at 。！？；(and their ASCII forms),
never inside a matched pair of 《》, “”, ‘’, （）, 【】, 「」 or 『』. A sentence longer than
``MAX_SENTENCE`` characters (a page without punctuation, a run-on list) is cut at the last
comma-like mark before that length (outside brackets where there is one), or at the length
itself: relation extraction reads a sentence at a time and its cost grows faster than the
sentence's length.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .ids import report_key
from .ingest import RawText
from .model import Metadata, Paragraph, Report, Section, Sentence

__all__ = ["structure", "split_sentences", "heading_of", "MAX_SENTENCE"]

_TERMINATORS = frozenset("。！？；!?;")
MAX_SENTENCE = 1_000  # characters
_COMMA_LIKE = frozenset("，,、：:")
_TRAILING = frozenset("”’」』）)]】》\"'")  # closers that stay with the sentence they end
_QUOTE_CLOSERS = frozenset("”’」』")
_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "「": "」", "『": "』", "〔": "〕", "[": "]"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
# The characters the loops below stop at (the others they pass over at once)
_BRACKET_CHARS = re.compile("[" + re.escape("".join(sorted({*_PAIRS, *_CLOSERS}))) + "]")
_BOUNDARY_CHARS = re.compile("[" + re.escape("".join(sorted(_TERMINATORS | _QUOTE_CLOSERS))) + "]")

_CN_NUMBER = "一二三四五六七八九十百零〇"
# (pattern, level) for numbered headings; the match's end is where the heading text starts.
_NUMBERED = (
    (re.compile(r"^(#{1,6})\s*"), None),  # Markdown: level = number of #
    (re.compile(rf"^第[{_CN_NUMBER}\d]+(?:部分|章|篇|节)\s*[、.．:：]?\s*"), 1),
    (re.compile(rf"^[{_CN_NUMBER}]+\s*[、.．]\s*"), 1),
    (re.compile(rf"^[（(][{_CN_NUMBER}]+[）)]\s*[、.．]?\s*"), 2),
    (re.compile(r"^\d{1,2}\s*[、.．](?!\d)\s*"), 3),
)
_MAX_HEADING = 50
_SPEAKER = re.compile(r"^(问|答|记者|主持人|Q|A|[\u4e00-\u9fff]{2,4})\s*[:：]\s*")
_QUESTION_SPEAKERS = ("问", "记者", "主持人", "Q")
_LEAD_MAX = 16


@dataclass(frozen=True, slots=True)
class _Line:
    begin: int
    end: int


def _lines(text: str) -> list[_Line]:
    lines, begin = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(_Line(begin, begin + len(line)))
        begin += len(line) + 1
    return lines


def heading_of(line: str) -> tuple[int, int] | None:
    """(level, offset where the heading text starts) if ``line`` is a numbered heading."""
    for pattern, level in _NUMBERED:
        match = pattern.match(line)
        if not match:
            continue
        rest = line[match.end():]
        if not rest:
            return None
        if level is None:
            return len(match.group(1)), match.end()
        inner = rest.rstrip("。")
        if len(rest) <= _MAX_HEADING and not any(ch in _TERMINATORS for ch in inner):
            return level, match.end()
        return None
    return None


def _is_plain_heading(line: str, next_line: str | None) -> bool:
    """A short unnumbered line with no sentence punctuation, followed by a longer paragraph."""
    if len(line) > _MAX_HEADING or len(line) < 4 or next_line is None:
        return False
    if line[-1] in _TERMINATORS or line[-1] in "：:，,、…" or any(ch in _TERMINATORS for ch in line):
        return False
    if _SPEAKER.match(line):
        return False
    return len(next_line) > len(line)


def _protected(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Spans inside matched bracket and quote pairs; unmatched openers protect nothing."""
    stack: list[tuple[str, int]] = []
    spans = []
    for found in _BRACKET_CHARS.finditer(text, begin, end):
        i, ch = found.start(), found.group()
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return spans


def split_sentences(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets within ``text[begin:end]`` (one paragraph), whitespace trimmed."""
    inside = bytearray(end - begin)
    for open_at, close_at in _protected(text, begin, end):
        inside[open_at - begin + 1 : close_at - begin] = b"\x01" * (close_at - open_at - 1)
    spans = []
    start = begin
    i = begin
    while (found := _BOUNDARY_CHARS.search(text, i, end)) is not None:
        i, ch = found.start(), found.group()
        # A sentence ends at a terminator outside brackets, or at a closing quote right after a
        # terminator (他说：“要抓紧。”随后散会。 splits after the ”).
        ends = (ch in _TERMINATORS and not inside[i - begin]) or (
            ch in _QUOTE_CLOSERS and i > begin and text[i - 1] in _TERMINATORS and not inside[i - begin]
        )
        if ends:
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in _TRAILING):
                j += 1
            spans.append((start, j))
            start = i = j
            continue
        i += 1
    if start < end:
        spans.append((start, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.extend(_capped(text, s, e, inside, begin))
    return trimmed


def _capped(text: str, begin: int, end: int, inside: bytearray, base: int) -> list[tuple[int, int]]:
    """``(begin, end)`` cut into pieces of at most ``MAX_SENTENCE`` characters, each after the
    last comma-like mark before the cap (preferably outside brackets; ``inside`` is indexed
    from ``base``), whitespace trimmed."""
    pieces = []
    while end - begin > MAX_SENTENCE:
        limit = begin + MAX_SENTENCE
        marks = [i for i in range(limit - 1, begin, -1) if text[i] in _COMMA_LIKE]
        outside = [i for i in marks if not inside[i - base]]
        cut = (outside or marks or [limit - 1])[0] + 1
        piece_end = cut
        while piece_end > begin and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > begin:
            pieces.append((begin, piece_end))
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


def _front_matter_kinds(text: str, lines: list[_Line], metadata: Metadata) -> dict[int, str]:
    """Which of the first lines are the title and the byline."""
    kinds: dict[int, str] = {}
    for n, line in enumerate(lines[:4]):
        body = text[line.begin : line.end].lstrip("#").strip()
        if metadata.title and body == metadata.title and "title" not in kinds.values():
            kinds[n] = "title"
        elif (metadata.author and metadata.author in body and len(body) < 80) or (
            metadata.issue and metadata.issue in body and len(body) < 80
        ):
            kinds[n] = "byline"
    return kinds


def structure(raw: RawText) -> Report:
    """Find the sections, paragraphs and sentences of a report."""
    text = raw.text
    lines = _lines(text)
    front = _front_matter_kinds(text, lines, raw.metadata)
    speakers = [m for line in lines if (m := _SPEAKER.match(text[line.begin : line.end]))]
    interview = len(speakers) >= 2 and len({m.group(1) for m in speakers}) >= 2

    # Classify each line: heading (level, text start) or paragraph.
    headings: dict[int, tuple[int, int]] = {}
    for n, line in enumerate(lines):
        if n in front:
            continue
        content = text[line.begin : line.end]
        numbered = heading_of(content)
        if numbered:
            headings[n] = (numbered[0], line.begin + numbered[1])
    top_numbered = any(level == 1 for level, _ in headings.values())
    for n, line in enumerate(lines):
        if n in front or n in headings:
            continue
        content = text[line.begin : line.end]
        following = text[lines[n + 1].begin : lines[n + 1].end] if n + 1 < len(lines) else None
        if _is_plain_heading(content, following) and not (interview and _SPEAKER.match(content)):
            headings[n] = (2 if top_numbered else 1, line.begin)

    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    open_at_level: dict[int, int] = {}  # level -> index of the section open at that level
    section_begin = {0: 0}
    section_fields: dict[int, dict] = {0: {"level": 1, "heading": None, "parent": None}}
    current = 0
    for n, line in enumerate(lines):
        if n in headings:
            level, heading_start = headings[n]
            index = len(section_fields)
            parent = max((i for lvl, i in open_at_level.items() if lvl < level), default=None)
            section_fields[index] = {"level": level, "heading": (heading_start, line.end), "parent": parent}
            section_begin[index] = line.begin
            open_at_level = {lvl: i for lvl, i in open_at_level.items() if lvl < level}
            open_at_level[level] = index
            current = index
            kind = "heading"
        else:
            kind = front.get(n, "body")
        speaker = None
        content = text[line.begin : line.end]
        if interview and kind == "body" and (match := _SPEAKER.match(content)):
            speaker = match.group(1)
            kind = "question" if speaker in _QUESTION_SPEAKERS else "answer"
        spans = [(line.begin, line.end)] if kind in ("title", "byline", "heading") else split_sentences(text, line.begin, line.end)
        lead = None
        if kind == "body" and len(spans) >= 2:
            first_begin, first_end = spans[0]
            phrase = text[first_begin:first_end].rstrip("。")
            if len(phrase) <= _LEAD_MAX and not any(ch in "，,、：:" for ch in phrase):
                lead = (first_begin, first_begin + len(phrase))
        paragraph_index = len(paragraphs)
        paragraphs.append(
            Paragraph(paragraph_index, line.begin, line.end, current, kind, lead, speaker)
        )
        for begin, end in spans:
            sentences.append(Sentence(len(sentences), begin, end, paragraph_index, current))

    # A section ends where the next section of the same or a higher level begins (one pass:
    # the sections still open, their levels increasing, closed by each new heading).
    ordered = sorted(section_fields)
    ends: dict[int, int] = {}
    still_open: list[int] = []
    for index in ordered:
        level = section_fields[index]["level"]
        while still_open and section_fields[still_open[-1]]["level"] >= level:
            ends[still_open.pop()] = section_begin[index]
        still_open.append(index)
    for index in ordered:
        end = _rstrip(text, section_begin[index], ends.get(index, len(text)))
        sections.append(Section(index, section_begin[index], end, **section_fields[index]))

    return Report(
        key=report_key(text),
        source_file=raw.source_file,
        text=text,
        sha256=_sha256(text),
        metadata=raw.metadata,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
    )


def _rstrip(text: str, begin: int, end: int) -> int:
    while end > begin and text[end - 1].isspace():
        end -= 1
    return end


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
