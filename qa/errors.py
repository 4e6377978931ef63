"""Errors that end a run with exit code 2 and one line on stderr."""


class QAError(Exception):
    """A problem with the user's input, configuration or data: reported as one line."""


class InputError(QAError):
    """An input that cannot be read; the message names the file and what to do."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class UsageError(QAError):
    """A bad option value or combination."""
