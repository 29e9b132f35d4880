"""The pledges area's rows of the permission matrix (see tests/test_permissions.py).

In the world: Khối Nội chính (led by truongkhoi's Bộ CHQS; donvi's Công an a member) has an
unsigned pledge, a work-plan activity and an unapproved budget ("near"); Khối Đảng, outside
both officers' sight, has a signed pledge and an approved budget ("far"). Both pledges have
a scanned PDF.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from movements.models import (
    Activity,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    Pledge,
    PledgeSignatory,
)
from movements.services import budgets as budget_svc
from movements.services import pledges as svc
from tests.permission_kit import (
    DONE,
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    NOBODY,
    OK,
    POST_ONLY,
    PROVINCE_STAFF,
    answers,
    bloc_year,
    get,
    missing,
    pk,
    post,
)

_NEAR_WRITE = answers(OK, OK, OK, FORBIDDEN, FORBIDDEN)  # the lead writes, members read
_NEAR_DOES = answers(DONE, DONE, DONE, FORBIDDEN, FORBIDDEN)
_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_FAR_WRITE = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)
_FAR_DOES = answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)


def _rows(near: str, far: str, what: str) -> list:
    """A form page: GET and an empty POST, on the near and on the far object."""
    return [
        get(f"{what} in Khối Nội chính", pk(near), _NEAR_WRITE),
        get(f"{what} in Khối Đảng", pk(far), _FAR_WRITE),
        post(f"{what} in Khối Nội chính, empty", pk(near), _NEAR_WRITE),
        post(f"{what} in Khối Đảng, empty", pk(far), _FAR_WRITE),
    ]


def _add_rows(near: str, far: str, what: str) -> list:
    """An add-row form posted from a page: POST only; empty, it shows the page with errors."""
    return [
        get(f"adding {what} by link", pk(near), POST_ONLY),
        post(f"adding an empty {what} in Khối Nội chính", pk(near), _NEAR_WRITE),
        post(f"adding an empty {what} in Khối Đảng", pk(far), _FAR_WRITE),
    ]


def _action_rows(near: str, far: str, what: str, far_answer=_FAR_DOES) -> list:
    return [
        get(f"{what} by link", pk(near), POST_ONLY),
        post(f"{what} in Khối Nội chính", pk(near), _NEAR_DOES),
        post(f"{what} in Khối Đảng", pk(far), far_answer),
    ]


def _bloc_year_rows(what: str) -> list:
    """Creating a yearly object that exists already sends the writer to it."""
    return [
        get(f"{what} for Khối Nội chính", bloc_year("noi_chinh"), _NEAR_DOES),
        get(f"{what} for Khối Đảng", bloc_year("dang"), _FAR_DOES),
        post(f"{what} for Khối Nội chính, empty", bloc_year("noi_chinh"), _NEAR_DOES),
    ]


TABLE = {
    "movements:pledge_list": [get("the year's pledges", lambda w: {}, EVERYONE)],
    "movements:pledge_create": _bloc_year_rows("a new pledge"),
    "movements:pledge_copy": [
        get("copying last year's criteria by link", bloc_year("noi_chinh"), POST_ONLY),
        post("copying into Khối Nội chính's pledge, which has criteria", bloc_year("noi_chinh"), _NEAR_DOES),
        post("copying into Khối Đảng's signed pledge", bloc_year("dang"), _FAR_DOES),
    ],
    "movements:pledge_detail": [
        get("Khối Nội chính's pledge", pk("pledge_near"), EVERYONE),
        get("Khối Đảng's pledge", pk("pledge_far"), _FAR_READ),
        get("a pledge that does not exist", missing, NOBODY),
    ],
    "movements:pledge_update": [
        get("Khối Nội chính's pledge text", pk("pledge_near"), _NEAR_WRITE),
        get("Khối Đảng's signed pledge text", pk("pledge_far"), _FAR_WRITE),
        post("Khối Nội chính's pledge text emptied", pk("pledge_near"), _NEAR_DOES),
        post("Khối Đảng's signed pledge text emptied", pk("pledge_far"), _FAR_WRITE),
    ],
    "movements:pledge_sign": _rows("pledge_near", "pledge_far", "signing"),
    "movements:pledge_attach": _rows("pledge_near", "pledge_far", "uploading the scan"),
    "movements:pledge_file": [
        get("Khối Nội chính's scanned pledge", pk("pledge_near"), EVERYONE),
        get("Khối Đảng's scanned pledge", pk("pledge_far"), _FAR_READ),
    ],
    "movements:pledge_reopen": [
        get("reopening Khối Nội chính's pledge", pk("pledge_near"), PROVINCE_STAFF),
        get("reopening Khối Đảng's pledge", pk("pledge_far"), _FAR_WRITE),
        post("reopening Khối Nội chính's pledge without a reason", pk("pledge_near"), PROVINCE_STAFF),
        post("reopening Khối Đảng's pledge without a reason", pk("pledge_far"), _FAR_WRITE),
    ],
    "movements:criterion_group_add": _add_rows("pledge_near", "pledge_far", "criteria group"),
    "movements:criterion_group_update": _rows("pledge_group_near", "pledge_group_far", "a criteria group"),
    "movements:criterion_group_delete": _action_rows(
        "pledge_group_near", "pledge_group_far", "deleting a criteria group"
    ),
    "movements:criterion_add": _add_rows("pledge_group_near", "pledge_group_far", "criterion"),
    "movements:criterion_update": _rows("pledge_criterion_near", "pledge_criterion_far", "a criterion"),
    "movements:criterion_delete": _action_rows(
        "pledge_criterion_near", "pledge_criterion_far", "deleting a criterion"
    ),
    "movements:signatory_add": _add_rows("pledge_near", "pledge_far", "signatory"),
    "movements:signatory_update": _rows("pledge_signatory_near", "pledge_signatory_far", "a signatory"),
    "movements:signatory_delete": _action_rows(
        "pledge_signatory_near", "pledge_signatory_far", "deleting a signatory"
    ),
    "movements:activity_list": [
        get("Khối Nội chính's work plan", bloc_year("noi_chinh"), EVERYONE),
        get("Khối Đảng's work plan", bloc_year("dang"), _FAR_READ),
    ],
    "movements:activity_create": [
        get("a new activity for Khối Nội chính", bloc_year("noi_chinh"), _NEAR_WRITE),
        get("a new activity for Khối Đảng", bloc_year("dang"), _FAR_WRITE),
        post("an empty activity for Khối Nội chính", bloc_year("noi_chinh"), _NEAR_WRITE),
    ],
    "movements:activity_update": _rows("activity_near", "activity_far", "an activity"),
    "movements:activity_status": _action_rows("activity_near", "activity_far", "changing no status"),
    "movements:activity_delete": _action_rows("activity_near", "activity_far", "deleting an activity"),
    "movements:budget_create": _bloc_year_rows("a new budget"),
    "movements:budget_detail": [
        get("Khối Nội chính's budget", pk("budget_near"), EVERYONE),
        get("Khối Đảng's budget", pk("budget_far"), _FAR_READ),
        get("a budget that does not exist", missing, NOBODY),
    ],
    "movements:budget_line_add": _add_rows("budget_near", "budget_far", "budget line"),
    "movements:budget_line_update": _rows("budget_line_near", "budget_line_far", "a budget line"),
    "movements:budget_line_delete": _action_rows(
        "budget_line_near", "budget_line_far", "deleting a budget line"
    ),
    "movements:budget_contribution_add": _add_rows("budget_near", "budget_far", "contribution"),
    "movements:budget_contribution_update": _rows(
        "budget_contribution_near", "budget_contribution_far", "a contribution"
    ),
    "movements:budget_contribution_delete": _action_rows(
        "budget_contribution_near", "budget_contribution_far", "deleting a contribution"
    ),
    "movements:budget_approve": _rows("budget_near", "budget_far", "approving the budget"),
    "movements:budget_reopen": [
        get("reopening Khối Nội chính's budget", pk("budget_near"), PROVINCE_STAFF),
        get("reopening Khối Đảng's budget", pk("budget_far"), _FAR_WRITE),
        post("reopening Khối Nội chính's budget without a reason", pk("budget_near"), PROVINCE_STAFF),
        post("reopening Khối Đảng's budget without a reason", pk("budget_far"), _FAR_WRITE),
    ],
}


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% giao uoc\n%%EOF\n", content_type="application/pdf")


def _pledge(w, bloc, unit, suffix: str) -> None:
    pledge = svc.pledge_create(actor=None, bloc=bloc, year=w.year, text="Giao ước thi đua")
    group = svc.criterion_group_save(
        actor=None, group=CriterionGroup(pledge=pledge, name="Thực hiện nhiệm vụ chính trị")
    )
    criterion = svc.criterion_save(
        actor=None,
        criterion=Criterion(group=group, text="Hoàn thành nhiệm vụ", max_points=Decimal("100")),
    )
    signatory = svc.signatory_save(
        actor=None,
        signatory=PledgeSignatory(pledge=pledge, unit=unit, representative="Nguyễn Văn Ký"),
    )
    svc.pledge_attach_file(actor=None, pledge=pledge, signed_file=_pdf(f"giao-uoc-{suffix}.pdf"))
    for attr, obj in [("", pledge), ("group_", group), ("criterion_", criterion), ("signatory_", signatory)]:
        setattr(w, f"pledge_{attr}{suffix}", obj)


def _budget(w, bloc, unit, suffix: str) -> None:
    budget = budget_svc.budget_create(actor=None, bloc=bloc, year=w.year)
    line = budget_svc.budget_line_save(
        actor=None,
        line=BudgetLine(budget=budget, item="Hội nghị ký kết", quantity=Decimal("1"), unit_price=5_000_000),
    )
    contribution = budget_svc.contribution_save(
        actor=None, contribution=BudgetContribution(budget=budget, unit=unit, amount=5_000_000)
    )
    w.__dict__.update({f"budget_{suffix}": budget, f"budget_line_{suffix}": line,
                       f"budget_contribution_{suffix}": contribution})
    activity = budget_svc.activity_save(
        actor=None, activity=Activity(bloc=bloc, year=w.year, quarter=1, title="Hội nghị", host=unit)
    )
    setattr(w, f"activity_{suffix}", activity)


def extend_world(w) -> None:
    today = timezone.localdate()
    _pledge(w, w.noi_chinh, w.ca, "near")
    _pledge(w, w.dang, w.bao, "far")
    svc.pledge_sign(actor=None, pledge=w.pledge_far, signed_on=today, meeting="Hội nghị ký kết")
    _budget(w, w.noi_chinh, w.ca, "near")
    _budget(w, w.dang, w.bao, "far")
    budget_svc.budget_approve(actor=None, budget=w.budget_far, approved_on=today, approved_at="Hội nghị khối")


def state() -> dict:
    def rows(model, *fields):
        return list(model.objects.values_list("pk", *fields).order_by("pk"))

    return {
        "pledges": rows(Pledge, "text", "signed_on", "signing_meeting", "signed_file"),
        "groups": rows(CriterionGroup, "name", "position"),
        "criteria": rows(Criterion, "text", "max_points", "kind", "position"),
        "signatories": rows(PledgeSignatory, "unit_id", "representative", "position"),
        "activities": rows(Activity, "title", "quarter", "planned_on", "host_id", "status"),
        "budgets": rows(Budget, "approved_on", "approved_at", "note"),
        "lines": rows(BudgetLine, "item", "quantity", "unit_price", "funding_source"),
        "contributions": rows(BudgetContribution, "unit_id", "amount"),
    }
