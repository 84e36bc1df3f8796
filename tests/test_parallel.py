"""Forked workers (driftcheck.parallel): results in order, errors carried back, children reaped, and a
pipeline whose report does not depend on how many processes did the work."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from driftcheck import compare, parallel, pipeline
from driftcheck.errors import ConfigError
from driftcheck.parallel import (
    WorkerError,
    fork_map,
    split_by_key,
    split_round_robin,
    worker_count,
    workers_for,
)
from driftcheck.report_json import dumps, report_dict

needs_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="forked workers run on Linux only"
)


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers whatever the machine has (CI machines have 2 cores; a laptop may have 8)."""
    monkeypatch.setenv("DRIFTCHECK_WORKERS", "2")


def no_children_left() -> bool:
    """True when this process has no child left to reap (running or a zombie)."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def square_all(chunk: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [n * n for n in chunk]


@needs_fork
def test_chunks_after_the_first_run_in_other_processes_and_come_back_in_order(two_workers: None) -> None:
    chunks = [[1, 2], [3, 4], [5]]
    results = fork_map(square_all, chunks)
    assert [squares for _, squares in results] == [[1, 4], [9, 16], [25]]
    pids = [pid for pid, _ in results]
    assert pids[0] == os.getpid()
    assert len(set(pids)) == 3  # each later chunk in its own child
    assert no_children_left()


def test_one_worker_keeps_everything_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFTCHECK_WORKERS", "1")
    results = fork_map(square_all, [[1], [2], [3]])
    assert {pid for pid, _ in results} == {os.getpid()}
    assert [squares for _, squares in results] == [[1], [4], [9]]


def test_a_worker_count_that_is_not_a_number_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFTCHECK_WORKERS", "two")
    with pytest.raises(ConfigError, match="DRIFTCHECK_WORKERS='two'"):
        worker_count()


@needs_fork
def test_small_amounts_of_work_are_not_worth_a_fork(two_workers: None) -> None:
    assert workers_for(999, 500) == 1
    assert workers_for(1000, 500) == 2
    assert workers_for(10**6, 500) == 2  # never more than the workers allowed


def fail_in_child(chunk: int) -> int:
    if chunk == 2:
        raise ValueError(f"bad chunk {chunk}")
    return chunk


@needs_fork
def test_an_exception_in_a_child_is_raised_in_the_parent_as_itself(two_workers: None) -> None:
    with pytest.raises(ValueError, match="bad chunk 2"):
        fork_map(fail_in_child, [1, 2, 3])
    assert no_children_left()


class Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle this")


def unpicklable_failure(chunk: int) -> int:
    if chunk:
        raise Unpicklable("the lock is gone")
    return chunk


@needs_fork
def test_an_exception_that_does_not_pickle_comes_back_as_its_text(two_workers: None) -> None:
    with pytest.raises(WorkerError, match="Unpicklable: the lock is gone"):
        fork_map(unpicklable_failure, [0, 1])
    assert no_children_left()


def die_in_child(chunk: int) -> int:
    if chunk:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return chunk


@needs_fork
def test_a_child_that_dies_raises_a_worker_error_that_says_how_to_avoid_forking(two_workers: None) -> None:
    with pytest.raises(WorkerError, match="DRIFTCHECK_WORKERS=1"):
        fork_map(die_in_child, [0, 1])
    assert no_children_left()


def fail_in_parent(chunk: int) -> int:
    if chunk == 0:
        raise KeyError("parent's chunk")
    return chunk


@needs_fork
def test_when_the_parent_fails_its_children_are_stopped_and_reaped(two_workers: None) -> None:
    with pytest.raises(KeyError):
        fork_map(fail_in_parent, [0, 1])
    assert no_children_left()


def nested_worker_count(chunk: int) -> int:
    return worker_count()


@needs_fork
def test_a_child_does_not_fork_again(two_workers: None) -> None:
    assert fork_map(nested_worker_count, [0, 1]) == [2, 1]


def test_round_robin_deals_every_item_once_with_its_position() -> None:
    chunks = split_round_robin("abcde", 2)
    assert chunks == [[(0, "a"), (2, "c"), (4, "e")], [(1, "b"), (3, "d")]]
    assert split_round_robin("ab", 5) == [[(0, "a")], [(1, "b")]]  # no empty chunks
    assert split_round_robin("", 3) == [[]]


def test_split_by_key_keeps_a_key_in_one_chunk_and_balances_the_chunks() -> None:
    items = ["g1", "g1", "g1", "g2", "g2", "g3", "g3", "g4"]
    chunks = split_by_key(items, 2, key=lambda item: item)
    assert sorted(position for chunk in chunks for position, _ in chunk) == list(range(len(items)))
    for chunk in chunks:
        assert chunk == sorted(chunk)  # positions ascending inside a chunk
    keys_per_chunk = [{item for _, item in chunk} for chunk in chunks]
    assert not keys_per_chunk[0] & keys_per_chunk[1]
    assert sorted(len(chunk) for chunk in chunks) == [4, 4]


@needs_fork
def test_the_report_is_byte_identical_in_one_process_and_in_forked_workers(
    monkeypatch: pytest.MonkeyPatch, repo_root: Path, session_cache: Path, corpus_report: dict[str, Any]
) -> None:
    """The real corpus and encoder (vectors from the session cache); both forking stages forced to fork."""
    options = pipeline.CompareOptions(cache_dir=str(session_cache))
    monkeypatch.chdir(repo_root)
    monkeypatch.setenv("DRIFTCHECK_WORKERS", "1")
    alone = dumps(report_dict(pipeline.run_compare(["corpus"], options)))

    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setenv("DRIFTCHECK_WORKERS", "2")
    monkeypatch.setattr(os, "fork", counting_fork)
    for module in (pipeline, compare):  # the bundled corpus is below the size worth forking for
        monkeypatch.setattr(module, "workers_for", lambda amount, per_worker: 2)
    forked = dumps(report_dict(pipeline.run_compare(["corpus"], options)))
    assert len(forks) == 2  # facts and the pair rules each used a second process
    assert forked == alone
    assert parallel.worker_count() == 2


class NeedsTwoArguments(Exception):
    """Pickles, but pickle cannot build it again (its __init__ wants two arguments, args holds one)."""

    def __init__(self, rule: str, detail: str) -> None:
        super().__init__(f"{rule}: {detail}")


def fail_unreadably(chunk: int) -> int:
    if chunk:
        raise NeedsTwoArguments("quantities", "bad unit")
    return chunk


@needs_fork
def test_an_exception_that_does_not_unpickle_is_a_worker_error_not_a_type_error(two_workers: None) -> None:
    with pytest.raises(WorkerError, match="could not be read back"):
        fork_map(fail_unreadably, [0, 1])
    assert no_children_left()


@needs_fork
def test_a_child_exception_carries_the_child_traceback_as_a_note(two_workers: None) -> None:
    with pytest.raises(ValueError) as caught:
        fork_map(fail_in_child, [1, 2])
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "in a driftcheck worker process" in notes
    assert "fail_in_child" in notes  # the frame where the child raised


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@needs_fork
def test_when_the_system_refuses_a_fork_the_chunk_is_computed_here_and_no_pipe_leaks(
    two_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused() -> int:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", refused)
    before = open_fds()
    results = [fork_map(square_all, [[1], [2], [3]]) for _ in range(5)]
    assert all([squares for _, squares in r] == [[1], [4], [9]] for r in results)
    assert {pid for r in results for pid, _ in r} == {os.getpid()}
    assert open_fds() == before


def sleep_in_child(chunk: int) -> int:
    if chunk:
        import time

        time.sleep(30)
    return chunk


@needs_fork
def test_ctrl_c_to_the_parent_alone_stops_a_busy_child_at_once(two_workers: None) -> None:
    """kill -INT <pid> (a supervisor, subprocess.send_signal) reaches the parent only: it must not wait for
    the child to finish its chunk, and must leave no zombie."""
    import threading
    import time

    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        fork_map(sleep_in_child, [0, 1])
    assert time.monotonic() - started < 10
    assert no_children_left()


CTRL_C_STORM = """
import os, signal, sys, time
os.environ["DRIFTCHECK_WORKERS"] = "4"
from driftcheck.parallel import fork_map
PARENT = os.getpid()
def handler(signum, frame):  # the parent keeps forking; in a child this is what Ctrl-C does by default
    if os.getpid() != PARENT:
        raise KeyboardInterrupt
