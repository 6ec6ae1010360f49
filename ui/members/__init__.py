"""The member register area: its page, the member and event dialogs, the register table."""
