"""The names of the records an import's duplicate rows matched, for its report.

The duplicate index holds only ids, phones, e-mails and folded names (a big workspace
must fit in memory); the few records a file actually matched are named afterwards, in one
query per chunk of ids.
"""

from collections.abc import Sequence

from sqlalchemy import select

from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect

_CHUNK = 500  # ids per query: well under SQLite's limit on bound parameters


def record_names(
    ws: Workspace, model: type[Prospect] | type[Contact], idents: Sequence[str]
) -> dict[str, str]:
    """id -> how the user knows the record: "Chez Fatou (Dakar)", "Awa Diop (Thiès)"."""
    unique = list(dict.fromkeys(idents))
    names: dict[str, str] = {}
    with ws.read() as session:
        for start in range(0, len(unique), _CHUNK):
            chunk = unique[start : start + _CHUNK]
            if model is Prospect:
                query = select(Prospect.id, Prospect.business_name, Prospect.city).where(
                    Prospect.id.in_(chunk)
                )
                for ident, business, city in session.execute(query):
                    names[ident] = _with_city(business, city)
            else:
                people = select(
                    Contact.id, Contact.first_name, Contact.last_name, Contact.company, Contact.city
                ).where(Contact.id.in_(chunk))
                for ident, first, last, company, city in session.execute(people):
                    person = f"{first or ''} {last or ''}".strip()
                    names[ident] = _with_city(person or company or "", city)
    return names


def _with_city(name: str, city: str | None) -> str:
    return f"{name} ({city})" if city else name
