"""Relations between entities, each with the sentences that state it.

``extract_relations`` is the last extraction stage (``Document -> Document``). It reads each
sentence's mentions, already resolved to entities, with the cues of :mod:`.relation_cues`, and
adds :class:`~npcgraph.model.Relation` objects whose evidence is the sentence; the same fact
stated in several sentences gets one :class:`~npcgraph.model.Evidence` per sentence.

Who acts, for each trigger word (the first rule that applies):

1. a passive agent: 经市人大常委会审议通过, 由市政府制定 (the body right after 经 / 由);
2. a causee: 报请市委转发《…》 means 市委 forwarded it (also in a next clause opening with 并);
3. the clause's explicit subject: a body or person opening the clause, possibly after time
   words (近年来，市委出台…; 市委、市政府印发…); a meeting stands for the body holding it
   (浙江省委十一届十次全体会议作出… → 浙江省委; 省十届人大常委会第二十五次会议 → 省人大常委会);
   我们 is the reporting body. It carries on through the sentence's later clauses
   (市委先后就…出台文件，支持…) until another subject opens a clause;
4. otherwise the reporting body, the implicit subject of the genre (制定《武汉市养老服务促进条例》).

What is acted on:

- ``forward`` triggers (制定, 出台, 开展, …): the names after the word, up to the next trigger or
  the end of the clause, that head their phrase, coordinated by 、 和 及 与 or written
  back to back (制定A、B，出台C，修订D; 《A》《B》); a statistic stands for what it counts
  (设立10个基层立法联系点); with no name after the word, the names fronted by 对
  (对《…》进行修订, 对…开展执法检查);
- ``phrase`` triggers (听取审议…报告, 检查…实施情况): any name in the phrase after the word;
- ``backward`` triggers (执法检查): the names just before it (开展传染病防治法执法检查);
- topics (围绕, 聚焦, 关于): the instruments, motions, activities and events named after the
  topic in the sentence concern it;
- an activity named as a clause's own verb phrase (听取审议…报告, 专题调研…) was conducted by the
  clause's subject;
- what names state by themselves (counts, memberOf with the post, partOf): relation_nouns.py.

What the whole document tells (plan sections, interview speakers, bodies by name):
relation_context.py; the words and the sentence view: relation_cues.py.

The byline is left to metadata.py. Interview questions, plan sections (2023年工作安排) and the
rest of a sentence after 将/拟 + verb state no deeds (only what their names state).

Before a relation is kept, its subject and object classes are checked against
``relation_schema.tsv`` and self-loops are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from ..lexicon import word_list
from ..model import Document, Entity, Evidence, Mention, Relation
from .activities import VISIT_LEAD
from .candidates import BILL_CLASSES, INSTRUMENT_CLASSES
from .hearings import meeting_heard, report_items
from .instruments import is_session_paper
from .context import opening_place, place_named
from .relation_context import (
    OrgNames, after_dateline, after_speaker, named_reporting_body, only_committee, plan_sections, planned_answers, quoted_items, reported_by,
)
from .relation_cues import Cue, SentenceView, markers, post_pattern, relation_schema
from .relation_nouns import Fact, bodiless_posts, bracketed_posts, executive_chairs, government_leaders, leaders_listed, leaders_titled_after, body_labels, class_of, counted, declared_posts, deputies, memberships, organs, signed_orders, titled_members

__all__ = ["extract_relations", "allowed"]

#: Paragraph kinds that state no facts of their own: the byline is metadata.py's; a question
#: in an interview only asks.
_NO_FACTS = frozenset({"byline"})
_NO_STATEMENTS = frozenset({"byline", "question"})

_ACTORS = frozenset({"Organization", "Person"})
_ACTIVITIES = frozenset({"Activity", "SupervisionActivity"})
# what a report heard is on, named after 关于: work, a plan, a budget (hearings.topic_class)
_REPORTED_ON = frozenset({"Activity", "Plan", "Instrument"})
# what a report in a list of reports heard is not on: who reports, where, a number, a meeting
_NOT_REPORTED_ON = frozenset({"Organization", "Person", "Place", "Statistic", "Event"})
# 赴淞南镇开展|调研, 到贵州|调研: a visit's place, then the work done there (a clause's own verb)
_VISIT_BEFORE = re.compile(VISIT_LEAD + "$")
_NEAR = 4  # characters of adverbs allowed between 将/推动 and the verb they govern (将继续开展)
_NUMBER = "一二三四五六七八九十百零〇两\\d"
# A draft revising a law (矿产资源法修订草案, 《…条例》修正案) and the words before a revised text.
_REVISION_DRAFTS = word_list("relations.revision_drafts")
_REVISED_BEFORE = tuple(w + bracket for w in word_list("relations.revised_before") for bracket in ("", "《"))
# A meeting's agenda: what follows is to be done (会议的建议议程是，审议…).
_AGENDA = re.compile(r"议程(?:是|为|包括|有|[:：])")
# A meeting's numbering, to find the body that holds it: 十一届十次全体会议, 第二十五次会议.
_SESSION = re.compile(rf"第?[{_NUMBER}]+届|第?[{_NUMBER}]+次")
_MEETING_WORDS = re.compile(r"(?:全体会议|常务会议|会议|全会)$")
# A clause that only dates what follows by a meeting: 人代会期间，…; 会议召开后，…
# A clause whose subject is the meeting the text speaks of (大会表决通过了…, 会议听取了…).
_MEETING_AS_SUBJECT = re.compile(r"(?:本次|此次|这次)?(?:大会|会议|全体会议|闭幕会)(?!期间|上|中|后|前|的|精神|强调|指出|认为|要求)")
_WHEN = re.compile(r"\s*(?:召开|举行|闭会)?(?:期间|上|后|之后|以后|以来|时|前)\s*[，,]?\s*")
# After <body><post><person>: the person leads a delegation of the body (带队, 率队, 牵头).
_LEADS = re.compile("(?:一行)?(?:带队|率队|领队|带领|率领|牵头)")
_RESPECTIVELY = "分别"
_PARTY_GROUP = "党组"
_CONVENES_OWN = re.compile("(?:召开|举行)了?第[一二三四五六七八九十\\d]+次(?:全体)?会议")
_PASSED = frozenset({"enacted", "approved"})
_ALIAS_AT_END = re.compile(r"[（(]以下简称[^（）()]*[）)]$")
_REVISED_NOTE = re.compile(r"[（(]修订[）)]》?$")
_CLAUSE_ENDS_AT = re.compile(r"(?:了)?\s*$")
_DECIDED_TO = re.compile("(?<![的之])决定[^，。；,;]{0,16}$")
_ANNIVERSARY = re.compile(r"(?:[一二三四五六七八九十百]+|\d+)(?:多)?周年")
_IMPLEMENTATION = re.compile("[》〉]?[）)]?(?:的)?(?:贯彻)?(?:实施|执行|落实|贯彻落实|贯彻实施)(?:工作)?情况")
_GROUP = re.compile("(?:检查组|调研组|视察组|督查组|评估组)$")
_LEAD_NUMBER = re.compile(r"(?:\d+|[一二三四五六七八九十]+)\s*(?:年以来|年初|年底|年来|年|月份|月|日)|每年初?|每月")


def extract_relations(document: Document) -> Document:
    """The document with the relations its sentences state added (existing ones kept, merged)."""
    report = document.report
    entities = {entity.key: entity for entity in document.entities}
    names = OrgNames(document)
    labels = body_labels(entities)
    reporting_body = document.reporting_body or named_reporting_body(document, names) or only_committee(document)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in document.mentions:
        if mention.entity is not None:
            by_sentence[mention.sentence].append(mention)
    kinds = {paragraph.index: paragraph.kind for paragraph in report.paragraphs}
    speakers = {p.index: p.begin for p in report.paragraphs if p.speaker}  # 答：… opens with its speaker
    plans = plan_sections(report)
    planned = planned_answers(report) | quoted_items(report)
    meeting_body: str | None = None  # the holder of the meeting the report names first (its subject), for 大会/会议
    # A news item whose speaking body neither a byline nor its title gives (only counted from the
    # text): a clause without a subject is the act of the actor named last, not of that body.
    meta = report.metadata
    guessed = meta.author_post is None and bool(meta.reporting_body and meta.title) and meta.reporting_body not in meta.title
    topic: tuple[str, ...] = ()
    writer = _first_person(document, entities)
    plan_runs_on = False  # the sentence before was a plan cut by ；
    subject_runs_on: tuple[str, ...] | None = None  # the subject of a sentence cut by ；, for the next one

    evidence: dict[Fact, set[Evidence]] = defaultdict(set)
    for relation in document.relations:
        evidence[(relation.subject, relation.predicate, relation.object, relation.post)].update(relation.evidence)
    for sentence in report.sentences:
        kind = kinds.get(sentence.paragraph, "body")
        mentions = by_sentence.get(sentence.index)
        if not mentions or kind in _NO_FACTS:
            continue
        view = SentenceView(report.text, sentence.begin, sentence.end, mentions)
        reader = _SentenceReader(view, reporting_body, entities, names, labels, meeting_body)
        reader.planned = plan_runs_on
        reader.runs_on = subject_runs_on
        reader.writer = writer
        if guessed:
            reader.topic = topic
        if speakers.get(sentence.paragraph) == sentence.begin:
            reader.opening = after_speaker(report.text, sentence.begin, sentence.end)
        else:
            reader.opening = after_dateline(report.text, sentence.begin, sentence.end)
        stated = kind not in _NO_STATEMENTS and sentence.section not in plans and sentence.paragraph not in planned
        facts = reader.facts(statements=stated)
        meeting_body = reader.opening_meeting_holder() or meeting_body or reader.last_meeting_holder()
        for fact in facts:
            if allowed(fact[0], fact[1], fact[2], entities):
                evidence[fact].add(Evidence(report.key, sentence.begin, sentence.end))
        cut = report.text[sentence.begin : sentence.end].rstrip().endswith(("；", ";"))
        plan_runs_on = reader.planned and cut
        subject_runs_on = reader.last_subject if cut and stated else None
        if reader.named_subject and all(entities[k].cls in _ACTORS for k in reader.named_subject if k in entities):
            topic = reader.named_subject  # read once the sentence's facts are (its clauses name it)

    relations = tuple(
        Relation(subject, predicate, obj, tuple(sorted(found)), post)
        for (subject, predicate, obj, post), found in sorted(
            evidence.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3] or "")
        )
        if found
    )
    return replace(document, relations=relations)


@cache
def _lead_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """One step past a clause's opening: whitespace, a time (2023年, 每年初) or a marker word."""
    words = sorted((w for w, role in markers().items() if role in roles), key=len, reverse=True)
    return re.compile(rf"\s+|{_LEAD_NUMBER.pattern}|{'|'.join(map(re.escape, words))}")


