from django.urls import path

from .views import blocs, jobs, people, units

app_name = "blocs"

urlpatterns = [
    path("don-vi/", units.unit_list, name="unit_list"),
    path("don-vi/them/", units.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/sua/", units.unit_update, name="unit_update"),
    path("don-vi/<int:pk>/giai-the/", units.unit_dissolve, name="unit_dissolve"),
    path("khoi/", blocs.bloc_list, name="bloc_list"),
    path("khoi/them/", blocs.bloc_create, name="bloc_create"),
    path("khoi/<int:pk>/", blocs.bloc_detail, name="bloc_detail"),
    path("khoi/<int:pk>/sua/", blocs.bloc_update, name="bloc_update"),
    path("khoi/<int:pk>/nam/<int:year>/them-thanh-vien/", blocs.membership_add, name="membership_add"),
    path("khoi/<int:pk>/nam/<int:year>/sao-chep/", blocs.bloc_copy, name="bloc_copy"),
    path("khoi/<int:pk>/nam/<int:year>/xac-nhan/", blocs.bloc_confirm, name="bloc_confirm"),
    path("thanh-vien/<int:pk>/vai-tro/", blocs.membership_role, name="membership_role"),
    path("thanh-vien/<int:pk>/rut/", blocs.membership_remove, name="membership_remove"),
    path("ca-nhan/", people.person_list, name="person_list"),
    path("ca-nhan/them/", people.person_create, name="person_create"),
    path("ca-nhan/<int:pk>/", people.person_detail, name="person_detail"),
    path("ca-nhan/<int:pk>/sua/", people.person_update, name="person_update"),
    path("ca-nhan/<int:pk>/chuyen-don-vi/", people.transfer_create, name="transfer_create"),
    path("don-vi/xuat-excel/", jobs.units_export, name="units_export"),
    path("ca-nhan/xuat-excel/", jobs.people_export, name="people_export"),
    path("cong-viec/<int:pk>/", jobs.job_detail, name="job_detail"),
    path("cong-viec/<int:pk>/tai-ve/", jobs.job_download, name="job_download"),
    path("cong-viec/<int:pk>/chay-lai/", jobs.job_retry, name="job_retry"),
    path("chuyen-don-vi/", people.transfer_list, name="transfer_list"),
    path("chuyen-don-vi/<int:pk>/xu-ly/", people.transfer_decide, name="transfer_decide"),
]
