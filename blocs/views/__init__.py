"""Views of the organisation: thin; they fetch through ``blocs.access`` and call services."""
