"""URLs of the awards app: eligibility (included by awards/urls.py)."""

urlpatterns: list = []
