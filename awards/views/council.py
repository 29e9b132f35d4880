"""The council's screens: proposals waiting for it, the public notice with its objections,
the session with its votes, and the session's signed minutes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from blocs.access import get_or_404
from blocs.views.common import paginate, query_string_without_page, run_service

from .. import access_history as access
from ..access_proposals import visible_proposals
from ..forms_history import CouncilForm, NoticeForm, ObjectionForm, ResolveForm, SignedPdfForm
from ..models import CouncilSession, Objection, ObjectionStatus, ProposalStatus, PublicNotice
from ..selectors_council import recent_sessions, visible_sessions, visible_votes
from ..services import council
from ..services.council import live_nominees, minutes_filename, rules_by_title

PDF = "application/pdf"

COUNCIL_STATES = [ProposalStatus.ACCEPTED, ProposalStatus.PUBLIC_NOTICE, ProposalStatus.VOTED, ProposalStatus.FORWARDED]


def council_list(request: HttpRequest) -> HttpResponse:
    """Proposals between acceptance and the decision, and the notices now running."""
    proposals = (
        visible_proposals(request.user).filter(status__in=COUNCIL_STATES)
        .select_related("proposing_unit").order_by("status", "-year", "pk")
    )
    today = timezone.localdate()
    notices = PublicNotice.objects.filter(ends_on__gte=today).select_related("proposal").order_by("ends_on")
    context = {"page": paginate(request, proposals), "notices": notices, "query": query_string_without_page(request),
               "can_run": access.can_run_council(request.user), "sessions": recent_sessions(request.user)}
    return render(request, "awards/council_list.html", context)


# --- A session and its minutes ----------------------------------------------------------------


def _session(request: HttpRequest, pk: int, *, write: bool = False) -> CouncilSession:
    """The session if the user sees it (404 otherwise); writing is interior staff's (403)."""
    session = get_or_404(visible_sessions(request.user), pk)
    if write and not access.can_run_council(request.user):
        raise PermissionDenied
    return session


def _render_session(request: HttpRequest, session: CouncilSession, form: SignedPdfForm | None = None) -> HttpResponse:
    context = {"session": session, "votes": visible_votes(request.user, session),
               "can_run": access.can_run_council(request.user), "form": form or SignedPdfForm()}
    return render(request, "awards/council_session.html", context)


def council_session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The session: who sat, the votes on what the user may see, and the signed minutes."""
    return _render_session(request, _session(request, pk))


@require_POST
def council_minutes_upload(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk, write=True)
    form = SignedPdfForm(request.POST, request.FILES)
    if form.is_valid() and run_service(form, lambda: council.council_minutes_attach(
            actor=request.user, session=session, upload=form.cleaned_data["file"])):
        messages.success(request, _("Đã lưu biên bản phiên họp ngày %(d)s.") % {"d": f"{session.held_on:%d/%m/%Y}"})
        return redirect("awards:council_session_detail", session.pk)
    return _render_session(request, session, form)


def council_minutes_download(request: HttpRequest, pk: int) -> FileResponse:
    session = _session(request, pk)
    if not session.minutes:
        raise Http404
    return FileResponse(session.minutes.open("rb"), as_attachment=True, filename=minutes_filename(session),
                        content_type=PDF)


@require_http_methods(["GET", "POST"])
def notice_publish(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = access.get_proposal_for_council(request.user, pk, write=True)
    form = NoticeForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        notice = run_service(form, lambda: council.notice_publish(
            actor=request.user, proposal=proposal, starts_on=form.cleaned_data["starts_on"],
            channel=form.cleaned_data["channel"]))
        if notice:
            messages.success(request, _("Đã công khai danh sách đề nghị đến hết ngày %(d)s.")
                             % {"d": f"{notice.ends_on:%d/%m/%Y}"})
            return redirect("awards:notice_detail", notice.pk)
    context = {"form": form, "proposal": proposal, "required": council.notice_required(proposal)}
    return render(request, "awards/notice_form.html", context)


@require_http_methods(["GET", "POST"])
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposed awardees on notice (every logged-in user) and the form to object."""
    notice = access.get_notice_for_user(request.user, pk)
    nominees = notice.proposal.nominees.select_related("person__unit", "unit", "household", "title")
    initial = {"sender_name": request.user.get_full_name(), "sender_contact": request.user.email}
    form = ObjectionForm(request.POST or None, nominees=nominees, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_service(form, lambda: council.objection_submit(
            actor=request.user, notice=notice, nominee=data["nominee"], sender_name=data["sender_name"],
            sender_contact=data["sender_contact"], text=data["text"]))
        if done:
            messages.success(request, _("Đã gửi ý kiến; Sở Nội vụ sẽ xem xét, giải quyết."))
            return redirect("awards:notice_detail", notice.pk)
    today = timezone.localdate()
    context = {"notice": notice, "nominees": nominees, "form": form,
               "is_open": notice.starts_on <= today <= notice.ends_on}
    return render(request, "awards/notice_detail.html", context)


def objection_list(request: HttpRequest) -> HttpResponse:
    access.check_reads_objections(request.user)
    status = request.GET.get("trang_thai", ObjectionStatus.OPEN)
    objections = Objection.objects.select_related("notice__proposal", "nominee__person", "nominee__unit",
                                                  "nominee__household", "nominee__title")
    if status in ObjectionStatus.values:
        objections = objections.filter(status=status)
    context = {"page": paginate(request, objections), "status": status, "statuses": ObjectionStatus.choices,
               "query": query_string_without_page(request), "can_run": access.can_run_council(request.user)}
    return render(request, "awards/objection_list.html", context)


@require_http_methods(["GET", "POST"])
def objection_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    objection = access.get_objection_for_user(request.user, pk, write=True)
    form = ResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda: council.objection_resolve(
            actor=request.user, objection=objection, resolution=form.cleaned_data["resolution"]))
        if done:
            messages.success(request, _("Đã ghi kết quả giải quyết ý kiến."))
            return redirect("awards:objection_list")
    return render(request, "awards/objection_form.html", {"form": form, "objection": objection})


@require_http_methods(["GET", "POST"])
def council_vote(request: HttpRequest, pk: int) -> HttpResponse:
    """The session and a tally per nominee whose title needs the council's vote."""
    proposal = access.get_proposal_for_council(request.user, pk, write=True)
    rules = rules_by_title(proposal.rule_set)
    nominees = live_nominees(proposal)
    voted = [n for n in nominees if n.title_id in rules and rules[n.title_id].vote_threshold_percent is not None]
    form = CouncilForm(request.POST or None, voted=voted, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        session = run_service(form, lambda: council.council_result_record(
            actor=request.user, proposal=proposal, session_fields=form.session_fields(), tallies=form.tallies()))
        if session:
            messages.success(request, _("Đã ghi kết quả biểu quyết của Hội đồng."))
            return redirect("awards:council_list")
    context = {"form": form, "proposal": proposal, "nominees": nominees, "rules": rules,
               "blockers": council.vote_blockers(proposal, timezone.localdate())}
    return render(request, "awards/council_form.html", context)
