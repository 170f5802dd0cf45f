"""Where a prospect came from; kept so users can judge and re-check the data."""

from enum import StrEnum

from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import campaigns as msg


class ProspectSource(StrEnum):
    GOOGLE_MAPS = "google_maps"
    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"
    DIRECTORY = "directory"
    OPENSTREETMAP = "openstreetmap"
    MANUAL = "manual"
    DEMO = "demo"
    IMPORT = "import"

    @classmethod
    def parse(cls, text: str) -> "ProspectSource":
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise UserError(msg.UNKNOWN_SOURCE, text=text, names=names) from None
