"""The viewer's page, read without a browser: what it draws, its data, its safety, the CLI.

The hand-made corpus below (``viewer_corpus``) is also what the browser tests open.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

import npcgraph
from npcgraph.cli import main
from npcgraph.errors import InputError
from npcgraph.ids import entity_key, report_key
from npcgraph.model import (
    Corpus, Document, Entity, Evidence, Mention, Paragraph, Relation, Report, Section, Sentence,
)
from npcgraph.namespaces import ID, NPC, RDF, RDFS
from npcgraph.serialization import serialize
from npcgraph.viewer import render
from npcgraph.resources import ontology_path
from npcgraph.viewer.page import json_for_script
from npcgraph.viewer.vocabulary import terms_of, vocabulary

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
STRUCTURAL = {"Report", "Section", "Paragraph", "Sentence"}


def _report(source_file: str, sentences: list[str]) -> Report:
    """One section, one paragraph, the given sentences in order."""
    text = "".join(sentences)
    spans, begin = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, begin, begin + len(sentence), 0, 0))
        begin += len(sentence)
    return Report(
        key=report_key(text),
        source_file=source_file,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sections=(Section(0, 0, len(text)),),
        paragraphs=(Paragraph(0, 0, len(text), 0),),
        sentences=tuple(spans),
    )


def _document(report: Report, named: list[tuple[int, str, Entity]], facts: list, **roles: str) -> Document:
    def mention(index: int, name: str, entity: Entity) -> Mention:
        sentence = report.sentences[index]
        at = report.text.index(name, sentence.begin, sentence.end)
        return Mention(at, at + len(name), index, entity.cls, entity.key)

    def evidence(index: int) -> Evidence:
        sentence = report.sentences[index]
        return Evidence(report.key, sentence.begin, sentence.end)

    entities = tuple({entity.key: entity for _, _, entity in named}.values())
    relations = tuple(Relation(s.key, p, o.key, (evidence(i),), post=post) for s, p, o, i, post in facts)
    return Document(report, tuple(mention(*m) for m in named), entities, relations, **roles)


def _entity(cls: str, label: str, *aliases: str, **extra: object) -> Entity:
    return Entity(entity_key(cls, label), cls, label, tuple(aliases), **extra)  # type: ignore[arg-type]


BODY = _entity("Organization", "武汉市人民代表大会常务委员会", "武汉市人大常委会", "常委会")
PERSON = _entity("Person", "胡立山")
ELDERLY = _entity("Regulation", "武汉市养老服务促进条例")
WATER = _entity("Regulation", "武汉市供水条例")
INSPECTION = _entity("SupervisionActivity", "传染病防治法执法检查")
DEMOCRACY = _entity("Concept", "全过程人民民主")
MARKUP = _entity("Concept", XSS_IMG)
GROUPS = _entity("Statistic", "代表小组", value=Decimal("325"), unit="个")
LONELY = _entity("Place", "武汉城市圈")


def viewer_corpus() -> Corpus:
    """Two reports: entities of seven classes, relations with evidence, and hostile markup."""
    first = _report("first.txt", [
        "武汉市人大常委会主任胡立山。",
        "2021年，武汉市人大常委会制定《武汉市养老服务促进条例》。",
        "常委会修订《武汉市供水条例》，开展传染病防治法执法检查。",
        "全市建立325个代表小组，践行全过程人民民主。",
        f"测试文本{XSS_SCRIPT}与{XSS_IMG}必须原样显示。",
        "武汉城市圈协同立法。",
    ])
    second = _report("second.txt", ["常委会再次修订《武汉市供水条例》。"])
    first_document = _document(first, [
        (0, "武汉市人大常委会", BODY), (0, "胡立山", PERSON),
        (1, "武汉市人大常委会", BODY), (1, "武汉市养老服务促进条例", ELDERLY),
        (2, "常委会", BODY), (2, "武汉市供水条例", WATER), (2, "传染病防治法执法检查", INSPECTION),
        (3, "325个代表小组", GROUPS), (3, "全过程人民民主", DEMOCRACY),
        (4, XSS_IMG, MARKUP),
        (5, "武汉城市圈", LONELY),
    ], [
        (PERSON, "memberOf", BODY, 0, "主任"),
        (BODY, "enacted", ELDERLY, 1, None),
        (BODY, "revised", WATER, 2, None),
        (BODY, "conducted", INSPECTION, 2, None),
        (BODY, "concerns", DEMOCRACY, 3, None),
        (GROUPS, "counts", BODY, 3, None),
        (BODY, "concerns", MARKUP, 4, None),
    ], reporting_body=BODY.key, author=PERSON.key)
    second_document = _document(second, [
        (0, "常委会", BODY), (0, "武汉市供水条例", WATER),
    ], [(BODY, "revised", WATER, 0, None)], reporting_body=BODY.key)
    return Corpus(tuple(sorted((first_document, second_document), key=lambda d: d.report.key)))


ALL_ENTITIES = (BODY, PERSON, ELDERLY, WATER, INSPECTION, DEMOCRACY, MARKUP, GROUPS, LONELY)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return npcgraph.to_graph(viewer_corpus())


@pytest.fixture(scope="module")
def page(graph: Graph) -> str:
    return render(graph)


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="npcgraph-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


def entities_in(graph: Graph) -> set[str]:
    """Subjects typed with an npc: class that names things (not the text's structure)."""
    npc = str(NPC)
    return {
        str(s) for s, o in graph.subject_objects(RDF.type)
        if str(o).startswith(npc) and str(o)[len(npc):] not in STRUCTURAL
    }


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


# ---- what the page draws ----

def test_every_entity_is_a_node_and_no_nif_plumbing(graph: Graph, page: str) -> None:
    data = page_data(page)
    assert {e["iri"] for e in data["entities"]} == entities_in(graph)
    assert len(data["vis"]["nodes"]) == len(entities_in(graph)) == len(ALL_ENTITIES)
    drawn = {e["iri"] for e in data["entities"]}
    assert not any("/report/" in iri or "/stmt/" in iri for iri in drawn)


def test_edges_are_the_npc_relations_between_entities(graph: Graph, page: str) -> None:
    data = page_data(page)
    entities = data["entities"]
    drawn = {(entities[e["from"]]["iri"], data["relations"][e["rel"]]["key"], entities[e["to"]]["iri"]) for e in data["edges"]}
    asserted = {
        (str(s), str(p)[len(str(NPC)):], str(o)) for s, p, o in graph
        if str(p).startswith(str(NPC)) and str(s) in entities_in(graph) and str(o) in entities_in(graph)
    }
    assert drawn == asserted
    vis_edges = data["vis"]["edges"]
    assert [(e["from"], e["to"]) for e in vis_edges] == [(e["from"], e["to"]) for e in data["edges"]]
    assert all(e["arrows"] == "to" for e in vis_edges)


def test_relation_and_class_names_come_from_the_ontology(page: str) -> None:
    data = page_data(page)
    relations = {r["key"]: (r["zh"], r["en"]) for r in data["relations"]}
    assert relations["enacted"] == ("制定", "enacted")
    classes = {c["key"]: c for c in data["classes"]}
    assert classes["Regulation"]["zh"] == "条例" and classes["Regulation"]["count"] == 2
    edge_labels = Counter(e["label"] for e in data["vis"]["edges"])
    assert edge_labels["修订"] == 1 and "revised" not in edge_labels  # one edge: two sentences state it


def test_nodes_are_styled_by_class_and_sized_by_mentions(page: str) -> None:
    data = page_data(page)
    nodes = data["vis"]["nodes"]
    for entity, node in zip(data["entities"], nodes):
        cls = data["classes"][entity["cls"]]
        assert node["color"] == cls["color"]
        if cls.get("image"):  # a glyph of styles.json, drawn as an SVG image
            assert (node["shape"], node["image"]) == ("image", cls["image"]) and cls["image"].startswith("data:image/svg+xml;base64,")
        else:
            assert node["shape"] == cls["shape"]
    body = next(i for i, e in enumerate(data["entities"]) if e["label"] == BODY.label)
    lonely = next(i for i, e in enumerate(data["entities"]) if e["label"] == LONELY.label)
    assert data["metric"] == "mentions"
    assert data["entities"][body]["mentions"] == 4
    assert nodes[body]["size"] > nodes[lonely]["size"]
    assert len({(c["color"], c["shape"]) for c in data["classes"]}) == len(data["classes"])


def test_evidence_marks_the_mention_inside_its_sentence(page: str) -> None:
    data = page_data(page)
    for entity_index, entity in enumerate(data["entities"]):
        for s in entity["sentences"]:
            sentence = data["sentences"][s]
            spans = [m for m in sentence["marks"] if m[2] == entity_index]
            assert spans, (entity["label"], sentence["text"])
            names = {entity["label"], *entity["aliases"]}
            assert all(sentence["text"][b:e] in names for b, e, _ in spans)
    water = next(e for e in data["entities"] if e["label"] == WATER.label)
    assert len(water["sentences"]) == 2 and len(water["reports"]) == 2


def test_edge_evidence_is_the_statements_sentences(page: str) -> None:
    data = page_data(page)
    entities, relations = data["entities"], data["relations"]
    by_fact = {(entities[e["from"]]["label"], relations[e["rel"]]["key"], entities[e["to"]]["label"]): e for e in data["edges"]}
    revised = by_fact[(BODY.label, "revised", WATER.label)]
    assert sorted(data["sentences"][s]["text"] for s, _ in revised["evidence"]) == sorted([
        "常委会修订《武汉市供水条例》，开展传染病防治法执法检查。", "常委会再次修订《武汉市供水条例》。",
    ])
    member = by_fact[(PERSON.label, "memberOf", BODY.label)]
    assert [post for _, post in member["evidence"]] == ["主任"]


def test_statistic_is_named_by_its_number(page: str) -> None:
    labels = {e["label"] for e in page_data(page)["entities"]}
    assert "325个代表小组" in labels


def test_layout_is_precomputed_and_physics_off(page: str) -> None:
    data = page_data(page)
    assert data["vis"]["options"]["physics"]["enabled"] is False
    positions = [(n["x"], n["y"]) for n in data["vis"]["nodes"]]
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in positions)
    assert len(set(positions)) == len(positions)


