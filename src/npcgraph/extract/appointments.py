"""Appointments and removals (任免): who was given or relieved of which post.

    决定任命张三、李四为武汉市人民政府副市长   -> appointed 张三, 李四; post 武汉市人民政府副市长
    选举王五为市人大常委会主任               -> appointed 王五; post 市人大常委会主任
    免去赵六的武汉市人民政府副市长职务        -> removed 赵六; post 武汉市人民政府副市长
    接受钱七辞去市人大常委会委员职务的请求     -> removed 钱七; post 市人大常委会委员

The words and their forms are ``lexicon/appointment_verbs.tsv``. A name is two to four Han
characters opening with a surname of ``lexicon/surnames.tsv`` (or a name with ·); names are
listed with 、 和 及 (张三、李四和王五). The body that appoints is found by acts.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import longest_first, rows, word_list
from .context import opening_place
from .patterns import lazy
from .relation_cues import post_words

__all__ = ["Appointment", "continued_appointments", "find_appointments", "is_person_name", "list_opener", "listed_appointment"]

_HAN = "\u4e00-\u9fff"
_NAME = rf"[{_HAN}]{{2,4}}|[{_HAN}]{{1,6}}·[{_HAN}]{{1,8}}"
_LIST = lazy(rf"(?P<names>(?:{_NAME})(?:(?:、|和|及|，)(?:{_NAME}))*)")
_NAMES = rf"(?:{_NAME})(?:(?:、|和|及)(?:{_NAME}))*"  # 张三、李四和王五 (no comma: a line of a list)
_POST_TO = re.compile(rf"为(?P<post>[{_HAN}（）()]{{2,40}}?)(?:职务)?(?=[，。；、,;：:\s）)]|的|$)")
_LEVEL_POST = lazy(rf"(?P<post>[省市县区州镇乡][{_HAN}]{{1,30}}?)(?=[，。；、,;：:\s）)]|$)")
_POST_OF = lazy(rf"(?:的)?(?P<post>[{_HAN}（）()、]{{2,60}}?)(?:职务|资格)")
_MORE_POST = lazy(rf"、(?P<post>[{_HAN}（）()]{{4,40}}?)(?:职务)?(?=[，。；、,;：:\s）)]|的|$)")
_NOT_A_POST = re.compile("[一二两三四五六七八九十\\d]+(?:名|位|个)|颁发|进行|宣誓|讲话")
_NAMED_POST = lazy(rf"(?:{_NAMES})为(?!止)")  # 周晓杨为…: names and their post, not a second post
_REASON = lazy(rf"(?:同志)?(?:因|由于)[{_HAN}]{{1,14}}?(?:原因)?$")
_RESIGN = lazy(rf"辞去(?P<post>[{_HAN}（）()]{{2,40}}?)(?:职务)")
_LEVELS = word_list("appointments.levels")


@dataclass(frozen=True, slots=True)
class Appointment:
    """``predicate`` (appointed / removed) of each name at ``names`` (offsets), to ``post``."""

    predicate: str
    trigger: tuple[int, int]
    names: tuple[tuple[int, int], ...]
    post: str


@cache
def _verbs() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in rows("appointment_verbs")}


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_verbs(), key=len, reverse=True))))


def is_person_name(name: str) -> bool:
    """Whether ``name`` reads as a person's name (two to four characters opening with a surname, or
    two parts joined by a dot)."""
    return bool(re.fullmatch(_NAME, name)) and ("·" in name or name.startswith(longest_first("surnames")))


# A count closing a list of names (邵革军、邓正权、徐洪3名同志): not part of the last name.
_COUNT_AFTER = lazy(r"(?:等)?(?:\d+|[一二三四五六七八九十两]+)(?:名|人)$|(?<=[\u4e00-\u9fff]{2})等$")  # 徐莉等18人, 梅玉三等


def _names(text: str, begin: int, end: int) -> list[tuple[int, int]] | None:
    """``text[begin:end]`` as a list of names (张三、李四和王五), or None."""
    found: list[tuple[int, int]] = []
    position = begin
    for piece in re.split(r"(、|，)", text[begin:end]):
        if piece in ("、", "，"):
            position += len(piece)
            continue
        # 李四和王五: two names, but 魏凤和 one (和 and 及 are characters of names too)
        parts = [piece] if is_person_name(_COUNT_AFTER.sub("", piece.removesuffix("同志"))) else re.split(r"(和|及)", piece)
        for part in parts:
            if part in ("和", "及"):
                position += len(part)
                continue
            name = _COUNT_AFTER.sub("", part.removesuffix("同志"))  # 张三同志, 徐洪3名同志: the name alone
            if not is_person_name(name):
                return None
            found.append((position, position + len(name)))
            position += len(part)
    return found or None


def _names_before(text: str, begin: int, at: int) -> list[tuple[int, int]] | None:
    """The list of names that ends at ``at``, back to the clause's start (…，尹力当选为…)."""
    start = at
    while start > begin and text[start - 1] not in "，,。；;：:！？!?\n 　":
        start -= 1
    for skip in range(0, at - start - 1):  # 会议期间张三当选为: past the words before the names
        if _LIST.fullmatch(text, start + skip, at) and (names := _names(text, start + skip, at)):
            return names
    return None


