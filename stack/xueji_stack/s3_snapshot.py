"""Keeps the local S3 stand-in's objects across restarts: moto holds them only in memory.

On a clean stop every object is written under the snapshot directory
(`<bucket>/<quoted key>` plus a JSON sidecar with its content type and metadata);
on start they are uploaded again. Production uses MinIO, which needs none of this.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

from minio import Minio

_SIDECAR = ".meta.json"


def save(client: Minio, directory: Path) -> int:
    """Replace the snapshot with the server's current objects; returns how many."""
    staging = directory.with_name(directory.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    count = 0
    for bucket in client.list_buckets():
        bucket_dir = staging / bucket.name
        bucket_dir.mkdir()
        for item in client.list_objects(bucket.name, recursive=True):
            name = quote(item.object_name, safe="")
            response = client.get_object(bucket.name, item.object_name)
            try:
                (bucket_dir / name).write_bytes(response.read())
            finally:
                response.close()
                response.release_conn()
            stat = client.stat_object(bucket.name, item.object_name)
            sidecar = {"content_type": stat.content_type, "metadata": _user_metadata(stat.metadata)}
            (bucket_dir / (name + _SIDECAR)).write_text(json.dumps(sidecar, ensure_ascii=False))
            count += 1
    shutil.rmtree(directory, ignore_errors=True)
    staging.rename(directory)
    return count


def restore(client: Minio, directory: Path) -> int:
    """Upload a saved snapshot into an empty server; returns how many objects."""
    if not directory.is_dir():
        return 0
    count = 0
    for bucket_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
        if not client.bucket_exists(bucket_dir.name):
            client.make_bucket(bucket_dir.name)
        for path in sorted(bucket_dir.iterdir()):
            if path.name.endswith(_SIDECAR):
                continue
            sidecar = json.loads((bucket_dir / (path.name + _SIDECAR)).read_text())
            client.fput_object(
                bucket_dir.name,
                unquote(path.name),
                str(path),
                content_type=sidecar["content_type"],
                metadata=sidecar["metadata"] or None,
            )
            count += 1
    return count


def _user_metadata(headers: object) -> dict[str, str]:
    prefix = "x-amz-meta-"
    return {
        key[len(prefix) :]: value
        for key, value in dict(headers or {}).items()
        if key.lower().startswith(prefix)
    }
