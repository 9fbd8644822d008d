"""Relation extraction, sentence by sentence, on documents with hand-placed mentions.

These tests place the mentions themselves (``annotated``), so they check the relation rules
only, whatever the entity extraction finds; tests/test_relations_seed.py runs the whole
pipeline on the seed.
"""

from __future__ import annotations

import pytest

from npcgraph.extract import STAGES
from npcgraph.extract.relation_cues import relation_schema
from npcgraph.extract.relations import extract_relations
from npcgraph.model import Evidence

from npcgraph.ids import entity_key
from npcgraph.model import Document, Entity, Mention, Paragraph, Report, Section, Sentence

REPORTING_BODY = "武汉市人民代表大会常务委员会"
_SHORT_FORMS = ("武汉市人大常委会", "市人大常委会", "常委会")
_ENDS = "。！？；"


def _sentences(text: str) -> list[Sentence]:
    sentences, begin = [], 0
    for at, ch in enumerate(text):
        if ch in _ENDS:
            sentences.append(Sentence(len(sentences), begin, at + 1, 0, 0))
            begin = at + 1
    if begin < len(text):
        sentences.append(Sentence(len(sentences), begin, len(text), 0, 0))
    return sentences


def key(cls: str, label: str) -> str:
    return entity_key(cls, label)


def body_key() -> str:
    return key("Organization", REPORTING_BODY)


def annotated(
    text: str,
    *annotations: tuple[str, ...],
    reporting_body: bool = True,
    paragraph_kind: str = "body",
) -> Document:
    sentences = _sentences(text)
    report = Report(
        key="testreport",
        source_file="test.txt",
        text=text,
        sha256="0" * 64,
        sections=(Section(0, 0, len(text)),),
        paragraphs=(Paragraph(0, 0, len(text), 0, kind=paragraph_kind),),
        sentences=tuple(sentences),
    )
    entities: dict[str, Entity] = {}
    if reporting_body:
        entities[body_key()] = Entity(body_key(), "Organization", REPORTING_BODY, _SHORT_FORMS)
    mentions: list[Mention] = []
    searched_from: dict[str, int] = {}
    for annotation in annotations:
        written, cls = annotation[0], annotation[1]
        label = annotation[2] if len(annotation) > 2 else written
        if label in _SHORT_FORMS:
            label = REPORTING_BODY
        at = text.find(written, searched_from.get(written, 0))
        assert at >= 0, f"{written} not in the text (after the previous one)"
        searched_from[written] = at + 1
        entity = key(cls, label)
        old = entities.get(entity)
        alts = set(old.alt_labels if old else ()) | ({written} - {label})
        entities[entity] = Entity(entity, cls, label, tuple(sorted(alts)))
        sentence = next(s for s in sentences if s.begin <= at < s.end)
        mentions.append(Mention(at, at + len(written), sentence.index, cls, entity))
    return Document(
        report=report,
        mentions=tuple(sorted(mentions, key=lambda m: (m.begin, m.end))),
        entities=tuple(entities.values()),
        reporting_body=body_key() if reporting_body else None,
    )


def facts(document: Document) -> set[tuple[str, str, str]]:
    """The relations as (subject label, predicate, object label)."""
    labels = {entity.key: entity.label for entity in document.entities}
    return {(labels[r.subject], r.predicate, labels[r.object]) for r in document.relations}


B = REPORTING_BODY
DECISION_COVID = "关于依法全力打赢新冠肺炎疫情防控武汉保卫战的决定"
OPINION_DEPUTIES = "关于进一步发挥全市各级人大代表在抗击新冠肺炎疫情中作用的意见"

