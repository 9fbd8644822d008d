"""Checking a graph against the contract: SHACL shapes (``ontology/shapes.ttl``) with pyshacl.

The ontology is passed as pyshacl's ``ont_graph``, so ``sh:class`` and ``sh:targetClass``
follow ``rdfs:subClassOf`` (a Regulation is an Instrument is an Entity). No inference is run:
the graph is checked as written.

    report = validate(graph)
    report.conforms            # no result of severity Violation
    format_results(report)     # one readable line per result
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, NamespaceManager

from .errors import InputError
from .namespaces import ID, PREFIXES, RDFS
from .resources import ontology_path

__all__ = ["Result", "ValidationReport", "load_shapes", "load_ontology", "validate", "format_results"]

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, slots=True, order=True)
class Result:
    """One SHACL result: which node, which property, which value, what is wrong."""

    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str


@dataclass(frozen=True, slots=True)
class ValidationReport:
    results: tuple[Result, ...]

    @property
    def violations(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def conforms(self) -> bool:
        return not self.violations


@cache
def load_shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


@cache
def load_ontology() -> Graph:
    return Graph().parse(ontology_path("npcgraph.ttl"), format="turtle")


@cache
def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        if prefix != "id":
            manager.bind(prefix, namespace)
    return manager


def _term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.n3(_namespaces())
    return term.n3() if isinstance(term, URIRef) else str(term)


class _PreparedQueryGraph(Graph):
    """A graph that parses each distinct SPARQL text once.

    pyshacl hands rdflib the text of a SHACL-SPARQL constraint again for every focus node, and
    rdflib's parser takes ~35 ms a query: on a 10k-triple graph with a few hundred entities that
    was 20 s of parsing. The text is the same for every focus node (``$this`` is bound with
    ``initBindings``), so the parsed query is kept by text.
    """

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[str, Any] = {}

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = prepareQuery(query_object, initNs=dict(self.namespaces()))
                self._prepared[query_object] = prepared
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


def validate(graph: Graph, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationReport:
    """Run the shapes over ``graph`` (not modified) with the ontology; every result, sorted."""
    import pyshacl

    # The ontology is mixed into a copy of the graph (what pyshacl's ont_graph does), one
    # that parses each SHACL-SPARQL query once.
    data = _PreparedQueryGraph()
    data.addN((s, p, o, data) for s, p, o in graph)
    data.addN((s, p, o, data) for s, p, o in (ontology if ontology is not None else load_ontology()))
    try:
        _, results_graph, _ = pyshacl.validate(
            data,
            shacl_graph=shapes if shapes is not None else load_shapes(),
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            advanced=True,
            inplace=True,
        )
    except Exception as exc:  # pyshacl raises its own and rdflib's errors on malformed input
        raise InputError("E122", reason=(str(exc).splitlines() or [type(exc).__name__])[0][:200]) from exc
    results = []
    for node in results_graph.subjects(SH.resultSeverity, None):
        severity = results_graph.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in results_graph.objects(node, SH.resultMessage))
        constraint = results_graph.value(node, SH.sourceConstraintComponent)
        message = messages[0] if messages else str(constraint).rsplit("#", 1)[-1]
        results.append(
            Result(
                severity=_SEVERITY.get(severity, str(severity)),
                focus=_term(results_graph.value(node, SH.focusNode)),
                path=_term(results_graph.value(node, SH.resultPath)),
                value=_term(results_graph.value(node, SH.value)),
                message=message,
                shape=_term(results_graph.value(node, SH.sourceShape)),
            )
        )
    return ValidationReport(tuple(sorted(set(results))))


def _short(text: str, graph: Graph | None) -> str:
    """``<https://w3id.org/npcgraph/id/org/x>`` -> ``org/x (武汉市人大常委会)``; prefixed names."""
    if not (text.startswith("<") and text.endswith(">")):
        return text if len(text) <= 80 else text[:77] + "…"
    iri = text[1:-1]
    label = graph.value(URIRef(iri), RDFS.label) if graph is not None else None
    if iri.startswith(str(ID)):
        short = iri[len(str(ID)):]
    else:
        short = next(
            (f"{p}:{iri[len(str(ns)):]}" for p, ns in PREFIXES.items() if iri.startswith(str(ns)) and p != "id"),
            text,
        )
    return f"{short} ({label})" if label is not None else short


def format_results(report: ValidationReport, graph: Graph | None = None) -> str:
    """One block per result: severity, focus node, path and value, message. Labels from ``graph``."""
    if not report.results:
        return "The graph conforms to the npcgraph shapes: no violations."
    lines = []
    for result in report.results:
        where = _short(result.focus, graph)
        if result.path:
            where += f"  {_short(result.path, graph)}"
        if result.value:
            where += f" = {_short(result.value, graph)}"
        lines.append(f"{result.severity}: {where}\n    {result.message}")
    count = len(report.violations)
    lines.append(f"{count} violation{'s' if count != 1 else ''}, {len(report.results) - count} other results.")
    return "\n".join(lines)
