"""The one data model every stage reads and writes.

A report's text is stored once, in :class:`Report`; everything else (sections, paragraphs,
sentences, mentions, evidence) holds code-point offsets into it, so that
``report.text[x.begin:x.end]`` is always the anchor text. All classes are frozen: a stage
returns a new :class:`Document` (``dataclasses.replace``) instead of changing one.

    Report ── sections ── paragraphs ── sentences          (structure.py)
    Document = Report + mentions + entities + relations    (extract/*)
    Corpus   = the documents of one build, entities merged (pipeline.py)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter

__all__ = [
    "Metadata",
    "Section",
    "Paragraph",
    "Sentence",
    "Report",
    "Mention",
    "Entity",
    "Evidence",
    "Relation",
    "Document",
    "Corpus",
]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about the article, found by ingest.py.

    ``author_post`` is the byline's post (武汉市人大常委会主任); ``reporting_body`` the body
    that speaks in the report (武汉市人大常委会), derived from the post or the title;
    ``jurisdiction`` the place whose body it is (武汉市), used to expand short names.
    """

    title: str | None = None
    issue: str | None = None  # 期号, e.g. 2022年第4期
    date: str | None = None  # ISO 8601, as precise as the page says: 2022, 2022-04, 2022-04-18
    column: str | None = None  # 栏目, e.g. 本期焦点
    author: str | None = None
    author_post: str | None = None
    reporting_body: str | None = None
    jurisdiction: str | None = None
    publisher: str | None = None  # from the page's 版权所有 line or source line
    source: str | None = None  # 来源, e.g. 人民日报
    encoding: str | None = None  # how the file's bytes were read: utf-8, gb18030, big5, utf-16-le ...


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level.

    The text before the first heading is the introduction: ``heading`` is None, level 1.
    """

    index: int
    begin: int
    end: int
    level: int = 1
    heading: tuple[int, int] | None = None  # offsets of the heading text (numbering excluded)
    parent: int | None = None  # index of the enclosing section for level > 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    begin: int
    end: int
    section: int
    kind: str = "body"  # body | title | byline | heading | question | answer
    lead: tuple[int, int] | None = None  # offsets of a lead phrase such as 强化思想自觉
    speaker: str | None = None  # in interviews: 问 / 答 / 记者 / a name


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    begin: int
    end: int
    paragraph: int
    section: int


@dataclass(frozen=True, slots=True)
class Report:
    """One source document, normalized, with its structure."""

    key: str  # ASCII, derived from the text's hash: the same text gives the same key
    source_file: str  # file name only, never a machine path
    text: str
    sha256: str  # of ``text`` (UTF-8), so any encoding of the same report hashes the same
    metadata: Metadata = field(default_factory=Metadata)
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    # (the place of the whole report,) when this is a window of it (windows.py): a window's
    # own text may not tell the place; () when not carried
    place: tuple[object, ...] = ()

    def span(self, begin: int, end: int) -> str:
        return self.text[begin:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            sentence = self.sentences[mid]
            if offset < sentence.begin:
                hi = mid
            elif offset >= sentence.end:
                lo = mid + 1
            else:
                return sentence
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the report that names an entity.

    ``entity`` is the entity's key (``kind/slug``); it is filled by resolution.
    """

    begin: int
    end: int
    sentence: int
    cls: str  # an ontology class name: Regulation, Organization, ...
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world thing, once per key, with every name it goes by.

    For a Statistic, ``value``/``approximate``/``unit`` hold the number and ``label`` what it
    counts (代表小组).
    """

    key: str  # kind/slug, ASCII; the IRI is the id namespace + key
    cls: str
    label: str  # canonical full name, without 《》 or quotes
    alt_labels: tuple[str, ...] = ()
    value: Decimal | None = None
    approximate: bool = False
    unit: str | None = None
    # Time (extract/acts.py): an instrument's 施行 date; a meeting's date, 届 and 次.
    effective_date: str | None = None  # ISO 8601 as precise as the text: 2025, 2025-10, 2025-10-01
    date: str | None = None
    term: int | None = None
    session: int | None = None


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """The sentence of a report that states a fact."""

    report: str  # Report.key
    begin: int  # the sentence's offsets
    end: int
    # What the sentence says of the act (extract/acts.py); not part of the evidence's identity.
    date: str | None = field(default=None, compare=False)  # ISO 8601, as precise as the text
    event: str | None = field(default=None, compare=False)  # the meeting's entity key
    votes: tuple[int | None, int | None, int | None] | None = field(default=None, compare=False)  # for, against, abstaining


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject predicate object``, e.g. (org/…, enacted, instrument/…), with its evidence."""

    subject: str
    predicate: str  # an ontology property name: enacted, memberOf, counts, ...
    object: str
    evidence: tuple[Evidence, ...] = ()
    post: str | None = None  # for memberOf: the post held (主任, 委员)


@dataclass(frozen=True, slots=True)
class Document:
    """A report and what was extracted from it."""

    report: Report
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    # Entity keys of the people and bodies the page names as its author, publisher and the
    # body that speaks in it (the implicit subject of its sentences).
    author: str | None = None
    publisher: str | None = None
    reporting_body: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents of one build. Entities with the same key are one node across reports."""

    documents: tuple[Document, ...] = ()


def _reducer(cls: type) -> None:
    """Pickle ``cls`` as its constructor and its fields' values in order, not through the
    slotted dataclasses' ``__getstate__``/``__setstate__`` (a Python loop over ``fields()``
    for every object): documents cross between processes and into the cache about twice as fast."""
    names = tuple(cls.__slots__)  # the fields, in order (slots=True)
    values = attrgetter(*names)
    if len(names) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))  # type: ignore[method-assign]
    else:
        cls.__reduce__ = lambda self: (cls, values(self))  # type: ignore[method-assign]


for _cls in (Metadata, Section, Paragraph, Sentence, Report, Mention, Entity, Evidence, Relation, Document, Corpus):
    _reducer(_cls)
del _cls
