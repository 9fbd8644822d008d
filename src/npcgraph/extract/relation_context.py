"""What the relation rules need to know about a whole document before reading its sentences.

- which sentences state deeds at all: not those of plan sections (2023年工作安排, 今后五年…), of
  answers to a question about plans (问：下一步有什么打算？) or of the items a speaker's announced
  words run over (…指出，有以下特点：一是，…);
- where an interview answer's words start (after 答：);
- the bodies by every name they go by, short names expanded in the report's jurisdiction, to
  find the body holding a meeting (市六届人大三次会议 → 宜昌市人民代表大会) and the body the
  title names when no stage made it the reporting body.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Document, Report
from .entities import jurisdiction
from .patterns import lazy
from .relation_cues import markers
from .resolve import full_org_name

__all__ = ["OrgNames", "named_reporting_body", "after_dateline", "after_speaker", "plan_sections", "planned_answers", "quoted_items"]

_SPEAKER = re.compile(r"[^\s:：，。]{1,6}\s*[:：]\s*")


class OrgNames:
    """Bodies by every name they go by in the document, to find the body holding a meeting
    (short names are expanded in the report's jurisdiction: 市人大 → 宜昌市人民代表大会)."""

    def __init__(self, document: Document) -> None:
        self.context = jurisdiction(document)
        self.keys: dict[str, set[str]] = defaultdict(set)
        for entity in document.entities:
            if entity.cls != "Organization":
                continue
            for name in (entity.label, *entity.alt_labels):
                self.keys[name].add(entity.key)
                self.keys[full_org_name(name, self.context)].add(entity.key)

    def find(self, name: str) -> str | None:
        keys = self.keys.get(name) or self.keys.get(full_org_name(name, self.context)) or set()
        return next(iter(keys)) if len(keys) == 1 else None


def named_reporting_body(document: Document, names: OrgNames) -> str | None:
    """The body the metadata names as speaking (from the title: 武昌区人民代表大会常务委员会工作报告),
    when no stage made it the document's reporting body but the text names it as an entity."""
    name = document.report.metadata.reporting_body
    return names.find(name) if name else None


# A news item's dateline: 央视网消息（新闻联播）：, 新华社北京3月11日电, 本报讯（记者 王芳）: who
# reports, not who acts.
_DATELINE = re.compile(
    r"(?:[^\s:：，。；]{0,20}?[报网台社刊](?:消息|讯)|[^\s:：，。；]{1,8}?社[^\s:：，。；]{0,14}?电)(?:\s*[（(][^）)]{0,30}[）)])?\s*[:：]?\s*"
)


def only_committee(document: Document) -> str | None:
    """The one standing committee a report's text names, when nothing else tells who speaks in it
    (区第十六届人大常委会召开第二十二次会议…: the district's, its district never named)."""
    entities = {e.key: e for e in document.entities}
    named = {m.entity for m in document.mentions if m.entity in entities}
    committees = [k for k in sorted(named) if entities[k].cls == "Organization" and entities[k].label.endswith("人民代表大会常务委员会")]
    return committees[0] if len(committees) == 1 else None


def reported_by(document: Document, name: str) -> bool:
    """Whether ``name`` signs the report as its reporter (本报记者 刘海波, 通讯员 张伟): who writes
    down what others say, not who speaks."""
    return re.search(f"(?:记者|通讯员)\\s*{re.escape(name)}", document.report.text) is not None


def after_dateline(text: str, begin: int, end: int) -> int:
    """Past a news item's dateline at the start of a sentence."""
    match = _DATELINE.match(text, begin, end)
    return match.end() if match else begin


def after_speaker(text: str, begin: int, end: int) -> int:
    """Past an interview's speaker (答：, 陈立新：) at the start of a sentence."""
    match = _SPEAKER.match(text, begin, end)
    return match.end() if match else begin


def _plan_words() -> list[str]:
    return [word for word, role in markers().items() if role == "plan"]


# A paragraph that ends by announcing a speaker's words (臧铁伟指出，…有以下特点：) and the items that
# follow it (一是，…; 二是，…; （一）…; 1.…): what was said, not deeds stated by the text.
_ANNOUNCED = re.compile("[:：]\\s*$")
_ENUMERATED = lazy("\\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|[（(][一二三四五六七八九十\\d]+[）)]|[一二三四五六七八九十]+、|\\d+[.、．])")


def quoted_items(report: Report) -> set[int]:
    """The paragraphs a speaker's announced words run over: enumerated items after a paragraph
    that ends with a speech word's colon (…指出，2023年立法工作有以下特点：)."""
    speech = [word for word, role in markers().items() if role == "speech"]
    quoted: set[int] = set()
    quoting = False
    for paragraph in report.paragraphs:
        written = report.span(paragraph.begin, paragraph.end)
        if quoting and _ENUMERATED.match(written):
            quoted.add(paragraph.index)
            continue
        last = re.split("[。！？!?]", written.rstrip())[-1]  # the paragraph's last sentence
        quoting = bool(_ANNOUNCED.search(written)) and any(word in last for word in speech)
    return quoted


def planned_answers(report: Report) -> set[int]:
    """Answers to a question about plans (问：下一步有什么打算？): paragraphs that plan."""
    planned: set[int] = set()
    asked_plans = False
    for paragraph in report.paragraphs:
        if paragraph.kind == "question":
            asked_plans = any(word in report.span(paragraph.begin, paragraph.end) for word in _plan_words())
        elif paragraph.kind == "answer" and asked_plans:
            planned.add(paragraph.index)
    return planned


def plan_sections(report: Report) -> set[int]:
    """Sections that plan rather than report (2023年工作安排, 下一步工作), with their subsections."""
    words = _plan_words()
    plans: set[int] = set()
    # a news item's title and the deck under it (蒋超良主持 决定省十三届人大一次会议明年…召开) head the
    # whole item: no plan section, whatever they announce
    titled = len(report.paragraphs) > 1 and report.paragraphs[0].kind == "title"
    deck_end = report.paragraphs[1].end if titled and report.paragraphs[1].kind == "heading" else 0
    for section in report.sections:  # parents come before their subsections
        heading = report.span(*section.heading) if section.heading and section.heading[0] >= deck_end else ""
        if any(word in heading for word in words) or section.parent in plans:
            plans.add(section.index)
    return plans
