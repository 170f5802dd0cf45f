"""Offline-first sync: the wire protocol (shared with the cloud), clocks and the client."""
