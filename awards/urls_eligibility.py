"""URLs of the awards app: eligibility (included by awards/urls.py)."""

from django.urls import path

from .views import eligibility

urlpatterns: list = [
    path("xet-dieu-kien/", eligibility.eligibility, name="eligibility"),
    path("xet-dieu-kien/xuat-excel/", eligibility.eligibility_export, name="eligibility_export"),
]