def _names_before_post(text: str, begin: int, end: int) -> tuple[list[tuple[int, int]], int] | None:
    """免去王五武汉市人民政府副市长职务 (no 的): the names, and where the post begins."""
    for stop in range(begin + 2, min(end, begin + 40)):
        if text[stop] == "的":
            names = _names(text, begin, stop)
            return (names, stop + 1) if names else None
    # the last name ends where the post (a place or body) begins: try 3 characters, then 2
    head = _LIST.match(text, begin, end)
    if not head:
        return None
    pieces = re.split(r"(、|和|及)", head.group(0))
    last_start = begin + sum(len(p) for p in pieces[:-1])
    for length in (2, 3, 4):
        stop = last_start + length
        if stop < end and _post_starts(text, stop) and is_person_name(text[last_start:stop]):
            names = _names(text, begin, stop)
            return (names, stop) if names else None
    return None


def _post_starts(text: str, at: int) -> bool:
    """Whether a post begins at ``at``: a level word (市人民政府…) or a place (武汉市…)."""
    if text.startswith(_LEVELS, at):
        return True
    return opening_place(text[at : at + 8], 8) is not None


# 决定郑皓副区长代理通州区人民政府区长职务: one made acting in a post (with the title held before it)
_TITLE_HELD = re.compile(rf"(?:同志)?(?:[{_HAN}]{{1,6}}?(?:长|主任|书记))?")
_ACTING = re.compile(rf"决定(?P<held>(?:{_NAME}){_TITLE_HELD.pattern})代理(?P<post>[{_HAN}（）()]{{2,40}}?)职务")


_PROPOSING = ("提请", "关于")  # 关于提请任命…, 关于任命…的议案
_MOTION_END = lazy("的(?:议案|请示)")


def _clause_end(text: str, at: int, end: int) -> int:
    """Where the phrase after ``at`` reaches 的议案 or the clause's end (，。；), whichever first."""
    motion = _MOTION_END.search(text, at, end)
    stop = min((i for i in (text.find(c, at, end) for c in "，。；") if i >= 0), default=end)
    return motion.start() if motion and motion.start() < stop else stop


def find_appointments(text: str, begin: int, end: int) -> list[Appointment]:
    """The appointments and removals stated in ``text[begin:end]`` (a sentence)."""
    found: list[Appointment] = []
    for acting in _ACTING.finditer(text, begin, end):
        held = acting.start("held")
        for length in range(2, 5):  # the name, then the title it ends in (郑皓|副区长)
            if is_person_name(text[held : held + length]) and _TITLE_HELD.fullmatch(text, held + length, acting.end("held")):
                found.append(Appointment("appointed", (acting.start(), acting.start() + 2), ((held, held + length),),
                                         "代理" + _clean(acting.group("post"))))
                break
    for match in _verb_pattern().finditer(text, begin, end):
        predicate, form = _verbs()[match.group(0)]
        after = match.end() + (1 if text[match.end() : match.end() + 1] in ("：", ":", "了") else 0)  # 任命：甲为…；乙为…, 任命了甲为…
        if _verb_pattern().match(text, after):
            continue  # 决定：任命甲为…: the verb after it says what was decided
        if text.endswith(_PROPOSING, begin, match.start()) and _MOTION_END.match(text, _clause_end(text, match.end(), end)):
            continue  # 关于提请任命张明为…的议案: a motion's title, no appointment yet (…决定的报告: one made)
        if form == "elected":  # 刘志强、陈明当选为省人大常委会委员: the names come before the word
            post = _POST_TO.match(text, after, end)
            if post is None and (bare := _LEVEL_POST.match(text, after, end)) and bare.group("post").endswith(post_words()):
                post = bare  # 张明当选市人大常委会主任: the post by its level word, with no 为
            names = _names_before(text, begin, match.start())
            if post and names and not post.group("post").endswith(("代表", "以来")):  # 当选为全国人大代表: by voters
                found.append(Appointment(predicate, match.span(), tuple(names), _clean(post.group("post"))))
            continue
        if form == "to":
            found += _pairs_after(text, after, end, predicate, match.span())
        elif form == "resign":
            # 接受甲辞去…职务、乙辞去…职务的请求: each name before its own 辞去, the same verb
            while (post := _RESIGN.search(text, after, end)) and post.start() - after <= 30:
                reason = _REASON.search(text, after, post.start())  # 接受姜异康同志因工作变动辞去…: the reason is no name
                names = _names(text, after, reason.start() if reason else post.start())
                if not names:
                    break
                found.append(Appointment(predicate, match.span(), tuple(names), _clean(post.group("post"))))
                if not text.startswith("、", post.end()):
                    break
                after = post.end() + 1
        else:
            split = _names_before_post(text, after, end)
            if not split:
                continue
            names, post_begin = split
            post = _POST_OF.match(text, post_begin, end)
            if post:  # 免去李四的…副检察长、检察委员会委员职务: each post
                found += [Appointment(predicate, match.span(), tuple(names), _clean(p)) for p in post.group("post").split("、") if len(p) >= 2]
    return sorted(found, key=lambda appointment: appointment.trigger[0])  # in the sentence's order (the acting ones were found first)


