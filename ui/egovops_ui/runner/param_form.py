"""A form generated from a procedure's parameter schema, with each field's validation message under it.

Values are checked with the core's own ``coerce`` (the rules the runner applies), so what the form
accepts the run accepts. Secret parameters are typed hidden and never shown back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from egovops.errors import ValidationError
from egovops.procedures.parameters import ParameterSpec, coerce


class _Field:
    def __init__(self, spec: ParameterSpec, editor: QWidget, message: QLabel, label: QLabel, hint: QLabel) -> None:
        self.spec, self.editor, self.message, self.label, self.hint = spec, editor, message, label, hint

    def show_texts(self, lang: str) -> None:
        """The manifest's own label and description in ``lang``; the parameter's id in the tooltip."""
        self.label.setText(self.spec.label(lang) + (" *" if self.spec.required else ""))
        self.label.setToolTip(self.spec.name)
        self.hint.setText(self.spec.text(lang))
        self.hint.setVisible(bool(self.spec.text(lang)))

    def raw(self) -> Any:
        if isinstance(self.editor, QCheckBox):
            return self.editor.isChecked()
        if isinstance(self.editor, QComboBox):
            return self.editor.currentText()
        assert isinstance(self.editor, QLineEdit)
        return self.editor.text().strip()


def _default_text(spec: ParameterSpec) -> str:
    if spec.default is None:
        return ""
    if isinstance(spec.default, float) and spec.default.is_integer():
        return str(int(spec.default))
    return str(spec.default)


class ParameterForm(QWidget):
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("parameterForm")
        self.language = language  # the console's: manifests carry their own en/zh_CN texts
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.none_label: QLabel | None = None
        self.fields: dict[str, _Field] = {}
        self._valid = True
        self.set_specs(())

    def set_specs(self, specs: tuple[ParameterSpec, ...]) -> None:
        while self.layout_.rowCount():
            self.layout_.removeRow(0)  # deletes the row's widgets (not the persistent "none" label)
        self.none_label = None
        self.fields = {}
        for spec in specs:
            self._add(spec)
        if not specs:
            self.none_label = QLabel(self)
            self.none_label.setObjectName("noParameters")
            self.layout_.addRow(self.none_label)
        self.retranslate()
        self.validate()

    def _add(self, spec: ParameterSpec) -> None:
        editor: QWidget
        if spec.type == "boolean":
            editor = QCheckBox(self)
            editor.setChecked(bool(spec.default))
            editor.toggled.connect(self.validate)
        elif spec.type == "choice":
            editor = QComboBox(self)
            editor.addItems(list(spec.choices))
            if spec.default in spec.choices:
                editor.setCurrentText(str(spec.default))
            editor.currentTextChanged.connect(self.validate)
        else:
            editor = QLineEdit(_default_text(spec), self)
            if spec.secret:
                editor.setEchoMode(QLineEdit.EchoMode.Password)
            editor.textChanged.connect(self.validate)
        editor.setObjectName(f"param_{spec.name}")
        hint = QLabel(self)
        hint.setObjectName(f"hint_{spec.name}")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6670;")
        message = QLabel(self)
        message.setObjectName(f"problem_{spec.name}")
        message.setStyleSheet("color: #d62f2f;")
        message.setWordWrap(True)
        message.hide()
        column = QWidget(self)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(editor)
        box.addWidget(hint)
        box.addWidget(message)
        label = QLabel(self)
        self.layout_.addRow(label, column)
        self.fields[spec.name] = _Field(spec, editor, message, label, hint)

    def editor(self, name: str) -> QWidget:
        return self.fields[name].editor

    def problem(self, name: str) -> str:
        shown = self.fields[name].message
        return shown.text() if not shown.isHidden() else ""

    def _problem_of(self, field: _Field) -> str:
        raw = field.raw()
        if raw == "":
            return self.tr("Required: give a value.") if field.spec.required else ""
        try:
            coerce(field.spec, raw)
        except ValidationError as exc:
            return str(exc)
        return ""

    def validate(self) -> bool:
        valid = True
        for field in self.fields.values():
            problem = self._problem_of(field)
            field.message.setText(problem)
            field.message.setVisible(bool(problem))
            valid = valid and not problem
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
        return valid

    def is_valid(self) -> bool:
        return self._valid

    def values(self) -> dict[str, Any]:
        """What the operator gave; empty optional fields are left out so the manifest's default applies."""
        return {name: f.raw() for name, f in self.fields.items() if f.raw() != ""}

    def retranslate(self, language: str | None = None) -> None:
        self.language = language or self.language
        for field in self.fields.values():
            field.show_texts(self.language)
        if self.none_label is not None:
            self.none_label.setText(self.tr("This procedure takes no parameters."))
        self.validate()
