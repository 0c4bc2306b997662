"""Transactional outbox: events are rows written in the same commit as the change they describe."""
