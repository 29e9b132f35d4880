"""Models of awards; filled in by its issue."""