_HEARINGS = ("听取", "审议")
_REPORT_AFTER = re.compile("(?:的)?(?:(?:执行)?情况)?(?:专项|综合)?的?报告")
_REPORTS = ("报告", "汇报")
_TITLE_LIST = re.compile("了?关于[^，。；,;]*?(?:、|和)关于")
_GENERIC_ACTIVITIES = frozenset(word_list("activities.generic_activities"))


def allowed(subject: str, predicate: str, obj: str, entities: dict[str, Entity]) -> bool:
    """Whether ``subject predicate obj`` respects the property's domain and range (and is no loop)."""
    schema = relation_schema().get(predicate)
    if schema is None or subject == obj or subject not in entities or obj not in entities:
        return False
    domain, range_ = schema
    if predicate == "reviewed" and (entities[obj].label.startswith(_HEARINGS) or entities[obj].label.endswith(_REPORTS)):
        # 听取审议关于…审议结果的报告: the hearing is what is done; 审议《关于…工作情况的报告》: the report
        # is how the work reviewed is put before the body (graph contract: reviewed is the report's subject)
        return False
    if predicate == "concerns" and entities[subject].label in _GENERIC_ACTIVITIES:
        return False  # 专题讲座, 研讨交流: a kind of activity in general concerns no one topic
    return entities[subject].cls in domain and entities[obj].cls in range_


