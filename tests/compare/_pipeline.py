"""Run the real pipeline once per input set and share the result between tests."""

from __future__ import annotations

from functools import cache

import pytest

from storylens.model import Analysis


def require_pipeline() -> None:
    """Skip (with the reason) while a stage the pipeline needs is not built yet."""
    import storylens.annotate
    import storylens.extract
    import storylens.link

    for module, name in [
        (storylens.annotate, "annotate_article"),
        (storylens.extract, "extract_articles"),
        (storylens.link, "link_story"),
        (storylens.link, "group_stories"),
    ]:
        if not hasattr(module, name):
            pytest.skip(f"{module.__name__}.{name} is not built yet")


@cache
def analysis_of(*inputs: str) -> Analysis:
    from storylens.pipeline import analyze

    return analyze(list(inputs))
