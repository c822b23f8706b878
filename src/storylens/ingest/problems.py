"""One exception type that carries a user-facing sentence, so readers can stop early.

Readers raise ``InputProblem`` deep inside helpers; the dispatcher turns it into one
``InputError`` line. Anything else that escapes is a bug, but is still reported, never raised.
"""

from __future__ import annotations


class InputProblem(Exception):
    """Why one input (or one record of it) cannot be read, phrased for the user."""

    def __init__(self, message: str, severity: str = "error") -> None:
        message = " ".join(message.split())  # one line, whatever a library put in its text
        super().__init__(message)
        self.message = message
        self.severity = severity


def human_size(size: int) -> str:
    """Sizes in error messages: '21.0 MB' reads better than '22020096 bytes'."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