def _first_person(document: Document, entities: dict[str, Entity]) -> str | None:
    """The person a signed piece speaks as: its author, where the byline gives no post in a body
    (a deputy's own column, not a committee chairman's article) and the author is no reporter."""
    author = entities.get(document.author or "")
    meta = document.report.metadata
    if author is None or author.cls != "Person" or meta.author_post:
        return None
    return None if reported_by(document, author.label) else author.key


def _objects_end(view: SentenceView, objects: list[str]) -> int:
    """Where the last mention of ``objects`` in the sentence ends."""
    return max((m.end for m in view.mentions if m.entity in objects), default=view.end)


_INSTRUMENT_LEAD = re.compile(r"^(?:关于(?:修改|废止)[〈《]?)?")  # (关于批准…的决定 is the province's own)


def _lower_instrument(body: str, instrument: str) -> bool:
    """Whether ``instrument`` is a city's, a prefecture's or a county's of the province whose
    standing committee ``body`` is (泉州市…条例 and 福建省人民代表大会常务委员会)."""
    if not body.endswith(_PROVINCIAL_COMMITTEE):
        return False
    province = place_named(body[: -len(_PROVINCIAL_COMMITTEE)])
    if province is None or province.kind not in ("province", "region"):
        return False
    name = instrument[_INSTRUMENT_LEAD.match(instrument).end() :]
    opening = opening_place(name)
    own = place_named(opening) if opening else None
    return own is not None and own.kind in ("city", "prefecture", "county") and own.province in (None, province.name)


_PROVINCIAL_COMMITTEE = "人民代表大会常务委员会"


