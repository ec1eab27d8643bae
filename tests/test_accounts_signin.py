"""Signing in with a local account (issue 17 item 6), on both stores: the lock after failures, its
end, disabled accounts, the role applied to writes in the core, command-line sessions, the audit."""

from __future__ import annotations

import json

import pytest

from egovops.accounts import AccountService, Operator, PermissionDenied, Role
from egovops.accounts.admin import AccountAdmin
from egovops.accounts.signin import (
    LOCK_SECONDS,
    MAX_FAILURES,
    SESSION_SECONDS,
    AuthenticationError,
    SignIn,
    SignInRequired,
    token_digest,
)
from egovops.audit.repo import AuditRepository
from egovops.availability.planning import AvailabilityPlanner
from egovops.storage.database import Database
from egovops.storage.tables.signin import account_sessions

pytestmark = pytest.mark.stores("sqlite", "postgresql")

PASSWORD = "Desk#Shift2026"
WRONG = "Desk#Shift2025"
T0 = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(database: Database) -> Database:
    """A store with an admin, a supervisor and an operator account (the first made by the OS user)."""
    accounts = AccountService(database)
    boss = Operator("chen", Role.ADMIN, "local")
    accounts.add(accounts.os_operator(), "chen", "admin", PASSWORD)
    accounts.add(boss, "li", "supervisor", PASSWORD)
    accounts.add(boss, "olga", "operator", PASSWORD)
    return database


def actions(database: Database, since: int = 0) -> list[tuple[str, str]]:
    return [(r.action, r.subject) for r in AuditRepository(database).rows(since)]


def last_id(database: Database) -> int:
    head = AuditRepository(database).head()
    return head[0] if head else 0


def fail(service: SignIn, name: str, times: int) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(AuthenticationError) as refused:
            service.sign_in(name, WRONG)
        messages.append(str(refused.value))
    return messages


def test_a_right_password_signs_in_with_the_accounts_role(desk: Database, clock: Clock) -> None:
    before = last_id(desk)
    operator = SignIn(desk, clock).sign_in("li", PASSWORD)
    assert operator == Operator("li", Role.SUPERVISOR, "local")
    assert actions(desk, before) == [("account.sign-in", "li")]


