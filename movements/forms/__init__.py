"""Forms of the movements app, one module per area."""
