"""Account administration from the console: add, change role, disable, enable, remove.

Admins only, checked here whatever the caller's screen allows, and every change audited. A change
that would leave accounts but no enabled admin is refused: nobody could manage accounts afterwards
(the OS user is an operator once accounts exist).
"""

from __future__ import annotations

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.accounts.roles import PermissionDenied, Role, parse_role
from egovops.accounts.service import AccountInfo, AccountService
from egovops.audit.log import AuditLog
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.accounts_repo import AccountRow, AccountsRepository
from egovops.storage.database import Database


class AccountAdmin:
    def __init__(self, database: Database) -> None:
        self.service = AccountService(database)
        self.repo = AccountsRepository(database)
        self.audit = AuditLog(database)

    def _allowed(self, by: Operator) -> None:
        """Checked against the store's role of ``by`` now, not the one it signed in with: a console
        stays open for a whole shift, and an admin demoted or disabled meanwhile must lose the right."""
        authorize(self.audit, by, "accounts.manage")
        if self.repo.count() == 0:
            return  # no accounts yet: whoever runs egovops is trusted (see identity.py)
        current = self.service.os_operator(by.name) if by.source == "os" else self._local_now(by)
        authorize(self.audit, Operator(by.name, current.role, by.source), "accounts.manage")

    def _local_now(self, by: Operator) -> Operator:
        account = self.repo.get(by.name)
        if account is None or account.disabled:
            raise PermissionDenied(tr("{who} no longer has an enabled local account", who=by.label()))
        return Operator(by.name, Role(account.role), "local")

    def accounts(self, by: Operator) -> list[AccountInfo]:
        self._allowed(by)
        return self.service.accounts()

    def add(self, by: Operator, name: str, role: str, password: str, repeated: str) -> None:
        self._allowed(by)
        if password != repeated:
            raise ValidationError(tr("the two passwords differ"))
        if self.repo.get(name.strip()) is not None:
            raise ValidationError(tr("an account named {name!r} already exists", name=name.strip()))
        if (self.repo.count() == 0 and by.source == "os" and not self.repo.db.is_shared
                and (name.strip() != by.name or parse_role(role) is not Role.ADMIN)):
            # Once accounts exist an OS user without one is an operator (identity.py): the console,
            # signed in as the OS user, would lose the right to manage the accounts it just began. (On a
            # shared store the OS user is nobody once accounts exist: the console signs in anyway.)
            raise ValidationError(tr("the first local account must be yours ({name}) with the admin role: once accounts "
                                     "exist, OS users without an account are operators", name=by.name))
        if parse_role(role) is not Role.ADMIN and not any(a.role == Role.ADMIN.value and not a.disabled for a in self.repo.all()):
            # Someone must still be admin, or nobody could manage accounts.
            raise ValidationError(tr("the first local account must be an admin, or nobody could manage accounts"))
        self.service.add(by, name, role, password)

    def _keeps_an_admin(self, name: str, role: Role, disabled: bool, removed: bool = False) -> None:
        others = [a for a in self.repo.all() if a.name != name]
        if removed and not others:
            return  # no accounts at all: the OS user is trusted again (single-user install)
        admins = sum(a.role == Role.ADMIN.value and not a.disabled for a in others)
        admins += int(not removed and role is Role.ADMIN and not disabled)
        if admins == 0:
            raise ValidationError(tr("{name} is the last enabled admin account; make another admin first", name=name))

    def _existing(self, name: str) -> AccountRow:
        account = self.repo.get(name)
        if account is None:
            raise NotFoundError(tr("no local account named {name!r}", name=name))
        return account

    def set_role(self, by: Operator, name: str, role: str) -> None:
        self._allowed(by)
        chosen = parse_role(role)
        account = self._existing(name)
        if account.role == chosen.value:
            return
        self._keeps_an_admin(name, chosen, account.disabled)
        with self.audit.change():  # the change and its audit row: all or none
            self.repo.set_role(name, chosen.value)
            self.audit.record(actor=by.label(), role=by.role.value, action="account.role", subject=name,
                              details={"from": account.role, "to": chosen.value})

    def set_disabled(self, by: Operator, name: str, disabled: bool) -> None:
        self._allowed(by)
        account = self._existing(name)
        if account.disabled == disabled:
            return
        self._keeps_an_admin(name, Role(account.role), disabled)
        with self.audit.change():
            self.repo.set_disabled(name, disabled)
            self.audit.record(actor=by.label(), role=by.role.value,
                              action="account.disable" if disabled else "account.enable", subject=name)

    def remove(self, by: Operator, name: str) -> None:
        self._allowed(by)
        account = self._existing(name)
        self._keeps_an_admin(name, Role(account.role), account.disabled, removed=True)
        self.service.remove(by, name)
