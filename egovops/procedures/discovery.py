"""Finding plugins through the ``egovops.plugins`` entry-point group.

For each entry point the manifest is read and validated BEFORE the plugin's module runs: the
module is located with ``importlib.util.find_spec`` (which imports only its parent packages) and
its ``manifest.yaml`` read through the module's loader. The code is not imported here: the registry
imports it when the procedure is first shown in detail or run (``ProcedureRegistry.get``), and
checks its ``run`` callable then. Any failure of a third-party plugin is collected as a problem
naming the entry point and its distribution; discovery itself never raises for one bad plugin.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

import yaml

from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.procedures.manifest import Manifest, parse_manifest
from egovops.procedures.registry import (
    DiscoveryProblem,
    ListedProcedure,
    LoadedProcedure,
    PluginLoadError,
    ProcedureRegistry,
)

GROUP = "egovops.plugins"
MANIFEST_FILE = "manifest.yaml"


def _source(ep: EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    owner = f" ({dist.name} {dist.version})" if dist is not None else ""
    return f"{ep.name} = {ep.value}{owner}"


def read_manifest(module_name: str) -> Manifest:
    """The validated manifest of a plugin module, without executing that module."""
    try:
        spec = importlib.util.find_spec(module_name)
    except (ImportError, ValueError) as exc:
        raise ValidationError(tr("cannot locate module {module}: {error}", module=module_name, error=exc)) from None
    if spec is None or spec.origin is None or spec.loader is None:
        raise ValidationError(tr("module {module} is not installed", module=module_name))
    if spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], MANIFEST_FILE)
    else:
        path = os.path.splitext(spec.origin)[0] + "." + MANIFEST_FILE
    try:
        raw = spec.loader.get_data(path)  # type: ignore[attr-defined]
    except OSError:
        raise ValidationError(tr("module {module} has no {file}", module=module_name, file=os.path.basename(path))) from None
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValidationError(tr("{file} is not valid UTF-8 YAML: {error}", file=path, error=exc)) from None
    return parse_manifest(data, path)


def _validated_manifest(ep: EntryPoint) -> Manifest:
    manifest = read_manifest(ep.module)
    if manifest.id != ep.name:
        raise ValidationError(tr("entry point {name} declares a manifest with id {id}", name=ep.name, id=manifest.id))
    return manifest


def _import(ep: EntryPoint, manifest: Manifest) -> LoadedProcedure:
    """The plugin's code; any failure becomes a ``PluginLoadError`` naming it, never a traceback."""
    stage = "import"
    try:
        module = importlib.import_module(ep.module)
        run = ep.load() if ep.attr else getattr(module, "run", None)
        stage = "interface"
        if not callable(run):
            raise ValidationError(tr("{module} has no callable run(context)", module=ep.value))
    except Exception as exc:  # noqa: BLE001 - whatever a third-party module raises while importing
        message = str(exc) if isinstance(exc, ValidationError) else f"{type(exc).__name__}: {exc}"
        raise PluginLoadError(DiscoveryProblem(ep.name, _source(ep), stage, message)) from None
    summarise = getattr(module, "summarise", None)
    return LoadedProcedure(manifest, run, summarise if callable(summarise) else None, _source(ep))


def discover(found: Iterable[EntryPoint] | None = None) -> ProcedureRegistry:
    """A registry listing every plugin whose manifest is valid (its code not yet imported); the
    others are in ``registry.problems``."""
    registry = ProcedureRegistry()
    points = list(found if found is not None else entry_points(group=GROUP))
    for ep in sorted(points, key=lambda p: p.name):
        stage = "manifest"
        try:
            manifest = _validated_manifest(ep)
            stage = "duplicate"
            registry.add_listed(ListedProcedure(manifest, _source(ep), functools.partial(_import, ep, manifest)))
        except Exception as exc:  # noqa: BLE001 - a broken third-party plugin must not stop the others
            message = str(exc) if isinstance(exc, ValidationError) else f"{type(exc).__name__}: {exc}"
            registry.problems.append(DiscoveryProblem(ep.name, _source(ep), stage, message))
    return registry
