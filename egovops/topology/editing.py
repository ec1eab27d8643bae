"""Changes to the topology an operator asks for (map positions, layout, poller location): each
role-checked and audited by the same guard as every other write."""

from __future__ import annotations

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.credentials.service import CredentialService
from egovops.storage.database import Database
from egovops.topology.service import TopologyService


class TopologyEditor:
    def __init__(self, database: Database, credentials: CredentialService | None = None) -> None:
        self.service = TopologyService(database, credentials or CredentialService(database))
        self.audit = AuditLog(database)

    def _record(self, by: Operator, action: str, subject: str, details: dict[str, object]) -> None:
        self.audit.record(actor=by.label(), role=by.role.value, action=action, subject=subject, details=details)

    def set_poller_location(self, by: Operator, names: list[str]) -> None:
        authorize(self.audit, by, "topology.poller-location", ",".join(names))
        before = self.service.poller_location()
        with self.audit.change():  # the change and its audit row: all or none
            self.service.set_poller_location(names)
            self._record(by, "topology.poller-location", ",".join(names), {"from": before, "to": names})

    def relayout(self, by: Operator) -> int:
        authorize(self.audit, by, "topology.layout", "*")
        with self.audit.change():
            placed = self.service.relayout()
            self._record(by, "topology.layout", "*", {"placed": placed})
        return placed

    def move(self, by: Operator, device: str, x: float, y: float) -> None:
        authorize(self.audit, by, "topology.move", device)
        network = self.service.inventory.device(device).network
        with self.audit.change():
            self.service.repo.move(device, network, x, y)
            self._record(by, "topology.move", device, {"x": x, "y": y})
