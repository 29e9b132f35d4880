"""Admin of the awards app: proposals (imported by awards/admin.py)."""
