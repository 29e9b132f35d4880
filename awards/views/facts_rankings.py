"""Bloc rankings: the blocs and clusters one sees, with their year-end ranking of a year, and
one bloc's ranking entered in a single table (a row per member unit)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from blocs.access import led_bloc_ids
from blocs.models import Membership
from blocs.views.common import paginate, run_service, selected_year

from .. import access_facts
from ..forms_facts import BlocRankingForm
from ..models import BlocRanking
from ..services import rankings as services


def _count(queryset, group: str) -> Coalesce:
    counted = queryset.values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def ranking_index(request: HttpRequest) -> HttpResponse:
    """The blocs the user sees in the year, each with how many members are ranked and who
    leads: a fixed number of queries."""
    year = selected_year(request)
    of_bloc = {"year": year, "bloc": OuterRef("pk")}
    ranked = BlocRanking.objects.filter(**of_bloc)
    blocs = (
        access_facts.visible_ranking_blocs(request.user, year)
        .filter(years__year=year)
        .annotate(
            members=_count(
                Membership.objects.filter(bloc_year__year=year, bloc_year__bloc=OuterRef("pk")),
                "bloc_year__bloc",
            ),
            ranked=_count(ranked, "bloc"),
            leader=Subquery(ranked.filter(rank=1).order_by("unit__name").values("unit__name")[:1]),
            source=Subquery(ranked.values("source")[:1]),
        )
        .order_by("level", "name")
    )
    context = {
        "year": year,
        "page": paginate(request, blocs),
        "query": f"nam={year}",
        "years": range(year + 1, year - 6, -1),
        "manages": request.user.manages_province,
        "led": led_bloc_ids(request.user, year),
    }
    return render(request, "awards/fact_ranking_index.html", context)


@require_http_methods(["GET", "POST"])
def ranking_bloc_year(request: HttpRequest, bloc_pk: int, year: int) -> HttpResponse:
    write = request.method == "POST"
    bloc = access_facts.get_ranking_bloc_for_user(request.user, bloc_pk, year, write=write)
    can_write = access_facts.can_record_bloc_ranking(request.user, bloc, year)
    members = list(
        Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year)
        .select_related("unit", "bloc_year__bloc")
        .order_by("unit__name")
    )
    stored = list(
        BlocRanking.objects.filter(bloc=bloc, year=year)
        .select_related("unit", "recorded_by")
        .order_by("rank", "unit__name")
    )
    form = BlocRankingForm(
        request.POST if write else None, members=members, stored={r.unit_id: r for r in stored}
    )
    if write and form.is_valid():
        saved = run_service(form, lambda: services.bloc_ranking_record(
            actor=request.user, bloc=bloc, year=year, rows=form.ranking_rows(),
            source=form.cleaned_data["source"],
        ))
        if saved is not None:
            messages.success(
                request,
                _("Đã lưu kết quả xếp hạng năm %(y)s của %(b)s (%(n)s đơn vị).")
                % {"y": year, "b": bloc.name, "n": len(saved)},
            )
            return redirect("awards:ranking_bloc_year", bloc_pk=bloc.pk, year=year)
    context = {
        "bloc": bloc,
        "year": year,
        "form": form,
        "stored": stored,
        "recorded": max(stored, key=lambda r: r.recorded_at, default=None),
        "can_write": can_write,
        "years": range(year + 1, year - 6, -1),
    }
    return render(request, "awards/fact_ranking_bloc_year.html", context)
