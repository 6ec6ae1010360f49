"""The superiors area: the directory, assignments, directions follow-up and the tally."""
