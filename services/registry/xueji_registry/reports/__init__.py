"""Reports the registry produces: the monthly report, the school's full registry, and the
special-education reconciliation list."""
