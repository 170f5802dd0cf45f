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


# A prospect found by discovery keeps every source's reference ("osm:node/123",
# "google:ChIJ…") in ``source_ref``, separated by spaces, after whatever the user typed
# there: a merge adds a reference, an undo takes it away, the text stays readable.
REF_SCHEMES = ("osm:", "google:")


def source_refs(text: str) -> list[str]:
    """The discovery references in a ``source_ref`` text, in order."""
    return [token for token in text.split() if token.startswith(REF_SCHEMES)]


def with_ref(text: str, ref: str) -> str:
    """``text`` with ``ref`` added at the end (unchanged when it is already there)."""
    if ref in text.split():
        return text
    return f"{text} {ref}".strip()


def without_ref(text: str, ref: str) -> str:
    """``text`` with ``ref`` taken out, every other word kept."""
    return " ".join(token for token in text.split() if token != ref)
