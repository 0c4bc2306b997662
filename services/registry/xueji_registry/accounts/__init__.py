"""Staff accounts and sign-in."""
