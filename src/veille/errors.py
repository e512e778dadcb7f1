"""The exception tree. Every message names what failed and what the user can do about it."""

from __future__ import annotations


class VeilleError(Exception):
    """Base class of every error Veille raises on purpose."""


class UsageError(VeilleError):
    """The command or call was given something it cannot work with (exit code 2)."""


class SourceError(VeilleError):
    """One input could not be read or processed; the others go on (exit code 1)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class PipelineError(VeilleError):
    """A pipeline was assembled with a stage whose requirements no earlier stage provides."""


class StoreError(VeilleError):
    """The SQLite store is missing, from an unknown schema version, or unreadable."""
