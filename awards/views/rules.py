"""Rule sets, read-only for every logged-in user (the law is public); admins change them in
the Django admin, where every change is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import access_facts
from ..models import BaseSalary, RuleSet

# Fields shown in the header of the page rather than in the parameter table.
_HEADER_FIELDS = {"id", "code", "name", "legal_basis", "effective_from", "effective_to", "notes"}
MARKS = re.compile(r"\[(C|P|U)\]")


@dataclass
class Parameter:
    label: str
    value: str
    help_text: str
    marks: list[str]


def _display(value) -> str:
    if value is None or value == "":
        return _("Không quy định")
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def parameters(rule_set: RuleSet) -> list[Parameter]:
    """Every parameter of *rule_set* with its label, value and where it comes from."""
    found = []
    for field in RuleSet._meta.concrete_fields:
        if field.name in _HEADER_FIELDS:
            continue
        help_text = str(field.help_text or "")
        label = str(field.verbose_name)
        found.append(Parameter(label[:1].upper() + label[1:], _display(getattr(rule_set, field.name)),
                               help_text, MARKS.findall(help_text)))
    return found


def rule_set_list(request: HttpRequest) -> HttpResponse:
    rule_sets = list(access_facts.visible_rule_sets(request.user).order_by("-effective_from"))
    today = timezone.localdate()
    context = {
        "rule_sets": rule_sets,
        "current": next((r for r in rule_sets if r.covers(today)), None),
        "salaries": list(BaseSalary.objects.all()),
    }
    return render(request, "awards/rule_set_list.html", context)


def rule_set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rule_set = access_facts.get_rule_set_for_user(request.user, pk)
    rules = list(rule_set.title_rules.select_related("title").order_by("title__kind", "title__position"))
    for rule in rules:
        rule.marks = MARKS.findall(rule.source)
    context = {
        "rule_set": rule_set,
        "parameters": parameters(rule_set),
        "rules": rules,
        "notes": [(line, MARKS.findall(line)) for line in rule_set.notes.splitlines() if line.strip()],
        "salaries": list(BaseSalary.objects.all()),
        "can_edit": request.user.is_admin,
    }
    return render(request, "awards/rule_set_detail.html", context)
