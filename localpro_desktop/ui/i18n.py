"""Loading the French (or English) translation and the matching locale; translating the
messages the domain and the services make (``domain/messages``)."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from localpro_desktop.domain.messages import JOINED_ID, Message
from localpro_desktop.resources import resource

LANGUAGES = ("en", "fr")
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()[:2].lower()
    return name if name in LANGUAGES else "en"


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
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
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
