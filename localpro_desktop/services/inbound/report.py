"""What applying the synced provider events did (``apply.apply_pending``'s report) and
what became of each event."""

from dataclasses import dataclass, field

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.messages import Message
from localpro_desktop.domain.messages import inbound as msg


class Outcome:
    APPLIED = "applied"
    IGNORED = "ignored"
    """Nothing to do (a receipt status not tracked here, such as Twilio's "queued")."""
    UNMATCHED = "unmatched"
    """Its message never became known here, and it is too old to wait for any longer."""


@dataclass
class ApplyReport:
    """What one ``apply_pending`` did."""

    receipts: int = 0
    replies: int = 0
    opt_outs: int = 0
    """Opt-out choices (and re-subscriptions) recorded."""
    contacts_created: int = 0
    interested: int = 0
    """Contacts a yes moved to Interested."""
    ignored: int = 0
    unmatched: int = 0
    waiting: int = 0
    """Events about a message not known here yet: tried again after the next sync."""
    changes: ChangeSet = field(default_factory=ChangeSet)

    @property
    def applied(self) -> int:
        return self.receipts + self.replies + self.opt_outs

    @property
    def message(self) -> Message:
        return msg.APPLIED(
            receipts=self.receipts,
            replies=self.replies,
            opt_outs=self.opt_outs,
            waiting=self.waiting,
        )
