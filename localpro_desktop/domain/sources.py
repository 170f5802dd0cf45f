"""Where a prospect came from; kept so users can judge and re-check the data."""

from enum import StrEnum

from localpro_desktop.domain.errors import UserError


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
            raise UserError(f"Unknown source {text!r}: use one of {names}.") from None
