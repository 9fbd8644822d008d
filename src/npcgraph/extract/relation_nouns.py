"""Relations that names state by themselves: what a statistic counts, who holds a post in a body,
which body an organ belongs to.

- ``counts``: 10个基层立法联系点 counts 基层立法联系点 — the names inside the number's phrase, or
  next to it (1068个代表工作室、联络站; 专题讲座35场) when they fit the statistic's label;
- ``memberOf``: <body><post><person> (武汉市人大常委会主任 胡立山), the post kept;
- ``partOf``: an organ named inside its body's name at its start, or whose canonical name is the
  body's plus an organ word (武汉市人民代表大会常务委员会党组 → 武汉市人民代表大会常务委员会),
  the nearest such body where several are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache

from ..lexicon import word_list
from ..model import Entity, Mention
from .context import opening_place
from .patterns import lazy, table
from .relation_cues import SentenceView, class_of, post_pattern
from .statistics import counts_head, statistic_unit

__all__ = ["Fact", "bodiless_posts", "executive_chairs", "bracketed_posts", "government_leaders", "body_labels", "class_of", "counted", "declared_posts", "deputies", "leaders_listed", "leaders_titled_after", "memberships", "organs", "signed_orders", "titled_members"]

Fact = tuple[str, str, str, str | None]  # subject, predicate, object, post


def _label_of(mention: Mention, entities: Mapping[str, Entity]) -> str:
    """The label of the entity a mention names ("" if it is unknown)."""
    entity = entities.get(mention.entity or "")
    return entity.label if entity else ""


_OCCASIONS = frozenset(word_list("relation_nouns.occasions"))


def counted(view: SentenceView, entities: Mapping[str, Entity]) -> dict[Mention, tuple[str, ...]]:
    """Each statistic's mention in the sentence -> the entities it counts."""
    found: dict[Mention, tuple[str, ...]] = {}
    for statistic in view.of_class("Statistic", entities):
        label = _label_of(statistic, entities)
        nested = [m for m in view.nested(statistic) if class_of(m, entities) != "Statistic"]
        things = [m for m in nested if counts_head(view.text, statistic, m)]
        if not things and not nested:
            after = view.linked_run(statistic.end, view.end, reach=0)
            before = [m for m in view.mentions if m.end == statistic.begin]
            things = [
                m for m in after + before if class_of(m, entities) != "Statistic" and _fits(view, m, entities, label)
            ]
            if len(things) == 1 and things[0] in before:  # 召开座谈会、论证会12场: the list of its kind before it
                things = _listed_before(view, entities, things[0])
        if not things and label:
            # 听取审议75个工作报告: the hearings whose name holds the number counted
            things = [
                m for m in view.of_class("SupervisionActivity", entities) if m.begin <= statistic.begin and statistic.end <= m.end
                and m != statistic and _label_of(m, entities).endswith(label)
            ] or [
                m for m in view.mentions if class_of(m, entities) != "Statistic" and _named(view, m, entities, label)
            ]
        if statistic_unit(view.text, statistic) in _OCCASIONS:  # 召开主任会议73次: meetings, not the organ
            things = [m for m in things if class_of(m, entities) != "Organization"]
        keys = tuple(dict.fromkeys(m.entity for m in things if m.entity))
        if len(keys) > 1 and all(entities[k].cls in _ACTIVITY_KINDS for k in keys if k in entities):
            continue  # 开展执法检查、代表视察和专题调研19次: one number for several kinds of work counts none of them
        if keys:
            found[statistic] = keys
    return found


_ACTIVITY_KINDS = frozenset({"SupervisionActivity", "Activity"})


def _listed_before(view: SentenceView, entities: Mapping[str, Entity], last: Mention) -> list[Mention]:
    """``last`` and the names of its class listed right before it (座谈会、论证会)."""
    run = [last]
    while True:
        previous = [m for m in view.mentions if m.end < run[0].begin and view.text[m.end : run[0].begin] in ("、", "和", "及", "与")]
        if not previous or class_of(previous[0], entities) != class_of(last, entities):
            return run
        run.insert(0, max(previous, key=lambda m: m.end - m.begin))


def _named(view: SentenceView, mention: Mention, entities: Mapping[str, Entity], name: str) -> bool:
    """Whether ``name`` is one of :func:`_names` of ``mention`` (without making the set)."""
    if view.text.startswith(name, mention.begin) and len(name) == mention.end - mention.begin:
        return True
    entity = entities.get(mention.entity or "")
    return entity is not None and (name == entity.label or name in entity.alt_labels)


