from xueji_common.migrations import run_migrations
from xueji_transfer.schema import metadata

run_migrations(metadata)
