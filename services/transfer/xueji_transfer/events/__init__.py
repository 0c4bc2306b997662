"""Transfer events: recording them from the workflow, and decisions from docking provinces."""
