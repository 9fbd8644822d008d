"""Candidate relations and their features, for the learned relation scorer that
``train_relations.py`` measures (not part of npcgraph: cross-validation showed it does not
beat the rules; see benchmarks/README.md, "train_relations.py").

**Candidates.** In each sentence that states facts (not a byline), every ordered pair of named
entities whose classes fit a predicate's domain and range (``relation_schema.tsv``) is a
candidate ``subject predicate object`` for that predicate, within :data:`_REACH` characters;
so is the reporting body (the genre's implicit subject) with each name of the sentence that an
actor's predicate can take, and so is every rule relation in each sentence it points at.
``appointed``, ``removed`` and ``organizedBy`` are acts.py's and left alone.

**Features** (strings, each conjoined with the predicate): the classes; whether the rules state
the triple in this sentence, elsewhere in the report, or another predicate for the pair, and
what they state of the object and the subject in this sentence; how the subject is given
(named, the reporting body unnamed, neither); order and nesting; distance, clause breaks and
names between; the words between with names masked by their class (``副委员长P+``: a list of
persons after a post), their character bigrams; the characters before and after the object and
the subject; the trigger and marker words between and before the object (whether a trigger's
predicate is this one); the paragraph's kind and a plan section.

**Decisions.** A triple's score is its best sentence's. A triple the rules did not state is
added when it reaches ``add``, with every sentence that reaches it as evidence; a rule triple
whose best sentence scores below ``drop`` is dropped (one with no candidate, such as a résumé's
fact, is kept).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from npcgraph.model import Document, Entity, Evidence, Mention, Relation, Sentence
from npcgraph.extract.relation_context import plan_sections, planned_answers
from npcgraph.extract.relation_cues import SentenceView, post_words, relation_schema
from npcgraph.extract.relation_nouns import class_of

__all__ = ["Instance", "SKIPPED", "apply", "candidates", "decide", "features"]

#: acts.py states these after the relation stages; the scorer neither adds nor drops them.
SKIPPED = frozenset({"appointed", "removed", "organizedBy"})
_REACH = 80  # most characters between the two names of a candidate pair
_NO_FACTS = frozenset({"byline"})
_CLAUSE_BREAKS = frozenset("，,；;：:")
# One letter per class in masked text (ASCII: the reports' own letters are rare and harmless).
_MASK = {
    "Organization": "O", "Person": "P", "Place": "L", "Publication": "U", "Motion": "N", "Event": "E",
    "Mechanism": "M", "Platform": "F", "Concept": "C", "Statistic": "S", "Report": "R",
}
_LIST = re.compile(r"([A-Z])(?:[、和及与]?\1)+")


def _mask_letter(cls: str) -> str:
    if cls in _MASK:
        return _MASK[cls]
    return "A" if cls in relation_schema()["conducted"][1] - {"Event"} else "I"  # activities, instruments


@dataclass(frozen=True, slots=True)
class Instance:
    """One candidate: a triple in one sentence, with its features."""

    subject: str
    predicate: str
    object: str
    sentence: int
    features: tuple[str, ...]


def _predicates_for(subject_cls: str, object_cls: str) -> list[str]:
    return [
        p for p, (domain, range_) in relation_schema().items()
        if p not in SKIPPED and subject_cls in domain and object_cls in range_
    ]


def _bucket(value: int, bounds: tuple[int, ...]) -> str:
    for bound in bounds:
        if value <= bound:
            return str(bound)
    return f">{bounds[-1]}"


class _Sentence:
    """What the features of one sentence's candidates read."""

    def __init__(self, document: Document, sentence: Sentence, mentions: list[Mention], entities: dict[str, Entity], kind: str, plan: bool) -> None:
        self.text = document.report.text
        self.sentence = sentence
        self.entities = entities
        self.view = SentenceView(self.text, sentence.begin, sentence.end, mentions)
        self.mentions = [m for m in self.view.mentions if m.entity in entities]
        self.context = (f"kind={kind}",) + (("plan",) if plan else ())

    def cls(self, mention: Mention) -> str:
        return class_of(mention, self.entities)

    def masked(self, begin: int, end: int) -> str:
        """The text of ``[begin, end)`` with each outermost name in it replaced by its class letter
        and lists of one class (P、P、P) written once (P+)."""
        out, at = [], begin
        for mention in self.view.maximal(begin, end, ending_by=end):
            if mention.begin < at:
                continue
            out.append(self.text[at : mention.begin])
            out.append(_mask_letter(self.cls(mention)))
            at = mention.end
        out.append(self.text[at:end])
        return _LIST.sub(r"\1+", "".join(out).replace(" ", "").replace("\u3000", ""))

    def clause_start(self, offset: int) -> int:
        return self.view.clause_of(offset)[0]

    def cue_features(self, begin: int, end: int, predicate: str, tag: str) -> list[str]:
        found = []
        for cue in self.view.cues_in(begin, end):
            if cue.trigger is not None:
                same = "same" if cue.trigger.predicate == predicate else "other"
                found += [f"{tag}trig={same}", f"{tag}trigword={cue.word}"]
            if cue.role is not None:
                found.append(f"{tag}marker={cue.role}")
        return found


