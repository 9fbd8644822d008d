"""The ontology declares the whole graph contract, with labels, alignments and docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

import npcgraph
from npcgraph.cli import main
from npcgraph.exports.jsonld import build_context
from npcgraph.exports.ontology_doc import format_markdown
from npcgraph.ids import KIND_OF_CLASS
from npcgraph.namespaces import ELI, NIF, NPC, ORG, RDF, RDFS, SCHEMA, SKOS
from npcgraph.resources import ontology_path

SOURCE = Path(npcgraph.__file__).parent

# The graph contract (shared/docs/graph-contract.md): its classes and properties.
CONTRACT_CLASSES = [
    "Organization", "Person", "Place", "Instrument", "Law", "Regulation", "Decision", "Resolution",
    "Opinion", "Measures", "Rules", "Agreement", "Plan", "Suggestion", "Publication", "Motion",
    "Activity", "SupervisionActivity", "Program", "Event", "Mechanism", "Platform", "Concept",
    "Statistic", "Report", "Section", "Sentence",
]
CONTRACT_RELATIONS = [
    "enacted", "adopted", "issued", "revised", "repealed", "forwarded", "inspected", "supervised",
    "reviewed", "conducted", "established", "concerns", "memberOf", "partOf",
]
CONTRACT_DATA = ["value", "approximate", "unit"]
INSTRUMENT_FORMS = ["Law", "Regulation", "Decision", "Resolution", "Opinion", "Measures", "Rules", "Agreement", "Plan", "Suggestion"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("npcgraph.ttl"), format="turtle")


def _labels(graph: Graph, term: URIRef, language: str) -> list[Literal]:
    return [v for v in graph.objects(term, RDFS.label) if isinstance(v, Literal) and v.language == language]


def test_ontology_header_has_a_version(ontology):
    header = NPC[""]
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(ontology.value(header, OWL.versionInfo)))
    assert _labels(ontology, header, "zh") and _labels(ontology, header, "en")


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_every_contract_class_is_declared_with_both_labels(ontology, name):
    term = NPC[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert len(_labels(ontology, term, "zh")) == 1 and len(_labels(ontology, term, "en")) == 1
    assert ontology.value(term, RDFS.comment) is not None
    assert list(ontology.objects(term, RDFS.subClassOf)), f"{name} has no superclass"


@pytest.mark.parametrize("name", CONTRACT_RELATIONS)
def test_every_contract_relation_is_declared_with_domain_range_and_inverse(ontology, name):
    term = NPC[name]
    assert (term, RDF.type, OWL.ObjectProperty) in ontology
    assert len(_labels(ontology, term, "zh")) == 1 and len(_labels(ontology, term, "en")) == 1
    assert ontology.value(term, RDFS.comment) is not None
    assert ontology.value(term, RDFS.domain) is not None and ontology.value(term, RDFS.range) is not None
    inverse = ontology.value(term, OWL.inverseOf)
    assert inverse is not None and (inverse, RDF.type, OWL.ObjectProperty) in ontology
    assert _labels(ontology, inverse, "zh") and _labels(ontology, inverse, "en")


@pytest.mark.parametrize("name", CONTRACT_DATA)
def test_statistic_properties_are_datatype_properties(ontology, name):
    assert (NPC[name], RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(NPC[name], RDFS.domain) == NPC.Statistic


def test_value_is_a_decimal(ontology):
    assert ontology.value(NPC.value, RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.mark.parametrize(
    "sub, sup",
    [
        (NPC.Organization, ORG.Organization),
        (NPC.Instrument, ELI.LegalResource),
        (NPC.Concept, SKOS.Concept),
        (NPC.Person, SCHEMA.Person),
        (NPC.Place, SCHEMA.Place),
        (NPC.Event, SCHEMA.Event),
        (NPC.Publication, SCHEMA.CreativeWork),
        (NPC.Report, NIF.Context),
        (NPC.Sentence, NIF.Sentence),
        (NPC.SupervisionActivity, NPC.Activity),
        (NPC.Program, NPC.Activity),
        *((NPC[form], NPC.Instrument) for form in INSTRUMENT_FORMS),
    ],
)
def test_alignments_and_hierarchy(ontology, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in ontology


def test_member_of_aligns_with_org(ontology):
    assert (NPC.memberOf, RDFS.subPropertyOf, ORG.memberOf) in ontology


def _declared(ontology: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s)[len(str(NPC)):] for kind in kinds for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(NPC))}


def test_every_declared_term_has_both_labels_and_a_comment(ontology):
    for name in sorted(_declared(ontology)):
        term = NPC[name]
        assert len(_labels(ontology, term, "zh")) == 1, name
        assert len(_labels(ontology, term, "en")) == 1, name
        assert {c.language for c in ontology.objects(term, RDFS.comment)} == {"zh", "en"}, name


def _npc_terms(graph: Graph) -> set[str]:
    return {
        str(term)[len(str(NPC)):]
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(str(NPC))
    }


def test_every_npc_term_of_the_seed_graph_is_declared(ontology, seed_graph, tiny_corpus):
    used = _npc_terms(seed_graph) | _npc_terms(npcgraph.to_graph(tiny_corpus))
    assert used, "the graphs use no npc: terms"
    assert used - _declared(ontology) == set()


def test_every_npc_term_the_code_names_is_declared(ontology):
    """Terms minted on code paths the seed does not reach (NPC.x, NPC["x"], class names)."""
    named = set(KIND_OF_CLASS)
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"\bNPC\.([A-Za-z_]\w*)", text))
        named |= set(re.findall(r"\bNPC\[\s*\"([A-Za-z_]\w*)\"\s*\]", text))
    assert named - _declared(ontology) == set()


def test_an_independent_parser_reads_the_ontology(ontology):
    import pyoxigraph

    quads = list(pyoxigraph.parse(ontology_path("npcgraph.ttl").read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(ontology)


def test_readme_is_generated_from_the_ontology(ontology):
    """ontology/README.md is up to date: regenerate with `npcgraph ontology --markdown`."""
    readme = ontology_path("README.md").read_text(encoding="utf-8")
    assert readme == format_markdown(ontology)
    for name in CONTRACT_CLASSES + CONTRACT_RELATIONS:
        assert f"`npc:{name}`" in readme


def test_jsonld_context_is_generated_from_the_ontology(ontology):
    """ontology/context.jsonld is up to date: regenerate with `npcgraph ontology --context`."""
    shipped = json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))
    assert shipped == build_context(ontology)
    context = shipped["@context"]
    assert context["enacted"] == {"@id": "npc:enacted", "@type": "@id"}
    assert context["value"] == {"@id": "npc:value", "@type": "xsd:decimal"}
    assert context["Regulation"] == "npc:Regulation"


def test_ontology_command_lists_every_term_with_labels(capsys):
    assert main(["ontology"]) == 0
    out = capsys.readouterr().out
    assert "npc:Regulation  条例 / Regulation" in out
    assert "npc:enacted  制定 / enacted" in out
    for name in CONTRACT_CLASSES + CONTRACT_RELATIONS:
        assert f"npc:{name} " in out


def _members(ontology: Graph, node: object) -> list[object]:
    from rdflib.collection import Collection

    union = ontology.value(node, OWL.unionOf)
    return list(Collection(ontology, union)) if union is not None else [node]


def _is_subclass(ontology: Graph, sub: URIRef, sup: object) -> bool:
    return sup in set(ontology.transitive_objects(sub, RDFS.subClassOf))


def test_the_extractors_relation_schema_fits_the_ontology(ontology):
    """lexicon/relation_schema.tsv (what the extractor may emit), each class with its subclasses,
    stays inside each property's rdfs:domain and rdfs:range (what the ontology and the SHACL
    shapes allow)."""
    from npcgraph.extract.relation_cues import relation_schema

    assert relation_schema()
    for predicate, (domains, ranges) in relation_schema().items():
        prop = NPC[predicate]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, predicate
        allowed_domain = _members(ontology, ontology.value(prop, RDFS.domain))
        allowed_range = _members(ontology, ontology.value(prop, RDFS.range))
        for cls in domains:
            assert any(_is_subclass(ontology, NPC[cls], d) for d in allowed_domain), (predicate, "domain", cls)
        for cls in ranges:
            assert any(_is_subclass(ontology, NPC[cls], r) for r in allowed_range), (predicate, "range", cls)


def test_the_relation_schema_names_only_classes_of_the_ontology_and_leaves_none_out():
    """A misspelt class would match no entity, and an entity class in no row would lose every
    relation: both fail here instead of silently."""
    from npcgraph.classes import kind_of_class, parents
    from npcgraph.lexicon import rows

    named = {cls for row in rows("relation_schema") for field in row[1:3] for cls in field.split()}
    assert named and named <= set(parents()), sorted(named - set(parents()))
    from npcgraph.extract.relation_cues import relation_schema

    placed = set().union(*(domain | range_ for domain, range_ in relation_schema().values()))
    assert sorted(set(kind_of_class()) - placed) == []


def test_a_new_subclass_has_the_relations_of_its_superclass(monkeypatch):
    """Adding a form of instrument is an ontology row (and its words in instrument_forms.tsv):
    the schema gives it every relation npc:Instrument has, with no row of its own."""
    from npcgraph import classes
    from npcgraph.extract.relation_cues import relation_schema

    hierarchy = dict(classes.parents())
    monkeypatch.setattr(classes, "parents", lambda: {**hierarchy, "Charter": frozenset({"Instrument"})})
    schema = relation_schema.__wrapped__()
    with_instrument = {p for p, (_d, range_) in schema.items() if "Instrument" in range_}
    assert {"enacted", "revised", "approved", "supervised", "counts"} <= with_instrument
    assert all("Charter" in schema[p][1] for p in with_instrument)
    assert "Charter" in schema["concerns"][0] and "Charter" not in schema["inspected"][1]
    assert {p: (d - {"Charter"}, r - {"Charter"}) for p, (d, r) in schema.items()} == relation_schema()


# --- the class lists of the code derive from the ontology (issue 16) ------------------------------


def test_the_class_reader_reads_the_hierarchy_rdflib_reads(ontology):
    from npcgraph.classes import parents

    npc = str(NPC)
    declared = {str(c)[len(npc):] for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(npc)}
    assert set(parents()) == declared
    for name, ups in parents().items():
        expected = {str(p)[len(npc):] for p in ontology.objects(NPC[name], RDFS.subClassOf) if str(p).startswith(npc)}
        assert ups == expected, name


def test_class_lists_are_derived_from_the_ontology():
    from npcgraph.extract.candidates import ACTIVITY_CLASSES, INSTRUMENT_CLASSES

    assert INSTRUMENT_CLASSES == {"Instrument", "Law", "Regulation", "Decision", "Resolution", "Opinion", "Measures", "Rules", "Agreement", "Plan", "Suggestion"}
    assert ACTIVITY_CLASSES == {"Activity", "SupervisionActivity", "Program"}
    # the IRI path segments: an IRI must never move
    assert KIND_OF_CLASS == {
        "Organization": "org", "Person": "person", "Place": "place", "Instrument": "instrument", "Law": "instrument",
        "Regulation": "instrument", "Decision": "instrument", "Resolution": "instrument", "Opinion": "instrument",
        "Measures": "instrument", "Rules": "instrument", "Agreement": "instrument", "Plan": "instrument",
        "Suggestion": "instrument", "Publication": "publication", "Motion": "motion", "Activity": "activity",
        "SupervisionActivity": "activity", "Program": "activity", "Event": "event", "Mechanism": "mechanism",
        "Platform": "platform", "Concept": "concept", "Statistic": "statistic",
    }


@pytest.mark.parametrize("name", ["instruments", "shared-instruments"])
def test_the_queries_list_every_instrument_class_of_the_ontology(name):
    """Oxigraph answers faster from a VALUES list of the classes than from rdfs:subClassOf*: the
    list is kept equal to the ontology's instrument classes here, so a new class is not lost."""
    from npcgraph.extract.candidates import INSTRUMENT_CLASSES
    from npcgraph.sparql import canned_queries

    lists = [listed for listed in re.findall(r"VALUES \?\w+ \{([^}]*)\}", canned_queries()[name].text) if "npc:Law" in listed]
    assert lists and all(set(re.findall(r"npc:(\w+)", listed)) == INSTRUMENT_CLASSES for listed in lists)
