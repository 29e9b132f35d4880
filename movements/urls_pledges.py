"""Pledges with their criteria and signatories, a bloc's work plan and budget estimate."""

from django.urls import path

from .views import budgets as b
from .views import pledges as v

urlpatterns = [
    path("giao-uoc/", v.pledge_list, name="pledge_list"),
    path("giao-uoc/khoi/<int:pk>/nam/<int:year>/tao-moi/", v.pledge_create, name="pledge_create"),
    path("giao-uoc/khoi/<int:pk>/nam/<int:year>/sao-chep/", v.pledge_copy, name="pledge_copy"),
    path("giao-uoc/<int:pk>/", v.pledge_detail, name="pledge_detail"),
    path("giao-uoc/<int:pk>/sua/", v.pledge_update, name="pledge_update"),
    path("giao-uoc/<int:pk>/ky-ket/", v.pledge_sign, name="pledge_sign"),
    path("giao-uoc/<int:pk>/tai-len/", v.pledge_attach, name="pledge_attach"),
    path("giao-uoc/<int:pk>/ban-ky.pdf", v.pledge_file, name="pledge_file"),
    path("giao-uoc/<int:pk>/mo-lai/", v.pledge_reopen, name="pledge_reopen"),
    path("giao-uoc/<int:pk>/nhom/them/", v.criterion_group_add, name="criterion_group_add"),
    path("giao-uoc/nhom/<int:pk>/sua/", v.criterion_group_update, name="criterion_group_update"),
    path("giao-uoc/nhom/<int:pk>/xoa/", v.criterion_group_delete, name="criterion_group_delete"),
    path("giao-uoc/nhom/<int:pk>/tieu-chi/them/", v.criterion_add, name="criterion_add"),
    path("giao-uoc/tieu-chi/<int:pk>/sua/", v.criterion_update, name="criterion_update"),
    path("giao-uoc/tieu-chi/<int:pk>/xoa/", v.criterion_delete, name="criterion_delete"),
    path("giao-uoc/<int:pk>/nguoi-ky/them/", v.signatory_add, name="signatory_add"),
    path("giao-uoc/nguoi-ky/<int:pk>/sua/", v.signatory_update, name="signatory_update"),
    path("giao-uoc/nguoi-ky/<int:pk>/xoa/", v.signatory_delete, name="signatory_delete"),
    path("hoat-dong/khoi/<int:pk>/nam/<int:year>/", b.activity_list, name="activity_list"),
    path("hoat-dong/khoi/<int:pk>/nam/<int:year>/them/", b.activity_create, name="activity_create"),
    path("hoat-dong/<int:pk>/sua/", b.activity_update, name="activity_update"),
    path("hoat-dong/<int:pk>/trang-thai/", b.activity_status, name="activity_status"),
    path("hoat-dong/<int:pk>/xoa/", b.activity_delete, name="activity_delete"),
    path("kinh-phi/khoi/<int:pk>/nam/<int:year>/tao-moi/", b.budget_create, name="budget_create"),
    path("kinh-phi/<int:pk>/", b.budget_detail, name="budget_detail"),
    path("kinh-phi/<int:pk>/khoan-chi/them/", b.budget_line_add, name="budget_line_add"),
    path("kinh-phi/khoan-chi/<int:pk>/sua/", b.budget_line_update, name="budget_line_update"),
    path("kinh-phi/khoan-chi/<int:pk>/xoa/", b.budget_line_delete, name="budget_line_delete"),
    path("kinh-phi/<int:pk>/dong-gop/them/", b.budget_contribution_add, name="budget_contribution_add"),
    path("kinh-phi/dong-gop/<int:pk>/sua/", b.budget_contribution_update, name="budget_contribution_update"),
    path("kinh-phi/dong-gop/<int:pk>/xoa/", b.budget_contribution_delete, name="budget_contribution_delete"),
    path("kinh-phi/<int:pk>/thong-qua/", b.budget_approve, name="budget_approve"),
    path("kinh-phi/<int:pk>/mo-lai/", b.budget_reopen, name="budget_reopen"),
]
