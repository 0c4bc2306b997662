"""The pupil record as the xueji.registry.v1 contract describes it: snapshots, enums, events."""
