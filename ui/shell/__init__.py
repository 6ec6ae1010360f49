"""The window shell: app start-up, main window, navigation, menus, status bar, settings."""
