"""Graduation-certificate photo lists (毕业证书照片名单) per graduating cohort of a unit."""
