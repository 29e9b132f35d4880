"""Views of the awards app: thin, each fetching through ``awards.access``, validating a form
and calling one service."""
