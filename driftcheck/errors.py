"""Typed errors. Library code raises these; only the CLI turns them into a message and an exit code."""

from __future__ import annotations


class DriftcheckError(Exception):
    """Base class of every error driftcheck reports to a user; str() is a one-line message."""

    exit_code = 2


class InputError(DriftcheckError):
    """An input file or directory cannot be used (missing, empty, binary, undecodable, nothing usable)."""


class ConfigError(DriftcheckError):
    """A manifest, suppression or known-errors file is malformed."""


class ModelError(DriftcheckError):
    """An embedding model cannot be loaded (not installed, not downloadable offline)."""


class OutputError(DriftcheckError):
    """A report cannot be written where the user asked."""
