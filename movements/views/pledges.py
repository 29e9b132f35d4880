"""Pages of a bloc's pledge: its criteria table, signatories and signing. Each view fetches
through the access rules, validates a form, calls one service and redirects; a service's
refusal goes back into the form. The work plan and budget pages are in ``budgets``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from blocs.views.common import paginate, query_string_without_page, run_service, selected_year

from .. import access
from .. import selectors_pledges as sel
from ..forms.pledges import (
    CriterionForm,
    CriterionGroupForm,
    PledgeAttachForm,
    PledgeCopyForm,
    PledgeForm,
    PledgeSignForm,
    ReopenForm,
    SignatoryForm,
)
from ..models import Criterion, CriterionGroup, Pledge, PledgeSignatory
from ..services import pledges as svc
from .common import (
    GET_POST,
    anchored_url,
    bloc_url,
    form_data,
    form_page,
    free_members,
    post_action,
    saved,
)

# --- The year's list and a pledge --------------------------------------------------------


def pledge_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    page = paginate(request, sel.pledge_year_list(user=request.user, year=year))
    sel.decorate_year_rows(page, user=request.user, year=year)
    context = {"page": page, "year": year, "query": query_string_without_page(request)}
    return render(request, "movements/pledge_list.html", context)


def _pledge_crumbs(pledge: Pledge) -> list:
    return [(f"{reverse('movements:pledge_list')}?nam={pledge.year}", _("Giao ước thi đua")),
            (pledge.get_absolute_url(), str(pledge))]


def _pledge_context(request, pledge: Pledge, *, add_forms=None, group_form=None,
                    signatory_form=None) -> dict:
    can_write = access.can_write_bloc_object(request.user, pledge)
    editable = can_write and not pledge.is_signed
    table = sel.criteria_table(pledge)
    for group in table.groups if editable else ():
        # Each group's add-row form has its own ids; the field names stay plain.
        group.add_form = (add_forms or {}).get(group.pk) or CriterionForm(auto_id=f"id_g{group.pk}_%s")
    signatories = list(pledge.signatories.select_related("unit").order_by("unit__name"))
    signed_units = {s.unit_id for s in signatories}
    members = sel.bloc_members(pledge.bloc, pledge.year)
    if can_write and signatory_form is None:
        signatory_form = SignatoryForm(members=members.exclude(pk__in=signed_units))
    if editable and group_form is None:
        group_form = CriterionGroupForm(auto_id="id_group_%s")
    copy_from = editable and not table.groups
    # A refused add on a locked table: its form is hidden, so its errors show on the table.
    bound = [f for f in (group_form, *(add_forms or {}).values()) if f is not None and f.is_bound]
    refusals = [] if editable else [e for f in bound for e in f.non_field_errors()]
    return {
        "refusals": refusals,
        "pledge": pledge, "table": table, "can_write": can_write, "editable": editable,
        "can_reopen": request.user.manages_province and pledge.is_signed,
        "group_form": group_form, "signatory_form": signatory_form, "signatories": signatories,
        "previous": sel.previous_pledge(pledge.bloc, pledge.year) if copy_from else None,
        "missing": [u for u in members if u.pk not in signed_units],
    }


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    return render(request, "movements/pledge_detail.html", _pledge_context(request, pledge))


def _pledge_changed(request, pledge: Pledge, ok: bool, done: str, anchor: str, **bound):
    """htmx gets the criteria table back; a plain POST a redirect, or the page with errors."""
    if request.headers.get("HX-Request"):
        context = _pledge_context(request, pledge, **({} if ok else bound))
        return render(request, "movements/pledge_criteria.html", context)
    if ok:
        messages.success(request, done)
        return redirect(anchored_url(pledge, anchor))
    return render(request, "movements/pledge_detail.html", _pledge_context(request, pledge, **bound))


@GET_POST
def pledge_create(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = access.get_bloc_year_for_writing(request.user, pk, year)
    if existing := Pledge.objects.filter(bloc=bloc, year=year).first():
        messages.info(request, _("Khối đã có giao ước thi đua năm %(y)s.") % {"y": year})
        return redirect(existing)
    form = PledgeForm(*form_data(request))
    create = lambda: svc.pledge_create(actor=request.user, bloc=bloc, year=year, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and (pledge := run_service(form, create)):
        messages.success(request, _("Đã tạo giao ước thi đua năm %(y)s.") % {"y": year})
        return redirect(pledge)
    context = {"form": form, "copy_form": PledgeCopyForm(), "bloc": bloc, "year": year,
               "previous": sel.previous_pledge(bloc, year), "back": bloc_url(bloc, year)}
    return render(request, "movements/pledge_create.html", context)


@require_POST
def pledge_copy(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    bloc = access.get_bloc_year_for_writing(request.user, pk, year)
    form = PledgeCopyForm(request.POST)
    copy_text = form.is_valid() and form.cleaned_data["copy_text"]
    try:
        pledge = svc.pledge_copy_previous(actor=request.user, bloc=bloc, year=year, copy_text=copy_text)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        existing = Pledge.objects.filter(bloc=bloc, year=year).first()
        return redirect(existing or reverse("movements:pledge_create", args=[bloc.pk, year]))
    messages.success(request, _("Đã sao chép bảng tiêu chí vào giao ước năm %(y)s.") % {"y": year})
    return redirect(pledge)


@GET_POST
def pledge_update(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeForm(*form_data(request), instance=pledge)
    return form_page(
        request, form, lambda: svc.pledge_update(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Nội dung giao ước"), back=pledge.get_absolute_url(),
        done=_("Đã lưu nội dung giao ước."), crumbs=_pledge_crumbs(pledge))


def _sign_warnings(pledge: Pledge) -> list[str]:
    table, warnings = sel.criteria_table(pledge), []
    if table.count and not table.is_full_score:
        warnings.append(_("Tổng điểm các tiêu chí chấm điểm là %(t)s, không phải 100.")
                        % {"t": table.labels["cham"]})
    missing = sel.bloc_members(pledge.bloc, pledge.year).exclude(
        pk__in=pledge.signatories.values("unit_id"))
    if names := ", ".join(u.name for u in missing):
        warnings.append(_("Chưa ghi người ký cho: %(names)s.") % {"names": names})
    return warnings


@GET_POST
def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeSignForm(*form_data(request), initial={"signing_meeting": pledge.signing_meeting})

    def sign():
        data = form.cleaned_data
        return svc.pledge_sign(actor=request.user, pledge=pledge, signed_on=data["signed_on"],
                               meeting=data["signing_meeting"], signed_file=data["signed_file"])

    return form_page(
        request, form, sign, title=_("Ký kết giao ước"), back=pledge.get_absolute_url(),
        done=_("Đã ghi nhận ký kết giao ước; bảng tiêu chí đã được khóa."),
        crumbs=_pledge_crumbs(pledge), multipart=True, warnings=_sign_warnings(pledge),
        submit=_("Ghi nhận ký kết"),
        intro=_("Sau khi ký kết, bảng tiêu chí không sửa được nữa: các đơn vị sẽ được chấm "
                "điểm theo bảng này khi tổng kết năm."))


@GET_POST
def pledge_attach(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    form = PledgeAttachForm(*form_data(request))
    return form_page(
        request, form,
        lambda: svc.pledge_attach_file(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Tải lên bản giao ước đã ký"), back=pledge.get_absolute_url(),
        done=_("Đã lưu bản giao ước đã ký."), crumbs=_pledge_crumbs(pledge), multipart=True)


def pledge_file(request: HttpRequest, pk: int) -> FileResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    if not pledge.signed_file:
        raise Http404
    return FileResponse(pledge.signed_file.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=f"giao-uoc-{pledge.bloc_id}-{pledge.year}.pdf")


@GET_POST
def pledge_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk)
    if not request.user.manages_province:
        raise PermissionDenied
    form = ReopenForm(*form_data(request))
    return form_page(
        request, form, lambda: svc.pledge_reopen(actor=request.user, pledge=pledge, **form.cleaned_data),
        title=_("Mở lại giao ước đã ký kết"), back=pledge.get_absolute_url(), submit=_("Mở lại"),
        done=_("Đã mở lại giao ước: bảng tiêu chí có thể sửa."), crumbs=_pledge_crumbs(pledge))


# --- Criteria ----------------------------------------------------------------------------


@require_POST
def criterion_group_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    group = CriterionGroup(pledge=pledge)
    form = CriterionGroupForm(request.POST, instance=group, auto_id="id_group_%s")
    ok = saved(form, lambda: svc.criterion_group_save(actor=request.user, group=group))
    return _pledge_changed(request, pledge, ok, _("Đã thêm nhóm tiêu chí."), "tieu-chi", group_form=form)


@GET_POST
def criterion_group_update(request: HttpRequest, pk: int) -> HttpResponse:
    group = access.get_group_for_user(request.user, pk, write=True)
    form = CriterionGroupForm(*form_data(request), instance=group)
    return form_page(
        request, form, lambda: svc.criterion_group_save(actor=request.user, group=group),
        title=_("Nhóm tiêu chí"), back=anchored_url(group.pledge, "tieu-chi"),
        done=_("Đã lưu nhóm tiêu chí."), crumbs=_pledge_crumbs(group.pledge))


@require_POST
def criterion_group_delete(request: HttpRequest, pk: int) -> HttpResponse:
    group = access.get_group_for_user(request.user, pk, write=True)
    return post_action(request, lambda: svc.criterion_group_delete(actor=request.user, group=group),
                       done=_("Đã xóa nhóm “%(g)s”.") % {"g": group.name},
                       back=anchored_url(group.pledge, "tieu-chi"))


@require_POST
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    group = access.get_group_for_user(request.user, pk, write=True)
    criterion = Criterion(group=group)
    form = CriterionForm(request.POST, instance=criterion, auto_id=f"id_g{group.pk}_%s")
    ok = saved(form, lambda: svc.criterion_save(actor=request.user, criterion=criterion))
    return _pledge_changed(request, group.pledge, ok, _("Đã thêm tiêu chí."), "tieu-chi",
                           add_forms={group.pk: form})


@GET_POST
def criterion_update(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = access.get_criterion_for_user(request.user, pk, write=True)
    pledge = criterion.group.pledge
    form = CriterionForm(*form_data(request), instance=criterion)
    return form_page(
        request, form, lambda: svc.criterion_save(actor=request.user, criterion=criterion),
        title=_("Tiêu chí"), back=anchored_url(pledge, "tieu-chi"), done=_("Đã lưu tiêu chí."),
        crumbs=_pledge_crumbs(pledge))


@require_POST
def criterion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = access.get_criterion_for_user(request.user, pk, write=True)
    return post_action(request, lambda: svc.criterion_delete(actor=request.user, criterion=criterion),
                       done=_("Đã xóa tiêu chí."), back=anchored_url(criterion.group.pledge, "tieu-chi"))


# --- Signatories -------------------------------------------------------------------------


@require_POST
def signatory_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = access.get_pledge_for_user(request.user, pk, write=True)
    signatory = PledgeSignatory(pledge=pledge)
    members = free_members(pledge, pledge.signatories.all())
    form = SignatoryForm(request.POST, instance=signatory, members=members)
    ok = saved(form, lambda: svc.signatory_save(actor=request.user, signatory=signatory))
    done = _("Đã ghi người ký cho %(u)s.") % {"u": signatory.unit} if ok else ""
    return _pledge_changed(request, pledge, ok, done, "dai-dien", signatory_form=form)


@GET_POST
def signatory_update(request: HttpRequest, pk: int) -> HttpResponse:
    signatory = access.get_signatory_for_user(request.user, pk, write=True)
    pledge = signatory.pledge
    members = free_members(pledge, pledge.signatories.all(), keep=signatory)
    form = SignatoryForm(*form_data(request), instance=signatory, members=members)
    return form_page(
        request, form, lambda: svc.signatory_save(actor=request.user, signatory=signatory),
        title=_("Đại diện ký giao ước"), back=anchored_url(pledge, "dai-dien"),
        done=_("Đã lưu người ký."), crumbs=_pledge_crumbs(pledge))


@require_POST
def signatory_delete(request: HttpRequest, pk: int) -> HttpResponse:
    signatory = access.get_signatory_for_user(request.user, pk, write=True)
    return post_action(request, lambda: svc.signatory_delete(actor=request.user, signatory=signatory),
                       done=_("Đã xóa người ký của %(u)s.") % {"u": signatory.unit},
                       back=anchored_url(signatory.pledge, "dai-dien"))
