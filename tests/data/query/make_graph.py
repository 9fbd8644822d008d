"""Build the hand-made two-report corpus the query tests run on, and write handmade.ttl.

The corpus is written with npcgraph's own data model (Report, Entity, Mention, Relation) and
turned into triples by ``npcgraph.rdf.to_graph``, so it follows the graph contract exactly as
``npcgraph build`` does; only the extraction is done by hand. Run it again after the contract
changes:

    python tests/data/query/make_graph.py
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from npcgraph.ids import entity_key, report_key
from npcgraph.model import (
    Corpus,
    Document,
    Entity,
    Evidence,
    Mention,
    Metadata,
    Paragraph,
    Relation,
    Report,
    Section,
    Sentence,
)

HERE = Path(__file__).resolve().parent

# Two short reports in the genre. The first speaks for 武汉市人大常委会 (the implicit subject),
# the second for 南平市人大常委会; both name 《武汉市供水条例》 and 全过程人民民主, and both
# call their own standing committee 市人大常委会 (two different bodies with one short name).
WUHAN = {
    "title": "武汉市人大常委会2021年工作报告",
    "date": "2022-01",
    "author": "张明",
    "post": "主任",
    "body": "武汉市人大常委会",
    "body_full": "武汉市人民代表大会常务委员会",
    "sections": [
        ("立法工作", [
            "市人大常委会坚持全过程人民民主。",
            "制定《武汉市养老服务促进条例》《武汉市供水条例》；",
            "作出《关于加强法院执行工作的决议》。",
            "修订《武汉市旅游条例》。",
        ]),
        ("监督工作", [
            "开展传染病防治法执法检查。",
            "督办“创新健康服务供给”大会议案。",
            "检查《武汉市供水条例》实施情况。",
            "听取审议养老服务体系建设情况报告。",
        ]),
        ("代表工作", [
            "围绕全过程人民民主，扎实开展代表“三进”活动。",
            "建立基层立法联系点制度，设立10个基层立法联系点。",
            "全市325个代表小组开展活动7040次。",
            "主任会议是市人大常委会的工作机构。",
        ]),
    ],
}
NANPING = {
    "title": "南平市人大常委会工作报告",
    "date": "2022-02-15",
    "author": "李华",
    "post": "副主任",
    "body": "南平市人大常委会",
    "body_full": "南平市人民代表大会常务委员会",
    "sections": [
        ("立法和监督", [
            "市人大常委会践行全过程人民民主。",
            "学习借鉴《武汉市供水条例》，制定《南平市河长制条例》。",
            "市委出台《关于加强人大工作的意见》。",
            "开展“我为群众办实事”实践活动，建立代表联络站工作机制。",
            "全市建成代表联络站120余个。",
        ]),
    ],
}


@dataclass
class Builder:
    """Lays out one report's text and records where things are."""

    spec: dict
    text: str = ""
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def layout(self) -> None:
        spec = self.spec
        lines = [spec["title"], f"作者:{spec['body']}{spec['post']} {spec['author']}"]
        self.text = ""

        def paragraph(line: str, kind: str, section: int) -> None:
            begin = len(self.text)
            self.text += line
            index = len(self.paragraphs)
            self.paragraphs.append(Paragraph(index, begin, len(self.text), section, kind))
            for match in re.finditer(r"[^。；]+[。；]?", line):
                self.sentences.append(Sentence(len(self.sentences), begin + match.start(), begin + match.end(), index, section))
            self.text += "\n\n"

        paragraph(lines[0], "title", 0)
        paragraph(lines[1], "byline", 0)
        self.sections.append(Section(0, 0, len(self.text)))
        for heading, sentences in spec["sections"]:
            index = len(self.sections)
            begin = len(self.text)
            paragraph(heading, "heading", index)
            paragraph("".join(sentences), "body", index)
            self.sections.append(Section(index, begin, len(self.text), 1, (begin, begin + len(heading))))
        self.text = self.text.rstrip("\n")
        last = self.sections[-1]
        self.sections[-1] = Section(last.index, last.begin, len(self.text), last.level, last.heading)

    def report(self) -> Report:
        key = report_key(self.text)
        metadata = Metadata(
            title=self.spec["title"], author=self.spec["author"], author_post=self.spec["body"] + self.spec["post"],
            reporting_body=self.spec["body"], jurisdiction=self.spec["body"][:3], date=self.spec["date"],
        )
        return Report(
            key=key, source_file=f"{self.spec['body'][:3]}.txt", text=self.text,
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(), metadata=metadata,
            sections=tuple(self.sections), paragraphs=tuple(self.paragraphs), sentences=tuple(self.sentences),
        )


