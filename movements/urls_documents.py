"""URLs of directives and plans, movements and the blocs' implementation plans."""

from django.urls import path

from .views import documents as views

urlpatterns = [
    path("van-ban/", views.document_list, name="document_list"),
    path("van-ban/them/", views.document_create, name="document_create"),
    path("van-ban/<int:pk>/", views.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/sua/", views.document_update, name="document_update"),
    path("van-ban/<int:pk>/ban-ky/", views.document_file, name="document_file"),
    path("phong-trao/", views.movement_list, name="movement_list"),
    path("phong-trao/them/", views.movement_create, name="movement_create"),
    path("phong-trao/<int:pk>/", views.movement_detail, name="movement_detail"),
    path("phong-trao/<int:pk>/sua/", views.movement_update, name="movement_update"),
    path("phong-trao/<int:pk>/trang-thai/", views.movement_status, name="movement_status"),
    path("ke-hoach/", views.plan_list, name="plan_list"),
    path("ke-hoach/them/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/sua/", views.plan_update, name="plan_update"),
    path("ke-hoach/<int:pk>/nhiem-vu/", views.plan_tasks, name="plan_tasks"),
    path("nhiem-vu/<int:pk>/bao-cao/", views.task_report, name="task_report"),
    path("nhiem-vu/<int:pk>/mo-lai/", views.task_reopen, name="task_reopen"),
]
