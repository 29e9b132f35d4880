"""Demo data of the awards app: proposals (registered through blocs.demo.register_loader)."""
