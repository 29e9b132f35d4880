"""Views of the movements app, one module per area: thin, scoped through movements.access."""
