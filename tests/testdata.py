"""Where the repository, the examples and ../shared are, for every test module.

A plain module (not conftest.py): several conftest.py files live in the test tree, and
`from testdata import ...` would pick whichever was imported first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = Path(os.environ.get("STORYLENS_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (evaluation data) is not beside this checkout")
    return path
