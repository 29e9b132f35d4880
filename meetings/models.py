"""Models of meetings; filled in by its issue."""
