"""One thin client per service the console calls, over one shared call function."""
