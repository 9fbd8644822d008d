"""Facts a report states as a whole, not in one sentence: the last extraction stage.

- **A headline's legislator.** A headline that names a body and its law-making
  (浙江杭州市人大常委会为“生态文明之都”建设立法) makes that body the enactor of the local
  instruments of its place that the text then names with a cue of coming into being
  (《杭州市生态文明之都建设条例》正式施行, 制定过程中…) and that no sentence gives another enactor.
  The evidence is the first sentence that names the instrument with such a cue (施行, 出台,
  制定, 通过, 颁布); the headline itself is the second evidence where it names the instrument.
- **An official's résumé.** A résumé (张三同志简历, or a paragraph opening 张三，男，汉族，) is about
  its person: every body in it followed by a post (1993年5月任中央直属机关事务管理局局长) is one the
  person held a post in (``memberOf``, the post kept), 入党 / 加入中国共产党 makes a member of the
  party, and a congress followed by 代表 a deputy of it; each fact points at its own line.
- **What a decision on an instrument does to it.** 《关于修改〈X条例〉的决定》 revises X, 关于批准X条约
  的决定 approves X, 关于废止X的决定 repeals X: whoever enacted or adopted the decision (as the
  sentences say) did so to X, with the same evidence.

- **A law's header.** An instrument's title line and the bracketed line under it that records its
  making (…第四次会议通过 …第二十三次会议批准): each meeting's body enacted, approved or revised it;
  after 根据, the meetings made the amending decision named next (…批准的《关于修改〈X〉的决定》修正),
  and the body that passed it revised X; the facts point at the bracketed line.
- **A signed notice.** An announcement or notice (…公告 第二号, …主席团公告) and the body whose name
  alone signs it in a line after it: the body issues it; the fact points at the signature's line.

All keep the rule of the graph: every fact points at a sentence of the report that states it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..lexicon import word_list
from ..ids import entity_key
from ..model import Document, Entity, Evidence, Mention, Relation
from .candidates import BILL_CLASSES, INSTRUMENT_CLASSES
from .instruments import NOTICE_TERM, ORDER_NUMBER
from .meetings import body_inside
from .patterns import lazy
from .relation_context import reported_by
from .relation_cues import post_pattern

__all__ = ["document_facts"]

# The headline's body makes law (…人大常委会为“…”建设立法), not names the legislature (立法机关).
_LEGISLATING = re.compile("立法(?!机关|工作|权|法|者)|立规|制定(?!过程)|出台")
# A sentence that tells the instrument came into being or into force; 推动出台 is not its making.
_COMING_INTO_BEING = re.compile("(?<!推动)(?<!推进)(?<!促进)(?:施行|生效|出台|制定过程|立法过程|审议通过|表决通过|颁布)")
_BODY_ENDINGS = word_list("document_facts.body_endings")
# 关于修改〈X条例〉的决定 revises X, 关于批准X条约的决定 approves X, 关于废止X的决定 repeals X (the
# issuer may stand first: 全国人大常委会关于批准…的决定).
_NESTED_TITLE = re.compile(
    "关于(?P<verb>修改|批准|废止)[〈<＜《]?(?P<inner>[^〈〉<>＜＞《》]+?)[〉>＞》]?"
    "(?:等[一二三四五六七八九十\\d]+(?:件|部)[\u4e00-\u9fff]{0,8}?)?的决(?:定|议)$"  # 〈X〉等3件地方性法规的决定: X among them
)
_NESTED_ACT = {"修改": "revised", "批准": "approved", "废止": "repealed"}
# 关于批准广州市湿地保护规定、深圳市…的决定 (its inner titles listed, read from its mentions)
_LISTING = re.compile("关于(?P<verb>批准|废止)[^《》]+?(?:、|和|及)[^《》]*?的决(?:定|议)$")


_LAWS_OF_A_PLACE = INSTRUMENT_CLASSES - {"Suggestion", "Plan", "Opinion", "Agreement"}


def _place_of(body_label: str) -> str | None:
    """武汉市人民代表大会常务委员会 -> 武汉市: the place a congress or its committee legislates for."""
    for ending in _BODY_ENDINGS:
        if body_label.endswith(ending) and len(body_label) > len(ending):
            return body_label[: -len(ending)]
    return None


def _headline_legislator(document: Document) -> str | None:
    """The body a headline names as making law, where the title says so."""
    report = document.report
    titles = {p.index for p in report.paragraphs if p.kind == "title"}
    entities = {e.key: e for e in document.entities}
    for sentence in report.sentences:
        legislating = _LEGISLATING.search(report.text, sentence.begin, sentence.end)
        if sentence.paragraph not in titles or legislating is None:
            continue
        for mention in document.mentions:
            entity = entities.get(mention.entity or "")
            if sentence.begin <= mention.begin < legislating.start() and entity and entity.cls == "Organization" and _place_of(entity.label):
                return entity.key
    return None


def _enacted_by_headline(document: Document, body: str) -> list[Relation]:
    report = document.report
    entities = {e.key: e for e in document.entities}
    place = _place_of(entities[body].label) or ""
    enacted = {r.object for r in document.relations if r.predicate in ("enacted", "adopted", "approved")}
    found: dict[str, list[Evidence]] = defaultdict(list)
    titles = {p.index for p in report.paragraphs if p.kind == "title"}
    for mention in document.mentions:
        entity = entities.get(mention.entity or "")
        if entity is None or entity.cls not in _LAWS_OF_A_PLACE or entity.key in enacted or not entity.label.startswith(place):
            continue
        sentence = report.sentences[mention.sentence]
        evidence = Evidence(report.key, sentence.begin, sentence.end)
        cue = _COMING_INTO_BEING.search(report.text, sentence.begin, sentence.end)
        if (cue or sentence.paragraph in titles) and evidence not in found[entity.key]:
            found[entity.key].append(evidence)
    return [Relation(body, "enacted", key, tuple(sorted(evidence))) for key, evidence in sorted(found.items())]


# What a congress approves that no sentence need name alone: reports, budgets, final accounts, plans.
_APPROVABLE = re.compile("(?:报告|预算|决算|计划|规划|纲要|方案)$")
# 关于政府工作报告的决议 (a congress's resolution on a report) approves the report.
_RESOLUTION_ON_REPORT = re.compile(
    "(?:关于|^)(?P<inner>(?:(?!关于)[^〈〉<>＜＞《》“”]){2,40}?工作报告)的决议$|关于(?P<other>[^〈〉<>＜＞《》“”]{2,40}?报告)的决议$"
)


def _revisions(document: Document, relations: Iterable[Relation]) -> tuple[list[Relation], list[Entity]]:
    """What decisions and resolutions on an instrument do to it, and the reports a resolution
    names that no sentence names alone (the new entities)."""
    by_label = {e.label: e.key for e in document.entities if e.cls in INSTRUMENT_CLASSES}
    entities = {e.key: e for e in document.entities}
    found, new = [], {}
    for relation in relations:
        decision = entities.get(relation.object)
        if relation.predicate not in ("enacted", "adopted") or decision is None:
            continue
        match = _NESTED_TITLE.search(decision.label)
        inner = by_label.get(match.group("inner")) or _by_name(document, match.group("inner")) if match else None
        if match and inner is None and match.group("verb") == "批准" and _APPROVABLE.search(match.group("inner")):
            # 关于批准2023年市级决算的决议: the accounts it approves, named only inside its title
            inner = entity_key("Instrument", match.group("inner"))
            new[inner] = Entity(inner, "Instrument", match.group("inner"))
        if match and inner is not None:
            found.append(Relation(relation.subject, _NESTED_ACT[match.group("verb")], inner, relation.evidence))
            continue
        if (listing := _LISTING.search(decision.label)) is not None:  # 关于批准《A》、《B》…的决定: each of them
            act = _NESTED_ACT[listing.group("verb")]
            found += [Relation(relation.subject, act, key, relation.evidence) for key in _titles_inside(document, decision.key)]
            continue
        on_report = _RESOLUTION_ON_REPORT.search(decision.label) if decision.cls == "Resolution" else None
        if on_report is None or not _approval_stated(document, relation.evidence):
            continue
        named = on_report.group("inner") or on_report.group("other")
        report = by_label.get(named) or _by_name(document, named)
        if report is None:
            report = entity_key("Instrument", named)
            new[report] = Entity(report, "Instrument", named)
        found.append(Relation(relation.subject, "approved", report, relation.evidence))
    return found, [entity for key, entity in sorted(new.items()) if key not in entities]


def _approval_stated(document: Document, evidence: Iterable[Evidence]) -> bool:
    """Whether 批准 follows the adopting sentence in its paragraph (…的决议，批准政府工作报告;
    决议指出，…决定批准这个报告): a resolution on a report approves it only where the text says so."""
    report = document.report
    for item in evidence:
        sentence = report.sentence_at(item.begin)
        if sentence is not None and "批准" in report.text[item.begin : report.paragraphs[sentence.paragraph].end]:
            return True
    return False


def _titles_inside(document: Document, decision: str) -> list[str]:
    """The instruments named inside the mentions of ``decision`` (the titles its title lists, not
    the titles inside those: 〈X条例〉 of 《关于修改〈X条例〉的决定》 is what that decision revises)."""
    spans = [(m.begin, m.end) for m in document.mentions if m.entity == decision]
    entities = {e.key: e for e in document.entities}
    inside = [m for m in document.mentions
              if m.entity and m.entity != decision and m.entity in entities and entities[m.entity].cls in INSTRUMENT_CLASSES
              and any(b <= m.begin and m.end <= e for b, e in spans)]
    return sorted({m.entity for m in inside if m.entity
                   and not any(o.begin <= m.begin and m.end <= o.end and o.end - o.begin > m.end - m.begin for o in inside)})


def _by_name(document: Document, name: str) -> str | None:
    """The instrument that goes by ``name`` (a label or another name it is written with)."""
    return next((e.key for e in document.entities if e.cls in INSTRUMENT_CLASSES and name in e.alt_labels), None)


_RESUME_TITLE = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:简历|简介|个人简历)$")
_RESUME_OPENING = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,8})，[男女]，")
_JOINED_PARTY = re.compile("入党|加入中国共产党")
_PARTY = "中国共产党"


def _resumes(document: Document) -> list[Relation]:
    """The posts an official's résumé lists (see the module's docstring)."""
    report = document.report
    entities = {e.key: e for e in document.entities}
    persons = {e.label: e.key for e in document.entities if e.cls == "Person"}
    party = next((e.key for e in document.entities if e.cls == "Organization" and e.label == _PARTY), None)
    by_sentence: dict[int, list] = defaultdict(list)
    for mention in document.mentions:
        by_sentence[mention.sentence].append(mention)
    found: dict[tuple[str, str, str | None], set[Evidence]] = defaultdict(set)
    sentences_of: dict[int, list] = defaultdict(list)
    for sentence in report.sentences:
        sentences_of[sentence.paragraph].append(sentence)
    person: str | None = None
    for paragraph in report.paragraphs:
        line = report.text[paragraph.begin : paragraph.end].strip()
        titled = _RESUME_TITLE.match(line) or _RESUME_OPENING.match(line)
        if titled:
            person = persons.get(titled.group("name"), person)
            if _RESUME_TITLE.match(line):
                continue
        elif paragraph.kind in ("title", "heading"):
            person = None
        if person is None:
            continue
        for sentence in sentences_of[paragraph.index]:
            evidence = Evidence(report.key, sentence.begin, sentence.end)
            if party and _JOINED_PARTY.search(report.text, sentence.begin, sentence.end):
                found[(person, party, None)].add(evidence)
            for mention in by_sentence.get(sentence.index, ()):
                entity = entities.get(mention.entity or "")
                if entity is None or entity.cls != "Organization":
                    continue
                if entity.label.endswith("人民代表大会") and report.text.startswith("代表", mention.end):
                    found[(person, entity.key, "代表")].add(evidence)
                    continue
                post = post_pattern().match(report.text, mention.end, sentence.end)
                if post and post.group(1):
                    found[(person, entity.key, post.group(1))].add(evidence)
    return [Relation(p, "memberOf", body, tuple(sorted(evidence)), post) for (p, body, post), evidence in sorted(found.items(), key=lambda i: (i[0][0], i[0][1], i[0][2] or ""))]


# A person named as a deputy: 殷一璀代表, 殷一璀、陈靖等代表 (not 代表团, 代表大会, 代表建议).
_DEPUTY_AFTER = re.compile(r"(?:等)?(?:全国人大)?代表(?!团|大会|小组|工作|建议|议案|资格|之家|联络)")
# A person named after the word, at a clause's start: 代表李四建议, 人大代表王五说, 代表张三、李四发言
# (not 我代表…, 市人大代表: a congress named before is the congress's own, read by relation_nouns).
_DEPUTY_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])(?:人大)?代表$")


def _congresses_with_deputies(document: Document, entities: dict[str, Entity]) -> set[str]:
    """The people's congresses the text names with their deputies (十二届全国人大代表, 市人大代表)."""
    text = document.report.text
    return {
        m.entity for m in document.mentions
        if m.entity in entities and entities[m.entity].cls == "Organization" and entities[m.entity].label.endswith("人民代表大会")
        and _DEPUTY_AFTER.match(text, m.end) and text.startswith("代表", m.end)
    }


