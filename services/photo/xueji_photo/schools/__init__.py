"""School access: registration codes, teachers registered with them."""
