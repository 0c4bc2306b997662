"""A benchmark's own infrastructure: free ports, test mode, a temporary directory, all gone
afterwards."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from xueji_stack.infrastructure import Infrastructure


def on_own_infrastructure(prefix: str, run: Callable[[Infrastructure, Path], int]) -> int:
    """`run(infrastructure, state directory)` on infrastructure started for it alone."""
    state = Path(tempfile.mkdtemp(prefix=prefix))
    infrastructure = Infrastructure(state / "stack", fixed_ports=False, test_mode=True, environ={})
    print("starting infrastructure …", flush=True)
    infrastructure.start()
    try:
        return run(infrastructure, state)
    finally:
        infrastructure.stop()
        shutil.rmtree(state, ignore_errors=True)
