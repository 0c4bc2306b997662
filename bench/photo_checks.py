"""Photo checks per second on one core, against the floor of decoding and face detection.

The corpus is the unit tests' (tests/unit/photo/): valid portraits for both presets and a
file for every refusal reason. The floor does on the same files what no check can skip:
Pillow decodes each file and the same face detector, with the same settings, looks at it.
Rounds of ours and the floor alternate, so other work on the machine weighs on both alike;
the ratio is taken from CPU time, which that work moves least.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image

from tests.unit.photo.photo_corpus import Sample, corpus
from xueji_photo.checks import check_photo
from xueji_photo.checks.face_detector import detect_faces

ROUNDS = int(os.environ.get("XUEJI_BENCH_PHOTO_ROUNDS", "5"))
TARGET_FLOOR_SHARE = 0.7


def _floor(sample: Sample) -> None:
    try:
        image = Image.open(io.BytesIO(sample.data))
        image.load()
    except Exception:  # a refused file the floor cannot decode costs it only the attempt
        return
    detect_faces(np.asarray(image.convert("L")))


def _ours(sample: Sample) -> None:
    check_photo(sample.data, sample.rule)


def _round(run: Callable[[Sample], None], samples: tuple[Sample, ...]) -> tuple[float, float]:
    """CPU and wall seconds of one pass over the corpus."""
    cpu, wall = time.process_time(), time.perf_counter()
    for sample in samples:
        run(sample)
    return time.process_time() - cpu, time.perf_counter() - wall


def _one_core() -> int:
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    cv2.setNumThreads(1)  # OpenCV would otherwise spread detection over its own threads
    return core


def main() -> int:
    core = _one_core()
    samples = corpus()
    refused = sum(1 for sample in samples if sample.codes)
    print(f"corpus: {len(samples)} files ({len(samples) - refused} valid, {refused} refused, "
          f"{sum(len(s.data) for s in samples) / 1024:.0f} KiB); one core (CPU {core}); "
          f"load average {os.getloadavg()[0]:.2f}; {ROUNDS} rounds each", flush=True)  # fmt: skip
    _round(_ours, samples)  # warm-up: the face model, the decoders
    _round(_floor, samples)
    totals = {"ours": [0.0, 0.0], "floor": [0.0, 0.0]}
    for _ in range(ROUNDS):
        for name, run in (("ours", _ours), ("floor", _floor)):
            cpu, wall = _round(run, samples)
            totals[name][0] += cpu
            totals[name][1] += wall
    checks = len(samples) * ROUNDS
    for name, label in (
        ("ours", "ours: check_photo, every check"),
        ("floor", "floor: Pillow decode + Haar face detector"),
    ):
        cpu, wall = totals[name]
        print(f"  {label:<46}{checks / cpu:8.1f} files/CPU-s{checks / wall:8.1f} files/s wall"
              f"{cpu / checks * 1000:8.1f} ms CPU each")  # fmt: skip
    share = totals["floor"][0] / totals["ours"][0]
    verdict = "met" if share >= TARGET_FLOOR_SHARE else "MISSED"
    print(f"ours/floor = {share:.2f} of the floor's rate "
          f"(target ≥ {TARGET_FLOOR_SHARE}: {verdict})")  # fmt: skip
    return 0