def _pairs_after(text: str, after: int, end: int, predicate: str, trigger: tuple[int, int]) -> list[Appointment]:
    """甲为A，乙、丙为B…: the names and the post each pair gives, from ``after`` (after the verb)."""
    found: list[Appointment] = []
    post = _POST_TO.search(text, after, end)
    if not post or post.start() - after > 40:
        return found
    names = _names(text, after, post.start())
    while names and post:
        found.append(Appointment(predicate, trigger, tuple(names), _clean(post.group("post"))))
        while (more := _MORE_POST.match(text, post.end(), end)) and _names(text, more.start("post"), more.end("post")) is None \
                and not _NAMED_POST.match(more.group("post")):  # (、周晓杨为市人民检察院检察长: the next names and post)
            # 选举甲为中华人民共和国主席、中华人民共和国中央军事委员会主席: each post the names take
            found.append(Appointment(predicate, trigger, tuple(names), _clean(more.group("post"))))
            post = more
        # 任命张三为财政局局长，李四为教育局局长: the next names and post, the same verb
        names, following = None, post.end() + (1 if text[post.end() : post.end() + 1] in "，、；,;" else 0)
        if following > post.end() and not _verb_pattern().match(text, following):  # …，任命李四为: its own verb
            post = _POST_TO.search(text, following, end)
            own_verb = post is not None and _verb_pattern().search(text, following, post.start())  # …，尹力当选为
            names = _names(text, following, post.start()) if post and post.start() - following <= 20 and not own_verb else None
            if post is not None and _NOT_A_POST.search(post.group("post")):
                names = None  # …，江钦所为两名同志颁发任命书: a deed, no post
    return found


def continued_appointments(text: str, begin: int, end: int) -> list[Appointment]:
    """A sentence that goes on with the pairs of the one before it, after its ；(…选举甲为A；乙为B，
    丙、丁为C。): the pairs, else an empty list."""
    return _pairs_after(text, begin, end, "appointed", (begin, begin))


def _clean(post: str) -> str:
    return post.removesuffix("职务").strip()


# A word that opens a list of lines (第…次会议于…选举：), and a line of it (胡锦涛为中华人民共和国主席；).
_OPENS_LIST = re.compile(r"[:：]\s*$")
_INLINE_COLON = re.compile(r"[:：]")
_HEADING = re.compile(rf"\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?P<verb>[{_HAN}]{{2,4}})\s*[:：]?\s*")
_LIST_LINE = lazy(rf"\s*(?P<names>{_NAMES})为(?P<post>[{_HAN}（）()]{{2,40}}?)(?:职务)?[；;。，,]?\s*$")
_LIST_LINE_OF = lazy(rf"\s*(?P<names>{_NAMES})的(?P<post>[{_HAN}（）()]{{2,40}}?)(?:职务)[；;。，,]?\s*$")


def list_opener(text: str, begin: int, end: int) -> tuple[str, int] | None:
    """The predicate and offset of an appointment word that ends ``text[begin:end]`` before a
    colon (选举：, 决定任命：): the lines after it list who was given which post."""
    colon = _OPENS_LIST.search(text, begin, end)
    if colon is None and text[begin:end].rstrip().endswith(("；", ";")):
        colon = _INLINE_COLON.search(text, begin, end)  # 会议任命：甲为…；(乙为…；): its first line inline
    if colon is None and (heading := _HEADING.fullmatch(text, begin, end)) and heading.group("verb") in _verbs() \
            and _verbs()[heading.group("verb")][1] in ("to", "of"):
        return _verbs()[heading.group("verb")][0], heading.start("verb")  # 任免名单's 二、免去 on a line of its own
    if colon is None:
        return None
    verb = next((m for m in _verb_pattern().finditer(text, begin, colon.start()) if m.end() == colon.start()), None)
    if verb is None or _verbs()[verb.group(0)][1] not in ("to", "of"):
        return None
    return _verbs()[verb.group(0)][0], verb.start()


def listed_appointment(text: str, begin: int, end: int, predicate: str) -> Appointment | None:
    """A line of such a list (胡锦涛为中华人民共和国主席；, 钱七的湖南省教育厅厅长职务。): the names
    and the post, else None."""
    line = _LIST_LINE.fullmatch(text, begin, end) if predicate == "appointed" else _LIST_LINE_OF.fullmatch(text, begin, end)
    if line is None:
        return None
    names = _names(text, line.start("names"), line.end("names"))
    if not names:
        return None
    return Appointment(predicate, (begin, begin), tuple(names), _clean(line.group("post")))
