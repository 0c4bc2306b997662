"""Corrections of registered core fields, approved by the county bureau."""
