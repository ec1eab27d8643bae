"""The first-run panel: the steps from an empty store to a living map, each with its button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

POLL_COMMAND = "egovops poll"
BOX_WIDTH = 760


class FirstRunPanel(QFrame):
    """Import the inventory, add credential profiles, start polling, or open the demo province."""

    importRequested = Signal()
    credentialsRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setAutoFillBackground(True)  # it lies over the empty map
        self.title = QLabel(self)
        self.title.setObjectName("firstRunTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self, wordWrap=True)
        self.steps = [QLabel(self, wordWrap=True) for _ in range(3)]
        self.steps[2].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the command, to copy
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("firstRunImport")
        self.credentials_button = QPushButton(self)
        self.credentials_button.setObjectName("firstRunCredentials")
        self.demo_intro = QLabel(self, wordWrap=True)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("firstRunDemo")
        for button, signal in ((self.import_button, self.importRequested),
                               (self.credentials_button, self.credentialsRequested),
                               (self.demo_button, self.demoRequested)):
            button.clicked.connect(signal)  # signal to signal: the click's "checked" is dropped
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        buttons = (self.import_button, self.credentials_button, None)
        for row, (step, step_button) in enumerate(zip(self.steps, buttons, strict=True)):
            number = QLabel(f"{row + 1}.", self)
            grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(step, row, 1)
            if step_button is not None:
                grid.addWidget(step_button, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.demo_intro, 3, 1)
        grid.addWidget(self.demo_button, 3, 2, Qt.AlignmentFlag.AlignTop)
        box = QWidget(self)
        box.setMaximumWidth(BOX_WIDTH)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        # Centred by stretches, not by an alignment flag: an aligned widget gets its size hint, and
        # the word-wrapped steps would keep the height of one long line and run into each other.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box, 4)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(2)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("The store holds no devices yet"))
        self.intro.setText(self.tr("The map fills in once the network is known. To get there:"))
        self.steps[0].setText(self.tr("Import the inventory: the devices, their sites and networks, "
                                      "from a CSV or YAML file."))
        self.steps[1].setText(self.tr("Add the credential profiles (SNMP and SSH) that the inventory names; "
                                      "secrets go to the system keyring."))
        self.steps[2].setText(self.tr("Start polling: run {command} on the collector machine; "
                                      "the map shows each cycle as it ends.")
                              .format(command=POLL_COMMAND))
        self.import_button.setText(self.tr("Import inventory…"))
        self.credentials_button.setText(self.tr("Credential profiles…"))
        self.demo_intro.setText(self.tr("Or look around first: the demo province, simulated devices on this machine."))
        self.demo_button.setText(self.tr("Open the demo"))
