"""One conversation as read-only rich text: the user's questions and the assistant's answers.

A ``QTextBrowser`` rather than a widget per message (big conversations stay cheap). The
user's text is inserted as plain text; the model's answer as Markdown with HTML turned
off (``MarkdownNoHTML``), so nothing the model writes is ever taken as HTML. Under each
answer, "Copy" and "Use in a campaign" are links the view handles itself; a link the
model wrote opens in the browser only when it is a web address.

While an answer streams, only its own frame is rewritten as the pieces come.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from localpro_desktop.services.assistant.conversations import ChatMessage
from localpro_desktop.ui import formatting as fmt
from localpro_desktop.ui.style import MUTED_COLOR

USER_BACKGROUND = "#e8f0fe"
ANSWER_BACKGROUND = "#f4f4f4"
MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
"""GitHub's Markdown (lists, tables, code) without any HTML, block or inline."""


@dataclass
class _Streaming:
    frame: QTextFrame
    text: str = ""


class ChatView(QTextBrowser):
    sig_use_in_campaign = Signal(str)
    """"Use in a campaign" under an answer: its text."""
    sig_send_again = Signal(str)
    """"Send again" under a question left without an answer: the question."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._link)
        self._answers: list[str] = []
        self._questions: list[str] = []
        self._streaming: _Streaming | None = None

    # == what is shown ==================================================================

    def show_messages(self, messages: list[ChatMessage], *, busy: bool = False) -> None:
        """The whole conversation; ``busy``: its last question is being answered now."""
        self._streaming = None
        self._answers.clear()
        self._questions.clear()
        self.document().clear()
        cursor = QTextCursor(self.document())
        for index, message in enumerate(messages):
            if message.role == "user":
                self._add_question(cursor, message.text, fmt.moment(message.at))
                last = index == len(messages) - 1
                if last and not busy:
                    self._add_unanswered(cursor, len(self._questions) - 1)
            else:
                self._add_answer(cursor, message)
        self._to_bottom()

    def answers(self) -> list[str]:
        """The answers' texts, in order (tests; what the links act on)."""
        return list(self._answers)

    def begin_answer(self, question: str | None = None) -> None:
        """Show ``question`` (unless already shown) and an empty answer that fills as it comes."""
        cursor = self._end()
        if question is not None:
            self._add_question(cursor, question, "")
        self._header(cursor, self.tr("Assistant"))
        frame = cursor.insertFrame(self._bubble(ANSWER_BACKGROUND, right=60))
        self._muted(cursor, self.tr("Writing…"))
        self._streaming = _Streaming(frame)
        self._to_bottom()

    def add_text(self, text: str) -> None:
        """More of the answer being written."""
        if self._streaming is None or not text:
            return
        follow = self._at_bottom()
        self._streaming.text += text
        frame = self._streaming.frame
        cursor = frame.firstCursorPosition()
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertMarkdown(self._streaming.text, MARKDOWN)
        if follow:
            self._to_bottom()

    def streamed_text(self) -> str:
        return self._streaming.text if self._streaming is not None else ""

    # == building blocks ================================================================

    def _end(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    @staticmethod
    def _bubble(color: str, *, left: int = 0, right: int = 0) -> QTextFrameFormat:
        frame = QTextFrameFormat()
        frame.setBackground(QColor(color))
        frame.setPadding(8)
        frame.setLeftMargin(left)
        frame.setRightMargin(right)
        frame.setTopMargin(2)
        frame.setBottomMargin(2)
        frame.setBorder(0)
        return frame

    def _header(self, cursor: QTextCursor, text: str) -> None:
        self._muted(cursor, text, bold=True)

    def _muted(self, cursor: QTextCursor, text: str, *, bold: bool = False) -> None:
        if cursor.block().length() > 1:  # an empty block (the first, after a frame) is reused
            cursor.insertBlock()
        chars = QTextCharFormat()
        chars.setForeground(QColor(MUTED_COLOR))
        chars.setFontPointSize(max(self.font().pointSizeF() - 1, 7))
        if bold:
            chars.setFontWeight(600)
        cursor.insertText(text, chars)

    def _links(self, cursor: QTextCursor, links: list[tuple[str, str]], note: str = "") -> None:
        """A line of our own links (``href``, label) after an optional note."""
        if cursor.block().length() > 1:
            cursor.insertBlock()
        parts = [html.escape(note)] if note else []
        parts += [f'<a href="{href}">{html.escape(label)}</a>' for href, label in links]
        size = max(self.font().pointSizeF() - 1, 7)
        cursor.insertHtml(
            f'<span style="color:{MUTED_COLOR}; font-size:{size}pt">'
            + " &nbsp;·&nbsp; ".join(parts)
            + "</span>"
        )
        cursor.insertBlock()
        cursor.setCharFormat(QTextCharFormat())

    def _add_question(self, cursor: QTextCursor, text: str, when: str) -> None:
        self._questions.append(text)
        header = self.tr("You") + (f" · {when}" if when else "")
        self._header(cursor, header)
        cursor.insertFrame(self._bubble(USER_BACKGROUND, left=80))
        cursor.insertText(text, QTextCharFormat())  # plain text: the user's own words
        cursor.movePosition(QTextCursor.MoveOperation.End)

    def _add_answer(self, cursor: QTextCursor, message: ChatMessage) -> None:
        index = len(self._answers)
        self._answers.append(message.text)
        parts = [self.tr("Assistant")]
        if message.model:
            parts.append(message.model)
        parts.append(fmt.moment(message.at))
        self._header(cursor, " · ".join(parts))
        cursor.insertFrame(self._bubble(ANSWER_BACKGROUND, right=60))
        cursor.insertMarkdown(message.text, MARKDOWN)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        note = self.tr("Stopped before the end.") if message.state == "stopped" else ""
        if message.text.strip():
            links = [
                (f"copy:{index}", self.tr("Copy")),
                (f"use:{index}", self.tr("Use in a campaign")),
            ]
        else:
            links = []
        if note or links:
            self._links(cursor, links, note)

    def _add_unanswered(self, cursor: QTextCursor, question: int) -> None:
        self._links(
            cursor,
            [(f"again:{question}", self.tr("Send again"))],
            self.tr("No answer to this question."),
        )

    # == scrolling and links ============================================================

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _to_bottom(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    @Slot(QUrl)
    def _link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme in ("http", "https"):
            QDesktopServices.openUrl(url)
            return
        if not target.isdigit():
            return
        index = int(target)
        if scheme in ("copy", "use") and index < len(self._answers):
            text = self._answers[index]
            if scheme == "copy":
                QGuiApplication.clipboard().setText(text)
            else:
                self.sig_use_in_campaign.emit(text)
        elif scheme == "again" and index < len(self._questions):
            self.sig_send_again.emit(self._questions[index])

    def activate(self, href: str) -> None:
        """Follow one of our links, as a click does (tests)."""
        self._link(QUrl(href))
