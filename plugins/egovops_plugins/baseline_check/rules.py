"""Graded-protection (等级保护 2.0) baseline items for network devices, as pure functions of the
running configuration. Each item passes, fails, or does not apply, and says why in one line.

Items follow the assessment checklist for network devices: remote management over SSH only with
telnet off; SNMPv1/v2c off, or restricted by an ACL (required on the intranet); password
complexity; lockout after failed logins; an idle timeout on VTY lines; a log host; NTP; unused
ports shut down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from egovops.plugin_api import tr

from egovops_plugins.baseline_check.config_text import VRP_FAMILY, find, physical_interfaces, vty_blocks

WEAK_COMMUNITIES = {"public", "private", "community", "admin", "cisco", "huawei", "h3c", "snmp", "manager", "monitor", "default", "test"}
MAX_IDLE_MINUTES = 15.0
DEFAULT_IDLE_MINUTES = 10.0  # VRP, Comware and IOS all default to 10 minutes when nothing is set


@dataclass(frozen=True)
class Item:
    id: str
    passed: bool | None  # None: does not apply to this device
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": tr(TITLES[self.id]), "passed": self.passed, "detail": self.detail}


TITLES = {
    "ssh-only": "SSH only, telnet off",
    "snmp": "SNMPv1/v2c off or restricted",
    "password-complexity": "Password complexity",
    "login-lockout": "Lockout after failed logins",
    "idle-timeout": "Idle timeout on remote sessions",
    "syslog": "Log host (syslog) configured",
    "ntp": "NTP configured",
    "unused-ports": "Unused ports shut down",
}


def _vrp(vendor: str) -> bool:
    return vendor.lower() in VRP_FAMILY


def ssh_only(config: str, vendor: str, network: str) -> Item:
    if _vrp(vendor):
        ssh_on = bool(find(config, r"(stelnet server enable|ssh server enable)\b"))
        telnet_on = bool(find(config, r"telnet (server )?enable\b"))
        vty_telnet = [b.header for b in vty_blocks(config) if b.has(r"protocol inbound (all|telnet)\b")]
    else:
        ssh_on = bool(find(config, r"(ip ssh\b|enable service ssh-server|ssh server enable)"))
        telnet_on = bool(find(config, r"(enable service telnet-server|telnet server enable)\b"))
        vty_telnet = [b.header for b in vty_blocks(config)
                      if not b.has(r"transport input ssh\s*$") or b.has(r"transport input .*(telnet|all)")]
    if not ssh_on:
        return Item("ssh-only", False, tr("SSH server is not enabled"))
    if telnet_on or vty_telnet:
        where = ", ".join(vty_telnet) or tr("global setting")
        return Item("ssh-only", False, tr("telnet is allowed ({where})", where=where))
    return Item("ssh-only", True, tr("SSH enabled, telnet off"))


def _communities(config: str, vendor: str) -> list[tuple[str, bool]]:
    """(community, restricted by an ACL) for each v1/v2c community."""
    found = []
    if _vrp(vendor):
        for m in find(config, r"snmp-agent community (?:read|write)\s+(?:cipher\s+|simple\s+)?(\S+)(.*)$"):
            found.append((m.group(1), bool(re.search(r"\bacl\b", m.group(2), re.IGNORECASE))))
    else:
        for m in find(config, r"snmp-server community\s+(\S+)(.*)$"):
            rest = m.group(2).split()
            access = [i for i, w in enumerate(rest) if w.lower() in ("ro", "rw")]
            found.append((m.group(1), bool(access) and len(rest) > access[-1] + 1))
    return found


def snmp_restricted(config: str, vendor: str, network: str) -> Item:
    communities = _communities(config, vendor)
    versions = find(config, r"snmp-agent sys-info version (.*)$")
    v2_on = bool(communities) or any(re.search(r"\b(v1|v2c|all)\b", m.group(1)) for m in versions)
    if not v2_on:
        return Item("snmp", True, tr("SNMPv1/v2c off"))
    weak = [c for c, _ in communities if c.lower() in WEAK_COMMUNITIES or len(c) < 8]
    if weak:
        return Item("snmp", False, tr("SNMPv1/v2c with a weak community ({count} found)", count=len(weak)))
    open_ones = [c for c, restricted in communities if not restricted]
    if open_ones and network.split(":", 1)[0] == "intranet":
        return Item("snmp", False, tr("SNMPv1/v2c on the intranet without an ACL"))
    if open_ones:
        return Item("snmp", True, tr("SNMPv2c without an ACL (allowed off the intranet; an ACL is advised)"))
    return Item("snmp", True, tr("SNMPv1/v2c restricted by an ACL"))


def _any(config: str, patterns: tuple[str, ...]) -> bool:
    return any(find(config, p) for p in patterns)


def password_complexity(config: str, vendor: str, network: str) -> Item:
    patterns = {
        "huawei": (r"local-aaa-user password policy", r"password-policy", r"password complexity"),
        "h3c": (r"password-control (composition|length)",),
    }.get(vendor.lower(), (r"security passwords min-length", r"password policy (min-size|strong)", r"password-policy"))
    if vendor.lower() == "h3c" and not find(config, r"password-control enable"):
        return Item("password-complexity", False, tr("password control is not enabled"))
    if _any(config, patterns):
        return Item("password-complexity", True, tr("password policy configured"))
    return Item("password-complexity", False, tr("no password complexity policy"))


def login_lockout(config: str, vendor: str, network: str) -> Item:
    patterns = {
        "huawei": (r"local-aaa-user wrong-password retry-interval", r"local-user \S+ (state block|login-failed)"),
        "h3c": (r"password-control login-attempt",),
    }.get(vendor.lower(), (r"aaa local authentication attempts max-fail", r"login block-for", r"password policy .*lock"))
    if _any(config, patterns):
        return Item("login-lockout", True, tr("lockout after failed logins configured"))
    return Item("login-lockout", False, tr("no lockout after failed logins"))


def idle_timeout(config: str, vendor: str, network: str, limit: float = MAX_IDLE_MINUTES) -> Item:
    keyword = "idle-timeout" if _vrp(vendor) else "exec-timeout"
    blocks = vty_blocks(config)
    if not blocks:
        return Item("idle-timeout", None, tr("no VTY lines in the configuration"))
    bad = []
    for block in blocks:
        m = block.has(rf"{keyword}\s+(\d+)(?:\s+(\d+))?")
        minutes = DEFAULT_IDLE_MINUTES if m is None else int(m.group(1)) + int(m.group(2) or 0) / 60
        if minutes == 0 or minutes > limit:
            bad.append(f"{block.header}: {tr('never') if minutes == 0 else f'{minutes:g} min'}")
    if bad:
        return Item("idle-timeout", False, tr("idle timeout off or too long: {where}", where="; ".join(bad)))
    return Item("idle-timeout", True, tr("idle timeout at most {limit:g} minutes", limit=limit))


def syslog(config: str, vendor: str, network: str) -> Item:
    pattern = r"info-center loghost (?!source)\S+" if _vrp(vendor) else r"logging (host )?\d+\.\d+\.\d+\.\d+"
    hosts = find(config, pattern)
    if hosts:
        return Item("syslog", True, tr("{count} log host(s) configured", count=len(hosts)))
    return Item("syslog", False, tr("no log host configured"))


def ntp(config: str, vendor: str, network: str) -> Item:
    pattern = r"ntp-service unicast-server \S+" if _vrp(vendor) else r"ntp server \S+"
    servers = find(config, pattern)
    if servers:
        return Item("ntp", True, tr("{count} NTP server(s) configured", count=len(servers)))
    return Item("ntp", False, tr("no NTP server configured"))


def unused_ports(config: str, vendor: str, network: str) -> Item:
    ports = physical_interfaces(config)
    if not ports:
        return Item("unused-ports", None, tr("no physical interfaces in the configuration"))
    open_unused = []
    for port in ports:
        used = port.has(r"(description|ip address|port (link-type|default vlan|access vlan)|switchport)\b")
        shut = port.has(r"shutdown\s*$") and not port.has(r"(no|undo) shutdown\s*$")
        if not used and not shut:
            open_unused.append(port.header)
    if open_unused:
        shown = ", ".join(open_unused[:5]) + (" …" if len(open_unused) > 5 else "")
        return Item("unused-ports", False, tr("{count} unused port(s) not shut down: {ports}", count=len(open_unused), ports=shown))
    return Item("unused-ports", True, tr("every unused port is shut down"))


RULES: tuple[Callable[[str, str, str], Item], ...] = (
    ssh_only, snmp_restricted, password_complexity, login_lockout, idle_timeout, syslog, ntp, unused_ports,
)


@dataclass(frozen=True)
class BaselineReport:
    items: tuple[Item, ...]

    @property
    def score(self) -> float:
        applicable = [i for i in self.items if i.passed is not None]
        return round(100.0 * sum(1 for i in applicable if i.passed) / len(applicable), 1) if applicable else 100.0

    @property
    def failed(self) -> list[Item]:
        return [i for i in self.items if i.passed is False]


def check_baseline(config: str, vendor: str, network: str = "intranet") -> BaselineReport:
    return BaselineReport(tuple(rule(config, vendor, network) for rule in RULES))
