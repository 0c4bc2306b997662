"""Opaque sign-in sessions of parents and teachers, and the caller they make."""
