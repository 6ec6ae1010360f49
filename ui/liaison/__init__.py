"""The residence-liaison area: members living here, comment sheets, members working away."""
