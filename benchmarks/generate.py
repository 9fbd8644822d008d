"""Make N synthetic People's Congress work reports for benchmarks and scale tests.

    python benchmarks/generate.py 1000 /tmp/corpus-1000        # ~10 MB, nested folders

Each report is written by the standing committee of one city's or province's people's
congress (``corpus/regions.tsv``) in one year, under a title from ``corpus/titles.tsv``, with a
byline, an introduction, five themed sections (party leadership, legislation, supervision,
deputies, self-building) and a closing paragraph. Sentences come from ``corpus/sentences.tsv``
with their slots filled from the other lexicons: local instruments named after the place
(《武汉市物业管理条例》), national laws in full and short form (shared across reports, so they
merge into one node), quoted programs, platforms, mechanisms and slogans, and numbers.

Reports vary in file type (.txt with web-page chrome, .md, .html), heading style (一、/ （一）,
第一部分, unnumbered lines, Markdown #, <h2>), byline form and length (about 7-13 KB). The
same N and seed always give the same files.
"""

from __future__ import annotations

import argparse
import html
import random
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

__all__ = ["generate", "main"]

DATA = Path(__file__).resolve().parent / "corpus"
_NUMERALS = "一二三四五六七八九十"
_THEMES = ("leadership", "legislation", "supervision", "deputies", "self")


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    lines = (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#"))


def _by_first(name: str) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for first, *rest in _rows(name):
        grouped.setdefault(first, []).append(rest[0])
    return grouped


@dataclass
class _Setting:
    """What stays the same within one report."""

    place: str
    province: str
    body: str  # short name: 市人大常委会
    body_full: str  # 武汉市人大常委会
    year: int
    person: str
    topics: list[str]
    decks: dict[str, list[str]] = field(default_factory=dict)  # sentence templates not yet used


def _short_body(place: str) -> str:
    for suffix in ("自治区", "自治州", "省", "市", "州"):
        if place.endswith(suffix):
            return f"{suffix}人大常委会"
    return "人大常委会"


def _setting(rng: random.Random) -> _Setting:
    province, *cities = rng.choice(_rows("regions"))
    place = province if rng.random() < 0.12 else rng.choice(cities)
    surname, _ = rng.choice(_rows("people"))
    _, given = rng.choice(_rows("people"))
    topics = [row[0] for row in rng.sample(_rows("topics"), 6)]
    return _Setting(
        place=place, province=province, body=_short_body(place), body_full=f"{place}人大常委会",
        year=rng.randint(2016, 2024), person=surname + given, topics=topics,
    )


def _fill(template: str, setting: _Setting, rng: random.Random) -> str:
    named = _by_first("named_things")
    forms = [row[0] for row in _rows("instrument_forms") for _ in range(int(row[1]))]

    def law() -> tuple[str, str]:
        return rng.choice(_rows("laws"))  # type: ignore[return-value]

    values = {
        "body": setting.body,
        "body_full": setting.body_full,
        "place": setting.place,
        "province": setting.province,
        "year": str(setting.year - rng.randint(0, 1)),
        "person": setting.person,
    }
    out = []
    rest = template
    while "{" in rest:
        before, _, after = rest.partition("{")
        slot, _, rest = after.partition("}")
        out.append(before)
        if slot in values:
            out.append(values[slot])
        elif slot == "topic":
            out.append(rng.choice(setting.topics))
        elif slot == "local":
            out.append(f"{setting.place}{rng.choice(setting.topics)}{rng.choice(forms)}")
        elif slot == "law":
            out.append(law()[0])
        elif slot == "law_short":
            out.append(law()[1])
        elif slot in named:
            out.append(rng.choice(named[slot]))
        elif slot == "n":
            out.append(str(rng.randint(2, 36)))
        elif slot == "big":
            out.append(str(rng.choice((rng.randint(40, 900), rng.randint(1000, 60000)))))
        elif slot == "percent":
            out.append(str(rng.randint(90, 99)))
        else:
            raise KeyError(f"unknown slot {{{slot}}} in {template!r}")
    out.append(rest)
    return "".join(out)


def _paragraph(theme: str, setting: _Setting, rng: random.Random, sentences: int) -> str:
    """``sentences`` sentences of ``theme``; a template is used again only once all have been."""
    deck = setting.decks.setdefault(theme, [])
    out = []
    for _ in range(sentences):
        if not deck:
            deck.extend(_by_first("sentences")[theme])
            rng.shuffle(deck)
        out.append(_fill(deck.pop(), setting, rng))
    return "".join(out)


def _report(rng: random.Random, index: int) -> tuple[str, str, str]:
    """(relative folder, file name, content) of report ``index``."""
    setting = _setting(rng)
    kind = rng.choices(("txt", "md", "html"), weights=(6, 2, 2))[0]
    style = "markdown" if kind == "md" else rng.choice(("numbered", "part", "plain", "numbered"))
    title = _fill(rng.choice(_rows("titles"))[0], setting, rng)
    target = rng.randint(2300, 4300)  # characters: 7-13 KB of UTF-8

    blocks: list[tuple[str, str]] = [("title", title)]
    if rng.random() < 0.6:
        issue = rng.randint(1, 12)
        blocks.append(("meta", f"{setting.year}年第{issue}期 —— 本期焦点 作者:{setting.body_full}主任 {setting.person}"))
    else:
        blocks.append(("meta", f"发布时间:{setting.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 来源:{setting.place}人大网"))
    blocks.append(("p", _paragraph("intro", setting, rng, 3)))
    size = sum(len(text) for _, text in blocks)
    themes = ["leadership", *rng.sample(_THEMES[1:], 4)]
    subheadings = [row[0] for row in _rows("subheadings")]
    per_theme = max(1, (target - size) // len(themes))
    for number, theme in enumerate(themes):
        heading = _fill(rng.choice(_by_first("headings")[theme]), setting, rng)
        blocks.append(("h2", _heading(style, number, heading, level=1)))
        written, sub = 0, 0
        while written < per_theme:
            if style in ("numbered", "markdown") and written and rng.random() < 0.3:
                blocks.append(("h3", _heading(style, sub, rng.choice(subheadings), level=2)))
                sub += 1
            paragraph = _paragraph(theme, setting, rng, rng.randint(2, 5))
            blocks.append(("p", paragraph))
            written += len(paragraph)
    blocks.append(("p", _paragraph("closing", setting, rng, 1)))

    folder = f"{setting.province}/{setting.year}"
    name = f"{index:05d}-{setting.place}.{kind}"
    return folder, name, _render(kind, blocks, setting, rng)


def _heading(style: str, number: int, text: str, level: int) -> str:
    numeral = _NUMERALS[number % len(_NUMERALS)]
    if style == "markdown":
        return f"{'#' * (level + 1)} {text}"
    if level == 2:
        return f"（{numeral}）{text}"
    if style == "numbered":
        return f"{numeral}、{text}"
    if style == "part":
        return f"第{numeral}部分 {text}"
    return text


def _render(kind: str, blocks: list[tuple[str, str]], setting: _Setting, rng: random.Random) -> str:
    if kind == "md":
        lines = [f"# {blocks[0][1]}", "", *(text + "\n" for _, text in blocks[1:])]
        return "\n".join(lines)
    if kind == "html":
        body = []
        for tag, text in blocks:
            tag = {"title": "h1", "meta": "p", "h2": "h2", "h3": "h3"}.get(tag, "p")
            body.append(f"<{tag}>{html.escape(text)}</{tag}>")
        return (
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(blocks[0][1])}_{setting.place}人大网</title></head><body>\n"
            "<div class=\"nav\">首页 | 新闻中心 | 立法工作 | 监督工作 | 代表工作</div>\n"
            f"<div class=\"content\">\n{chr(10).join(body)}\n</div>\n"
            f"<div class=\"footer\">版权所有:{setting.body_full}办公厅 ICP备{rng.randint(10000000, 99999999)}号</div>\n"
            "</body></html>\n"
        )
    indent = "\u00a0\u00a0\u00a0\u00a0" if rng.random() < 0.5 else ""
    lines = ["当前位置:首页>>详情页面 ", ""] if rng.random() < 0.5 else []
    for tag, text in blocks:
        lines.append((indent + text) if tag == "p" else text)
        lines.append("")
    if rng.random() < 0.5:
        lines.append(f"版权所有:{setting.body_full}办公厅 技术支持:{setting.place}大数据中心")
    return "\n".join(lines) + "\n"


def generate(count: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` reports under ``folder`` (nested by province and year); return their paths."""
    rng = random.Random(seed)
    written = []
    for index in range(count):
        relative, name, content = _report(rng, index)
        path = folder / relative / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many reports")
    parser.add_argument("folder", type=Path, help="where to write them (created)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    paths = generate(args.count, args.folder, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} reports, {size / 1e6:.1f} MB, under {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
