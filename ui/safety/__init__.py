"""Keeping the data safe: backups (automatic, manual, restore, USB) and the change log."""
