from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors
from .common import selected_year


def dashboard(request: HttpRequest) -> HttpResponse:
    year = selected_year(request)
    data = selectors.dashboard(user=request.user, year=year)
    return render(request, "blocs/dashboard.html", data)
