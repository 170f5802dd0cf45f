"""The per-row checks of an import, as run in worker processes.

Workers are started with "spawn" (the only way on Windows, used everywhere so behaviour
is the same), and a spawned process imports the module of the function it runs. This
module therefore imports only the domain rules — no SQLAlchemy, store or services — so
a worker is ready in a fraction of the time the importer module would take.
"""

from collections.abc import Mapping, Sequence

from localpro_desktop.domain.normalize import Normalized, normalize_contact, normalize_prospect
from localpro_desktop.domain.phones import parse_phone, take_phone_as_whatsapp


def check_rows(kind: str, region: str, rows: Sequence[Mapping[str, str]]) -> list[Normalized]:
    """Normalise one chunk of raw rows (``kind`` is "prospects" or "contacts").

    A file without a WhatsApp column (its rows have no "whatsapp" key) gets the WhatsApp
    rule of the add form: a mobile phone is the WhatsApp number too. A file with one is
    taken at its word, an empty cell included.
    """
    func = normalize_prospect if kind == "prospects" else normalize_contact
    checked = [func(raw, region) for raw in rows]
    if rows and "whatsapp" not in rows[0]:  # every row of a file has the same keys
        for result in checked:
            take_phone_as_whatsapp(result.values)
    return checked


def warm_up(region: str) -> None:
    """Load the region's phone metadata, so the first real chunk does not pay for it.

    Also what the importer waits on to know that a worker has started: until then, the
    importer checks rows itself instead of queueing them behind a process still starting.
    """
    parse_phone("123456789", region)
