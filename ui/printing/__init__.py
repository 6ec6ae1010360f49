"""Printing: build a named document, then preview, print or save it as PDF."""
