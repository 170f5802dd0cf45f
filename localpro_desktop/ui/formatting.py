"""Numbers, percentages and dates in the user's language (1 234 in French, 1,234 in English)."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from localpro_desktop.domain.plans import format_limit


def number(value: int | float) -> str:
    return (
        QLocale().toString(value)
        if isinstance(value, int)
        else QLocale().toString(float(value), "f", 1)
    )


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    text = QLocale().toString(value * 100, "f", 1)
    # French typography puts a (narrow) space before the percent sign.
    return f"{text}\u202f%" if QLocale().language() == QLocale.Language.French else f"{text}%"


def limit(value: int | None) -> str:
    return number(value) if value is not None else _unlimited()


def _unlimited() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("formatting", "unlimited")


def day(value: date) -> str:
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def moment(value: datetime | None) -> str:
    """A UTC timestamp from the store, shown in local time."""
    if value is None:
        return ""
    utc = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    utc.setTimeZone(QDateTime.currentDateTimeUtc().timeZone())
    return QLocale().toString(utc.toLocalTime(), QLocale.FormatType.ShortFormat)


__all__ = ["day", "format_limit", "limit", "moment", "number", "percent"]
