"""LocalPro cloud: accounts and the sync server the desktop app talks to.

It shares the wire protocol (``localpro_protocol.wire``) word for word with the app
and never imports Qt.
"""

__version__ = "0.1.0"
