"""Qt item models over plain lists of core entities (they never query the data file)."""
