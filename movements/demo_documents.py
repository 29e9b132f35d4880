"""Demo data of the documents area: directives 477/CT-UBND and 09/CT-UBND, the movements
they launch, the Prime Minister's national movements, and Khối Nội chính's 2024 plan.

Marks as in ``blocs.demo_data``: [S] from the seed articles, [U] plausible but not from any
source. Everything goes through the services; a second run finds each row (documents by
issuer, kind, number and year; movements by kind and name; the plan by bloc and directive)
and creates nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from blocs.demo import DemoResult, register_loader
from blocs.demo_data import NOI_CHINH
from blocs.models import Bloc, BlocLevel, Unit

from .models import Document, DocumentKind, ImplementationPlan, Movement, MovementKind, PlanTask
from .services import documents as services

D = datetime.date
ISSUER = "ubnd-tinh"
ILLUSTRATIVE = " (dữ liệu minh họa)"
LEAD_2024 = "bo-chqs"  # [S] Bộ CHQS tỉnh led Khối Nội chính in 2024

# [S] the number, date, issuer and subject of both directives; the 09 theme and items.
# [U] the report deadlines (the province's usual 10/12 for year-end dossiers).
CT_477 = {
    "kind": DocumentKind.DIRECTIVE, "number": 477, "symbol": "CT-UBND", "issued_on": D(2024, 2, 6),
    "signer_title": "Chủ tịch UBND tỉnh", "year_from": 2024, "year_to": 2024,
    "report_deadline": D(2024, 12, 10),
    "title": "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - "
    "xã hội, bảo đảm quốc phòng, an ninh năm 2024",
    "summary": "Phát động phong trào thi đua năm 2024 trong toàn tỉnh; các khối thi đua xây dựng "
    "kế hoạch triển khai thực hiện.",
    "items": [],
}
THEME_2025 = (
    "Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, phát triển thi đua phấn đấu hoàn thành xuất sắc "
    "nhiệm vụ phát triển kinh tế - xã hội năm 2025, góp phần hoàn thành các chỉ tiêu kinh tế - xã hội "
    "giai đoạn (2021 - 2025)"
)
CT_09 = {
    "kind": DocumentKind.DIRECTIVE, "number": 9, "symbol": "CT-UBND", "issued_on": D(2024, 12, 31),
    "signer_title": "Chủ tịch UBND tỉnh", "year_from": 2025, "year_to": 2025,
    "report_deadline": D(2025, 12, 10),
    "title": "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - "
    "xã hội, đảm bảo quốc phòng - an ninh năm 2025",
    "summary": f"Chủ đề: “{THEME_2025}”. Thủ trưởng các cơ quan, đơn vị, địa phương tổ chức thực "
    "hiện chỉ thị; báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả triển khai thực hiện theo quy định.",
    "items": [
        "Tiếp tục quán triệt, tuyên truyền sâu rộng tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu "
        "nước, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.",
        "Cấp ủy và tổ chức đảng tiếp tục đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính "
        "trị. Triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ, giải pháp trọng tâm.",
        "Tiếp tục đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát động và các phong trào "
        "thi đua của tỉnh.",
        "Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW ngày "
        "7/4/2014 của Bộ Chính trị thực hiện có hiệu quả phong trào thi đua trên mọi lĩnh vực của đời "
        "sống xã hội.",
        "Tăng cường sự lãnh đạo của cấp ủy Đảng, vai trò, trách nhiệm của chính quyền, đoàn thể và "
        "người đứng đầu trong việc tổ chức các phong trào thi đua và thực hiện chính sách, pháp luật "
        "về thi đua, khen thưởng.",
        "Tổ chức tốt Đại hội thi đua, hội nghị điển hình tiên tiến các cấp, các ngành và Đại hội Thi "
        "đua yêu nước tỉnh Lai Châu lần thứ VI, tạo động lực, khí thế thi đua sôi nổi trước thềm Đại "
        "hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
        "Tiếp tục thực hiện có hiệu quả chương trình phối hợp giữa cơ quan làm công tác thi đua, khen "
        "thưởng với các cơ quan thông tin, truyền thông. Các cơ quan thông tin đại chúng trên địa bàn "
        "tỉnh tiếp tục đẩy mạnh công tác tuyên truyền các chủ trương, chính sách của Đảng, pháp luật "
        "của Nhà nước về thi đua, khen thưởng.",
    ],
}

# (directive, name, theme, targets, join window [U], closed at the year-end review [U])
REGULAR = [
    (CT_477, "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm "
     "quốc phòng, an ninh năm 2024", "", "", (D(2024, 2, 6), D(2024, 3, 15)), True),
    (CT_09, "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, đảm bảo "
     "quốc phòng - an ninh năm 2025", THEME_2025,
     "Lập thành tích chào mừng đại hội đảng bộ các cấp tiến tới Đại hội Đại biểu toàn quốc lần thứ "
     "XIV của Đảng, đại hội thi đua yêu nước các cấp tiến tới Đại hội Thi đua yêu nước toàn quốc lần "
     "thứ XI và các ngày lễ lớn trong năm 2025.", (D(2024, 12, 31), D(2025, 3, 15)), False),
]

# [S] "five national movements of the Prime Minister carried on"; [U] which five.
NATIONAL = [
    "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Cả nước chung sức xây dựng nông thôn mới",
    "Doanh nghiệp Việt Nam hội nhập và phát triển",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời",
]

# [S] the first two solutions paraphrase the article; [U] the other three.
SOLUTIONS_2024 = [
    "Tiếp tục quán triệt, tuyên truyền, phổ biến và triển khai sâu rộng đường lối, chủ trương của "
    "Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh; Luật Thi đua, khen thưởng và các văn "
    "bản hướng dẫn thi hành.",
    "Cấp ủy và tổ chức đảng đổi mới phương thức lãnh đạo đối với công tác thi đua; triển khai thực "
    "hiện đồng bộ, hiệu quả các nhiệm vụ, giải pháp trọng tâm.",
    "Đổi mới nội dung, hình thức tổ chức phong trào thi đua gắn với nhiệm vụ chính trị của từng đơn "
    "vị; hưởng ứng các phong trào thi đua do tỉnh và các ngành phát động.",
    "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; khen thưởng kịp thời, chính xác, công khai.",
    "Tăng cường kiểm tra, sơ kết, tổng kết; sử dụng kinh phí thi đua, khen thưởng đúng mục đích, "
    "tiết kiệm, hiệu quả.",
]
# (text, quarter, due date, responsible unit code or None for every member, report if done).
# [S] the five kinds of task; [U] who does each, the dates, and which are done.
TASKS_2024 = [
    ("Xây dựng, triển khai thực hiện Chỉ thị số 477/CT-UBND tại đơn vị", 1, None, None,
     "Đã ban hành kế hoạch của đơn vị"),
    ("Tổng hợp đăng ký thi đua năm 2024 của các đơn vị trong Khối gửi Hội đồng Thi đua - Khen "
     "thưởng tỉnh", 1, D(2024, 3, 15), LEAD_2024, "Đã gửi bảng tổng hợp đăng ký"),
    ("Hưởng ứng các phong trào thi đua do địa phương và các ngành phát động năm 2024", 2, None, None,
     "Đã hưởng ứng, báo cáo trưởng khối"),
    ("Xây dựng báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 của Khối", 2,
     D(2024, 6, 20), LEAD_2024, "Đã gửi báo cáo sơ kết"),
    ("Tổ chức giải cầu lông Khối Thi đua Nội chính năm 2024", 3, None, "cong-an",
     "Đã tổ chức giải, các đơn vị trong Khối tham gia"),
    ("Gửi báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của đơn vị về đơn vị trưởng khối",
     4, D(2024, 11, 30), None, ""),
    ("Xây dựng báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Khối", 4, D(2024, 12, 10),
     LEAD_2024, ""),
]


def _document(spec: dict, issuer: Unit, result: DemoResult) -> Document:
    found = Document.objects.filter(
        issuer=issuer, kind=spec["kind"], number=spec["number"], issued_on__year=spec["issued_on"].year
    ).first()
    if found:
        return found
    fields = {k: v for k, v in spec.items() if k != "items"}
    document = Document(issuer=issuer, **fields)
    services.document_save(actor=None, document=document, items=spec["items"])
    result.created["directives"] += 1
    return document


def _provincial_blocs(year: int | None) -> list[Bloc]:
    blocs = Bloc.objects.filter(level=BlocLevel.PROVINCIAL).order_by("name")
    return [b for b in blocs if year is None or b.is_active_in_year(year)]


def _movement(result: DemoResult, kind: str, name: str, blocs: list[Bloc], **fields) -> Movement | None:
    if Movement.objects.filter(kind=kind, name=name).exists():
        return None
    movement = Movement(kind=kind, name=name, **fields)
    services.movement_save(actor=None, movement=movement, blocs=blocs)
    result.created["movements"] += 1
    return movement


def _regular_movements(documents: dict[int, Document], result: DemoResult) -> None:
    for spec, name, theme, targets, (join_from, join_until), closed in REGULAR:
        if spec["number"] not in documents:
            continue
        year = spec["year_from"]
        movement = _movement(
            result, MovementKind.REGULAR, name, _provincial_blocs(year), directive=documents[spec["number"]],
            year=year, theme=theme, targets=targets, join_from=join_from, join_until=join_until,
        )
        if movement and closed:
            services.movement_close(actor=None, movement=movement, note="Tổng kết năm" + ILLUSTRATIVE)


def _plan_2024(directive: Document, result: DemoResult) -> None:
    bloc = Bloc.objects.filter(name=NOI_CHINH).first()
    if bloc is None or ImplementationPlan.objects.filter(bloc=bloc, directive=directive).exists():
        return
    plan = services.plan_save(
        actor=None,
        plan=ImplementationPlan(
            bloc=bloc, year=2024, directive=directive,
            title="Kế hoạch thực hiện Chỉ thị số 477/CT-UBND ngày 06/02/2024 của UBND tỉnh",
            note="Hội nghị Khối thông qua cùng dự thảo kế hoạch công tác thi đua, khen thưởng và dự "
            "trù kinh phí của Khối năm 2024.",
        ),
        solutions=SOLUTIONS_2024,
    )
    units = {u.code: u for u in Unit.objects.filter(code__in=[t[3] for t in TASKS_2024 if t[3]])}
    tasks = [
        PlanTask(text=text, quarter=quarter, due_on=due_on, responsible=units.get(code))
        for text, quarter, due_on, code, _report in TASKS_2024
    ]
    services.plan_tasks_save(actor=None, plan=plan, tasks=tasks)
    for task, (*_spec, report) in zip(tasks, TASKS_2024, strict=True):
        if report:
            # Reported on its due date: the demo's 2024 is history, not today's work.
            at = timezone.make_aware(datetime.datetime.combine(task.due_on, datetime.time(16)))
            services.task_mark_done(actor=None, task=task, report=report + ILLUSTRATIVE, at=at)
    result.created["implementation_plans"] += 1
    result.created["plan_tasks"] += len(tasks)


@register_loader(
    order=10,
    labels={
        "directives": "văn bản chỉ đạo",
        "movements": "phong trào thi đua",
        "implementation_plans": "kế hoạch thực hiện chỉ thị",
        "plan_tasks": "nhiệm vụ của kế hoạch",
    },
)
def load_documents(result: DemoResult) -> None:
    issuer = Unit.objects.filter(code=ISSUER).first()
    if issuer is None:
        return
    specs = [spec for spec in (CT_477, CT_09) if spec["year_from"] <= result.year]
    documents = {spec["number"]: _document(spec, issuer, result) for spec in specs}
    _regular_movements(documents, result)
    for name in NATIONAL:
        _movement(result, MovementKind.NATIONAL, name, _provincial_blocs(result.year))
    if 477 in documents:
        _plan_2024(documents[477], result)
