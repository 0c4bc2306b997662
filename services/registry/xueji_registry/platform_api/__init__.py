"""The registry API other Xueji services call (lookup, case lock, record move)."""
