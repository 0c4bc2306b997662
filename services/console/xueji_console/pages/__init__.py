"""Routes by area: `pages/<area>.py` renders `templates/<area>/`."""
