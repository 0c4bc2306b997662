"""From what a school enters to a record version: candidates, checks, drafts; no I/O."""