def _congresses(document: Document) -> set[str]:
    """The people's congresses the text names (in their own names or their meetings')."""
    return {e.key for e in document.entities if e.cls == "Organization" and e.label.endswith("人民代表大会")}


# The author speaking as a deputy: 作为一名来自大山里的全国人大代表, 我是一名市人大代表.
_AS_DEPUTY = re.compile(r"(?:作为|身为|我是)(?:一名|一位)?[^，。；;,！？!?]{0,24}?$")


def _author_deputy(document: Document) -> list[Relation]:
    """A signed piece whose author speaks as a deputy of a congress (作为一名…全国人大代表): the
    author is a deputy of it; the fact points at that sentence."""
    entities = {e.key: e for e in document.entities}
    if document.author not in entities:
        return []
    text = document.report.text
    if reported_by(document, entities[document.author].label):
        return []  # a reporter's piece: 作为一名…代表 is said of whom it quotes
    for mention in sorted(document.mentions, key=lambda m: m.begin):
        entity = entities.get(mention.entity or "")
        if entity is None or entity.cls != "Organization" or not entity.label.endswith("人民代表大会"):
            continue
        sentence = document.report.sentences[mention.sentence]
        if "我" in text[sentence.begin : sentence.end] and text.startswith("代表", mention.end) and not text.startswith(("代表团", "代表大会"), mention.end) \
                and _AS_DEPUTY.search(text, sentence.begin, mention.begin):
            evidence = (Evidence(document.report.key, sentence.begin, sentence.end),)
            return [Relation(document.author or "", "memberOf", entity.key, evidence, "代表")]
    return []


