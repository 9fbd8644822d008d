"""When, where and by how many votes: the legislative record as it happened (``Document -> Document``).

The last extraction stage, after relations.py. It adds what graph contract version 2 asks:

- meetings (meetings.py): each numbered meeting of a congress or its standing committee one
  Event, keyed by body, 届 and 次, with ``term``, ``session``, ``organizedBy`` its body and its
  date where the text gives it next to the name (2025年9月12日，十四届全国人大常委会第十七次会议…);
- appointments and removals (appointments.py): ``appointed`` / ``removed`` with the post,
  by the meeting's body, the body that opens the clause, or else the reporting body;
- on each act's evidence: its date (dates.py: the date before the act's object in the
  sentence, else after it, else the meeting's), its meeting (``event``: named in the sentence,
  or 会议 referring to the meeting named last in the paragraph or the one before) and its
  tally (votes.py);
- an instrument's 施行 date (自2025年10月1日起施行) as ``effective_date``.

Dates that only bound a period (2018年以来) date nothing; relative dates are resolved against
the report's own date from its metadata (``Metadata.date``), never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from ..ids import entity_key
from ..model import Document, Entity, Evidence, Mention, Relation, Report, Sentence
from .appointments import Appointment, continued_appointments, find_appointments, is_person_name, list_opener, listed_appointment
from .candidates import INSTRUMENT_CLASSES
from .dates import DateMention, find_dates
from .meetings import Meeting, body_inside, chinese_number, meeting_key, meeting_label, parse_meeting
from .patterns import lazy
from .relation_context import only_committee
from .relation_cues import post_words
from .votes import Tally, find_tallies

__all__ = ["extract_acts", "ACTS"]

#: The relations that are acts, and so carry a date.
ACTS = frozenset({
    "enacted", "adopted", "issued", "revised", "repealed", "forwarded", "inspected", "supervised",
    "reviewed", "conducted", "established", "approved", "appointed", "removed",
})
#: Acts done at a meeting, by a vote.
_VOTED = frozenset({"enacted", "adopted", "revised", "repealed", "approved", "appointed", "removed"})
_AT_MEETING = _VOTED | {"reviewed"}
# 会议 standing for the meeting named before (会议表决通过, 本次会议, 此次会议), not 常务会议 or 会议室
_CONVENES = re.compile("召开|举行")
_MEETING_WORD = re.compile(r"(?<![务委组体谈作席])会议(?![室精纪])")
# A meeting's date next to its name: 2025年9月12日，…会议 / …会议于2025年9月12日召开
_BEFORE_MEETING = lazy(r"^[，,\s]*(?:召开的|举行的|在)?[\u4e00-\u9fff]{0,4}?\s*$")  # …，襄阳[市第…会议]
_AFTER_MEETING = re.compile(r"^\s*(?:于|在)\s*$")
_NO_FACTS = frozenset({"byline"})


def extract_acts(document: Document) -> Document:
    """The document with its meetings keyed by body, 届 and 次, appointments, and each act's
    date, meeting and tally on its evidence."""
    report = document.report
    text = report.text
    entities = {entity.key: entity for entity in document.entities}
    mentions = list(document.mentions)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_sentence[mention.sentence].append(mention)
    facts: dict[tuple[str, str, str, str | None], set[Evidence]] = defaultdict(set)
    for relation in document.relations:
        facts[(relation.subject, relation.predicate, relation.object, relation.post)].update(relation.evidence)
    kinds = {paragraph.index: paragraph.kind for paragraph in report.paragraphs}

    # 1. meetings: one node per body, 届 and 次
    rekey: dict[str, str] = {}
    meetings: dict[str, Meeting] = {}  # new key -> meeting
    for mention in mentions:
        if mention.cls != "Event" or not mention.entity or mention.entity in rekey:
            continue
        meeting = parse_meeting(text[mention.begin : mention.end], body_inside(mention, by_sentence[mention.sentence], entities))
        if meeting is None:
            continue
        key = meeting_key(meeting)
        rekey[mention.entity] = key
        meetings[key] = meeting
    # 襄阳市人大常委会召开第十八次会议 (a headline) and 市十六届人大常委会第十八次会议: one meeting, the
    # term the report gives it elsewhere
    termed: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for key, meeting in meetings.items():
        if meeting.term is not None:
            termed[(meeting.body, meeting.session, meeting.kind)].add(key)
    for old, key in list(rekey.items()):
        meeting = meetings[key]
        same = termed.get((meeting.body, meeting.session, meeting.kind), set())
        if meeting.term is None and len(same) == 1:  # (two terms with that number: which one is not said)
            rekey[old] = next(iter(same))
    kept = set(rekey.values())
    meetings = {key: m for key, m in meetings.items() if key in kept}
    if rekey:
        for old, new in rekey.items():
            before = entities.pop(old)
            meeting = meetings[new]
            label = meeting_label(meeting)
            names = {before.label, *before.alt_labels}
            if new in entities:
                names |= {entities[new].label, *entities[new].alt_labels}
            written_digits = any(re.search(rf"(?<!\d){meeting.session}次", n) for n in names)
            names = {n for n in names if not _CONVENES.search(n)}  # …人大常委会召开第二十二次会议: no name of it
            if written_digits:
                # 自治区人大常委会第72次主任会议: the official name with the number as written, too
                names.add(label.replace(f"第{chinese_number(meeting.session)}次{meeting.kind}", f"第{meeting.session}次{meeting.kind}"))
            entities[new] = Entity(new, "Event", label, tuple(sorted(names - {label})), term=meeting.term, session=meeting.session)
        mentions = [replace(m, entity=rekey.get(m.entity, m.entity)) if m.entity in rekey else m for m in mentions]
        moved: dict[tuple[str, str, str, str | None], set[Evidence]] = defaultdict(set)
        for (subject, predicate, obj, post), found in facts.items():
            moved[(rekey.get(subject, subject), predicate, rekey.get(obj, obj), post)].update(found)
        facts = moved
        by_sentence = defaultdict(list)
        for mention in mentions:
            by_sentence[mention.sentence].append(mention)
    meeting_mentions = sorted((m for m in mentions if m.entity in meetings), key=lambda m: m.begin)
    mentions += _sittings(text, report.sentences, meeting_mentions, meetings, mentions, entities, facts, report.key)
    for mention in meeting_mentions:
        sentence = report.sentences[mention.sentence]
        assert mention.entity is not None
        facts[(mention.entity, "organizedBy", meetings[mention.entity].body, None)].add(Evidence(report.key, sentence.begin, sentence.end))

    # 2. appointments and removals
    # the meetings that hold acts: not one named inside a title (关于召开…第五次会议的决定)
    titles = [m for m in mentions if m.cls in INSTRUMENT_CLASSES]
    holding = [m for m in meeting_mentions if not any(t.begin <= m.begin and m.end <= t.end and t is not m for t in titles)]
    holding_begins = [m.begin for m in holding]
    meeting_begins = [m.begin for m in meeting_mentions]

    def appointer(sentence: Sentence, at: int, elected: bool) -> str | None:
        """Who appoints by the word at ``at``: the body that opens the sentence (…，免去…); for
        会议决定任命…, 大会选举…, the body holding the meeting named before; else the reporting body."""
        actor = _actor(at, by_sentence[sentence.index], entities, meetings, None, text)
        meeting_named = _MEETING_WORD.search(text, sentence.begin, at) is not None
        congress_acts = _CONGRESS_SUBJECT.search(text, sentence.begin, at) is not None  # 大会选举…, 大会决定…
        if elected and not (meeting_named or congress_acts) and not session_closing(sentence):
            return None  # 2013年1月当选为…: a résumé's line names who elected no one (its post is kept above)
        if actor is None and (meeting_named or congress_acts or _NEWLY.match(text, at) or elected):
            before = _meeting_before(holding, holding_begins, report.sentences, sentence)
            actor = meetings[before].body if before in meetings else None
        actor = actor or (document.reporting_body if document.reporting_body in entities else None) \
            or (None if _ELECTING.match(text, at) else only_committee(document))  # (选举: by a congress, not its committee)
        if actor is None or (elected and "人民代表大会" not in entities[actor].label):
            return None  # …全会上，姜异康当选为党委书记: elected by no congress, the post is all it states
        return _congress_of(actor, entities) if congress_acts else actor  # 大会选举…: the congress

    def session_closing(sentence: Sentence) -> bool:
        """Whether a congress's session is named in this sentence's paragraph or the one before,
        and the sentence opens with no date (长宁区第十六届人民代表大会第五次会议闭幕。王岚当选为…区长: by
        that congress; not a résumé's 2013年1月当选为…)."""
        if _DATED.match(text, sentence.begin):
            return False
        before = _meeting_before(holding, holding_begins, report.sentences, sentence)
        return before in meetings and entities[meetings[before].body].label.endswith("人民代表大会") \
            and report.sentences[next(m for m in holding if m.entity == before).sentence].paragraph >= sentence.paragraph - 1

    listing: tuple[str, str] | None = None  # (predicate, who) of a word opening a list of lines: 选举：
    members: tuple[str, str] | None = None  # (who, body) of 任命了…委员会组成人员 before 他们是：…
    carried: tuple[int, str] | None = None  # (sentence, who) of the last appointments, for items after ；
    for sentence in report.sentences:
        if kinds.get(sentence.paragraph) in _NO_FACTS:
            continue
        if members is not None and (named := _MEMBERS_NAMED.match(text, sentence.begin, sentence.end)):
            # 任命了第四任香港特别行政区基本法委员会组成人员。他们是：主任李飞、副主任梁爱诗、张荣顺，委员…
            for post, begin, end in _posts_and_names(text, named.end(), sentence.end):
                person = _person(begin, end, sentence, by_sentence, mentions, entities, text)
                evidence = Evidence(report.key, sentence.begin, sentence.end)
                facts[(members[0], "appointed", person, post)].add(evidence)
                facts[(person, "memberOf", members[1], post)].add(evidence)
            members = None
            continue
        members = _members_appointed(text, sentence, by_sentence, entities, appointer)
        if listing is not None and (item := listed_appointment(text, sentence.begin, sentence.end, listing[0])):
            # 选举：\n胡锦涛为中华人民共和国主席；\n习近平为中华人民共和国副主席。: a line of the list
            _posts_held(item, None, sentence, by_sentence, mentions, entities, text, facts, report.key)
            for begin, end in item.names:
                person = _person(begin, end, sentence, by_sentence, mentions, entities, text)
                facts[(listing[1], item.predicate, person, item.post)].add(Evidence(report.key, sentence.begin, sentence.end))
            continue
        listing = None
        if (opener := list_opener(text, sentence.begin, sentence.end)) is not None:
            who = appointer(sentence, opener[1], elected=False)
            listing = (opener[0], who) if who is not None else None
        appointments = find_appointments(text, sentence.begin, sentence.end) or _newly_appointed(text, sentence, by_sentence, entities)
        follows = carried is not None and carried[0] == sentence.index - 1 and text[sentence.begin - 1 : sentence.begin] in "；;"
        if not appointments and follows:
            appointments = continued_appointments(text, sentence.begin, sentence.end)  # …选举甲为A；乙为B，丙为C。
        if not appointments:
            continue
        held: str | None = None  # 选举甲为…常委会委员长，乙为副委员长: 乙's post is in the same body
        for appointment in appointments:
            held = _posts_held(appointment, held, sentence, by_sentence, mentions, entities, text, facts, report.key)
        at = appointments[0].trigger[0]
        named = any(m.end <= at and m.cls in ("Organization", "Event") for m in by_sentence[sentence.index])
        if follows and carried is not None and not named:
            actor = carried[1]  # 大会…选举甲为市长；选举乙为…: the electing body of the list's first item
        else:
            actor = appointer(sentence, at, elected=text.startswith("当选", at))
        if actor is None:
            continue
        carried = (sentence.index, actor)
        for appointment in appointments:
            for begin, end in appointment.names:
                person = _person(begin, end, sentence, by_sentence, mentions, entities, text)
                facts[(actor, appointment.predicate, person, appointment.post)].add(Evidence(report.key, sentence.begin, sentence.end))

    # 3. dates, tallies, meetings of each act
    dates = find_dates(text, report.metadata.date, [(p.begin, p.end) for p in report.paragraphs], _section_years(report))
    dates_in: dict[int, list[DateMention]] = defaultdict(list)
    for found in dates:
        sentence = report.sentence_at(found.begin)
        if sentence is None or any(m.begin < found.end and found.begin < m.end for m in by_sentence[sentence.index]):
            continue  # 关于2022年度…的报告, 2023年度立法工作计划: the date is part of a name
        dates_in[sentence.index].append(found)
    _meeting_dates(text, report.sentences, meeting_mentions, dates_in, entities)
    _effective_dates(report.sentences, dates_in, by_sentence, entities, kinds)

    context = _Context(text, report.sentences, by_sentence, dates_in, meeting_mentions, entities)
    relations: list[Relation] = []
    for (subject, predicate, obj, post), found in sorted(facts.items(), key=lambda item: (item[0][0], item[0][1], item[0][2], item[0][3] or "")):
        if subject not in entities or obj not in entities or not found:
            continue
        evidence = found
        if predicate in ACTS:
            evidence = {context.circumstances(e, predicate, obj) for e in found}
        relations.append(Relation(subject, predicate, obj, tuple(sorted(evidence)), post))
    # A reporting body only guessed from the report's place (no byline names it) that the text
    # never names and no fact needs is no entity of the report.
    speaker = document.reporting_body
    if speaker is not None and speaker in entities and not any(m.entity == speaker for m in mentions) \
            and not any(speaker in (r.subject, r.object) for r in relations):
        del entities[speaker]
        speaker = None
    return replace(
        document,
        mentions=tuple(sorted(mentions, key=lambda m: (m.begin, -m.end, m.cls, m.entity or ""))),
        entities=tuple(entities[key] for key in sorted(entities)),
        relations=tuple(relations),
        reporting_body=speaker,
    )


# A sitting of the meeting named just before it, in the same clause: …第二十七次会议举行第一次全体会议,
# …二次会议9日上午在人民大会堂举行第二次全体会议, …四次会议闭幕会.
_SITTING = lazy(
    r"[^，。；,;！？!?\n]{0,24}?(?:举行|召开)?了?(?P<sitting>第[一二三四五六七八九十\d]+次全体会议|闭幕会议?|开幕会议?|闭幕大会|开幕大会|预备会议|联组会议)"
)


_SITTING_ALONE = re.compile(r"第[一二三四五六七八九十\d]+次全体会议")


def _sittings(
    text: str, sentences: Sequence[Sentence], meeting_mentions: list[Mention], meetings: dict[str, Meeting],
    mentions: list[Mention], entities: dict[str, Entity], facts: dict[tuple[str, str, str, str | None], set[Evidence]],
    report: str,
) -> list[Mention]:
    """A meeting's sitting named after it (第一次全体会议, 闭幕会): an Event labelled with the
    meeting's name, organized by the meeting's body (a part of the meeting, not a deed: no `conducted`).
    Returns the sittings' mentions."""
    found: list[Mention] = []
    sittings = [(meeting, _SITTING.match(text, meeting.end)) for meeting in meeting_mentions]
    named = {m.span("sitting") for _, m in sittings if m is not None}
    for alone in _SITTING_ALONE.finditer(text) if meeting_mentions else ():
        # 出席下午举行的第二次全体会议: a sitting named alone is one of the meeting named last before it
        before = [m for m in meeting_mentions if m.end <= alone.start()]
        if before and alone.span() not in named:
            sittings.append((before[-1], _SITTING.match(text, alone.start())))
    for meeting, match in sittings:
        if match is None or meeting.entity not in meetings:
            continue
        begin, end = match.span("sitting")
        if any(m.begin < end and begin < m.end for m in mentions if m is not meeting):
            continue
        written = match.group("sitting")
        label = meeting_label(meetings[meeting.entity]) + written
        key = entity_key("Event", label)
        whole = (text[meeting.begin : end],) if begin == meeting.end else ()  # 十四届全国人大四次会议闭幕会, as written
        entities.setdefault(key, Entity(key, "Event", label, tuple(sorted({written, *whole} - {label}))))
        found.append(Mention(begin, end, meeting.sentence, "Event", key))
        sentence = sentences[meeting.sentence]
        facts[(key, "organizedBy", meetings[meeting.entity].body, None)].add(Evidence(report, sentence.begin, sentence.end))
    return found


_YEAR = re.compile(r"(?<!\d)(\d{4})年")
_YEAR_TITLE = re.compile(r"工作报告|工作总结|工作回顾|年度|年工作")


def _single_year(text: str) -> int | None:
    years = set(_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


def _section_years(report: Report) -> list[int | None]:
    """For each paragraph, the year its section's heading names (一、2024年工作回顾; a
    subsection takes its parent's), else the year of a year report's title (…2023年工作总结)."""
    title = report.metadata.title or ""
    title_year = _single_year(title) if _YEAR_TITLE.search(title) else None
    of_section: dict[int, int | None] = {}
    for section in sorted(report.sections, key=lambda s: s.index):
        year = _single_year(report.span(*section.heading)) if section.heading else None
        if year is None and section.parent is not None:
            year = of_section.get(section.parent)
        of_section[section.index] = year if year is not None else title_year
    return [of_section.get(paragraph.section, title_year) for paragraph in report.paragraphs]


# 大会选举…, 大会经投票选举…: the congress in session elects (大会 of 代表大会 and 人民大会堂 is none).
_CONGRESS_SUBJECT = re.compile(r"(?<![表民])大会(?!堂|主席团)")


def _congress_of(actor: str, entities: dict[str, Entity]) -> str:
    """The people's congress whose standing committee ``actor`` is (itself when it is none)."""
    label = entities[actor].label if actor in entities else ""
    if not label.endswith("人民代表大会常务委员会"):
        return actor
    congress = label.removesuffix("常务委员会")
    known = next((key for key, entity in entities.items() if entity.cls == "Organization" and entity.label == congress), None)
    if known is not None:
        return known
    key = entity_key("Organization", congress)
    entities[key] = Entity(key, "Organization", congress)
    return key


@cache
def _post_rest() -> re.Pattern[str]:
    """What is left of a post after the body's name: a post word, with a rank before it
    (主任委员, 第一书记, 常务副局长)."""
    return re.compile(f"[\u4e00-\u9fff]{{0,4}}?(?:{'|'.join(map(re.escape, post_words()))})")


# 会议任命了第四任香港特别行政区基本法委员会组成人员: a body's members appointed, named in the next sentence
_MEMBERS_APPOINTED = re.compile("(?:任命|选举|决定任命)了?(?:第[一二三四五六七八九十]+任)?(?P<body>[^，。；]{2,40}?)(?:组成人员|成员)(?:名单)?。?$")
# 他们是：…, 名单如下：…: the sentence that names them
_MEMBERS_NAMED = re.compile(r"\s*(?:他们|她们|组成人员|名单)(?:分别)?(?:是|为|如下)[:：]")


_ELECTING = re.compile("补?选举?|当选|选出")


def _members_appointed(text: str, sentence: Sentence, by_sentence: dict[int, list[Mention]], entities: dict[str, Entity],
                       appointer: Callable[[Sentence, int, bool], str | None]) -> tuple[str, str] | None:
    """(who appointed, the body) where the sentence appoints a body's members without naming them."""
    match = _MEMBERS_APPOINTED.search(text, sentence.begin, sentence.end)
    if match is None:
        return None
    body = next((m.entity for m in by_sentence[sentence.index] if m.end == match.end("body") and m.entity
                 and m.entity in entities and entities[m.entity].cls == "Organization"), None)
    who = appointer(sentence, match.start(), False)
    return (who, body) if who and body else None


def _posts_and_names(text: str, begin: int, end: int) -> list[tuple[str, int, int]]:
    """主任李飞、副主任梁爱诗、张荣顺，委员刘廼强、陈弘毅: (post, name's span) of each name, a post
    holding for the names after it until the next."""
    found: list[tuple[str, int, int]] = []
    post = ""
    posts = post_words()
    for piece in re.finditer(r"[^、，,；;。]+", text[begin:end]):
        item, at = piece.group(0).strip(), begin + piece.start() + (len(piece.group(0)) - len(piece.group(0).lstrip()))
        lead = next((p for p in posts if item.startswith(p)), "")
        name = item[len(lead) :]
        post = lead or post
        if post and is_person_name(name):
            found.append((post, at + len(lead), at + len(lead) + len(name)))
    return found


def _posts_held(
    appointment: Appointment, held: str | None, sentence: Sentence, by_sentence: dict[int, list[Mention]],
    mentions: list[Mention], entities: dict[str, Entity], text: str,
    facts: dict[tuple[str, str, str, str | None], set[Evidence]], report: str,
) -> str | None:
    """任命韩寓群为全国人大财经委员会主任委员: whoever is appointed to a post in a named body, or
    removed from one (免去高强的卫生部部长职务, 辞去…职务: a post held, as a résumé's past posts
    are), is a member of that body, the post kept (memberOf), whoever appoints; a post named alone after
    one in a body (…常委会委员长，乙为副委员长) is in that body. Returns the body of the post."""
    if appointment.predicate not in ("appointed", "removed") or not appointment.names:
        return None
    post_at = text.find(appointment.post, appointment.names[-1][1], sentence.end)
    if post_at < 0:
        return None
    post_end = post_at + len(appointment.post)
    bodies = [
        m for m in by_sentence[sentence.index]
        if post_at <= m.begin and m.entity and m.entity in entities and entities[m.entity].cls == "Organization"
        and (m.end < post_end or (m.end == post_end and _title_as_body(text[m.begin : m.end], entities[m.entity].label)))
    ]
    if bodies:
        last = max(bodies, key=lambda m: (m.end, m.end - m.begin))
        body, rest = last.entity, text[last.end : post_end]
        if not rest:
            rest = text[last.begin : last.end]  # 选举张明为|市长: the title stands for its government, and is the post
    else:
        body, rest = held, appointment.post
    if body is None or not _post_rest().fullmatch(rest):
        return None
    for begin, end in appointment.names:
        person = _person(begin, end, sentence, by_sentence, mentions, entities, text)
        facts[(person, "memberOf", body, rest)].add(Evidence(report, sentence.begin, sentence.end))
    return body


def _title_as_body(written: str, label: str) -> bool:
    """Whether a body's mention is a leader's title standing for its government (为|市长)."""
    return label.endswith("人民政府") and written.endswith("长")


# 根据主任会议的提名, 根据县长的提请: who proposes, not who appoints
# (a post between: 根据市人民政府市长的提请)
_PROPOSER_AFTER = re.compile("(?:[\u4e00-\u9fff]{0,5}?)(?:的)?(?:提名|提请|建议|推荐)")


def _actor(
    at: int, mentions: list[Mention], entities: dict[str, Entity],
    meetings: dict[str, Meeting], reporting_body: str | None, text: str = "",
) -> str | None:
    """Who appoints at ``at``: the meeting named before it, the body that opens its clause,
    or the reporting body (not one named as proposing: 根据主任会议的提名)."""
    before = [m for m in mentions if m.end <= at and m.entity and not (text and _PROPOSER_AFTER.match(text, m.end))]
    for mention in reversed(before):
        if mention.entity in meetings:
            return meetings[mention.entity].body
    for mention in reversed(before):
        entity = entities.get(mention.entity or "")
        if entity is not None and entity.cls == "Organization" and not any(
            other.begin <= mention.begin and mention.end <= other.end and other is not mention and other.cls == "Event" for other in mentions
        ):
            return entity.key
    return reporting_body if reporting_body in entities else None


def _person(
    begin: int, end: int, sentence: Sentence, by_sentence: dict[int, list[Mention]], mentions: list[Mention],
    entities: dict[str, Entity], text: str,
) -> str:
    """The Person entity named at ``begin:end``: the mention there, or a new one."""
    for mention in by_sentence[sentence.index]:
        if mention.begin == begin and mention.end == end and mention.entity and mention.cls == "Person":
            return mention.entity
    name = text[begin:end]
    key = entity_key("Person", name)
    entities.setdefault(key, Entity(key, "Person", name))
    if not any(m.begin < end and begin < m.end for m in by_sentence[sentence.index]):
        mention = Mention(begin, end, sentence.index, "Person", key)
        mentions.append(mention)
        by_sentence[sentence.index].append(mention)
    return key


def _meeting_dates(
    text: str, sentences: tuple[Sentence, ...], meeting_mentions: list[Mention],
    dates_in: dict[int, list[DateMention]], entities: dict[str, Entity],
) -> None:
    """A meeting's date where the text gives it next to the name."""
    for mention in meeting_mentions:
        key = mention.entity or ""
        if entities[key].date:
            continue
        for found in dates_in.get(mention.sentence, ()):
            if found.kind != "act" or len(found.value) != 10:
                continue
            if (found.end <= mention.begin and _BEFORE_MEETING.match(text[found.end : mention.begin])) or (
                found.begin >= mention.end and _AFTER_MEETING.match(text[mention.end : found.begin])
            ):
                entities[key] = replace(entities[key], date=found.value)
                break


def _effective_dates(
    sentences: tuple[Sentence, ...], dates_in: dict[int, list[DateMention]],
    by_sentence: dict[int, list[Mention]], entities: dict[str, Entity], kinds: dict[int, str],
) -> None:
    """自2025年10月1日起施行: the date the instrument named before it (in the sentence or the
    one before, in the same paragraph) takes effect."""
    for index, found_dates in sorted(dates_in.items()):
        for found in found_dates:
            if found.kind != "effective":
                continue
            candidates = [m for m in by_sentence.get(index, ()) if m.end <= found.begin and m.cls in INSTRUMENT_CLASSES and m.entity]
            if not candidates and index > 0 and sentences[index - 1].paragraph == sentences[index].paragraph:
                candidates = [m for m in by_sentence.get(index - 1, ()) if m.cls in INSTRUMENT_CLASSES and m.entity]
            if not candidates:
                continue
            key = max(candidates, key=lambda m: m.begin).entity or ""
            if key in entities and not entities[key].effective_date:
                entities[key] = replace(entities[key], effective_date=found.value)


# 新任命的…副主任委员姜异康: those the meeting before appointed, each after its post.
_NEWLY = re.compile(r"新任命的|新当选的")


@cache
def _ends_in_post() -> re.Pattern[str]:
    return re.compile(f"[^，。；;]{{0,60}}?(?:{'|'.join(map(re.escape, post_words()))})")


def _newly_appointed(text: str, sentence: Sentence, by_sentence: dict[int, list[Mention]], entities: dict[str, Entity]) -> list[Appointment]:
    """新任命的A副主任委员甲，B主任乙、丙跟诵誓词: each person after a post, in the run that
    follows 新任命的 (names listed with 、 share the post before them), appointed to that post."""
    newly = _NEWLY.search(text, sentence.begin, sentence.end)
    if newly is None:
        return []
    persons = sorted((m for m in by_sentence[sentence.index] if m.begin >= newly.end() and m.entity in entities
                      and entities[m.entity].cls == "Person"), key=lambda m: m.begin)
    found: list[Appointment] = []
    at = newly.end()
    for person in persons:
        between = text[at : person.begin]
        if found and between == "、":
            post = found[-1].post
        else:
            lead = between[1:] if found and between[:1] in "，," else (None if found else between)
            if lead is None or not _ends_in_post().fullmatch(lead):
                break
            post = lead
        found.append(Appointment("appointed", newly.span(), ((person.begin, person.end),), post))
        at = person.end
    return found


_DATED = re.compile(r"\s*(?:\d{4}年|\d{1,2}月)")


def _meeting_before(meeting_mentions: list[Mention], begins: list[int], sentences: tuple[Sentence, ...], sentence: Sentence) -> str | None:
    """The meeting named last before ``sentence`` (``meeting_mentions`` in text order, ``begins``
    their offsets), in its paragraph or the one before: what 会议 refers to; further back, the
    one meeting a news item is about, where it names no other before."""
    index = bisect_left(begins, sentence.begin) - 1
    if index < 0:
        return None
    mention = meeting_mentions[index]
    if sentences[mention.sentence].paragraph >= sentence.paragraph - 1:
        return mention.entity
    named = {m.entity for m in meeting_mentions[: index + 1]}
    return mention.entity if len(named) == 1 else None


def _nearest(items: list, anchor: int) -> object | None:
    """The last of ``items`` (with .begin, in text order) before ``anchor``, else the first after it."""
    before = [item for item in items if item.begin < anchor]
    if before:
        return before[-1]
    after = [item for item in items if item.begin >= anchor]
    return after[0] if after else None


class _Context:
    """What the circumstances of every act are read from, indexed once per report."""

    def __init__(
        self, text: str, sentences: tuple[Sentence, ...], by_sentence: dict[int, list[Mention]],
        dates_in: dict[int, list[DateMention]], meeting_mentions: list[Mention], entities: dict[str, Entity],
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.by_sentence = by_sentence
        self.dates_in = dates_in
        self.entities = entities
        self.meetings = meeting_mentions  # in text order
        self.meeting_begins = [m.begin for m in meeting_mentions]
        self.meetings_in: dict[int, list[Mention]] = defaultdict(list)
        for mention in meeting_mentions:
            self.meetings_in[mention.sentence].append(mention)
        self.tallies: dict[int, list[Tally]] = {}

    def _tallies(self, sentence: Sentence) -> list[Tally]:
        if sentence.index not in self.tallies:
            self.tallies[sentence.index] = find_tallies(self.text, sentence.begin, sentence.end)
        return self.tallies[sentence.index]

    def circumstances(self, evidence: Evidence, predicate: str, obj: str) -> Evidence:
        """``evidence`` with the act's date, meeting and tally as its sentence states them."""
        text = self.text
        sentence = next((s for s in _around(self.sentences, evidence.begin) if s.begin == evidence.begin and s.end == evidence.end), None)
        if sentence is None:
            return evidence
        mentions = self.by_sentence.get(sentence.index, [])
        anchor = min((m.begin for m in mentions if m.entity == obj), default=sentence.end)
        event: str | None = None
        if predicate in _AT_MEETING:
            chosen = _nearest(self.meetings_in.get(sentence.index, []), anchor)
            if isinstance(chosen, Mention):
                event = chosen.entity
            else:
                word = _MEETING_WORD.search(text, sentence.begin, anchor)
                if word and not any(m.begin <= word.start() < m.end for m in mentions):
                    event = _meeting_before(self.meetings, self.meeting_begins, self.sentences, sentence)
        # the date before the object, else one after it that 于 or 在 marks as the act's
        # (《条例》于2022年3月1日经…通过), not 审议批准2023年州级财政决算
        acts = [d for d in self.dates_in.get(sentence.index, ()) if d.kind == "act" and (d.begin < anchor or text[d.begin - 1 : d.begin] in ("于", "在"))]
        chosen_date = _nearest(acts, anchor)
        meeting = self.entities.get(event) if event else None
        date = chosen_date.value if isinstance(chosen_date, DateMention) else (meeting.date if meeting else None)
        votes = None
        if predicate in _VOTED:
            tally = _nearest(self._tallies(sentence), anchor)
            votes = tally.votes if isinstance(tally, Tally) else None
        if date is None and event is None and votes is None:
            return evidence
        return replace(evidence, date=date, event=event, votes=votes)


def _around(sentences: tuple[Sentence, ...], begin: int) -> list[Sentence]:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= begin:
            lo = mid + 1
        else:
            hi = mid
    return list(sentences[lo : lo + 2])
