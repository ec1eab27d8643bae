"""Signing in with a local account: the console's dialog, its lock screen and the command line's
``signin`` all come here, so each rule is in one place and every outcome is in the audit trail.

Rules (issue 17, 等保 2.0 "login failure handling"):
- ``MAX_FAILURES`` failed attempts in a row on one name lock it for ``LOCK_SECONDS``; the lock is
  audited. While locked even the right password is refused; at ``locked_until`` exactly it is
  accepted again. A success clears the count. Unknown names are counted and locked the same way, so
  the answers never tell a guesser which names exist.
- A wrong password and an unknown name give the same message and take the same time (an unknown
  name is checked against a dummy hash). A disabled account is named as such only to someone who
  gave its right password.
- The command line's session is a random token: its SHA-256 in the store, the token in the OS
  keyring of whoever signed in (cli_session.py), valid ``SESSION_SECONDS``. The account's role is
  read from the store on every use, so a demotion or a disabled account takes effect at once.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from collections.abc import Callable
from functools import cache

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator, os_user_name
from egovops.accounts.passwords import hash_password, verify_password
from egovops.accounts.repo import SignInRepository
from egovops.accounts.roles import Role
from egovops.audit.log import AuditLog
from egovops.errors import EgovopsError
from egovops.i18n import tr
from egovops.storage.accounts_repo import AccountsRepository
from egovops.storage.database import Database

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
SESSION_SECONDS = 12 * 3600  # one duty shift: a command line signed in at its start lasts until its end


class AuthenticationError(EgovopsError):
    """A sign-in was refused: wrong name or password, a locked or a disabled account."""


class SignInRequired(EgovopsError):
    """The store is shared and nobody has signed in: the OS user is not an identity there."""


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sign_in_required(database: Database) -> bool:
    """Whether the OS user must sign in: on a shared store once it has local accounts (before
    that, whoever can reach the store sets up its first admin account — see AccountAdmin.add)."""
    return database.is_shared and AccountsRepository(database).count() > 0


class SignIn:
    def __init__(self, database: Database, clock: Callable[[], float] = time.time) -> None:
        self.database = database
        self.accounts = AccountsRepository(database)
        self.state = SignInRepository(database)
        self.audit = AuditLog(database)
        self.clock = clock

    def _failed(self, name: str, where: str, reason: str) -> None:
        self.audit.record(actor=f"local:{name}", role="", action="account.sign-in-failed", subject=name,
                          details={"os_user": os_user_name(), "where": where, "reason": reason})

    def _refuse_if_locked(self, name: str, where: str) -> None:
        until = self.state.locked_until(name)
        now = self.clock()
        if until is not None and now < until:
            self._failed(name, where, "locked")
            raise AuthenticationError(tr("account {name} is locked after {n} failed sign-ins; try again in {minutes} "
                                         "minutes or ask an administrator to unlock it",
                                         name=name, n=MAX_FAILURES, minutes=math.ceil((until - now) / 60)))

    def check(self, name: str, password: str, where: str = "console") -> Operator:
        """The operator ``name`` if ``password`` is its password; else AuthenticationError, counted."""
        name = name.strip()
        self._refuse_if_locked(name, where)
        account = self.accounts.get(name)
        if not verify_password(password, account.password_hash if account else _dummy_hash()) or account is None:
            self._failed(name, where, "password")
            if self.state.add_failure(name, MAX_FAILURES, self.clock() + LOCK_SECONDS):
                self.audit.record(actor=f"local:{name}", role="", action="account.locked", subject=name,
                                  details={"failures": MAX_FAILURES, "minutes": LOCK_SECONDS // 60, "where": where})
                raise AuthenticationError(tr("sign-in as {name} failed {n} times in a row: the account is locked for "
                                             "{minutes} minutes", name=name, n=MAX_FAILURES,
                                             minutes=LOCK_SECONDS // 60))
            raise AuthenticationError(tr("sign-in as {name} failed: unknown account or wrong password", name=name))
        if account.disabled:
            self._failed(name, where, "disabled")
            raise AuthenticationError(tr("account {name} is disabled; ask an administrator", name=name))
        self.state.clear(name)
        return Operator(name, Role(account.role), "local")

    def sign_in(self, name: str, password: str, where: str = "console") -> Operator:
        operator = self.check(name, password, where)
        self._record(operator, "account.sign-in", where)
        return operator

    def sign_out(self, operator: Operator, where: str = "console") -> None:
        self._record(operator, "account.sign-out", where)

    def _record(self, operator: Operator, action: str, where: str, **details: str) -> None:
        self.audit.record(actor=operator.label(), role=operator.role.value, action=action, subject=operator.name,
                          details={"os_user": os_user_name(), "where": where, **details})

    def lock_screen(self, operator: Operator) -> None:
        self._record(operator, "session.lock", "console")

    def unlock_screen(self, current: Operator, name: str, password: str) -> Operator:
        """The operator who unlocked the console: ``current`` again, or another account, which then
        operates the console (audited as a switch, naming both)."""
        operator = self.check(name, password, "lock screen")
        if operator.name == current.name:
            self._record(operator, "session.unlock", "console")
        else:
            self._record(operator, "session.switch", "console", previous=current.label())
        return operator

    # The command line's sessions.

    def open_session(self, name: str, password: str) -> tuple[Operator, str]:
        """Sign in from the command line: the operator and a new session token for its keyring."""
        operator = self.check(name, password, "command line")
        token = secrets.token_urlsafe(32)
        now = self.clock()
        self.state.add_session(token_digest(token), operator.name, os_user_name(), now, now + SESSION_SECONDS)
        self._record(operator, "account.sign-in", "command line")
        return operator, token

    def resume(self, token: str) -> Operator:
        """The operator of a command-line session, with the account's role as stored now."""
        found = self.state.session(token_digest(token))
        if found is None or self.clock() >= found.expires_at:
            raise SignInRequired(tr("your sign-in has expired or was ended; sign in again with 'egovops signin NAME'"))
        account = self.accounts.get(found.name)
        if account is None or account.disabled:
            raise SignInRequired(tr("account {name} was disabled or removed; sign in with another account",
                                    name=found.name))
        return Operator(found.name, Role(account.role), "local")

    def close_session(self, token: str) -> Operator | None:
        """End a command-line session; the operator it was, or None if it had ended already."""
        digest = token_digest(token)
        found = self.state.session(digest)
        if found is None or not self.state.remove_session(digest):
            return None
        account = self.accounts.get(found.name)
        operator = Operator(found.name, Role(account.role) if account else Role.OPERATOR, "local")
        self._record(operator, "account.sign-out", "command line")
        return operator

    def unlock_account(self, by: Operator, name: str) -> bool:
        """An administrator lifts a lock before it ends (audited); False if ``name`` was not locked."""
        authorize(self.audit, by, "accounts.manage", name, attempted="account.unlock")
        until = self.state.locked_until(name)
        self.state.clear(name)  # the failures counted so far go too: the admin vouches for the person
        if until is None or until <= self.clock():
            return False
        self.audit.record(actor=by.label(), role=by.role.value, action="account.unlock", subject=name)
        return True
