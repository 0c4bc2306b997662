"""The photo service's tables live in its own PostgreSQL schema."""

from __future__ import annotations

from sqlalchemy import MetaData

from xueji_common.org_replica import OrgReplica, org_replica_table
from xueji_common.outbox.tables import handled_events_table, outbox_table

SCHEMA = "photo"

metadata = MetaData(schema=SCHEMA)
outbox = outbox_table(metadata)
handled_events = handled_events_table(metadata)
org_units = OrgReplica(org_replica_table(metadata))
