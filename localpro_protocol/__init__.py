"""What the desktop app and the cloud service share, word for word.

The wire shapes of the sync (``wire``), the hybrid logical clock both sides stamp and
compare (``hlc``), which fields each synced table has (``fields``), and the plans and their
monthly limits (``plans``). It imports nothing of ``localpro_desktop`` or ``localpro_cloud``
and no third-party package but pydantic (the wire models' validation, which both sides
already need), so either side can depend on it without pulling in the other.
"""
