"""Vendor CLI emulator: Huawei VRP, H3C Comware, Ruijie RGOS, ZTE ZXROS and Cisco IOS.

``VendorCli(DeviceSpec(vendor, hostname, weaknesses=…)).handle(command)`` answers a command as the
device would, from a running configuration generated per device (sysname, interfaces named by
``egovops.simulator.naming``, AAA, SNMP, SSH, NTP, syslog, VTY lines). ``DeviceSpec.weaknesses`` makes a
device fail chosen items of the graded-protection baseline (see ``spec.WEAKNESSES``).
``python -m egovops.simulator.shell --vendor V --hostname H`` is the login shell used as OpenSSH's
ForceCommand by the tests, the demo and the SSH benchmark.
"""

from egovops.simulator.cli import Reply, VendorCli
from egovops.simulator.spec import VENDORS, WEAKNESSES, DeviceSpec, parse_weaknesses

__all__ = ["DeviceSpec", "Reply", "VENDORS", "VendorCli", "WEAKNESSES", "parse_weaknesses"]
