"""URLs of the awards app: facts (included by awards/urls.py)."""

urlpatterns: list = []