class Annotator:
    """Entities, mentions and relations of one report, found by exact strings."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.relations: dict[tuple[str, str, str], Relation] = {}

    def entity(self, cls: str, name: str, *written: str, value: int | None = None, unit: str | None = None, approximate: bool = False, find: tuple[str, ...] = ()) -> str:
        """Add an entity and a mention wherever one of its names (or ``find``) occurs; a
        mention may sit inside another entity's mention, never inside one of its own."""
        key = entity_key(cls, name)
        alts = tuple(sorted(set(written) - {name}))
        old = self.entities.get(key)
        if old is not None:
            alts = tuple(sorted(set(old.alt_labels) | set(alts)))
        self.entities[key] = Entity(key, cls, name, alts, None if value is None else Decimal(value), approximate, unit)
        for form in find or (name, *written):
            start = 0
            while (at := self.report.text.find(form, start)) >= 0:
                start = at + len(form)
                overlaps = any(m.begin < at + len(form) and at < m.end and m.entity == key for m in self.mentions)
                sentence = self.report.sentence_at(at)
                if not overlaps and sentence is not None:
                    self.mentions.append(Mention(at, at + len(form), sentence.index, cls, key))
        return key

    def relate(self, subject: str, predicate: str, obj: str, sentence_text: str, post: str | None = None) -> None:
        at = self.report.text.find(sentence_text)
        assert at >= 0, sentence_text
        sentence = self.report.sentence_at(at)
        assert sentence is not None
        evidence = Evidence(self.report.key, sentence.begin, sentence.end)
        old = self.relations.get((subject, predicate, obj))
        evidences = tuple(sorted(set((old.evidence if old else ()) + (evidence,))))
        self.relations[(subject, predicate, obj)] = Relation(subject, predicate, obj, evidences, post)

    def document(self, body: str, author: str) -> Document:
        return Document(
            report=self.report,
            mentions=tuple(sorted(self.mentions, key=lambda m: (m.begin, m.end))),
            entities=tuple(self.entities[k] for k in sorted(self.entities)),
            relations=tuple(self.relations[k] for k in sorted(self.relations)),
            author=author,
            reporting_body=body,
        )