def _pair_features(s: _Sentence, subject: Mention | None, obj: Mention, predicate: str, how: str) -> list[str]:
    """The features of ``subject predicate obj`` in one sentence, before the rules' own."""
    text = s.text
    subject_cls = s.entities[subject.entity].cls if subject is not None and subject.entity else "implicit"
    found = [f"cls={subject_cls}>{s.cls(obj)}", f"subj={how}", *s.context]
    object_left = s.masked(max(s.clause_start(obj.begin), obj.begin - 6), obj.begin)
    found += [f"oL1={object_left[-1:]}", f"oL2={object_left[-2:]}", f"oL3={object_left[-3:]}"]
    right = s.masked(obj.end, min(s.sentence.end, obj.end + 4))
    found += [f"oR1={right[:1]}", f"oR2={right[:2]}"]
    lead_from = s.clause_start(obj.begin)
    found += s.cue_features(lead_from, obj.begin, predicate, "lead-")
    if subject is None:
        lead = s.masked(lead_from, obj.begin)
        found += [f"lead={lead}" if len(lead) <= 8 else "lead=long", f"leadlen={_bucket(len(lead), (0, 2, 5, 10, 20))}"]
        found += [f"lbg={lead[i:i + 2]}" for i in range(max(0, len(lead) - 12), len(lead) - 1)]
        return found
    if subject.begin <= obj.begin and obj.end <= subject.end:
        order, begin, end = "o-in-s", obj.end, obj.end
    elif obj.begin <= subject.begin and subject.end <= obj.end:
        order, begin, end = "s-in-o", subject.end, subject.end
    elif subject.end <= obj.begin:
        order, begin, end = "s-o", subject.end, obj.begin
    else:
        order, begin, end = "o-s", obj.end, subject.begin
    between = s.masked(begin, end) if end > begin else ""
    breaks = sum(ch in _CLAUSE_BREAKS for ch in text[begin:end])
    names = len(s.view.maximal(begin, end, ending_by=end)) if end > begin else 0
    found += [
        f"order={order}", f"dist={_bucket(end - begin, (0, 1, 2, 5, 10, 20, 40))}",
        f"breaks={_bucket(breaks, (0, 1, 2))}", f"names={_bucket(names, (0, 1, 2))}",
        f"btw={between}" if len(between) <= 10 else "btw=long",
    ]
    found += [f"bg={between[i:i + 2]}" for i in sorted(set(range(min(12, len(between) - 1))) | set(range(max(0, len(between) - 13), len(between) - 1)))]
    found += s.cue_features(begin, end, predicate, "btw-")
    subject_right = s.masked(subject.end, min(s.sentence.end, subject.end + 3))
    subject_left = s.masked(max(s.sentence.begin, subject.begin - 2), subject.begin)
    found += [f"sR1={subject_right[:1]}", f"sR2={subject_right[:2]}", f"sL1={subject_left[-1:]}"]
    return found


