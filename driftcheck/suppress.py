"""Suppressions: findings an editor has reviewed and accepted, and the editor's own alias pairs."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, InputError
from .models import Finding, Suppression

DEFAULT_NAME = "suppressions.yaml"


@dataclass(frozen=True)
class SuppressionFile:
    """The parsed suppression file: accepted findings by id, and alias pairs ("Team Blind" = "Teamblind")."""

    path: str | None
    entries: dict[str, Suppression]
    aliases: tuple[tuple[str, ...], ...] = ()


EMPTY = SuppressionFile(None, {}, ())


def load_suppressions(path: str | None, corpus_root: str | None) -> SuppressionFile:
    """Read the suppression file named, or suppressions.yaml beside the corpus manifest when it exists."""
    if path is None:
        if corpus_root is None:
            return EMPTY
        candidate = Path(corpus_root) / DEFAULT_NAME
        if not candidate.is_file():
            return EMPTY
        path = str(candidate)
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: suppression file not found; give an existing file to --suppressions")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"{path}: not valid YAML ({first}); fix the file or remove it") from None
    return parse_suppressions(data, path)


def parse_suppressions(data: Any, path: str) -> SuppressionFile:
    """Validate the YAML structure: {suppressions: [{id, reason, reviewer, date}], aliases: [[a, b, ...]]}."""
    if isinstance(data, list):
        data = {"suppressions": data}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with 'suppressions' and/or 'aliases'")
    unknown = sorted(set(data) - {"suppressions", "aliases"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(unknown)}; expected 'suppressions' and 'aliases'"
        )
    entries: dict[str, Suppression] = {}
    for n, item in enumerate(data.get("suppressions") or [], start=1):
        if not isinstance(item, dict) or not item.get("id"):
            raise ConfigError(f"{path}: suppression #{n} needs an 'id' (the finding's fingerprint)")
        fields = {key: str(item.get(key) or "") for key in ("reason", "reviewer", "date")}
        if not fields["reason"].strip():
            raise ConfigError(f"{path}: suppression #{n} ({item['id']}) needs a 'reason'")
        entries[str(item["id"])] = Suppression(str(item["id"]), **fields)
    aliases: list[tuple[str, ...]] = []
    for n, item in enumerate(data.get("aliases") or [], start=1):
        names = item if isinstance(item, list) else item.get("names") if isinstance(item, dict) else None
        if not names or len(names) < 2 or not all(isinstance(x, str) for x in names):
            raise ConfigError(f"{path}: alias entry #{n} must list at least two names")
        aliases.append(tuple(names))
    return SuppressionFile(path, entries, tuple(aliases))


def apply_suppressions(findings: Sequence[Finding], suppressions: SuppressionFile) -> list[Finding]:
    """Mark suppressed findings; they stay in the report and do not count for --fail-on."""
    out = []
    for finding in findings:
        entry = suppressions.entries.get(finding.id)
        if entry is not None:
            finding = dataclasses.replace(finding, suppressed=True, suppression=entry)
        out.append(finding)
    return out
