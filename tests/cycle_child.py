"""One real poll cycle in a process of its own, killed (SIGKILL) at its Nth commit if asked.

Used by tests/test_cycle_atomic.py, not by the product: ``python -m tests.cycle_child URL N OUT``
polls every device of the store once with the poller's real code; with N > 0 it kills itself from
inside SQLAlchemy's ``commit`` hook at the Nth commit, which fires before the database commits, so
that transaction is lost as in a crash; with N = 0 it completes and writes the number of commits
the cycle made to OUT.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sqlalchemy import event

from egovops.credentials import CredentialService
from egovops.polling.poller import Poller
from egovops.polling.settings import Intervals, PollingSettings, Thresholds
from egovops.snmp import SnmpClient, SnmpLoop
from egovops.storage.database import open_database

# A second is the shortest timeout a loaded CI host answers within; one retry keeps a dead agent short.
INTERVALS = Intervals(status_s=60, interfaces_s=300, health_s=300, timeout_s=1.0, retries=1)
# Up or down is what this is about: the shared test host's own CPU load must not make a device degraded.
NEVER = Thresholds(cpu_percent=1000.0, mem_percent=1000.0, temperature_c=1000.0, if_errors_ps=1e12)


def main(url: str, kill_at: int, out: Path) -> None:
    database = open_database(url)
    loop = SnmpLoop("cycle-child").start()
    poller = Poller(database, SnmpClient(loop), CredentialService(database),
                    PollingSettings(intervals=INTERVALS, thresholds=NEVER, watch_workstation=False))
    commits = 0

    def counted(_conn: object) -> None:
        nonlocal commits
        commits += 1
        if commits == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(database.engine, "commit", counted)  # after opening: the migrations' commits are not the cycle's
    poller.run_cycle()
    out.write_text(str(commits), encoding="ascii")
    loop.stop()
    database.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
