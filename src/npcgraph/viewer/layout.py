"""Node positions computed once, in Python, so the page opens with physics off.

Each connected component gets a force-directed layout (networkx ``spring_layout``, fixed seed,
nodes in a fixed order), scaled to its size. networkx itself is not run: below 500 nodes its
dense numpy loop is run here on numpy alone (:func:`_spring`), and from 500 nodes its sparse
loop, which visits one node at a time in Python (20 s for the 2,000 nodes of a large page), is
run a block of rows at a time (:func:`_sparse_spring`); both do the same arithmetic in the same
types and order (tests/test_startup.py compares the positions with networkx's), so a build
never imports networkx or scipy. Components are packed in rows, largest first;
entities without relations are set out in a grid after them, grouped by class. Coordinates are
rounded to whole pixels so that the same graph gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["layout", "SEED"]

SEED = 20220418
_SPACING = 150  # pixels between neighbouring nodes, roughly
_CELL = (200, 90)  # grid cell for entities without relations: room for a label under the node
_GAP = 200  # between packed components: room for their outer labels


def _iterations(size: int) -> int:
    """Fewer refinement steps for large components, which cost O(n²) each."""
    return 50 if size <= 500 else max(12, 50 * 500 // size)


_DENSE = 500  # networkx's spring_layout switches to scipy's sparse matrices from this size


def _spring(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]], iterations: int) -> list[tuple[float, float]]:
    """``nx.spring_layout(G, seed=SEED, iterations=iterations, method="force")`` of the graph
    with ``nodes`` (in that order, at least 2 and under ``_DENSE``) and ``edges``: networkx's
    ``_fruchterman_reingold`` and ``rescale_layout`` (networkx 3.x), step for step."""
    import numpy as np

    size = len(nodes)
    adjacency, pos, k, t, dt = _start(nodes, edges, iterations, np.float64)
    for _ in range(iterations):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.linalg.norm(delta, axis=-1)
        np.clip(distance, 0.01, None, out=distance)
        displacement = np.einsum("ijk,ij->ik", delta, (k * k / distance**2 - adjacency * distance / k))
        length = np.linalg.norm(displacement, axis=-1)
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = np.einsum("ij,i->ij", displacement, t / length)
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / size) < 1e-4:
            break
    return _rescaled(pos)


def _start(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]], iterations: int, dtype):  # noqa: ANN001, ANN202 - numpy
    """What both of networkx's Fruchterman-Reingold loops start from, in ``dtype`` (float64 for
    the dense one, float32 for the sparse one): the adjacency matrix, the seeded random
    positions, the optimal distance ``k``, the temperature ``t`` and its step ``dt``."""
    import numpy as np

    index = {node: i for i, node in enumerate(nodes)}
    size = len(nodes)
    adjacency = np.zeros((size, size), dtype=dtype)
    for a, b in edges:
        adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    pos = np.asarray(np.random.RandomState(SEED).rand(size, 2), dtype=dtype)
    k = np.sqrt(1.0 / size)
    t = max(max(pos.T[0]) - min(pos.T[0]), max(pos.T[1]) - min(pos.T[1])) * 0.1
    return adjacency, pos, k, t, t / (iterations + 1)


def _rescaled(pos) -> list[tuple[float, float]]:  # noqa: ANN001 - a numpy array
    """networkx's ``rescale_layout`` to scale 1 around the origin, as plain floats."""
    import numpy as np

    pos -= pos.mean(axis=0)
    lim = np.abs(pos).max()
    if lim > 0:
        pos *= 1 / lim
    pos = pos + np.zeros(2)
    return [(float(x), float(y)) for x, y in pos]


_ROWS = 256  # rows of the (rows x nodes) blocks of _sparse_spring: 2 MB of float64 each per 1,000 nodes


def _sparse_spring(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]], iterations: int) -> list[tuple[float, float]]:
    """``nx.spring_layout(G, seed=SEED, iterations=iterations, method="force")`` of a graph of
    500 nodes or more: networkx's ``_sparse_fruchterman_reingold`` (float32 positions and
    adjacency, as ``to_scipy_sparse_array(dtype="f")`` gives) and ``rescale_layout``, with its
    loop over the nodes done for ``_ROWS`` nodes at once. Each node's force is the sum over
    all nodes of the same float64 terms, summed along a contiguous row as networkx sums them."""
    import numpy as np

    size = len(nodes)
    adjacency, pos, k, t, dt = _start(nodes, edges, iterations, np.float32)
    displacement = np.zeros((2, size))
    for _ in range(iterations):
        displacement *= 0
        for start in range(0, size, _ROWS):
            stop = min(size, start + _ROWS)
            delta = pos[start:stop, np.newaxis, :] - pos[np.newaxis, :, :]  # float32 (rows, size, 2)
            distance = np.sqrt(delta[..., 0] ** 2 + delta[..., 1] ** 2)
            distance = np.clip(distance, a_min=0.01, a_max=None)
            force = k * k / distance**2 - adjacency[start:stop] * distance / k  # float64
            for axis in range(2):
                displacement[axis, start:stop] += np.ascontiguousarray(delta[..., axis] * force).sum(axis=1)
        length = np.sqrt((displacement**2).sum(axis=0))
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = (displacement * t / length).T
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / size) < 1e-4:
            break
    return _rescaled(pos)


def _component(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]]) -> dict[Hashable, tuple[float, float]]:
    iterations = _iterations(len(nodes))
    spring = _spring if len(nodes) < _DENSE else _sparse_spring
    positions = dict(zip(nodes, spring(nodes, edges, iterations)))
    radius = _SPACING * math.sqrt(len(nodes)) / 1.6
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in positions.items()}


def _components(nodes: Sequence[Hashable], neighbours: dict[Hashable, set[Hashable]]) -> list[set[Hashable]]:
    """The connected components of more than one node."""
    seen: set[Hashable] = set()
    found = []
    for start in nodes:
        if start in seen or not neighbours[start]:
            continue
        seen.add(start)
        component, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    component.add(other)
                    todo.append(other)
        found.append(component)
    return found


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
    neighbours: dict[Hashable, set[Hashable]] = {node: set() for node in nodes}
    for a, b in edges:
        if a != b and a in order and b in order:
            neighbours[a].add(b)
            neighbours[b].add(a)
    components = sorted(
        (sorted(c, key=order.__getitem__) for c in _components(nodes, neighbours)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    isolated = [node for node in nodes if not neighbours[node]]
    blocks: list[dict[Hashable, tuple[float, float]]] = []
    for component in components:
        component_edges = sorted(
            {tuple(sorted((a, b), key=order.__getitem__)) for a in component for b in neighbours[a]},
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