def _delegates(document: Document) -> list[Relation]:
    """A news item about one province's delegation to the national congress (上海代表团): the
    persons it names as deputies (殷一璀、陈靖等代表; 王建宇代表说) are members of the delegation and
    deputies of the national congress; in one that names a single congress's deputies (全国人大代表)
    and no delegation, they are deputies of that congress. Each fact points at the sentence naming
    the person so."""
    entities = {e.key: e for e in document.entities}
    delegations = {
        e.key for e in document.entities
        if e.cls == "Organization" and e.label.startswith("全国人民代表大会") and e.label.endswith("代表团")
    } or {  # 山西省人民代表大会大同代表团: a city's delegation to its province's congress
        e.key for e in document.entities
        if e.cls == "Organization" and e.label.endswith("代表团") and "人民代表大会" in e.label[:-3]
    }
    text = document.report.text
    if len(delegations) == 1:
        (delegation,) = delegations
        own = entities[delegation].label[: entities[delegation].label.index("人民代表大会") + len("人民代表大会")]
        congress = next((e.key for e in document.entities if e.cls == "Organization" and e.label == own), None)
    elif len(deputies_of := _congresses_with_deputies(document, entities) or _congresses(document)) == 1:
        # (several delegations, one congress: 贵阳代表团, 军队代表团 … 黄永健、邓小丽等代表: the congress's deputies)
        # 福建共有68名全国人大代表 … 章联生代表说: that congress's; 宜昌市第七届人民代表大会第四次会议开幕。
        # …代表李四建议: the one congress the text names
        delegation, (congress,) = None, deputies_of
    else:
        return []
    organizations = {m.begin for m in document.mentions if m.entity in entities and entities[m.entity].cls == "Organization"}
    people = sorted((m for m in document.mentions if m.entity in entities and entities[m.entity].cls == "Person"), key=lambda m: m.begin)
    found: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    run: list = []
    opened = False  # the run's first name stands after the word (代表张三、李四)
    for person in people:
        if run and (text[run[-1].end : person.begin] != "、" or run[-1].sentence != person.sentence):
            run = []
        if not run:
            opened = _DEPUTY_BEFORE.search(text, max(0, person.begin - 4), person.begin) is not None
        run.append(person)
        deputy = _DEPUTY_AFTER.match(text, person.end)
        if opened and not deputy:
            sentence = document.report.sentences[person.sentence]
            for body in (delegation, congress):
                if body is not None:
                    found[(person.entity, body)].add(Evidence(document.report.key, sentence.begin, sentence.end))
            continue
        if deputy and deputy.end() not in organizations:  # the whole list before 等代表 (代表市政府: acting for it)
            sentence = document.report.sentences[person.sentence]
            for named in run:
                for body in (delegation, congress):
                    if body is not None:
                        found[(named.entity, body)].add(Evidence(document.report.key, sentence.begin, sentence.end))
            run = []
    return [Relation(p, "memberOf", body, tuple(sorted(evidence)), "代表") for (p, body), evidence in sorted(found.items())]


