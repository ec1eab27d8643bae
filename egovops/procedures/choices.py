"""What a console shows about the installed procedures before a run: names, risk, who may run it, targets.

Everything here is read-only and contacts no device: the console builds its procedure list, its
role checks and its "N devices" count from these, on a worker thread where the store is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from egovops.accounts.identity import Operator
from egovops.accounts.roles import RISK_ROLE, Role, role_label
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.polling.discovered import known_devices
from egovops.procedures.manifest import Manifest, Risk, TargetFilter
from egovops.procedures.parameters import ParameterSpec
from egovops.procedures.registry import ProcedureRegistry
from egovops.procedures.selector import parse_selector
from egovops.storage.database import Database
from egovops.storage.inventory_repo import InventoryRepository


@dataclass(frozen=True)
class ProcedureChoice:
    id: str
    version: str
    name: str  # in the language asked for
    description: str
    risk: Risk
    needed_role: Role
    parameters: tuple[ParameterSpec, ...]
    targets: TargetFilter


def procedure_choices(registry: ProcedureRegistry, lang: str | None = None) -> list[ProcedureChoice]:
    """The installed procedures, named in ``lang``: read-only ones first, then those that change
    devices, each group by name (so the list never opens on one that changes devices)."""
    choices = [_choice(p.manifest, lang) for p in registry.all()]
    order = list(Risk)
    return sorted(choices, key=lambda c: (order.index(c.risk), c.name))


def _choice(manifest: Manifest, lang: str | None) -> ProcedureChoice:
    return ProcedureChoice(manifest.id, manifest.version, manifest.name(lang), manifest.description(lang), manifest.risk,
                           RISK_ROLE[manifest.risk.value], manifest.parameters, manifest.targets)


def refusal(operator: Operator, choice: ProcedureChoice, dry_run: bool) -> str | None:
    """Why this operator may not run this procedure (the runner refuses likewise), or None."""
    if dry_run or operator.role.at_least(choice.needed_role):
        return None  # a dry run contacts no device: anyone may see what it would do
    return tr("{who} ({role}) may not run {name}: it needs the {needed} role or higher",
              who=operator.label(), role=role_label(operator.role), name=choice.name, needed=role_label(choice.needed_role))


def needs_confirmation(risk: Risk) -> bool:
    """Anything that changes a device is confirmed by the operator; the runner insists for disruptive ones."""
    return risk is not Risk.READ_ONLY


@dataclass(frozen=True)
class TargetPreview:
    selector: str
    targets: tuple[str, ...]  # devices the procedure will work on
    excluded: tuple[tuple[str, str], ...]  # (device, why it will be skipped)
    problem: str = ""  # the selector is wrong or matches nothing

    @property
    def total(self) -> int:
        return len(self.targets) + len(self.excluded)


def preview_targets(database: Database, choice: ProcedureChoice | None, selector: str) -> TargetPreview:
    """Which devices ``selector`` chooses and which of them the procedure will skip (reads the store)."""
    try:
        parsed = parse_selector(selector)
    except ValidationError as exc:
        return TargetPreview(selector, (), (), str(exc))
    chosen = [d for d in known_devices(database) if parsed.matches(d)]
    if not chosen:
        return TargetPreview(selector, (), (), tr("target selector {text!r} matches no device in the inventory", text=selector))
    targets, excluded = [], []
    for device in chosen:
        reason = choice.targets.refusal(device.vendor, device.role.value, device.network) if choice else None
        (excluded.append((device.name, reason)) if reason else targets.append(device.name))
    return TargetPreview(selector, tuple(targets), tuple(excluded))


def selector_for_devices(names: list[str]) -> str:
    """A selector naming exactly these devices (names carry no commas or spaces: the inventory refuses them)."""
    return ",".join(names)


def selector_for_site(path: str) -> str:
    """The whole site and everything under it; the province root means every device."""
    return f"site:{path}" if path else "all"


def city_selector(database: Database, names: tuple[str, ...] | list[str]) -> str:
    """The whole city (second level of the site path) of each named device, as one selector.

    An engineer looking at one switch often wants the same check on everything in its city; devices
    at the province level stand for their own site. Several cities become alternatives (OR).
    """
    wanted = set(names)
    cities = {"/".join(d.site.split("/")[:2]) for d in InventoryRepository(database).devices() if d.name in wanted}
    if not cities:
        raise ValidationError(tr("none of these devices is in the inventory: {names}", names=", ".join(sorted(wanted)) or "-"))
    return ",".join(f"site:{city}" for city in sorted(cities))


def runs_folder(database: Database) -> Path:
    """Where a run's files go: ``runs/`` beside the store, as the command line puts them."""
    location = database.engine.url.database
    if not location or location == ":memory:":
        raise ValidationError(tr("the store is in memory: there is no folder for the run's files"))
    return Path(location).resolve().parent / "runs"
