"""The registry's open-case lock: a pupil has at most one open transfer or status change."""
