"""Errors a user can act on: each prints as one line and ends the command non-zero.

Any other exception is a bug and keeps its traceback.
"""


class UserError(Exception):
    """Base for errors caused by input, settings or the outside world, not by a bug."""


class InputError(UserError):
    """A file the user gave us cannot be used (names the file and the problem)."""


class ConfigError(UserError):
    """The settings file or glossary is invalid (names the key)."""


class EngineError(UserError):
    """A translation engine failed (names the engine and the segment)."""