def candidates(document: Document) -> list[Instance]:
    """Every candidate triple of the document in each sentence, with its features."""
    report = document.report
    entities = {entity.key: entity for entity in document.entities}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in document.mentions:
        if mention.entity in entities:
            by_sentence[mention.sentence].append(mention)
    kinds = {paragraph.index: paragraph.kind for paragraph in report.paragraphs}
    plans = plan_sections(report)
    planned = planned_answers(report)
    stated: dict[tuple[str, str, str], set[int]] = defaultdict(set)  # rule triple -> sentence begins
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    rule_sentences: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for relation in document.relations:
        triple = (relation.subject, relation.predicate, relation.object)
        pairs[(relation.subject, relation.object)].add(relation.predicate)
        for evidence in relation.evidence:
            if evidence.report == report.key:
                stated[triple].add(evidence.begin)
    begins = {sentence.begin: sentence.index for sentence in report.sentences}
    for triple, found in stated.items():
        for begin in found:
            if begin in begins:
                rule_sentences[begins[begin]].append(triple)
    reporting_body = document.reporting_body if document.reporting_body in entities else None
    instances: list[Instance] = []
    for sentence in report.sentences:
        kind = kinds.get(sentence.paragraph, "body")
        mentions = by_sentence.get(sentence.index, [])
        if kind in _NO_FACTS or not (mentions or rule_sentences.get(sentence.index)):
            continue
        s = _Sentence(document, sentence, mentions, entities, kind, sentence.section in plans or sentence.paragraph in planned)
        raw: dict[tuple[str, str, str], list[str]] = {}
        first: dict[str, Mention] = {}
        for mention in s.mentions:
            first.setdefault(mention.entity or "", mention)
        for subject in s.mentions:
            for obj in s.mentions:
                if subject.entity == obj.entity or (subject.begin, subject.end) == (obj.begin, obj.end):
                    continue
                if max(subject.begin, obj.begin) - min(subject.end, obj.end) > _REACH:
                    continue
                for predicate in _predicates_for(s.cls(subject), s.cls(obj)):
                    triple = (subject.entity or "", predicate, obj.entity or "")
                    if triple not in raw:  # the first pair of names in the sentence speaks for it
                        raw[triple] = _pair_features(s, subject, obj, predicate, "named")
        if reporting_body is not None and reporting_body not in first:
            for obj in s.mentions:
                for predicate in _predicates_for(entities[reporting_body].cls, s.cls(obj)):
                    triple = (reporting_body, predicate, obj.entity or "")
                    if triple not in raw:
                        raw[triple] = _pair_features(s, None, obj, predicate, "reporting-body")
        for triple in rule_sentences.get(sentence.index, ()):
            if triple in raw or triple[1] in SKIPPED:
                continue
            subject, obj = first.get(triple[0]), first.get(triple[2])
            if obj is not None:
                raw[triple] = _pair_features(s, subject, obj, triple[1], "named" if subject else "absent")
            else:
                raw[triple] = [f"subj={'named' if subject else 'absent'}", "obj=absent", *s.context]
        for triple, found in raw.items():
            subject, predicate, obj = triple
            rules = []
            if sentence.begin in stated.get(triple, ()):
                rules.append("rule=here")
            elif triple in stated:
                rules.append("rule=elsewhere")
            rules += [f"rule-other={q}" for q in sorted(pairs.get((subject, obj), ())) if q != predicate]
            if subject == reporting_body:
                rules.append("subject=reporting-body")
            here = rule_sentences.get(sentence.index, ())
            if any(t[2] == obj and t[0] != subject and t[1] == predicate for t in here):
                rules.append("ruled-object=other-subject")
            elif any(t[2] == obj for t in here):
                rules.append("ruled-object=other-predicate")
            if any(t[0] == subject for t in here):
                rules.append("ruled-subject=here")
            instances.append(Instance(subject, predicate, obj, sentence.index, features(predicate, found + rules)))
    return instances


def features(predicate: str, found: Iterable[str]) -> tuple[str, ...]:
    """Each feature alone and conjoined with the predicate, sorted and once."""
    names = {f"{predicate}|{name}" for name in found}
    names.update(name for name in found if name.startswith(("rule", "cls=", "subj=")))
    names.add(f"{predicate}|")
    return tuple(sorted(names))


def decide(
    document: Document, instances: list[Instance], scores: list[float], add: float, drop: float
) -> tuple[dict[tuple[str, str, str], list[int]], set[tuple[str, str, str]]]:
    """The triples to add (with the sentences that state them) and the rule triples to drop."""
    best: dict[tuple[str, str, str], float] = {}
    above: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for instance, score in zip(instances, scores):
        triple = (instance.subject, instance.predicate, instance.object)
        best[triple] = max(best.get(triple, 0.0), score)
        if score >= add:
            above[triple].append(instance.sentence)
    ruled = {(r.subject, r.predicate, r.object) for r in document.relations}
    added = {t: sorted(set(found)) for t, found in above.items() if t not in ruled}
    dropped = {t for t in ruled if t in best and best[t] < drop and t[1] not in SKIPPED}
    return added, dropped


def apply(document: Document, added: dict[tuple[str, str, str], list[int]], dropped: set[tuple[str, str, str]]) -> Document:
    """The document with ``added`` relations (evidence: their sentences) and without ``dropped``."""
    report = document.report
    kept = [r for r in document.relations if (r.subject, r.predicate, r.object) not in dropped]
    for (subject, predicate, obj), sentences in sorted(added.items()):
        evidence = tuple(sorted(Evidence(report.key, report.sentences[i].begin, report.sentences[i].end) for i in sentences))
        kept.append(Relation(subject, predicate, obj, evidence, _post(document, subject, obj, sentences) if predicate == "memberOf" else None))
    return replace(document, relations=tuple(sorted(kept, key=lambda r: (r.subject, r.predicate, r.object, r.post or ""))))


def _post(document: Document, person: str, body: str, sentences: list[int]) -> str | None:
    """The post written between a body and the person holding it (全国人大常委会副委员长…甲), if any."""
    text = document.report.text
    for index in sentences:
        spans: dict[str, Mention] = {}
        for mention in document.mentions:
            if mention.sentence == index and mention.entity in (person, body):
                spans.setdefault(mention.entity, mention)
        if body in spans and person in spans and spans[body].end <= spans[person].begin:
            between = text[spans[body].end : spans[person].begin]
            post = next((word for word in post_words() if between.startswith(word)), None)
            if post is not None:
                return post
    return None
