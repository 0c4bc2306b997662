"""Pure registry rules: identifiers, code tables and record checks.

Nothing here touches a database, a network or the clock: callers pass `today`.
"""
