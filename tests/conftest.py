"""Shared fixtures: the repository root, an isolated embedding cache, one real run over the corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DEVDATA = REPO.parent / "shared" / "devdata"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite golden files instead of comparing."
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden"):
        os.environ["DRIFTCHECK_UPDATE_GOLDEN"] = "1"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One embedding cache for the session, so the real model encodes each sentence once."""
    return tmp_path_factory.mktemp("embedding-cache")


def run_cli(
    *args: str,
    cwd: Path | None = None,
    cache: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m driftcheck ARGS` as a user would, with an isolated cache."""
    full_env = dict(os.environ)
    if cache is not None:
        full_env["DRIFTCHECK_CACHE_DIR"] = str(cache)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "driftcheck", *args],
        cwd=cwd or REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory: pytest.TempPathFactory, session_cache: Path) -> dict[str, Any]:
    """The JSON report of `driftcheck compare corpus/` with the real default encoder."""
    out = tmp_path_factory.mktemp("corpus-report") / "report.json"
    result = run_cli("compare", "corpus", "--json", str(out), "--quiet", cache=session_cache)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def validate_report(data: dict[str, Any]) -> None:
    """Validate a report against the committed JSON Schema."""
    import jsonschema

    from driftcheck.report_json import load_schema

    jsonschema.validate(data, load_schema())


def require_devdata(*parts: str) -> Path:
    """A path in ../shared/devdata; the test fails under CI when it is missing, and skips elsewhere."""
    path = DEVDATA.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must run with ../shared/devdata beside the checkout")
        pytest.skip(f"{path} not available")
    return path
