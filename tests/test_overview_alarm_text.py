"""Alarm kinds and messages in the operator's language: every kind the core can raise, real poller messages."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Iterator

import pytest

from egovops import i18n
from egovops.credentials.profiles import Secret
from egovops.inventory.model import Device, Link
from egovops.overview.alarm_text import DETAIL_TEMPLATES, KIND_LABELS, KIND_TEMPLATES, kind_label, localized_message
from egovops.polling.device_poll import poll_status
from egovops.polling.model import DeviceStatus, InterfaceStatus
from egovops.polling.settings import Thresholds
from egovops.polling.state import evaluate
from egovops.snmp import SnmpClient, SnmpTarget
from egovops.topology.crossnet import cross_network_links
from tests.fixtures.snmpd import free_udp_port

CORE = Path(__file__).resolve().parents[1] / "egovops"


def _kind_of(call: ast.Call, module: str, parents: dict[ast.AST, ast.AST]) -> list[str]:
    """The kind(s) an ``AlarmCondition(...)`` call can raise: a literal, a module constant, or a loop over literals."""
    arg = call.args[0] if call.args else next(k.value for k in call.keywords if k.arg == "kind")
    if isinstance(arg, ast.Constant):
        return [arg.value]
    if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name):
        imported = importlib.import_module(module)
        return [getattr(getattr(imported, arg.value.id), arg.attr)]
    if isinstance(arg, ast.Name):  # for kind, … in checks: the first element of each literal tuple
        node: ast.AST | None = call
        while node is not None and not (isinstance(node, ast.For) and ast.unparse(node.target).split(",")[0].strip("( ") == arg.id):
            node = parents.get(node)
        if node is not None:
            function = node
            while not isinstance(function, ast.FunctionDef):
                function = parents[function]
            for stmt in ast.walk(function):
                if isinstance(stmt, ast.Assign) and ast.unparse(stmt.targets[0]) == ast.unparse(node.iter):
                    return [t.elts[0].value for t in stmt.value.elts]  # type: ignore[attr-defined]
            if isinstance(node.iter, ast.Name):  # a loop over a module-level table of (kind, …) tuples
                return [entry[0] for entry in getattr(importlib.import_module(module), node.iter.id)]
    raise AssertionError(f"cannot tell which kind {module} raises at line {call.lineno}: teach this test")


def raised_kinds() -> set[str]:
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        module = ".".join(path.relative_to(CORE.parent).with_suffix("").parts)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "AlarmCondition":
                found.update(_kind_of(node, module, parents))
    return found


def test_every_kind_the_core_raises_has_a_chinese_label_and_its_messages() -> None:
    kinds = raised_kinds()
    assert {"device_down", "device_unreachable", "cpu_high", "cross_network_link", "interface_down"} <= kinds
    assert kinds - set(KIND_LABELS) == set()
    assert kinds - set(KIND_TEMPLATES) == set()
    chinese = i18n.catalogue("zh_CN")
    assert [kind for kind in kinds if not chinese.get(KIND_LABELS[kind])] == []
    templates = {t for ts in KIND_TEMPLATES.values() for t in ts if t != "{detail}"} | set(DETAIL_TEMPLATES)
    assert sorted(t for t in templates if t not in chinese) == []


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.set_language(None)


def _written_in(lang: str, status: DeviceStatus, critical: tuple[str, ...] = ()) -> dict[str, str]:
    """What the poller stores when it runs in ``lang``: kind → message."""
    i18n.set_language(lang)
    return {c.kind: c.message for c in evaluate(status, Thresholds(), critical)}


def test_poller_messages_read_back_in_either_language(language: None) -> None:
    hot = DeviceStatus("WH-EXT-AGG-01", reachable=True, cpu_percent=93.0, mem_percent=95.0, temperature_c=81.0, interfaces=[
        InterfaceStatus(1, "GigabitEthernet1/0/1", admin_status=1, oper_status=2, errors_ps=4.5, discards_ps=0.5)])
    cases = [
        (hot, ("GigabitEthernet1/0/1",)),
        (DeviceStatus("HF-C01-EXT-AS01", state="unreachable", root_cause="HF-EXT-AGG-01"), ()),
        (DeviceStatus("PC-07", reachable=True, bridging=["10.1.2.3 (intranet)", "59.203.1.9 (extranet)"]), ()),
    ]
    seen = set()
    for status, critical in cases:
        english, chinese = _written_in("en", status, critical), _written_in("zh_CN", status, critical)
        for kind, message in english.items():
            assert localized_message(kind, message, "zh_CN") == chinese[kind]
            assert localized_message(kind, chinese[kind], "en") == message
            seen.add(kind)
    assert seen == {"cpu_high", "memory_high", "temperature_high", "interface_errors", "interface_down",
                    "device_unreachable", "network_bridging"}


def test_cross_network_message_names_the_networks_in_chinese(language: None) -> None:
    link = Link("HF-INT-AGG-01", "GigabitEthernet1/0/24", "HF-EXT-AGG-01", "GigabitEthernet1/0/24")
    i18n.set_language("en")
    english = cross_network_links([link], {"HF-INT-AGG-01": "intranet", "HF-EXT-AGG-01": "extranet"})[0].message()
    shown = localized_message("cross_network_link", english, "zh_CN")
    assert shown == "内外网串接：HF-INT-AGG-01 的端口 GigabitEthernet1/0/24（电子政务内网）与 HF-EXT-AGG-01 的端口 GigabitEthernet1/0/24（电子政务外网）相连"
    assert localized_message("cross_network_link", shown, "en") == english


def _poll(target: SnmpTarget) -> DeviceStatus:
    """The poller's status phase for one device, on the SNMP client's own loop as the poller runs it."""
    device = Device(target.name, target.address, "extranet", "安徽省/合肥市", snmp_port=target.port)
    client = SnmpClient()
    return client.snmp_loop.run(poll_status(client, device, target, None, None, None, 0.0))[0]


def test_snmp_errors_inside_poller_messages_are_translated(language: None, snmpd) -> None:  # type: ignore[no-untyped-def]
    silent = SnmpTarget("HF-EXT-AGG-01", "127.0.0.1", free_udp_port(), community=Secret("public"), timeout=0.3, retries=0)
    stranger = SnmpTarget("HF-EXT-CORE-01", snmpd.address, snmpd.port, version="3", user="nobody-here",
                          auth_key=Secret("some-auth-key"), priv_key=Secret("some-priv-key"), timeout=1.0, retries=0)
    down = _written_in("en", _poll(silent))
    refused = _written_in("en", _poll(stranger))
    assert set(down) == set(refused) == {"device_down"}  # without ICMP, an agent that refuses us is down too
    shown = localized_message("device_down", down["device_down"], "zh_CN")
    assert shown.startswith("设备无应答（到 HF-EXT-AGG-01 的 SNMP：127.0.0.1:") and "代理未运行、团体名错误或端口被过滤" in shown
    assert "no response" not in shown and "tries" not in shown
    auth = localized_message("device_down", refused["device_down"], "zh_CN")
    assert auth == "设备无应答（到 HF-EXT-CORE-01 的 SNMP：认证失败：代理不认识 SNMPv3 用户 'nobody-here'）"
    assert localized_message("snmp_auth", refused["device_down"][len("device does not answer ("):-1], "zh_CN") == auth[len("设备无应答（"):-1]


def test_labels_follow_the_language_and_unknown_text_stays(language: None) -> None:
    i18n.set_language("zh_CN")
    assert (kind_label("device_down"), kind_label("cross_network_link")) == ("设备宕机", "内外网串接")
    assert localized_message("device_down", "device does not answer (no response)") == "设备无应答（无应答）"
    assert kind_label("some_future_kind") == "some_future_kind"
    assert localized_message("snmp_malformed", "SNMP says something new") == "SNMP says something new"
    i18n.set_language("en")
    assert kind_label("device_down") == "device down"
