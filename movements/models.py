"""Models of movements; filled in by its issue."""
