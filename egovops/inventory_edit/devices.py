"""Adding, editing and removing one device by hand (the console's device dialog), audited.

The form is checked by the same validation as an import row, plus what a form can promise and a
file cannot: the site and the credential profile already exist, and a new name is not taken. The
name is a device's identity in its configuration history and in the audit trail, so it is fixed
once the device exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.accounts.roles import ACTION_ROLE
from egovops.audit.log import AuditLog
from egovops.credentials.service import CredentialService
from egovops.errors import ValidationError
from egovops.i18n import tr
from egovops.inventory.model import Device, Site
from egovops.inventory.sites import normalise_path
from egovops.inventory.validation import DEVICE_COLUMNS, FieldProblem, device_from_row, device_to_row
from egovops.storage.database import Database
from egovops.storage.inventory_edit_repo import DeviceFootprint, InventoryEditRepository
from egovops.storage.inventory_repo import InventoryRepository

EDIT_ROLE = ACTION_ROLE["inventory.edit"]


def require_editor(operator: Operator, audit: AuditLog, action: str, subject: str) -> None:
    """Refuse an operator below the editing role, and put the refused attempt on record too."""
    authorize(audit, operator, "inventory.import" if action == "inventory.import" else "inventory.edit", subject,
              attempted=action)


class DeviceFormError(ValidationError):
    """The form's problems, each naming its field, so the dialog can show them beside the fields."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("; ".join(f"{p.column}: {p.reason}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class FormChoices:
    """What the device dialog offers: sites for the tree, networks, credential profile names."""

    sites: list[Site]
    networks: list[str]
    profiles: list[str]
    device: Device | None  # the device being edited, None when adding


def _site_path(text: str) -> str:
    """The normalised path, or "" when it is empty or malformed (validation names that already)."""
    try:
        return normalise_path(text) if text.strip() else ""
    except ValueError:
        return ""


class DeviceEditor:
    def __init__(self, database: Database) -> None:
        self.repo = InventoryRepository(database)
        self.edits = InventoryEditRepository(database)
        self.credentials = CredentialService(database)
        self.audit = AuditLog(database)

    def choices(self, editing: str | None = None) -> FormChoices:
        device = self.repo.device(editing) if editing else None
        profiles = [p.name for p in self.credentials.profiles()]  # names only: no keyring access
        return FormChoices(self.repo.sites(), sorted(self.repo.network_names()), profiles, device)

    def check(self, fields: Mapping[str, str], editing: str | None) -> Device:
        """The device the form describes, or DeviceFormError with every problem found."""
        result = device_from_row(fields, self.repo.network_names())
        problems = list(result) if isinstance(result, list) else []
        name = (fields.get("name") or "").strip()
        if editing is None and name and name in self.edits.device_names():
            problems.append(FieldProblem("name", tr("a device named {name!r} already exists", name=name)))
        if editing is not None and name != editing:
            problems.append(FieldProblem("name", tr("the name of an existing device cannot change")))
        site = _site_path(fields.get("site") or "")
        if site and site not in {s.path for s in self.repo.sites()}:
            problems.append(FieldProblem("site", tr("no site {path!r}: choose one from the tree", path=site)))
        profile = (fields.get("credential_profile") or "").strip()
        # A device imported with a profile not (yet) defined keeps it through edits of other fields.
        unchanged = editing is not None and profile == self.repo.device(editing).credential_profile
        if profile and not unchanged and profile not in {p.name for p in self.credentials.profiles()}:
            problems.append(FieldProblem("credential_profile", tr("no credential profile named {name!r}", name=profile)))
        if problems:
            raise DeviceFormError(problems)
        assert isinstance(result, Device)
        return result

    def save(self, operator: Operator, fields: Mapping[str, str], editing: str | None = None) -> Device:
        """Store the form's device (new, or ``editing`` changed) and record it in the audit trail."""
        require_editor(operator, self.audit, "inventory.device.edit" if editing else "inventory.device.add",
                       editing or (fields.get("name") or "").strip())
        device = self.check({c: fields.get(c, "") for c in DEVICE_COLUMNS}, editing)
        before = device_to_row(self.repo.device(editing)) if editing else None
        after = device_to_row(device)
        if before is None:
            action, details = "inventory.device.add", {"device": after}
        else:
            changes = {k: [before[k], after[k]] for k in DEVICE_COLUMNS if before[k] != after[k]}
            action, details = "inventory.device.edit", {"changes": changes}
        with self.audit.change():  # the edit and its audit row: all or none
            self.repo.save_devices([device])
            self.audit.record(actor=operator.label(), role=operator.role.value, action=action, subject=device.name,
                              details=details)
        return device

    def footprint(self, name: str) -> DeviceFootprint:
        return self.edits.device_footprint(name)

    def remove(self, operator: Operator, name: str) -> DeviceFootprint:
        """Remove the device; its links, state history, alarms and samples go with it (cascade)."""
        require_editor(operator, self.audit, "inventory.device.remove", name)
        gone = self.edits.device_footprint(name)
        device = self.repo.device(name)
        with self.audit.change():
            self.repo.remove_device(name)
            self.audit.record(
                actor=operator.label(), role=operator.role.value, action="inventory.device.remove", subject=name,
                details={"device": device_to_row(device), "deleted": asdict(gone)},
            )
        return gone
