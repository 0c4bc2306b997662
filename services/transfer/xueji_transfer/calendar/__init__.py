"""The transfer service's holiday calendar: stored schedules, their HTTP views, the deadline
activity and the re-signalling after a publish. The arithmetic is in `xueji_common.calendar`."""
