"""The web console: Chinese pages for staff over the services' public APIs; it owns no data."""
