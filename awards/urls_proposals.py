"""URLs of the awards app: proposals (included by awards/urls.py)."""

from django.urls import path

from .views import proposal_review as review
from .views import proposals

urlpatterns: list = [
    path("de-nghi/", proposals.proposal_list, name="proposal_list"),
    path("de-nghi/tao/", proposals.proposal_create, name="proposal_create"),
    path("de-nghi/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("de-nghi/<int:pk>/sua/", proposals.proposal_update, name="proposal_update"),
    path("de-nghi/<int:pk>/them/", proposals.nominee_add, name="nominee_add"),
    path("de-nghi/<int:pk>/ho-so/", proposals.document_upload, name="proposal_document_upload"),
    path("de-nghi/<int:pk>/kiem-tra/", proposals.proposal_check, name="proposal_check"),
    path("de-nghi/<int:pk>/gui/", proposals.proposal_submit, name="proposal_submit"),
    path("de-nghi/<int:pk>/tiep-nhan/", review.proposal_receive, name="proposal_receive"),
    path("de-nghi/<int:pk>/tham-dinh/", review.proposal_start_review, name="proposal_start_review"),
    path("de-nghi/<int:pk>/tra-lai/", review.proposal_return, name="proposal_return"),
    path("de-nghi/<int:pk>/trinh-hoi-dong/", review.proposal_accept, name="proposal_accept"),
    path("de-nghi/<int:pk>/khong-khen/", review.proposal_reject, name="proposal_reject"),
    path("de-nghi/nguoi/<int:pk>/sua/", proposals.nominee_update, name="nominee_update"),
    path("de-nghi/nguoi/<int:pk>/bo/", proposals.nominee_remove, name="nominee_remove"),
    path("de-nghi/nguoi/<int:pk>/tham-dinh/", review.nominee_appraise, name="nominee_appraise"),
    path("de-nghi/nguoi/<int:pk>/ngoai-le/", review.nominee_override, name="nominee_override"),
    path("de-nghi/tai-lieu/<int:pk>/", proposals.document_download, name="proposal_document_download"),
    path("de-nghi/tong-hop/khoi/<int:pk>/<int:year>/", review.proposal_gather_bloc, name="proposal_gather_bloc"),
    path("de-nghi/tong-hop/trung-uong/<int:year>/", review.proposal_gather_central, name="proposal_gather_central"),
]
