"""LocalPro cloud: accounts and the sync server the desktop app talks to.

It shares the wire protocol (``localpro_desktop.sync.protocol``) word for word with the app
and never imports Qt.
"""

__version__ = "0.1.0"
