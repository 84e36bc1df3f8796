"""The pipeline's own machinery (the stages are tested in their own files)."""

from __future__ import annotations

import gc

import pytest

from driftcheck.pipeline import cyclic_gc_paused


@pytest.mark.parametrize("enabled_before", [True, False])
def test_cyclic_gc_is_paused_inside_and_restored_after_even_on_error(enabled_before: bool) -> None:
    (gc.enable if enabled_before else gc.disable)()
    try:
        with pytest.raises(RuntimeError), cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("a stage failed")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