def _names(view: SentenceView, mention: Mention, entities: Mapping[str, Entity]) -> set[str]:
    entity = entities.get(mention.entity or "")
    names = {view.span(mention.begin, mention.end)}
    return names | {entity.label, *entity.alt_labels} if entity else names


def _fits(view: SentenceView, mention: Mention, entities: Mapping[str, Entity], label: str) -> bool:
    """Whether a name next to a number is what the number counts (its label holds the name)."""
    return bool(label) and any(name and (name in label or label in name) for name in _names(view, mention, entities))


def memberships(view: SentenceView, entities: Mapping[str, Entity],
                find: Callable[[str], str | None] | None = None) -> Iterator[Fact]:
    """<body><post><person>: 武汉市人大常委会主任 胡立山, 市人大常委会党组书记、主任XX; the names
    listed after (主任吕英，副主任刘大敏、任江河) hold posts in the same body; a post listed before
    in another body (县委常委、县政府副县长付强) is held by the same person."""
    # (a leader's title standing for its government, 县委副书记、县长吴斌, is a post here, no body's name)
    orgs = [m for m in view.of_class("Organization", entities) if view.span(m.begin, m.end) not in _government_titles()]
    previous: tuple[Mention, Mention, str] | None = None  # (body, person, post) of the last post held
    for person in view.of_class("Person", entities):
        bodies = [m for m in orgs if m.end <= person.begin]
        if not bodies or not person.entity:
            previous = None
            continue
        body = max(bodies, key=lambda m: (m.end, m.end - m.begin))
        match = post_pattern().fullmatch(view.text, body.end, person.begin) or _head_of_department(view, body, person.begin)
        if match and body.entity and _newspaper_reporter(_label_of(body, entities), match.group(1)):
            previous = None  # 湖北日报记者王馨: a newspaper is a publication, its reporters no members of a body
            continue
        if match and body.entity:
            yield from _posts_held(view, entities, body, person, match.group(1), find)
            yield from _earlier_posts(view, orgs, body, person)
            previous = (body, person, match.group(1))
            continue
        listed = _listed_pattern().fullmatch(view.text, previous[1].end, person.begin) if previous else None
        if previous is not None and listed and listed.group(1) and _not_of(listed.group(1), previous[0], entities):
            previous = None  # 区人大常委会副主任孟繁兰，副区长李雯: the vice head is the government's
        elif previous is not None and listed and previous[0].entity:
            post = listed.group(1) or previous[2]
            yield (person.entity, "memberOf", _held_in(previous[0], post, entities, find), post)
            previous = (previous[0], person, post)
        elif previous is not None and previous[0].entity and (later := _LATER_POST.search(view.text, previous[1].end, person.begin)) \
                and later.end() == person.begin and post_pattern().fullmatch(later.group("post")) \
                and not _not_of(later.group("post"), previous[0], entities):  # (，镇长李娜: the government's, not the congress's)
            # 主任刘家义主持会议，副主任於来运、王随莲出席: a post of the same body, later in the sentence
            post = later.group("post")
            yield (person.entity, "memberOf", _held_in(previous[0], post, entities, find), post)
            previous = (previous[0], person, post)
        else:
            previous = None


def _newspaper_reporter(label: str, posts: str) -> bool:
    """Whether ``posts`` held in the body ``label`` are a newspaper's reporter's (湖北日报社记者)."""
    return label.endswith(("报", "报社")) and posts.endswith("记者")


_PARTY_ORGANS = word_list("relation_nouns.party_organs")
_PARTY_POSTS = frozenset(word_list("relation_nouns.party_posts"))
_PARTY_GROUP = "党组"


def _party_organ(label: str) -> str | None:
    """The party organ a body's name ends with (…党组, …党委), if any."""
    return next((o for o in _PARTY_ORGANS if label.endswith(o)), None)


_COMMITTEE_SEATS = frozenset({"委员", "常委"})
_CANDIDATE = "候选人"


