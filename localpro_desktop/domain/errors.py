"""Errors that mean "the user asked for something we cannot do" rather than a bug.

The command line and the UI show their message as-is and never a traceback, so each
message must say what to fix.
"""


class UserError(Exception):
    """Raised for bad input or a refused action; the message is shown to the user."""


class NotFoundError(UserError):
    """A record the user named does not exist (or was deleted)."""


class InvalidTransitionError(UserError):
    """A lifecycle move the rules forbid, e.g. sending a completed campaign again."""