# A news agency's dateline or byline (新华社北京3月8日电（记者杨国强、张宿堂）, 新华社记者陈菲、施雨岑):
# the reporters it names, up to the end of the line or the bracket.
_AGENCIES = ("通讯社", "新闻社")
_REPORTERS = re.compile(r"[^，。；\n）)]{0,16}?[（(]?\s*(?:特约|实习|首席)?记者\s*(?P<names>[^，。；\n）)]{2,40})")


def _agency_reporters(document: Document) -> list[Relation]:
    """The reporters a news agency's dateline or byline names at the report's opening are
    members of the agency (post 记者); newspapers' reporters are not (a newspaper is a
    publication). Each fact points at the sentence naming them."""
    report = document.report
    entities = {e.key: e for e in document.entities}
    opening = report.paragraphs[2].end if len(report.paragraphs) > 2 else len(report.text)
    found: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    for mention in document.mentions:
        entity = entities.get(mention.entity or "")
        if entity is None or entity.cls != "Organization" or not entity.label.endswith(_AGENCIES) or mention.begin > opening:
            continue
        byline = _REPORTERS.match(report.text, mention.end)
        if byline is None:
            continue
        sentence = report.sentences[mention.sentence]
        for person in document.mentions:
            if byline.start("names") <= person.begin and person.end <= byline.end("names") and person.entity in entities \
                    and entities[person.entity].cls == "Person":
                found[(person.entity, entity.key)].add(Evidence(report.key, sentence.begin, sentence.end))
    return [Relation(p, "memberOf", body, tuple(sorted(evidence)), "记者") for (p, body), evidence in sorted(found.items())]


