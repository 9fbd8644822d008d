"""Files to text: HTML, Markdown, whitespace, page chrome and metadata (the bytes are decoded
by :mod:`npcgraph.decoding`).

``ingest(path)`` reads one file and returns its normalized text and the metadata the page
carries (title, issue, date, column, author and post, publisher). Offsets everywhere else
count code points into this normalized text, which is what the graph stores as
``nif:isString``; nothing later changes it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from .decoding import decode
from .errors import InputError
from .lexicon import word_list, words
from .model import Metadata

__all__ = ["SUFFIXES", "RawText", "collect_inputs", "decode", "html_to_text", "normalize", "ingest"]

#: The file types a folder is searched for.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Names (before the first dot, any case) of the project files a folder of reports often
#: carries (README.md, LICENSE.txt, …): not reports, so a folder's search skips them.
NOT_REPORTS = frozenset({"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "AUTHORS"})


@dataclass(frozen=True, slots=True)
class RawText:
    """A report's normalized text and its page metadata, before structure is found."""

    source_file: str
    text: str
    metadata: Metadata


# --------------------------------------------------------------------------- inputs


def _is_report_file(path: Path, folder: Path) -> bool:
    """Whether a file found in ``folder`` is a report: a report suffix, no hidden file or
    folder on the way (``.cache/``, ``.git/``), no README, LICENSE and the like."""
    if not path.is_file() or path.suffix.lower() not in SUFFIXES:
        return False
    if any(part.startswith(".") for part in path.relative_to(folder).parts):
        return False
    return path.name.split(".", 1)[0].upper() not in NOT_REPORTS


