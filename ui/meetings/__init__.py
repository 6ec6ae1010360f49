"""The meetings area: the year page, the meeting editor and its tabs (roll, agenda, Cấp trên)."""
