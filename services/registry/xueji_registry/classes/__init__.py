"""Classes of a school and class assignment (分班)."""
