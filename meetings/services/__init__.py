"""Business actions of the meetings app; views, the demo loader and commands call these."""
