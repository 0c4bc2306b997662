"""Peak memory of a child process and everything it starts (worker processes included)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
from dataclasses import dataclass

import psutil

SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Measured:
    result: dict  # the JSON line the child printed last
    peak_tree_bytes: int  # largest sum of resident memory over the child and its descendants
    peak_single_bytes: int  # ru_maxrss of the largest single descendant


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its descendants, live and exited."""
    root = psutil.Process(pid)
    total = 0.0
    for member in [root, *root.children(recursive=True)]:
        try:
            times = member.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def run_measured(module: str, *args: str) -> Measured:
    """Run `python -m module args…`, sampling its process tree's memory until it exits."""
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args], stdout=subprocess.PIPE, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        process = psutil.Process(child.pid)
        while not done.wait(SAMPLE_SECONDS):
            try:
                peak = max(peak, _tree_rss(process))
            except psutil.Error:
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed with exit code {child.returncode}")
    lines = [line for line in output.splitlines() if line.startswith("{")]
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return Measured(json.loads(lines[-1]), peak, single)
