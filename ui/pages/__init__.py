"""Pages shown in the main window, one per area of the secretary's work."""
