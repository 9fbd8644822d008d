"""Node positions computed once, in Python, so the page opens with physics off.

Each connected component gets a force-directed layout (networkx ``spring_layout``, fixed seed,
nodes in a fixed order), scaled to its size; components are packed in rows, largest first;
entities without relations are set out in a grid after them, grouped by class. Coordinates are
rounded to whole pixels so that the same graph gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import networkx as nx

__all__ = ["layout", "SEED"]

SEED = 20220418
_SPACING = 150  # pixels between neighbouring nodes, roughly
_CELL = (200, 90)  # grid cell for entities without relations: room for a label under the node
_GAP = 200  # between packed components: room for their outer labels


def _iterations(size: int) -> int:
    """Fewer refinement steps for large components, which cost O(n²) each."""
    return 50 if size <= 500 else max(12, 50 * 500 // size)


def _component(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]]) -> dict[Hashable, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    positions = nx.spring_layout(graph, seed=SEED, iterations=_iterations(len(nodes)), method="force")
    radius = _SPACING * math.sqrt(len(nodes)) / 1.6
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in positions.items()}


def _grid(nodes: Sequence[Hashable]) -> dict[Hashable, tuple[float, float]]:
    columns = max(1, math.ceil(math.sqrt(len(nodes) * _CELL[1] / _CELL[0] * 1.6)))
    width, height = _CELL
    return {node: ((i % columns) * width, (i // columns) * height) for i, node in enumerate(nodes)}


def _bounds(positions: dict[Hashable, tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    return min(xs), min(ys), max(xs), max(ys)


def layout(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]]) -> dict[Hashable, tuple[int, int]]:
    """Positions for ``nodes`` (in the order given: isolated ones are gridded in that order)."""
    order = {node: i for i, node in enumerate(nodes)}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b and a in order and b in order)
    components = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(graph) if len(c) > 1),
        key=lambda c: (-len(c), order[c[0]]),
    )
    isolated = [node for node in nodes if graph.degree(node) == 0]
    blocks: list[dict[Hashable, tuple[float, float]]] = []
    for component in components:
        members = set(component)
        component_edges = sorted(
            {tuple(sorted((a, b), key=order.__getitem__)) for a, b in graph.edges(component) if a in members and b in members},
            key=lambda e: (order[e[0]], order[e[1]]),
        )
        blocks.append(_component(component, component_edges))
    if isolated:
        blocks.append(_grid(isolated))

    area = sum(
        (x1 - x0 + _GAP) * (y1 - y0 + _GAP) for x0, y0, x1, y1 in map(_bounds, blocks)
    )
    row_width = max([math.sqrt(area) * 1.3] + [b[2] - b[0] for b in map(_bounds, blocks)])
    placed: dict[Hashable, tuple[float, float]] = {}
    cursor_x = cursor_y = row_height = 0.0
    for block in blocks:
        x0, y0, x1, y1 = _bounds(block)
        width, height = x1 - x0, y1 - y0
        if cursor_x > 0 and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + _GAP, 0.0
        for node, (x, y) in block.items():
            placed[node] = (x - x0 + cursor_x, y - y0 + cursor_y)
        cursor_x += width + _GAP
        row_height = max(row_height, height)
    if not placed:
        return {}
    x0, y0, x1, y1 = _bounds(placed)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return {node: (round(x - cx), round(y - cy)) for node, (x, y) in placed.items()}
