"""The unprivileged account PostgreSQL runs under when the stack is started as root."""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
from pathlib import Path

from xueji_stack.errors import ComponentError


def ensure_system_user(name: str, *, component: str) -> pwd.struct_passwd:
    """Return the account `name`, creating it as a system user without home or shell."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    created = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
        check=False,
    )
    # A concurrent start may have created it first; only a still-missing user is an error.
    try:
        return pwd.getpwnam(name)
    except KeyError as error:
        raise ComponentError(
            component,
            "stack.system_user_missing",
            f"无法创建系统用户 {name}: {created.stderr.strip()}",
        ) from error


def give_directory(path: Path, account: pwd.struct_passwd) -> None:
    """Create `path` if needed and make it the account's private directory (mode 0700)."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    os.chown(path, account.pw_uid, account.pw_gid)


def ensure_traversable(directory: Path) -> None:
    """Let other users walk through `directory` and its parents (tmp dirs are often 0700)."""
    for folder in (directory, *directory.parents):
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)
