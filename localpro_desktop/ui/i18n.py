"""Loading the French (or English) translation and the matching locale; translating the
messages the domain and the services make (``domain/messages``)."""

import logging
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from localpro_desktop.domain.countries import country
from localpro_desktop.domain.messages import JOINED_ID, Message
from localpro_desktop.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")
QT_CATALOGUES = ("qtbase",)
"""Qt's own strings (file dialogs' "Look in:", message box buttons, context menus)."""
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()[:2].lower()
    return name if name in LANGUAGES else "en"


def suggested_language(system_locale: str, workspace_country: str) -> str:
    """The language a new workspace starts in.

    The system's language when it is one of ours; otherwise (a "C" locale, Wolof, Hausa…)
    the language most businesses write in where the system or the workspace is: French for
    Senegal or Côte d'Ivoire, English for Nigeria. The welcome page lets the user change it.
    """
    language, _, territory = system_locale.replace("-", "_").partition("_")
    if language.lower() in LANGUAGES:
        return language.lower()
    for code in (territory[:2], workspace_country):
        known = country(code) if code else None
        if known is not None:
            return known.language
    return "en"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_fr.qm`` may be: where Qt says, then beside the bindings.

    Qt's answer depends on its ``qt.conf``/prefix, which a frozen bundle or a distribution's
    PySide6 may not set to where the files are; the wheels keep them in ``PySide6/Qt/
    translations`` (``PySide6/translations`` on Windows), and PyInstaller copies them there.
    """
    import PySide6

    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for base in (Path(PySide6.__file__).parent, Path(getattr(sys, "_MEIPASS", "")) / "PySide6"):
        dirs += [base / "Qt" / "translations", base / "translations"]
    return [folder for folder in dict.fromkeys(dirs) if folder.is_dir()]


def qt_strings_we_translate() -> tuple[str, ...]:
    """Qt's own strings that its French (``qtbase_fr``) leaves in English, translated in ours.

    Qt 6 gave the file dialog's labels shortcuts ("&Look in:", "Files of &type:") and its
    French catalogue still has only the old "Look in:": the French import dialog said "Look
    in:". Qt asks our catalogue when its own has no answer. The literal calls are what lupdate
    copies into ``localpro_fr.ts``; tests call this to check they come out in French.
    """
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
    )


def _load_qt_own(app: QCoreApplication, locale: QLocale) -> None:
    for catalogue in QT_CATALOGUES:
        for folder in qt_translation_dirs():
            translator = QTranslator(app)
            if translator.load(locale, catalogue, "_", str(folder)):
                app.installTranslator(translator)
                _installed.append(translator)
                break
        else:
            log.warning("Qt's %s translation for %s not found", catalogue, locale.name())


def install_language(language: str) -> str:
    """Install translators for ``language``; returns the language actually used."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else "en"
    locale = QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
    QLocale.setDefault(locale)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"localpro_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    _load_qt_own(app, locale)
    return language


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (``self.tr`` is preferred inside widgets)."""
    return QCoreApplication.translate(context, text)


def translate_message(message: str) -> str:
    """A domain or service message in the user's language; plain text is shown as it is.

    Thread-safe (``QCoreApplication.translate`` is), so a background task may word its
    error before handing it to the window. A translation whose placeholders do not fit
    falls back to the English sentence rather than failing.
    """
    if not isinstance(message, Message):
        return message
    if message.id == JOINED_ID:
        items = message.args["items"]
        assert isinstance(items, tuple)
        return str(message.args["separator"]).join(translate_message(m) for m in items)
    args = {name: _shown(value) for name, value in message.args.items()}
    template = QCoreApplication.translate(message.id.context, message.id.template)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return str.__str__(message)


def _shown(value: object) -> object:
    if isinstance(value, Message):
        return translate_message(value)
    if isinstance(value, date):
        from localpro_desktop.ui.formatting import day

        return day(value)
    return value


def error_text(exc: BaseException) -> str:
    """What to tell the user about an error: its message, translated when it has an id."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return translate_message(first) if isinstance(first, Message) else str(exc)
