"""Answers in order: ORDER BY sorted in Python for Oxigraph gives rdflib's order exactly, and
SELECT * lists its columns in the query's order on both stores."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS

from npcgraph.ordering import OrderKey, _rdflib_key, sort_rows, split_order, star_columns
from npcgraph.sparql import canned_queries, execute
from npcgraph.store import write_store

EX = Namespace("http://example.org/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
PUBLIC = [name for name in canned_queries() if not name.startswith("_")]


# --- which ORDER BY clauses are sorted in Python -------------------------------------------------


@pytest.mark.parametrize(
    "text, keys",
    [
        ("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?a DESC(?b)", (OrderKey("a"), OrderKey("b", True))),
        ("SELECT * WHERE { ?a ?p ?b }\norder by asc( ?b ) ?a  # last\n", (OrderKey("b"), OrderKey("a"))),
        ("SELECT ?n WHERE { { SELECT ?n WHERE { ?n ?p ?o } ORDER BY ?o LIMIT 3 } } ORDER BY DESC(?n)", (OrderKey("n", True),)),
        ("SELECT ?a (COUNT(DISTINCT ?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a ORDER BY DESC(?n) ?a", (OrderKey("n", True), OrderKey("a"))),
    ],
)
def test_plain_variable_keys_are_split_off(text, keys):
    found = split_order(text)
    assert found is not None and found[1] == keys
    assert found[0].split("#")[0].rstrip() == text[: text.upper().rindex("ORDER BY")].rstrip()  # the outer clause only


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY xsd:integer(?b)",  # an expression
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 10",  # a slice of the order
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a OFFSET 1",
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a VALUES ?a { <x:y> }",
        "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a } }",  # inner only
        'SELECT ?a WHERE { ?a ?p "ORDER BY ?a" }',  # in a string
        "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?b",  # not projected: Oxigraph sorts
        "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a ORDER BY ?b",
        "ASK { ?a ?p ?b }",
        "CONSTRUCT { ?a ?p ?b } WHERE { ?a ?p ?b } ORDER BY ?a",
    ],
)
def test_other_orders_are_left_to_the_engine(text):
    assert split_order(text) is None


# --- the Python sort is rdflib's sort ------------------------------------------------------------

POOL = [
    None,
    EX.b, EX.a, URIRef("http://example.org/a/中文"),
    BNode("n1"),
    Literal("abc"), Literal("abd"), Literal("Abc"), Literal("武汉"), Literal("南平"), Literal(""),
    Literal("abc", lang="zh"), Literal("abc", lang="en"), Literal("武汉", lang="zh"), Literal("b", lang="zh"),
    Literal(3), Literal(-1), Literal(Decimal("2.5")), Literal(2.5), Literal(10), Literal("7", datatype=XSD_NON_NEGATIVE),
    Literal(True), Literal("2022-01-01", datatype=XSD_DATE),
]


def rdflib_order(variables, rows, keys):
    """What rdflib's evalOrderBy does: one stable sort per key, last key first."""
    ordered = list(rows)
    for name, descending in reversed(keys):
        column, key = variables.index(name), _rdflib_key(name)
        ordered = sorted(ordered, key=lambda row: key(row[column]), reverse=descending)
    return ordered


@pytest.mark.parametrize(
    "pool",
    [
        [t for t in POOL if t is None or isinstance(t, URIRef)],
        [t for t in POOL if t is None or (isinstance(t, Literal) and t.datatype is None)],
        [t for t in POOL if t is None or (isinstance(t, Literal) and isinstance(t.value, (int, float, Decimal)) and not isinstance(t.value, bool))],
        POOL,
    ],
    ids=["iris", "strings-and-tags", "numbers", "mixed"],
)
@pytest.mark.parametrize("seed", range(5))
def test_sort_rows_gives_rdflibs_order(pool, seed):
    chance = random.Random(seed)
    variables = ("a", "b", "c")
    rows = [tuple(chance.choice(pool) for _ in variables) for _ in range(300)]
    for keys in [(OrderKey("a"),), (OrderKey("a", True), OrderKey("b")), (OrderKey("c"), OrderKey("b", True), OrderKey("a"))]:
        assert sort_rows(variables, rows, keys) == rdflib_order(variables, rows, keys)


