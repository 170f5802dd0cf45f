"""WhatsApp: the approved template a campaign starts with, and what fills its variables.

A first WhatsApp message to a person must be a template Meta approved; free text is
allowed only within 24 hours after the person wrote. The list comes from the business
account (``channel_config.whatsapp_templates``, over the network, on the pool); each body
variable (``{{1}}`` or a named one) gets a combo of contact fields. The choice is stored in
the draft as the template's name, language and "NAME=FIELD" pairs, so a draft written
offline keeps it even when the list cannot be read (the template is then shown by name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.services import campaign_drafts, channel_config
from localpro_desktop.services.channel_config import WhatsAppTemplateInfo
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_desktop.ui.tasks import guarded

TEMPLATE_FIELDS = tuple(name for name in campaign_drafts.TEMPLATE_FIELDS if name != "business_name")
"""The contact fields a template variable may take, as the service checks them
(``business_name`` is ``company`` again: offered once)."""

_VARIABLE = re.compile(r"{{\s*([\w.]+)\s*}}")


def template_key(name: str, language: str) -> str:
    """The combo's data for a template: its name and language (one name, many languages)."""
    return f"{name}|{language}"


def _split(key: object) -> tuple[str, str]:
    name, _sep, language = str(key or "").partition("|")
    return name, language


def guess_field(param: str, position: int) -> str:
    """A first mapping: a variable named like a field takes it, the first takes the name."""
    name = param.lower()
    for field in TEMPLATE_FIELDS:
        if field == name or field.replace("_", "") == name.replace("_", ""):
            return field
    if "name" in name or position == 0:
        return "first_name"
    if "city" in name or "town" in name or "ville" in name:
        return "city"
    if "company" in name or "business" in name or "shop" in name:
        return "company"
    return "first_name"


def as_message(body: str, mapping: dict[str, str]) -> str:
    """The template's body with each variable turned into the field filling it, so the
    preview and the SMS-free counter render it as the person will read it."""

    def swap(match: re.Match[str]) -> str:
        field = mapping.get(match.group(1))
        return "{{" + field + "}}" if field else match.group(0)

    return _VARIABLE.sub(swap, body)


