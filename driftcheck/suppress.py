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


def yaml_shape(value: Any) -> str:
    """What a YAML value is, in an editor's words, for error messages ("a number", "a mapping")."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def yaml_list(data: dict[str, Any], key: str, path: str, expected: str) -> list[Any]:
    """The list under `key` (empty when absent or empty); anything else is a ConfigError naming the key."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}: '{key}' must be a list of {expected}, not {yaml_shape(value)}")
    return value


def parse_suppressions(data: Any, path: str) -> SuppressionFile:
    """Validate the YAML structure: {suppressions: [{id, reason, reviewer, date}], aliases: [[a, b, ...]]}."""
    if isinstance(data, list):
        data = {"suppressions": data}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: expected a mapping with 'suppressions' and/or 'aliases', not {yaml_shape(data)}"
        )
    unknown = sorted(set(map(str, data)) - {"suppressions", "aliases"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(unknown)}; expected 'suppressions' and 'aliases'"
        )
    entries: dict[str, Suppression] = {}
    items = yaml_list(data, "suppressions", path, "entries (- id: ..., reason: ...)")
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ConfigError(
                f"{path}: suppression #{n} must be a mapping with 'id' and 'reason', not {yaml_shape(item)}"
            )
        fid = item.get("id")
        if fid is None or fid == "":
            raise ConfigError(f"{path}: suppression #{n} needs an 'id' (the finding's fingerprint)")
        if not isinstance(fid, str):
            hint = "; put it in quotes, as the report's entry does" if isinstance(fid, int | float) else ""
            raise ConfigError(f"{path}: suppression #{n}: 'id' must be text, not {yaml_shape(fid)}{hint}")
        for key in ("reason", "reviewer", "date"):
            if isinstance(item.get(key), dict | list):
                raise ConfigError(
                    f"{path}: suppression #{n} ({fid}): '{key}' must be text, not {yaml_shape(item[key])}"
                )
        fields = {key: str(item.get(key) or "") for key in ("reason", "reviewer", "date")}
        if not fields["reason"].strip():
            raise ConfigError(f"{path}: suppression #{n} ({fid}) needs a 'reason'")
        entries[fid] = Suppression(fid, **fields)
    aliases: list[tuple[str, ...]] = []
    for n, item in enumerate(yaml_list(data, "aliases", path, "name lists ([A, B])"), start=1):
        names = item.get("names") if isinstance(item, dict) else item
        if not isinstance(names, list):
            raise ConfigError(
                f"{path}: alias entry #{n} must be a list of at least two names ([Team Blind, Teamblind]), "
                f"not {yaml_shape(names)}"
            )
        if len(names) < 2 or not all(isinstance(x, str) and x for x in names):
            raise ConfigError(
                f"{path}: alias entry #{n} must list at least two names as text ([Team Blind, Teamblind])"
            )
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