# --- both stores, same rows in the same order ------------------------------------------------------


@pytest.fixture(scope="module")
def tricky(tmp_path_factory) -> tuple[Graph, Path]:
    graph = Graph()
    things = [
        (EX.t1, Literal("武汉", lang="zh"), Literal(3), EX.red),
        (EX.t2, Literal("南平", lang="zh"), Literal(Decimal("2.5")), Literal("red")),
        (EX.t3, Literal("Wuhan", lang="en"), Literal(2.5), None),
        (EX.t4, Literal("wuhan"), Literal(-10), EX.blue),
        (EX.t5, Literal("武汉", lang="zh"), None, Literal("blue", lang="en")),
        (EX.t6, None, Literal(3), Literal(7)),
    ]
    for thing, label, size, colour in things:
        graph.add((thing, RDFS.comment, Literal("thing")))
        if label is not None:
            graph.add((thing, RDFS.label, label))
        if size is not None:
            graph.add((thing, EX.size, size))
        if colour is not None:
            graph.add((thing, EX.colour, colour))
    location = tmp_path_factory.mktemp("ordering") / "store"
    write_store(graph, location)
    return graph, location


@pytest.mark.parametrize(
    "order",
    ["?label", "DESC(?label)", "?size ?thing", "DESC(?size) ?thing", "?colour ?thing", "DESC(?colour) DESC(?thing)", "?label DESC(?size) ?colour ?thing"],
)
def test_both_stores_order_tricky_rows_alike(tricky, order):
    graph, location = tricky
    text = f"""SELECT ?thing ?label ?size ?colour WHERE {{
        ?thing rdfs:comment "thing" .
        OPTIONAL {{ ?thing rdfs:label ?label }} OPTIONAL {{ ?thing <{EX.size}> ?size }} OPTIONAL {{ ?thing <{EX.colour}> ?colour }}
    }} ORDER BY {order}"""
    assert split_order(text) is not None
    in_memory, in_store = execute(graph, text), execute(f"oxigraph:{location}", text)
    assert len(in_memory.rows) == 6
    assert in_memory == in_store


def test_an_unprojected_key_is_sorted_by_oxigraph(tricky):
    graph, location = tricky
    text = f"SELECT ?thing WHERE {{ ?thing <{EX.size}> ?size }} ORDER BY DESC(?size) ?thing"
    assert [str(row[0]) for row in execute(f"oxigraph:{location}", text).rows] == [str(EX[t]) for t in ("t1", "t6", "t2", "t3", "t4")]


@pytest.mark.parametrize("name", PUBLIC)
def test_canned_queries_keep_their_order_on_both_stores(tricky, seed_graph, tmp_path_factory, name):
    location = tmp_path_factory.getbasetemp() / "seed-ordering-store"
    if not location.exists():
        write_store(seed_graph, location)
    assert execute(seed_graph, name) == execute(f"oxigraph:{location}", name)


# --- SELECT * -------------------------------------------------------------------------------------


def test_select_star_columns_follow_the_query(tricky):
    graph, location = tricky
    text = f"SELECT * WHERE {{ ?thing rdfs:comment ?note . OPTIONAL {{ ?thing <{EX.size}> ?size }} ?thing rdfs:label ?label }}"
    for source in (graph, f"oxigraph:{location}"):
        assert execute(source, text).variables == ("thing", "note", "size", "label")
    assert star_columns("SELECT DISTINCT * WHERE { ?b ?a ?c }", ("a", "b", "c")) == ("b", "a", "c")
    assert star_columns("SELECT ?c ?a WHERE { ?a ?b ?c }", ("c", "a")) == ("c", "a")
