"""The page: a selection of the graph view as pyvis nodes and edges in our own template.

The only module that uses pyvis: its bundled ``vis-network.min.js`` is inlined, and the node and
edge records are the ones pyvis's ``Network.add_node``/``add_edge`` make (same keys, same order:
tests/test_viewer.py compares them). ``pyvis.network`` itself is not imported: it loads IPython
and jinja2 (a tenth of a small build's start-up), and its membership checks scan lists, which is
quadratic in the drawn nodes. pyvis's own templates are not used: they load bootstrap and
tom-select from CDNs. Everything the page needs is in the one file, and
its Content-Security-Policy allows no request to any host.

The data travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``,
``&``, U+2028 and U+2029 escaped, so no report text can close the block; the page's script
inserts every text with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..version import __version__
from .graphview import GraphView
from .layout import layout
from .select import Selection
from .vocabulary import Vocabulary

__all__ = ["build_page", "payload", "json_for_script"]

_LABEL_CHARS = 14  # node labels longer than this are shortened (the panel shows the full name)
_EVIDENCE_PER_NODE = 60  # evidence sentences kept per entity; the panel says how many exist
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def json_for_script(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: nothing can end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return _JSON_UNSAFE.sub(lambda match: _JSON_ESCAPES[match.group()], text)


def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


@cache
def _vis_network_js() -> str:
    """vis-network as shipped inside pyvis (the newest version it bundles), made safe to inline."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")  # the package's folder, without running its __init__ (IPython, jinja2)
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("E210")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    versions = sorted(
        (path for path in lib.glob("vis-*/vis-network.min.js")),
        key=lambda path: tuple(int(part) for part in re.findall(r"\d+", path.parent.name)),
    )
    if not versions:
        raise OutputError("E212", folder=lib.parent)
    script = _SOURCE_MAP.sub("", versions[-1].read_text(encoding="utf-8"))
    # Inside a <script> element only "</script" and "<!--" are special; in JavaScript source
    # both can only occur inside strings, regular expressions or comments, where "<\/" and
    # "<\!--" mean the same thing.
    return script.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def _size(count: int) -> float:
    return round(10 + 6 * math.log2(1 + count), 1)


def _node_record(n_id: int, *, label: str, shape: str, color: str, **options: Any) -> dict[str, Any]:
    """The record ``pyvis.network.Network().add_node(n_id, label=..., shape=..., color=...,
    **options)`` appends to ``Network.nodes`` (its keys in its order)."""
    return {"color": color, **options, "id": n_id, "label": label or n_id, "shape": shape}


def _edge_record(source: int, to: int, **options: Any) -> dict[str, Any]:
    """The record ``Network(directed=True).add_edge(source, to, **options)`` appends."""
    record = {**options, "from": source, "to": to}
    record.setdefault("arrows", "to")
    return record


