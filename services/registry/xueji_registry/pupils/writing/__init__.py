"""Storing new and changed records: inserts, saves, national numbers, field history."""