def _posts_held(view: SentenceView, entities: Mapping[str, Entity], body: Mention, person: Mention, posts: str,
                find: Callable[[str], str | None] | None) -> Iterator[Fact]:
    """The posts after a body held in it; after a body's party group (市人大常委会党组书记、主任刘云)
    the posts of the body itself (主任) are held in the body the group's name begins with, and after
    a party committee a government leader's title (市委副书记、市长) in the government, where the
    report names that body."""
    label = _label_of(body, entities)
    held = [p for p in posts.split("、") if not p.endswith(_CANDIDATE)]  # 党组书记、副主任候选人: the candidacy is no post
    if not held:
        return
    posts = "、".join(held)
    leads = [p for p in held if p in _government_titles()]  # 市委副书记、市长: the mayor's post is the government's
    government = find(_government_titles()[leads[0]]) if leads and find and label.startswith("中国共产党") else None
    if leads and label.startswith("中国共产党") and len(leads) < len(held):
        # (a government the report does not name: its leader's post is still no party post)
        if government is not None and government in entities:
            yield (person.entity or "", "memberOf", government, "、".join(leads))
        held = [p for p in held if p not in leads]
        posts = "、".join(held)
    organ = _party_organ(label)
    # a party group (党组) has 成员, not 委员: 党组书记、委员 is the group's secretary and a member of
    # the committee it sits in
    own = [p for p in held if p in _PARTY_POSTS and not (organ == _PARTY_GROUP and p in _COMMITTEE_SEATS)]
    parent = find(label[: -len(organ)]) if organ and find and own and len(own) < len(held) else None
    if parent is None or parent == body.entity:
        yield (person.entity or "", "memberOf", body.entity or "", posts)
        return
    yield (person.entity or "", "memberOf", body.entity or "", "、".join(own))
    yield (person.entity or "", "memberOf", parent, "、".join(p for p in held if p not in own))


# <person>是<body><post>: 章联生是龙岩市新罗区西安村党委书记, 王某现任…主任 (the post closes the clause).
# 王强是…, 王强同志担任…, 王强，市人民政府副市长，…: the post a person holds, said right after the name
_DECLARES = re.compile(r"\s*(?:同志)?(?:(?:现|目前|也|还|曾)?(?:是|任|担任|现任|系)|[，,]\s*)")
_CLAUSE_END = re.compile(r"[，。；,;！？!?、]|的|$")
_BIO_OPENING = re.compile(r"[，,]\s*[男女][，,]")
_BIO_CURRENT = re.compile(r"(?<=[，,])\s*(?:现任|现为|任)")