class _SentenceReader:
    """The facts one sentence states."""

    def __init__(
        self,
        view: SentenceView,
        reporting_body: str | None,
        entities: dict[str, Entity],
        names: OrgNames,
        labels: dict[str, str] | None = None,
        meeting_body: str | None = None,
    ) -> None:
        self.view = view
        self.meeting_body = meeting_body  # the body holding the meeting the report is about
        self.topic: tuple[str, ...] | None = None  # in a news item, the actor the text named last
        self.named_subject: tuple[str, ...] | None = None  # the last subject this sentence names
        self.text = view.text
        self.reporting_body = reporting_body
        self.writer: str | None = None  # the person a signed piece speaks as (我, 我们), if one
        self.entities = entities
        self.names = names
        self.labels = labels
        self.counted = counted(view, entities)
        self.opening = view.begin  # where the first clause's words start (after 答：)
        # a plan that runs on from the sentence before, an item of a list cut by ；(建议议程：A；B；C。)
        self.planned = False
        # the subject of the sentence before when it ended with ；(会议表决通过了A；表决通过了B): the
        # next one goes on with it; and this sentence's last subject, for the one after
        self.runs_on: tuple[str, ...] | None = None
        self.last_subject: tuple[str, ...] | None = None
        self._skipped: dict[tuple[int, int, tuple[str, ...]], int] = {}

    def cls(self, mention: Mention) -> str:
        return class_of(mention, self.entities)

    def facts(self, *, statements: bool = True) -> Iterator[Fact]:
        for statistic, keys in self.counted.items():
            for key in keys:
                yield (statistic.entity or "", "counts", key, None)
        yield from memberships(self.view, self.entities, self.names.find)
        yield from deputies(self.view, self.entities)
        yield from declared_posts(self.view, self.entities)
        yield from bodiless_posts(self.view, self.entities, self.meeting_body or self.reporting_body)
        yield from executive_chairs(self.view, self.entities)
        yield from government_leaders(self.view, self.entities, self.names.find)
        yield from leaders_listed(self.view, self.entities)
        yield from leaders_titled_after(self.view, self.entities, self.names.find, self.meeting_body or self.reporting_body)
        yield from bracketed_posts(self.view, self.entities)
        yield from signed_orders(self.view, self.entities)
        yield from titled_members(self.view, self.entities, self.labels)
        yield from organs(self.view, self.entities, self.labels)
        if statements:
            yield from self._statements()

    def _expand(self, mentions: Iterable[Mention]) -> list[str]:
        """Entity keys of ``mentions``, a statistic standing for what it counts."""
        keys: list[str] = []
        for mention in mentions:
            if self.cls(mention) == "Statistic" and mention in self.counted:
                keys.extend(self.counted[mention])
            elif mention.entity:
                keys.append(mention.entity)
        return list(dict.fromkeys(keys))

    # -- verbs and topics --------------------------------------------------------------------

    def _statements(self) -> Iterator[Fact]:
        view = self.view
        if self.runs_on:
            default = self.runs_on
        elif self.topic is not None:  # a news item: the actor named last, not a guessed speaker
            default = self.topic
        else:
            default = (self.reporting_body,) if self.reporting_body else ()
        chain: tuple[str, ...] = default  # the subject carried through the sentence's clauses
        causee: tuple[str, ...] | None = None
        future = self.planned  # after 将/拟/计划 + verb the rest of the sentence is a plan, not a fact
        listed: tuple[tuple[str, ...], str] | None = None  # (subjects, predicate) of titles passed, for a list going on
        passed: tuple[str, ...] = ()  # 《X》经A通过，B批准: the instruments a passive's first clause names
        previous: tuple[int, int] | None = None  # the clause before this one
        for clause in view.clauses:
            before, previous = previous, clause
            cues = view.cues_in(*clause)
            if listed is not None and not cues and not future:
                titles = self._titles_only(clause)
                if titles:  # 通过了关于…的决定(草案)，…议程(草案)、日程(草案)，…选举办法(草案): the list goes on
                    for subject in listed[0]:
                        for title in titles:
                            yield (subject, listed[1], title, None)
                    continue
            listed = None
            explicit = self._explicit_subject(clause)
            carried = chain
            if explicit is not None:
                chain = explicit
                if explicit:
                    self.named_subject = explicit
            opens_with_continue = (bool(cues) and cues[0].role == "continue" and not self.text[clause[0] : cues[0].begin].strip()) \
                or self.text[clause[0] : clause[1]].lstrip().startswith(_RESPECTIVELY)  # 委托A、B，分别…: A and B act
            if not opens_with_continue:
                causee = None
            if self._opens_with(clause, "plan") or _AGENDA.search(self.text, *clause):
                future = True  # 下一步，…; 今后五年，…; 会议的建议议程是，审议…: plans, not deeds
            self.planned = future
            partners = self._partners(clause)
            if partners:  # 与上海市、江苏省人大常委会同步制定…: they act with the subject
                chain = tuple(dict.fromkeys(chain + partners))
            actors = () if self._whole_place_acts(clause) else chain
            if not future:
                for acting in self._activities_as_predicate(clause):
                    for subject in causee if causee is not None else actors:
                        yield (subject, "conducted", acting, None)
            for index, cue in enumerate(cues):
                if cue.role == "causer":
                    causee = self._causee(cue, cues[index + 1 :], clause, causee)
                if cue.role == "modal" and (
                    self._next_verb_near(cue, cues[index + 1 :], causer=True) or self._adverb_after(cue, cues[index + 1 :])
                ):
                    future = True
                if cue.role == "speech":  # 黄志明介绍，条例明确…: what follows is what was said
                    chain = actors = ()
                if not cue.is_verb or cue.trigger is None or future:
                    continue
                if cue.trigger.predicate == "conducted" and _DECIDED_TO.search(self.text, clause[0], cue.begin):
                    continue  # (会议)决定本月25日召开常委会第三十二次会议: a meeting decided on, not held
                chaired = cue.trigger.predicate == "conducted" and self.text.endswith("主持", clause[0], cue.begin)
                agent = self._agent(clause, cue, cues)
                subjects = agent[0] if agent else causee if causee is not None else actors
                if cue.trigger.predicate == "inspected" and (group := self._reporting_group(cue.begin)) is not None:
                    subjects = (group,)  # 听取了市人大常委会执法检查组关于检查…实施情况的报告: the group inspected
                objects = self._objects(clause, cue, cues, agent[1] if agent else None)
                if objects and _ANNIVERSARY.match(self.text, _objects_end(self.view, objects)):
                    continue  # 地方人大设立常委会40周年: an anniversary, no act
                if cue.trigger.predicate in _PASSED:
                    if agent is not None and objects:
                        passed = tuple(objects)
                    elif not objects and (explicit or agent is not None) and _CLAUSE_ENDS_AT.match(self.text, cue.end, clause[1]) \
                            and (elided := passed or (self._titles_ending(before) if before is not None else ())):
                        # 《X》经市人大常委会会议通过，省人大常委会会议于…批准; …《X》(以下简称《条例》)，省人大常委会
                        # 已经于12月1日批准, 《X》，…由市人大常委会会议审议通过，…经省人大常委会会议审查批准: the
                        # instruments named before (a passive's, or those the clause before ends with), the
                        # clause's elided object
                        objects = list(elided)
                        passed = elided
                if len(subjects) > 1 and len(subjects) == len(objects) and _RESPECTIVELY in self.text[clause[0] : cue.begin]:
                    # 委托A、B、C…分别开展对《X》《Y》《Z》的执法检查: each its own, in order
                    pairs = list(zip(subjects, objects))
                else:
                    pairs = [(subject, obj) for subject in subjects for obj in objects]
                if cue.trigger.predicate in ("enacted", "approved") and objects and all(self._is(o, INSTRUMENT_CLASSES) for o in objects) \
                        and not self.text[_objects_end(self.view, objects) : clause[1]].strip(" （()）草案"):
                    listed = (tuple(subjects), cue.trigger.predicate)
                for subject, obj in pairs:
                    predicate = cue.trigger.predicate
                    if chaired and self.entities[subject].cls == "Person":
                        continue  # 周树群主持召开第四次主任会议, 赵乐际主持召开座谈会: the chair presides, holds no meeting
                    if predicate == "reviewed" and ((self._is(obj, BILL_CLASSES) and not self._in_force(obj)) or is_session_paper(self.entities[obj].label)):
                        continue  # 听取…关于《X条例(草案)》的说明: a bill's reading, not a report on a law in force; a session's papers
                    if predicate == "enacted" and self._titled_revision(obj):
                        yield (subject, "revised", obj, None)  # 表决通过《…条例（修订）》: the revised text passed, both
                    elif predicate == "enacted" and self._revision(obj):
                        predicate = "revised"  # 通过了…法修订草案, 表决通过新修订的《…》: a law revised
                    elif predicate == "enacted" and _lower_instrument(self.entities[subject].label, self.entities[obj].label):
                        predicate = "approved"  # 省人大常委会…表决通过了《泉州市…条例》: a province passes a city's law by approving it
                    yield (subject, predicate, obj, None)
            if not future:
                for topic in self._report_topics(clause, cues):
                    for subject in actors:
                        yield (subject, "reviewed", topic, None)
            if explicit and self._authors_report(clause):
                chain = carried  # …，区政府关于…的审计工作报告，通过了…: the report's author acts in its title only
        self.last_subject = chain
        if not future:
            yield from self._topics()

    def _in_force(self, key: str) -> bool:
        """Whether the sentence speaks of ``key``'s implementation (…法实施情况的报告, 落实《条例》
        情况): a law in force whose report is reviewed."""
        for mention in self.view.mentions:
            if mention.entity == key and _IMPLEMENTATION.match(self.text, mention.end):
                return True
        return False

    def _titles_ending(self, clause: tuple[int, int]) -> tuple[str, ...]:
        """The instruments a clause ends with (…地方性法规《惠州市历史文化名城保护条例》(以下简称“《条例》”)),
        if it ends with one."""
        text = self.text[clause[0] : clause[1]].rstrip("，,；; ")
        alias = _ALIAS_AT_END.search(text)
        stop = clause[0] + len(text[: alias.start() if alias else len(text)].rstrip(" 》"))
        last = max((m for m in self.view.mentions if stop - 1 <= m.end <= stop), key=lambda m: (m.end, m.end - m.begin), default=None)
        if last is None or not last.entity or not self._is(last.entity, INSTRUMENT_CLASSES):
            return ()
        return (last.entity,)

    def _titled_revision(self, key: str) -> bool:
        """Whether the sentence names ``key`` by a title that carries its revision (《…条例（修订）》)."""
        return any(m.entity == key and _REVISED_NOTE.search(self.text, m.begin, m.end) for m in self.view.mentions)

    def _revision(self, key: str) -> bool:
        """Whether the sentence names ``key`` as a revision: a draft revising it (矿产资源法修订草案)
        or the revised text (新修订的《…条例》)."""
        for mention in self.view.mentions:
            after = self.text[mention.end : mention.end + 5].lstrip("》").lstrip("（(")  # 《…条例》(修订): revised
            if mention.entity == key and (
                self.text.endswith(_REVISION_DRAFTS, mention.begin, mention.end) or after.startswith(_REVISION_DRAFTS)
                or after.startswith(("修订）", "修订)", "修正）", "修正)"))
                or self.text.endswith(_REVISED_BEFORE, self.view.begin, mention.begin)
            ):
                return True
        return False

    def _activities_as_predicate(self, clause: tuple[int, int]) -> list[str]:
        """Activities named as the clause's own verb phrase: 听取审议…报告, 专题调研…, 检查…实施情况
        at the clause's start (after time words and a few adverbs: 首次听取审议…), with those
        coordinated with them (听取审议A报告、B报告), are what the clause's subject did."""
        at = self._skip_lead(*clause, roles=("lead", "adverb"))
        first = self.view.mention_at(at)
        if first is not None and (self.cls(first) in _ACTORS or self.cls(first) == "Event" and self._holder(first)):
            # 常委会听取和审议…, 市十六届人大常委会第十次会议听取和审议了…: past the subject
            at = self._skip_lead(first.end, clause[1], roles=("adverb",))
            first = self.view.mention_at(at)
        elif first is None and (meeting := _MEETING_AS_SUBJECT.match(self.text, at, clause[1])):  # 会议听取和审议了…
            at = self._skip_lead(meeting.end(), clause[1], roles=("adverb",))
            first = self.view.mention_at(at)
        if first is None or self.cls(first) not in _ACTIVITIES:
            return self._visits(clause)
        run = self.view.linked_run(first.begin, clause[1], reach=0)
        activities = []
        for mention in run:
            if self.cls(mention) not in _ACTIVITIES or mention.end > clause[1]:
                break
            activities.append(mention.entity or "")
        return activities

    def _visits(self, clause: tuple[int, int]) -> list[str]:
        """Activities named by their kind after the place a visit goes to (李萍一行赴淞南镇调研, 栗战书
        委员长到贵州调研人大工作): what the clause's subject did there."""
        found = []
        for mention in self.view.mentions:
            if clause[0] <= mention.begin < clause[1] and mention.entity and self.cls(mention) in _ACTIVITIES \
                    and _VISIT_BEFORE.search(self.text, max(clause[0], mention.begin - 20), mention.begin):
                found.append(mention.entity)
        return found

    def _report_topics(self, clause: tuple[int, int], cues: list[Cue]) -> list[str]:
        """The work a report heard and voted on is on (审议通过了县政府关于|农村人居环境整治工作|情况的
        报告): an Activity named right after 关于 in a report's name, after a verb of review or passing."""
        # (a list of reports' titles cut by commas goes on the verb before it: 听取和审议了关于A的报告,关于B的报告)
        verbs = self.view.cues if self.text[clause[0] : clause[1]].lstrip().startswith("关于") else cues
        found = []
        for mention in self.view.mentions:
            if not clause[0] <= mention.begin < clause[1] or self.cls(mention) not in _REPORTED_ON or not mention.entity \
                    or not self.text.endswith("关于", 0, mention.begin) or not _REPORT_AFTER.match(self.text, mention.end):
                continue
            if any(c.trigger is not None and c.trigger.predicate in ("reviewed", "enacted") and c.end <= mention.begin for c in verbs):
                found.append(mention.entity)
        for begin, end, _, _ in report_items(self.text, *clause):  # 听取审议了县政府关于A、B、C等报告: each item's
            inside = [m for m in self.view.mentions if begin - 1 <= m.begin and m.end <= end + 4 and m.begin < end and m.entity
                      and self.cls(m) not in _NOT_REPORTED_ON]
            if inside and meeting_heard(self.text, begin):
                found.append(max(inside, key=lambda m: (m.end - m.begin, -m.begin)).entity or "")
        return list(dict.fromkeys(found))

    def _partners(self, clause: tuple[int, int]) -> tuple[str, ...]:
        """The bodies a clause opens with after 与/会同/联合: they act together with its subject."""
        at = self._skip_lead(*clause)
        cue = self.view.cue_at(at, "partner")
        if cue is None:
            return ()
        run = self.view.linked_run(cue.end, clause[1], reach=0)
        return tuple(m.entity for m in run if m.entity and self.cls(m) in _ACTORS)

    def _causee(
        self, causer: Cue, following: list[Cue], clause: tuple[int, int], current: tuple[str, ...] | None
    ) -> tuple[str, ...] | None:
        """Who acts after 报请/推动/督促: the body named next (报请市委转发); nobody known when a
        verb follows at once (推动出台《…》: someone else issues it)."""
        actor = self._actor_after(causer.end, clause[1])
        if actor is not None:
            return actor
        if self._next_verb_near(causer, following):
            return ()
        return current

    def _adverb_after(self, cue: Cue, following: list[Cue]) -> bool:
        """Whether an adverb follows ``cue`` at once (将认真贯彻…, 将继续…): a plan."""
        return bool(following) and following[0].role == "adverb" and following[0].begin == cue.end

    def _next_verb_near(self, cue: Cue, following: list[Cue], *, causer: bool = False) -> bool:
        """Whether a trigger (or, with ``causer``, 督促/推动…) follows ``cue`` within a few
        characters (将继续开展, 推动出台, 将督促市政府…)."""
        verb = next((c for c in following if c.is_verb or (causer and c.role == "causer")), None)
        if verb is None:
            return False
        between = self.text[cue.end : verb.begin]
        return len(between) <= _NEAR and not any(m.begin < verb.begin and m.end > cue.end for m in self.view.mentions)

    def _explicit_subject(self, clause: tuple[int, int]) -> tuple[str, ...] | None:
        """The subject a clause names at its start; () when it names one that is not known."""
        at = self._skip_lead(*clause)
        cue = self.view.cue_at(at)
        if cue is not None and cue.role == "self":  # 我们: the speaker, unless only guessed
            if self.writer is not None:
                return (self.writer,)  # a deputy's own piece: 我们…成立国富种植合作社
            return (self.reporting_body,) if self.reporting_body and self.topic is None else ()
        if cue is not None and cue.role == "none":
            return ()  # 我市出台…: the city acts, not the speaker, and the city is no body
        if self.meeting_body and _MEETING_AS_SUBJECT.match(self.text, at, clause[1]):
            return (self.meeting_body,)  # 大会表决通过…, 会议听取了…: the body whose meeting it is
        mention = self.view.mention_at(at)
        collective = self._collective(at)
        if collective is not None:  # 全市325个代表小组…: the groups (全市建成…: see _statements)
            mention = self.view.mention_at(collective.end)
            if mention is None or mention.begin > collective.end + 1:
                return None
        if mention is None or mention.end > clause[1]:
            return None
        cls = self.cls(mention)
        if cls == "Statistic":
            bodies = [k for k in self.counted.get(mention, ()) if self.entities[k].cls in _ACTORS]
            return tuple(bodies) or None
        if cls == "Event":
            if _WHEN.fullmatch(self.text, mention.end, clause[1]):
                return None  # 市十五届人大二次会议期间，组织代表…: a time, not the meeting acting
            holder = self._holder(mention)
            return (holder,) if holder else ()
        if cls == "Place" and any(c.is_verb and c.begin == mention.end for c in self.view.cues):
            return ()  # 杭州出台…条例: the city acts as a whole, no known body
        if cls not in _ACTORS:
            return None
        run = self._coordinated(mention, clause[1])
        if self.text.startswith("的", run[-1].end):
            return None  # 市委的领导: a possessive, not a subject
        post = post_pattern().match(self.text, run[-1].end, clause[1])
        person = self.view.mention_at(post.end()) if post and cls == "Organization" else None
        if person is not None and self.cls(person) == "Person" and person.entity:
            if (leads := _LEADS.match(self.text, person.end, clause[1])):
                # 县人大常委会副主任张卫东带队，到…开展调研: a delegation acts for the body; …率领执法
                # 检查组…: the group it names (an organ of the body) acts
                group = self.view.mention_at(leads.end())
                if group is not None and group.entity and self.cls(group) == "Organization" and _GROUP.search(self.entities[group.entity].label):
                    return (group.entity,)
                # 省人大常委会党组成员、副主任徐明华带队: the leader leads for the committee, not its party group
                return tuple(dict.fromkeys(self._body_of_group(m.entity, post.group(1)) for m in run if m.entity))
            return (person.entity,)  # 市人大常委会法工委主任黄志明介绍: the person speaks
        return tuple(m.entity for m in run if m.entity)

    def _reporting_group(self, at: int) -> str | None:
        """The inspection group whose report on its inspection the words at ``at`` begin (…执法检查组
        关于|检查…实施情况的报告), if any."""
        if not self.text.startswith("关于", at - 2):
            return None
        group = next((m for m in self.view.mentions if m.end == at - 2 and self.cls(m) == "Organization"), None)
        if group is None or not group.entity or not self.entities[group.entity].label.endswith("检查组"):
            return None
        return group.entity

    def _body_of_group(self, body: str, posts: str) -> str:
        """The body a leader acts for: a party group's (…党组) own body where the posts held
        include one of that body's (党组成员、副主任)."""
        label = self.entities[body].label
        if not label.endswith(_PARTY_GROUP) or all(p.startswith(_PARTY_GROUP) or p == "成员" for p in posts.split("、")):
            return body
        return self.names.find(label[: -len(_PARTY_GROUP)]) or body

    def _titles_only(self, clause: tuple[int, int]) -> list[str]:
        """The instruments a clause is a list of and nothing else (…议程(草案)、日程(草案)), else []."""
        found = self.view.maximal(*clause, ending_by=clause[1])
        keys = [m.entity for m in found if m.entity and self._is(m.entity, INSTRUMENT_CLASSES)]
        if not keys or len(keys) != len(found):
            return []
        ordered = sorted(found, key=lambda m: m.begin)
        gaps = "".join(self.text[a:b] for a, b in zip([clause[0], *(m.end for m in ordered)], [*(m.begin for m in ordered), clause[1]]))
        return keys if not re.sub(r"[\s、，,；;。和及（()）草案]", "", gaps) else []

    def _authors_report(self, clause: tuple[int, int]) -> bool:
        """Whether the clause opens with the bodies whose report it names (区政府关于…的报告)."""
        mention = self.view.mention_at(self._skip_lead(*clause))
        if mention is None or self.cls(mention) != "Organization":
            return False
        return self.text.startswith(("关于", "《关于"), self._coordinated(mention, clause[1])[-1].end)

    def _collective(self, at: int) -> Cue | None:
        return self.view.cue_at(at, "collective")

    def _whole_place_acts(self, clause: tuple[int, int]) -> bool:
        """全市建成代表联络站152个: the whole city did it, no known body (in this clause only)."""
        collective = self._collective(self._skip_lead(*clause))
        if collective is None:
            return False
        mention = self.view.mention_at(collective.end)
        return mention is None or mention.begin > collective.end + 1

    def _opens_with(self, clause: tuple[int, int], role: str) -> bool:
        at = self._skip_lead(*clause)
        return self.view.cue_at(at, role) is not None

    def _skip_lead(self, begin: int, end: int, roles: tuple[str, ...] = ("lead",)) -> int:
        """Past the time words (and other ``roles`` of markers) that may open a clause before its
        subject."""
        key = (begin, end, roles)
        found = self._skipped.get(key)
        if found is not None:
            return found
        pattern = _lead_pattern(roles)
        at = max(begin, self.opening)
        while at < end and at not in self.view.starts:
            match = pattern.match(self.text, at, end)
            if not match or match.end() == at:
                break
            at = match.end()
        self._skipped[key] = at
        return at

    def opening_meeting_holder(self) -> str | None:
        """The body holding the meeting this sentence opens with, its subject (十三届全国人大常委会
        第五次会议31日下午在北京闭幕): from here on, what 会议 and 大会 stand for."""
        at = self._skip_lead(self.view.begin, self.view.end)
        if at > self.view.begin and self.text[at : at + 1] in ("，", ","):  # 11月30日下午，…会议召开…
            at = self._skip_lead(at + 1, self.view.end)
        mention = self.view.mention_at(at)
        if mention is not None and mention.entity and self.cls(mention) == "Organization" \
                and _CONVENES_OWN.match(self.text, mention.end, self.view.end):
            return mention.entity  # 睢宁县选举委员会召开第一次会议: a body's own numbered meeting, what 会议 stands for
        if mention is None or self.cls(mention) != "Event" or _WHEN.match(self.text, mention.end, self.view.end):
            return None
        return self._holder(mention)

    def last_meeting_holder(self) -> str | None:
        """The body holding the last meeting this sentence names, if it names one."""
        meetings = self.view.of_class("Event", self.entities)
        return next((h for m in reversed(meetings) if (h := self._holder(m))), None)

    def _holder(self, meeting: Mention) -> str | None:
        """The body holding a meeting: named inside it, or its name without the session numbers."""
        for inner in self.view.nested(meeting):
            if self.cls(inner) == "Organization" and inner.entity:
                return inner.entity
        written = self.text[meeting.begin : meeting.end]
        body = _MEETING_WORDS.sub("", _SESSION.sub("", written))
        return self.names.find(body) if body and body != written else None

    def _actor_after(self, begin: int, end: int) -> tuple[str, ...] | None:
        """The body or person named right after a marker (经, 由, 报请)."""
        mention = self.view.mention_at(begin)
        if mention is None and self.meeting_body and _MEETING_AS_SUBJECT.match(self.text, begin, end):
            return (self.meeting_body,)  # 《…条例》经会议表决通过: the body whose meeting it is
        if mention is None or mention.begin - begin > 1 or mention.end > end:
            return None
        cls = self.cls(mention)
        if cls == "Event":
            holder = self._holder(mention)
            return (holder,) if holder else ()
        if cls not in _ACTORS or not mention.entity:
            return None
        # 委托丰都、璧山、九龙坡等区县人大常委会: each body listed
        return tuple(dict.fromkeys(m.entity for m in self._coordinated(mention, end) if m.entity))

    def _coordinated(self, mention: Mention, end: int) -> list[Mention]:
        """``mention`` and the mentions of its class coordinated after it (、和与及) before ``end``."""
        run = [mention]
        while True:
            gap = re.match(r"\s*(、|和|与|及)\s*", self.text[run[-1].end : end])
            following = self.view.mention_at(run[-1].end + gap.end()) if gap else None
            if following is None or self.cls(following) != self.cls(mention):
                return run
            run.append(following)

    def _agent(self, clause: tuple[int, int], verb: Cue, cues: list[Cue]) -> tuple[tuple[str, ...], Cue] | None:
        """The actor of a passive (经…审议通过, 由…制定) and its marker, if ``verb`` has one."""
        before = [c for c in cues if c.end <= verb.begin]
        for cue in reversed(before):
            if cue.is_verb and self.text[cue.end : cue.end + 1] == "的":
                continue  # 参加区人大常委会开展的《…》执法检查: a relative clause's verb, its actor ahead
            if cue.is_verb:
                return None
            if cue.role == "agent":
                actor = self._actor_after(cue.end, verb.begin)
                if actor is not None:
                    return actor, cue
        return None

    def _objects(self, clause: tuple[int, int], verb: Cue, cues: list[Cue], agent: Cue | None) -> list[str]:
        trigger = verb.trigger
        assert trigger is not None
        domain_range = relation_schema().get(trigger.predicate)
        if domain_range is None:
            return []
        wanted = domain_range[1] & trigger.objects if trigger.objects else domain_range[1]
        later = [c for c in cues if c.begin >= verb.end and c.ends_objects and not self._names_activity(c)
                 and not (self.text[c.begin - 1 : c.begin] in "（(" and self.text[c.end : c.end + 1] in "）)")  # 《…》(修订): a note
                 and not (self.text[c.begin - 2 : c.begin] in ("报请", "提请") and self.text.startswith("的《", c.end))]  # 通过了…报请批准的《…》
        stop = later[0].begin if later else clause[1]
        for name in (*self.view.of_class("Activity", self.entities), *self.view.of_class("SupervisionActivity", self.entities)):
            if name.begin <= verb.begin and verb.end <= name.end:  # a trigger inside an activity's name speaks of that name
                stop = min(stop, name.end)
        earlier = [c for c in cues if c.end <= verb.begin and c.ends_objects]
        start = earlier[-1].end if earlier else clause[0]
        if trigger.form == "backward":
            found = self.view.linked_run_before(start, verb.begin)
        elif self.text.startswith("的", verb.end):  # 常委会审议通过的《…》中明确…: the name the 的 heads
            found = self.view.linked_run(verb.end + 1, stop, 1)
        elif trigger.reach is not None:
            found = self.view.linked_run(verb.end, stop, trigger.reach)
        elif trigger.form == "phrase":
            found = self.view.maximal(verb.end, stop, ending_by=clause[1])
        else:
            found = self.view.head_run(verb.end, stop, clause[1])
        objects = [k for k in self._expand(self._inside_inspections(found, wanted)) if self._is(k, wanted)]
        if not objects:  # “加强耕地保护”开展专题询问: the trigger inside the activity it names
            objects = [k for k in self._expand(self._around(verb)) if self._is(k, wanted)]
        if not objects:
            fronted = self._fronted(verb, cues)
            objects = [k for k in self._expand(fronted) if self._is(k, wanted)]
        if _TITLE_LIST.match(self.text, verb.end):
            # 表决通过了关于A的报告、关于B的决定和关于C的意见: a list of titles, one not a name of
            # the kind wanted (A's report) before those that are: each title of the list
            listed = self.view.maximal(verb.end, stop, ending_by=clause[1])
            objects += [k for k in self._expand(listed) if self._is(k, wanted) and k not in objects]
        if agent is not None:  # 《X》经…审议通过: the object comes first
            fronted = self.view.maximal(clause[0], agent.begin, ending_by=agent.begin)
            if not fronted and not objects and self._skip_lead(*clause) == agent.begin:
                # 《X》由A审议通过，经B批准: a clause opening with its agent speaks of the sentence's topic
                first = self.view.clauses[0]
                opening = next((c for c in self.view.cues_in(*first) if c.role == "agent"), None)
                if opening is not None and first != clause:
                    fronted = self.view.maximal(first[0], opening.begin, ending_by=opening.begin)
                elif first != clause and self.text[first[0] : first[1]].rstrip(" ,，")[-1:] == "》":
                    # A审议通过的《X》，（2021年5月28日）经B批准: the title the first clause ends with
                    last = len(self.text[: first[1]].rstrip(" ,，"))
                    fronted = [m for m in self.view.maximal(first[0], last, ending_by=last) if m.end >= last - 1][-1:]
            objects += [k for k in self._expand(fronted) if self._is(k, wanted) and k not in objects]
        return objects

    def _names_activity(self, cue: Cue) -> bool:
        """Whether a trigger is, or is inside, the name of an activity (调研, 执法检查 and 听取 in
        开展专题调研、执法检查、听取专项工作报告): one of a list of objects, not a verb that ends it."""
        return any(m.begin <= cue.begin and cue.end <= m.end and self.cls(m) in _ACTIVITIES for m in self.view.mentions)

    def _inside_inspections(self, found: list[Mention], wanted: frozenset[str]) -> list[Mention]:
        """``found`` with an activity that is not wanted replaced by the wanted names inside it:
        in 《A》和《B》执法检查 the law is the object of 执法检查, 《A》 the inspection of A; a count that
        counts nothing stands for the wanted name it ends with."""
        names: list[Mention] = []
        for mention in found:
            inner = [m for m in self.view.nested(mention) if self.cls(m) in wanted] if self.cls(mention) in _ACTIVITIES and self.cls(mention) not in wanted else []
            if self.cls(mention) == "Statistic" and mention not in self.counted:
                # 开展12部法律法规执法检查: a count of the laws, the inspection at its end
                inner = [m for m in self.view.nested(mention) if m.end == mention.end and self.cls(m) in wanted]
            names.extend(inner or [mention])
        return names

    def _around(self, verb: Cue) -> list[Mention]:
        """Activities whose name holds ``verb`` past its first word (“…”开展专题询问)."""
        return [
            m
            for m in self.view.mentions
            if self.cls(m) in _ACTIVITIES and m.begin < verb.begin and verb.end <= m.end
        ]

    def _fronted(self, verb: Cue, cues: list[Cue]) -> list[Mention]:
        """The names 对 puts before ``verb``: 对《…》进行修订, 对…开展执法检查 (a light verb such as
        开展 may stand right before the trigger; any other trigger in between ends the search)."""
        light = verb.begin
        for cue in reversed([c for c in cues if c.end <= verb.begin]):
            if cue.is_verb and not self.text[cue.end : light].strip(" 了"):  # 对《…》进行了修改
                light = cue.begin
            elif cue.ends_objects:
                return []
            elif cue.role == "object":
                return self.view.linked_run(cue.end, light, reach=0)
        return []

    def _is(self, key: str, classes: frozenset[str]) -> bool:
        entity = self.entities.get(key)
        return entity is not None and entity.cls in classes

    def _topics(self) -> Iterator[Fact]:
        """围绕病有所医，开展…专题询问，督办…议案 → the inquiry and the motion concern 病有所医."""
        view = self.view
        # 关于 inside a name (听取审议市政府关于…的报告) opens no topic of the sentence's own
        topics = [c for c in view.cues if c.is_topic and not any(m.begin < c.begin < m.end for m in view.mentions)]
        domain, concepts = relation_schema()["concerns"]
        for index, cue in enumerate(topics):
            clause = view.clause_of(cue.begin)
            later = [c for c in view.cues_in(cue.end, clause[1]) if c.is_verb or c.is_topic]
            window_end = later[0].begin if later else clause[1]
            # the topic heads what follows 围绕 (围绕病有所医，…), not a word inside a longer
            # phrase (紧紧围绕全镇乡村振兴工作大局: the work, not 乡村振兴, is the topic)
            found = view.head_run(cue.end, window_end, clause[1])
            subjects_of = [k for k in self._expand(found) if self._is(k, concepts)]
            if not subjects_of:
                continue
            scope_end = clause[1] if cue.trigger and cue.trigger.form == "topic-clause" else view.end
            if index + 1 < len(topics):
                scope_end = min(scope_end, topics[index + 1].begin)
            scope_begin = max((m.end for m in found), default=window_end)
            named = view.maximal(scope_begin, scope_end, ending_by=view.end)
            for subject in self._expand(named):
                if self._is(subject, domain):
                    for topic in subjects_of:
                        yield (subject, "concerns", topic, None)