signal.signal(signal.SIGINT, handler)
sender = os.fork()
if sender == 0:  # Ctrl-C to the whole process group, over and over
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for _ in range(4000):
        os.killpg(PARENT, signal.SIGINT)
        time.sleep(0.0005)
    os._exit(0)
deadline = time.time() + float(sys.argv[1])
while time.time() < deadline:
    try:
        fork_map(len, [[1], [2], [3], [4]])
    except BaseException:
        pass
    if os.getpid() != PARENT:  # a child that came back out of fork_map into its caller's code
        print("ESCAPED", flush=True)
        os._exit(0)
os.kill(sender, signal.SIGKILL)
os.waitpid(sender, 0)
print("done", flush=True)
"""


@needs_fork
def test_ctrl_c_while_forking_never_lets_a_child_run_the_callers_code(tmp_path: Path) -> None:
    """Before SIGINT was blocked across the fork, ~9 children a second escaped fork_map this way."""
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", CTRL_C_STORM, "2"],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,  # its own process group: the storm must not reach pytest
        cwd=tmp_path,
    )
    assert "ESCAPED" not in result.stdout
    assert result.stdout.strip().endswith("done"), result.stderr[-2000:]


def test_anchor_overlap_does_not_depend_on_a_frozensets_order() -> None:
    """Facts come back from forked workers pickled, and a frozenset's order does not survive that: the
    float32 sums must not depend on it (they did for ~7% of sentences)."""
    import pickle
    import random

    from driftcheck.align import anchor_overlap

    rng = random.Random(7)
    for _ in range(500):
        anchors = frozenset(f"n:name{rng.randint(0, 10**6)}" for _ in range(rng.randint(3, 9)))
        copied = pickle.loads(pickle.dumps(anchors, protocol=pickle.HIGHEST_PROTOCOL))
        weights = {a: rng.uniform(0.05, 0.3) for a in anchors}
        first = anchor_overlap([anchors], [anchors], weights)
        second = anchor_overlap([copied], [anchors], weights)
        assert first.tobytes() == second.tobytes()
