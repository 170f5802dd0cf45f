"""The map tab: an offline-first Leaflet page in QtWebEngine (see ``tab.py``)."""
