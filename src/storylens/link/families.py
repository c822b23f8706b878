"""Families: articles connected by derivation edges count once as a source.

A family is a connected component of the edges (shared-source included); every article is in
exactly one, independent articles alone. The likely original is the family's only root: the
member no directed edge points into, preferring the root that reaches most members; a family held
together only by undirected or shared-source edges has no known original.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from storylens.model import Derivation, Family

DIRECTED_MIN = 0.5  # confidence above which an edge's direction is used for the original


def family_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(article_ids)).encode(), digest_size=6).hexdigest()
    return f"f-{digest}"


def _components(article_ids: Sequence[str], edges: Sequence[Derivation]) -> list[list[str]]:
    parent = {a: a for a in article_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for edge in edges:
        if edge.parent in parent and edge.child in parent:
            ra, rb = find(edge.parent), find(edge.child)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for a in article_ids:
        groups.setdefault(find(a), []).append(a)
    return [sorted(g) for g in groups.values()]


def likely_original(members: Sequence[str], edges: Sequence[Derivation]) -> str | None:
    inside = set(members)
    directed = [
        e
        for e in edges
        if e.parent in inside
        and e.child in inside
        and e.kind != "shared-source"
        and e.confidence > DIRECTED_MIN
    ]
    if not directed:
        return None
    has_parent = {e.child for e in directed}
    roots = [m for m in members if m not in has_parent]
    if len(roots) == 1:
        return roots[0]
    reach = {root: len(_descendants(root, directed)) for root in roots}
    ranked = sorted(roots, key=lambda r: (-reach[r], r))
    if ranked and (len(ranked) == 1 or reach[ranked[0]] > reach[ranked[1]]):
        return ranked[0]
    return None


def _descendants(root: str, edges: Sequence[Derivation]) -> set[str]:
    children: dict[str, list[str]] = {}
    for e in edges:
        children.setdefault(e.parent, []).append(e.child)
    seen: set[str] = set()
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def build_families(article_ids: Sequence[str], edges: Sequence[Derivation]) -> list[Family]:
    """One family per connected component, sorted by first article id."""
    families = [
        Family(
            id=family_id(members),
            article_ids=tuple(members),
            original=members[0] if len(members) == 1 else likely_original(members, edges),
        )
        for members in _components(sorted(set(article_ids)), edges)
    ]
    return sorted(families, key=lambda f: f.article_ids[0])
