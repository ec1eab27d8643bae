"""The DR readiness tab: the verdict and its reasons, one card per centre, the inter-centre links,
drift between DR peers (the diff one double-click away), the month's history and the last drill.

A thin view over ``DrService.readiness``: it runs on the session's worker pool and reloads on the
change notices that can move the verdict (states and alarms from polls, inventory, configs, the
duty log where drills are kept). Values shown come from the core's catalogue (reasons, verdicts,
roles) or this page's ``tr()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egovops.dr.model import AT_RISK, NOT_READY, READY, Drift, Readiness, outcome_name, role_name, verdict_name
from egovops.dr.service import DrService
from egovops.duty.shifts import when
from egovops.i18n import value_name
from egovops.storage.changes import Changes

if TYPE_CHECKING:
    from egovops_ui.session import ConsoleSession

COLOURS = {READY: "#2e7d32", AT_RISK: "#ef6c00", NOT_READY: "#c62828"}
RELOAD_ON = Changes.STATES | Changes.ALARMS | Changes.INVENTORY | Changes.CONFIGS | Changes.DUTY


def _table(parent: QWidget, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(110)  # three rows at least, however small the window
    return table


def _fill(table: QTableWidget, rows: list[list[str]], colours: list[str | None] | None = None,
          tips: list[str] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if colours and colours[r] and c == 0:
                item.setForeground(QColor(colours[r] or ""))
            if tips:
                item.setToolTip(tips[r])
            table.setItem(r, c, item)


def _rate(bps: float | None) -> str:
    if bps is None:
        return ""
    for unit, size in (("Gbit/s", 1e9), ("Mbit/s", 1e6), ("kbit/s", 1e3)):
        if bps >= size:
            return f"{bps / size:.1f} {unit}"
    return f"{bps:.0f} bit/s"


class DiffDialog(QDialog):
    """A DR pair's drift: the unified diff of their latest backups' compared lines."""

    def __init__(self, drift: Drift, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drDiffDialog")
        self.setWindowTitle(self.tr("Drift: %1 and %2").replace("%1", drift.device).replace("%2", drift.peer))
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setFont(QFont("monospace"))
        text.setPlainText(drift.diff or self.tr("No drift: the compared lines are the same."))
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(720, 480)


class DrPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drPage")
        self.session = session
        self.service = DrService(session.database)
        self.readiness: Readiness | None = None
        self.loads = 0  # finished loads (tests wait on it)
        self._asked = 0
        self._build()
        self.retranslate()
        session.changed.connect(self._changed)
        self.reload()

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.verdict = QLabel(self)
        self.verdict.setObjectName("drVerdict")
        font = self.verdict.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.verdict.setFont(font)
        self.reasons = QLabel(self)
        self.reasons.setObjectName("drReasons")
        self.reasons.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()  # shown only when a load failed
        top = QHBoxLayout()
        top.addWidget(self.verdict)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.cards_box = QGroupBox(self)
        self.cards = QHBoxLayout(self.cards_box)
        self.links_box, self.drift_box = QGroupBox(self), QGroupBox(self)
        self.links = _table(self.links_box, 7)
        QVBoxLayout(self.links_box).addWidget(self.links)
        self.drift = _table(self.drift_box, 5)
        self.drift.cellDoubleClicked.connect(lambda row, _col: self.show_diff(row))
        self.diff_button = QPushButton(self.drift_box)
        self.diff_button.clicked.connect(lambda: self.show_diff(self.drift.currentRow()))
        drift_layout = QVBoxLayout(self.drift_box)
        drift_layout.addWidget(self.drift)
        drift_layout.addWidget(self.diff_button)
        self.history_box = QGroupBox(self)
        self.history = _table(self.history_box, 3)
        QVBoxLayout(self.history_box).addWidget(self.history)
        self.drill = QLabel(self)
        self.drill.setObjectName("drLastDrill")
        self.drill.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(self.links_box, 0, 0, 1, 2)  # the links are the widest: a row of their own
        grid.addWidget(self.drift_box, 1, 0)
        grid.addWidget(self.history_box, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reasons)
        layout.addWidget(self.error)
        layout.addWidget(self.cards_box)
        layout.addLayout(grid, 1)
        layout.addWidget(self.drill)

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.cards_box.setTitle(self.tr("Centres"))
        self.links_box.setTitle(self.tr("Inter-centre links"))
        self.drift_box.setTitle(self.tr("Configuration drift between DR peers"))
        self.history_box.setTitle(self.tr("Verdict over the month"))
        self.diff_button.setText(self.tr("Show the differences…"))
        self.links.setHorizontalHeaderLabels([self.tr("State"), self.tr("Link"), self.tr("Centres"),
                                              self.tr("Utilisation"), self.tr("Headroom"), self.tr("Latency / jitter"),
                                              self.tr("Loss")])
        self.drift.setHorizontalHeaderLabels([self.tr("Differing lines"), self.tr("Device"), self.tr("DR peer"),
                                              self.tr("Device backup"), self.tr("Peer backup")])
        self.history.setHorizontalHeaderLabels([self.tr("Since"), self.tr("Verdict"), self.tr("Reasons")])
        if self.readiness is not None:
            self.show_readiness(self.readiness)

    # -- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        self._asked += 1
        asked = self._asked
        self.session.tasks.run(self.service.readiness, owner=self, on_done=lambda r: self._loaded(asked, r),
                               on_error=self._failed)

    def _loaded(self, asked: int, readiness: Readiness) -> None:
        if asked == self._asked:
            self.error.clear()
            self.error.hide()
            self.show_readiness(readiness)
        self.loads += 1

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()
        self.loads += 1

    def _changed(self, changes: Changes) -> None:
        if changes & RELOAD_ON and self.isVisible():
            self.reload()

    # -- showing -----------------------------------------------------------------------------------
    def show_readiness(self, r: Readiness) -> None:
        self.readiness = r
        self.verdict.setText(self.tr("DR readiness: %1").replace("%1", verdict_name(r.verdict)))
        self.verdict.setStyleSheet(f"color: {COLOURS.get(r.verdict, '#000')}")
        self.reasons.setText("\n".join(f"• {x.text()}" for x in r.reasons) or self.tr("Nothing stands in the way."))
        self._show_cards(r)
        _fill(self.links, [[value_name("state", x.state), f"{x.a} ⇄ {x.b}", f"{x.a_centre} ⇄ {x.b_centre}",
                            "" if x.utilisation is None else f"{x.utilisation * 100:.0f}%", _rate(x.headroom_bps),
                            self._latency(x.latency_ms, x.jitter_ms),
                            self.tr("not measured") if x.loss_percent is None else f"{x.loss_percent:.1f}%"]
                           for x in r.links],
              [COLOURS[READY] if x.state == "up" else COLOURS[AT_RISK] for x in r.links], [x.label for x in r.links])
        _fill(self.drift, [[str(d.changed_lines), d.device, d.peer, self._backup(d.device_version, d.device_taken_at),
                            self._backup(d.peer_version, d.peer_taken_at)] for d in r.drift],
              [COLOURS[AT_RISK] if d.changed_lines else None for d in r.drift])
        _fill(self.history, [[when(h.at), verdict_name(h.verdict), "; ".join(x.text() for x in h.reasons)]
                             for h in reversed(r.history)], [COLOURS.get(h.verdict) for h in reversed(r.history)])
        d = r.last_drill
        if d is None:
            self.drill.setText(self.tr("Last drill: none recorded"))
        else:
            self.drill.setText(self.tr("Last drill: %1 to %2, %3, over %4. %5")
                               .replace("%1", when(d.started_at)).replace("%2", when(d.ended_at) if d.ended_at else "…")
                               .replace("%3", outcome_name(d.outcome)).replace("%4", ", ".join(d.scope))
                               .replace("%5", d.notes))

    def _latency(self, latency: float | None, jitter: float | None) -> str:
        if latency is None:
            return self.tr("not measured")
        return f"{latency:.1f} / {jitter or 0:.1f} ms"

    def _backup(self, version: int | None, at: float | None) -> str:
        if version is None:
            return self.tr("no backup")
        return f"v{version} {when(at)}"

    def _show_cards(self, r: Readiness) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.setParent(None)  # gone now, not at the next turn of the event loop
                old.deleteLater()
        for c in r.centres:
            card = QGroupBox(f"{role_name(c.role)} · {c.path.rsplit('/', 1)[-1]}", self.cards_box)
            card.setObjectName("drCentreCard")
            lines = [
                self.tr("Verdict: %1").replace("%1", verdict_name(c.verdict)),
                self.tr("Core and aggregation up: %1 of %2").replace("%1", str(len(c.core) - len(c.down)))
                .replace("%2", str(len(c.core))),
                self.tr("Redundant pairs whole: %1 of %2").replace("%1", str(c.pairs_whole))
                .replace("%2", str(c.pairs)),
                self.tr("Uplinks up: %1 of %2").replace("%1", str(c.uplinks - len(c.uplinks_down)))
                .replace("%2", str(c.uplinks)),
            ]
            if c.down:
                lines.append(self.tr("Not up: %1").replace("%1", ", ".join(c.down)))
            label = QLabel("\n".join(lines), card)
            label.setStyleSheet(f"color: {COLOURS.get(c.verdict, '#000')}")
            QVBoxLayout(card).addWidget(label)
            self.cards.addWidget(card)

    def show_diff(self, row: int) -> Any:
        if self.readiness is None or not 0 <= row < len(self.readiness.drift):
            return None
        dialog = DiffDialog(self.readiness.drift[row], self)
        dialog.open()
        return dialog