def collect_inputs(paths: list[Path]) -> list[Path]:
    """Files named, and the report files inside folders named, in a stable order.

    Files named are always read; inside folders, hidden files and folders and project files
    (README, LICENSE, COPYING, NOTICE, CHANGELOG, CHANGES, CONTRIBUTING, AUTHORS) are skipped.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("E101", path=path)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if _is_report_file(p, path))
            if not inside:
                raise InputError("E102", path=path, suffixes=", ".join(SUFFIXES))
            found.extend(inside)
        else:
            found.append(path)
    return found


# --------------------------------------------------------------------------- HTML and Markdown

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "blockquote", "table", "ul", "ol", "dd", "dt", "pre", "hr", "td", "th",
)
_CONTENT_HINT = re.compile(r"(content|article|main|detail|text|zoom|body|正文)", re.I)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The main text of a page, one block per line, and the page's <title>.

    The main text is the element that holds most of the page's Chinese sentences (an
    ``<article>``, ``<main>`` or a ``div`` whose id/class says content), else the body.
    """
    from bs4 import BeautifulSoup  # imported here: only HTML inputs need it

    soup = BeautifulSoup(html, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        level = int(heading.name[1])
        heading.insert(0, "#" * level + " ")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    root = soup.body or soup
    candidates = [root, *root.find_all(["article", "main"])]
    candidates += [
        tag for tag in root.find_all("div")
        if _CONTENT_HINT.search(" ".join([tag.get("id") or "", *(tag.get("class") or [])]))
    ]

    def sentences_in(tag) -> int:
        return tag.get_text().count("。")

    best = max(candidates, key=sentences_in)
    # Prefer the smallest element that still holds nearly all the sentences.
    total = sentences_in(root)
    for tag in sorted(candidates, key=lambda t: len(t.get_text())):
        if total and sentences_in(tag) >= 0.9 * total:
            best = tag
            break
    text = best.get_text()
    # A title given only in <h1> outside the main block would be lost: keep it on top.
    h1 = root.find("h1")
    if h1 is not None and best is not root and h1 not in best.descendants:
        text = h1.get_text() + "\n" + text
    return text, page_title


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")


def markdown_to_text(markdown: str) -> str:
    """Markdown reduced to plain lines; ``#`` heading markers are kept for structure.py."""
    lines = []
    for line in markdown.splitlines():
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = _MD_QUOTE.sub("", line)
        if _MD_RULE.match(line):
            line = ""
        lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- whitespace

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Line and page breaks other than \n (Word's \v, \f, NEL, U+2028/2029) end a line; the other
# control characters (ESC, BEL, C1 controls ...) are dropped: they are no text and would reach
# terminals and XML files through labels.
_BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), "\n")
_DROPPED = dict.fromkeys(
    [c for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n\r" and c not in _BREAKS], None
)
_CLEAN = {**_ZERO_WIDTH, **_BREAKS, **_DROPPED}
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # terminal escape sequences (colours, cursor moves)


def normalize(text: str) -> str:
    """Unicode spaces (NBSP, U+3000, ...) to ASCII spaces, lines stripped, one paragraph a line;
    other line and page breaks end a line, other control characters are dropped.

    Characters other than whitespace are left as written: the text is evidence.
    """
    text = _ANSI.sub("", text).translate(_CLEAN).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for line in text.split("\n"):
        line = "".join(
            " " if (ch == "\t" or unicodedata.category(ch) == "Zs") else ch for ch in line
        )
        line = re.sub(r" {2,}", " ", line).strip()
        if line:
            out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- chrome and metadata

_SHORT = 120  # chrome lines are short; a long line is body text whatever words it holds
_BREADCRUMB = re.compile(r"^(当前位置|您的位置|你的位置|您现在的位置|现在位置|所在位置)\s*[:：]|首页\s*(>>|>|»|›|＞|→|/)")
_NAV_SEPARATORS = re.compile(r"\s*[|｜丨]\s*")
_FOOTER = re.compile(
    # 主办单位/承办单位/技术支持 are chrome only as a field (主办单位：…): reports on deputies'
    # suggestions say 承办单位 in their sentences.
    r"版权所有|Copyright|©|ICP备|ICP证|公网安备|(主办|承办)单位\s*[:：]|技术支持\s*[:：]|网站地图|网站标识码"
    r"|建议使用.{0,20}浏览器|屏幕分辨率|未经.{0,10}(许可|授权).{0,10}(转载|复制)"
)
_TOOLS = re.compile(
    r"^(【?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|我要纠错|字体|字号)\s*】?"
    r"|分享到|【字体|字体\s*[:：]?\s*[大中小]|(浏览|阅读|点击|访问)(次数|量|数)\s*[:：]"
    r"|上一篇|下一篇|相关(链接|阅读|新闻)|扫一扫|责任编辑\s*[:：])"
)
_PUBLISHER = re.compile(r"(?:版权所有|主办单位|主办)\s*[:：]?\s*([^\s|｜,，。]+)")
_ISSUE = re.compile(r"(\d{4})\s*年\s*第\s*(\d{1,3})\s*期")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_COLUMN = re.compile(r"(?:期\s*[—–\-]{1,2}\s*|栏目\s*[:：]\s*)([\u4e00-\u9fff]{2,12})")
_AUTHOR = re.compile(r"(?:作者|文)\s*[:：/|]\s*(.+?)\s*$")
_REPORTER = re.compile(r"^(?:本报|本刊|新华社)?(?:记者|通讯员)\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)")
# A newspaper archive's line: the author, the paper and the day (余绍容《人民日报》（2026年05月07日…）).
_PAPER_BYLINE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})(?:[ \u3000]+[\u4e00-\u9fff]{2,4})*\s*《[^》]{2,10}》\s*[（(]\s*\d{4}\s*年")
_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜]+)")
# A line that is a post and a name alone (a work report's speaker under its title).
_POST_BYLINE = re.compile(
    r"^(?P<post>[\u4e00-\u9fff、]{4,30}?(?:党组书记、主任|常务副主任|副主任|主任|主席|委员长|副委员长|秘书长))"
    r"[ \u3000]+(?P<name>[\u4e00-\u9fff·]{2,5})$"
)
_PUBLISHING_INFO = re.compile(r"^(发布时间|发布日期|时间|日期|来源|信息来源|文章来源)\s*[:：]")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
# Posts a byline gives after a body's name, longest first (党组书记、主任 strips both).
_POSTS = (
    "党组书记", "党组副书记", "党组成员", "常务副主任", "副主任", "主任", "副秘书长", "秘书长",
    "委员", "副主席", "主席", "副书记", "书记", "副院长", "院长", "副检察长", "检察长",
    "副市长", "市长", "副省长", "省长", "副局长", "局长", "副部长", "部长", "代表",
)
_BODY_SUFFIX = re.compile(r"(人大常委会|人民代表大会常务委员会|人大|人民代表大会|委员会|常委会|政府|法院|检察院|委|办公厅|办公室|局|厅|部)$")
# A township's congress has no standing committee: its presidium (镇人大主席团) reports.
# 肥城县第十一届人民代表大会常务委员会: a term may stand between the place and its body; a
# township's congress (刘岗镇人大第一代表小组) is the body of a township's report.
_PLACE_BEFORE_BODY = (
    r"(?<!\d)([\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗|镇|乡|街道)|全国)"
    r"(?:第?[一二三四五六七八九十]+届)?"
)
_BODY_IN_TEXT = re.compile(
    _PLACE_BEFORE_BODY + r"(人大常委会|人民代表大会常务委员会|人民代表大会主席团|人大主席团|人大工作委员会|人大工委)"
)
# A township's congress by itself (刘岗镇人大第一代表小组): the body of a report that names no
# standing committee or presidium, not its deputies' title (镇人大代表).
_TOWNSHIP_CONGRESS = re.compile(
    r"(?<!\d)([\u4e00-\u9fff]{1,12}?(?:镇|乡))(?:第?[一二三四五六七八九十]+届)?(人大|人民代表大会)(?!常|代表(?!小组|团))"
)  # 青石镇第十八届人民代表大会第三次会议: the township's congress, its term between
_JURISDICTION = re.compile(
    r"^([\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗|镇|乡|街道))(?:人大|人民代表大会)"
)
# Autonomous areas are named with their peoples (黔东南苗族侗族自治州): long, but still places.
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")


