"""Running configurations of Cisco IOS, Ruijie RGOS and ZTE ZXROS devices (``hostname#`` CLIs)."""

from __future__ import annotations

from egovops.simulator.naming import interface_name
from egovops.simulator.config_vrp import LOG_HOST, NTP_SERVER
from egovops.simulator.spec import DeviceSpec

_VERSIONS = {"cisco": "version 15.2", "ruijie": "version RGOS 11.4(1)B12", "zte": "version ZXROS V4.08.23"}


def _interfaces(spec: DeviceSpec) -> list[str]:
    lines: list[str] = []
    for n in range(1, spec.ports + 1):
        lines.append(f"interface {interface_name(spec.vendor, n)}")
        if n <= spec.used_ports:
            lines.append(f" description to-{spec.hostname}-peer-{n}")
            lines.append(" no shutdown")
        elif not spec.weak("unused-ports-up"):
            lines.append(" shutdown")
        lines.append("!")
    return lines


def ios_config(spec: DeviceSpec) -> str:
    body = ["!", _VERSIONS[spec.vendor], "service password-encryption", "!", f"hostname {spec.hostname}", "!"]
    if not spec.weak("no-syslog"):
        body += [f"logging host {LOG_HOST}", "logging trap informational", "!"]
    body += ["aaa new-model", "aaa authentication login default local"]
    if not spec.weak("no-lockout"):
        body += ["aaa local authentication attempts max-fail 5", "security passwords min-length 8"]
    body += ["!", f"enable secret 9 $9${spec.token('enable', 43)}",
             f"username admin privilege 15 secret 9 $9${spec.token('admin', 43)}", "!",
             "ip ssh version 2", "!", "clock timezone BJ 8 0"]
    if not spec.weak("no-ntp"):
        body += [f"ntp server {NTP_SERVER}"]
    body += ["!"] + _interfaces(spec)
    if spec.weak("snmp-v2c-weak"):
        body += ["snmp-server community public RO"]
    else:
        body += ["snmp-server group egov-ops v3 priv", "snmp-server view egov-view iso included"]
    body += ["!", "line con 0", " login authentication default", "line vty 0 15", " login authentication default",
             " exec-timeout " + ("0 0" if spec.weak("no-idle-timeout") else "10 0"),
             " transport input " + ("telnet ssh" if spec.weak("telnet") else "ssh"), "!", "end"]
    text = "\n".join(body)
    if spec.vendor == "cisco":
        return f"Building configuration...\n\nCurrent configuration : {len(text)} bytes\n{text}"
    return f"Building configuration...\nCurrent configuration : {len(text)} bytes\n\n{text}"
