"""Maintenance procedures: manifests, discovery of plugins, target selection and the runner.

Plugins never import this package; they import ``egovops.plugin_api``. The command line and the
console use::

    registry = discover()                                  # manifests only; problems in registry.problems
    runner = ProcedureRunner(registry, RunServices(db, operator, artefact_root), RunCallbacks(...))
    report = runner.run(RunRequest("config-backup", "vendor:huawei", {}), cancel_token)

``run`` blocks until every target is done: the console calls it from a worker thread. Callbacks
(``on_targets``, ``on_progress``, ``on_result``) and the host-key decision
(``RunServices(trust_new_host_key=callable)``, given an ``OfferedHostKey``) are called from the
runner's worker threads, possibly several at once: a GUI marshals them to its own thread (Qt
signals) and answers the host-key question from there. ``CancelToken.cancel()`` may be called from
any thread.
"""

from egovops.procedures.cancel import Cancelled, CancelToken
from egovops.procedures.discovery import GROUP, discover, read_manifest
from egovops.procedures.manifest import Manifest, ManifestError, Risk, parse_manifest
from egovops.procedures.registry import (
    DiscoveryProblem,
    ListedProcedure,
    LoadedProcedure,
    PluginLoadError,
    ProcedureRegistry,
)
from egovops.procedures.result import RunReport, Status, TargetOutcome, TargetResult
from egovops.procedures.runner import ConfirmationRequired, ProcedureRunner, RunCallbacks, RunRequest
from egovops.procedures.services import RunServices, SshLimits

__all__ = [
    "GROUP", "CancelToken", "Cancelled", "ConfirmationRequired", "DiscoveryProblem", "ListedProcedure",
    "LoadedProcedure", "Manifest", "ManifestError", "PluginLoadError", "ProcedureRegistry", "ProcedureRunner", "Risk",
    "RunCallbacks", "RunReport", "RunRequest",
    "RunServices", "SshLimits", "Status", "TargetOutcome", "TargetResult", "discover", "parse_manifest", "read_manifest",
]