# A head line of a body's name and its authors' names (洛阳市人大常委会 吴中阳 王立新 王川一).
_BODY_AND_NAMES = re.compile(r"^(?P<body>[\u4e00-\u9fff]{4,30})(?:[ \u3000]+[\u4e00-\u9fff·]{2,5}){1,12}$")


def _signatories(document: Document) -> list[Relation]:
    """A line under the title that gives a body and names (an article signed by members of a
    body): each named person is a member of the body; the facts point at that line."""
    report = document.report
    entities = {e.key: e for e in document.entities}
    found: list[Relation] = []
    for paragraph in report.paragraphs[:6]:
        line = report.text[paragraph.begin : paragraph.end]
        if not _BODY_AND_NAMES.match(line.strip()):
            continue
        inside = [m for m in document.mentions if paragraph.begin <= m.begin and m.end <= paragraph.end and m.entity in entities]
        bodies = [m for m in inside if entities[m.entity].cls == "Organization" and m.begin == paragraph.begin + len(line) - len(line.lstrip())]
        persons = [m for m in inside if entities[m.entity].cls == "Person"]
        if not bodies or len(persons) != len(line.split()) - 1:
            continue
        sentence = report.sentence_at(paragraph.begin)
        if sentence is None:
            continue
        body = max(bodies, key=lambda m: m.end - m.begin)
        evidence = (Evidence(report.key, sentence.begin, sentence.end),)
        found += [Relation(person.entity or "", "memberOf", body.entity or "", evidence) for person in persons]
    return found


