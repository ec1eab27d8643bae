"""The audit trail: every procedure run and every action that touches a device, hash-chained.

``AuditLog(db).record(...)`` appends; ``verify_store(db)`` checks the chain and names each bad row;
``export_rows`` writes it out for an auditor.
"""

from egovops.audit.chain import AuditRow, digest_text
from egovops.audit.export import export_rows
from egovops.audit.log import AuditLog, scrub
from egovops.audit.verify import Problem, Verdict, verify_rows
from egovops.storage.audit_repo import AuditRepository
from egovops.storage.database import Database


def verify_store(database: Database) -> Verdict:
    repo = AuditRepository(database)
    return verify_rows(repo.rows(), repo.head())


__all__ = ["AuditLog", "AuditRow", "Problem", "Verdict", "digest_text", "export_rows", "scrub", "verify_rows", "verify_store"]
