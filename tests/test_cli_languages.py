"""One language at a time: every alarm kind, state and command-line table in zh_CN and in en.

The store holds alarms of every kind, written as the poller writes them in either language (it runs
in its own process with its own locale), devices of every role and network, and a shift. Each table
is printed in both languages by the real command line; the English output may hold no Chinese
character and the Chinese output none of the raw English words the store keeps ("major",
"cpu_high", "extranet", "failed", "no response", …). Data the operator typed (site names) is data,
and is taken out before looking.
"""

from __future__ import annotations

import re
import string
import time

import pytest

from egovops import i18n
from egovops.inventory.model import Device, DeviceRole
from egovops.overview.alarm_text import DETAIL_TEMPLATES, KIND_LABELS, KIND_TEMPLATES
from egovops.storage.alarms_repo import AlarmCondition, AlarmRepository
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository
from egovops.storage.tables.polling import ALARM_SEVERITIES

SITE = "安徽省/合肥市"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SAMPLE = {  # a value for every field a template can have
    "detail": "no response from 127.0.0.1:161 after 2 tries of 1 s (agent down, wrong community or port filtered)",
    "root": "DEV-AGG", "where": "10.1.2.3", "value": 93.0, "limit": 80.0, "name": "GigabitEthernet1/0/1", "rate": 4.5,
    "a": "DEV-INT", "a_if": "Gi1/0/24", "a_net": "intranet", "b": "DEV-EXT", "b_if": "Gi1/0/24", "b_net": "extranet",
}
COMMANDS = [("alarms", "list"), ("inventory", "list"), ("network", "list"), ("plugins", "list"), ("duty", "list"),
            ("status",),
            ("run", "baseline-check", "--targets", "all", "--dry-run"), ("inventory", "show", "NO-SUCH"),
            ("poll", "--once", "--device", "DEV-00")]


def raw_words() -> set[str]:
    """The store's own English words, and the English names the catalogue translates."""
    words = {w for names in i18n.VALUE_NAMES.values() for pair in names.items() for w in pair}
    words |= set(KIND_LABELS) | set(KIND_LABELS.values()) | set(ALARM_SEVERITIES)
    words |= {"no response", "tries", "agent down", "no device named", "devices_checked", "failures_by_item", "error"}
    return {w for w in words if re.search("[a-z]", w) and w not in {"SSH", "snmp"}}


def filled(template: str, lang: str) -> str:
    i18n.set_language(lang)
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        values = {k: (i18n.tr(SAMPLE[k]) if k in ("a_net", "b_net") else SAMPLE[k]) for k in fields}
        if "detail" in values:
            values["detail"] = i18n.tr(DETAIL_TEMPLATES[3], address="127.0.0.1:161", tries=2, timeout=1,
                                       detail=i18n.tr(DETAIL_TEMPLATES[5]))
        return i18n.catalogue(lang).get(template, template).format(**values)
    finally:
        i18n.set_language(None)


@pytest.fixture
def province(database: Database, inventory: InventoryRepository) -> Database:
    roles = list(DeviceRole)
    devices = [Device(f"DEV-{i:02d}", f"127.0.0.{i + 1}", ("intranet", "extranet")[i % 2], SITE, roles[i % len(roles)],
                      vendor="huawei", model="S5735") for i in range(len(roles))]
    inventory.save_devices(devices)
    conditions = {}
    for i, (kind, templates) in enumerate(sorted(KIND_TEMPLATES.items())):
        severity = ALARM_SEVERITIES[i % len(ALARM_SEVERITIES)]
        conditions.setdefault(devices[i % 2].name, []).extend(
            AlarmCondition(kind, severity, filled(templates[0], lang), subject=f"s{lang}") for lang in ("en", "zh_CN"))
    repo = AlarmRepository(database)
    repo.reconcile(conditions, time.time(), kinds=list(KIND_TEMPLATES))
    some = repo.list()[:3]
    repo.reconcile({some[0].device: []}, time.time(), kinds=[some[0].kind])  # a cleared one too
    return database


def printed(cli, lang: str) -> str:  # type: ignore[no-untyped-def]
    out = []
    for args in COMMANDS:
        done = cli(*args, env={"EGOVOPS_LANG": lang})
        assert "Traceback" not in done.stderr, done.stderr
        text = done.stdout + done.stderr
        if args[0] == "network":  # a network's name is what is typed after --network: an identifier, not a word
            text = "\n".join(line.split(" ", 1)[-1] for line in text.splitlines())
        out.append(text)
    return "\n".join(out).replace(SITE, "<site>")


def test_every_table_speaks_english_only(cli, province: Database) -> None:  # type: ignore[no-untyped-def]
    text = printed(cli, "en")
    assert "GigabitEthernet1/0/1" in text and "DEV-INT" in text  # the alarms were printed
    leaks = sorted({line for line in text.splitlines() if CJK.search(line)})
    assert leaks == []


def test_every_table_speaks_chinese_only(cli, province: Database) -> None:  # type: ignore[no-untyped-def]
    text = printed(cli, "zh_CN")
    assert "电子政务外网" in text and "紧急" in text and "汇聚" in text
    words = raw_words()
    leaks = sorted({f"{w!r} in {line.strip()!r}" for line in text.splitlines() for w in words
                    if re.search(rf"(?<![A-Za-z_\-]){re.escape(w)}(?![A-Za-z_\-])", line)})
    assert leaks == []
