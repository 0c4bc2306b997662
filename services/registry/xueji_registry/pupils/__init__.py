"""Pupil records: one person, one record (一人一籍), validated on every change.

Here: the record (`model` rules, `state`, `tables`, `rows` between the two, `holders` of the
one record), the use cases (`service`, `problems`) and the HTTP layer (`views`, `schemas`).
Below, by job: `entry` makes record versions from what a school enters (no I/O); `contract`
describes a record as the events of xueji.registry.v1 (no I/O); `writing` stores new and
changed records with their numbers and history; `reading` finds the records a caller may see.
"""
