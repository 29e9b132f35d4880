"""Admin pages of the documents area."""
