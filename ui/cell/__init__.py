"""The cell itself: its profile, its rule settings and its committee over time."""
