"""Work spread over the machine's cores in forked processes, for the pipeline's pure-Python stages.

Fact extraction and the pair rules are Python code that holds the GIL, so threads cannot run two of them at
once; a forked child can, and it starts with the parent's memory (the corpus, the index, compiled regexes)
without pickling any of it. Only each chunk's result travels back, pickled through a pipe. Results come back
in chunk order and the caller merges them in that order, so the output is the same as one process's.

Forking is used only where it is safe and cheap: on Linux (macOS discourages fork after threads have run,
Windows has none), and never inside a child. `DRIFTCHECK_WORKERS=1` turns it off. Children must not call
into thread pools that the parent started (lingua's detector, BLAS spun up with several threads): a pool's
threads do not survive a fork. The stages handed to fork_map run regexes and Python only.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from .errors import ConfigError, DriftcheckError

__all__ = [
    "Forked",
    "WorkerError",
    "available_cores",
    "fork_map",
    "split_by_key",
    "split_round_robin",
    "worker_count",
]

ChunkT = TypeVar("ChunkT")
ResultT = TypeVar("ResultT")
ItemT = TypeVar("ItemT")

# Set in a forked child so that nested fork_map calls run in the child itself instead of forking again.
_IN_CHILD = False


class WorkerError(DriftcheckError):
    """A forked worker died without returning its result (killed, out of memory, crashed)."""

    exit_code = 3


def available_cores() -> int:
    """CPU cores this process may use (respects affinity masks in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_count() -> int:
    """How many processes fork_map may use: the cores, or DRIFTCHECK_WORKERS; 1 where forking is unsafe."""
    if _IN_CHILD or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    raw = os.environ.get("DRIFTCHECK_WORKERS", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise ConfigError(
                f"DRIFTCHECK_WORKERS={raw!r}: give a whole number of processes (1 = no forking)"
            ) from None
    return available_cores()


def workers_for(amount: int, per_worker: int) -> int:
    """Processes worth forking for `amount` units of work when each should get at least `per_worker`.

    A fork costs ~10 ms per 300 MB of the parent's memory (page tables are copied; measured 29 ms at 1 GB),
    so small corpora are worked on in one process.
    """
    return max(1, min(worker_count(), amount // max(1, per_worker)))


def split_round_robin(items: Sequence[ItemT], parts: int) -> list[list[tuple[int, ItemT]]]:
    """Items dealt to `parts` chunks in turn, each kept with its position (for merging back in order)."""
    chunks: list[list[tuple[int, ItemT]]] = [[] for _ in range(max(1, parts))]
    for position, item in enumerate(items):
        chunks[position % len(chunks)].append((position, item))
    return [chunk for chunk in chunks if chunk] or [[]]


def split_by_key(
    items: Sequence[ItemT], parts: int, key: Callable[[ItemT], Hashable]
) -> list[list[tuple[int, ItemT]]]:
    """Items in `parts` chunks of about equal size, items with the same key kept in one chunk (each with its
    position). Work that shares a memo (the sentences of one claim group) is then done by one process only.
    Largest groups first, each to the chunk with the fewest items so far (the first on ties): deterministic.
    """
    groups: dict[Hashable, list[tuple[int, ItemT]]] = {}
    for position, item in enumerate(items):
        groups.setdefault(key(item), []).append((position, item))
    chunks: list[list[tuple[int, ItemT]]] = [[] for _ in range(max(1, parts))]
    for members in sorted(groups.values(), key=len, reverse=True):
        min(chunks, key=len).extend(members)
    return [sorted(chunk, key=lambda entry: entry[0]) for chunk in chunks if chunk] or [[]]


@dataclass
class _Child:
    """A forked worker: its pid and the read end of its pipe (None once read and closed)."""

    pid: int
    read_end: int | None


class Forked(Generic[ChunkT, ResultT]):
    """Chunks being worked on in forked children while the parent does something else.

    Started when made; results() waits for the children and returns their results in chunk order; stop()
    (also on leaving a `with` block) kills and reaps those not collected. Where forking is off, or a fork
    fails (no memory for another process), results() computes those chunks in this process instead.
    """

    def __init__(self, function: Callable[[ChunkT], ResultT], chunks: Sequence[ChunkT]) -> None:
        self._function = function
        # Chunk by chunk, in order: a child working on it, or the chunk itself to compute here.
        self._work: list[_Child | tuple[ChunkT]] = []
        if worker_count() <= 1:
            self._work = [(chunk,) for chunk in chunks]
            return
        try:
            for chunk in chunks:
                child = _fork_child(function, chunk)
                self._work.append(child if child is not None else (chunk,))
        except BaseException:
            self.stop()
            raise

    def results(self) -> list[ResultT]:
        """Each chunk's result, in chunk order; a child's exception is raised here (see fork_map)."""
        results: list[ResultT] = []
        try:
            for entry in self._work:
                if isinstance(entry, _Child):
                    results.append(cast(ResultT, _collect(entry)))
                else:
                    results.append(self._function(entry[0]))
        finally:
            self.stop()
        return results

    def stop(self) -> None:
        """Kill and reap the children not reaped yet (Ctrl-C held off meanwhile, so none is left a zombie)."""
        children = [entry for entry in self._work if isinstance(entry, _Child)]
        self._work = []
        if not children:
            return
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for child in children:
                _stop(child)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def __enter__(self) -> Forked[ChunkT, ResultT]:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def fork_map(function: Callable[[ChunkT], ResultT], chunks: Sequence[ChunkT]) -> list[ResultT]:
    """[function(chunk) for chunk in chunks], the chunks after the first each in a forked child.

    The parent works on the first chunk while the children work on the rest. An exception in a child is
    raised again in the parent (as itself when it pickles both ways, else as WorkerError with its text); a
    child that dies without a result raises WorkerError. Children are always reaped.
    """
    if len(chunks) <= 1 or worker_count() <= 1:
        return [function(chunk) for chunk in chunks]
    with Forked(function, chunks[1:]) as rest:
        first = function(chunks[0])
        return [first, *rest.results()]


def _fork_child(function: Callable[[ChunkT], ResultT], chunk: ChunkT) -> _Child | None:
    """Fork a child working on chunk; None when the system refuses another process (then: do it here)."""
    read_end, write_end = os.pipe()
    # Ctrl-C is held off across the fork: a KeyboardInterrupt raised in the child before it reaches
    # _run_child would unwind the parent's stack in the child (measured: children came back out of
    # fork_map and ran the CLI's error handling). The child unblocks it once SIGINT simply ends it.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pid = -1
    try:
        try:
            pid = os.fork()
        except OSError:  # EAGAIN / ENOMEM: too many processes or too little memory for a copy
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:
            try:
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                _run_child(function, chunk, write_end)
            finally:
                os._exit(1)  # _run_child exits itself; this only catches what escapes before it runs
    finally:
        if pid != 0:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    os.close(write_end)
    return _Child(pid, read_end)


def _run_child(function: Callable[[ChunkT], ResultT], chunk: ChunkT, write_end: int) -> None:
    """Compute one chunk in the child and send ("ok", result) or ("error", exception, text) up the pipe."""
    global _IN_CHILD
    _IN_CHILD = True
    status = 0
    try:
        _end_with_parent()
        # A child never prints: a warning written to a stream whose lock another thread held at the fork
        # would wait forever (measured harmless on 3.11, but nothing is lost by not writing).
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        try:
            payload = pickle.dumps(("ok", function(chunk)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:
            text = "".join(traceback.format_exception(type(error), error, error.__traceback__)).strip()
            try:
                payload = pickle.dumps(("error", error, text), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that does not pickle: its text will do
                payload = pickle.dumps(("error", None, text), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        status = 1
    finally:
        # os._exit: no atexit handlers, no flushing of stdio buffers copied from the parent, no cleanup of
        # temporary files the parent owns.
        os._exit(status)


def _end_with_parent() -> None:
    """Have the kernel kill this child when the parent dies (Linux prctl PR_SET_PDEATHSIG), so a killed
    parent leaves no worker computing for nobody."""
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the prctl took effect
        os._exit(1)


def _collect(child: _Child) -> object:
    """Read a child's pickled answer, reap the child, and return its result or raise its error.

    Whatever interrupts the reading (Ctrl-C sent to this process alone) leaves the child in place for
    stop(), which kills it rather than waiting for it to finish its chunk.
    """
    assert child.read_end is not None
    with os.fdopen(child.read_end, "rb") as pipe:
        child.read_end = None
        payload = pipe.read()
    status = _reap(child)
    if not payload:
        code = os.waitstatus_to_exitcode(status) if status is not None else None
        raise WorkerError(
            f"a worker process ended without a result (exit status {code}); "
            "run again with DRIFTCHECK_WORKERS=1 to work in one process"
        )
    try:
        answer = pickle.loads(payload)
    except Exception as unreadable:  # an exception that pickles but does not unpickle (required arguments)
        raise WorkerError(
            f"a worker process failed and its error could not be read back: {unreadable}"
        ) from None
    if answer[0] == "error":
        _, raised, text = answer
        if isinstance(raised, BaseException):
            raised.add_note(f"in a driftcheck worker process:\n{text}")
            raise raised
        raise WorkerError(f"a worker process failed: {text.splitlines()[-1] if text else 'unknown error'}")
    return answer[1]


def _reap(child: _Child) -> int | None:
    """Wait for the child to end and return its wait status (None if it was reaped already)."""
    try:
        _, status = os.waitpid(child.pid, 0)
    except ChildProcessError:
        status = None
    child.pid = 0
    return status


def _stop(child: _Child) -> None:
    """Kill and reap a child whose result is no longer wanted, and close its pipe."""
    if child.pid:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
        _reap(child)
    if child.read_end is not None:
        os.close(child.read_end)
        child.read_end = None
