"""The ontology described for people: terms with their Chinese and English labels and comments.

``ontology_terms(graph)`` reads ``ontology/npcgraph.ttl``; ``format_terms`` lays them out for a
terminal (``npcgraph ontology``) and ``format_markdown`` writes ``ontology/README.md``
(``npcgraph ontology --markdown``; a test checks the file is up to date).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, SKOS

from ..namespaces import NPC, PREFIXES, RDF, RDFS

__all__ = ["Term", "ontology_terms", "format_terms", "format_markdown"]

_NPC = str(NPC)
_KINDS = (
    (OWL.Class, "class"),
    (OWL.ObjectProperty, "object"),
    (OWL.DatatypeProperty, "datatype"),
    (OWL.AnnotationProperty, "annotation"),
)


@dataclass(frozen=True, slots=True)
class Term:
    name: str  # npc:Organization
    kind: str  # class | object | datatype | annotation
    zh: str
    en: str
    comment_zh: str
    comment_en: str
    parents: tuple[str, ...]  # superclasses or superproperties
    domain: str
    range: str
    inverse: str
    scope: str  # skos:scopeNote (the Chinese triggers of a relation)

    @property
    def relation(self) -> bool:
        return "npc:relation" in self.parents or self.name == "npc:relation"


def _curie(term: object, graph: Graph) -> str:
    if isinstance(term, BNode):
        members = graph.value(term, OWL.unionOf)
        if members is not None:
            return " or ".join(_curie(m, graph) for m in Collection(graph, members))
        return "(anonymous)"
    iri = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return f"<{iri}>"


def _text(graph: Graph, node: URIRef, predicate: URIRef, language: str) -> str:
    values = sorted(str(v) for v in graph.objects(node, predicate) if isinstance(v, Literal) and v.language == language)
    return " ".join(" ".join(v.split()) for v in values)


def _joined(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    return ", ".join(sorted(_curie(v, graph) for v in graph.objects(node, predicate)))


def ontology_terms(graph: Graph) -> list[Term]:
    """Every ``npc:`` class and property, classes first, each kind in alphabetical order."""
    terms = []
    for rank, (owl_type, kind) in enumerate(_KINDS):
        for node in sorted(set(graph.subjects(RDF.type, owl_type)), key=str):
            if not isinstance(node, URIRef) or not str(node).startswith(_NPC):
                continue
            parents = tuple(sorted(_curie(p, graph) for p in graph.objects(node, RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf)))
            inverse = {_curie(v, graph) for v in graph.objects(node, OWL.inverseOf)}
            inverse |= {_curie(s, graph) for s in graph.subjects(OWL.inverseOf, node)}
            terms.append(
                Term(
                    name=_curie(node, graph),
                    kind=kind,
                    zh=_text(graph, node, RDFS.label, "zh"),
                    en=_text(graph, node, RDFS.label, "en"),
                    comment_zh=_text(graph, node, RDFS.comment, "zh"),
                    comment_en=_text(graph, node, RDFS.comment, "en"),
                    parents=parents,
                    domain=_joined(graph, node, RDFS.domain),
                    range=_joined(graph, node, RDFS.range),
                    inverse=", ".join(sorted(inverse)),
                    scope=_text(graph, node, SKOS.scopeNote, "zh"),
                )
            )
    return terms


def _version(graph: Graph) -> str:
    for ontology in graph.subjects(RDF.type, OWL.Ontology):
        info = graph.value(ontology, OWL.versionInfo)
        if info is not None:
            return str(info)
    return "?"


def format_terms(terms: list[Term]) -> str:
    """For a terminal: one block per term, grouped by kind."""
    titles = {"class": "Classes", "object": "Object properties", "datatype": "Datatype properties", "annotation": "Annotation properties"}
    lines: list[str] = []
    for kind, title in titles.items():
        group = [t for t in terms if t.kind == kind]
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(f"{title} ({len(group)})")
        for term in group:
            head = f"  {term.name}  {term.zh} / {term.en}"
            if term.parents:
                head += f"  ⊑ {', '.join(term.parents)}"
            lines.append(head)
            if term.domain or term.range:
                lines.append(f"      {term.domain or '-'} → {term.range or '-'}")
            for comment in (term.comment_zh, term.comment_en):
                if comment:
                    lines.append(f"      {comment}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|") if text else "–"


def format_markdown(graph: Graph) -> str:
    """``ontology/README.md``: summary tables, then every term with its comments."""
    terms = ontology_terms(graph)
    classes = [t for t in terms if t.kind == "class"]
    relations = [t for t in terms if t.kind == "object" and t.relation]
    others = [t for t in terms if t.kind == "object" and not t.relation]
    data = [t for t in terms if t.kind in ("datatype", "annotation")]
    out = [
        "# The npcgraph ontology",
        "",
        "<!-- Generated from npcgraph.ttl by `npcgraph ontology --markdown > ontology/README.md`; do not edit by hand. -->",
        "",
        f"Namespace `{_NPC}` (prefix `npc:`), version {_version(graph)}.",
        "Files: `npcgraph.ttl` (this ontology, OWL), `shapes.ttl` (SHACL shapes of the graph contract,",
        "checked by `npcgraph validate`), `context.jsonld` (the JSON-LD context of `npcgraph export --format jsonld`).",
        "Every term has an `rdfs:label` in Chinese and English and an `rdfs:comment`; the graph asserts",
        "relations in the direction below (the subject is the actor), the inverses are declared for reasoners.",
        "",
        f"## Classes ({len(classes)})",
        "",
        "| class | 中文 | English | subclass of |",
        "|---|---|---|---|",
    ]
    out += [f"| `{t.name}` | {t.zh} | {t.en} | {_cell(', '.join(f'`{p}`' for p in t.parents))} |" for t in classes]
    out += [
        "",
        f"## Relations between entities ({len(relations)})",
        "",
        "| property | 中文 | English | domain → range | inverse | 触发词 |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| `{t.name}` | {t.zh} | {t.en} | {_cell(t.domain)} → {_cell(t.range)} | {_cell(t.inverse)} | {_cell(t.scope.removeprefix('触发词：'))} |"
        for t in relations
    ]
    out += ["", f"## Other object properties ({len(others)})", "", "| property | 中文 | English | domain → range | inverse |", "|---|---|---|---|---|"]
    out += [f"| `{t.name}` | {t.zh} | {t.en} | {_cell(t.domain)} → {_cell(t.range)} | {_cell(t.inverse)} |" for t in others]
    out += ["", f"## Datatype properties ({len(data)})", "", "| property | 中文 | English | domain → range |", "|---|---|---|---|"]
    out += [f"| `{t.name}` | {t.zh} | {t.en} | {_cell(t.domain)} → {_cell(t.range)} |" for t in data]
    out += ["", "## Definitions", ""]
    for term in terms:
        out.append(f"### `{term.name}` {term.zh} · {term.en}")
        out.append("")
        facts = []
        if term.parents:
            facts.append(("subclass of" if term.kind == "class" else "subproperty of") + ": " + ", ".join(f"`{p}`" for p in term.parents))
        if term.domain or term.range:
            facts.append(f"domain → range: {term.domain or '–'} → {term.range or '–'}")
        if term.inverse:
            facts.append(f"inverse: `{term.inverse}`")
        if term.scope:
            facts.append(term.scope)
        out += [f"- {fact}" for fact in facts]
        if facts:
            out.append("")
        for comment in (term.comment_zh, term.comment_en):
            if comment:
                out += [comment, ""]
    return "\n".join(out).rstrip("\n") + "\n"
