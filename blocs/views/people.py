from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import access, selectors, services
from ..forms import PersonForm, TransferDecisionForm, TransferRequestForm
from ..models import Person, TransferStatus
from .common import paginate, query_string_without_page, run_service, selected_year


def person_list(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "unit")}
    people = selectors.person_list(user=request.user, year=year, **filters)
    context = {
        "page": paginate(request, people),
        "filters": filters,
        "units": access.visible_units(request.user, year).filter(active_to__isnull=True).order_by("name"),
        "year": year,
        "query": query_string_without_page(request),
        "can_create": access.editable_units(request.user).exists(),
    }
    template = "blocs/_person_rows.html" if request.headers.get("HX-Request") else "blocs/person_list.html"
    return render(request, template, context)


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_person_for_user(request.user, pk, year=selected_year(request))
    context = {
        "person": person,
        "employments": person.employments.select_related("unit").order_by("-start"),
        "transfers": person.transfer_requests.select_related("to_unit", "from_unit"),
        "can_edit": access.can_edit_person(request.user, person),
        "has_pending": person.transfer_requests.filter(status=TransferStatus.PENDING).exists(),
    }
    return render(request, "blocs/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    if not access.editable_units(request.user).exists():
        raise PermissionDenied
    return _person_form(request, Person())


@require_http_methods(["GET", "POST"])
def person_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_form(request, access.get_person_for_user(request.user, pk, write=True))


def _person_form(request: HttpRequest, person: Person) -> HttpResponse:
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(form, lambda: services.person_save(actor=request.user, person=form.instance))
        if saved:
            messages.success(request, _("Đã lưu “%(name)s”.") % {"name": saved.full_name})
            return redirect(saved)
    return render(request, "blocs/form.html", {"form": form, "object": person, "title": _("Cá nhân")})


@require_http_methods(["GET", "POST"])
def transfer_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_person_for_user(request.user, pk, write=True)
    form = TransferRequestForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = run_service(
            form,
            lambda: services.transfer_request(
                actor=request.user,
                person=person,
                to_unit=data["to_unit"],
                effective_on=data["effective_on"],
                new_position=data["new_position"],
                reason=data["reason"],
            ),
        )
        if created:
            messages.success(request, _("Đã gửi đề nghị chuyển đơn vị tới Sở Nội vụ."))
            return redirect(person)
    title = _("Đề nghị chuyển đơn vị: %(name)s") % {"name": person.full_name}
    return render(request, "blocs/form.html", {"form": form, "object": person, "title": title})


def transfer_list(request: HttpRequest) -> HttpResponse:
    transfers = access.visible_transfer_requests(request.user).select_related(
        "person", "from_unit", "to_unit", "requested_by", "decided_by"
    )
    status = request.GET.get("status", TransferStatus.PENDING)
    if status in TransferStatus.values:
        transfers = transfers.filter(status=status)
    context = {
        "page": paginate(request, transfers.order_by("-requested_at")),
        "status": status,
        "statuses": TransferStatus.choices,
        "can_decide": access.can_decide_transfer(request.user),
        "query": query_string_without_page(request),
    }
    return render(request, "blocs/transfer_list.html", context)


@require_http_methods(["GET", "POST"])
def transfer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = access.get_transfer_for_user(request.user, pk, decide=True)
    form = TransferDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        if "approve" in request.POST:
            action = lambda: services.transfer_approve(actor=request.user, transfer=transfer, note=note)  # noqa: E731
        else:
            action = lambda: services.transfer_reject(actor=request.user, transfer=transfer, note=note)  # noqa: E731
        if run_service(form, action):
            messages.success(request, _("Đã xử lý đề nghị chuyển đơn vị của “%(p)s”.") % {"p": transfer.person})
            return redirect("blocs:transfer_list")
    return render(request, "blocs/transfer_decide.html", {"form": form, "transfer": transfer})
