"""A local S3 endpoint: moto's server, run as a supervised child process.

Not in-process: a `mock_aws` in any test of the same pytest process would reset
moto's global state (our buckets with it), and a separate process can be killed
like the other components to test outages.
Child side: `python -m xueji_stack.s3 <port> <ready file> [<snapshot dir>]`; with a snapshot
directory the objects survive a clean restart (see s3_snapshot).
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_stack import s3_snapshot
from xueji_stack.errors import ComponentError
from xueji_stack.ports import LOOPBACK, ensure_port_free, wait_for_tcp, wait_until
from xueji_stack.processes import ChildProcess

COMPONENT = "s3"
ACCESS_KEY = "xueji"
SECRET_KEY = "xueji-secret"
REGION = "us-east-1"
_START_TIMEOUT = 20.0


class S3Server:
    """moto's S3 on 127.0.0.1:`port`; objects persist in `snapshot_dir` across clean restarts."""

    def __init__(self, port: int, *, run_dir: Path, snapshot_dir: Path | None = None) -> None:
        self.port = port
        # The child touches this file once its snapshot is restored: an open port is not enough.
        self._ready_file = run_dir / "s3.ready"
        argv = [sys.executable, "-m", "xueji_stack.s3", str(port), str(self._ready_file)]
        if snapshot_dir is not None:
            argv.append(str(snapshot_dir))
        # Saving the snapshot on stop takes longer than a plain shutdown.
        self._process = ChildProcess(COMPONENT, argv, run_dir=run_dir, stop_timeout=60.0)

    @property
    def endpoint(self) -> str:
        """`host:port`, the form minio wants (plain HTTP: `secure=False`)."""
        return f"{LOOPBACK}:{self.port}"

    @property
    def endpoint_url(self) -> str:
        """The same endpoint as a URL, the form boto-style clients want."""
        return f"http://{self.endpoint}"

    @property
    def access_key(self) -> str:
        return ACCESS_KEY

    @property
    def secret_key(self) -> str:
        return SECRET_KEY

    @property
    def process(self) -> ChildProcess:
        return self._process

    def start(self) -> None:
        if self._process.is_alive():
            return
        self._process.stop_stale()
        ensure_port_free(self.port, component=COMPONENT)
        self._ready_file.unlink(missing_ok=True)
        self._process.start()
        wait_for_tcp(
            LOOPBACK, self.port, _START_TIMEOUT, component=COMPONENT, process=self._process
        )
        wait_until(
            self._ready_file.exists,
            _START_TIMEOUT,
            component=COMPONENT,
            what="snapshot restored",
            process=self._process,
        )

    def stop(self) -> None:
        self._process.stop()

    def client(self) -> Minio:
        return s3_client(self.endpoint, self.access_key, self.secret_key, secure=False)

    def ensure_buckets(self, names: Iterable[str]) -> None:
        ensure_buckets(self.client(), names)


def s3_client(endpoint: str, access_key: str, secret_key: str, *, secure: bool) -> Minio:
    """A minio client for a `host:port` endpoint."""
    return Minio(
        endpoint, access_key=access_key, secret_key=secret_key, secure=secure, region=REGION
    )


def ensure_buckets(client: Minio, names: Iterable[str]) -> None:
    """Create the buckets that are missing."""
    for name in names:
        try:
            if not client.bucket_exists(name):
                client.make_bucket(name)
        except (S3Error, HTTPError) as error:
            raise ComponentError(
                COMPONENT, "stack.bucket_creation_failed", f"无法创建存储桶 {name}: {error}"
            ) from error


def serve(port: int, ready_file: Path, snapshot_dir: Path | None = None) -> None:
    """Serve until SIGTERM or SIGINT (the child side of S3Server)."""
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer

    # werkzeug would log every request; errors are enough in the stack's log file.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    stop_signals = {signal.SIGTERM, signal.SIGINT}
    # Blocked before the server thread starts, so the thread inherits the mask
    # and sigwait below is the only receiver.
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=port, verbose=False)
    server.start()
    client = s3_client(f"{LOOPBACK}:{port}", ACCESS_KEY, SECRET_KEY, secure=False)
    if snapshot_dir is not None:
        s3_snapshot.restore(client, snapshot_dir)
    ready_file.touch()
    signal.sigwait(stop_signals)
    if snapshot_dir is not None:
        s3_snapshot.save(client, snapshot_dir)
    server.stop()


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