def _is_chrome(line: str) -> bool:
    if len(line) > _SHORT:
        return False
    if _BREADCRUMB.search(line) or _FOOTER.search(line) or _TOOLS.match(line):
        return True
    items = [item for item in _NAV_SEPARATORS.split(line) if item]
    return len(items) >= 3 and all(len(item) <= 8 for item in items)


def split_post(byline: str) -> tuple[str | None, str]:
    """``武汉市人大常委会主任 胡立山`` -> (post ``武汉市人大常委会主任``, name ``胡立山``)."""
    parts = byline.replace("　", " ").split()
    if len(parts) >= 2 and _NAME.match(parts[-1]):
        return " ".join(parts[:-1]), parts[-1]
    return None, byline.strip()


def body_of_post(post: str) -> str | None:
    """The body a post belongs to: ``武汉市人大常委会党组书记、主任`` -> ``武汉市人大常委会``."""
    body = post.strip()
    changed = True
    while changed:
        changed = False
        body = body.rstrip("、，, ")
        for title in _POSTS:
            if body.endswith(title) and len(body) > len(title):
                body = body[: -len(title)]
                changed = True
                break
    return body if body != post and _BODY_SUFFIX.search(body) else None


# Characters that start the words before a body's name, never the name itself:
# 访宜昌市人大常委会 (an interview title), 对全市…, 向市人大常委会, 经省人大常委会.
_FUNCTION_CHARS = frozenset("访对在由向经据和与及同把被将的了是为于从请让给跟任兼即我受该")


_MAX_UNKNOWN_PLACE = 6  # 武昌区, 安吉县, 义乌市, 云屏县青石镇: names not in the lexicon are short
_MAX_AUTONOMOUS_PLACE = 12  # 黔东南苗族侗族自治州: except autonomous areas, named with their peoples


# The lexicons' levels of a place in general (乡镇) and the words of time that run into a place
# (今年市…), as the extraction reads them (extract/context.py, extract/dates.py).
_GENERIC_LEVELS = tuple(word_list("context.generic_levels"))
_TIME_WORDS = tuple(word_list("dates.from_report"))
_CLAUSE_VERBS = tuple(sorted(words("clause_verbs"), key=lambda w: (-len(w), w)))  # 举行, 召开 (as extract/patterns.py reads them)
_VERBS_IN_CLAUSES = (*_CLAUSE_VERBS, "通过", "表决", "批准", "任命", "决定")  # never inside a place's name