# (id, text, annotations, the facts expected: exactly these)
CASES = [
    (
        "enacted-title",
        "制定《武汉市养老服务促进条例》。",
        [("武汉市养老服务促进条例", "Regulation")],
        {(B, "enacted", "武汉市养老服务促进条例")},
    ),
    (
        "enacted-back-to-back-titles",
        "制定《武汉市物业管理条例》《武汉市供水条例》。",
        [("武汉市物业管理条例", "Regulation"), ("武汉市供水条例", "Regulation")],
        {(B, "enacted", "武汉市物业管理条例"), (B, "enacted", "武汉市供水条例")},
    ),
    (
        "several-verb-phrases-and-lists",
        "制定市人民代表大会议事规则、市人大常委会议事规则，出台审议意见办理办法，修订市人大常委会讨论决定重大事项规定。",
        [
            ("市人民代表大会议事规则", "Rules"),
            ("市人大常委会议事规则", "Rules"),
            ("市人大常委会", "Organization"),
            ("审议意见办理办法", "Measures"),
            ("市人大常委会讨论决定重大事项规定", "Rules"),
            ("市人大常委会", "Organization"),
        ],
        {
            (B, "enacted", "市人民代表大会议事规则"),
            (B, "enacted", "市人大常委会议事规则"),
            (B, "issued", "审议意见办理办法"),
            (B, "revised", "市人大常委会讨论决定重大事项规定"),
        },
    ),
    (
        "several-verbs-one-clause-each",
        "制定《甲条例》、《乙条例》，出台《丙办法》，修订《丁规定》，废止《戊决定》。",
        [("甲条例", "Regulation"), ("乙条例", "Regulation"), ("丙办法", "Measures"), ("丁规定", "Rules"), ("戊决定", "Decision")],
        {
            (B, "enacted", "甲条例"),
            (B, "enacted", "乙条例"),
            (B, "issued", "丙办法"),
            (B, "revised", "丁规定"),
            (B, "repealed", "戊决定"),
        },
    ),
    (
        "adopted-issued-conducted-inspected",
        f"作出《{DECISION_COVID}》，出台《{OPINION_DEPUTIES}》，开展传染病防治法执法检查。",
        [
            (DECISION_COVID, "Decision"),
            (OPINION_DEPUTIES, "Opinion"),
            ("传染病防治法执法检查", "SupervisionActivity"),
            ("传染病防治法", "Law"),
        ],
        {
            (B, "adopted", DECISION_COVID),
            (B, "issued", OPINION_DEPUTIES),
            (B, "conducted", "传染病防治法执法检查"),
            (B, "inspected", "传染病防治法"),
        },
    ),
    (
        "inspected-law-without-activity-mention",
        "开展传染病防治法执法检查。",
        [("传染病防治法", "Law")],
        {(B, "inspected", "传染病防治法")},
    ),
    (
        "inspected-implementation",
        "检查《武汉市旅游条例》实施情况。",
        [("武汉市旅游条例", "Regulation")],
        {(B, "inspected", "武汉市旅游条例")},
    ),
    (
        "inspected-fronted-by-dui",
        "对食品安全法、传染病防治法开展执法检查。",
        [("食品安全法", "Law"), ("传染病防治法", "Law")],
        {(B, "inspected", "食品安全法"), (B, "inspected", "传染病防治法")},
    ),
    (
        "revised-fronted-by-dui",
        "对《武汉市湖泊保护条例》进行修订。",
        [("武汉市湖泊保护条例", "Regulation")],
        {(B, "revised", "武汉市湖泊保护条例")},
    ),
    (
        "supervised-motion",
        "督办“创新健康服务供给”大会议案。",
        [("“创新健康服务供给”大会议案", "Motion", "创新健康服务供给大会议案")],
        {(B, "supervised", "创新健康服务供给大会议案")},
    ),
    (
        "supervised-motions-closed-by-deng",
        "督办“推进养老服务高质量发展”等议案。",
        [("推进养老服务高质量发展", "Motion")],
        {(B, "supervised", "推进养老服务高质量发展")},
    ),
    (
        "reviewed-report-subject",
        "听取审议扫黑除恶专项斗争等工作情况报告。",
        [("扫黑除恶专项斗争", "Program")],
        {(B, "reviewed", "扫黑除恶专项斗争")},
    ),
    (
        "reviewed-inside-a-hearing-mention",
        "听取审议中小学素质教育、义务教育法实施情况等工作报告。",
        [("听取审议中小学素质教育、义务教育法实施情况等工作报告", "SupervisionActivity"), ("义务教育法", "Law")],
        {(B, "reviewed", "义务教育法"), (B, "conducted", "听取审议中小学素质教育、义务教育法实施情况等工作报告")},
    ),
    (
        "conducted-inquiry",
        "组织城市精细化管理专题询问。",
        [("城市精细化管理专题询问", "SupervisionActivity")],
        {(B, "conducted", "城市精细化管理专题询问")},
    ),
    (
        "established-through-a-statistic",
        "设立10个基层立法联系点，建设司法监督工作信息平台。",
        [
            ("10个基层立法联系点", "Statistic", "基层立法联系点"),
            ("基层立法联系点", "Platform"),
            ("司法监督工作信息平台", "Platform"),
        ],
        {
            ("基层立法联系点", "counts", "基层立法联系点"),
            (B, "established", "基层立法联系点"),
            (B, "established", "司法监督工作信息平台"),
        },
    ),
    (
        "established-mechanism",
        "建立健全政府向人大常委会报告国有资产管理情况制度。",
        [
            ("政府向人大常委会报告国有资产管理情况制度", "Mechanism"),
            ("政府", "Organization", "武汉市人民政府"),
            ("人大常委会", "Organization"),
        ],
        {(B, "established", "政府向人大常委会报告国有资产管理情况制度")},
    ),
    (
        "modifiers-are-not-objects",
        "建立健全政府向人大常委会报告国有资产管理情况制度。",
        [("政府", "Organization", "武汉市人民政府"), ("人大常委会", "Organization")],
        set(),
    ),
    (
        "explicit-subject-wins",
        "市委先后出台《关于加强新时代人大工作的意见》，支持人大依法履职。",
        [("市委", "Organization", "中共武汉市委员会"), ("关于加强新时代人大工作的意见", "Opinion")],
        {("中共武汉市委员会", "issued", "关于加强新时代人大工作的意见")},
    ),
    (
        "explicit-subject-carries-to-later-clauses",
        "近年来，市委先后就健全人大讨论决定重大事项制度作出部署，出台《关于加强新时代人大工作的意见》。",
        [
            ("市委", "Organization", "中共武汉市委员会"),
            ("人大讨论决定重大事项制度", "Mechanism"),
            ("关于加强新时代人大工作的意见", "Opinion"),
        ],
        {("中共武汉市委员会", "issued", "关于加强新时代人大工作的意见")},
    ),
    (
        "coordinated-subjects",
        "市委、市政府印发《关于加强人大代表工作的意见》。",
        [
            ("市委", "Organization", "中共武汉市委员会"),
            ("市政府", "Organization", "武汉市人民政府"),
            ("关于加强人大代表工作的意见", "Opinion"),
        ],
        {("中共武汉市委员会", "issued", "关于加强人大代表工作的意见"), ("武汉市人民政府", "issued", "关于加强人大代表工作的意见")},
    ),
    (
        "meeting-stands-for-its-body",
        "浙江省委十一届十次全体会议作出《关于建设法治浙江的决定》。",
        [
            ("浙江省委十一届十次全体会议", "Event"),
            ("浙江省委", "Organization", "中共浙江省委员会"),
            ("关于建设法治浙江的决定", "Decision"),
        ],
        {("中共浙江省委员会", "adopted", "关于建设法治浙江的决定")},
    ),
    (
        "meeting-numbering-is-not-the-body",
        "省人大常委会高度重视。省十届人大常委会第二十五次会议作出《关于加强检察机关法律监督工作的决议》。",
        [
            ("省人大常委会", "Organization", "浙江省人民代表大会常务委员会"),
            ("省十届人大常委会第二十五次会议", "Event"),
            ("关于加强检察机关法律监督工作的决议", "Resolution"),
        ],
        {("浙江省人民代表大会常务委员会", "adopted", "关于加强检察机关法律监督工作的决议")},
    ),
    (
        "unknown-meeting-holder-is-no-guess",
        "省十届人大常委会第二十五次会议作出《关于加强检察机关法律监督工作的决议》。",
        [("省十届人大常委会第二十五次会议", "Event"), ("关于加强检察机关法律监督工作的决议", "Resolution")],
        set(),
    ),
    (
        "passive-jing",
        "《湖北省水污染防治条例》经省人大常委会审议通过。",
        [("湖北省水污染防治条例", "Regulation"), ("省人大常委会", "Organization", "湖北省人民代表大会常务委员会")],
        {("湖北省人民代表大会常务委员会", "enacted", "湖北省水污染防治条例")},
    ),
    (
        "passive-you",
        "《武汉市政府规章制定程序规定》由市人民政府制定。",
        [("武汉市政府规章制定程序规定", "Rules"), ("市人民政府", "Organization", "武汉市人民政府")],
        {("武汉市人民政府", "enacted", "武汉市政府规章制定程序规定")},
    ),
    (
        "requested-forwarding",
        "报请市委转发《关于进一步提高立法质量和效率的实施意见》，修订《武汉市人大常委会议事规则》。",
        [
            ("市委", "Organization", "中共武汉市委员会"),
            ("关于进一步提高立法质量和效率的实施意见", "Opinion"),
            ("武汉市人大常委会议事规则", "Rules"),
        ],
        {
            ("中共武汉市委员会", "forwarded", "关于进一步提高立法质量和效率的实施意见"),
            (B, "revised", "武汉市人大常委会议事规则"),
        },
    ),
    (
        "requested-forwarding-in-a-bing-clause",
        "每年初提请市委专题研究工作安排，并转发《市人大常委会年度立法计划》。",
        [("市委", "Organization", "中共武汉市委员会"), ("市人大常委会年度立法计划", "Plan")],
        {("中共武汉市委员会", "forwarded", "市人大常委会年度立法计划")},
    ),
    (
        "women-is-the-reporting-body",
        "实践中，我们制定《武汉市供水条例》。",
        [("武汉市供水条例", "Regulation")],
        {(B, "enacted", "武汉市供水条例")},
    ),
    (
        "wo-shi-is-not-the-reporting-body",
        "我市出台《武汉市文明行为促进办法》。",
        [("武汉市文明行为促进办法", "Measures")],
        set(),
    ),
    (
        "topic-concerns",
        "围绕病有所医，开展“切实解决群众看病难看病贵问题”专题询问，督办“创新健康服务供给”大会议案。",
        [
            ("病有所医", "Concept"),
            ("“切实解决群众看病难看病贵问题”专题询问", "SupervisionActivity", "切实解决群众看病难看病贵问题专题询问"),
            ("“创新健康服务供给”大会议案", "Motion", "创新健康服务供给大会议案"),
        ],
        {
            (B, "conducted", "切实解决群众看病难看病贵问题专题询问"),
            (B, "supervised", "创新健康服务供给大会议案"),
            ("切实解决群众看病难看病贵问题专题询问", "concerns", "病有所医"),
            ("创新健康服务供给大会议案", "concerns", "病有所医"),
        },
    ),
    (
        "second-topic-starts-a-new-scope",
        "聚焦疫情防控，作出《甲决定》，围绕疫后发展组织专题调研。",
        [("疫情防控", "Concept"), ("甲决定", "Decision"), ("疫后发展", "Concept"), ("专题调研", "SupervisionActivity")],
        {
            (B, "adopted", "甲决定"),
            (B, "conducted", "专题调研"),
            ("甲决定", "concerns", "疫情防控"),
            ("专题调研", "concerns", "疫后发展"),
        },
    ),
    (
        "member-of-with-post",
        "武汉市人大常委会主任胡立山出席会议。",
        [("武汉市人大常委会", "Organization"), ("胡立山", "Person")],
        {("胡立山", "memberOf", B)},
    ),
    (
        "organ-part-of-its-body",
        "市人大常委会党组把学习作为第一项议程。",
        [("市人大常委会党组", "Organization", "武汉市人民代表大会常务委员会党组"), ("市人大常委会", "Organization")],
        {("武汉市人民代表大会常务委员会党组", "partOf", B)},
    ),
    (
        "statistic-as-subject",
        "全市325个代表小组累计开展“三进”活动7040次。",
        [
            ("325个代表小组", "Statistic", "代表小组"),
            ("代表小组", "Organization", "武汉市人大代表小组"),
            ("“三进”活动", "Program", "三进活动"),
        ],
        {("代表小组", "counts", "武汉市人大代表小组"), ("武汉市人大代表小组", "conducted", "三进活动")},
    ),
    (
        "meeting-and-agreement",
        "组织召开联席会议通过协同立法框架协议。",
        [("联席会议", "Event"), ("协同立法框架协议", "Agreement")],
        {(B, "conducted", "联席会议"), (B, "enacted", "协同立法框架协议")},
    ),
    (
        "tongguo-as-a-preposition",
        "通过座谈会、论证会广泛听取意见。",
        [("座谈会", "Event"), ("论证会", "Event")],
        set(),
    ),
    (
        "trigger-inside-a-title",
        "作出《关于修改〈武汉市城市建设档案管理条例〉的决定》。",
        [("关于修改〈武汉市城市建设档案管理条例〉的决定", "Decision"), ("武汉市城市建设档案管理条例", "Regulation")],
        {(B, "adopted", "关于修改〈武汉市城市建设档案管理条例〉的决定")},
    ),
    (
        "plans-are-not-facts",
        "今年，我们将继续制定《武汉市河湖长制条例》，修改《武汉市城市绿化条例》。",
        [("武汉市河湖长制条例", "Regulation"), ("武汉市城市绿化条例", "Regulation")],
        set(),
    ),
    (
        "pushed-for-by-the-speaker-done-by-another",
        "推动出台《武汉市优化营商环境办法》。",
        [("武汉市优化营商环境办法", "Measures")],
        set(),
    ),
    (
        "urged-body-acts",
        "督促市政府出台《武汉市优化营商环境办法》。",
        [("市政府", "Organization", "武汉市人民政府"), ("武汉市优化营商环境办法", "Measures")],
        {("武汉市人民政府", "issued", "武汉市优化营商环境办法")},
    ),
    (
        "guanyu-inside-a-hearing-does-not-cut-it",
        "听取审议市人民政府关于优化营商环境工作情况的报告。",
        [("市人民政府", "Organization", "武汉市人民政府"), ("优化营商环境", "Concept")],
        {(B, "reviewed", "优化营商环境")},
    ),
    (
        "approval-is-not-enactment",
        "《宜昌市长江岸线保护条例》经湖北省人大常委会批准。",
        [("宜昌市长江岸线保护条例", "Regulation"), ("湖北省人大常委会", "Organization", "湖北省人民代表大会常务委员会")],
        {("湖北省人民代表大会常务委员会", "approved", "宜昌市长江岸线保护条例")},  # approved, not enacted (contract v2)
    ),
    (
        "passive-through-a-meeting",
        "《宜昌市城区重点绿地保护条例》经市六届人大常委会第五次会议审议通过。",
        [("宜昌市城区重点绿地保护条例", "Regulation"), ("市六届人大常委会第五次会议", "Event")],
        {(B, "enacted", "宜昌市城区重点绿地保护条例")},
    ),
    (
        "activity-as-the-clauses-verb",
        "专题调研全市旅游产业发展情况，持续跟踪推进《关于加快推进全域旅游大发展的决议》的落实。",
        [("专题调研全市旅游产业发展情况", "SupervisionActivity"), ("关于加快推进全域旅游大发展的决议", "Resolution")],
        {(B, "conducted", "专题调研全市旅游产业发展情况"), (B, "supervised", "关于加快推进全域旅游大发展的决议")},
    ),
    (
        "activity-as-an-object-is-not-a-verb",  # 执法检查 inspects nothing here; the modes used are conducted
        "综合运用执法检查、专题询问等多种手段。",
        [("执法检查", "SupervisionActivity"), ("专题询问", "SupervisionActivity")],
        {(B, "conducted", "执法检查"), (B, "conducted", "专题询问")},
    ),
    (
        "organ-by-its-canonical-name",
        "主任会议成员领衔督办。",
        [("主任会议", "Organization", "武汉市人民代表大会常务委员会主任会议")],
        {("武汉市人民代表大会常务委员会主任会议", "partOf", B)},
    ),
    (
        "established-a-body",
        "成立常委会代表工作委员会，开通“代表直通车”。",
        [
            ("常委会代表工作委员会", "Organization", "武汉市人民代表大会常务委员会代表工作委员会"),
            ("“代表直通车”", "Platform", "代表直通车"),
        ],
        {
            (B, "established", "武汉市人民代表大会常务委员会代表工作委员会"),
            ("武汉市人民代表大会常务委员会代表工作委员会", "partOf", B),
            (B, "established", "代表直通车"),
        },
    ),
    (
        "heard-a-report",
        "听取和审议市人民政府关于国民经济和社会发展计划执行情况的报告。",
        [("市人民政府", "Organization", "武汉市人民政府"), ("国民经济和社会发展计划", "Plan")],
        {(B, "reviewed", "国民经济和社会发展计划")},
    ),
    (
        "supported-body-acts",
        "支持市政府出台《武汉市优化营商环境办法》。",
        [("市政府", "Organization", "武汉市人民政府"), ("武汉市优化营商环境办法", "Measures")],
        {("武汉市人民政府", "issued", "武汉市优化营商环境办法")},
    ),
    (
        "commissioned-unnamed-party-acts",
        "委托第三方开展立法后评估。",
        [("立法后评估", "SupervisionActivity")],
        set(),
    ),
    (
        "partners-act-with-the-subject",
        "与上海市人大常委会同步制定《长三角生态绿色一体化发展示范区条例》，签署协同立法合作框架协议。",
        [
            ("上海市人大常委会", "Organization", "上海市人民代表大会常务委员会"),
            ("长三角生态绿色一体化发展示范区条例", "Regulation"),
            ("协同立法合作框架协议", "Agreement"),
        ],
        {
            (B, "enacted", "长三角生态绿色一体化发展示范区条例"),
            ("上海市人民代表大会常务委员会", "enacted", "长三角生态绿色一体化发展示范区条例"),
            (B, "enacted", "协同立法合作框架协议"),
            ("上海市人民代表大会常务委员会", "enacted", "协同立法合作框架协议"),
        },
    ),
    (
        "newly-set-up",
        "新设基层立法联系点25个。",
        [("基层立法联系点", "Platform"), ("25个", "Statistic", "基层立法联系点")],
        {(B, "established", "基层立法联系点"), ("基层立法联系点", "counts", "基层立法联系点")},
    ),
    (
        "coordinated-hearings-after-an-adverb",
        "首次听取审议省监察委员会关于追逃追赃工作情况的报告，听取审议省高级人民法院关于知识产权审判工作情况的报告、省人民检察院关于公益诉讼检察工作情况的报告。",
        [
            ("听取审议省监察委员会关于追逃追赃工作情况的报告", "SupervisionActivity"),
            ("听取审议省高级人民法院关于知识产权审判工作情况的报告", "SupervisionActivity"),
            ("省人民检察院关于公益诉讼检察工作情况的报告", "SupervisionActivity"),
        ],
        {
            (B, "conducted", "听取审议省监察委员会关于追逃追赃工作情况的报告"),
            (B, "conducted", "听取审议省高级人民法院关于知识产权审判工作情况的报告"),
            (B, "conducted", "省人民检察院关于公益诉讼检察工作情况的报告"),
        },
    ),
    (
        "trigger-inside-the-activity-it-names",
        "围绕“加强耕地保护”开展专题询问。",
        [("“加强耕地保护”开展专题询问", "SupervisionActivity", "加强耕地保护专题询问")],
        {(B, "conducted", "加强耕地保护专题询问")},
    ),
    (
        "plan-drawn-up",
        "编制并实施《全国人大常委会2023年度立法工作计划》。",
        [("全国人大常委会2023年度立法工作计划", "Plan")],
        {(B, "enacted", "全国人大常委会2023年度立法工作计划")},
    ),
    (
        "what-someone-said-is-not-the-speakers-deed",
        "市人大常委会法工委主任黄志明介绍，条例明确市政府建立茶产业发展协调机制。",
        [
            ("市人大常委会法工委", "Organization", "武汉市人民代表大会常务委员会法制工作委员会"),
            ("黄志明", "Person"),
            ("茶产业发展协调机制", "Mechanism"),
        ],
        {
            ("黄志明", "memberOf", "武汉市人民代表大会常务委员会法制工作委员会"),
            ("武汉市人民代表大会常务委员会法制工作委员会", "partOf", B),
        },
    ),
    (
        "what-should-be-done-is-not-done",
        "条例规定市政府应当建立茶产业发展协调机制。",
        [("市政府", "Organization", "武汉市人民政府"), ("茶产业发展协调机制", "Mechanism")],
        set(),
    ),
    (
        "next-steps-are-plans",
        "下一步，督促市政府制定配套办法，开展条例宣传月活动。",
        [("市政府", "Organization", "武汉市人民政府"), ("条例宣传月活动", "Program")],
        set(),
    ),
    (
        "will-urge-is-a-plan",
        "将督促市政府开展条例宣传月活动。",
        [("市政府", "Organization", "武汉市人民政府"), ("条例宣传月活动", "Program")],
        set(),
    ),
    (
        "will-with-an-adverb-is-a-plan",
        "我们将认真贯彻市委人大工作会议精神，修订《武汉市人大常委会议事规则》。",
        [("武汉市人大常委会议事规则", "Rules")],
        set(),
    ),
    (
        "the-whole-city-is-no-body",
        "全市建成代表联络站152个，搭建代表履职服务平台。",
        [("代表联络站", "Platform"), ("152个", "Statistic", "代表联络站"), ("代表履职服务平台", "Platform")],
        {("代表联络站", "counts", "代表联络站"), (B, "established", "代表履职服务平台")},
    ),
    (
        "hearings-after-the-subject",
        "常委会听取和审议区人民政府关于优化营商环境工作情况的报告、区人民法院关于行政审判工作情况的报告。",
        [
            ("常委会", "Organization"),
            ("听取和审议区人民政府关于优化营商环境工作情况的报告", "SupervisionActivity"),
            ("区人民法院关于行政审判工作情况的报告", "SupervisionActivity"),
        ],
        {
            (B, "conducted", "听取和审议区人民政府关于优化营商环境工作情况的报告"),
            (B, "conducted", "区人民法院关于行政审判工作情况的报告"),
        },
    ),
    (
        "range-is-checked",
        "开展《武汉市供水条例》宣传，制定“四个意识”。",
        [("武汉市供水条例", "Regulation"), ("四个意识", "Concept")],
        set(),
    ),
    (
        "no-self-loop",
        "建设武汉市人大常委会。",
        [("武汉市人大常委会", "Organization")],
        set(),
    ),
]


