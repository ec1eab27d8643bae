"""Local accounts: who the OS user is, add, remove, list — every change audited (signing in: signin.py)."""

from __future__ import annotations

from dataclasses import dataclass

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator, os_user_name
from egovops.accounts.passwords import check_strength, hash_password
from egovops.accounts.repo import SignInRepository
from egovops.accounts.roles import Role, parse_role
from egovops.accounts.signin import AuthenticationError, SignIn, SignInRequired
from egovops.audit.log import AuditLog
from egovops.errors import NotFoundError, ValidationError
from egovops.i18n import tr
from egovops.storage.accounts_repo import AccountsRepository
from egovops.storage.database import Database

__all__ = ["AccountInfo", "AccountService", "AuthenticationError", "SignInRequired"]


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: Role
    created_at: float
    disabled: bool


class AccountService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.repo = AccountsRepository(database)
        self.audit = AuditLog(database)

    def os_operator(self, user: str | None = None) -> Operator:
        name = user or os_user_name()
        if self.repo.count() == 0:
            return Operator(name, Role.ADMIN, "os")
        if self.database.is_shared:  # signin.sign_in_required: the OS login says nothing about a remote desk's user
            raise SignInRequired(tr("this store is shared: sign in with a local account first "
                                    "('egovops signin NAME', or --operator NAME)"))
        account = self.repo.get(name)
        if account and not account.disabled:
            return Operator(name, Role(account.role), "os")
        return Operator(name, Role.OPERATOR, "os")

    def sign_in(self, name: str, password: str, where: str = "command line") -> Operator:
        """Sign in for one command (``--operator``): failures counted and locked as everywhere; the
        success is not audited on its own (the command's own row names the account)."""
        return SignIn(self.database).check(name, password, where)

    def add(self, by: Operator, name: str, role: str, password: str) -> None:
        authorize(self.audit, by, "accounts.manage", name.strip(), attempted="account.save")
        if not name.strip() or ":" in name:
            raise ValidationError(tr("account name {name!r} must be non-empty and contain no ':'", name=name))
        chosen = parse_role(role)
        check_strength(password)
        hashed = hash_password(password)  # slow on purpose: not while holding the store's write lock
        with self.audit.change():  # the account, its ended sessions and its audit row: all or none
            self.repo.save(name.strip(), chosen.value, hashed)
            # A new password ends the account's command-line sessions: whoever knew the old one and
            # signed in with it must not keep acting as the account for the rest of the shift.
            ended = SignInRepository(self.database).remove_sessions_of(name.strip())
            details: dict[str, object] = {"role": chosen.value}
            if ended:
                details["sessions_ended"] = ended
            self.audit.record(actor=by.label(), role=by.role.value, action="account.save", subject=name.strip(),
                              details=details)

    def remove(self, by: Operator, name: str) -> None:
        authorize(self.audit, by, "accounts.manage", name, attempted="account.remove")
        with self.audit.change():
            if not self.repo.remove(name):
                raise NotFoundError(tr("no local account named {name!r}", name=name))
            self.audit.record(actor=by.label(), role=by.role.value, action="account.remove", subject=name)

    def accounts(self) -> list[AccountInfo]:
        return [AccountInfo(a.name, Role(a.role), a.created_at, a.disabled) for a in self.repo.all()]
