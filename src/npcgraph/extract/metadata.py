"""Entities the page itself names: its author, the body that speaks in it, its publisher."""

from __future__ import annotations

import re
from dataclasses import replace

from ..ids import entity_key
from ..ingest import body_of_post
from ..model import Document, Entity, Evidence, Mention, Relation
from .context import Jurisdiction, jurisdiction_of
from .patterns import HAN, table
from .bodies import parse_body_prefix
from .resolve import full_org_name

__all__ = ["metadata_entities"]

_PERSON_NAME = re.compile(f"[{HAN}]{{2,4}}|[{HAN}]{{1,8}}[·•][{HAN}]{{1,8}}")


def _trusted(body: str, author_post: str | None, ctx: Jurisdiction) -> bool:
    """A reporting body from the byline's post, or one that names the report's place."""
    if author_post and body_of_post(author_post) == body:
        return True
    if ctx.place is None:
        return False
    named = (ctx.place.name, "全国", *((f"{ctx.place.county}{ctx.place.name}",) if ctx.place.county else ()))
    if not body.startswith(named):
        return False
    if ctx.place.kind == "township":  # 石桥乡人民代表大会主席团: its full name already
        parsed = parse_body_prefix(body, ctx)
        return parsed is not None and parsed[0] == len(body)
    return full_org_name(body, ctx) != body


def metadata_entities(document: Document) -> Document:
    """Add the author (Person), reporting body and publisher (Organization) from the metadata.

    Where the byline names them, the byline's offsets become their mentions, and the author's
    post (武汉市人大常委会主任) becomes ``memberOf`` the body with the post kept.
    """
    report = document.report
    meta = report.metadata
    ctx = jurisdiction_of(report, None)
    entities: list[Entity] = list(document.entities)
    mentions: list[Mention] = list(document.mentions)
    relations: list[Relation] = list(document.relations)
    byline = next((p for p in report.paragraphs if p.kind == "byline"), None)
    byline_sentence = report.sentence_at(byline.begin) if byline else None

    def add(cls: str, name: str, written: str) -> str:
        key = entity_key(cls, name)
        entities.append(Entity(key, cls, name, tuple(sorted({written} - {name}))))
        if byline is not None and byline_sentence is not None:
            at = report.text.find(written, byline.begin, byline.end)
            if at >= 0:
                mentions.append(Mention(at, at + len(written), byline_sentence.index, cls, key))
        return key

    # A page's 作者 field may hold a department or the rest of the page's chrome: only a name.
    author = add("Person", meta.author, meta.author) if meta.author and _PERSON_NAME.fullmatch(meta.author) else None
    body = None
    if meta.reporting_body and _trusted(meta.reporting_body, meta.author_post, ctx):
        body = add("Organization", full_org_name(meta.reporting_body, ctx), meta.reporting_body)
    elif ctx.place is not None and (committee := ctx.standing_committee()):
        # No byline names the speaking body (a news article): the report's place's standing
        # committee, the body such articles are about.
        body = add("Organization", committee, committee)
    place = ctx.named_place
    at = report.text.find(place.name) if place is not None else -1
    if place is not None and at >= 0 and (sentence := report.sentence_at(at)) is not None:
        # 在慈溪市十七届人大常委会第十六次会议上: the report's own place, though the text names
        # it only inside the names of its bodies and meetings, is a place of the graph
        key = entity_key("Place", place.name)
        entities.append(Entity(key, "Place", place.name))
        mentions.append(Mention(at, at + len(place.name), sentence.index, "Place", key))
    publisher = (
        add("Organization", table("media").get(meta.publisher, meta.publisher), meta.publisher)
        if meta.publisher
        else None
    )
    if author and body and meta.author_post and byline_sentence is not None:
        post_body = body_of_post(meta.author_post)
        # (自治区人民代表大会常务委员会主任 under a title naming 西藏自治区人民代表大会常务委员会: one body)
        if post_body is not None and (post_body == meta.reporting_body or full_org_name(post_body, ctx) == full_org_name(meta.reporting_body, ctx)):
            post = meta.author_post[len(post_body):].strip("、， ")
            evidence = Evidence(report.key, byline_sentence.begin, byline_sentence.end)
            relations.append(Relation(author, "memberOf", body, (evidence,), post=post or None))
    return replace(
        document,
        entities=tuple(entities),
        mentions=tuple(mentions),
        relations=tuple(relations),
        author=author,
        publisher=publisher,
        reporting_body=body,
    )
