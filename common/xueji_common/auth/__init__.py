"""Identity and access: signed tokens, roles and organisation-unit scope."""
