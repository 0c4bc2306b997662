from xueji_common.migrations import run_migrations
from xueji_export.migrations.models import metadata

run_migrations(metadata)
