"""URLs of the awards app: the catalogue, planned awards of a movement, yearly registrations."""

from django.urls import path

from . import urls_documents, urls_eligibility, urls_facts, urls_history, urls_proposals
from .views import catalogue, consolidation, registrations, rounds

app_name = "awards"

urlpatterns = [
    path("danh-muc/", catalogue.catalogue, name="catalogue"),
    path(
        "khen-thuong-du-kien/phong-trao/<int:movement_pk>/them/",
        catalogue.planned_award_create,
        name="planned_award_create",
    ),
    path("khen-thuong-du-kien/<int:pk>/sua/", catalogue.planned_award_update, name="planned_award_update"),
    path("khen-thuong-du-kien/<int:pk>/xoa/", catalogue.planned_award_delete, name="planned_award_delete"),
    path("dang-ky/", rounds.round_list, name="round_list"),
    path("dang-ky/mo-dot/", rounds.round_create, name="round_create"),
    path("dang-ky/<int:year>/", rounds.round_detail, name="round_detail"),
    path("dang-ky/<int:year>/sua/", rounds.round_update, name="round_update"),
    path("dang-ky/<int:year>/xuat-excel/", rounds.registration_export, name="registration_export"),
    path(
        "dang-ky/<int:year>/don-vi/<int:unit_pk>/",
        registrations.registration_create,
        name="registration_create",
    ),
    path("dang-ky/ban/<int:pk>/", registrations.registration_detail, name="registration_detail"),
    path("dang-ky/ban/<int:pk>/sua/", registrations.registration_update, name="registration_update"),
    path("dang-ky/ban/<int:pk>/gui/", registrations.registration_submit, name="registration_submit"),
    path("dang-ky/ban/<int:pk>/tra-lai/", registrations.registration_return, name="registration_return"),
    path("dang-ky/ban/<int:pk>/tiep-nhan/", registrations.registration_accept, name="registration_accept"),
    path(
        "dang-ky/tong-hop/<int:pk>/",
        consolidation.bloc_registration_detail,
        name="bloc_registration_detail",
    ),
    path(
        "dang-ky/tong-hop/<int:pk>/gui/",
        consolidation.bloc_registration_submit,
        name="bloc_registration_submit",
    ),
    path(
        "dang-ky/tong-hop/<int:pk>/tiep-nhan/",
        consolidation.bloc_registration_acknowledge,
        name="bloc_registration_acknowledge",
    ),
    path(
        "dang-ky/tong-hop/<int:pk>/xuat-excel/",
        consolidation.bloc_registration_export,
        name="bloc_registration_export",
    ),
]

# Each area of the pipeline keeps its own URL module.
for _area in (urls_facts, urls_eligibility, urls_proposals, urls_history, urls_documents):
    urlpatterns += _area.urlpatterns
