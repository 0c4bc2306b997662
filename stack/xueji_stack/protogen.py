"""Regenerate the Python protobuf contracts in common/xueji/ from proto/.

`python -m xueji_stack.protogen` rewrites the generated package; `--check` only reports
the files that differ from what proto/ would generate and exits 1 if there are any.
common/xueji/ holds generated code only: any other .py or .pyi found there is removed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

REPO_ROOT = Path(__file__).resolve().parents[2]
PROTO_ROOT = REPO_ROOT / "proto"
OUTPUT_ROOT = REPO_ROOT / "common"
PACKAGE = "xueji"
GENERATED_SUFFIXES = (".py", ".pyi")
PACKAGE_DOCSTRING = '"""Generated protobuf contracts: do not edit, run `make proto`."""\n'


class ProtocError(RuntimeError):
    """protoc rejected the contracts."""


def proto_files(proto_root: Path = PROTO_ROOT) -> list[Path]:
    return sorted((proto_root / PACKAGE).rglob("*.proto"))


def render(proto_root: Path = PROTO_ROOT) -> dict[str, bytes]:
    """Everything the generated package should contain, keyed by path relative to its parent."""
    files = proto_files(proto_root)
    if not files:
        raise ProtocError(f"no .proto files under {proto_root / PACKAGE}")
    well_known = resources.files("grpc_tools") / "_proto"
    with tempfile.TemporaryDirectory(prefix="xueji-protogen-") as out:
        status = protoc.main(
            [
                "grpc_tools.protoc",
                f"--proto_path={proto_root}",
                f"--proto_path={well_known}",
                f"--python_out={out}",
                f"--pyi_out={out}",
                *(str(path) for path in files),
            ]
        )
        if status != 0:
            raise ProtocError(f"protoc failed with exit status {status}")
        rendered = {
            path.relative_to(out).as_posix(): path.read_bytes()
            for path in Path(out).rglob("*")
            if path.is_file()
        }
    for package_dir in _package_dirs(rendered):
        rendered[f"{package_dir}/__init__.py"] = PACKAGE_DOCSTRING.encode()
    return dict(sorted(rendered.items()))


def _package_dirs(rendered: Mapping[str, bytes]) -> set[str]:
    dirs: set[str] = set()
    for name in rendered:
        parts = name.split("/")[:-1]
        dirs.update("/".join(parts[: depth + 1]) for depth in range(len(parts)))
    return dirs


def current(output_root: Path = OUTPUT_ROOT) -> dict[str, bytes]:
    """The generated files now on disk (ignoring caches and anything that is not Python)."""
    package_root = output_root / PACKAGE
    if not package_root.is_dir():
        return {}
    return {
        path.relative_to(output_root).as_posix(): path.read_bytes()
        for path in sorted(package_root.rglob("*"))
        if path.is_file() and path.suffix in GENERATED_SUFFIXES and "__pycache__" not in path.parts
    }


def diff(wanted: Mapping[str, bytes], present: Mapping[str, bytes]) -> list[str]:
    """One line per differing file ("missing: …", "extra: …", "stale: …"), sorted by path."""
    report = [f"missing: {name}" for name in wanted.keys() - present.keys()]
    report += [f"extra: {name}" for name in present.keys() - wanted.keys()]
    report += [
        f"stale: {name}" for name in wanted.keys() & present.keys() if wanted[name] != present[name]
    ]
    return sorted(report, key=lambda line: line.split(": ", 1)[1])


def stale_files(proto_root: Path = PROTO_ROOT, output_root: Path = OUTPUT_ROOT) -> list[str]:
    """How the generated package differs from what proto/ generates; empty when fresh."""
    return diff(render(proto_root), current(output_root))


def write(proto_root: Path = PROTO_ROOT, output_root: Path = OUTPUT_ROOT) -> list[str]:
    """Regenerate in place, removing generated files whose .proto is gone; returns the diff."""
    wanted = render(proto_root)
    present = current(output_root)
    for name in present.keys() - wanted.keys():
        (output_root / name).unlink()
    for name, content in wanted.items():
        if present.get(name) != content:
            target = output_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    _remove_empty_dirs(output_root / PACKAGE)
    return diff(wanted, present)


def _remove_empty_dirs(root: Path) -> None:
    for directory in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if directory.name != "__pycache__" and not any(directory.iterdir()):
            directory.rmdir()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xueji_stack.protogen", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; list generated files that are stale and exit 1 if any",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = stale_files()
            for line in problems:
                print(line)
            if problems:
                print("generated contracts are stale: run `make proto`", file=sys.stderr)
            return 1 if problems else 0
        for line in write():
            kind, name = line.split(": ", 1)
            print(f"removed {name}" if kind == "extra" else f"wrote {name}")
    except ProtocError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
