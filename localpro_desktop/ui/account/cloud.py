"""The one Qt-specific rule of cloud work: it never runs on the UI thread.

Everything else about the cloud (calls that never raise, their failures, the local sync
state) is headless, in ``services.account``; the window words the outcomes.
"""

from PySide6.QtCore import QThread


def ensure_worker_thread() -> None:
    """Network and keyring calls can take minutes on 2G: the window must never wait."""
    if QThread.isMainThread():
        raise RuntimeError("cloud work must run on a worker thread, not the UI thread")
