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


class Forked(Generic[ChunkT, ResultT]):
    """Chunks being worked on in forked children while the parent does something else.

    Started when made; results() waits for the children and returns their results in chunk order; stop()
    (also on leaving a `with` block) kills and reaps those not collected. Where forking is off, results()
    computes the chunks in this process instead.
    """

    def __init__(self, function: Callable[[ChunkT], ResultT], chunks: Sequence[ChunkT]) -> None:
        self._function = function
        self._inline: list[ChunkT] = []
        self._children: list[tuple[int, int]] = []  # (pid, read end of its pipe), in chunk order
        if worker_count() <= 1:
            self._inline = list(chunks)
            return
        try:
            for chunk in chunks:
                read_end, write_end = os.pipe()
                pid = os.fork()
                if pid == 0:  # the child: never returns
                    os.close(read_end)
                    _run_child(function, chunk, write_end)
                os.close(write_end)
                self._children.append((pid, read_end))
        except BaseException:
            self.stop()
            raise

    def results(self) -> list[ResultT]:
        """Each chunk's result, in chunk order; a child's exception is raised here (see fork_map)."""
        results = [self._function(chunk) for chunk in self._inline]
        self._inline = []
        try:
            while self._children:
                pid, read_end = self._children[0]
                del self._children[0]  # _collect reaps it whatever happens
                results.append(cast(ResultT, _collect(pid, read_end)))
        finally:
            self.stop()
        return results

    def stop(self) -> None:
        """Kill and reap the children whose results were not collected."""
        children, self._children = self._children, []
        for pid, read_end in children:
            _stop(pid, read_end)

    def __enter__(self) -> Forked[ChunkT, ResultT]:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def fork_map(function: Callable[[ChunkT], ResultT], chunks: Sequence[ChunkT]) -> list[ResultT]:
    """[function(chunk) for chunk in chunks], the chunks after the first each in a forked child.

    The parent works on the first chunk while the children work on the rest. An exception in a child is
    raised again in the parent (as itself when it pickles, else as WorkerError with its text); a child that
    dies without a result raises WorkerError. Children are always reaped.
    """
    if len(chunks) <= 1 or worker_count() <= 1:
        return [function(chunk) for chunk in chunks]
    with Forked(function, chunks[1:]) as rest:
        first = function(chunks[0])
        return [first, *rest.results()]


def _run_child(function: Callable[[ChunkT], ResultT], chunk: ChunkT, write_end: int) -> None:
    """Compute one chunk in the child and send ("ok", result) or ("error", exception) up the pipe."""
    global _IN_CHILD
    _IN_CHILD = True
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends a child at once; the parent reports it
        try:
            payload = pickle.dumps(("ok", function(chunk)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:
            try:
                payload = pickle.dumps(("error", error), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that does not pickle: send its text
                text = "".join(traceback.format_exception_only(type(error), error)).strip()
                payload = pickle.dumps(("error", WorkerError(f"a worker process failed: {text}")))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        status = 1
    finally:
        # os._exit: no atexit handlers, no flushing of stdio buffers copied from the parent, no cleanup of
        # temporary files the parent owns.
        os._exit(status)


def _collect(pid: int, read_end: int) -> object:
    """Read a child's pickled answer, reap the child, and return its result or raise its error."""
    try:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if not payload:
        code = os.waitstatus_to_exitcode(status)
        raise WorkerError(
            f"a worker process ended without a result (exit status {code}); "
            "run again with DRIFTCHECK_WORKERS=1 to work in one process"
        )
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise value
    return value


def _stop(pid: int, read_end: int) -> None:
    """Kill and reap a child whose result is no longer wanted."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
