"""The line above the map: what it shows, what is only approximate, and what is missing why.

"0 contacts and 0 prospects on the map" over an empty map, for a workspace whose records all
have a city but no coordinates, left the user guessing; the line now says how many sit at
their city's centre and, for those not shown, the reason.
"""

from PySide6.QtCore import QCoreApplication

from localpro_desktop.services.map_points import LayerCoverage
from localpro_desktop.ui import formatting as fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapTab", text)


def summary_text(contacts: int, prospects: int, coverage: list[LayerCoverage]) -> str:
    """``contacts``/``prospects``: markers the page drew; ``coverage``: what the layers said."""
    parts = [
        _tr("{contacts} contacts and {prospects} prospects on the map").format(
            contacts=fmt.number(contacts), prospects=fmt.number(prospects)
        )
    ]
    approximate = sum(c.approximate for c in coverage)
    if approximate:
        parts.append(
            _tr("{count} at their city's centre (approximate)").format(
                count=fmt.number(approximate)
            )
        )
    no_city = sum(c.no_city for c in coverage)
    unknown = sum(c.unknown_city for c in coverage)
    if no_city or unknown:
        reasons = []
        if no_city:
            reasons.append(_tr("{count} without a city").format(count=fmt.number(no_city)))
        if unknown:
            reasons.append(
                _tr("{count} in a town the map does not know").format(count=fmt.number(unknown))
            )
        parts.append(
            _tr("{count} not on the map: {reasons}").format(
                count=fmt.number(no_city + unknown), reasons=", ".join(reasons)
            )
        )
    return " · ".join(parts)


def missing_tooltip() -> str:
    return _tr(
        "Records without coordinates are placed at their city's centre when the city is one "
        "of the country's towns over 15,000 people. Add the coordinates (or a known city) "
        "to a record to put it on the map."
    )