def wuhan() -> Document:
    builder = Builder(WUHAN)
    builder.layout()
    a = Annotator(builder.report())
    body = a.entity("Organization", WUHAN["body_full"], WUHAN["body"], "市人大常委会")
    author = a.entity("Person", WUHAN["author"])
    a.relate(author, "memberOf", body, "作者:", post=WUHAN["post"])
    democracy = a.entity("Concept", "全过程人民民主")
    elderly = a.entity("Regulation", "武汉市养老服务促进条例")
    water = a.entity("Regulation", "武汉市供水条例")
    courts = a.entity("Resolution", "关于加强法院执行工作的决议")
    tourism = a.entity("Regulation", "武汉市旅游条例")
    law = a.entity("Law", "中华人民共和国传染病防治法", "传染病防治法")
    inspection = a.entity("SupervisionActivity", "传染病防治法执法检查")
    motion = a.entity("Motion", "创新健康服务供给大会议案", "“创新健康服务供给”大会议案")
    review = a.entity("SupervisionActivity", "听取审议养老服务体系建设情况报告")
    program = a.entity("Program", "代表“三进”活动")
    mechanism = a.entity("Mechanism", "基层立法联系点制度")
    platform = a.entity("Platform", "基层立法联系点")
    groups = a.entity("Organization", "代表小组")
    council = a.entity("Organization", "武汉市人大常委会主任会议", "主任会议")
    points = a.entity("Statistic", "基层立法联系点", value=10, unit="个", find=("10个基层立法联系点",))
    group_count = a.entity("Statistic", "代表小组", value=325, unit="个", find=("325个代表小组",))
    a.relate(body, "enacted", elderly, "制定《武汉市养老服务促进条例》")
    a.relate(body, "enacted", water, "制定《武汉市养老服务促进条例》")
    a.relate(body, "adopted", courts, "作出《关于加强法院执行工作的决议》")
    a.relate(body, "revised", tourism, "修订《武汉市旅游条例》")
    a.relate(body, "conducted", inspection, "开展传染病防治法执法检查")
    a.relate(body, "inspected", law, "开展传染病防治法执法检查")
    a.relate(body, "inspected", water, "检查《武汉市供水条例》实施情况")
    a.relate(body, "supervised", motion, "督办“创新健康服务供给”大会议案")
    a.relate(body, "conducted", review, "听取审议养老服务体系建设情况报告")
    a.relate(body, "conducted", program, "扎实开展代表“三进”活动")
    a.relate(body, "established", mechanism, "建立基层立法联系点制度")
    a.relate(body, "established", platform, "建立基层立法联系点制度")
    a.relate(points, "counts", platform, "建立基层立法联系点制度")
    a.relate(group_count, "counts", groups, "全市325个代表小组")
    a.relate(council, "partOf", body, "主任会议是市人大常委会的工作机构")
    a.relate(program, "concerns", democracy, "扎实开展代表“三进”活动")
    # Graph contract version 2: a dated meeting with an act and its tally, an appointment and an
    # approval, stated by sentences above (the text itself is unchanged, so are its IRIs)
    session = a.entity("Event", "武汉市第十五届人民代表大会常务委员会第三十次会议")
    province = a.entity("Organization", "湖北省人民代表大会常务委员会")
    a.relate(session, "organizedBy", body, "制定《武汉市养老服务促进条例》")
    a.relate(body, "appointed", author, "制定《武汉市养老服务促进条例》", post="武汉市人民代表大会常务委员会主任")
    a.relate(province, "approved", water, "制定《武汉市养老服务促进条例》")
    document = a.document(body, author)
    details = {
        (body, "enacted", water): {"date": "2021-07-30", "event": session, "votes": (56, 0, 1)},
        (body, "enacted", elderly): {"date": "2021"},
        (body, "appointed", author): {"date": "2021-07-30", "event": session},
        (province, "approved", water): {"date": "2021-09"},
    }
    entities = {
        session: {"term": 15, "session": 30, "date": "2021-07-30"},
        water: {"effective_date": "2021-10-01"},
    }
    return replace(
        document,
        entities=tuple(replace(e, **entities.get(e.key, {})) for e in document.entities),
        relations=tuple(
            replace(r, evidence=tuple(replace(e, **details.get((r.subject, r.predicate, r.object), {})) for e in r.evidence))
            for r in document.relations
        ),
    )


def nanping() -> Document:
    builder = Builder(NANPING)
    builder.layout()
    a = Annotator(builder.report())
    body = a.entity("Organization", NANPING["body_full"], NANPING["body"], "市人大常委会")
    author = a.entity("Person", NANPING["author"])
    a.relate(author, "memberOf", body, "作者:", post=NANPING["post"])
    a.entity("Concept", "全过程人民民主")
    a.entity("Regulation", "武汉市供水条例")
    river = a.entity("Regulation", "南平市河长制条例")
    party = a.entity("Organization", "中共南平市委员会", "市委")
    opinion = a.entity("Opinion", "关于加强人大工作的意见")
    program = a.entity("Program", "“我为群众办实事”实践活动")
    mechanism = a.entity("Mechanism", "代表联络站工作机制")
    stations = a.entity("Platform", "代表联络站")
    count = a.entity("Statistic", "代表联络站", value=120, unit="个", approximate=True, find=("代表联络站120余个",))
    a.relate(body, "enacted", river, "制定《南平市河长制条例》")
    a.relate(party, "issued", opinion, "市委出台《关于加强人大工作的意见》")
    a.relate(body, "conducted", program, "开展“我为群众办实事”实践活动")
    a.relate(body, "established", mechanism, "开展“我为群众办实事”实践活动")
    a.relate(count, "counts", stations, "全市建成代表联络站120余个")
    return a.document(body, author)


def corpus() -> Corpus:
    documents = sorted([wuhan(), nanping()], key=lambda d: d.report.key)
    return Corpus(tuple(documents))


def main() -> int:
    from npcgraph import serialize, to_graph

    target = HERE / "handmade.ttl"
    target.write_bytes(serialize(to_graph(corpus()), "turtle"))
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