def test_same_graph_same_bytes(graph: Graph, page: str) -> None:
    shuffled = Graph()
    for triple in sorted(graph, key=lambda t: hashlib.sha256(repr(t).encode()).hexdigest()):
        shuffled.add(triple)
    assert render(shuffled) == page
    assert render(npcgraph.to_graph(viewer_corpus())) == page


# ---- self-contained and safe ----

def test_page_loads_nothing_from_any_host(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        for name in ("src", "href", "srcset", "data", "action", "poster"):
            value = attrs.get(name)
            assert value is None or not re.match(r"\s*(https?:)?//", value), (tag, name, value)
    assert all(tag not in {"link", "iframe", "img", "object", "embed"} for tag, _ in parser.tags)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "npcgraph-data"}, {}, {}]
    assert "sourceMappingURL" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*https?://""", page)
    assert not re.search(r"url\(\s*['\"]?https?:", page)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_report_text_cannot_break_out_of_the_data_block(page: str) -> None:
    assert page.count("</script>") == 3
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    data = page_data(page)
    assert any(XSS_SCRIPT in s["text"] and XSS_IMG in s["text"] for s in data["sentences"])
    assert any(e["label"] == XSS_IMG for e in data["entities"])


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--<script>", "a\u2028b\u2029c", "&amp; <b>", "\\u003c"])
def test_json_for_script_is_inert_and_round_trips(text: str) -> None:
    encoded = json_for_script({"text": text})
    assert not re.search("[<>&\u2028\u2029]", encoded)
    assert json.loads(encoded) == {"text": text}


