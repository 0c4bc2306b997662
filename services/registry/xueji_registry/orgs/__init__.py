"""Organisation units: nation → province → city → county → school."""
