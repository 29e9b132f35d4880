"""Rows of the permission matrix for directives, movements and implementation plans.

In the world: a directive of UBND tỉnh (with a signed PDF) launching an open movement, and a
note without a file; Khối Nội chính's plan (Bộ CHQS leads; Công an is donvi's unit) with a
task for Công an, one for Tòa án and one already done; Khối Đảng's plan with one task.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile

from blocs.models import Unit, UnitKind
from movements.models import (
    Document,
    DocumentItem,
    DocumentKind,
    ImplementationPlan,
    Movement,
    MovementKind,
    PlanSolution,
    PlanTask,
)
from movements.services import documents as services
from tests.conftest import make_unit
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
    get,
    missing,
    no_args,
    pk,
    post,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

_PROVINCE_DONE = answers(DONE, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN)
_LEAD_WRITE = answers(OK, OK, OK, FORBIDDEN, FORBIDDEN)  # Khối Nội chính's plan
_FAR_WRITE = answers(OK, OK, HIDDEN, HIDDEN, FORBIDDEN)  # Khối Đảng's plan
_FAR_READ = answers(OK, OK, HIDDEN, HIDDEN, OK)
_OWN_TASK = answers(OK, OK, OK, OK, FORBIDDEN)  # Công an's task: donvi reports it
_LEAD_DONE = answers(DONE, DONE, DONE, FORBIDDEN, FORBIDDEN)
_FAR_DONE = answers(DONE, DONE, HIDDEN, HIDDEN, FORBIDDEN)

TABLE = {
    "movements:document_list": [get("the directives", no_args, EVERYONE)],
    "movements:document_create": [
        get("the new directive form", no_args, PROVINCE_STAFF),
        post("an empty new directive", no_args, PROVINCE_STAFF),
    ],
    "movements:document_detail": [
        get("directive 09/CT-UBND", pk("doc"), EVERYONE),
        get("a directive that does not exist", missing, NOBODY),
    ],
    "movements:document_update": [
        get("09/CT-UBND's form", pk("doc"), PROVINCE_STAFF),
        post("09/CT-UBND emptied", pk("doc"), PROVINCE_STAFF),
    ],
    "movements:document_file": [
        get("09/CT-UBND's signed PDF", pk("doc"), EVERYONE),
        get("the signed PDF of a note that has none", pk("doc_without_file"), NOBODY),
    ],
    "movements:movement_list": [get("the movements", no_args, EVERYONE)],
    "movements:movement_create": [
        get("the new movement form", no_args, PROVINCE_STAFF),
        post("an empty new movement", no_args, PROVINCE_STAFF),
    ],
    "movements:movement_detail": [
        get("the 2025-style regular movement", pk("movement"), EVERYONE),
        get("a movement that does not exist", missing, NOBODY),
    ],
    "movements:movement_update": [
        get("the movement's form", pk("movement"), PROVINCE_STAFF),
        post("the movement emptied", pk("movement"), PROVINCE_STAFF),
    ],
    "movements:movement_status": [
        get("closing by link", pk("movement"), POST_ONLY),
        post("closing the movement", lambda w: {"pk": w.movement.pk}, _PROVINCE_DONE),
    ],
    "movements:plan_list": [get("the implementation plans", no_args, EVERYONE)],
    "movements:plan_create": [
        get("the new plan form", no_args, _LEAD_WRITE),
        post("an empty new plan", no_args, _LEAD_WRITE),
    ],
    "movements:plan_detail": [
        get("Khối Nội chính's plan", pk("plan"), EVERYONE),
        get("Khối Đảng's plan", pk("plan_far"), _FAR_READ),
        get("a plan that does not exist", missing, NOBODY),
    ],
    "movements:plan_update": [
        get("Khối Nội chính's plan form", pk("plan"), _LEAD_WRITE),
        get("Khối Đảng's plan form", pk("plan_far"), _FAR_WRITE),
        post("Khối Nội chính's plan emptied", pk("plan"), _LEAD_WRITE),
        post("Khối Đảng's plan emptied", pk("plan_far"), _FAR_WRITE),
    ],
    "movements:plan_tasks": [
        get("Khối Nội chính's tasks", pk("plan"), _LEAD_WRITE),
        get("Khối Đảng's tasks", pk("plan_far"), _FAR_WRITE),
        post("Khối Nội chính's tasks, nothing sent", pk("plan"), _LEAD_WRITE),
        post("Khối Đảng's tasks, nothing sent", pk("plan_far"), _FAR_WRITE),
    ],
    "movements:task_report": [
        get("Công an's task", pk("task_ca"), _OWN_TASK),
        get("Tòa án's task", pk("task_toa"), _LEAD_WRITE),
        get("Báo Lai Châu's task in Khối Đảng", pk("task_far"), _FAR_WRITE),
        get("a task that does not exist", missing, NOBODY),
        post("Công an's task with no report", pk("task_ca"), _OWN_TASK),
        post("Tòa án's task with no report", pk("task_toa"), _LEAD_WRITE),
        post("Báo Lai Châu's task with no report", pk("task_far"), _FAR_WRITE),
    ],
    "movements:task_reopen": [
        get("reopening by link", pk("task_done"), POST_ONLY),
        post("reopening Công an's done task without a reason", pk("task_done"), _LEAD_DONE),
        post("reopening Báo Lai Châu's done task without a reason", pk("task_far_done"), _FAR_DONE),
    ],
}


def extend_world(w) -> None:
    issuer = Unit.objects.filter(code="ubnd-tinh").first() or make_unit(
        "ubnd-tinh", "UBND tỉnh Lai Châu", UnitKind.OTHER
    )
    w.doc = Document(
        kind=DocumentKind.DIRECTIVE, number=9, symbol="CT-UBND", issuer=issuer,
        issued_on=datetime.date(w.year - 1, 12, 31), title="Về việc phát động phong trào thi đua",
        year_from=w.year, year_to=w.year, signed_file=ContentFile(PDF, name="09.pdf"),
    )
    services.document_save(actor=w.noivu, document=w.doc, items=["Nội dung một", "Nội dung hai"])
    w.doc_without_file = services.document_save(
        actor=w.noivu,
        document=Document(
            kind=DocumentKind.NOTICE, number=3, symbol="TB-UBND", issuer=issuer,
            issued_on=datetime.date(w.year, 1, 5), title="Thông báo", year_from=w.year, year_to=w.year,
        ),
    )
    w.movement = services.movement_save(
        actor=w.noivu,
        movement=Movement(name="Phong trào thi đua năm nay", kind=MovementKind.REGULAR, year=w.year, directive=w.doc),
        blocs=[w.noi_chinh, w.dang],
    )
    w.plan = _plan(w, w.noi_chinh)
    w.plan_far = _plan(w, w.dang)
    w.task_ca, w.task_toa, w.task_done = services.plan_tasks_save(
        actor=w.truongkhoi, plan=w.plan,
        tasks=[PlanTask(text="Việc của Công an", quarter=1, responsible=w.ca),
               PlanTask(text="Việc của Tòa án", quarter=2, responsible=w.toa),
               PlanTask(text="Việc đã xong", quarter=1, responsible=w.ca)],
    )
    services.task_mark_done(actor=w.donvi, task=w.task_done, report="Đã làm")
    w.task_far, w.task_far_done = services.plan_tasks_save(
        actor=w.noivu, plan=w.plan_far,
        tasks=[PlanTask(text="Việc của Báo", quarter=3, responsible=w.bao),
               PlanTask(text="Việc đã xong của Báo", quarter=1, responsible=w.bao)],
    )
    services.task_mark_done(actor=w.noivu, task=w.task_far_done, report="Đã làm")


def _plan(w, bloc) -> ImplementationPlan:
    plan = ImplementationPlan(bloc=bloc, year=w.year, directive=w.doc, title=f"Kế hoạch của {bloc}")
    return services.plan_save(actor=w.noivu, plan=plan, solutions=["Giải pháp một"])


def state() -> dict:
    return {
        "documents": list(Document.objects.values_list("pk", "number", "symbol", "title", "signed_file").order_by("pk")),
        "items": list(DocumentItem.objects.values_list("pk", "text").order_by("pk")),
        "movements": list(Movement.objects.values_list("pk", "name", "status").order_by("pk")),
        "plans": list(ImplementationPlan.objects.values_list("pk", "title", "note").order_by("pk")),
        "solutions": list(PlanSolution.objects.values_list("pk", "text").order_by("pk")),
        "tasks": list(
            PlanTask.objects.values_list("pk", "text", "responsible_id", "status", "report").order_by("pk")
        ),
    }