def _trim_function_words(place: str) -> str:
    """The place a regex match ends with: the longest known place it ends with, else the match
    without leading function words (访宜昌市 -> 宜昌市); "" when no place remains (向省, or
    常委会还邀请省, where the lazy match began inside other words).
    """
    known = words("places")
    for start in range(len(place) - 1):
        if place[start:] in known:
            return place[start:]
    if place.endswith(_GENERIC_LEVELS):
        return ""  # 河南省乡镇人民代表大会主席团: the townships of a province, no one place
    for time_word in _TIME_WORDS:  # 今年市人大常委会委托…: the year, then the body
        if place.startswith(time_word):
            place = place[len(time_word) :]
            break
    if place.startswith("关于"):  # 关于南门街道人大工委…的报告
        place = place[2:]
    while len(place) >= 2 and place[0] in _FUNCTION_CHARS:
        place = place[1:]
    verb = next((v for v in _CLAUSE_VERBS if place.startswith(v)), None)
    if verb:  # 会议决定于4月10日举行市八届人大常委会…: the verb is no part of the place (nor 市 one)
        place = place[len(verb) :]
    if place.endswith("市") and place not in words("counties"):
        return ""  # every city is listed (places, counties): 提交市人大常委会 names the report's own city
    longest = _MAX_AUTONOMOUS_PLACE if place.endswith(_AUTONOMOUS) else _MAX_UNKNOWN_PLACE
    if len(place) < 2 or len(place) > longest or any(ch in _FUNCTION_CHARS for ch in place):
        return ""
    if any(verb in place for verb in _VERBS_IN_CLAUSES):
        return ""  # 16位同志高票通过县人大常委会的任命: a clause's verb, no place's name
    return place


def find_reporting_body(metadata: Metadata, text: str) -> str | None:
    """The body that speaks in the report: from the byline's post, the title, or the text."""
    if metadata.author_post:
        body = body_of_post(metadata.author_post)
        if body:
            return body
    # 临川区人大常委会南门街道工作委员会 is the street's committee, not the district's
    sources = [_STREET_COMMITTEE.sub(lambda m: m.group("street") + "人大工作委员会", source)
               for source in (metadata.title or "", text[:2000], text)]
    for pattern in (_BODY_IN_TEXT, _TOWNSHIP_CONGRESS):
        for source in sources:
            counts: dict[str, int] = {}
            listed: set[str] = set()  # the bodies of places the lexicons list
            for match in pattern.finditer(source):
                place = _trim_function_words(match.group(1))
                if len(place) < 2:
                    continue
                counts[place + match.group(2)] = counts.get(place + match.group(2), 0) + 1
                if place in words("places") or place in words("counties"):
                    listed.add(place + match.group(2))
            if counts:  # the body named most; of those named as often, one of a listed place
                return max(sorted(counts), key=lambda body: (counts[body], body in listed))
    return None


def find_jurisdiction(body: str | None) -> str | None:
    if not body:
        return None
    if body.startswith("全国"):
        return "中华人民共和国"
    match = _JURISDICTION.match(body)
    return match.group(1) if match else None


