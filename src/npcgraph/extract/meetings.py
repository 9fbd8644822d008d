"""Meetings of a people's congress or its standing committee, one node per meeting.

    十四届全国人大常委会第十五次会议                -> 第十四届全国人民代表大会常务委员会第十五次会议
    市十五届人大常委会第三次会议 (a Wuhan report)  -> 武汉市第十五届人民代表大会常务委员会第三次会议
    市十五届人大一次会议                          -> 武汉市第十五届人民代表大会第一次会议
    常委会第十五次会议 (no 届)                     -> 武汉市人民代表大会常务委员会第十五次会议
    市人大常委会第二十三次主任会议                 -> 武汉市人民代表大会常务委员会第二十三次主任会议

The entity stages find the meeting (an Event) and the body named inside it (an Organization);
here the meeting gets its 届 (``term``) and 次 (``session``), and a label and key made from the
body's canonical name, the term and the session, so that the same meeting written any way in
any report is one node. The written forms become alternative labels. A meeting whose name has
no 届 keeps none: the term is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..ids import entity_key
from ..model import Entity, Mention
from .dates import parse_number

__all__ = ["Meeting", "parse_meeting", "meeting_label", "chinese_number", "CONGRESS"]

_N = r"(?:\d+|[〇零一二两三四五六七八九十百]+)"
_TERM = re.compile(rf"第?(?P<n>{_N})届")
_SESSION = re.compile(rf"第?(?P<n>{_N})次(?:全体)?(?P<kind>主任会议|委员长会议|会议)$")
#: The canonical name of a people's congress contains this; its standing committee adds 常务委员会.
CONGRESS = "人民代表大会"


@dataclass(frozen=True, slots=True)
class Meeting:
    """A congress's or standing committee's meeting: the body's entity, 届 and 次."""

    body: str  # the Organization's entity key
    body_label: str
    term: int | None
    session: int
    kind: str = "会议"  # 主任会议, 委员长会议: a standing committee's chairmen's meeting, numbered apart


def parse_meeting(name: str, body: Entity | None) -> Meeting | None:
    """The meeting ``name`` (as written) of ``body`` (the Organization named inside it), if it
    is a numbered meeting of a people's congress or its standing committee."""
    if body is None or CONGRESS not in body.label or "中全会" in name:
        return None
    session = _SESSION.search(name)
    if not session:
        return None
    number = parse_number(session.group("n"))
    term_match = _TERM.search(name[: session.start()])
    term = parse_number(term_match.group("n")) if term_match else None
    if not number:
        return None
    return Meeting(body.key, body.label, term, number, session.group("kind"))


_UNITS = "零一二三四五六七八九"


def chinese_number(value: int) -> str:
    """15 -> 十五, 30 -> 三十, 103 -> 一百零三 (as meeting names write them)."""
    if value < 10:
        return _UNITS[value]
    if value < 20:
        return "十" + (_UNITS[value % 10] if value % 10 else "")
    if value < 100:
        return _UNITS[value // 10] + "十" + (_UNITS[value % 10] if value % 10 else "")
    rest = value % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
    return _UNITS[value // 100] + "百" + tail


def meeting_label(meeting: Meeting) -> str:
    """The meeting's official name: 武汉市第十五届人民代表大会常务委员会第三次会议."""
    label = meeting.body_label
    at = label.find(CONGRESS)
    term = f"第{chinese_number(meeting.term)}届" if meeting.term else ""
    if label.startswith("全国"):  # 第十四届全国人民代表大会常务委员会
        named = term + label
    else:
        named = label[:at] + term + label[at:]
    return f"{named}第{chinese_number(meeting.session)}次{meeting.kind}"


def body_inside(mention: Mention, mentions: Iterable[Mention], entities: dict[str, Entity]) -> Entity | None:
    """The Organization named inside a meeting's name (十四届[全国人大常委会]第十五次会议)."""
    inside = [
        m for m in mentions
        if m is not mention and m.entity and mention.begin <= m.begin and m.end <= mention.end
        and entities.get(m.entity) is not None and entities[m.entity].cls == "Organization"
    ]
    inside.sort(key=lambda m: (m.begin - m.end, m.begin))  # the longest name
    return entities[inside[0].entity] if inside and inside[0].entity else None


def meeting_key(meeting: Meeting) -> str:
    return entity_key("Event", meeting_label(meeting))
