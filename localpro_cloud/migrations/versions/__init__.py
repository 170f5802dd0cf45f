"""Revision files; Alembic skips this ``__init__``."""