def test_the_fifth_failure_in_a_row_locks_not_the_fourth(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    fail(service, "olga", MAX_FAILURES - 1)
    assert service.sign_in("olga", PASSWORD).name == "olga"  # four in a row: not locked; and the count restarts
    before = last_id(desk)
    messages = fail(service, "olga", MAX_FAILURES)
    assert all("wrong password" in m for m in messages[:-1])
    assert "locked for 15 minutes" in messages[-1]
    assert actions(desk, before) == [("account.sign-in-failed", "olga")] * MAX_FAILURES + [("account.locked", "olga")]
    with pytest.raises(AuthenticationError, match="locked"):  # now even the right password
        service.sign_in("olga", PASSWORD)


def test_the_lock_ends_at_exactly_its_time(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    fail(service, "olga", MAX_FAILURES)
    clock.now = T0 + LOCK_SECONDS - 0.001
    with pytest.raises(AuthenticationError, match="try again in 1 minutes"):
        service.sign_in("olga", PASSWORD)
    clock.now = T0 + LOCK_SECONDS
    assert service.sign_in("olga", PASSWORD).name == "olga"
    fail(service, "olga", MAX_FAILURES - 1)  # the lock's end started a new count, not the old one's fifth
    assert service.sign_in("olga", PASSWORD).name == "olga"


def test_attempts_while_locked_are_audited_but_do_not_lengthen_the_lock(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    fail(service, "olga", MAX_FAILURES)
    clock.now = T0 + 60
    before = last_id(desk)
    fail(service, "olga", 3)
    assert actions(desk, before) == [("account.sign-in-failed", "olga")] * 3
    clock.now = T0 + LOCK_SECONDS
    assert service.sign_in("olga", PASSWORD).name == "olga"


def test_unknown_names_are_refused_and_locked_like_real_ones(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    messages = fail(service, "nobody", MAX_FAILURES)
    assert messages[0] == "sign-in as nobody failed: unknown account or wrong password"
    assert "locked" in messages[-1]


def test_a_disabled_account_cannot_sign_in(desk: Database, clock: Clock) -> None:
    AccountAdmin(desk).set_disabled(Operator("chen", Role.ADMIN, "local"), "olga", True)
    service = SignIn(desk, clock)
    with pytest.raises(AuthenticationError, match="disabled"):
        service.sign_in("olga", PASSWORD)
    with pytest.raises(AuthenticationError, match="wrong password"):  # says "disabled" only to its holder
        service.sign_in("olga", WRONG)


def test_the_signed_in_role_is_applied_to_a_write_in_the_core(desk: Database, clock: Clock) -> None:
    planner = AvailabilityPlanner(desk)
    olga = SignIn(desk, clock).sign_in("olga", PASSWORD)
    before = last_id(desk)
    with pytest.raises(PermissionDenied, match="may not set the SLA target"):
        planner.set_sla_target(olga, 99.5)
    assert actions(desk, before) == [("availability.refused", "sla")]
    li = SignIn(desk, clock).sign_in("li", PASSWORD)
    assert planner.set_sla_target(li, 99.5)


def test_a_demotion_takes_effect_at_the_next_write_not_the_next_sign_in(desk: Database, clock: Clock) -> None:
    li = SignIn(desk, clock).sign_in("li", PASSWORD)
    AccountAdmin(desk).set_role(Operator("chen", Role.ADMIN, "local"), "li", "operator")
    with pytest.raises(PermissionDenied):
        AvailabilityPlanner(desk).set_sla_target(li, 99.0)
    AccountAdmin(desk).set_disabled(Operator("chen", Role.ADMIN, "local"), "li", True)
    with pytest.raises(PermissionDenied, match="no longer has an enabled local account"):
        AvailabilityPlanner(desk).set_sla_target(Operator("li", Role.ADMIN, "local"), 99.0)


def test_the_os_user_is_trusted_only_on_the_embedded_store(desk: Database, store_kind: str) -> None:
    os_admin = Operator("root", Role.ADMIN, "os")  # what a console that skipped the sign-in would hand over
    if store_kind == "sqlite":
        assert AccountService(desk).os_operator().source == "os"
        assert AvailabilityPlanner(desk).set_sla_target(os_admin, 99.0)
        return
    with pytest.raises(SignInRequired, match="sign in"):
        AccountService(desk).os_operator()
    with pytest.raises(PermissionDenied, match="has not signed in"):
        AvailabilityPlanner(desk).set_sla_target(os_admin, 99.0)


def test_before_any_account_the_os_user_sets_up_the_first_admin(database: Database) -> None:
    accounts = AccountService(database)
    first = accounts.os_operator()
    assert first.role is Role.ADMIN
    accounts.add(first, "chen", "admin", PASSWORD)
    assert SignIn(database).sign_in("chen", PASSWORD).role is Role.ADMIN


def test_an_admin_unlocks_an_account_before_its_lock_ends(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    fail(service, "olga", MAX_FAILURES)
    with pytest.raises(PermissionDenied):
        service.unlock_account(Operator("li", Role.SUPERVISOR, "local"), "olga")
    before = last_id(desk)
    assert service.unlock_account(Operator("chen", Role.ADMIN, "local"), "olga")
    assert actions(desk, before) == [("account.unlock", "olga")]
    assert service.sign_in("olga", PASSWORD).name == "olga"
    assert not service.unlock_account(Operator("chen", Role.ADMIN, "local"), "olga")  # not locked: nothing to record


def test_the_lock_screen_unlocks_for_the_same_or_switches_to_another_account(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    olga = service.sign_in("olga", PASSWORD)
    before = last_id(desk)
    service.lock_screen(olga)
    with pytest.raises(AuthenticationError):
        service.unlock_screen(olga, "olga", WRONG)
    assert service.unlock_screen(olga, "olga", PASSWORD) == olga
    service.lock_screen(olga)
    li = service.unlock_screen(olga, "li", PASSWORD)
    assert li == Operator("li", Role.SUPERVISOR, "local")
    service.sign_out(li)
    assert actions(desk, before) == [
        ("session.lock", "olga"), ("account.sign-in-failed", "olga"), ("session.unlock", "olga"),
        ("session.lock", "olga"), ("session.switch", "li"), ("account.sign-out", "li"),
    ]
    switched = list(AuditRepository(desk).rows(before))[-2]
    assert json.loads(switched.details)["previous"] == "local:olga" and switched.actor == "local:li"


def test_a_command_line_session_lasts_its_time_and_ends_at_signout(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    operator, token = service.open_session("li", PASSWORD)
    with desk.read() as conn:
        stored = [tuple(r) for r in conn.execute(account_sessions.select())]
    assert [r[0] for r in stored] == [token_digest(token)] and token not in repr(stored)  # only its hash
    clock.now = T0 + SESSION_SECONDS - 1
    assert service.resume(token) == operator
    clock.now = T0 + SESSION_SECONDS
    with pytest.raises(SignInRequired, match="expired"):
        service.resume(token)
    clock.now = T0
    assert service.close_session(token) == operator
    with pytest.raises(SignInRequired):
        service.resume(token)
    assert service.close_session(token) is None
    with pytest.raises(SignInRequired):
        service.resume("made-up-token")


def test_a_session_follows_the_accounts_role_and_ends_with_the_account(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    _, token = service.open_session("li", PASSWORD)
    chen = Operator("chen", Role.ADMIN, "local")
    AccountAdmin(desk).set_role(chen, "li", "engineer")
    assert service.resume(token).role is Role.ENGINEER
    AccountAdmin(desk).set_disabled(chen, "li", True)
    with pytest.raises(SignInRequired, match="li was disabled or removed"):
        service.resume(token)
    AccountAdmin(desk).remove(chen, "li")  # and its sessions go with it
    with desk.read() as conn:
        assert conn.execute(account_sessions.select()).first() is None


def test_failures_from_several_desks_at_once_are_all_counted(desk: Database) -> None:
    """Ten failures at the same moment (ten desks, one guessed name) lock it exactly twice: no count
    is lost between the update and the read, whichever store serialises them."""
    from concurrent.futures import ThreadPoolExecutor

    from egovops.accounts.repo import SignInRepository

    repo = SignInRepository(desk)
    with ThreadPoolExecutor(max_workers=10) as pool:
        locked = list(pool.map(lambda _: repo.add_failure("olga", MAX_FAILURES, T0 + LOCK_SECONDS), range(10)))
    assert locked.count(True) == 2 and repo.locked_until("olga") == T0 + LOCK_SECONDS


def test_a_new_password_ends_the_accounts_command_line_sessions(desk: Database, clock: Clock) -> None:
    service = SignIn(desk, clock)
    _, li_token = service.open_session("li", PASSWORD)
    _, olga_token = service.open_session("olga", PASSWORD)
    AccountService(desk).add(Operator("chen", Role.ADMIN, "local"), "li", "supervisor", "Desk#Shift2027")
    with pytest.raises(SignInRequired):
        service.resume(li_token)
    assert service.resume(olga_token).name == "olga"  # another account's session stays
