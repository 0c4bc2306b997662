"""Province transfer rules: pure checks and their table."""
