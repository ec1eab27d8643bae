"""SNMP access layer: the one way the product talks SNMP (pysnmp 7, asyncio).

Stable API (other areas — topology, procedures, demo — use exactly this)::

    from egovops.snmp import SnmpClient, SnmpTarget, target_for_device

    client = SnmpClient()                       # shares the process-wide SnmpLoop (a thread)
    target = target_for_device(device, credential_service, timeout=2.0, retries=1)
    # or SnmpTarget(name, address, port, version="2c", community=Secret("…"))
    # or SnmpTarget(name, address, port, version="3", user="u", auth_protocol="SHA-256",
    #               auth_key=Secret("…"), priv_protocol="AES-128", priv_key=Secret("…"))
    client.register(targets)                    # optional, but do it up front for many targets
    client.get(target, ["1.3.6.1.2.1.1.1.0"])   # -> {"1.3.6.1.2.1.1.1.0": "Linux …"}
    client.get(target, oids, missing_ok=True)   # missing OIDs left out instead of raising
    client.walk(target, "1.3.6.1.2.1.2.2.1.2")  # -> [("1.3.6.1.2.1.2.2.1.2.1", "lo"), …]
    client.walk_columns(target, [col_a, col_b])  # -> {col_a: {"1": v, …}, col_b: {…}} (one walk)

    # inside the loop (coroutines):  await client.aget(...), await client.awalk(...)
    # from sync code: client.snmp_loop.run(coro) or client.snmp_loop.submit(coro) -> Future

OIDs are numeric dotted strings, without MIB lookups. Values are plain Python: ``int`` for every
integer type (Counter64, Gauge, TimeTicks in hundredths), ``str`` for octet strings that are text
in UTF-8 or GBK, ``bytes`` for binary ones (pass ``raw=True`` to get every octet string as bytes,
e.g. for MAC addresses), dotted ``str`` for OIDs and IP addresses. Walks stay inside the subtree.

Errors (all ``SnmpError``, an ``EgovopsError``, with ``.device`` naming the device):
``SnmpTimeout`` (no answer — dead agent or, for v2c, a wrong community: agents drop those
silently), ``SnmpAuthError`` (v3 user, keys or level rejected), ``SnmpNoSuchObject`` (``.oids``),
``SnmpMalformedReply`` (a reply that does not answer the request).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Loaded on first use: pysnmp costs about 0.5 s to import, and modules that only need the value
# helpers (topology's identifiers, hence the console's overview) must not pay for it.
_HOMES = {
    "SnmpClient": "client", "SnmpAuthError": "errors", "SnmpError": "errors", "SnmpMalformedReply": "errors",
    "SnmpNoSuchObject": "errors", "SnmpTimeout": "errors", "SnmpLoop": "loop", "shared_loop": "loop",
    "SnmpTarget": "target", "target_for_device": "target", "target_from_credentials": "target",
    "SnmpValue": "values", "decode_text": "values",
}
__all__ = sorted(_HOMES)

if TYPE_CHECKING:
    from egovops.snmp.client import SnmpClient
    from egovops.snmp.errors import SnmpAuthError, SnmpError, SnmpMalformedReply, SnmpNoSuchObject, SnmpTimeout
    from egovops.snmp.loop import SnmpLoop, shared_loop
    from egovops.snmp.target import SnmpTarget, target_for_device, target_from_credentials
    from egovops.snmp.values import SnmpValue, decode_text


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'egovops.snmp' has no attribute {name!r}")
    value = getattr(import_module(f"egovops.snmp.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