# A signature line: a body's name alone, its date and place after it (…主席团2008年3月15日于北京。).
_SIGNATURE = lazy(r"\s*(?P<body>[\u4e00-\u9fff（）()]{4,60}?)\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?(?:于[\u4e00-\u9fff]{2,4})?[。.]?\s*$")
_NOTICE_WORDS = word_list("document_facts.notices")
_NOTICE = re.compile(f"(?:{'|'.join(_NOTICE_WORDS)})(?:{NOTICE_TERM})?(?:第{ORDER_NUMBER}号)?$")


def _signed_notices(document: Document) -> list[Relation]:
    """An announcement or notice (…公告 第二号, …主席团公告) and the body whose name alone signs
    it in a line after it, before the next one: the body issues it; the fact points at the
    signature's line."""
    report = document.report
    entities = {e.key: e for e in document.entities}
    notices = sorted((m for m in document.mentions if m.entity in entities and _NOTICE.search(entities[m.entity].label)
                      and entities[m.entity].cls in INSTRUMENT_CLASSES), key=lambda m: m.begin)
    found: list[Relation] = []
    for index, notice in enumerate(notices):
        stop = notices[index + 1].begin if index + 1 < len(notices) else len(report.text)
        signed = _signer(document, entities, notice.end, stop)
        if signed is not None:
            body, evidence = signed
            found.append(Relation(body.entity or "", "issued", notice.entity or "", evidence))
    return found


def _signer(document: Document, entities: dict[str, Entity], after: int, stop: int) -> tuple[Mention, tuple[Evidence, ...]] | None:
    """The body whose name alone signs a line after ``after`` (before ``stop``), with that line's
    sentence as evidence; the body the line's name ends with (…第一次会议主席团: the presidium of
    that session)."""
    report = document.report
    for paragraph in report.paragraphs:
        if paragraph.begin <= after or paragraph.begin >= stop:
            continue
        line = _SIGNATURE.match(report.text, paragraph.begin, paragraph.end)
        if line is None:
            continue
        body = next((m for m in document.mentions if line.start("body") <= m.begin and m.end == line.end("body")
                     and m.entity in entities and entities[m.entity].cls == "Organization"), None)
        sentence = report.sentence_at(paragraph.begin)
        if body is not None and sentence is not None:
            return body, (Evidence(report.key, sentence.begin, sentence.end),)
    return None


_MAKING = frozenset({"enacted", "approved", "revised"})


def _class(document: Document, key: str) -> str | None:
    return next((e.cls for e in document.entities if e.key == key), None)


_HEADER_ACTS = {"通过": "enacted", "批准": "approved", "修正": "revised", "修订": "revised"}
_HEADER_VERB = re.compile("(?:原则|审议|表决)?(通过|批准|修正|修订)")