def test_the_script_never_writes_html() -> None:
    from importlib.resources import files

    script = files("npcgraph.viewer").joinpath("assets", "viewer.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)
    assert "</script" not in script and "<!--" not in script


# ---- partial graphs, selection ----

def test_a_construct_result_with_only_relations_still_renders() -> None:
    graph = Graph()
    a, b = ID["org/a"], ID["instrument/b"]
    graph.add((a, NPC.enacted, b))
    graph.add((b, RDFS.label, Literal("某条例", lang="zh")))
    data = page_data(render(graph))
    assert {e["label"] for e in data["entities"]} == {"a", "某条例"}
    assert len(data["edges"]) == 1 and data["metric"] == "degree"
    assert {c["zh"] for c in data["classes"]} == {"未分类"}


def test_an_inverse_relation_is_drawn_the_contract_way() -> None:
    graph = Graph()
    graph.add((ID["instrument/b"], NPC.enactedBy, ID["org/a"]))
    data = page_data(render(graph))
    edge = data["edges"][0]
    assert data["entities"][edge["from"]]["iri"].endswith("org/a")
    assert data["relations"][edge["rel"]]["key"] == "enacted"


def test_the_ontologys_vocabulary_is_rdflibs_reading_of_it() -> None:
    """The viewer reads the ontology with Oxigraph's parser: the names, classes, relations and
    inverses rdflib's reading of the same file gives."""
    graph = Graph().parse(ontology_path(), format="turtle")
    labels = [
        (str(term), str(text), text.language or "")
        for term, text in graph.subject_objects(RDFS.label)
        if isinstance(term, URIRef) and isinstance(text, Literal)
    ]
    pairs = {p: [(str(a), str(b)) for a, b in graph.subject_objects(p)] for p in (RDFS.subPropertyOf, RDFS.subClassOf, OWL.inverseOf)}
    expected = terms_of(pairs[RDFS.subPropertyOf], labels, pairs[RDFS.subClassOf], pairs[OWL.inverseOf])
    assert vocabulary() == expected
    assert expected.zh and expected.en and expected.parents and expected.inverse_of and expected.relations


def test_an_empty_graph_renders_an_empty_page() -> None:
    data = page_data(render(Graph()))
    assert data["entities"] == [] and data["vis"]["nodes"] == []


def test_focus_keeps_the_neighbours_to_the_depth(graph: Graph) -> None:
    around_person = page_data(render(graph, focus="胡立山", depth=1))
    assert {e["label"] for e in around_person["entities"]} == {PERSON.label, BODY.label}
    assert [around_person["entities"][i]["label"] for i in around_person["focus"]] == [PERSON.label]
    two_steps = page_data(render(graph, focus="胡立山", depth=2))
    assert len(two_steps["entities"]) == len(ALL_ENTITIES) - 1  # all but the unconnected place
    by_alias = page_data(render(graph, focus="武汉市人大常委会", depth=0))
    assert [e["label"] for e in by_alias["entities"]] == [BODY.label]


def test_class_filter_takes_names_labels_and_superclasses(graph: Graph) -> None:
    for name in ("Regulation", "条例", "Instrument"):
        labels = {e["label"] for e in page_data(render(graph, classes=[name]))["entities"]}
        assert labels == {ELDERLY.label, WATER.label}, name
    both = page_data(render(graph, classes=["Person", "Organization"]))
    assert {e["label"] for e in both["entities"]} == {PERSON.label, BODY.label}


def test_unknown_focus_or_class_is_an_input_error(graph: Graph) -> None:
    with pytest.raises(InputError, match="E130"):
        render(graph, focus="不存在的机构")
    with pytest.raises(InputError, match="E131"):
        render(graph, classes=["Spaceship"])


def test_above_the_limit_the_most_connected_are_shown_with_a_notice(graph: Graph) -> None:
    data = page_data(render(graph, limit=3))
    assert data["notice"] == {"shown": 3, "total": len(ALL_ENTITIES)}
    assert BODY.label in {e["label"] for e in data["entities"]}
    assert page_data(render(graph))["notice"] is None


def test_the_seed_renders_every_entity(seed_graph: Graph) -> None:
    data = page_data(render(seed_graph))
    assert {e["iri"] for e in data["entities"]} == entities_in(seed_graph)


# ---- command line ----

def test_view_command_writes_a_focused_page(graph: Graph, tmp_path, capsys) -> None:
    source = tmp_path / "graph.ttl"
    source.write_bytes(serialize(graph, "turtle"))
    out = tmp_path / "focus.html"
    assert main(["view", str(source), "-o", str(out), "--focus", "胡立山", "--depth", "1"]) == 0
    data = page_data(out.read_text(encoding="utf-8"))
    assert {e["label"] for e in data["entities"]} == {PERSON.label, BODY.label}
    assert str(out) in capsys.readouterr().out
    assert main(["view", str(source), "-o", str(tmp_path / "laws.html"), "--class", "Regulation", "--class", "Person"]) == 0
    data = page_data((tmp_path / "laws.html").read_text(encoding="utf-8"))
    assert {data["classes"][e["cls"]]["key"] for e in data["entities"]} == {"Regulation", "Person"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["view", "missing.ttl"], "E101"),
        (["view", "{source}", "--focus", "不存在"], "E130"),
        (["view", "{source}", "--class", "Spaceship"], "E131"),
        (["view", "{source}", "--limit", "0"], "E133"),
    ],
)
def test_view_command_errors_are_one_line(graph: Graph, tmp_path, capsys, arguments, message) -> None:
    source = tmp_path / "graph.ttl"
    source.write_bytes(serialize(graph, "turtle"))
    argv = [a.format(source=source) for a in arguments] + ["-o", str(tmp_path / "x.html")]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


def test_same_bytes_in_another_process_with_another_hash_seed(page: str) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys, hashlib; sys.path.insert(0, sys.argv[1]);"
        "import npcgraph; from test_viewer import viewer_corpus; from npcgraph.viewer import render;"
        "print(hashlib.sha256(render(npcgraph.to_graph(viewer_corpus())).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent)], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == hashlib.sha256(page.encode()).hexdigest()


def test_browser_tests_skip_without_chromium_unless_required(monkeypatch) -> None:
    from test_viewer_browser import _unavailable

    monkeypatch.delenv("NPCGRAPH_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        _unavailable("no Chromium/chromedriver found")
    monkeypatch.setenv("NPCGRAPH_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="NPCGRAPH_REQUIRE_BROWSER=1 but no Chromium"):
        _unavailable("no Chromium/chromedriver found")
