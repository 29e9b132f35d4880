"""Business actions of the movements app, one module per area."""
