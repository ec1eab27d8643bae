"""Adding, renaming and removing sites of the hierarchy (province → city → county → department), audited.

A site that still holds devices is never removed. Maintenance windows and polling overrides name
sites by path, so a site they name is neither renamed nor removed: that would silently change
what they apply to.
"""

from __future__ import annotations

from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory_edit.devices import require_editor
from egovops.inventory.model import Site, SiteKind
from egovops.inventory.sites import SEPARATOR, ancestors, infer_kind, normalise_path, split_path
from egovops.storage.database import Database
from egovops.storage.inventory_edit_repo import InventoryEditRepository, SiteUsage
from egovops.storage.inventory_repo import InventoryRepository
from egovops.polling.settings_repo import PollingSettingsRepository

# The kind a new site most likely has below a parent of each kind (the dialog's default).
CHILD_KIND = {
    None: SiteKind.PROVINCE,
    SiteKind.PROVINCE: SiteKind.CITY,
    SiteKind.CITY: SiteKind.COUNTY,
    SiteKind.COUNTY: SiteKind.DEPARTMENT,
    SiteKind.DEPARTMENT: SiteKind.DEPARTMENT,
    SiteKind.DATACENTRE: SiteKind.DEPARTMENT,
}


# Where the hierarchy's fixed levels may stand; departments and data centres may stand anywhere.
PARENT_KIND = {SiteKind.PROVINCE: None, SiteKind.CITY: SiteKind.PROVINCE, SiteKind.COUNTY: SiteKind.CITY}


def check_level(kind: SiteKind, parent: Site | None) -> None:
    if kind not in PARENT_KIND or PARENT_KIND[kind] == (parent.kind if parent else None):
        return
    messages = {
        SiteKind.PROVINCE: "a province is a top-level site",
        SiteKind.CITY: "a city belongs directly below a province",
        SiteKind.COUNTY: "a county belongs directly below a city",
    }
    raise ValidationError(tr(messages[kind]))


def check_site_name(name: str) -> str:
    value = name.strip()
    if not value:
        raise ValidationError(tr("the site name is empty"))
    if SEPARATOR in value:
        raise ValidationError(tr("a site name cannot contain '{separator}'", separator=SEPARATOR))
    try:
        split_path(value)  # control characters and length, as at import
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    return value


def default_kind(parent: Site | None) -> SiteKind:
    return CHILD_KIND.get(parent.kind if parent else None, SiteKind.DEPARTMENT)


class SiteEditor:
    def __init__(self, database: Database) -> None:
        self.repo = InventoryRepository(database)
        self.edits = InventoryEditRepository(database)
        self.polling = PollingSettingsRepository(database)
        self.audit = AuditLog(database)

    def sites(self) -> list[Site]:
        return self.repo.sites()

    def sites_with_devices(self) -> list[tuple[Site, int]]:
        """Every site with the number of devices in it and below it (what keeps it from removal)."""
        totals: dict[str, int] = {}
        for path, n in self.edits.devices_at().items():
            for step in ancestors(path):
                totals[step] = totals.get(step, 0) + n
        return [(site, totals.get(site.path, 0)) for site in self.repo.sites()]

    def usage(self, path: str) -> SiteUsage:
        return self.edits.site_usage(path)

    def add(self, operator: Operator, parent: str | None, name: str, kind: SiteKind | None = None) -> Site:
        require_editor(operator, self.audit, "inventory.site.add", f"{parent}/{name}" if parent else name)
        path = check_site_name(name) if parent is None else f"{normalise_path(parent)}{SEPARATOR}{check_site_name(name)}"
        site = Site(path, kind or infer_kind(path))
        check_level(site.kind, next((s for s in self.repo.sites() if s.path == site.parent_path), None))
        with self.audit.change():  # the edit and its audit row: all or none
            self.edits.add_site(site)
            self._record(operator, "inventory.site.add", path, {"kind": site.kind.value})
        return site

    def rename(self, operator: Operator, path: str, new_name: str) -> str:
        require_editor(operator, self.audit, "inventory.site.rename", path)
        path = normalise_path(path)
        self._refuse_if_named_elsewhere(path, renaming=True)
        parent = path.rsplit(SEPARATOR, 1)[0] + SEPARATOR if SEPARATOR in path else ""
        new_path = parent + check_site_name(new_name)
        if new_path == path:
            return path
        with self.audit.change():
            renamed = self.edits.rename_site(path, new_path)
            self._record(operator, "inventory.site.rename", path, {"new_path": new_path, "sites_renamed": renamed})
        return new_path

    def remove(self, operator: Operator, path: str) -> int:
        """Remove an empty site and its empty sub-sites; returns how many sites were removed."""
        require_editor(operator, self.audit, "inventory.site.remove", path)
        path = normalise_path(path)
        self.removal_check(path)
        with self.audit.change():
            removed = self.edits.remove_site(path)
            self._record(operator, "inventory.site.remove", path, {"sites_removed": removed})
        return removed

    def removal_check(self, path: str) -> SiteUsage:
        """What the site holds, or ValidationError saying why it cannot be removed (asked before confirming)."""
        path = normalise_path(path)
        usage = self.edits.site_usage(path)
        if usage.devices:
            raise ValidationError(tr(
                "site {path} still holds {n} devices (in it or below it): move or remove them first",
                path=path, n=usage.devices,
            ))
        self._refuse_if_named_elsewhere(path, renaming=False)
        return usage

    def _refuse_if_named_elsewhere(self, path: str, renaming: bool) -> None:
        windows = self.edits.site_usage(path).maintenance_windows
        prefix = f"site:{path}"
        overrides = [k for k in self.polling.polling().overrides if k == prefix or k.startswith(prefix + SEPARATOR)]
        if not (windows or overrides):
            return
        if renaming:
            message = "site {path} cannot be renamed: {windows} maintenance windows and {overrides} polling overrides name it; change those first"
        else:
            message = "site {path} cannot be removed: {windows} maintenance windows and {overrides} polling overrides name it; change those first"
        raise ValidationError(tr(message, path=path, windows=windows, overrides=len(overrides)))

    def _record(self, operator: Operator, action: str, path: str, details: dict[str, object]) -> None:
        self.audit.record(actor=operator.label(), role=operator.role.value, action=action, subject=path, details=details)
