"""LocalPro desktop: offline-first prospecting, CRM and campaigns for local entrepreneurs."""

__version__ = "0.1.0"
