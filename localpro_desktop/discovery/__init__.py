"""Prospect discovery: where new business leads come from (imports, demo data, sources)."""
