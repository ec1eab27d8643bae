"""Numbers as the device view prints them: bit rates, speeds, times. Units are SI and untranslated
(Mbit/s reads the same in a Chinese console), so these stay out of the catalogues."""

from __future__ import annotations

import time

_UNITS = ((1e12, "Tbit/s"), (1e9, "Gbit/s"), (1e6, "Mbit/s"), (1e3, "kbit/s"))


def format_bps(bps: float | None) -> str:
    if bps is None:
        return "—"
    for factor, unit in _UNITS:
        if abs(bps) >= factor:
            value = bps / factor
            return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{bps:.0f} bit/s"


def format_rate(per_second: float | None) -> str:
    """Errors or discards per second: blank when none, so the eye finds the non-zero ones."""
    if per_second is None:
        return "—"
    return "0" if per_second == 0 else f"{per_second:.3g}/s"


def format_time(at: float | None) -> str:
    """Local wall-clock time, as the operator's desk clock shows it."""
    if at is None:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))
