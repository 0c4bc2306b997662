from xueji_common.migrations import run_migrations
from xueji_photo.schema import metadata

run_migrations(metadata)
