"""Proposals: the scoped list, drafting (proposal, nominees, dossier), the eligibility check
and submission. The review by Sở Nội vụ is in ``proposal_review``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.access import visible_units
from blocs.models import Unit
from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access_proposals as access
from ..forms_proposals import (
    AppraiseForm,
    CommentForm,
    DocumentForm,
    FilterForm,
    NomineeForm,
    ProposalForm,
    ReasonForm,
    ReceiveForm,
    ReturnForm,
)
from ..models import CouncilVote, Proposal, ProposalStatus
from ..services import dossier, proposals
from .documents import DECISION_STATES


def proposal_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    qs = access.visible_proposals(user)
    units = visible_units(user).order_by("name") if not user.sees_province else Unit.objects.order_by("name")
    form = FilterForm(request.GET or None, units=units)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("nam"):
            qs = qs.filter(year=data["nam"])
        if data.get("trang_thai"):
            qs = qs.filter(status=data["trang_thai"])
        if data.get("don_vi"):
            qs = qs.filter(proposing_unit=data["don_vi"])
    qs = qs.select_related("proposing_unit", "bloc", "assigned_to").annotate(
        nominee_count=Count("nominees", distinct=True),
        accepted_count=Count("nominees", filter=Q(nominees__outcome="dat"), distinct=True),
    ).order_by("-year", "-created_at", "-pk")
    context = {
        "page": paginate(request, qs), "form": form, "query": query_string_without_page(request),
        "can_create": access.can_create_proposal(user),
        "can_gather_central": user.manages_province and bool(user.unit_id),
        "year": (form.cleaned_data.get("nam") if form.is_valid() else None) or selected_year(request),
    }
    return render(request, "awards/proposal_list.html", context)


@require_http_methods(["GET", "POST"])
def proposal_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not access.can_create_proposal(user):
        raise PermissionDenied
    form = ProposalForm(request.POST or None, movements=access.proposal_movements(user),
                        blocs=access.led_blocs(user) if user.is_unit_officer else None,
                        initial=None if request.POST else {"year": request.GET.get("nam") or None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = run_service(form, lambda: proposals.proposal_create(
            actor=user, unit=user.unit, year=data["year"], subject=data["subject"], kind=data["kind"],
            bloc=data.get("bloc"), to_central=not user.is_unit_officer, movement=data["movement"],
            document_number=data["document_number"], event_date=data["event_date"],
        ))
        if created:
            messages.success(request, _("Đã tạo đề nghị; hãy thêm người, tập thể được đề nghị và hồ sơ."))
            return redirect(created)
    return render(request, "awards/proposal_form.html", {"form": form})


def _not_editable(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    messages.error(request, _("Đề nghị đang ở trạng thái “%(s)s”: chỉ sửa được khi đang soạn hoặc bị trả lại.")
                   % {"s": proposal.get_status_display()})
    return redirect(proposal)


@require_http_methods(["GET", "POST"])
def proposal_update(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    if not proposal.is_editable:
        return _not_editable(request, proposal)
    form = ProposalForm(request.POST or None, movements=access.proposal_movements(request.user), proposal=proposal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(form, lambda: proposals.proposal_update(
            actor=request.user, proposal=proposal, subject=data["subject"], kind=data["kind"],
            document_number=data["document_number"], event_date=data["event_date"], movement=data["movement"],
        ))
        if saved:
            messages.success(request, _("Đã lưu đề nghị."))
            return redirect(saved)
    return render(request, "awards/proposal_form.html", {"form": form, "proposal": proposal})


def detail_context(request: HttpRequest, proposal: Proposal, **forms) -> dict:
    user = request.user
    council_votes = Prefetch("votes", queryset=CouncilVote.objects.select_related("session").order_by(
        "session__held_on", "pk"))
    nominees = list(proposal.nominees.select_related(
        "title", "person__unit", "unit", "household", "source__proposal", "overridden_by", "appraised_by"
    ).prefetch_related("carried_to__proposal", council_votes))
    for nominee in nominees:
        nominee.failing = proposals.failing(nominee)
        # Each row has its own forms: the ids of their fields (and the labels' "for") must
        # not repeat on the page. The row whose form was refused shows it with its errors.
        mine = forms.get("form_nominee") == nominee.pk
        row_id = f"id_n{nominee.pk}_%s"
        nominee.appraise_form = (mine and forms.get("appraise_form")) or AppraiseForm(auto_id=row_id)
        nominee.override_form = (mine and forms.get("override_form")) or ReasonForm(prefix="override", auto_id=row_id)
    # The council's sessions that voted on this proposal, from the votes already loaded.
    sessions = {v.session_id: v.session for n in nominees for v in n.votes.all()}
    documents = list(proposal.documents.select_related("nominee", "uploaded_by").order_by("kind", "-uploaded_at", "-pk"))
    current = [d for d in documents if d.replaced_by_id is None]
    can_write = access.can_write_proposal(user, proposal)
    can_review = access.can_review_proposals(user)
    return {
        "proposal": proposal,
        "nominees": nominees,
        "checklist": dossier.checklist(proposal, nominees, current),
        "documents": documents,
        "events": proposal.events.select_related("actor__unit"),
        "sources": proposal.sources.select_related("proposing_unit"),
        "council_sessions": sorted(sessions.values(), key=lambda s: (s.held_on, s.pk)),
        "can_run_council": can_review,
        "can_write": can_write and proposal.is_editable,
        "can_review": can_review,
        "can_override": can_review and proposal.status in (*proposals.REVIEWING, "nhap", "tra_lai"),
        "deadline": proposals.deadline_of(proposal),
        "document_form": forms.get("document_form") or DocumentForm(proposal=proposal),
        "receive_form": forms.get("receive_form") or ReceiveForm(),
        "return_form": forms.get("return_form") or ReturnForm(),
        "reject_form": forms.get("reject_form") or ReasonForm(prefix="reject"),
        "accept_form": CommentForm(prefix="accept"),
        "form_nominee": forms.get("form_nominee"),
        "S": ProposalStatus,
        "decision_states": DECISION_STATES,
    }


def render_detail(request: HttpRequest, proposal: Proposal, status: int = 200, **forms) -> HttpResponse:
    return render(request, "awards/proposal_detail.html", detail_context(request, proposal, **forms), status=status)


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, access.get_proposal_for_user(request.user, pk))


def act(request: HttpRequest, proposal: Proposal, action, success: str) -> HttpResponse:
    try:
        action()
        messages.success(request, success)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("awards:proposal_detail", proposal.pk)


# --- Nominees --------------------------------------------------------------------------------------


def _nominee_form(request, proposal, nominee=None):
    kwargs = {}
    person = request.GET.get("person")
    if request.method == "GET" and person:
        # The form again for another person chosen (htmx swaps in its initiatives).
        kwargs["initial"] = {"person": person}
        if nominee is not None and str(nominee.person_id) == person:
            kwargs["initial"]["initiatives"] = [i.pk for i in nominee.initiatives.all()]
    return NomineeForm(request.POST or None, choices=access.nominee_choices(request.user, proposal),
                       nominee=nominee, year=proposal.year, refresh_url=request.path, **kwargs)


def _save_nominee(request, proposal, form, nominee=None):
    data = form.cleaned_data
    fields = {k: data[k] for k in ("title", "person", "unit", "household", "period_from", "period_to",
                                   "achievement", "initiatives")}
    fields["new_household"] = form.new_household()
    if nominee is None:
        return run_service(form, lambda: proposals.nominee_add(actor=request.user, proposal=proposal, **fields))
    return run_service(form, lambda: proposals.nominee_update(actor=request.user, nominee=nominee, **fields))


@require_http_methods(["GET", "POST"])
def nominee_add(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    if not proposal.is_editable:
        return _not_editable(request, proposal)
    form = _nominee_form(request, proposal)
    if request.method == "POST" and form.is_valid() and _save_nominee(request, proposal, form):
        messages.success(request, _("Đã thêm vào đề nghị."))
        return redirect(proposal)
    return render(request, "awards/nominee_form.html", {"form": form, "proposal": proposal})


@require_http_methods(["GET", "POST"])
def nominee_update(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = access.get_nominee_for_user(request.user, pk, write=True)
    if not nominee.proposal.is_editable:
        return _not_editable(request, nominee.proposal)
    form = _nominee_form(request, nominee.proposal, nominee)
    if request.method == "POST" and form.is_valid() and _save_nominee(request, nominee.proposal, form, nominee):
        messages.success(request, _("Đã lưu."))
        return redirect(nominee.proposal)
    return render(request, "awards/nominee_form.html", {"form": form, "proposal": nominee.proposal, "nominee": nominee})


@require_POST
def nominee_remove(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = access.get_nominee_for_user(request.user, pk, write=True)
    return act(request, nominee.proposal, lambda: proposals.nominee_remove(actor=request.user, nominee=nominee),
               _("Đã bỏ %(s)s khỏi đề nghị.") % {"s": nominee.subject})


# --- Dossier, check, submission ------------------------------------------------------------------------


@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    form = DocumentForm(request.POST, request.FILES, proposal=proposal)
    if form.is_valid():
        data = form.cleaned_data
        saved = run_service(form, lambda: dossier.document_upload(
            actor=request.user, proposal=proposal, kind=data["kind"], nominee=data["nominee"], upload=data["file"]))
        if saved:
            messages.success(request, _("Đã tải lên “%(n)s”.") % {"n": saved.original_name})
            return redirect(proposal)
    return render_detail(request, proposal, document_form=form)


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = access.get_document_for_user(request.user, pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)


@require_POST
def proposal_check(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk)
    if not (access.can_write_proposal(request.user, proposal) or access.can_review_proposals(request.user)):
        raise PermissionDenied
    return act(request, proposal, lambda: proposals.proposal_check(actor=request.user, proposal=proposal),
               _("Đã kiểm tra điều kiện của từng người, tập thể; xem kết quả bên dưới."))


@require_POST
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    try:
        proposals.proposal_submit(actor=request.user, proposal=proposal)
        messages.success(request, _("Đã gửi đề nghị đến Sở Nội vụ."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if proposal.is_editable and proposal.nominees.exists():
            proposals.proposal_check(actor=request.user, proposal=proposal)  # keep the reasons on the page
    return redirect(proposal)

