"""Alembic migrations of the cloud schema (a package so a wheel install ships them)."""
