"""The console refreshes when the poller stored anything: a cycle, a cycle's early status part, or a
neighbour sweep (which may raise the cross-network alarm between two cycles)."""

from __future__ import annotations

from egovops.overview.repo import OverviewRepository
from egovops.polling.repo import CycleStats, PollingRepository
from egovops.topology.discovery import Discovery
from egovops.topology.merge import MergePlan
from egovops.topology.repo import TopologyRepository


def test_every_cycle_part_and_every_sweep_moves_the_mark(database) -> None:  # type: ignore[no-untyped-def]
    repo = OverviewRepository(database)
    start = repo.change_mark()
    stats = PollingRepository(database)
    stats.record_stats(CycleStats(at=100.0, cycle="status part", interval_s=60, devices=1, failed=0, duration_s=1,
                                  overrun=False))
    part = repo.change_mark()
    stats.record_stats(CycleStats(at=100.0, cycle="scheduled", interval_s=60, devices=1, failed=0, duration_s=9,
                                  overrun=False))
    whole = repo.change_mark()  # the same start time as its part: still a change
    TopologyRepository(database).apply_discovery(Discovery(), MergePlan(), 200.0, 201.0)
    swept = repo.change_mark()
    assert len({start, part, whole, swept}) == 4
    assert repo.latest_status_cycle().duration_s == 9  # the newest row written, not the newest start