@pytest.mark.parametrize(("text", "annotations", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_sentence_relations(text, annotations, expected):
    document = extract_relations(annotated(text, *annotations))
    assert facts(document) == expected


def test_plan_sections_state_no_facts():
    from dataclasses import replace

    text = "2023年工作安排\n制定《武汉市河湖长制条例》。"
    document = annotated(text, ("武汉市河湖长制条例", "Regulation"))
    heading_end = text.index("\n")
    report = replace(
        document.report,
        sections=(Section(0, 0, len(text), heading=(0, heading_end)),),
        sentences=(Sentence(0, 0, heading_end, 0, 0), Sentence(1, heading_end + 1, len(text), 0, 0)),
    )
    mentions = tuple(replace(m, sentence=1) for m in document.mentions)
    assert extract_relations(replace(document, report=report, mentions=mentions)).relations == ()
    body_section = (Section(0, 0, heading_end), Section(1, heading_end + 1, len(text)))
    reported = replace(report, sections=body_section, sentences=(report.sentences[0], replace(report.sentences[1], section=1)))
    assert extract_relations(replace(document, report=reported, mentions=mentions)).relations != ()


def test_answers_to_a_question_about_plans_state_no_deeds():
    from dataclasses import replace

    question, answer = "问：下一步有什么打算？", "答：制定《武汉市河湖长制条例》。"
    text = f"{question}\n{answer}"
    document = annotated(text, ("武汉市河湖长制条例", "Regulation"))
    paragraphs = (
        Paragraph(0, 0, len(question), 0, kind="question", speaker="问"),
        Paragraph(1, len(question) + 1, len(text), 0, kind="answer", speaker="答"),
    )
    sentences = (Sentence(0, 0, len(question), 0, 0), Sentence(1, len(question) + 1, len(text), 1, 0))
    mentions = tuple(replace(m, sentence=1) for m in document.mentions)
    planned = replace(document, report=replace(document.report, paragraphs=paragraphs, sentences=sentences), mentions=mentions)
    assert extract_relations(planned).relations == ()
    asked = replace(planned, report=replace(planned.report, text=text.replace("下一步有什么打算", "去年做了什么工作")))
    assert facts(extract_relations(asked)) == {(B, "enacted", "武汉市河湖长制条例")}


def test_member_of_keeps_the_post():
    document = extract_relations(
        annotated("武汉市人大常委会党组书记、主任胡立山出席。", ("武汉市人大常委会", "Organization"), ("胡立山", "Person"))
    )
    (relation,) = document.relations
    assert (relation.predicate, relation.post) == ("memberOf", "党组书记、主任")


def test_no_reporting_body_no_implicit_subject():
    document = extract_relations(
        annotated("制定《武汉市供水条例》。", ("武汉市供水条例", "Regulation"), reporting_body=False)
    )
    assert document.relations == ()


def test_the_titles_body_stands_in_when_no_stage_named_the_reporting_body():
    from dataclasses import replace

    from npcgraph.model import Metadata

    document = annotated("作出《关于加强区级国有资产管理情况监督的决定》。", ("关于加强区级国有资产管理情况监督的决定", "Decision"))
    nameless = replace(document, reporting_body=None)
    assert extract_relations(nameless).relations == ()
    titled = replace(nameless, report=replace(nameless.report, metadata=Metadata(reporting_body="武汉市人大常委会")))
    assert facts(extract_relations(titled)) == {(B, "adopted", "关于加强区级国有资产管理情况监督的决定")}


def test_questions_state_no_facts():
    document = extract_relations(
        annotated("你们制定了《武汉市供水条例》吗？", ("武汉市供水条例", "Regulation"), paragraph_kind="question")
    )
    assert document.relations == ()


def test_the_same_fact_in_two_sentences_has_two_evidences():
    text = "制定《武汉市供水条例》，制定《武汉市供水条例》。围绕居有所安，制定《武汉市供水条例》。"
    document = extract_relations(
        annotated(
            text,
            ("武汉市供水条例", "Regulation"),
            ("武汉市供水条例", "Regulation"),
            ("居有所安", "Concept"),
            ("武汉市供水条例", "Regulation"),
        )
    )
    (enacted,) = [r for r in document.relations if r.predicate == "enacted"]
    first, second = text.index("。") + 1, len(text)
    assert enacted.evidence == (Evidence("testreport", 0, first), Evidence("testreport", first, second))


def test_existing_relations_are_kept_and_merged():
    document = annotated("武汉市人大常委会主任胡立山。", ("武汉市人大常委会", "Organization"), ("胡立山", "Person"))
    once = extract_relations(document)
    twice = extract_relations(once)
    assert twice.relations == once.relations and len(once.relations) == 1


def test_every_relation_has_evidence_and_respects_the_schema():
    for _, text, annotations, _ in CASES:
        document = extract_relations(annotated(text, *annotations))
        classes = {entity.key: entity.cls for entity in document.entities}
        for relation in document.relations:
            domain, range_ = relation_schema()[relation.predicate]
            assert relation.evidence and relation.subject != relation.object
            assert classes[relation.subject] in domain and classes[relation.object] in range_
            for evidence in relation.evidence:
                sentence_text = document.report.text[evidence.begin : evidence.end]
                assert sentence_text and evidence.report == document.report.key


def test_the_relation_stages_run_after_the_entities():
    """Relations run after every entity stage; the facts of the whole report after the
    sentences' relations, and the time stage (extract/acts.py), which reads them all, last."""
    from npcgraph.extract.acts import extract_acts
    from npcgraph.extract.document_facts import document_facts
    from npcgraph.extract.entities import find_entities

    assert STAGES.index(find_entities) < STAGES.index(extract_relations)
    assert STAGES[-3:] == (extract_relations, document_facts, extract_acts)


def test_output_is_deterministic():
    case = next(c for c in CASES if c[0] == "several-verb-phrases-and-lists")
    first = extract_relations(annotated(case[1], *case[2]))
    second = extract_relations(annotated(case[1], *reversed(case[2])))
    assert first.relations == second.relations
