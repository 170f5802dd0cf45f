"""Opening a workspace: the composition root every service hangs off."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from sqlalchemy import select

from localpro_desktop.domain.changes import ChangeSet
from localpro_desktop.domain.errors import UserError
from localpro_desktop.domain.messages import workspace as msg
from localpro_desktop.domain.plans import Plan
from localpro_desktop.store.database import SETTINGS_ID, Database, SettingsView
from localpro_desktop.store.models import Contact, Prospect, WorkspaceSettings
from localpro_protocol.wire import Table

__all__ = ["LANGUAGES", "SETTINGS_ID", "SettingsView", "Workspace"]

LANGUAGES = ("en", "fr")


class Workspace(Database):
    """The workspace the services work on: its database plus the settings use cases."""

    def is_empty(self) -> bool:
        """No prospect and no contact yet (deleted ones count): the welcome screen shows."""
        with self.read() as session:
            return not (
                session.scalar(select(Prospect.id).limit(1))
                or session.scalar(select(Contact.id).limit(1))
            )

    def update_settings(
        self,
        *,
        name: str | None = None,
        country: str | None = None,
        currency: str | None = None,
        language: str | None = None,
        timezone: str | None = None,
        plan: Plan | None = None,
    ) -> SettingsView:
        values: dict[str, str] = {}
        if name is not None:
            if not name.strip():
                raise UserError(msg.EMPTY_NAME)
            values["name"] = name.strip()
        if country is not None:
            values["country"] = validate_country(country)
        if currency is not None:
            values["currency"] = validate_currency(currency)
        if language is not None:
            if language.lower() not in LANGUAGES:
                raise UserError(msg.UNKNOWN_LANGUAGE, text=language)
            values["language"] = language.lower()
        if timezone is not None:
            values["timezone"] = validate_timezone(timezone)
        if plan is not None:
            values["plan"] = plan.value
        changes = ChangeSet()
        with self.write(changes) as session:
            row = session.scalars(select(WorkspaceSettings)).first()
            assert row is not None
            for key, value in values.items():
                setattr(row, key, value)
            changes.add(Table.WORKSPACE_SETTINGS, row.id)
        return self.settings()

    @property
    def region(self) -> str:
        """Default region for phone parsing."""
        return self.settings().country


def validate_country(code: str) -> str:
    cc = code.strip().upper()
    if len(cc) != 2 or phonenumbers.country_code_for_region(cc) == 0:
        raise UserError(msg.UNKNOWN_COUNTRY, text=code)
    return cc


def validate_currency(code: str) -> str:
    cur = code.strip().upper()
    if len(cur) != 3 or not cur.isalpha():
        raise UserError(msg.UNKNOWN_CURRENCY, text=code)
    return cur


def validate_timezone(name: str) -> str:
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(msg.UNKNOWN_TIMEZONE, text=name) from None
    return name.strip()
