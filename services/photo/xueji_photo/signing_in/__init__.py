"""Signing in: client addresses, the throttle on failed attempts."""
