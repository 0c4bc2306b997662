"""A small supervisor for the child processes of the local stack.

Each child logs to `<run_dir>/<name>.log` and leaves `<run_dir>/<name>.pid`, so a
child orphaned by a crashed `xueji up` is found and stopped on the next start
instead of holding its port forever.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import psutil

_PID_TIME_TOLERANCE = 0.05


class ChildProcess:
    """One supervised child: started with an environment, stopped politely, then firmly.

    `env` is laid over the parent's environment. `user` runs the child as that
    system user (PostgreSQL refuses root). Children get their own session so a
    Ctrl-C in the terminal reaches `xueji up` only, which then stops them in order.
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        run_dir: Path,
        env: Mapping[str, str] | None = None,
        user: str | None = None,
        cwd: Path | None = None,
        stop_signal: signal.Signals = signal.SIGTERM,
        stop_timeout: float = 10.0,
    ) -> None:
        self.name = name
        self.argv = [str(part) for part in argv]
        self.run_dir = run_dir
        self.env = dict(env or {})
        self.user = user
        self.cwd = cwd
        self.stop_signal = stop_signal
        self.stop_timeout = stop_timeout
        self._popen: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.run_dir / f"{self.name}.log"

    @property
    def pid_path(self) -> Path:
        return self.run_dir / f"{self.name}.pid"

    @property
    def pid(self) -> int | None:
        return self._popen.pid if self._popen else None

    @property
    def returncode(self) -> int | None:
        return self._popen.poll() if self._popen else None

    def start(self) -> None:
        if self.is_alive():
            return
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.stop_stale()
        account = pwd.getpwnam(self.user) if self.user else None
        with self.log_path.open("ab") as log:
            log.write(f"\n=== {time.strftime('%F %T')} start: {' '.join(self.argv)}\n".encode())
            log.flush()
            self._popen = subprocess.Popen(
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, **self.env},
                cwd=self.cwd,
                user=account.pw_uid if account else None,
                group=account.pw_gid if account else None,
                extra_groups=[] if account else None,
                start_new_session=True,
            )
        try:
            created = psutil.Process(self._popen.pid).create_time()
        except psutil.NoSuchProcess:
            return
        self.pid_path.write_text(f"{self._popen.pid} {created}\n")

    def is_alive(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    def stop(self) -> None:
        """Send the stop signal, wait `stop_timeout` seconds, then kill the whole group."""
        if self._popen is None:
            return
        if self._popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self._popen.send_signal(self.stop_signal)
            try:
                self._popen.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                self._kill_group()
        self._forget()

    def kill(self) -> None:
        """SIGKILL without warning: what a crash looks like to the rest of the stack."""
        if self._popen is None:
            return
        self._kill_group()
        self._forget()

    def stop_stale(self) -> None:
        """Stop a process a previous run left behind, if the pid file still names it."""
        try:
            pid_text, created_text = self.pid_path.read_text().split()
            stale = psutil.Process(int(pid_text))
            same = abs(stale.create_time() - float(created_text)) < _PID_TIME_TOLERANCE
        except (FileNotFoundError, ValueError, psutil.Error):
            same = False
        if same:
            with contextlib.suppress(psutil.Error):
                stale.send_signal(self.stop_signal)
                stale.wait(self.stop_timeout)
            with contextlib.suppress(ProcessLookupError, psutil.Error):
                os.killpg(stale.pid, signal.SIGKILL)
        self.pid_path.unlink(missing_ok=True)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _kill_group(self) -> None:
        assert self._popen is not None
        # The group, not just the leader: a killed postmaster must not leave backends behind.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signal.SIGKILL)
        self._popen.wait()

    def _forget(self) -> None:
        self.pid_path.unlink(missing_ok=True)


class Supervisor:
    """The children of one `xueji up`, stopped in reverse start order."""

    def __init__(self, run_dir: Path) -> None:
        self.run_dir = run_dir
        self.children: list[ChildProcess] = []

    def spawn(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        user: str | None = None,
        cwd: Path | None = None,
        stop_signal: signal.Signals = signal.SIGTERM,
        stop_timeout: float = 10.0,
    ) -> ChildProcess:
        child = ChildProcess(
            name,
            argv,
            run_dir=self.run_dir,
            env=env,
            user=user,
            cwd=cwd,
            stop_signal=stop_signal,
            stop_timeout=stop_timeout,
        )
        child.start()
        self.children.append(child)
        return child

    def exited(self) -> list[ChildProcess]:
        """Children that died on their own; `xueji up` polls this to notice crashes."""
        return [child for child in self.children if child.returncode is not None]

    def stop_all(self) -> None:
        for child in reversed(self.children):
            child.stop()
