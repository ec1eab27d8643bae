"""``egovops polling``: show and change the polling settings (thresholds, intervals, overrides).

Keys are dotted paths into the settings document, e.g. ``thresholds.cpu_percent``,
``intervals.status_s``, ``concurrency``, ``overrides.site:安徽省/合肥市.timeout_s`` or
``critical_interfaces.AH-INT-CORE-01`` (a comma-separated list). Values are JSON when they parse
as JSON, else text.
"""

from __future__ import annotations

import json
from typing import Any

import click

from egovops.cli.context import AppContext, pass_app
from egovops.cli.operator_opt import current_operator, operator_options
from egovops.cli.output import emit_json
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.polling.settings import PollingSettings
from egovops.polling.settings_edit import PollingSettingsEditor
from egovops.polling.settings_repo import PollingSettingsRepository

_MAPS = ("overrides", "critical_interfaces")


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def apply(document: dict[str, Any], key: str, text: str) -> dict[str, Any]:
    """The settings document with ``key`` set; map keys (sites, devices) may contain dots."""
    head, _, rest = key.partition(".")
    if head in _MAPS and rest:
        if head == "critical_interfaces":
            document.setdefault(head, {})[rest] = [n.strip() for n in text.split(",") if n.strip()]
            return document
        target, _, field = rest.rpartition(".")
        if not target or not field:
            raise ValidationError(tr("use overrides.device:NAME.FIELD or overrides.site:PATH.FIELD"))
        document.setdefault(head, {}).setdefault(target, {})[field] = _value(text)
        return document
    node = document
    parts = key.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            raise ValidationError(tr("unknown setting {key}", key=key))
        node = node[part]
    if parts[-1] not in node:
        raise ValidationError(tr("unknown setting {key}", key=key))
    node[parts[-1]] = _value(text)
    return document


@click.group(help=tr("Polling settings: thresholds, intervals, per-site and per-device overrides."))
def polling() -> None:
    pass


@polling.command("show", help=tr("Show the polling settings."))
@pass_app
def show_command(app: AppContext) -> None:
    emit_json(PollingSettingsRepository(app.database).polling().to_json())


@polling.command("set", help=tr("Set one polling setting, e.g. thresholds.cpu_percent 80."))
@click.argument("key")
@click.argument("value")
@operator_options
@pass_app
def set_command(app: AppContext, key: str, value: str, operator_login: tuple[str | None, bool]) -> None:
    operator = current_operator(app, operator_login)
    editor = PollingSettingsEditor(app.database)
    document = apply(editor.load().to_json(), key, value)
    # The console's path: from_json checks names and types, save() the ranges, the role and the audit row.
    editor.save(operator, PollingSettings.from_json(document))
    click.echo(tr("{key} set", key=key))


commands = [polling]
