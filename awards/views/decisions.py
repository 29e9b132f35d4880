"""Decisions: the list by year, one decision with its awardees and money, recording the
province's decision, forwarding to the central level and its decision, revocation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access_history as access
from ..forms_history import (
    CentralDecisionForm,
    DecisionForm,
    ForwardForm,
    RevokeForm,
    SignedPdfForm,
)
from ..models import Decision, NomineeOutcome
from ..services import decisions
from ..services.council import passed_nominee_ids, rules_by_title
from ..services.decisions import decision_filename
from ..services.history import RELATED

PDF = "application/pdf"


def decision_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    rows = (
        Decision.objects.filter(year=year).select_related("proposal")
        .annotate(awardees=Count("records", distinct=True), total=Sum("records__amount"))
        .order_by("-signed_on", "-number")
    )
    context = {"page": paginate(request, rows), "year": year, "query": query_string_without_page(request)}
    return render(request, "awards/decision_list.html", context)


def _render_detail(request: HttpRequest, decision: Decision, file_form: SignedPdfForm | None = None) -> HttpResponse:
    records = list(decision.records.select_related(*RELATED).order_by("pk"))
    revoked = list(decision.revoked_records.select_related(*RELATED).order_by("pk"))
    context = {"decision": decision, "records": records, "revoked": revoked,
               "total": sum(r.amount or 0 for r in records), "can_run": access.can_run_council(request.user),
               "file_form": file_form or SignedPdfForm()}
    return render(request, "awards/decision_detail.html", context)


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, access.get_decision_for_user(request.user, pk))


@require_POST
def decision_file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed decision's scan, by interior staff; a refused file leaves the old one."""
    decision = access.get_decision_for_user(request.user, pk)
    if not access.can_run_council(request.user):
        raise PermissionDenied
    form = SignedPdfForm(request.POST, request.FILES)
    if form.is_valid() and run_service(form, lambda: decisions.decision_file_attach(
            actor=request.user, decision=decision, upload=form.cleaned_data["file"])):
        messages.success(request, _("Đã lưu bản ký của Quyết định số %(d)s.") % {"d": decision})
        return redirect(decision)
    return _render_detail(request, decision, form)


def decision_file_download(request: HttpRequest, pk: int) -> FileResponse:
    decision = access.get_decision_for_user(request.user, pk)
    if not decision.file:
        raise Http404
    return FileResponse(decision.file.open("rb"), as_attachment=True, filename=decision_filename(decision),
                        content_type=PDF)


def _waiting(proposal, *, central: bool):
    rules = rules_by_title(proposal.rule_set)
    outcome = NomineeOutcome.FORWARDED if central else NomineeOutcome.ACCEPTED
    nominees = proposal.nominees.filter(outcome=outcome).select_related("person", "unit", "household", "title")
    return [n for n in nominees if central or not (n.title_id in rules and rules[n.title_id].is_central)]


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_council(request.user, pk, write=True)
    nominees = _waiting(proposal, central=False)
    form = DecisionForm(request.POST or None, nominees=nominees,
                        initial={"signed_on": timezone.localdate(), "subject": proposal.subject})
    if request.method == "POST" and form.is_valid():
        decision = run_service(form, lambda: decisions.decision_record(
            actor=request.user, proposal=proposal, signing=form.signing(), deferred=form.deferred()))
        if decision:
            messages.success(request, _("Đã ghi Quyết định số %(d)s.") % {"d": decision})
            return redirect(decision)
    context = {"form": form, "proposal": proposal, "passed": passed_nominee_ids(proposal), "central": False}
    return render(request, "awards/decision_form.html", context)


@require_http_methods(["GET", "POST"])
def central_decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_council(request.user, pk, write=True)
    nominees = _waiting(proposal, central=True)
    form = CentralDecisionForm(request.POST or None, nominees=nominees, initial={"subject": proposal.subject})
    if request.method == "POST" and form.is_valid():
        awarded = {n.pk for n in form.cleaned_data["awarded"]}
        decision = run_service(form, lambda: decisions.central_decision_record(
            actor=request.user, proposal=proposal, signing=form.signing(), awarded_ids=awarded))
        if decision:
            messages.success(request, _("Đã ghi Quyết định số %(d)s của Trung ương.") % {"d": decision})
            return redirect(decision)
    context = {"form": form, "proposal": proposal, "central": True, "passed": set()}
    return render(request, "awards/decision_form.html", context)


@require_POST
def proposal_forward(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_council(request.user, pk, write=True)
    form = ForwardForm(request.POST)
    if form.is_valid() and run_service(form, lambda: decisions.proposal_forward_central(
            actor=request.user, proposal=proposal, document_number=form.cleaned_data["document_number"])):
        messages.success(request, _("Đã trình Trung ương."))
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Không trình được."))
    return redirect("awards:council_list")


@require_http_methods(["GET", "POST"])
def award_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_record_for_user(request.user, pk, write=True)
    form = RevokeForm(request.POST or None, initial={"signed_on": timezone.localdate(),
                                                     "subject": _("Về việc thu hồi, hủy bỏ quyết định khen thưởng")})
    if request.method == "POST" and form.is_valid():
        decision = run_service(form, lambda: decisions.award_revoke(
            actor=request.user, record=record, signing=form.signing(), reason=form.cleaned_data["reason"]))
        if decision:
            messages.success(request, _("Đã thu hồi khen thưởng theo Quyết định số %(d)s.") % {"d": decision})
            return redirect(decision)
    return render(request, "awards/award_revoke.html", {"form": form, "record": record})
