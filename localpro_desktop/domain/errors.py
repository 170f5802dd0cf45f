"""Errors that mean "the user asked for something we cannot do" rather than a bug.

The command line and the UI show their message as-is and never a traceback, so each
message must say what to fix. Raise them with a message id and its arguments
(``UserError(msg.UNKNOWN_PLAN, text=text, names=names)``): ``str(error)`` is the English
sentence and ``error.message`` the translatable ``Message`` the window shows in the user's
language (see ``domain/messages``).
"""

from localpro_desktop.domain.messages import MessageId


class UserError(Exception):
    """Raised for bad input or a refused action; the message is shown to the user."""

    def __init__(self, message: str | MessageId, /, **args: object) -> None:
        if isinstance(message, MessageId):
            message = message(**args)
        elif args:
            raise TypeError("arguments are only for a message id")
        super().__init__(message)

    @property
    def message(self) -> str:
        """What to show: a ``Message`` when raised with an id, else the plain text."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


class NotFoundError(UserError):
    """A record the user named does not exist (or was deleted)."""


class InvalidTransitionError(UserError):
    """A lifecycle move the rules forbid, e.g. sending a completed campaign again."""
