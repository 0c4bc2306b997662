"""Pupil records: one person, one record (一人一籍), validated on every change."""
