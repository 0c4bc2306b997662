"""FastAPI plumbing every service shares: problem+json, auth, health, metrics, tracing."""
