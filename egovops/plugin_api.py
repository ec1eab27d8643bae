"""The public API for maintenance procedures — the ONLY module a plugin imports from egovops.

A plugin is a package with a ``manifest.yaml`` (validated before the package is imported) and a
module-level ``run(context) -> TargetResult``, registered in its distribution's metadata::

    [project.entry-points."egovops.plugins"]
    my-check = "my_package.my_check"        # the entry point's name is the manifest's id

``run`` is called once per target device, in a thread of its own, with a ``RunContext``:

- ``context.device`` (name, address, vendor, role, network, site, tags…), ``context.params``
  (declared parameters, typed, defaults filled in), ``context.dry_run``, ``context.run_id``;
- ``context.ssh()`` → a session with ``.run(command) -> str`` (paging already off, host key
  verified) and ``.profile.show_running``; ``context.snmp()`` → ``.get(oids)`` / ``.walk(oid)``;
  both refuse to connect in a dry run (``DryRunViolation``) — check ``context.dry_run`` first;
- ``context.log`` (a logger), ``context.progress(fraction, message)``, ``context.cancelled``,
  ``context.check_cancelled()``, ``context.sleep(seconds)`` (wakes on cancel), ``context.now()``;
- ``context.save_config(text, command)`` → ``SavedConfig`` (masked version, diff against the
  previous one), ``context.artefact(name, content)`` → path of a file kept with the run.

Return ``ok(message, data)``, ``failed(message, data)`` or ``skipped(message)``; raising fails only
this target. An optional module-level ``summarise(outcomes) -> dict`` condenses the whole run.
"""

from egovops.configs.masking import mask_secrets
from egovops.configs.store import SavedConfig
from egovops.errors import EgovopsError
from egovops.i18n import language, tr
from egovops.inventory.model import Device, DeviceRole
from egovops.procedures.cancel import Cancelled
from egovops.procedures.context import DryRunViolation, RunContext
from egovops.procedures.result import Status, TargetOutcome, TargetResult, failed, ok, skipped

API_VERSION = 1


class ProcedureError(EgovopsError):
    """Raise from a plugin to fail the current target with a clear message."""


def __getattr__(name: str) -> object:
    # SSH/SNMP error classes are loaded on first use, so importing the API stays light.
    if name in ("SshError", "SshCommandError", "SshTimeoutError"):
        import egovops.ssh as ssh

        return getattr(ssh, name)
    if name in ("SnmpError", "SnmpTimeout", "SnmpNoSuchObject"):
        import egovops.snmp as snmp

        return getattr(snmp, name)
    raise AttributeError(name)


__all__ = [
    "API_VERSION", "Cancelled", "Device", "DeviceRole", "DryRunViolation", "EgovopsError", "ProcedureError", "RunContext",
    "SavedConfig", "SnmpError", "SnmpNoSuchObject", "SnmpTimeout", "SshCommandError", "SshError", "SshTimeoutError",
    "Status", "TargetOutcome", "TargetResult", "failed", "language", "mask_secrets", "ok", "skipped", "tr",
]
