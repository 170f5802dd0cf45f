"""The account screen: create an account or sign in, see the plan and usage, sign out.

Every cloud call goes through the sync scheduler (one client, one call at a time, on the
pool) while the screen shows a busy state; errors appear inline under the form, because a
message box on top of a half-filled form makes people retype their password. Messages
from the server are user-ready (in English); our own are translated.
"""

from urllib.parse import urlsplit

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from localpro_desktop.domain.countries import COUNTRIES
from localpro_desktop.services.account import (
    AccountInfo,
    CloudResult,
    Failure,
    SyncStatus,
    load_account_info,
)
from localpro_desktop.ui.account.cloud import ensure_worker_thread
from localpro_desktop.ui.account.scheduler import SyncScheduler
from localpro_desktop.ui.account.signed_in import SignedInPage
from localpro_desktop.ui.context import UiContext
from localpro_desktop.ui.style import ERROR_COLOR, MUTED_COLOR
from localpro_protocol.wire import Profile, RegisterRequest

MIN_PASSWORD = 10
"""The server's minimum (RegisterRequest); checked here so the user hears it at once."""
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
"""Plain http is only accepted for a server on this computer (tests, development)."""
DEFAULT_BUSINESS_NAME = "My business"


class AccountDialog(QDialog):
    """Sign-up / sign-in when signed out; account, plan, usage and sync when signed in."""

    sig_account_changed = Signal()
    """Signed in or out from this screen."""
    sig_show_rejected = Signal()
    """The user wants the list of refused changes."""

    def __init__(
        self, ctx: UiContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler
        self.busy = False
        self._was_signed_in = False
        self.info: AccountInfo | None = None
        self.profile: Profile | None = None
        self.setWindowTitle(self.tr("LocalPro account"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.loading_page = QLabel(self.tr("Loading…"))
        self.loading_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signed_out_page = self._build_signed_out()
        self.signed_in_page = SignedInPage()
        self.signed_in_page.sig_sync_now.connect(scheduler.sync_now)
        self.signed_in_page.sig_sign_out.connect(self.sign_out)
        self.signed_in_page.sig_show_rejected.connect(self.sig_show_rejected)
        for page in (self.loading_page, self.signed_out_page, self.signed_in_page):
            self.pages.addWidget(page)
        layout.addWidget(self.pages)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Size to the page (and tab) shown, not the largest: no empty band under sign-in.
        self.pages.currentChanged.connect(lambda _i: self._fit(self.pages))
        # A message belongs to the page it was said on (set again after switching).
        self.pages.currentChanged.connect(lambda _i: self._message("", MUTED_COLOR))
        self.mode_stack.currentChanged.connect(lambda _i: self._fit(self.mode_stack))
        self._fit(self.mode_stack)
        scheduler.sig_state.connect(self._on_sync_state)
        self.reload()

    # -- building -----------------------------------------------------------------------

    def _build_signed_out(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "LocalPro works fully offline. With an account, your data is backed up in "
                "the cloud and shared between your computers."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # A tab bar over a stack rather than a QTabWidget: the stack sizes to the form
        # shown, so the short sign-in form has no empty band under it.
        self.modes = QTabBar()
        self.modes.setDrawBase(False)
        self.modes.addTab(self.tr("Sign in"))
        self.modes.addTab(self.tr("Create an account"))
        self.mode_stack = QStackedWidget()
        self.mode_stack.addWidget(self._build_sign_in_form())
        self.mode_stack.addWidget(self._build_sign_up_form())
        self.modes.currentChanged.connect(self.mode_stack.setCurrentIndex)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.addWidget(self.mode_stack)
        layout.addWidget(self.modes)
        layout.addWidget(frame)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText(self.tr("Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        layout.addWidget(self.advanced_toggle)
        self.advanced = QWidget()
        form = QFormLayout(self.advanced)
        form.setContentsMargins(18, 0, 0, 0)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://cloud.localpro.africa")
        form.addRow(self.tr("Server"), self.server_edit)
        hint = QLabel(self.tr("Change this only if your organisation runs its own LocalPro cloud."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_COLOR};")
        form.addRow(hint)
        self.advanced.hide()
        layout.addWidget(self.advanced)
        layout.addStretch(1)
        return page

    def _build_sign_in_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.login_email = QLineEdit()
        self.login_email.setPlaceholderText(self.tr("you@example.com"))
        self.login_password = QLineEdit()
        self.login_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton(self.tr("Sign in"))
        self.login_button.clicked.connect(self.sign_in)
        self.login_password.returnPressed.connect(self.sign_in)
        form.addRow(self.tr("E-mail"), self.login_email)
        form.addRow(self.tr("Password"), self.login_password)
        form.addRow("", self.login_button)
        return page

    def _build_sign_up_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.signup_email = QLineEdit()
        self.signup_email.setPlaceholderText(self.tr("you@example.com"))
        self.signup_password = QLineEdit()
        self.signup_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.signup_password.setPlaceholderText(self.tr("At least 10 characters"))
        self.signup_repeat = QLineEdit()
        self.signup_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.signup_name = QLineEdit()
        self.signup_business = QLineEdit()
        self.signup_country = QComboBox()
        self.signup_button = QPushButton(self.tr("Create my account"))
        self.signup_button.clicked.connect(self.sign_up)
        form.addRow(self.tr("E-mail"), self.signup_email)
        form.addRow(self.tr("Password"), self.signup_password)
        form.addRow(self.tr("Repeat the password"), self.signup_repeat)
        form.addRow(self.tr("Your name"), self.signup_name)
        form.addRow(self.tr("Business name"), self.signup_business)
        form.addRow(self.tr("Country"), self.signup_country)
        form.addRow("", self.signup_button)
        return page

    # -- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the local account state (worker), then show the matching page."""
        if self.busy:
            return  # a sign-in or sign-out in flight decides the page
        self._message("", MUTED_COLOR)
        ws = self.ctx.ws

        def read() -> AccountInfo:
            ensure_worker_thread()
            return load_account_info(ws)

        self.ctx.runner.run(
            read,
            database=False,
            on_done=self._on_info,
            on_error=lambda message, _bug: self.show_error(message),
        )

    @Slot(object)
    def _on_info(self, info: AccountInfo) -> None:
        self.info = info
        self._fill_countries(info.country, self.ctx.language)
        self.server_edit.setText(info.local.server)
        if info.local.email and not self.login_email.text():
            self.login_email.setText(info.local.email)
        if not self.signup_business.text() and info.business_name != DEFAULT_BUSINESS_NAME:
            self.signup_business.setText(info.business_name)
        if info.local.signed_in:
            self._show_signed_in(info.local.email)
            self.load_profile()
        else:
            self.pages.setCurrentWidget(self.signed_out_page)

    def _fill_countries(self, current: str, language: str) -> None:
        if self.signup_country.count():
            return
        french = language == "fr"
        for code, country in sorted(
            COUNTRIES.items(), key=lambda kv: kv[1].name_fr if french else kv[1].name_en
        ):
            self.signup_country.addItem(country.name_fr if french else country.name_en, code)
        index = self.signup_country.findData(current)
        if index < 0:
            self.signup_country.addItem(current, current)
            index = self.signup_country.count() - 1
        self.signup_country.setCurrentIndex(index)

    def load_profile(self) -> None:
        """Fetch plan and usage without locking the screen: behind a long round on a slow
        link it may take minutes, and "Sign out" or "Sync now" must stay usable."""
        if self.profile is None:
            self.signed_in_page.show_note(self.tr("Fetching your plan…"))
        self.scheduler.call(lambda account: account.profile(), self._on_profile)

    @Slot(object)
    def _on_profile(self, result: CloudResult[Profile]) -> None:
        if self.pages.currentWidget() is not self.signed_in_page:
            return  # signed out meanwhile
        if result.value is not None:
            self._show_profile(result.value)
            return
        if result.failure is Failure.SIGNED_OUT:
            self.pages.setCurrentWidget(self.signed_out_page)
            self.show_error(self.tr("Your sign-in has expired: sign in again."))
            self.scheduler.account_changed()
            return
        if self.profile is None:
            self.signed_in_page.plan_label.setText("")
        self.signed_in_page.show_note(
            self.tr("Your plan and usage appear here when the cloud can be reached.")
            if result.failure is Failure.OFFLINE
            else self._describe(result)
        )

    # -- actions ------------------------------------------------------------------------

    @Slot()
    def sign_in(self) -> None:
        if self.busy:
            return
        email = self.login_email.text().strip()
        password = self.login_password.text()
        ok, server = self._server()
        if not ok:
            return
        if "@" not in email:
            self.show_error(self.tr("Enter the e-mail address of your account."))
            self.login_email.setFocus()
            return
        if not password:
            self.show_error(self.tr("Enter your password."))
            self.login_password.setFocus()
            return
        self._start(self.tr("Signing in…"))
        self.scheduler.call(
            lambda account: account.sign_in(email, password, server=server), self._on_signed_in
        )

    @Slot()
    def sign_up(self) -> None:
        if self.busy:
            return
        ok, server = self._server()
        if not ok:
            return
        email = self.signup_email.text().strip().lower()
        password = self.signup_password.text()
        if "@" not in email or "." not in email.rsplit("@", 1)[-1]:
            self.show_error(self.tr("Enter a valid e-mail address."))
            self.signup_email.setFocus()
            return
        if len(password) < MIN_PASSWORD:
            self.show_error(
                self.tr("Choose a password of at least {count} characters.").format(
                    count=MIN_PASSWORD
                )
            )
            self.signup_password.setFocus()
            return
        if self.signup_repeat.text() != password:
            self.show_error(self.tr("The two passwords differ."))
            self.signup_repeat.setFocus()
            return
        try:
            request = RegisterRequest(
                email=email,
                password=password,
                name=self.signup_name.text().strip(),
                business_name=self.signup_business.text().strip(),
                country=str(self.signup_country.currentData() or "SN").upper(),
            )
        except ValidationError:
            self.show_error(self.tr("Check the e-mail address, the password and the country."))
            return
        self._start(self.tr("Creating your account…"))
        self.scheduler.call(
            lambda account: account.register(request, server=server), self._on_signed_in
        )

    @Slot(object)
    def _on_signed_in(self, result: CloudResult[Profile]) -> None:
        self._stop()
        if result.value is None:
            self.show_error(self._describe(result))
            return
        for field in (self.login_password, self.signup_password, self.signup_repeat):
            field.clear()
        self._show_signed_in(result.value.email)
        self._show_profile(result.value)
        self.show_info(self.tr("Signed in. Your data now syncs in the background."))
        self.scheduler.account_changed()
        self.sig_account_changed.emit()

    @Slot()
    def sign_out(self) -> None:
        if self.busy:
            return
        self._start(self.tr("Signing out…"))
        self.scheduler.call(lambda account: account.sign_out(), self._on_signed_out)

    @Slot(object)
    def _on_signed_out(self, result: CloudResult[None]) -> None:
        self._stop()
        if not result.ok:
            self.show_error(self._describe(result))
            return
        self.profile = None
        self.pages.setCurrentWidget(self.signed_out_page)
        self.modes.setCurrentIndex(0)
        self.show_info(self.tr("Signed out. Your data stays on this computer."))
        self.scheduler.account_changed()
        self.sig_account_changed.emit()

    # -- showing ------------------------------------------------------------------------

    def _show_signed_in(self, email: str) -> None:
        self.signed_in_page.who.setText(email)
        self.pages.setCurrentWidget(self.signed_in_page)
        self._on_sync_state(self.scheduler.status)

    def _show_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.signed_in_page.show_profile(profile)

    @Slot(object)
    def _on_sync_state(self, status: SyncStatus) -> None:
        if not status.loaded:
            return
        lost = self._was_signed_in and not status.signed_in
        self._was_signed_in = status.signed_in
        if lost and self.pages.currentWidget() is self.signed_in_page and not self.busy:
            # Revoked elsewhere (or expired): offer to sign in again.
            self.pages.setCurrentWidget(self.signed_out_page)
            self.show_error(self.tr("This computer is no longer signed in: sign in again."))
            return
        self.signed_in_page.show_status(status, busy=self.busy)

    def _describe(self, result: CloudResult[object]) -> str:
        if result.failure is Failure.OFFLINE:
            return self.tr(
                "The LocalPro cloud cannot be reached. Check your internet connection "
                "(or the server address under Advanced) and try again."
            )
        if result.failure is Failure.SIGNED_OUT:
            return self.tr("Your sign-in has expired: sign in again.")
        if result.failure is Failure.BUG:
            return self.tr("Something went wrong: {message}").format(message=result.message)
        return result.message

    def show_error(self, text: str) -> None:
        self._message(text, ERROR_COLOR)

    def show_info(self, text: str) -> None:
        self._message(text, MUTED_COLOR)

    def _message(self, text: str, color: str) -> None:
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- helpers ------------------------------------------------------------------------

    def _server(self) -> tuple[bool, str | None]:
        """(usable, address) from Advanced; None: the remembered one. Shows the problem."""
        text = self.server_edit.text().strip().rstrip("/")
        if not text:
            return True, None
        parts = urlsplit(text)
        secure = parts.scheme == "https" or (
            parts.scheme == "http" and (parts.hostname or "") in LOCAL_HOSTS
        )
        if not parts.hostname or not secure:
            self.advanced_toggle.setChecked(True)
            self.show_error(
                self.tr(
                    "The server address must start with https:// (for example {example})."
                ).format(example="https://cloud.localpro.africa")
            )
            self.server_edit.setFocus()
            return False, None
        return True, text

    @Slot(bool)
    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._fit(self.pages)

    def _fit(self, container: QStackedWidget) -> None:
        """Let hidden pages not count towards the size, then shrink or grow to fit."""
        current = container.currentWidget()
        for index in range(container.count()):
            page = container.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        if self.isVisible():
            self.adjustSize()

    def _start(self, text: str) -> None:
        self.busy = True
        self.show_info(text)
        self.progress.show()
        for widget in (self.signed_out_page, self.signed_in_page):
            widget.setEnabled(False)

    def _stop(self) -> None:
        self.busy = False
        self.progress.hide()
        self.message.hide()
        for widget in (self.signed_out_page, self.signed_in_page):
            widget.setEnabled(True)
        self._on_sync_state(self.scheduler.status)
