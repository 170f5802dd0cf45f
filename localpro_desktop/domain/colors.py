"""Colours that mean something (a pipeline status, a prospect) wherever records are drawn.

They live in the domain, not in ``ui/style.py``, because they are drawn outside the window
too: the map tab's page and the "Share this map" HTML file written by
``services/exporting/map_html.py`` (also from the command line, with no Qt) must colour a
status the same way, so a field agent reads a shared map like the one in the app.
"""

from typing import Final

from localpro_desktop.domain.pipeline import PipelineStatus

STATUS_COLORS: Final[dict[PipelineStatus, str]] = {
    PipelineStatus.NEW: "#5b8def",
    PipelineStatus.CONTACTED: "#00a2b8",
    PipelineStatus.INTERESTED: "#f0a202",
    PipelineStatus.NEGOTIATION: "#e86a17",
    PipelineStatus.CLIENT: "#1b9e4b",
    PipelineStatus.INACTIVE: "#8c8c8c",
}
PROSPECT_COLOR: Final = "#7b4fc9"
CONTACT_CLUSTER_COLOR: Final = "#2f4b7c"
"""Contact clusters mix statuses, so they get one neutral colour distinct from prospects'."""
UNKNOWN_STATUS_COLOR: Final = "#888888"
"""A status this version does not know (written by a newer LocalPro on another device)."""
