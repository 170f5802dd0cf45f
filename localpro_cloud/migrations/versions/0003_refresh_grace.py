"""Refresh-token grace (a lost refresh answer is retried once) and e-mail addresses in
one spelling (NFC + casefold).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 08:00:00
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _normalise(email: str) -> str:
    # As localpro_cloud.security.normalise_email at this revision (frozen here).
    return unicodedata.normalize("NFC", email.strip()).casefold()


def upgrade() -> None:
    op.add_column("refresh_tokens", sa.Column("next_hash", sa.String(length=64), nullable=True))
    op.add_column("refresh_tokens", sa.Column("grace_ms", sa.BigInteger(), nullable=True))
    # Addresses were lower-cased; now NFC + casefold. Re-key those that change, unless the
    # new spelling is already taken (two accounts then: the older spelling keeps working).
    conn = op.get_bind()
    emails = sa.table("account_emails", sa.column("email"), sa.column("account_id"))
    accounts = sa.table("accounts", sa.column("id"), sa.column("email"))
    rows = list(conn.execute(sa.select(emails.c.email, emails.c.account_id)))
    taken = {email for email, _account in rows}
    for email, account_id in rows:
        new = _normalise(email)
        if new == email or new in taken:
            continue
        conn.execute(sa.update(emails).where(emails.c.email == email).values(email=new))
        conn.execute(sa.update(accounts).where(accounts.c.id == account_id).values(email=new))
        taken.add(new)


def downgrade() -> None:
    op.drop_column("refresh_tokens", "grace_ms")
    op.drop_column("refresh_tokens", "next_hash")
