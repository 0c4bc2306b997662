"""Evidence documents for transfer applications, kept in object storage."""
