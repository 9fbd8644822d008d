"""Start-up: what a command imports, and the light paths that stand in for heavy imports.

Each light path gives exactly what the library it avoids would: the spring layout against
networkx's, the vis-network records against pyvis's ``Network``.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys

import pytest

from npcgraph.extract import activities, bodies
from npcgraph.extract.patterns import Patterns, deferred, lazy
from npcgraph.viewer import layout as layout_module
from npcgraph.viewer.page import _network


def _random_graph(rng: random.Random, size: int, density: float) -> tuple[list[str], list[tuple[str, str]]]:
    nodes = [f"n{i}" for i in rng.sample(range(size * 3), size)]
    edges = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1:] if rng.random() < density]
    # connected: a path through the nodes in a shuffled order
    path = nodes[:]
    rng.shuffle(path)
    edges += list(zip(path, path[1:]))
    return nodes, edges


def _assert_layout_equals_networkx(ours, size: int, density: float) -> None:
    nx = pytest.importorskip("networkx")
    nodes, edges = _random_graph(random.Random(size), size, density)
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    iterations = layout_module._iterations(size)
    expected = nx.spring_layout(graph, seed=layout_module.SEED, iterations=iterations, method="force")
    got = dict(zip(nodes, ours(nodes, edges, iterations)))
    assert got == {node: (float(x), float(y)) for node, (x, y) in expected.items()}


@pytest.mark.parametrize("size, density", [(2, 1.0), (3, 0.0), (7, 0.3), (40, 0.05), (120, 0.02), (499, 0.005)])
def test_spring_equals_networkx(size, density):
    _assert_layout_equals_networkx(layout_module._spring, size, density)


@pytest.mark.parametrize("size, density", [(500, 0.004), (777, 0.002)])
def test_sparse_spring_equals_networkx(size, density):
    """From 500 nodes networkx runs its sparse loop (float32, a node at a time); ours, a block
    of nodes at a time, gives the same floats."""
    pytest.importorskip("scipy")
    _assert_layout_equals_networkx(layout_module._sparse_spring, size, density)


def test_layout_equals_networkx_components():
    nx = pytest.importorskip("networkx")
    rng = random.Random(7)
    nodes = [f"e{i}" for i in range(90)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(70)]
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    neighbours = {node: set() for node in nodes}
    for a, b in edges:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    ours = sorted(sorted(c) for c in layout_module._components(nodes, neighbours))
    theirs = sorted(sorted(c) for c in nx.connected_components(graph) if len(c) > 1)
    assert ours == theirs
    positions = layout_module.layout(nodes, edges)
    assert set(positions) == set(nodes)
    assert positions == layout_module.layout(nodes, edges)


def test_records_equal_pyvis():
    network = pytest.importorskip("pyvis.network")
    data = {
        "metric": "degree",
        "classes": [{"shape": "dot", "color": "#123456"}, {"shape": "box", "color": "#abcdef"}],
        "relations": [{"zh": "制定"}, {"zh": "监督"}],
        "entities": [
            {"cls": 0, "label": "武汉市人大常委会", "degree": 3},
            {"cls": 1, "label": "武汉市物业管理条例实施办法（修订）", "degree": 1},
            {"cls": 1, "label": "", "degree": 0},
        ],
        "edges": [
            {"from": 0, "to": 1, "rel": 0}, {"from": 1, "to": 0, "rel": 1}, {"from": 0, "to": 1, "rel": 1},
            {"from": 2, "to": 0, "rel": 0},
        ],
    }
    positions = {0: (0, 0), 1: (10, -5), 2: (-3, 7)}
    titles = ["a", "b", "c"]
    nodes, edges = _network(data, positions, titles)

    from npcgraph.viewer.page import _short, _size

    net = network.Network(directed=True)
    for index, entity in enumerate(data["entities"]):
        cls = data["classes"][entity["cls"]]
        net.add_node(index, label=_short(entity["label"]), shape=cls["shape"], color=cls["color"],
                     size=_size(entity["degree"]), title=titles[index], x=positions[index][0], y=positions[index][1])
    for index, (edge, record) in enumerate(zip(data["edges"], edges)):
        options = {key: value for key, value in record.items() if key not in ("from", "to")}
        net.add_edge(edge["from"], edge["to"], **options)
    assert json.dumps(nodes, ensure_ascii=False) == json.dumps(net.nodes, ensure_ascii=False)
    assert json.dumps(edges, ensure_ascii=False) == json.dumps(net.edges, ensure_ascii=False)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[-1]
    return set(json.loads(out))


def test_seed_build_imports_only_what_it_uses(tmp_path):
    modules = _modules_after(
        "from npcgraph.cli import main\n"
        f"assert main(['build', '-o', {str(tmp_path / 'out')!r}, '-q', '--no-cache']) == 0"
    )
    for heavy in ("oxrdflib", "rdflib.plugins.sparql", "pyvis.network", "IPython", "jinja2", "networkx", "scipy", "pyshacl", "pypinyin"):
        assert heavy not in modules, heavy
    assert (tmp_path / "out" / "graph.html").is_file()


def test_top_level_help_lists_every_command_and_imports_none(capsys):
    modules = _modules_after(
        "import contextlib, io\n"
        "from npcgraph.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])"
    )
    from npcgraph.cli import COMMANDS, main

    loaded = sorted(name for name in modules if name.startswith("npcgraph.cli.") or name.split(".")[0] in ("rdflib", "pyoxigraph", "numpy"))
    assert loaded == []
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(f"    {name}  " in listed for name in COMMANDS)


@pytest.fixture(scope="module")
def seed_ttl(tmp_path_factory, seed_graph):
    from npcgraph.serialization import serialize

    path = tmp_path_factory.mktemp("seed") / "graph.ttl"
    path.write_bytes(serialize(seed_graph, "turtle"))
    return path


def test_query_reads_a_file_as_the_graph_it_was_written_from(seed_ttl, seed_graph):
    """A file parsed by Oxigraph and a Graph loaded into Oxigraph as N-Triples: the same rows."""
    from npcgraph.sparql import _run, canned_queries, query_form
    from npcgraph.store import OxigraphSource, open_source

    from_file, from_graph = open_source(seed_ttl), open_source(seed_graph)
    assert isinstance(from_file, OxigraphSource) and isinstance(from_graph, OxigraphSource)
    assert len(from_file.store) == len(from_graph.store) == len(seed_graph)
    for name, canned in canned_queries().items():
        if name.startswith("_"):
            continue
        form = query_form(canned.text)
        assert _run(from_file, canned.text, form, {}, None).rows == _run(from_graph, canned.text, form, {}, None).rows, name


@pytest.mark.parametrize("fmt", ["nt", "nq", "trig"])
def test_query_reads_other_formats_into_oxigraph(tmp_path, seed_graph, fmt):
    import npcgraph
    from npcgraph.serialization import serialize

    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(serialize(seed_graph, fmt))
    rows = npcgraph.query(path, "members")
    assert rows and [tuple(row) for row in rows] == [tuple(row) for row in npcgraph.query(seed_graph, "members")]


def test_query_of_a_broken_file_is_an_input_error(tmp_path):
    import npcgraph
    from npcgraph.errors import InputError

    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        npcgraph.query(path, "members")
    assert caught.value.code == "E106"


def test_query_cli_on_a_file_does_not_load_rdflibs_parser(seed_ttl):
    modules = _modules_after(
        "from npcgraph.cli import main\n"
        f"assert main(['query', {str(seed_ttl)!r}, 'members', '-f', 'csv']) == 0"
    )
    assert "rdflib.plugins.parsers.notation3" not in modules


def test_query_reads_json_ld_with_rdflib(tmp_path, seed_graph):
    import npcgraph
    from npcgraph.serialization import serialize
    from npcgraph.store import OxigraphSource, open_source

    path = tmp_path / "graph.jsonld"
    path.write_bytes(serialize(seed_graph, "jsonld"))
    assert isinstance(open_source(path), OxigraphSource)  # parsed by rdflib, answered by Oxigraph
    assert [tuple(r) for r in npcgraph.query(path, "members")] == [tuple(r) for r in npcgraph.query(seed_graph, "members")]


def test_pattern_tables_compile_each_pattern_when_first_asked():
    """The scans of bodies.py and activities.py are compiled on first use: before, none is
    held; each one asked is what re.compile makes of its source, and is kept."""
    table = Patterns({"year": deferred("\\d{4}年"), "line": deferred("^a", re.MULTILINE)})
    assert len(table) == 0
    assert table["line"] == re.compile("^a", re.MULTILINE) and list(table) == ["line"]
    assert table["year"].findall("2023年和2024年") == ["2023年", "2024年"] and table["year"] is table["year"]
    with pytest.raises(KeyError):
        table["missing"]
    for module in (bodies, activities):
        patterns = module._patterns()
        assert isinstance(patterns, Patterns)
        for name, (source, flags) in patterns._sources.items():
            assert patterns[name] == re.compile(source, flags) and patterns[name] is patterns[name], name


def test_a_lazy_pattern_compiles_when_first_used_and_then_is_the_pattern(monkeypatch):
    """A module's expression made with lazy() is compiled at its first use, once; its methods are
    then the compiled pattern's own, with the same answers and the same pattern, flags and groups."""
    compiled = []
    original = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or original(*args))
    pattern = lazy("^(?P<year>\\d{4})年", re.MULTILINE)
    assert compiled == []
    assert [m.group("year") for m in pattern.finditer("2023年\n2024年")] == ["2023", "2024"]
    assert compiled == [("^(?P<year>\\d{4})年", re.MULTILINE)]
    expected = original("^(?P<year>\\d{4})年", re.MULTILINE)
    assert pattern.search is not None and pattern.search.__self__ == expected
    assert (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)) == (expected.pattern, expected.flags, 1, {"year": 1})
    assert pattern.sub("X", "2023年") == "X" and pattern.fullmatch("12年") is None
    assert len(compiled) == 1
