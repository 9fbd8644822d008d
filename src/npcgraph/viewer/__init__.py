"""The interactive viewer: a graph to one self-contained, offline HTML page.

    graph ──as_store──> store ──read_store──> GraphView ──select──> Selection ──build_page──> HTML
                              (storeview.py: SPARQL    (select.py)           (page.py: layout.py, assets/)
                               in assets/queries/)
    a build's digests ──read_digests──> GraphView     (digestview.py: the same view, no store)

The page draws the entities and the ``npc:`` relations between them (not the NIF structure),
coloured and shaped by class, with search, filters, a focus mode and an evidence panel that
shows the sentences behind each entity and fact. It makes no network request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..digest import Digest
from ..store import as_store
from .defaults import DEFAULT_LIMIT
from .digestview import read_digests
from .graphview import GraphView
from .page import build_page
from .select import Selection, select
from .storeview import read_store, store_vocabulary
from .vocabulary import vocabulary

__all__ = ["render", "render_digests", "DEFAULT_LIMIT"]

_DEFAULT_TITLE = "人大报告知识图谱"


def render(
    graph: Any,
    *,
    title: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    classes: Sequence[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> str:
    """The viewer page for ``graph`` (or the part of it selected), as an HTML string.

    ``graph`` is an rdflib Graph, a pyoxigraph Store or anything else
    :func:`npcgraph.store.as_store` opens; it is read with SPARQL queries in Oxigraph's engine
    (:mod:`~npcgraph.viewer.storeview`), a Graph loaded into a store in memory first.

    ``focus`` names an entity (canonical name, alias, IRI or entity key) whose neighbours to
    ``depth`` relations are shown; ``classes`` keeps only entities of those ``npc:`` classes
    (local names such as ``Regulation`` or Chinese labels such as ``条例``; subclasses
    included); above ``limit`` entities the most connected are drawn and the page says so.
    Raises :class:`~npcgraph.errors.InputError` for an unknown focus name or class.
    The same graph and arguments give the same string.
    """
    store = as_store(graph)
    vocab = store_vocabulary(store)
    view, selection = read_store(
        store, vocab, lambda view: select(view, vocab, focus=focus, depth=depth, classes=classes, limit=limit),
        names=focus is not None,
    )
    if title is None:
        title = _default_title(view, selection)
    return build_page(view, vocab, selection, title=title, depth=depth)


def render_digests(digests: Sequence[Digest], *, limit: int = DEFAULT_LIMIT, merged: Mapping[str, Any] | None = None) -> str:
    """:func:`render` of the graph of a build's ``digests`` (:mod:`npcgraph.digest`, in corpus
    order), drawn from them: the same string as :func:`render` of the store holding that graph
    (``merged``: their :func:`~npcgraph.digest.merged_entities`, when already made)."""
    vocab = vocabulary()  # a build's graph declares no terms of its own
    view, selection = read_digests(digests, vocab, lambda view: select(view, vocab, limit=limit), names=False, merged=merged)
    return build_page(view, vocab, selection, title=_default_title(view, selection), depth=1)


def _default_title(view: GraphView, selection: Selection) -> str:
    reports = sorted(report.label for report in view.reports.values())
    title = reports[0] if len(reports) == 1 else _DEFAULT_TITLE
    if selection.focus:
        names = "、".join(view.entities[iri].label for iri in selection.focus[:3])
        title = f"{names} · {title}"
    return title
