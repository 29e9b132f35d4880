"""Admin pages of the pledges area."""
