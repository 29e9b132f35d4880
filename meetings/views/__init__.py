"""Views of the meetings app, one module per area: thin, scoped through meetings.access,
each calling one service of meetings.services."""
