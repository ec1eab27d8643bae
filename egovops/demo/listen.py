"""The demo's own receivers: ``egovops console --demo`` polls the demo network in the console's
process (no collector runs), so it also receives what the demo's devices say, on the ports
``demo fault``, ``demo storm`` and ``demo run --chaos`` send to by default (loopback only).

If those ports are taken, a collector of this host (``--trap-port 10162 --syslog-port 10514``)
already receives them and stores the events where the console reads them: the console then
listens to nothing itself.
"""

from __future__ import annotations

import logging

from egovops.credentials.service import CredentialService
from egovops.demo.credentials import ensure_demo_credentials
from egovops.demo.speaker import DEFAULT_SYSLOG_PORT, DEFAULT_TRAP_PORT
from egovops.events.rules import load_rules
from egovops.events.runtime import Listening, listening, trap_credentials
from egovops.storage.database import Database

log = logging.getLogger(__name__)


def demo_receivers(database: Database, credentials: CredentialService, trap_port: int = DEFAULT_TRAP_PORT,
                   syslog_port: int = DEFAULT_SYSLOG_PORT) -> Listening | None:
    """Started receivers on 127.0.0.1, or None when the ports are taken."""
    ensure_demo_credentials(credentials)  # the demo community, before its traps are heard
    running = listening(database, trap_credentials(database, credentials), load_rules(None), "127.0.0.1",
                        trap_port, syslog_port)
    try:
        running.start()
    except OSError as exc:
        log.info("the demo's receivers did not start (%s): another process receives on %d/%d", exc,
                 trap_port, syslog_port)
        return None
    return running
