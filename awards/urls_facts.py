"""URLs of the awards app: rule sets and facts (included by awards/urls.py)."""

from django.urls import path

from .views import facts, facts_rankings, facts_records, rules

urlpatterns: list = [
    path("bo-quy-tac/", rules.rule_set_list, name="rule_set_list"),
    path("bo-quy-tac/<int:pk>/", rules.rule_set_detail, name="rule_set_detail"),
    path("xep-loai/", facts.rating_index, name="rating_index"),
    path("xep-loai/don-vi/<int:unit_pk>/<int:year>/", facts.rating_unit_year, name="rating_unit_year"),
    path("xep-loai/don-vi/<int:unit_pk>/<int:year>/tep-mau/", facts.rating_template, name="rating_template"),
    path("xep-loai/don-vi/<int:unit_pk>/<int:year>/nhap-excel/", facts.rating_import, name="rating_import"),
    path(
        "xep-loai/don-vi/<int:unit_pk>/<int:year>/tep-loi/",
        facts.rating_import_errors,
        name="rating_import_errors",
    ),
    path("xep-hang-khoi/", facts_rankings.ranking_index, name="ranking_index"),
    path("xep-hang-khoi/<int:bloc_pk>/<int:year>/", facts_rankings.ranking_bloc_year, name="ranking_bloc_year"),
    path("sang-kien/", facts_records.initiative_list, name="initiative_list"),
    path("sang-kien/them/", facts_records.initiative_create, name="initiative_create"),
    path("sang-kien/<int:pk>/sua/", facts_records.initiative_update, name="initiative_update"),
    path("ky-luat/", facts_records.discipline_list, name="discipline_list"),
    path("ky-luat/them/", facts_records.discipline_create, name="discipline_create"),
    path("ky-luat/<int:pk>/sua/", facts_records.discipline_update, name="discipline_update"),
    path("vu-viec/", facts_records.hold_list, name="hold_list"),
    path("vu-viec/them/", facts_records.hold_create, name="hold_create"),
    path("vu-viec/<int:pk>/sua/", facts_records.hold_update, name="hold_update"),
    path("vu-viec/<int:pk>/ket-thuc/", facts_records.hold_close, name="hold_close"),
]