def strip_chrome(text: str, page_title: str | None = None) -> tuple[str, Metadata]:
    """Remove page chrome and publishing-info lines; return the article and its metadata."""
    found: dict[str, str] = {}
    kept: list[str] = []
    for line in text.split("\n"):
        if (match := _PUBLISHER.search(line)) and _is_chrome(line):
            found.setdefault("publisher", match.group(1))
        if _is_chrome(line):
            continue
        head = len(kept) < 6  # metadata sits above the article's first paragraphs
        if head and (match := _ISSUE.search(line)):
            found.setdefault("issue", f"{match.group(1)}年第{int(match.group(2))}期")
            found.setdefault("date", match.group(1))
        if head and (match := _DATE.search(line)) and len(line) < 80:
            year, month, day = match.groups()
            found.setdefault("date", f"{year}-{int(month):02d}-{int(day):02d}")
        if head and (match := _COLUMN.search(line)):
            found.setdefault("column", match.group(1))
        if head and (match := _SOURCE.search(line)) and len(line) < 80:
            found.setdefault("source", match.group(1))
        if head and (match := _AUTHOR.search(line)) and len(line) < 80:
            post, name = split_post(match.group(1))
            found.setdefault("author", name)
            if post:
                found.setdefault("author_post", post)
        elif head and (match := _REPORTER.match(line)):
            found.setdefault("author", match.group(1).split()[0])
        elif head and (match := _PAPER_BYLINE.match(line)):
            found.setdefault("author", match.group("name"))  # 余绍容《人民日报》（2026年05月07日第 18 版）
        elif head and (match := _POST_BYLINE.match(line)) and body_of_post(match.group("post")):
            # a work report's speaker line under its title (武昌区人大常委会主任 胡太荣): the
            # speaker where the title names no body (an excerpt without its title)
            found.setdefault("post_byline", line)
        if head and _PUBLISHING_INFO.match(line) and len(line) < 80:
            continue  # 发布时间/来源 lines: metadata only, not article text
        kept.append(line)
    title = _find_title(kept, page_title)
    titled_speaker = False  # a speaker line under a title that names the body: the title's body speaks
    if "post_byline" in found and "author" not in found:
        speaker = _POST_BYLINE.match(found["post_byline"])
        assert speaker is not None
        found["author"], found["author_post"] = speaker.group("name"), speaker.group("post")
        titled_speaker = bool(_BODY_IN_TEXT.search(title or ""))
    metadata = Metadata(
        title=title,
        issue=found.get("issue"),
        date=found.get("date"),
        column=found.get("column"),
        author=found.get("author"),
        author_post=found.get("author_post"),
        publisher=found.get("publisher"),
        source=found.get("source"),
    )
    article = "\n".join(kept)
    body = find_reporting_body(_replace(metadata, author_post=None) if titled_speaker else metadata, article)
    return article, _replace(metadata, reporting_body=body, jurisdiction=_street_county(find_jurisdiction(body), article))


# 江城区人大常委会东湖街道工作委员会: a street committee's official name, after its district's
# (also read by extract/bodies.py); it gives the street's district
STREET_COMMITTEE_AFTER_DISTRICT = r"(?:人大常委会|人民代表大会常务委员会)(?P<street>[\u4e00-\u9fff]{2,4}?街道)(?:工作委员会|工委)"
_STREET_COMMITTEE = re.compile(r"(?P<district>[\u4e00-\u9fff]{2,6}?[区县市旗])" + STREET_COMMITTEE_AFTER_DISTRICT)


def _street_county(jurisdiction: str | None, text: str) -> str | None:
    """A street's jurisdiction with the district above it (江城区东湖街道) when the report's head
    writes the street committee's official name, so that 区人大常委会 is that district's."""
    if not jurisdiction or not jurisdiction.endswith("街道"):
        return jurisdiction
    for match in _STREET_COMMITTEE.finditer(text[:2000]):
        county = _trim_function_words(match.group("district"))
        if match.group("street") == jurisdiction and len(county) >= 2:
            return county + jurisdiction
    return jurisdiction


def _replace(metadata: Metadata, **changes: str | None) -> Metadata:
    return replace(metadata, **changes)


def _find_title(lines: list[str], page_title: str | None) -> str | None:
    """The article's title: the first line that is not metadata and not a sentence."""
    for line in lines[:4]:
        bare = line.lstrip("#").strip()
        if _ISSUE.search(bare) or _AUTHOR.search(bare) or _REPORTER.match(bare):
            continue
        if len(bare) <= 60 and not bare.endswith(("。", "！", "？", "；", ".")):
            return bare
        break
    if page_title:
        # Sites append their own name: 标题_武汉人大网 / 标题 - 中国人大网
        return re.split(r"\s*[_|｜—-]{1,2}\s*", page_title)[0] or None
    return None


# --------------------------------------------------------------------------- the stage


def ingest(path: Path, data: bytes | None = None) -> RawText:
    """Read one report file into normalized text and metadata (``data``: its bytes, when they
    were read elsewhere, such as by the process that sent them to a cluster's worker)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError("E117", path=path, reason=exc.strerror or exc) from exc
    if not data.strip():
        raise InputError("E105", path=path)
    text, encoding = decode(data, str(path))
    page_title = None
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown") and _looks_like_html(text)):
        text, page_title = html_to_text(text)
        page_title = normalize(page_title).replace("\n", " ") if page_title else page_title
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    text, metadata = strip_chrome(normalize(text), page_title)
    if not text.strip():
        raise InputError("E105", path=path)
    return RawText(source_file=path.name, text=text, metadata=_replace(metadata, encoding=encoding))


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
