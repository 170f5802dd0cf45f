"""One way to write a phone number, a date and a count, whichever screen shows it.

Phones: national for the workspace's own country, international for any other (see
``ui/formatting.py``). Dates: the UI language with the workspace's country, day first in
Lagos as in Dakar, in Nairobi as in Abidjan; month first only in a US workspace. Counts:
sentences agree with their number in French ("1 actuel").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from localpro_desktop.domain.phones import format_national
from localpro_desktop.paths import WorkspacePaths
from localpro_desktop.services.prospect_search import Column
from localpro_desktop.services.workspace import Workspace
from localpro_desktop.store.models import Contact, Prospect
from localpro_desktop.ui import formatting
from localpro_desktop.ui.analytics.tab import AnalyticsTab
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.crm.tab import CrmTab
from localpro_desktop.ui.prospects.tab import ProspectsTab


def _settle(ctx: UiContext) -> None:
    for _ in range(5):
        ctx.runner.wait(30_000)
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def home_country() -> Iterator[None]:
    """Tests that switch the workspace country put the previous one back."""
    before = formatting.home_country()
    yield
    formatting.use_workspace(before)


def _context(qapp, paths: WorkspacePaths, language: str, country: str) -> UiContext:  # type: ignore[no-untyped-def]
    from localpro_desktop.ui.app import build_context

    ws = Workspace.open(paths, daily_backup=False)
    ws.update_settings(country=country)
    return build_context(ws, paths, language)


def _close(ctx: UiContext) -> None:
    _settle(ctx)
    ctx.bridge.close()
    ctx.ws.close()


# -- phones ------------------------------------------------------------------------------


def test_home_numbers_read_as_dialled_at_home_and_others_with_their_code(home_country) -> None:  # type: ignore[no-untyped-def]
    formatting.use_workspace("SN")
    assert formatting.phone("771234567", "+221771234567") == "77 123 45 67"
    assert formatting.phone("08031234567", "+2348031234567") == "+234 803 123 4567"
    assert formatting.phone("77 12", None) == "77 12"  # not valid: as typed
    assert formatting.typed_phone("+221 77 123 45 67") == "77 123 45 67"
    formatting.use_workspace("NG")
    assert formatting.phone("", "+2348031234567") == "0803 123 4567"
    assert formatting.phone("", "+221771234567") == "+221 77 123 45 67"


def _phone_in_panel(tab: CrmTab) -> str:
    fields = tab.panel.fields
    for row in range(fields.rowCount()):
        name = fields.itemAt(row, fields.ItemRole.LabelRole)
        value = fields.itemAt(row, fields.ItemRole.FieldRole)
        if name is None or value is None:
            continue
        caption, shown = name.widget(), value.widget()
        if isinstance(caption, QLabel) and isinstance(shown, QLabel) and caption.text() == "Phone":
            doc = shown.text()
            from PySide6.QtGui import QTextDocumentFragment

            return QTextDocumentFragment.fromHtml(doc).toPlainText()
    raise AssertionError("the contact panel shows no phone")


def test_one_number_reads_the_same_in_the_list_the_sheet_the_panel_and_the_card(  # type: ignore[no-untyped-def]
    qtbot, ui_ctx: UiContext, home_country
) -> None:
    formatting.use_workspace(ui_ctx.ws.settings().country)
    assert formatting.home_country() == "SN"
    with ui_ctx.ws.read() as session:
        contact_id, prospect_id, e164 = session.execute(
            select(Contact.id, Prospect.id, Contact.phone_e164)
            .join(Prospect, Prospect.id == Contact.prospect_id)
            .where(Contact.phone_e164.like("+221%"), Contact.phone_e164 == Prospect.phone_e164)
        ).first()
    home = format_national(e164)  # a Senegalese number in a Senegal workspace

    prospects = ProspectsTab(ui_ctx)
    qtbot.addWidget(prospects)
    prospects.resize(1366, 700)
    prospects.show()
    qtbot.waitUntil(prospects.is_ready, timeout=15_000)
    prospects.select_record(prospect_id)
    qtbot.waitUntil(lambda: prospects.model.row_of(prospect_id) is not None, timeout=15_000)
    row = prospects.model.row_of(prospect_id)
    in_list = prospects.model.index(row, Column.PHONE).data()
    # The tab selects its first row on its own: wait for the sheet of *this* prospect.
    qtbot.waitUntil(
        lambda: (
            prospects.detail.prospect is not None and prospects.detail.prospect.id == prospect_id
        ),
        timeout=15_000,
    )
    in_sheet = prospects.detail.field_text("phone")

    crm = CrmTab(ui_ctx)
    qtbot.addWidget(crm)
    crm.resize(1366, 690)
    crm.show()
    qtbot.waitUntil(crm.is_ready, timeout=15_000)
    crm.select_record(contact_id)
    qtbot.waitUntil(lambda: crm.panel.details is not None and crm.panel.details.id == contact_id)
    in_panel = _phone_in_panel(crm)
    model = crm.models[crm.panel.details.status]
    qtbot.waitUntil(lambda: any(c.id == contact_id for c in model.cards), timeout=15_000)
    index = model.index(next(i for i, c in enumerate(model.cards) if c.id == contact_id), 0)
    on_card = index.data(Qt.ItemDataRole.ToolTipRole)

    assert in_list == home
    assert in_sheet.startswith(home + " ")  # then the ✓
    assert in_panel.startswith(home + " ")
    assert f"Phone: {home}\n" in on_card
    _settle(ui_ctx)


# -- dates -------------------------------------------------------------------------------


def test_english_dates_are_day_first_in_a_nigerian_workspace(  # type: ignore[no-untyped-def]
    qtbot, qapp, demo_paths: WorkspacePaths, home_country
) -> None:
    ctx = _context(qapp, demo_paths, "en", "NG")
    try:
        assert formatting.locale().territory() == QLocale.Country.Nigeria
        assert formatting.day(date(2026, 6, 12)) == "12/06/2026"
        tab = AnalyticsTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(tab.is_ready, timeout=15_000)
        first, last = tab.data.days[0], tab.data.days[-1]
        assert tab.period_label.text() == f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"
        tab.close()
    finally:
        _close(ctx)


@pytest.fixture
def ui_locale(home_country) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Tests that switch the UI language's locale put Qt's default back."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


LANGUAGES = {"en": QLocale.Language.English, "fr": QLocale.Language.French}


@pytest.mark.parametrize(
    ("language", "country", "shown"),
    [
        ("en", "NG", "12/06/2026"),
        ("en", "KE", "12/06/2026"),
        ("en", "GH", "12/06/2026"),
        ("en", "SN", "12/06/2026"),  # Qt has no English-in-Senegal: British, day first
        ("en", "CI", "12/06/2026"),
        ("en", "ZA", "12/06/2026"),  # Qt's South African English writes the year first
        ("en", "PH", "12/06/2026"),  # month first is the US's way only
        ("en", "", "12/06/2026"),
        ("en", "US", "6/12/26"),
        ("fr", "SN", "12/06/2026"),
        ("fr", "CI", "12/06/2026"),
        ("fr", "MA", "12/06/2026"),
        ("fr", "US", "12/06/2026"),
    ],
)
def test_dates_are_day_first_everywhere_but_in_the_us(  # type: ignore[no-untyped-def]
    ui_locale, language: str, country: str, shown: str
) -> None:
    QLocale.setDefault(QLocale(LANGUAGES[language]))
    formatting.use_workspace(country)
    assert formatting.day(date(2026, 6, 12)) == shown
    assert formatting.day_first(formatting.locale()) == (shown == "12/06/2026")
    # Qt's default follows, so date pickers and delegates agree with the tables.
    assert QLocale().dateFormat(QLocale.FormatType.ShortFormat) == formatting.locale().dateFormat(
        QLocale.FormatType.ShortFormat
    )


def test_moments_and_clock_times_follow_the_workspace(ui_locale) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(QLocale.Language.English))
    stored = datetime(2026, 6, 12, 13, 5)  # naive UTC, as the store keeps it
    local = stored.replace(tzinfo=UTC).astimezone()
    formatting.use_workspace("NG")
    assert formatting.moment(stored) == f"{local:%d/%m/%Y %H:%M}"
    assert formatting.moment(stored.replace(tzinfo=UTC)) == formatting.moment(stored)
    assert formatting.clock(time(14, 30)) == "14:30"
    assert formatting.widest_moment() == "28/12/2026 23:58"
    formatting.use_workspace("US")
    # Qt writes a narrow no-break space before "PM", as CLDR has it.
    us = (
        local.strftime("%-m/%-d/%y %-I:%M %p").replace(" AM", "\u202fAM").replace(" PM", "\u202fPM")
    )
    assert formatting.moment(stored) == us
    assert formatting.widest_moment() == "12/28/26 11:58\u202fPM"
    QLocale.setDefault(QLocale(QLocale.Language.French))
    formatting.use_workspace("SN")
    assert formatting.moment(stored) == f"{local:%d/%m/%Y %H:%M}"


def test_the_campaign_tables_show_day_first_dates_that_fit_their_columns(  # type: ignore[no-untyped-def]
    qtbot, qapp, demo_paths: WorkspacePaths, ui_locale
) -> None:
    from localpro_desktop.ui.campaigns.models import CampaignColumn, RecipientColumn
    from localpro_desktop.ui.campaigns.tab import CampaignsTab

    ctx = _context(qapp, demo_paths, "en", "NG")
    try:
        tab = CampaignsTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(1366, 700)
        tab.show()
        qtbot.waitUntil(tab.is_ready, timeout=15_000)
        rows = tab.model.rows()
        assert rows
        metrics = tab.table.fontMetrics()
        header = tab.table.horizontalHeader()
        for row, campaign in enumerate(rows):
            local = campaign.created_at.replace(tzinfo=UTC).astimezone()
            shown = tab.model.index(row, CampaignColumn.CREATED).data()
            assert shown == f"{local:%d/%m/%Y %H:%M}"
            assert metrics.horizontalAdvance(shown) < header.sectionSize(CampaignColumn.CREATED)
        sent = next(r for r in rows if r.sent_at is not None)
        tab.select_campaign(sent.id)
        model = tab.detail.model
        qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.loading, timeout=15_000)
        recipient = next(
            model.recipient(i) for i in range(model.rowCount()) if model.recipient(i).sent_at
        )
        row = next(i for i in range(model.rowCount()) if model.recipient(i) is recipient)
        local = recipient.sent_at.replace(tzinfo=UTC).astimezone()
        shown = model.index(row, RecipientColumn.SENT).data()
        assert shown == f"{local:%d/%m/%Y %H:%M}"
        times = tab.detail.table.horizontalHeader().sectionSize(RecipientColumn.SENT)
        assert tab.detail.table.fontMetrics().horizontalAdvance(shown) < times
        tab.close()
    finally:
        _close(ctx)


def test_english_without_local_conventions_is_still_day_first(home_country) -> None:  # type: ignore[no-untyped-def]
    """Qt has no "English in Senegal": British conventions, not American ones."""
    QLocale.setDefault(QLocale(QLocale.Language.English))
    formatting.use_workspace("SN")
    assert formatting.day(date(2026, 6, 12)) == "12/06/2026"


# -- counts ------------------------------------------------------------------------------

# The French of the funnel's bar labels, as the catalogue has it (see the handoff file):
# installed directly so the test does not depend on a regenerated .qm.
FUNNEL_FR = {
    ("ChartGrid", "1 now · %2 reached"): "%1 actuel · %2 atteint",
    ("ChartGrid", "%1 now · %2 reached"): "%1 actuels · %2 atteint",
    ("AnalyticsTab", "1 reply to %2 messages"): "%1 réponse pour %2 messages",
    ("AnalyticsTab", "%1 replies to %2 messages"): "%1 réponses pour %2 messages",
}


class _Catalogue(QTranslator):
    def __init__(self, texts: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        return self.texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


def test_french_counts_agree_with_their_number(qtbot, qapp, demo_paths, home_country) -> None:  # type: ignore[no-untyped-def]
    ctx = _context(qapp, demo_paths, "fr", "SN")
    catalogue = _Catalogue(FUNNEL_FR)
    qapp.installTranslator(catalogue)
    try:
        tab = AnalyticsTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(tab.is_ready, timeout=15_000)
        data = tab.data
        counts = [1, 0, 3] + [2] * (len(data.funnel) - 3)
        funnel = [dataclasses.replace(s, count=n) for s, n in zip(data.funnel, counts, strict=True)]
        tab.charts.draw(dataclasses.replace(data, funnel=funnel))
        shown = tab.categories("funnel_labels")
        assert shown[0].startswith("1 actuel ·"), shown
        assert shown[1].startswith("0 actuel ·"), shown  # French: zero takes the singular
        assert shown[2].startswith("3 actuels ·"), shown
        assert tab._replies(1, 40) == "1 réponse pour 40 messages"
        assert tab._replies(12, 40) == "12 réponses pour 40 messages"
        tab.close()
    finally:
        qapp.removeTranslator(catalogue)
        _close(ctx)