def declared_posts(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """<person>是<body><post>: the person holds the post in the body (places before the body's
    name skipped: 是龙岩市新罗区|西安村党委书记)."""
    for person in view.of_class("Person", entities):
        if not person.entity:
            continue
        if _BIO_OPENING.match(view.text, person.end, view.end):
            # 张三，男，汉族，1965年3月生，现任长沙市委常委: a biography's opening, its current post later
            declares = _BIO_CURRENT.search(view.text, person.end, view.end)
        else:
            declares = _DECLARES.match(view.text, person.end, view.end)
            if declares is not None and declares.group(0).strip().startswith(("，", ",")) and person.begin > view.begin \
                    and view.text[person.begin - 1] not in "，。；：:,;“（(\n":
                declares = None  # 检察长何素斌，省人大常委会副秘书长，…: a list of posts, the name a post's own
        if declares is None:
            continue
        at, body = declares.end(), view.mention_at(declares.end())
        while body is not None and class_of(body, entities) == "Place" and body.end < view.end:
            at, body = body.end, view.mention_at(body.end)
        if body is None or class_of(body, entities) != "Organization" or not body.entity:
            continue
        post = post_pattern().match(view.text, body.end, view.end)
        if post and post.group(1) and _CLAUSE_END.match(view.text, post.end()):
            yield (person.entity, "memberOf", body.entity, post.group(1))


def _opening(words: Iterable[str], after: str) -> re.Pattern[str]:
    """One of ``words`` (the longest first) at a text's start or after one of the characters ``after``."""
    return re.compile(f"(?:(?<=^)|(?<=[{after}]))({'|'.join(sorted(words, key=len, reverse=True))})")


def _persons_by_begin(view: SentenceView, entities: Mapping[str, Entity]) -> dict[int, Mention]:
    return {m.begin: m for m in view.of_class("Person", entities) if m.entity}


@cache
def _committee_post() -> re.Pattern[str]:
    return _opening(word_list("relation_nouns.committee_posts"), "，,；;。：:有\\s")


def bodiless_posts(view: SentenceView, entities: Mapping[str, Entity], body: str | None) -> Iterator[Fact]:
    """副主任李保山、王福成，秘书长赵英出席会议: in the news of a standing committee's meeting, a
    clause opening with a post of the committee and no body's name, then the names, holds the
    posts in the committee holding the meeting."""
    if body is None or body not in entities or not entities[body].label.endswith("常务委员会"):
        return
    persons = _persons_by_begin(view, entities)
    if not persons:
        return
    for post in _committee_post().finditer(view.text, view.begin, view.end):
        person = persons.get(post.end())
        while person is not None:
            yield (person.entity or "", "memberOf", body, post.group(1))
            person = persons.get(person.end + 1) if view.text.startswith("、", person.end) else None


# 甲、乙、丙担任大会执行主席; 担任本次大会执行主席的还有：甲、乙; 大会执行主席甲主持
_CHAIRS_AFTER = re.compile(r"\s*(?:等)?(?:同志)?(?:担任|为)(?:本次)?大会(?:的)?执行主席")
_CHAIRS_BEFORE = re.compile(r"(?:大会)?执行主席(?:的)?(?:还有|有|是)?[：:]?\s*$")


def executive_chairs(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """The executive chairs of a session (执行主席) are members of its presidium, where the text
    names one presidium (大会主席团): each person of the list the post follows or opens."""
    if "执行主席" not in view.text[view.begin : view.end]:
        return
    presidia = {e.key for e in entities.values() if e.cls == "Organization" and e.label.endswith("主席团")}
    if len(presidia) != 1:
        return
    (presidium,) = presidia
    persons = sorted((m for m in view.of_class("Person", entities) if m.entity), key=lambda m: m.begin)
    runs: list[list[Mention]] = []
    for person in persons:
        if runs and view.text[runs[-1][-1].end : person.begin] == "、":
            runs[-1].append(person)
        else:
            runs.append([person])
    for run in runs:
        if _CHAIRS_AFTER.match(view.text, run[-1].end, view.end) or _CHAIRS_BEFORE.search(view.text, max(view.begin, run[0].begin - 16), run[0].begin):
            for person in run:
                yield (person.entity or "", "memberOf", presidium, "执行主席")


def _held_in(body: Mention, post: str, entities: Mapping[str, Entity], find: Callable[[str], str | None] | None) -> str:
    """Where a post listed after one held in ``body`` is held: in the body a party group belongs
    to when the post is none of the group's (…党组书记、常务副主任沙际涛…，副主任刘自朝: the standing
    committee's 副主任), else in ``body``."""
    label = _label_of(body, entities)
    organ = _party_organ(label)
    if organ is None or post in _PARTY_POSTS or find is None:
        return body.entity or ""
    return find(label[: -len(organ)]) or body.entity or ""


def _not_of(post: str, body: Mention, entities: Mapping[str, Entity]) -> bool:
    """Whether ``post`` is a government leader's title and ``body`` no government: a post listed
    after it is not held there."""
    label = _label_of(body, entities)
    return post in _government_titles() and not label.endswith("人民政府")


@cache
def _government_titles() -> dict[str, str]:
    """A government leader's title -> the short name of the government (副市长 -> 市人民政府)."""
    return table("government_titles")


@cache
def _titled_leader() -> re.Pattern[str]:
    return _opening(_government_titles(), "，,；;。、：:有\\s（(")


def government_leaders(view: SentenceView, entities: Mapping[str, Entity], find: Callable[[str], str | None]) -> Iterator[Fact]:
    """副市长刘守成, 省长尹力: a government leader's title before a name, with no body before it,
    holds the post in the government of the report's place at that level, where the report
    names that government (市政府, 四川省人民政府)."""
    persons = _persons_by_begin(view, entities)
    if not persons:
        return
    for title in _titled_leader().finditer(view.text, view.begin, view.end):
        person = persons.get(title.end())
        if person is None:
            continue
        body = find(_government_titles()[title.group(1)])
        if body is not None and body in entities:
            yield (person.entity or "", "memberOf", body, title.group(1))


_CHAIR_TITLES = word_list("relation_nouns.chair_titles")  # 刘奇主任, 王东副主任
_PARTY_COMMITTEES = word_list("relation_nouns.party_committees")  # 市委, 县委…: whose secretary 书记 after a name is


@cache
def _title_after_name() -> re.Pattern[str]:
    titles = sorted((*_government_titles(), *word_list("relation_nouns.secretary_titles"), *_CHAIR_TITLES), key=len, reverse=True)
    return re.compile(f"({'|'.join(titles)})(?![处局厅部长团会组])")


def leaders_titled_after(view: SentenceView, entities: Mapping[str, Entity], find: Callable[[str], str | None],
                         committee: str | None = None) -> Iterator[Fact]:
    """高庆丰书记和项敏市长: a leader's title after a name, with no body before it: a government
    leader's post in the government of the report's place at that level, a secretary's in the
    one party committee of the report's levels that the report names (市委, 县委…), a chair's
    (刘奇主任) in the standing committee whose news it is."""
    for person in view.of_class("Person", entities):
        if not person.entity:
            continue
        title = _title_after_name().match(view.text, person.end, view.end)
        if title is None:
            continue
        written = title.group(1)
        if written in _CHAIR_TITLES:
            body = committee if committee in entities and entities[committee].label.endswith("常务委员会") else None
        elif written in _government_titles():
            body = find(_government_titles()[written])
        else:
            committees = {key for short in _PARTY_COMMITTEES if (key := find(short)) in entities}
            body = next(iter(committees)) if len(committees) == 1 else None
        if body is not None and body in entities:
            yield (person.entity, "memberOf", body, written)


_LEADERS = word_list("relation_nouns.leaders_words")
_LEADERS_WORDS = re.compile(f"(?:{'|'.join(_LEADERS)})")


def leaders_listed(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """殷美根、马志武等省人大常委会领导: the names listed before 等 and a body's leaders are its
    members (the post left unsaid)."""
    persons = [m for m in view.of_class("Person", entities) if m.entity]
    for body in view.of_class("Organization", entities):
        if not body.entity or view.text[body.begin - 1 : body.begin] != "等":
            continue
        if not _LEADERS_WORDS.match(view.text, body.end, view.end):
            continue
        listed, at = [], body.begin - 1
        for person in reversed([p for p in persons if p.end <= at]):
            if person.end != at:
                break
            listed.append(person)
            at = person.begin - 1 if view.text[person.begin - 1 : person.begin] == "、" else -1
        for person in listed:
            yield (person.entity or "", "memberOf", body.entity, None)


def bracketed_posts(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """张建国（省农业科学院研究员）, 李红（市人大常委会委员、市总工会副主席）: the posts in brackets
    after a name are the person's, each in the body before it."""
    for person in view.of_class("Person", entities):
        if not person.entity or view.text[person.end : person.end + 1] not in "（(":
            continue
        close = min((i for i in (view.text.find("）", person.end, view.end), view.text.find(")", person.end, view.end)) if i > 0), default=-1)
        if close < 0:
            continue
        for body in view.of_class("Organization", entities):
            if body.begin > person.end and body.end < close and body.entity:
                post = post_pattern().match(view.text, body.end, close)
                if post and post.group(1) and (post.end() == close or view.text[post.end()] in "、，,；;"):
                    yield (person.entity, "memberOf", body.entity, post.group(1))


# Between a congress's deputy (全国人大代表) and the person: other titles (、贵州省非遗代表性传承人), or
# a comma after 作为一名…代表.
_DEPUTY_GAP = re.compile(r"\s*(?:[、，,](?:(?!代表(?!性))[^。；;！？!?，,和]){0,40})?\s*")  # (not past 和 or another deputy)


# Between a person and the congress they were elected a deputy of (…当选为, …是一名, 首次当选; 递补
# 陈晓峰为…, 补选张扬为…; 周波同志超过半数成功当选为…, 黄家雷（乡党委副书记、乡长）成功补选为…) or
# whose deputy's post they give up (张宏义辞去…代表职务).
_ELECTED_DEPUTY = re.compile(
    r"(?:[（(][^（）()。；;]{0,30}[）)])?(?:等[\d一二三四五六七八九十]+名)?(?:同志|代表)?(?:以[^，,。；;]{0,12}票)?(?:超过半数|高票|全票|顺利|依法)?(?:成功)?"
    r"(?:首次|再次|连续)?(?:当选为?|补选为|递补为|是一名|是|作为一名|成为一名|成为|为|辞去)(?:第?[一二三四五六七八九十\d]+届)?"
)


def deputies(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """<congress>代表 … <person>: 全国人大代表、…党支部书记徐淙祥, 作为一名全国人大代表，郑培坤: the
    person is a deputy of that congress (memberOf, post 代表), whatever other titles stand between."""
    people = [m for m in view.of_class("Person", entities) if m.entity]
    for congress in view.of_class("Organization", entities):
        entity = entities.get(congress.entity or "")
        if entity is None or entity.cls != "Organization" or not entity.label.endswith("人民代表大会"):
            continue
        if not view.text.startswith("代表", congress.end) or view.text.startswith(("代表团", "代表大会", "代表小组"), congress.end):
            continue
        before = next((p for p in reversed(people) if p.end <= congress.begin), None)
        if before is not None and _ELECTED_DEPUTY.fullmatch(view.text, before.end, congress.begin):
            # 杨慧芝当选全国人大代表, 张三是一名市人大代表: the person named before, as deputy; 张明、李华等
            # 15名同志当选为…代表: each name of the list
            listed = [before]
            for person in reversed([p for p in people if p.end <= listed[0].begin]):
                if view.text[person.end : listed[0].begin] != "、":
                    break
                listed.insert(0, person)
            for person in listed:
                yield (person.entity or "", "memberOf", entity.key, "代表")
            continue
        after = congress.end + 2
        if roll := _DEPUTY_ROLL.match(view.text, after):
            # 驻济全国人大代表分别是：济宁市委书记温金荣，…院长于安玲，…: each name of the roll
            for person in (p for p in people if p.begin >= roll.end()):
                yield (person.entity or "", "memberOf", entity.key, "代表")
            continue
        person = next((p for p in people if p.begin >= after), None)
        if person is None or any(m.begin >= after and m.end <= person.begin for m in view.of_class("Person", entities)):
            continue
        if _DEPUTY_GAP.fullmatch(view.text, after, person.begin):
            yield (person.entity or "", "memberOf", entity.key, "代表")


# a roll of deputies after their title: 代表分别是：, 代表名单如下：, 代表有：
_DEPUTY_ROLL = re.compile("(?:分别)?(?:是|为|有)[：:]|名单(?:如下)?[：:]")


@cache
def _title_bodies() -> dict[str, str]:
    return table("title_bodies")


def titled_members(view: SentenceView, entities: Mapping[str, Entity], labels: Mapping[str, str]) -> Iterator[Fact]:
    """赵乐际委员长, 习近平总书记: a title after a name that only one body gives (lexicon
    ``title_bodies``) makes the person a member of that body, where the report names it (not
    inside the name of an idea)."""
    titles = _title_bodies()
    for person in view.of_class("Person", entities):
        if not person.entity:
            continue
        title = next((t for t in sorted(titles, key=len, reverse=True) if view.text.startswith(t, person.end)), None)
        if title is None or any(m.begin <= person.begin and person.end <= m.end for m in view.of_class("Concept", entities)):
            continue  # 习近平总书记系列重要讲话精神: the idea's author, no statement of his post
        body = labels.get(titles[title])
        if body is not None:
            yield (person.entity, "memberOf", body, title)


_ORDERS = word_list("relation_nouns.orders")


def signed_orders(view: SentenceView, entities: Mapping[str, Entity]) -> Iterator[Fact]:
    """国家主席胡锦涛签署第六十五号、六十六号主席令: the person who signs an order issues it."""
    for order in view.mentions:
        entity = entities.get(order.entity or "")
        if entity is None or not entity.label.startswith(_ORDERS):
            continue
        sign = view.text.rfind("签署", view.begin, order.begin)
        if sign < 0 or re.search("[。；;]", view.text[sign : order.begin]):
            continue
        signers = [m for m in view.of_class("Person", entities) if m.end <= sign and m.entity]
        if signers and re.fullmatch(r"[^，。；;]{0,8}", view.text[signers[-1].end : sign]):
            yield (signers[-1].entity or "", "issued", entity.key, None)


def _earlier_posts(view: SentenceView, orgs: list[Mention], body: Mention, person: Mention) -> Iterator[Fact]:
    """县委常委、县政府常务副县长付强, 溪头村党支部书记兼村委会主任林和星: 付强 is also 常委 of 县委,
    林和星 书记 of the village's party branch."""
    at = body.begin
    while at > view.begin and view.text[at - 1] in "、，,兼":
        before = [m for m in orgs if m.end <= at - 1]
        if not before:
            return
        other = max(before, key=lambda m: (m.end, m.end - m.begin))
        if other.end == at - 1 and other.entity and person.entity and other.end - other.begin >= 4:
            # 中共中央政治局常委、…: a body whose name says the membership (its standing committee)
            yield (person.entity, "memberOf", other.entity, None)
            at = other.begin
            continue
        match = post_pattern().fullmatch(view.text, other.end, at - 1) or _head_of_department(view, other, at - 1)
        if not match or not other.entity or not person.entity:
            return
        yield (person.entity, "memberOf", other.entity, match.group(1))
        at = other.begin


def _head_of_department(view: SentenceView, body: Mention, end: int) -> re.Match[str] | None:
    """组织部长 (the department's name and 部长 sharing its 部): the post after it."""
    return post_pattern().fullmatch(view.text, body.end - 1, end) if view.text.startswith("部长", body.end - 1) else None


# ，副主任…: a clause that opens with a post and a name
_LATER_POST = lazy(r"[，,；;]\s*(?P<post>[\u4e00-\u9fff、]{2,12}?)\s*$")


@cache
def _listed_pattern() -> re.Pattern[str]:
    """Between two names of one body's post holders: 、 (the same post), ，副主任 or 和秘书长 (another)."""
    posts = post_pattern().pattern
    return re.compile(rf"\s*(?:[、，,]|和|及|以及)\s*(?:{posts})?")


def _names_a_place(rest: str) -> bool:
    """Whether the rest of a body's name after another body's begins with a place's name."""
    return opening_place(rest) is not None \
        or _UNIT_COMMITTEE.fullmatch(rest) is not None  # 中国共产党|肥城县委员会: a place the lexicon lacks


_UNIT_COMMITTEE = re.compile("(?!.*(?:农村|城乡))[^与和及的、]{2,8}?[省市县区州旗镇乡村](?:支部|总支部)?委员会")


_SESSION_PRESIDIUM = re.compile("^(.*?)第[^第]+?届(.*人民代表大会)第.+?次会议主席团$")  # (江苏省|第十四届|人民代表大会…)


def body_labels(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Each Organization's label -> its key (the greatest key where labels are shared), for
    :func:`organs` to find an organ's parents by its name's prefixes, once per document."""
    labels: dict[str, str] = {}
    for key, entity in entities.items():
        if entity.cls == "Organization" and key > labels.get(entity.label, ""):
            labels[entity.label] = key
    return labels


def organs(view: SentenceView, entities: Mapping[str, Entity], labels: Mapping[str, str] | None = None) -> Iterator[Fact]:
    """An organ of a body → partOf the body (see the module's docstring); ``labels`` is
    :func:`body_labels` of ``entities`` (made here when not given)."""
    labels = body_labels(entities) if labels is None else labels
    bodies = [m for m in view.of_class("Organization", entities) if m.entity]
    for organ in bodies:
        # the longest body named at the organ's start (…人大常委会代表资格审查委员会: the standing
        # committee, not the congress its term names too)
        parents = [p for p in bodies if p.entity != organ.entity and p.begin == organ.begin and p.end < organ.end]
        for parent in [max(parents, key=lambda p: p.end)] if parents else ():
            if not _names_a_place(view.text[parent.end : organ.end]):
                if _label_of(organ, entities).endswith("街道人大工作委员会") and _label_of(parent, entities).endswith("人民代表大会"):
                    # 区人大前进街道工委: an organ of the district congress's standing committee, where the text names it
                    standing = labels.get(_label_of(parent, entities) + "常务委员会")
                    if standing:
                        yield (organ.entity or "", "partOf", standing, None)
                    continue
                yield (organ.entity or "", "partOf", parent.entity or "", None)
        label = _label_of(organ, entities)
        session = _SESSION_PRESIDIUM.match(label)  # 第十四届全国人民代表大会第四次会议主席团
        if session and session.group(1) + session.group(2) in labels:
            yield (organ.entity or "", "partOf", labels[session.group(1) + session.group(2)], None)
            continue
        # the longest body's label that starts this one (a prefix lookup: linear, not a scan)
        for length in range(len(label) - 1, -1, -1):
            parent_key = labels.get(label[:length])
            if parent_key is not None:
                rest = label[length:]  # 中国共产党|山东省委员会: a body of a place, no organ; 上海代表团 is one
                if not _names_a_place(rest) or rest.endswith(("代表团", "基本法委员会")):  # (a place's delegation, a SAR's Basic Law committee)
                    yield (organ.entity or "", "partOf", parent_key, None)
                break