class TemplatePicker(QWidget):
    """The template combo (with "no template"), its body and one field combo per variable."""

    sig_changed = Signal()
    """Another template, or another field for a variable, was chosen."""
    sig_loaded = Signal()
    """The account's templates were read (or could not be)."""

    def __init__(
        self, ctx: UiContext, field_names: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._field_names = field_names
        self.templates: list[WhatsAppTemplateInfo] = []
        self.loaded = False
        self.loading = False
        self._wanted: tuple[str, str, dict[str, str]] | None = None
        """A saved choice waiting for the list (name, language, mapping)."""
        self._mapping_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.currentIndexChanged.connect(self._template_chosen)
        row.addWidget(self.combo, 1)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(
            self.tr("Read the approved templates from your WhatsApp Business account again.")
        )
        self.reload_button.clicked.connect(lambda: self.load(force=True))
        row.addWidget(self.reload_button)
        layout.addLayout(row)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.state)
        self.details = QFrame()
        self.details.setObjectName("templateDetails")
        self.details.setStyleSheet(
            "#templateDetails { border: 1px solid palette(mid); border-radius: 4px; }"
        )
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(8, 6, 8, 6)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.body)
        self.mapping_form = QFormLayout()
        self.mapping_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        inner.addLayout(self.mapping_form)
        layout.addWidget(self.details)
        self._fill_combo()

    # == the list =========================================================================

    def load(self, *, force: bool = False) -> None:
        """Read the approved templates (once, unless ``force``)."""
        if self.loading or (self.loaded and not force):
            return
        self.loading = True
        self.reload_button.setEnabled(False)
        self._say(self.tr("Reading the approved templates…"))
        ws = self.ctx.ws
        self.ctx.runner.run(
            lambda: channel_config.whatsapp_templates(ws),
            on_done=guarded(self, self._loaded),
            on_error=guarded(self, self._load_failed),
            database=False,
        )

    @Slot(object)
    def _loaded(self, templates: list[WhatsAppTemplateInfo]) -> None:
        self.loading = False
        self.loaded = True
        self.reload_button.setEnabled(True)
        wanted = self._wanted or self._current_choice()
        self.templates = list(templates)
        self._fill_combo(wanted)
        if not templates:
            self._say(
                self.tr(
                    "Your WhatsApp Business account has no approved template yet. Create one "
                    "in Meta's WhatsApp Manager; approval usually takes minutes to a day."
                ),
                error=True,
            )
        else:
            self._say(self._count_text(len(templates)))
        self.sig_loaded.emit()

    def _count_text(self, n: int) -> str:
        if n == 1:
            return self.tr("1 approved template in your WhatsApp Business account.")
        return self.tr("{n} approved templates in your WhatsApp Business account.").format(n=n)

    @Slot(str, bool)
    def _load_failed(self, message: str, _is_bug: bool) -> None:
        self.loading = False
        self.reload_button.setEnabled(True)
        self._say(
            self.tr("The templates could not be read: {reason}").format(reason=message),
            error=True,
        )
        self.sig_loaded.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {ERROR_COLOR if error else MUTED_COLOR};")

    def _fill_combo(self, wanted: tuple[str, str, dict[str, str]] | None = None) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            self.combo.addItem(self.tr("No template: free text (only to people who wrote in 24 h)"))
            for template in self.templates:
                self.combo.addItem(
                    self._label(template), template_key(template.name, template.language)
                )
            if wanted is not None and wanted[0]:
                name, language, _mapping = wanted
                index = self.combo.findData(template_key(name, language))
                if index < 0:  # saved offline, or no longer approved: keep it by name
                    self.combo.addItem(
                        self.tr("{name} ({language}) — not in the list read").format(
                            name=name, language=language or "?"
                        ),
                        template_key(name, language),
                    )
                    index = self.combo.count() - 1
                self.combo.setCurrentIndex(index)
            else:
                self.combo.setCurrentIndex(0)
        self._show_template(wanted[2] if wanted else None)
        self._wanted = None if self.loaded else self._wanted

    def _label(self, template: WhatsAppTemplateInfo) -> str:
        category = template.category.replace("_", " ").lower()
        return (
            f"{template.name} ({template.language}) · {category}"
            if category
            else (f"{template.name} ({template.language})")
        )

    # == the chosen template ================================================================

    def template(self) -> WhatsAppTemplateInfo | None:
        data = self.combo.currentData()
        if not data:
            return None
        name, language = _split(data)
        for template in self.templates:
            if template.name == name and template.language == language:
                return template
        return None

    def _current_choice(self) -> tuple[str, str, dict[str, str]] | None:
        data = self.combo.currentData()
        if not data:
            return None
        name, language = _split(data)
        return name, language, self.mapping()

    @Slot(int)
    def _template_chosen(self, _index: int) -> None:
        self._show_template(None)
        self.sig_changed.emit()

    def _show_template(self, mapping: dict[str, str] | None) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._mapping_combos.clear()
        data = self.combo.currentData()
        self.details.setVisible(bool(data))
        if not data:
            return
        template = self.template()
        if template is None:
            params = tuple((mapping or {}).keys())
            self.body.setText(
                self.tr("The template's text shows once the list is read (needs a connection).")
            )
        else:
            params = template.params
            self.body.setText(template.body)
        for position, param in enumerate(params):
            combo = QComboBox()
            for field in TEMPLATE_FIELDS:
                combo.addItem(self._field_names.get(field, field), field)
            chosen = (mapping or {}).get(param) or guess_field(param, position)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.currentIndexChanged.connect(self.sig_changed)
            self._mapping_combos[param] = combo
            self.mapping_form.addRow("{{" + param + "}}", combo)

    def mapping(self) -> dict[str, str]:
        """Each variable's contact field, in the template's order."""
        return {param: str(combo.currentData()) for param, combo in self._mapping_combos.items()}

    def selection(self) -> tuple[str, str, list[str]]:
        """What the draft keeps: the template's name and language, "NAME=FIELD" pairs."""
        data = self.combo.currentData()
        if not data:
            return "", "", []
        name, language = _split(data)
        return name, language, [f"{param}={field}" for param, field in self.mapping().items()]

    def set_selection(self, name: str, language: str, variables: Sequence[str]) -> None:
        """Show a saved choice (before or after the list is read)."""
        mapping: dict[str, str] = {}
        for pair in variables:
            param, _sep, field = pair.partition("=")
            mapping[param.strip()] = field.partition("|")[0].strip()
        wanted = (name, language, mapping) if name else None
        if not self.loaded:
            self._wanted = wanted
        self._fill_combo(wanted)

    def message_text(self) -> str:
        """The template's body with fields for variables ("" without a template or text)."""
        template = self.template()
        if template is None:
            return ""
        return as_message(template.body, self.mapping())

    def uses_template(self) -> bool:
        return bool(self.combo.currentData())

    def reset(self) -> None:
        self._wanted = None
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(0)
        self._show_template(None)
