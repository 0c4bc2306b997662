"""`python -m xueji_export`: migrate and serve (the roles XUEJI_ROLES names); `worker`: migrate
and run the Temporal worker alone (approval workflows, file generation, expiry), as the
export-worker deployment does; `rebuild-read-model` replays the pupil,
transfer and photo topics into an emptied read model; `verify-audit` checks every audit chain
and names each edited, deleted or reordered record (exit status 1 when any is broken);
`apply-audit-retention` removes each chain's records older than its province's retention
setting (at least six months), leaving an anchor the verification starts from."""

from __future__ import annotations

import asyncio
import sys

from xueji_common.db import Database
from xueji_common.migrations import upgrade_to_head
from xueji_common.service import run_service
from xueji_common.settings import load_settings
from xueji_export.audit.retention import apply_all
from xueji_export.audit.verification import chains, verify_chain
from xueji_export.bootstrap import MIGRATIONS, build
from xueji_export.read_model.rebuild import rebuild_read_model
from xueji_export.schema import SCHEMA
from xueji_export.settings import WORKER, ExportSettings


async def _serve(settings: ExportSettings) -> int:
    kernel, parts = await build(settings)
    await run_service(kernel, MIGRATIONS, parts)
    return 0


async def _work(settings: ExportSettings) -> int:
    return await _serve(settings.model_copy(update={"roles": WORKER}))


async def _rebuild(settings: ExportSettings) -> int:
    await upgrade_to_head(MIGRATIONS, settings.asyncpg_url, SCHEMA)
    db = Database(settings.asyncpg_url, SCHEMA)
    try:
        applied = await rebuild_read_model(
            db, settings.kafka_bootstrap, security=settings.kafka_security
        )
    finally:
        await db.dispose()
    print(f"export read model rebuilt from {applied} events")
    return 0


async def _verify(settings: ExportSettings) -> int:
    db = Database(settings.asyncpg_url, SCHEMA)
    broken = 0
    try:
        async with db.sessions() as session:
            for province in await chains(session):
                findings = await verify_chain(session, province)
                broken += bool(findings)
                print(f"chain {province}: {'intact' if not findings else 'BROKEN'}")
                for finding in findings:
                    print(
                        f"  {finding.kind.value} #{finding.sequence} {finding.record_id}"
                        f" {finding.detail}"
                    )
    finally:
        await db.dispose()
    return 1 if broken else 0


async def _retain(settings: ExportSettings) -> int:
    db = Database(settings.asyncpg_url, SCHEMA)
    try:
        runs = await apply_all(db)
    finally:
        await db.dispose()
    for run in runs:
        print(
            f"chain {run.province_code}: {run.removed} records before {run.cutoff:%Y-%m-%d}"
            f" removed ({run.retention_months} months), anchored at #{run.anchor_sequence}"
        )
    if not runs:
        print("no audit record is past its retention")
    return 0


COMMANDS = {
    "worker": _work,
    "rebuild-read-model": _rebuild,
    "verify-audit": _verify,
    "apply-audit-retention": _retain,
}


def main() -> None:
    command = COMMANDS.get(sys.argv[1]) if len(sys.argv) > 1 else _serve
    if command is None:
        sys.exit(f"usage: python -m xueji_export [{' | '.join(COMMANDS)}]")
    sys.exit(asyncio.run(command(load_settings(ExportSettings))))


if __name__ == "__main__":
    main()
