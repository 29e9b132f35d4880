"""URLs of the meetings app: conferences of the blocs and of the province, the year-end
review's scoring and ranking, the vote for next year's lead, the files, and the six-month and
year-end review reports (/hoi-nghi/bao-cao/…)."""

from django.urls import path

from .views import meetings as m
from .views import reports as r
from .views import scoring as s
from .views import votes as v

app_name = "meetings"

urlpatterns = [
    path("hoi-nghi/", m.meeting_list, name="meeting_list"),
    path("hoi-nghi/tao-moi/", m.meeting_create, name="meeting_create"),
    path("hoi-nghi/<int:pk>/", m.meeting_detail, name="meeting_detail"),
    path("hoi-nghi/<int:pk>/sua/", m.meeting_update, name="meeting_update"),
    path("hoi-nghi/du-hop/<int:pk>/xac-nhan/", m.attendance_confirm, name="attendance_confirm"),
    path("hoi-nghi/<int:pk>/tai-lieu/them/", m.document_upload, name="document_upload"),
    path("hoi-nghi/tai-lieu/<int:pk>/tai-ve/", m.document_file, name="document_file"),
    path("hoi-nghi/<int:pk>/bien-ban/tai-len/", m.minutes_upload, name="minutes_upload"),
    path("hoi-nghi/<int:pk>/bien-ban.pdf", m.minutes_file, name="minutes_file"),
    path("hoi-nghi/<int:pk>/du-thao-bien-ban.<str:fmt>", m.minutes_document, name="minutes_document"),
    path("hoi-nghi/<int:pk>/xep-hang/", s.ranking, name="ranking"),
    path("hoi-nghi/<int:pk>/cham-diem/mo-phieu/", s.sheets_open, name="sheets_open"),
    path("hoi-nghi/<int:pk>/xep-hang/chot/", s.ranking_finalise, name="ranking_finalise"),
    path("hoi-nghi/<int:pk>/de-nghi-khen-thuong/", s.awards_propose, name="awards_propose"),
    path("hoi-nghi/phieu-cham/<int:pk>/", s.sheet_detail, name="sheet_detail"),
    path("hoi-nghi/phieu-cham/<int:pk>/thong-nhat/", s.sheet_agree, name="sheet_agree"),
    path("hoi-nghi/<int:pk>/suy-ton/", v.election_create, name="election_create"),
    path("hoi-nghi/bao-cao/", r.report_list, name="report_list"),
    path("hoi-nghi/bao-cao/tao-moi/", r.report_create, name="report_create"),
    path("hoi-nghi/bao-cao/<int:pk>/", r.report_detail, name="report_detail"),
    path("hoi-nghi/bao-cao/<int:pk>/ket-xuat/", r.report_render, name="report_render"),
    path("hoi-nghi/bao-cao/ket-xuat/<int:pk>/", r.report_job, name="report_job"),
    path("hoi-nghi/bao-cao/ket-xuat/<int:pk>/chay-lai/", r.report_job_retry, name="report_job_retry"),
    path("hoi-nghi/bao-cao/ban-in/<int:pk>/tai-ve/", r.report_file, name="report_file"),
]
