"""Check a report against its schema and against itself.

The schema catches shape mistakes (a missing field, an unknown kind). What it cannot see is the
promise that makes a report trustworthy: every span's text is what the article says at those
offsets, and every id a finding names is an article of the report. Those are checked here too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

Json = dict[str, Any]
MAX_LISTED = 20  # problems named in the error message; the rest are counted


class ReportValidationError(ValueError):
    """A report breaks its contract; ``problems`` lists each violation with its JSON path."""

    def __init__(self, problems: list[str], saved: Path | None = None) -> None:
        self.problems = problems
        self.saved = saved
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        where = f"; the unchecked report is in {saved}" if saved else ""
        super().__init__(
            f"report breaks schema version 1 ({len(problems)} problems{where}):\n{shown}{tail}"
        )


@cache
def _schema_text() -> str:
    return resources.files("storylens.report").joinpath("schema.json").read_text(encoding="utf-8")


def load_schema() -> Json:
    """The packaged JSON Schema of report.json (a fresh copy the caller may change)."""
    return json.loads(_schema_text())


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(inline_refs(schema))


def inline_refs(schema: Json) -> Json:
    """The schema with every local ``$ref`` replaced by its definition.

    Same meaning, about twice as fast to validate with: resolving a reference costs more than
    checking most values, and a report holds thousands of spans. Our schema has no recursive
    definitions, so inlining terminates.
    """
    defs = schema.get("$defs", {})

    def expand(node: Any) -> Any:
        if isinstance(node, list):
            return [expand(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" not in node:
            return {key: expand(value) for key, value in node.items()}
        target = expand(defs[node["$ref"].removeprefix("#/$defs/")])
        rest = {key: expand(value) for key, value in node.items() if key != "$ref"}
        if rest.keys() & target.keys():
            return {"allOf": [target, rest]}
        return {**target, **rest}

    return {key: expand(value) for key, value in schema.items() if key != "$defs"}


def validate_report(report: Json) -> None:
    """Raise ``ReportValidationError`` naming every schema and span violation."""
    problems = schema_problems(report)
    if not problems:  # semantic checks assume the shape is right
        problems = list(semantic_problems(report))
    if problems:
        raise ReportValidationError(problems)


def schema_problems(report: Json) -> list[str]:
    errors = sorted(_validator().iter_errors(report), key=lambda e: [str(p) for p in e.path])
    return [f"{json_path(e.path)}: {e.message}" for e in errors]


def json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def semantic_problems(report: Json) -> Iterator[str]:
    """Span texts, offsets and id references the schema cannot express."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    yield from duplicate_ids([a["id"] for a in report["articles"]], "$.articles")
    yield from duplicate_ids([s["id"] for s in report["stories"]], "$.stories")
    for i, article in enumerate(report["articles"]):
        yield from sentence_problems(article, f"$.articles[{i}].sentences")
    for i, story in enumerate(report["stories"]):
        yield from story_problems(story, texts, f"$.stories[{i}]")
    for i, article_id in enumerate(report["off_topic"]):
        if article_id not in texts:
            yield f"$.off_topic[{i}]: unknown article id {article_id!r}"


def story_problems(story: Json, texts: dict[str, str], path: str) -> Iterator[str]:
    members = set(story["article_ids"])
    for i, article_id in enumerate(story["article_ids"]):
        if article_id not in texts:
            yield f"{path}.article_ids[{i}]: unknown article id {article_id!r}"
    for key in ("families", "entities", "claims", "quotes", "conflicts", "flags"):
        yield from duplicate_ids([item["id"] for item in story[key]], f"{path}.{key}")
    for ref_path, article_id in story_references(story, path):
        if article_id not in members:
            yield f"{ref_path}: article {article_id!r} is not in story {story['id']!r}"
    for span_path, span in story_spans(story, path):
        yield from span_problems(span, texts, span_path)


def story_references(story: Json, path: str) -> Iterator[tuple[str, str]]:
    """Every article id a story's findings point at, with where it is written."""
    for i, family in enumerate(story["families"]):
        for j, article_id in enumerate(family["article_ids"]):
            yield f"{path}.families[{i}].article_ids[{j}]", article_id
        if family["original"] is not None:
            yield f"{path}.families[{i}].original", family["original"]
    for i, derivation in enumerate(story["derivations"]):
        yield f"{path}.derivations[{i}].parent", derivation["parent"]
        yield f"{path}.derivations[{i}].child", derivation["child"]
    for i, alignment in enumerate(story["alignments"]):
        yield f"{path}.alignments[{i}].a", alignment["a"]
        yield f"{path}.alignments[{i}].b", alignment["b"]
    for key in ("claims", "quotes"):
        for i, item in enumerate(story[key]):
            for j, article_id in enumerate(item["article_ids"]):
                yield f"{path}.{key}[{i}].article_ids[{j}]", article_id
    for i, conflict in enumerate(story["conflicts"]):
        for j, value in enumerate(conflict["values"]):
            for k, article_id in enumerate(value["article_ids"]):
                yield f"{path}.conflicts[{i}].values[{j}].article_ids[{k}]", article_id
    for i, flag in enumerate(story["flags"]):
        yield f"{path}.flags[{i}].article_id", flag["article_id"]


def story_spans(story: Json, path: str) -> Iterator[tuple[str, Json]]:
    for i, derivation in enumerate(story["derivations"]):
        for j, change in enumerate(derivation["changes"]):
            for side in ("parent_span", "child_span"):
                if change[side] is not None:
                    yield f"{path}.derivations[{i}].changes[{j}].{side}", change[side]
    for key in ("claims", "quotes", "flags"):
        for i, item in enumerate(story[key]):
            for j, span in enumerate(item["evidence"]):
                yield f"{path}.{key}[{i}].evidence[{j}]", span
    for i, conflict in enumerate(story["conflicts"]):
        for j, value in enumerate(conflict["values"]):
            for k, span in enumerate(value["evidence"]):
                yield f"{path}.conflicts[{i}].values[{j}].evidence[{k}]", span


def span_problems(span: Json, texts: dict[str, str], path: str) -> Iterator[str]:
    """A span is evidence only if its text is exactly what the article says there."""
    text = texts.get(span["article"])
    if text is None:
        yield f"{path}: unknown article id {span['article']!r}"
        return
    start, end = span["start"], span["end"]
    if not 0 <= start <= end <= len(text):
        yield (
            f"{path}: offsets {start}:{end} outside article {span['article']!r} ({len(text)} chars)"
        )
        return
    if text[start:end] != span["text"]:
        yield (
            f"{path}: span text {clip(span['text'])!r} != article {span['article']!r}"
            f"[{start}:{end}] {clip(text[start:end])!r}"
        )


def sentence_problems(article: Json, path: str) -> Iterator[str]:
    size = len(article["text"])
    for i, (start, end) in enumerate(article.get("sentences", [])):
        if not 0 <= start <= end <= size:
            yield f"{path}[{i}]: offsets {start}:{end} outside the text ({size} chars)"


def duplicate_ids(ids: list[str], path: str) -> Iterator[str]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            yield f"{path}[{i}].id: duplicate id {item!r}"
        seen.add(item)


def clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
