"""The Prospects tab: search, lazy table, details, add/edit, import and conversion."""