def _title_headers(document: Document) -> list[Relation]:
    """An instrument's title line and the bracketed line under it that records its making
    ((2001年4月29日包头市第十一届人民代表大会第四次会议通过 2001年6月3日内蒙古自治区第九届人民代表大会常务
    委员会第二十三次会议批准)): the body of each meeting did what follows its name (通过 enacted, 批准
    approved, 修正/修订 revised); the facts point at the bracketed line."""
    report, text = document.report, document.report.text
    entities = {e.key: e for e in document.entities}
    found: list[Relation] = []
    for before, paragraph in zip(report.paragraphs, report.paragraphs[1:]):
        if not text[paragraph.begin : paragraph.end].lstrip().startswith(("（", "(")):
            continue
        title = next((m for m in document.mentions if m.entity in entities and entities[m.entity].cls in INSTRUMENT_CLASSES
                      and m.begin <= before.begin + 1 and m.end >= before.end - 1), None)
        sentence = report.sentence_at(paragraph.begin)
        if title is None or sentence is None:
            continue
        inside = [m for m in document.mentions if paragraph.begin <= m.begin and m.end <= paragraph.end]
        evidence = (Evidence(report.key, sentence.begin, sentence.end),)
        cuts = [paragraph.begin, *(m.start() for m in _AMENDED_BY.finditer(text, paragraph.begin, paragraph.end)), paragraph.end]
        for begin, end in zip(cuts, cuts[1:]):
            part = [m for m in inside if begin <= m.begin and m.end <= end]
            amending = next((m for m in part if begin > paragraph.begin and m.entity in entities
                             and entities[m.entity].cls in INSTRUMENT_CLASSES and m.entity != title.entity), None)
            if amending is None:  # 2001年4月29日…会议通过 …会议批准: the title's own making
                found += _meetings_acts(text, part, entities, title.entity or "", evidence)
                continue
            # 根据…会议通过 …会议批准的《关于修改〈X〉的决定》修正: the meetings made the decision,
            # and the body that passed it revised the title
            acts = _meetings_acts(text, [m for m in part if m.end <= amending.begin], entities, amending.entity or "", evidence)
            found += acts + [Relation(r.subject, "revised", title.entity or "", evidence) for r in acts if r.predicate == "enacted"]
    return found


# 根据…的决定修正: an amendment of the instrument recorded in its header, each its own stretch
_AMENDED_BY = re.compile("根据")


def _meetings_acts(text: str, mentions: list[Mention], entities: dict[str, Entity], title: str,
                   evidence: tuple[Evidence, ...]) -> list[Relation]:
    """What the body of each meeting among ``mentions`` did to ``title``, as the verb right after
    the meeting's name says (通过 enacted, 批准 approved, 修正/修订 revised; 原则通过 and 审议通过:
    the act is the last word)."""
    found = []
    for meeting in (m for m in mentions if m.entity in entities and entities[m.entity].cls == "Event"):
        verb = _HEADER_VERB.match(text, meeting.end)
        body = body_inside(meeting, mentions, entities)
        if verb is None or body is None:
            continue
        if entities[meeting.entity or ""].label.endswith("主任会议"):
            # …第二十三次主任会议原则通过: the chairmen's meeting acts, where the text names it
            body = next((e for e in entities.values() if e.cls == "Organization" and e.label == body.label + "主任会议"), body)
        found.append(Relation(body.key, _HEADER_ACTS[verb.group(1)], title, evidence))
    return found


# A promulgation's sentence (《X》已于…第十二次会议通过，经…第九次会议批准，现予公布): the
# instrument first, then each meeting with what it did right after its name.
_PROMULGATED = re.compile("[，,]?\\s*(?:现予|予以|特此)公布|公布施行|自公布之日起施行")


