"""Provider webhooks: receipts, replies and opt-outs received for an account while its
laptops may be closed, recorded as synced ``inbound_events`` rows (``events``).

``registry``: the account's hooks and their secrets; one module per provider handles its
calls (signature, documented payload → events).
"""

from importlib import import_module

from fastapi import APIRouter

PROVIDER_MODULES = ("whatsapp", "twilio", "africastalking", "email")


def _routers() -> list[APIRouter]:
    found = []
    for name in PROVIDER_MODULES:
        try:
            module = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        found.append(module.router)
    return found


PROVIDER_ROUTERS: list[APIRouter] = _routers()
