"""What two or more UI features use: the page contract, the dialog/operation runner, widgets."""