def _network(data: dict[str, Any], positions: dict[int, tuple[int, int]], lang_titles: list[str]) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records, as pyvis makes them."""
    metric = data["metric"]
    nodes: list[dict[str, Any]] = []
    for index, entity in enumerate(data["entities"]):
        cls = data["classes"][entity["cls"]]
        x, y = positions[index]
        drawn = {"shape": "image", "image": cls["image"]} if cls.get("image") else {"shape": cls["shape"]}
        nodes.append(_node_record(
            index,
            label=_short(entity["label"]),
            color=cls["color"],
            size=_size(entity[metric]),
            title=lang_titles[index],
            x=x,
            y=y,
            **drawn,
        ))
    edges: list[dict[str, Any]] = []
    pair_count: Counter[tuple[int, int]] = Counter()
    for index, edge in enumerate(data["edges"]):
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        nth = pair_count[pair]
        pair_count[pair] += 1
        relation = data["relations"][edge["rel"]]
        options: dict[str, Any] = {"id": index, "label": relation["zh"], "arrows": "to"}
        if nth:  # parallel edges between the same two entities fan out as curves
            options["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW", "roundness": 0.2 * ((nth + 1) // 2)}
        edges.append(_edge_record(edge["from"], edge["to"], **options))
    return nodes, edges


def _ordered_entities(view: GraphView, vocab: Vocabulary, selection: Selection) -> list[str]:
    """Grouped by class, then by name: the order of the legend and of the unconnected grid."""
    return sorted(
        selection.entities,
        key=lambda iri: (view.entities[iri].cls is None, view.entities[iri].cls or "", view.entities[iri].label, iri),
    )


def payload(view: GraphView, vocab: Vocabulary, selection: Selection, *, title: str, depth: int) -> dict[str, Any]:
    """The page's data: plain JSON, every report text still raw (the page inserts it as text)."""
    iris = _ordered_entities(view, vocab, selection)
    index = {iri: i for i, iri in enumerate(iris)}
    shown_edges = sorted(
        (edge for key, edge in view.edges.items() if key[0] in index and key[2] in index),
        key=lambda e: (index[e.subject], e.predicate, index[e.object]),
    )
    class_keys = sorted({view.entities[iri].cls for iri in iris}, key=lambda c: (c is None, c or ""))
    relation_keys = sorted({edge.predicate for edge in shown_edges})
    class_index = {cls: i for i, cls in enumerate(class_keys)}
    relation_index = {rel: i for i, rel in enumerate(relation_keys)}

    used_sentences: set[str] = set()
    for iri in iris:
        used_sentences.update(sorted(view.entities[iri].sentences, key=lambda s: (view.sentences[s].begin, s))[:_EVIDENCE_PER_NODE])
    for edge in shown_edges:
        used_sentences.update(sentence for sentence, _ in edge.evidence)
    sentence_keys = sorted(used_sentences, key=lambda s: (view.sentences[s].report or "", view.sentences[s].begin, s))
    sentence_index = {s: i for i, s in enumerate(sentence_keys)}
    report_keys = sorted(view.reports, key=lambda r: (view.reports[r].label, r))
    report_index = {r: i for i, r in enumerate(report_keys)}

    def reports_of(keys: set[str | None]) -> list[int]:
        return sorted(report_index[r] for r in keys if r in report_index)

    degree: Counter[int] = Counter()
    for edge in shown_edges:
        degree[index[edge.subject]] += 1
        degree[index[edge.object]] += 1
    entities = []
    for i, iri in enumerate(iris):
        entity = view.entities[iri]
        sentences = sorted((sentence_index[s] for s in entity.sentences if s in sentence_index))
        entities.append({
            "iri": iri, "label": entity.label, "aliases": list(entity.aliases),
            "cls": class_index[entity.cls], "mentions": entity.mentions, "degree": degree[i],
            "sentences": sentences, "sentenceCount": len(entity.sentences),
            "reports": reports_of(set(entity.reports)),
        })
    edges = []
    dated_relations = {edge.predicate for edge in shown_edges if edge.dates}
    for edge in shown_edges:
        evidence = sorted((sentence_index[s], post) for s, post in edge.evidence)
        shown = {
            "from": index[edge.subject], "to": index[edge.object], "rel": relation_index[edge.predicate],
            "evidence": [[s, post] for s, post in evidence],
            "reports": reports_of({view.sentences[sentence_keys[s]].report for s, _ in evidence}),
        }
        if edge.dates:  # the act's date in each evidence sentence (null where it has none)
            shown["dates"] = [edge.dates.get(sentence_keys[s]) for s, _ in evidence]
        if edge.predicate in dated_relations:  # an act of a kind the graph dates: the year filter applies
            shown["act"] = True
        edges.append(shown)
    sentences = []
    for key in sentence_keys:
        sentence = view.sentences[key]
        marks = sorted({(b, e, index[target]) for b, e, target in sentence.marks if target in index})
        sentences.append({
            "iri": key, "text": sentence.text,
            "report": report_index.get(sentence.report) if sentence.report else None,
            "marks": [list(mark) for mark in marks],
        })
    classes = []
    for cls in class_keys:
        style = vocab.style(cls)
        classes.append({
            "key": cls or "", "zh": vocab.class_name(cls, "zh"), "en": vocab.class_name(cls, "en"),
            "color": style.color, "shape": style.shape, **({"image": style.image, "points": style.points} if style.image else {}),
            "count": sum(1 for e in entities if e["cls"] == class_index[cls]),
        })
    relations = [
        {"key": rel, "zh": vocab.name(rel, "zh"), "en": vocab.name(rel, "en"),
         "count": sum(1 for e in edges if e["rel"] == relation_index[rel])}
        for rel in relation_keys
    ]
    notice = {"shown": len(iris), "total": selection.total} if selection.total > len(iris) else None
    focus = [index[iri] for iri in selection.focus if iri in index]
    years = sorted({int(date[:4]) for edge in edges for date in edge.get("dates", ()) if date and date[:4].isdigit()})
    return {
        "title": title, "notice": notice, "focus": focus, "depth": depth,
        "years": [years[0], years[-1]] if years else None,  # the range of the acts' dates, for the year filter
        "metric": "mentions" if view.has_mentions else "degree",
        "classes": classes, "relations": relations,
        "reports": [{"iri": r, "label": view.reports[r].label} for r in report_keys],
        "entities": entities, "edges": edges, "sentences": sentences,
    }


def _titles(data: dict[str, Any]) -> list[str]:
    """Hover text (plain text: vis-network shows it with innerText)."""
    titles = []
    for entity in data["entities"]:
        cls = data["classes"][entity["cls"]]
        parts = [entity["label"], f"{cls['zh']} · {entity['mentions']} 次提及 · {entity['degree']} 条关系"]
        titles.append("\n".join(parts))
    return titles


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
        for script in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


def build_page(view: GraphView, vocab: Vocabulary, selection: Selection, *, title: str, depth: int) -> str:
    """The whole HTML page, as a string."""
    data = payload(view, vocab, selection, title=title, depth=depth)
    order = [(i, e) for i, e in enumerate(data["entities"])]
    positions = layout([i for i, _ in order], [(e["from"], e["to"]) for e in data["edges"]])
    nodes, edges = _network(data, positions, _titles(data))
    data["vis"] = {"nodes": nodes, "edges": edges, "options": json.loads(_asset("vis-options.json"))}

    vis_js, viewer_js = _vis_network_js(), _asset("viewer.js")
    values = {
        "title": html.escape(title),
        "version": __version__,
        "csp": _csp(vis_js, viewer_js),
        "css": _asset("viewer.css"),
        "data": json_for_script(data),
        "vis": vis_js,
        "viewer": viewer_js,
    }
    return re.sub(r"@@(\w+)@@", lambda match: values[match.group(1)], _asset("template.html"))
