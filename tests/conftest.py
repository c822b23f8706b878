"""Shared test helpers: where the repository, the examples and ../shared are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (evaluation data) is not beside this checkout")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")
