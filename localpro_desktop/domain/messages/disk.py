"""A full disk, or one that fails to write: what every write path says (issue 14)."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("DiskMessages")

DISK_FULL = _(
    "The disk is full: free some space on the disk that holds {folder} and try again. "
    "What was saved before is intact."
)
DISK_ERROR = _(
    "LocalPro could not write to the disk that holds {folder} (an input/output error). Check "
    "that the disk is still connected and has free space, then try again. What was saved "
    "before is intact."
)
