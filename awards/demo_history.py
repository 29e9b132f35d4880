"""Demo data of the awards app: history (registered through blocs.demo.register_loader)."""
