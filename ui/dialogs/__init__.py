"""Dialogs: one form each, saving through a cellsec service."""
