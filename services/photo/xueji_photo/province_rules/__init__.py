"""The photo rule each province applies, stored as versioned data."""
