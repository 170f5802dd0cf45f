"""Sending channels: one small adapter per provider behind one interface (``base``).

Headless (no Qt, no UI strings): the outbox dispatcher calls ``Channel.send`` for one
message at a time and ``Channel.lookup`` to resolve a message left in ``sending`` after a
crash. Adapters talk HTTP with urllib3 (``http_client``) or SMTP with smtplib; every base
URL can be changed, which is how the tests point them at local stand-in servers.
"""
