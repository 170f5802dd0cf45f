"""The CRM pipeline: stages a contact moves through, in the order users think of them."""

from enum import StrEnum

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import pipeline as msg


class PipelineStatus(StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    INTERESTED = "interested"
    NEGOTIATION = "negotiation"
    CLIENT = "client"
    INACTIVE = "inactive"

    @property
    def rank(self) -> int:
        """Position on the board; the funnel counts a contact in every stage up to its rank."""
        return PIPELINE_ORDER.index(self)

    @property
    def word(self) -> Message:
        """The status as a sentence uses it ("is already client"), translatable."""
        return msg.STATUSES[self.value]()

    @classmethod
    def lookup(cls, text: str) -> "PipelineStatus | None":
        """Accept the English name in any case and a few French words users type in files."""
        key = text.strip().lower()
        key = _ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            return None

    @classmethod
    def parse(cls, text: str) -> "PipelineStatus":
        """Like ``lookup``, but an unknown status is refused with the valid names."""
        status = cls.lookup(text)
        if status is None:
            valid = ", ".join(s.value for s in cls)
            raise UserError(msg.UNKNOWN_STATUS, text=text, names=valid)
        return status


PIPELINE_ORDER: tuple[PipelineStatus, ...] = tuple(PipelineStatus)

_ALIASES = {
    "nouveau": "new",
    "contacté": "contacted",
    "contacte": "contacted",
    "intéressé": "interested",
    "interesse": "interested",
    "négociation": "negotiation",
    "negociation": "negotiation",
    "inactif": "inactive",
    "lead": "new",
    "customer": "client",
}


def can_move(current: PipelineStatus, target: PipelineStatus) -> bool:
    """Any stage may move to any other (deals go backwards too), but not to itself.

    A real sales board lets the user drag a card anywhere: a client can become inactive and
    come back. Only a no-op move is refused so the timeline has no empty entries.
    """
    return current != target
