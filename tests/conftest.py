"""Session-wide test settings: no model hub, ever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from testdata import shared_path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")
