"""URLs of the awards app: history (included by awards/urls.py)."""

urlpatterns: list = []
