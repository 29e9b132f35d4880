"""Demo data of the awards app: facts (registered through blocs.demo.register_loader)."""
