from xueji_common.migrations import run_migrations
from xueji_photo.migrations.models import metadata

run_migrations(metadata)
