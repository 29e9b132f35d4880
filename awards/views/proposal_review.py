"""The review of a proposal by Sở Nội vụ (receive and assign, appraise each nominee, override
a failed check, return, accept for the council, reject), and consolidation screens."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.access import get_bloc_for_user
from blocs.views.common import run_service

from .. import access_proposals as access
from ..forms_proposals import (
    AppraiseForm,
    CommentForm,
    GatherForm,
    ReasonForm,
    ReceiveForm,
    ReturnForm,
)
from ..services import consolidate_proposals as consolidate
from ..services import proposals
from .proposals import act, render_detail


@require_POST
def proposal_receive(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, review=True)
    form = ReceiveForm(request.POST)
    if form.is_valid() and run_service(form, lambda: proposals.proposal_receive(
        actor=request.user, proposal=proposal, specialist=form.cleaned_data["specialist"],
        comment=form.cleaned_data["comment"],
    )):
        messages.success(request, _("Đã tiếp nhận và phân công chuyên viên thụ lý."))
        return redirect(proposal)
    return render_detail(request, proposal, receive_form=form)


@require_POST
def proposal_start_review(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, review=True)
    return act(request, proposal, lambda: proposals.proposal_start_review(actor=request.user, proposal=proposal),
               _("Đã bắt đầu thẩm định."))


@require_POST
def nominee_appraise(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = access.get_nominee_for_user(request.user, pk, review=True)
    form = AppraiseForm(request.POST)
    if form.is_valid() and run_service(form, lambda: proposals.nominee_appraise(
        actor=request.user, nominee=nominee, accepted=form.cleaned_data["accepted"],
        reason=form.cleaned_data["reason"],
    )):
        messages.success(request, _("Đã ghi kết quả thẩm định của %(s)s.") % {"s": nominee.subject})
        return redirect(nominee.proposal)
    return render_detail(request, nominee.proposal, appraise_form=form, form_nominee=nominee.pk)


@require_POST
def nominee_override(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = access.get_nominee_for_user(request.user, pk, review=True)
    form = ReasonForm(request.POST, prefix="override")
    if form.is_valid() and run_service(form, lambda: proposals.nominee_override(
        actor=request.user, nominee=nominee, reason=form.cleaned_data["reason"],
    )):
        messages.success(request, _("Đã chấp nhận ngoại lệ cho %(s)s.") % {"s": nominee.subject})
        return redirect(nominee.proposal)
    return render_detail(request, nominee.proposal, override_form=form, form_nominee=nominee.pk)


@require_POST
def proposal_return(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, review=True)
    form = ReturnForm(request.POST)
    if form.is_valid() and run_service(form, lambda: proposals.proposal_return(
        actor=request.user, proposal=proposal, comment=form.cleaned_data["comment"],
    )):
        messages.success(request, _("Đã trả lại đề nghị để bổ sung."))
        return redirect(proposal)
    return render_detail(request, proposal, return_form=form)


@require_POST
def proposal_accept(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, review=True)
    form = CommentForm(request.POST, prefix="accept")
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return act(request, proposal,
               lambda: proposals.proposal_accept(actor=request.user, proposal=proposal, comment=comment),
               _("Đã chuyển đề nghị để trình Hội đồng."))


@require_POST
def proposal_reject(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_user(request.user, pk, review=True)
    form = ReasonForm(request.POST, prefix="reject")
    if form.is_valid() and run_service(form, lambda: proposals.proposal_reject(
        actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"],
    )):
        messages.success(request, _("Đã ghi không khen thưởng."))
        return redirect(proposal)
    return render_detail(request, proposal, reject_form=form)


# --- Consolidation --------------------------------------------------------------------------------


def _gather(request, candidates, create, heading: str) -> HttpResponse:
    candidates = candidates.select_related("proposal__proposing_unit", "title", "person", "unit", "household")
    form = GatherForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        ids = [n.pk for n in form.cleaned_data["nominees"]]
        created = run_service(form, lambda: create(ids, form.cleaned_data["subject"]))
        if created:
            messages.success(request, _("Đã tổng hợp thành đề nghị mới; hãy bổ sung tờ trình, biên bản rồi gửi."))
            return redirect(created)
    return render(request, "awards/proposal_gather.html", {"form": form, "heading": heading})


@require_http_methods(["GET", "POST"])
def proposal_gather_bloc(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = get_bloc_for_user(request.user, pk, year=year)
    if not access.can_consolidate_bloc(request.user, bloc.pk, year):
        raise PermissionDenied
    return _gather(
        request, consolidate.bloc_candidates(bloc, year),
        lambda ids, subject: consolidate.proposal_consolidate_bloc(
            actor=request.user, bloc=bloc, year=year, nominee_ids=ids, subject=subject),
        _("Tổng hợp đề nghị của %(b)s năm %(y)s") % {"b": bloc.name, "y": year},
    )


@require_http_methods(["GET", "POST"])
def proposal_gather_central(request: HttpRequest, year: int) -> HttpResponse:
    user = request.user
    if not (user.manages_province and user.unit_id):
        raise PermissionDenied
    return _gather(
        request, consolidate.central_candidates(year),
        lambda ids, subject: consolidate.proposal_consolidate_central(
            actor=user, unit=user.unit, year=year, nominee_ids=ids, subject=subject),
        _("Tổng hợp đề nghị trình Trung ương năm %(y)s") % {"y": year},
    )
