"""Status changes (学籍异动, SPEC §4): filed by the school, decided by the county in a workflow."""
