"""Local accounts: sign in, add, remove, list — every change and every failed sign-in audited."""

from __future__ import annotations

import time
from dataclasses import dataclass

from egovops.accounts.identity import Operator, os_user_name
from egovops.accounts.passwords import check_strength, hash_password, verify_password
from egovops.accounts.guard import authorize
from egovops.accounts.roles import Role, parse_role
from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError, NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.accounts_repo import AccountsRepository
from egovops.storage.database import Database


MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


class AuthenticationError(EgovopsError):
    """A local account name or password was wrong (never says which)."""


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: Role
    created_at: float
    disabled: bool


class AccountService:
    def __init__(self, database: Database) -> None:
        self.repo = AccountsRepository(database)
        self.audit = AuditLog(database)

    def os_operator(self, user: str | None = None) -> Operator:
        name = user or os_user_name()
        if self.repo.count() == 0:
            return Operator(name, Role.ADMIN, "os")
        account = self.repo.get(name)
        if account and not account.disabled:
            return Operator(name, Role(account.role), "os")
        return Operator(name, Role.OPERATOR, "os")

    def sign_in(self, name: str, password: str) -> Operator:
        # 等保 2.0 asks the console itself to lock out repeated failures: the audit trail is the counter.
        since = time.time() - LOCKOUT_SECONDS
        if self.audit.repo.count_since("account.sign-in-failed", name, since) >= MAX_FAILURES:
            raise AuthenticationError(tr("account {name} is locked for {minutes} minutes after {n} failed sign-ins",
                                         name=name, minutes=LOCKOUT_SECONDS // 60, n=MAX_FAILURES))
        account = self.repo.get(name)
        if account is None or account.disabled or not verify_password(password, account.password_hash):
            self.audit.record(actor=f"local:{name}", role="", action="account.sign-in-failed", subject=name,
                              details={"os_user": os_user_name()})
            raise AuthenticationError(tr("sign-in as {name} failed: unknown account or wrong password", name=name))
        return Operator(name, Role(account.role), "local")

    def add(self, by: Operator, name: str, role: str, password: str) -> None:
        authorize(self.audit, by, "accounts.manage", name.strip(), attempted="account.save")
        if not name.strip() or ":" in name:
            raise ValidationError(tr("account name {name!r} must be non-empty and contain no ':'", name=name))
        chosen = parse_role(role)
        check_strength(password)
        hashed = hash_password(password)  # slow on purpose: not while holding the store's write lock
        with self.audit.change():  # the account and its audit row: all or none
            self.repo.save(name.strip(), chosen.value, hashed)
            self.audit.record(actor=by.label(), role=by.role.value, action="account.save", subject=name.strip(),
                              details={"role": chosen.value})

    def remove(self, by: Operator, name: str) -> None:
        authorize(self.audit, by, "accounts.manage", name, attempted="account.remove")
        with self.audit.change():
            if not self.repo.remove(name):
                raise NotFoundError(tr("no local account named {name!r}", name=name))
            self.audit.record(actor=by.label(), role=by.role.value, action="account.remove", subject=name)

    def accounts(self) -> list[AccountInfo]:
        return [AccountInfo(a.name, Role(a.role), a.created_at, a.disabled) for a in self.repo.all()]
