"""Deterministic, realistic demo businesses so the app can be shown and load-tested offline.

The catalog holds plain data about real countries, cities and neighbourhoods; the generator
turns a seed into records without touching a database, so persistence stays elsewhere.
"""
