"""Demo data of the awards app: eligibility (registered through blocs.demo.register_loader)."""