def _promulgations(document: Document) -> list[Relation]:
    """An instrument opening a sentence that names the meetings that passed, approved or revised it,
    each with its verb right after the meeting's name (…会议通过, 经…会议批准): the body of each
    meeting did that (通过 enacted, 批准 approved, 修正/修订 revised). Where the sentence
    promulgates it (现予公布), the body that signs the notice issues it too."""
    report, text = document.report, document.report.text
    entities = {e.key: e for e in document.entities}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in document.mentions:
        if mention.entity in entities:
            by_sentence[mention.sentence].append(mention)
    found: list[Relation] = []
    for sentence in report.sentences:
        mentions = sorted(by_sentence.get(sentence.index, ()), key=lambda m: (m.begin, -m.end))
        if not mentions or text[sentence.begin : mentions[0].begin].strip(" 　\t《“\"") or entities[mentions[0].entity].cls not in INSTRUMENT_CLASSES:
            continue
        title = mentions[0]
        acts = _meetings_acts(text, [m for m in mentions if m.begin >= title.end], entities, title.entity or "",
                              (Evidence(report.key, sentence.begin, sentence.end),))
        if acts and _PROMULGATED.search(text, title.end, sentence.end) and (signed := _signer(document, entities, sentence.end, len(text))):
            acts.append(Relation(signed[0].entity or "", "issued", title.entity or "", signed[1]))
        found += acts
    return found


def document_facts(document: Document) -> Document:
    """The document with the facts its headline, its amending decisions, its résumés and its
    delegation state added."""
    promulgated = _promulgations(document)
    revisions, reports = _revisions(document, (*document.relations, *promulgated))
    if reports:
        document = replace(document, entities=tuple(sorted((*document.entities, *reports), key=lambda e: e.key)))
    added = revisions + promulgated + _resumes(document) + _delegates(document) + _signatories(document) + _author_deputy(document) + _agency_reporters(document) \
        + _signed_notices(document) + _title_headers(document)
    body = _headline_legislator(document)
    if body is not None:
        added += _enacted_by_headline(document, body)
    merged: dict[tuple[str, str, str, str | None], set[Evidence]] = defaultdict(set)
    for relation in (*document.relations, *added):
        merged[(relation.subject, relation.predicate, relation.object, relation.post)].update(relation.evidence)
    # a bill the text reports passed (通过, 批准, 修订) was read (审议) on its way: its reading is a
    # step of its making, not a report reviewed (听取审议…实施情况的报告 reviews a law in force)
    made = {o for (_, p, o, _) in merged if p in _MAKING}
    for key in [k for k in merged if k[1] == "reviewed" and k[2] in made and _class(document, k[2]) in BILL_CLASSES]:
        del merged[key]
    # 自治区人大通过《…》 (a headline) and 自治区人大常委会…会议表决通过了《…》: the headline's 人大 is the
    # standing committee, the act one
    titles = {p.index for p in document.report.paragraphs if p.kind == "title"}
    headline = {sentence.begin for sentence in document.report.sentences if sentence.paragraph in titles}
    headlined = [k for k in merged if k[1] == "enacted" and all(e.begin in headline for e in merged[k])]
    labels = {e.key: e.label for e in document.entities} if headlined else {}
    enacted_by = {(labels.get(s), o) for (s, p, o, _) in merged if p == "enacted"} if headlined else set()
    for key in headlined:
        congress = labels.get(key[0])
        if congress and congress.endswith("人民代表大会") and (congress + "常务委员会", key[2]) in enacted_by:
            del merged[key]
    # a membership stated with its post and elsewhere without one is one membership: the post's
    with_post = {(s, p, o) for (s, p, o, post) in merged if post}
    for key in [k for k in merged if k[3] is None and k[1] == "memberOf" and k[:3] in with_post]:
        evidence = merged.pop(key)
        merged[next(k for k in merged if k[:3] == key[:3] and k[3])].update(evidence)
    if not added and len(merged) == len(document.relations):
        return document
    relations = tuple(
        Relation(s, p, o, tuple(sorted(evidence)), post)
        for (s, p, o, post), evidence in sorted(merged.items(), key=lambda item: (*item[0][:3], item[0][3] or ""))
    )
    return replace(document, relations=relations)
