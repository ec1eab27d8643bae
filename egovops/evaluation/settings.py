"""The supervisor's weights, kept in the store so the command line and every console on a shared
store score alike. Changing them is a supervisor's decision and goes to the audit trail."""

from __future__ import annotations

from collections.abc import Sequence

from egovops.accounts.guard import authorize
from egovops.accounts.identity import Operator
from egovops.audit.log import AuditLog
from egovops.evaluation.repo import EvaluationRepository
from egovops.evaluation.weights import Weights, load_weights
from egovops.storage.database import Database


def current_weights(db: Database) -> Weights:
    return load_weights(stored=EvaluationRepository(db, None).stored_weights())


def set_weights(db: Database, by: Operator, overrides: Sequence[str], reset: bool = False) -> Weights:
    """Apply ``name=points`` changes to the weights in force (or go back to the shipped ones).

    Validated before anything is stored: weights that do not add up to 100 are refused."""
    repo, audit = EvaluationRepository(db, None), AuditLog(db)
    before = current_weights(db)
    after = load_weights(overrides=overrides) if reset else load_weights(overrides=overrides, stored=before.points)
    if dict(after.points) == dict(before.points) and not reset:
        return after
    authorize(audit, by, "evaluation.weights", "weights")
    with audit.change():
        repo.set_stored_weights(None if reset and not overrides else dict(after.points))
        audit.record(
            actor=by.label(),
            role=by.role.value,
            action="evaluation.weights",
            subject="weights",
            details={"from": dict(before.points), "to": dict(after.points)},
        )
    return after
