"""The French translation is complete and the shipped .qm matches the .ts."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))

import translations  # noqa: E402


def test_every_ui_string_has_a_french_translation(tmp_path: Path) -> None:
    """Extract afresh from the code (merging the committed translations) and look for gaps."""
    fresh = tmp_path / "localpro_fr.ts"
    fresh.write_bytes(translations.TS.read_bytes())
    translations.update(fresh)
    missing = translations.untranslated(fresh)
    assert not missing, "untranslated (run build_scripts/translations.py update/fill/release): " + (
        "; ".join(f"{c}: {t}" for c, t in missing[:20])
    )


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    qm = tmp_path / "fr.qm"
    subprocess.run(
        [translations._tool("pyside6-lrelease"), str(translations.TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == translations.QM.read_bytes(), "run translations.py release"


# -- the domain's messages (domain/messages): ids with arguments, translated where shown ----


def _committed_translations() -> dict[tuple[str, str], str | None]:
    import xml.etree.ElementTree as ET

    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(translations.TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            text = (translation.text or "") if translation is not None else ""
            found[(name, message.findtext("source", ""))] = text if done and text.strip() else None
    return found


def test_every_message_id_has_a_french_translation_with_the_same_placeholders() -> None:
    from localpro_desktop.domain.messages import all_message_ids, placeholders

    committed = _committed_translations()
    ids = list(all_message_ids())
    assert len(ids) > 100  # the catalogues were found
    missing = [f"{m.context}: {m.template}" for m in ids if not committed.get(m.key)]
    assert not missing, "no French (run translations.py update/fill/release): " + "; ".join(
        missing[:20]
    )
    wrong = [
        f"{m.context}: {m.template}"
        for m in ids
        if placeholders(committed[m.key] or "") != m.placeholders
    ]
    assert not wrong, "the French uses other placeholders: " + "; ".join(wrong[:20])


def test_the_generated_lupdate_source_lists_every_message_id() -> None:
    from localpro_desktop.domain.messages import all_message_ids

    source = translations.domain_message_source()
    compile(source, "domain_messages.py", "exec")  # a literal lupdate can read
    assert source.count("QCoreApplication.translate(") == len(list(all_message_ids()))


def test_messages_come_out_in_french_in_the_running_app(qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from localpro_desktop.domain.errors import UserError
    from localpro_desktop.domain.messages import workspace
    from localpro_desktop.domain.normalize import normalize_prospect
    from localpro_desktop.domain.plans import Metric, Plan, PlanLimitError, check_limit
    from localpro_desktop.ui.i18n import error_text, install_language, translate_message
    from localpro_desktop.ui.prospects import texts

    error = UserError(workspace.UNKNOWN_LANGUAGE, text="de")
    limit = PlanLimitError(check_limit(Plan.STARTER, Metric.MESSAGES, 990, 20), date(2026, 3, 5))
    bad_row = normalize_prospect({"business_name": "", "latitude": "300"}, "SN")
    try:
        install_language("fr")
        assert error_text(error) == "Langue inconnue 'de' : utilisez en ou fr."
        french = error_text(limit)
        assert french.startswith("Limite mensuelle de messages atteinte avec le forfait Starter")
        assert "forfait Business" in french and "01/04/2026" in french
        assert translate_message("plain text") == "plain text"
        assert texts.row_problem(bad_row.errors[0]) == "Le nom de l’entreprise est vide"
        # No wording of its own in the report: the message's own French.
        assert translate_message(bad_row.errors[1]) == "latitude '300' est hors de -90..90"
    finally:
        install_language("en")
    assert error_text(error) == str(error) == "Unknown language 'de': use en or fr."
    # English: the same sentence, with the date as the user's locale writes it.
    assert str(limit).startswith("Monthly messages limit reached on the Starter plan")
    # Day first, as English is written in Africa (not the US "4/1/26").
    assert error_text(limit) == str(limit).replace("2026-04-01", "01/04/2026")


def test_a_failed_background_task_reports_in_french(qtbot) -> None:  # type: ignore[no-untyped-def]
    from localpro_desktop.domain.errors import UserError
    from localpro_desktop.domain.messages import campaigns
    from localpro_desktop.ui.i18n import install_language
    from localpro_desktop.ui.tasks import TaskRunner

    def fail() -> None:
        raise UserError(campaigns.NEEDS_NAME)

    runner = TaskRunner()
    failures: list[tuple[str, bool]] = []
    try:
        install_language("fr")
        runner.run(fail, on_error=lambda text, bug: failures.append((text, bug)))
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    finally:
        install_language("en")
    assert failures == [("Donnez un nom à la campagne.", False)]
