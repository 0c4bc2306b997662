"""CPU seconds per part of a benchmark's local stack: where a run's time went, whatever else
the machine was doing meanwhile (wall-clock rates move with the load, CPU per item little)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import psutil


def cpu_by_component(components: Mapping[str, str]) -> dict[str, float]:
    """CPU seconds so far of this process's descendants, under the label of the first of
    `components` (command-line fragment → label) their command line contains, else "other";
    a service's roles (XUEJI_ROLES) are added to its label."""
    totals: dict[str, float] = defaultdict(float)
    for child in psutil.Process().children(recursive=True):
        try:
            line, times = " ".join(child.cmdline()), child.cpu_times()
            role = child.environ().get("XUEJI_ROLES")
        except psutil.Error:
            continue
        name = next((label for part, label in components.items() if part in line), "other")
        totals[f"{name} ({role})" if role else name] += times.user + times.system
    return totals


def spent(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, float]:
    """CPU seconds each component used between two readings."""
    return {name: seconds - before.get(name, 0.0) for name, seconds in after.items()}


def own_cpu() -> float:
    """CPU seconds of this process so far."""
    times = psutil.Process().cpu_times()
    return times.user + times.system
