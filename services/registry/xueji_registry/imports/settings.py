"""Import limits and parallelism, from XUEJI_IMPORT_* environment variables."""

from __future__ import annotations

import os

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_workers() -> int:
    return min(4, os.cpu_count() or 1)


class ImportSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="XUEJI_IMPORT_", extra="ignore", frozen=True)

    max_file_bytes: int = 50 * 1024 * 1024
    max_rows: int = 200_000
    # Uncompressed sheet XML: a zip bomb stops here, long before memory runs out.
    max_sheet_xml_bytes: int = 2 * 1024 * 1024 * 1024
    # About 4,000 rows: enough work per chunk to hide the hand-over, small enough to balance
    # the workers and keep each one's memory low.
    chunk_bytes: int = 4 * 1024 * 1024
    # Worker processes for files of more than one chunk; 0 reads every chunk in a thread.
    workers: int = Field(default_factory=_default_workers)
    # Reasons listed in the JSON answer; the .xlsx report always has them all.
    answer_errors_limit: int = 1000
