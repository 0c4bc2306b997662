"""Transfers between schools (SPEC §5): filing, the decisions of each party, reading them."""
