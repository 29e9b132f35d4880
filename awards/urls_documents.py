"""URLs of the awards app: official documents of a proposal (included by awards/urls.py)."""

from django.urls import path

from .views import documents

urlpatterns: list = [
    path("de-nghi/<int:pk>/to-trinh.<str:fmt>", documents.proposal_submission, name="proposal_submission"),
    path("de-nghi/<int:pk>/du-thao-quyet-dinh.<str:fmt>", documents.proposal_draft_decision,
         name="proposal_draft_decision"),
]
