"""Analytics periods."""

from localpro_desktop.domain.messages import Catalogue

_ = Catalogue("AnalyticsMessages")

PERIOD = _("A period must be 1 to {max} days, not {days}.")
WINDOW = _("A rolling window must be at least one day, not {window}.")
NEGATIVE_SECTORS = _("The number of sectors to show cannot be negative ({limit}).")
TREND_PERIODS = _("Trends compare {periods} days, not {days}.")
