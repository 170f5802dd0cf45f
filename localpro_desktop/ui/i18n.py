"""Loading the French (or English) translation and the matching locale."""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
