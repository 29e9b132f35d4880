"""URLs of the awards app: proposals (included by awards/urls.py)."""

urlpatterns: list = []
