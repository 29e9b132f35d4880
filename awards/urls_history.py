"""URLs of the awards app: the council, decisions and history (included by awards/urls.py)."""

from django.urls import path

from .views import council, decisions, history

urlpatterns = [
    path("hoi-dong/", council.council_list, name="council_list"),
    path("hoi-dong/de-nghi/<int:pk>/cong-khai/", council.notice_publish, name="notice_publish"),
    path("hoi-dong/de-nghi/<int:pk>/bieu-quyet/", council.council_vote, name="council_vote"),
    path("hoi-dong/de-nghi/<int:pk>/quyet-dinh/", decisions.decision_create, name="decision_create"),
    path("hoi-dong/de-nghi/<int:pk>/trinh-trung-uong/", decisions.proposal_forward, name="proposal_forward"),
    path("hoi-dong/de-nghi/<int:pk>/quyet-dinh-trung-uong/", decisions.central_decision_create,
         name="central_decision_create"),
    path("hoi-dong/phien-hop/<int:pk>/", council.council_session_detail, name="council_session_detail"),
    path("hoi-dong/phien-hop/<int:pk>/bien-ban/", council.council_minutes_download, name="council_minutes_download"),
    path("hoi-dong/phien-hop/<int:pk>/bien-ban/tai-len/", council.council_minutes_upload,
         name="council_minutes_upload"),
    path("cong-khai/<int:pk>/", council.notice_detail, name="notice_detail"),
    path("y-kien/", council.objection_list, name="objection_list"),
    path("y-kien/<int:pk>/giai-quyet/", council.objection_resolve, name="objection_resolve"),
    path("quyet-dinh/", decisions.decision_list, name="decision_list"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path("quyet-dinh/<int:pk>/ban-ky/", decisions.decision_file_download, name="decision_file_download"),
    path("quyet-dinh/<int:pk>/ban-ky/tai-len/", decisions.decision_file_upload, name="decision_file_upload"),
    path("lich-su/", history.history_search, name="history_search"),
    path("lich-su/xuat-excel/", history.history_export, name="history_export"),
    path("lich-su/<int:pk>/thu-hoi/", decisions.award_revoke, name="award_revoke"),
    path("lich-su/nhap/", history.history_import, name="history_import"),
    path("lich-su/nhap/mau/", history.history_template, name="history_template"),
]
