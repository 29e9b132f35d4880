"""Admin of the awards app: facts (imported by awards/admin.py)."""
