"""Shared fixtures: the seed report, its corpus and graph (built once per session)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import npcgraph
from npcgraph.resources import bundled_report

TESTS = Path(__file__).parent
DATA = TESTS / "data"


@contextmanager
def served(path: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """``npcgraph serve PATH --port 0 OPTIONS`` running: its query URL and its process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "npcgraph", "serve", str(path), "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line + process.stderr.read()
        yield line.split()[2], process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return bundled_report()


@pytest.fixture(scope="session")
def seed_corpus(seed_path):
    return npcgraph.build([seed_path])


@pytest.fixture(scope="session")
def seed_document(seed_corpus):
    return seed_corpus.documents[0]


@pytest.fixture(scope="session")
def seed_graph(seed_corpus):
    """The seed's graph. Session-scoped: tests must not modify it (copy it first)."""
    return npcgraph.to_graph(seed_corpus)


def _hand_made_report(source_file: str, lines: list[str]):
    """A report with one section, one paragraph per line and sentences ending at 。."""
    import hashlib

    from npcgraph.ids import report_key
    from npcgraph.model import Paragraph, Report, Section, Sentence

    text = "\n".join(lines)
    paragraphs, sentences, begin = [], [], 0
    for index, line in enumerate(lines):
        paragraphs.append(Paragraph(index, begin, begin + len(line), 0, "body"))
        start = begin
        for piece in line.replace("。", "。\n").split("\n"):
            if piece:
                sentences.append(Sentence(len(sentences), start, start + len(piece), index, 0))
                start += len(piece)
        begin += len(line) + 1
    return Report(
        key=report_key(text),
        source_file=source_file,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sections=(Section(0, 0, len(text)),),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
    )


@pytest.fixture(scope="session")
def tiny_corpus():
    """Two hand-made reports with known entities, mentions, relations and a statistic.

    Report A: 武汉市人大常委会 enacted 武汉市供水条例, conducted 传染病防治法执法检查 and
    inspected 中华人民共和国传染病防治法; 胡立山 is memberOf it (post 主任); a statistic
    325个代表小组. Report B: 市人大常委会 (the same body) revised 武汉市供水条例. Entity graph:
    a star around the body (5 nodes, 4 neighbours) plus the statistic alone.
    """
    from decimal import Decimal

    from npcgraph.ids import entity_key
    from npcgraph.model import Corpus, Document, Entity, Evidence, Mention, Relation

    body = Entity(entity_key("Organization", "武汉市人大常委会"), "Organization", "武汉市人大常委会", ("市人大常委会",))
    person = Entity(entity_key("Person", "胡立山"), "Person", "胡立山")
    water = Entity(entity_key("Regulation", "武汉市供水条例"), "Regulation", "武汉市供水条例")
    law = Entity(entity_key("Law", "中华人民共和国传染病防治法"), "Law", "中华人民共和国传染病防治法", ("传染病防治法",))
    inspection = Entity(entity_key("SupervisionActivity", "传染病防治法执法检查"), "SupervisionActivity", "传染病防治法执法检查")
    groups = Entity(entity_key("Statistic", "代表小组"), "Statistic", "代表小组", value=Decimal("325"), unit="个")

    def document(report, named, facts, **roles):
        def mention(sentence_index, name, entity):
            sentence = report.sentences[sentence_index]
            at = report.text.index(name, sentence.begin, sentence.end)
            return Mention(at, at + len(name), sentence_index, entity.cls, entity.key)

        def evidence(sentence_index):
            sentence = report.sentences[sentence_index]
            return Evidence(report.key, sentence.begin, sentence.end)

        entities = tuple({entity.key: entity for _, _, entity in named}.values())
        mentions = tuple(mention(i, name, entity) for i, name, entity in named)
        relations = tuple(
            Relation(s.key, p, o.key, (evidence(i),), post=post) for s, p, o, i, post in facts
        )
        return Document(report, mentions, entities, relations, **roles)

    report_a = _hand_made_report(
        "a.txt",
        [
            "武汉市人大常委会工作报告",
            "武汉市人大常委会主任 胡立山",
            "制定《武汉市供水条例》。开展传染病防治法执法检查。全市共有325个代表小组。",
        ],
    )
    report_b = _hand_made_report("b.txt", ["市人大常委会修订《武汉市供水条例》。"])
    document_a = document(
        report_a,
        [
            (0, "武汉市人大常委会", body),
            (1, "武汉市人大常委会", body),
            (1, "胡立山", person),
            (2, "武汉市供水条例", water),
            (3, "传染病防治法执法检查", inspection),
            (3, "传染病防治法", law),
            (4, "325个代表小组", groups),
        ],
        [
            (person, "memberOf", body, 1, "主任"),
            (body, "enacted", water, 2, None),
            (body, "conducted", inspection, 3, None),
            (body, "inspected", law, 3, None),
        ],
        author=person.key,
        reporting_body=body.key,
    )
    document_b = document(
        report_b,
        [(0, "市人大常委会", body), (0, "武汉市供水条例", water)],
        [(body, "revised", water, 0, None)],
        reporting_body=body.key,
    )
    documents = sorted((document_a, document_b), key=lambda d: d.report.key)
    return Corpus(tuple(documents))
