"""The headless command line (`cellsec`, `python -m cellsec.cli`): the same services the app
uses, for scripting, support and tests. main.py holds the parser; each module its commands."""
