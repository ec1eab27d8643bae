"""The audit trail: every procedure run and every action that touches a device, hash-chained.

``AuditLog(db).record(...)`` appends; ``verify_store(db)`` checks the chain and names each bad row;
``export_rows`` writes it out for an auditor.
"""

from egovops.audit.chain import AuditRow, digest_text
from egovops.audit.export import export_rows, read_export
from egovops.audit.log import AuditLog, scrub
from egovops.audit.repo import AuditRepository
from egovops.audit.verify import Problem, Verdict, verify_against_export, verify_rows
from egovops.i18n import tr
from egovops.storage.database import Database
from egovops.storage.identity_repo import store_uuid


def verify_store(database: Database, against: list[dict[str, object]] | None = None) -> Verdict:
    """The chain's verdict; with ``against`` (an earlier export's rows) also every row it holds."""
    repo = AuditRepository(database)
    writer = repo.keys.load()
    verdict = verify_rows(repo.rows(), repo.head(), writer,
                          keyring_available=writer is not None or repo.keys.available())
    recorded = repo.keys.identity_on_record()
    if recorded is not None and recorded != store_uuid(database):
        # The identity row was replaced: this store's key and anchor are filed under the old one.
        verdict = Verdict(verdict.rows_checked, (Problem(None, "identity-replaced", tr(
            "the store's identity was replaced (the keyring knows this file as store {old}): its audit anchor cannot be "
            "found; the trail may have been wiped (a new store made here on purpose clears this with its first audited "
            "action)", old=recorded)), *verdict.problems))
    if against is None:
        return verdict
    return Verdict(verdict.rows_checked, verdict.problems + verify_against_export(repo.rows(), against))


__all__ = ["AuditLog", "AuditRow", "Problem", "Verdict", "digest_text", "export_rows", "read_export", "scrub",
           "verify_against_export", "verify_rows", "verify_store"]
