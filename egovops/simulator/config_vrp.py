"""Running configurations of Huawei VRP and H3C Comware devices, consistent with the emulated CLI."""

from __future__ import annotations

from egovops.simulator.naming import interface_name
from egovops.simulator.spec import DeviceSpec

NTP_SERVER = "10.255.0.1"
LOG_HOST = "10.255.0.10"


def _interfaces(spec: DeviceSpec, comware: bool) -> list[str]:
    lines: list[str] = []
    for n in range(1, spec.ports + 1):
        lines.append(f"interface {interface_name(spec.vendor, n)}")
        if comware:
            lines.append(" port link-mode bridge")
        if n <= spec.used_ports:
            lines.append(f" description to-{spec.hostname}-peer-{n}")
        elif not spec.weak("unused-ports-up"):
            lines.append(" shutdown")
        lines.append("#")
    return lines


def huawei_config(spec: DeviceSpec) -> str:
    lines = ["!Software Version V200R019C10SPC500", "#", f" sysname {spec.hostname}", "#"]
    if not spec.weak("no-syslog"):
        lines += [" info-center loghost source LoopBack0", f" info-center loghost {LOG_HOST}", "#"]
    lines += [" clock timezone BJ add 08:00:00", "#"]
    if not spec.weak("no-ntp"):
        lines += [f" ntp-service unicast-server {NTP_SERVER}", "#"]
    lines += ["aaa", f" local-user admin password irreversible-cipher $1c${spec.token('admin', 40)}$",
              " local-user admin privilege level 15", " local-user admin service-type ssh"]
    if not spec.weak("no-lockout"):
        lines += [" local-aaa-user wrong-password retry-interval 5 retry-time 5 block-time 15",
                  " local-aaa-user password policy administrator", "  password history record number 5",
                  "  password expire 90"]
    lines += ["#"] + _interfaces(spec, comware=False)
    lines += ["interface LoopBack0", " ip address 10.254.0.1 255.255.255.255", "#", "snmp-agent",
              f"snmp-agent local-engineid 800007DB03{spec.token('engine', 12).upper()}"]
    if spec.weak("snmp-v2c-weak"):
        lines += ["snmp-agent community read cipher public", "snmp-agent sys-info version v2c v3"]
    else:
        lines += ["snmp-agent sys-info version v3", "snmp-agent group v3 egov-ops privacy",
                  f"snmp-agent usm-user v3 egovops egov-ops authentication-mode sha cipher %^%#{spec.token('auth', 32)}%^%# "
                  f"privacy-mode aes128 cipher %^%#{spec.token('priv', 32)}%^%#"]
    lines += ["#", "stelnet server enable", "ssh user admin authentication-type password", "ssh user admin service-type stelnet"]
    if spec.weak("telnet"):
        lines.append("telnet server enable")
    lines += ["#", "user-interface con 0", " authentication-mode aaa", "user-interface vty 0 4", " authentication-mode aaa",
              " protocol inbound " + ("all" if spec.weak("telnet") else "ssh"),
              " idle-timeout " + ("0 0" if spec.weak("no-idle-timeout") else "10 0"), "#", "return"]
    return "\n".join(lines)


def h3c_config(spec: DeviceSpec) -> str:
    lines = ["#", " version 7.1.064, Release 0821P11", "#", f" sysname {spec.hostname}", "#",
             " clock timezone BJ add 08:00:00", "#"]
    if spec.weak("telnet"):
        lines += [" telnet server enable", "#"]
    if not spec.weak("no-lockout"):
        lines += [" password-control enable", " password-control length 8",
                  " password-control composition type-number 3 type-length 1",
                  " password-control login-attempt 5 exceed lock-time 10", "#"]
    if not spec.weak("no-syslog"):
        lines += [" info-center loghost 10.255.0.10", "#"]
    if not spec.weak("no-ntp"):
        lines += [" ntp-service enable", f" ntp-service unicast-server {NTP_SERVER}", "#"]
    lines += _interfaces(spec, comware=True)
    lines += ["interface LoopBack0", " ip address 10.254.0.1 255.255.255.255", "#", " snmp-agent",
              f" snmp-agent local-engineid 800063A280{spec.token('engine', 12).upper()}"]
    if spec.weak("snmp-v2c-weak"):
        lines += [" snmp-agent community read simple public", " snmp-agent sys-info version v2c v3"]
    else:
        lines += [" snmp-agent sys-info version v3", " snmp-agent group v3 egov-ops privacy",
                  f" snmp-agent usm-user v3 egovops egov-ops cipher authentication-mode sha $c$3${spec.token('auth', 32)} "
                  f"privacy-mode aes128 $c$3${spec.token('priv', 32)}"]
    lines += ["#", " ssh server enable", "#", "line vty 0 63", " authentication-mode scheme",
              " protocol inbound " + ("all" if spec.weak("telnet") else "ssh"),
              " idle-timeout " + ("0 0" if spec.weak("no-idle-timeout") else "10 0"), "#",
              "local-user admin class manage", f" password hash $h$6${spec.token('admin', 40)}",
              " service-type ssh", " authorization-attribute user-role network-admin", "#", "return"]
    return "\n".join(lines)
