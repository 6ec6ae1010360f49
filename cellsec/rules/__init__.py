"""The regulations as data (settings with their source) and pure functions that apply them."""
