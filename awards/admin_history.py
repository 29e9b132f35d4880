"""Admin of the awards app: history (imported by awards/admin.py)."""
