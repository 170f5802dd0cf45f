"""Bring spreadsheets (CSV, XLSX) that users already have into LocalPro."""
