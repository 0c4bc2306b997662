"""Collection windows (采集时间) per cohort and organisation unit."""
