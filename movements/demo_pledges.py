"""Demo of the pledges area: the 2024 pledges of Khối Thi đua Nội chính, Khối Đảng tỉnh and
the northern border cluster, with their criteria tables and signatories, and Khối Nội
chính's 2024 work plan and budget estimate.

Marks as in ``blocs.demo_data``: [S] from the seed articles, [U] plausible but invented. The
criteria tables, points, dates other than 05/03/2024, amounts and every signatory's name
are [U]; the names are invented. Loading again creates nothing: a pledge, an activity or a
budget that exists (by bloc, year and title) is left as it is.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from blocs import demo_data as org
from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, Membership, Unit

from .models import (
    Activity,
    ActivityStatus,
    Budget,
    BudgetContribution,
    BudgetLine,
    Criterion,
    CriterionGroup,
    CriterionKind,
    Pledge,
    PledgeSignatory,
)
from .services import budgets as budget_svc
from .services import pledges as svc

YEAR = 2024
D = datetime.date
SCORED, BONUS, PENALTY = CriterionKind.SCORED, CriterionKind.BONUS, CriterionKind.PENALTY
DONE, CANCELLED = ActivityStatus.DONE, ActivityStatus.CANCELLED

# A table: [(group name, [(criterion, max points, kind, how it is measured)])]. [U]
DUTIES_AND_MOVEMENTS = "Triển khai Chỉ thị số 477/CT-UBND ngày 06/02/2024 của UBND tỉnh"  # [S]
NOI_CHINH_TABLE = [
    ("Thực hiện nhiệm vụ chính trị", [
        ("Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn được giao năm 2024", 30, SCORED,
         "Theo kết quả đánh giá của cấp có thẩm quyền; mỗi chỉ tiêu không đạt trừ 3 điểm."),
        ("Góp phần bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội trong lĩnh vực phụ trách",
         10, SCORED, "Không để xảy ra vụ việc phức tạp, bị động, bất ngờ."),
        ("Cải cách hành chính, chuyển đổi số, thực hành tiết kiệm, chống lãng phí", 10, SCORED,
         "Theo kết quả chấm chỉ số cải cách hành chính của tỉnh."),
    ]),
    ("Công tác thi đua, khen thưởng", [
        (f"{DUTIES_AND_MOVEMENTS} và các phong trào thi đua do tỉnh, ngành phát động", 8, SCORED,
         "Có kế hoạch, văn bản triển khai; có sơ kết, tổng kết."),
        ("Đăng ký thi đua; báo cáo sơ kết 6 tháng và tổng kết năm đúng thời hạn", 5, SCORED,
         "Mỗi báo cáo chậm trừ 1 điểm."),
        ("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; đề nghị khen thưởng đúng quy định",
         7, SCORED, "Có ít nhất một điển hình được tuyên truyền trong năm."),
        ("Tham gia đầy đủ hoạt động của Khối (hội nghị, kiểm tra chéo, giải cầu lông)", 5, SCORED,
         "Mỗi hoạt động không tham gia trừ 1 điểm."),
    ]),
    ("Xây dựng Đảng, đoàn thể", [
        ("Xây dựng tổ chức đảng trong sạch, vững mạnh; học tập và làm theo tư tưởng, đạo đức, "
         "phong cách Hồ Chí Minh", 10, SCORED, "Theo kết quả đánh giá, xếp loại tổ chức đảng."),
        ("Hoạt động của Công đoàn, Đoàn Thanh niên, Hội Phụ nữ cơ quan", 8, SCORED,
         "Theo xếp loại của tổ chức cấp trên."),
        ("Chăm lo đời sống cán bộ; không có cán bộ, đảng viên vi phạm kỷ luật", 7, SCORED,
         "Có cán bộ bị kỷ luật: không chấm điểm tiêu chí này."),
    ]),
    ("Điểm thưởng, điểm trừ", [
        ("Có mô hình, cách làm hay được cấp tỉnh trở lên công nhận, nhân rộng", 5, BONUS,
         "Mỗi mô hình cộng 2,5 điểm, tối đa 5 điểm."),
        ("Nộp báo cáo, hồ sơ cho đơn vị trưởng khối chậm so với quy định", 5, PENALTY,
         "Mỗi lần chậm trừ 1 điểm."),
        ("Có tập thể, cá nhân bị kỷ luật từ hình thức khiển trách trở lên", 10, PENALTY,
         "Tập thể trừ 10 điểm; cá nhân trừ 5 điểm."),
    ]),
]
DANG_TABLE = [
    ("Thực hiện nhiệm vụ chính trị", [
        ("Tham mưu ban hành và triển khai các nghị quyết, chỉ thị, kết luận của Tỉnh ủy đúng "
         "tiến độ, bảo đảm chất lượng", 25, SCORED, "Theo chương trình công tác năm của Tỉnh ủy."),
        ("Hoàn thành chương trình công tác năm của cơ quan", 15, SCORED,
         "Mỗi nhiệm vụ không hoàn thành trừ 2 điểm."),
        ("Cải cách hành chính trong Đảng, ứng dụng công nghệ thông tin, chuyển đổi số", 10, SCORED,
         "Theo kết quả kiểm tra của Văn phòng Tỉnh ủy."),
    ]),
    ("Công tác thi đua, khen thưởng", [
        ("Ban hành kế hoạch, phát động thi đua; đăng ký thi đua đúng hạn", 5, SCORED, ""),
        ("Sơ kết 6 tháng, tổng kết năm; báo cáo đúng thời hạn", 5, SCORED, ""),
        ("Tuyên truyền, nhân rộng điển hình tiên tiến", 5, SCORED, ""),
        ("Tham gia hoạt động của Khối", 5, SCORED, "Mỗi hoạt động không tham gia trừ 1 điểm."),
    ]),
    ("Xây dựng Đảng, đoàn thể", [
        ("Tổ chức đảng hoàn thành xuất sắc nhiệm vụ", 15, SCORED, ""),
        ("Đoàn thể cơ quan vững mạnh", 10, SCORED, ""),
        ("Thực hiện quy chế dân chủ, văn hóa công sở", 5, SCORED, ""),
    ]),
    ("Điểm thưởng, điểm trừ", [
        ("Được Trung ương ghi nhận, nhân rộng cách làm hay", 5, BONUS, ""),
        ("Có cán bộ, đảng viên bị kỷ luật", 10, PENALTY, "Mỗi trường hợp trừ 5 điểm."),
    ]),
]
CLUSTER_TABLE = [
    ("Thực hiện nhiệm vụ chính trị: phát triển kinh tế - xã hội, quốc phòng, an ninh", [
        ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt, vượt kế hoạch", 15, SCORED,
         "Theo số liệu của Cục Thống kê tỉnh."),
        ("Thu ngân sách nhà nước trên địa bàn đạt, vượt dự toán", 10, SCORED, ""),
        ("Giảm tỷ lệ hộ nghèo; xây dựng nông thôn mới", 15, SCORED, ""),
        ("Phát triển giáo dục, y tế, văn hóa; chăm lo vùng đồng bào dân tộc thiểu số", 10, SCORED, ""),
        ("Giữ vững chủ quyền biên giới quốc gia, an ninh chính trị, trật tự an toàn xã hội",
         10, SCORED, ""),
    ]),
    ("Công tác thi đua, khen thưởng", [
        # [S] the five movements launched by the Prime Minister, carried on in 2024
        ("Thực hiện có hiệu quả 5 phong trào thi đua do Thủ tướng Chính phủ phát động", 10, SCORED, ""),
        ("Ban hành kịp thời quy chế, quy định về thi đua, khen thưởng theo Luật Thi đua, khen "
         "thưởng năm 2022", 5, SCORED, ""),
        ("Quan tâm khen thưởng tập thể nhỏ, người lao động trực tiếp, vùng sâu, vùng xa, biên giới",
         5, SCORED, ""),  # [S] the cluster's 2024 call
        ("Tuyên truyền gương điển hình tiên tiến theo Quyết định số 1526/QĐ-TTg", 5, SCORED, ""),
        ("Tham gia hoạt động của Cụm; giao lưu, trao đổi kinh nghiệm giữa các tỉnh", 5, SCORED, ""),
    ]),
    ("Xây dựng hệ thống chính trị", [
        ("Nâng cao chất lượng hoạt động của Hội đồng Thi đua - Khen thưởng các cấp", 5, SCORED, ""),
        ("Cải cách hành chính; chỉ số PAR INDEX, SIPAS cải thiện", 5, SCORED, ""),
    ]),
    ("Điểm thưởng, điểm trừ", [
        ("Có mô hình được Trung ương nhân rộng", 5, BONUS, ""),
        ("Gửi báo cáo, hồ sơ cho Cụm trưởng chậm", 3, PENALTY, "Mỗi lần chậm trừ 1 điểm."),
    ]),
]

# Provinces' representatives: invented names [U]; not the leaders named in the seeds.
PROVINCE_SIGNERS = {
    "tinh-ha-giang": ("Nguyễn Văn Hưng", "Phó Chủ tịch UBND tỉnh Hà Giang"),
    "tinh-cao-bang": ("Hoàng Thị Mai", "Phó Chủ tịch UBND tỉnh Cao Bằng"),
    "tinh-lang-son": ("Lộc Văn Tuấn", "Phó Chủ tịch UBND tỉnh Lạng Sơn"),
    "tinh-lao-cai": ("Phạm Đức Thịnh", "Phó Chủ tịch UBND tỉnh Lào Cai"),
    "tinh-lai-chau": ("Vàng Văn Páo", "Phó Chủ tịch UBND tỉnh Lai Châu"),
    "tinh-dien-bien": ("Lò Văn Chiến", "Phó Chủ tịch UBND tỉnh Điện Biên"),
    "tinh-son-la": ("Cầm Thị Loan", "Phó Chủ tịch UBND tỉnh Sơn La"),
}

NOI_CHINH_MEETING = (
    "Hội nghị triển khai công tác thi đua, khen thưởng năm 2024 và ký kết giao ước thi đua "
    "Khối Thi đua Nội chính tỉnh, tại Bộ Chỉ huy Quân sự tỉnh"
)
PLEDGES = [
    {
        "bloc": org.NOI_CHINH,
        "signed_on": D(2024, 2, 27),  # [U] the seed gives no date
        "meeting": NOI_CHINH_MEETING,
        "text": "Các đơn vị trong Khối Thi đua Nội chính tỉnh thống nhất ký kết giao ước thi đua "
        f"năm 2024: {DUTIES_AND_MOVEMENTS[0].lower()}{DUTIES_AND_MOVEMENTS[1:]} về phát động "
        "phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm "
        "quốc phòng, an ninh năm 2024; góp phần giữ vững ổn định an ninh chính trị, trật tự an "
        "toàn xã hội; hưởng ứng các phong trào thi đua do địa phương và các ngành phát động.",
        "table": NOI_CHINH_TABLE,
    },
    {
        "bloc": org.DANG,
        "signed_on": D(2024, 1, 31),  # [U]
        "meeting": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước "
        "thi đua năm 2024 Khối Đảng tỉnh",
        "text": "Các cơ quan tham mưu, giúp việc Tỉnh ủy, Báo Lai Châu và Đảng ủy Khối các Cơ "
        "quan và Doanh nghiệp tỉnh giao ước thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.",
        "table": DANG_TABLE,
    },
    {
        "bloc": org.CUM_BIEN_GIOI,
        "signed_on": D(2024, 3, 5),  # [S]
        "meeting": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm "
        "vụ năm 2024 của Cụm thi đua, tại tỉnh Lạng Sơn",  # [S]
        # [S] the contents of the 2024 launch, from the conference's report
        "text": "Quyết tâm thực hiện có hiệu quả 5 phong trào thi đua do Thủ tướng Chính phủ "
        "phát động; đẩy mạnh và đổi mới hoạt động các phong trào thi đua thường xuyên, chuyên "
        "đề trên các lĩnh vực, phấn đấu thực hiện thắng lợi các mục tiêu, chỉ tiêu, nhiệm vụ "
        "năm 2024 và kế hoạch 5 năm (2021 - 2025) của các tỉnh trong Cụm thi đua; nâng cao chất "
        "lượng khen thưởng, quan tâm khen thưởng tập thể nhỏ, người lao động trực tiếp, các tập "
        "thể và cá nhân ở cơ sở, vùng sâu, vùng xa, biên giới, vùng đồng bào dân tộc thiểu số.",
        "table": CLUSTER_TABLE,
    },
]

# Khối Nội chính's 2024 work plan: [S] the items named by the seed; [U] dates, hosts, the
# mutual check and the cancelled exchange.
ACTIVITIES = [
    (1, D(2024, 2, 27), "Hội nghị triển khai nhiệm vụ năm 2024, ký kết giao ước thi đua; thông "
     "qua kế hoạch thực hiện Chỉ thị số 477/CT-UBND, kế hoạch công tác và dự trù kinh phí",
     "bo-chqs", DONE),
    (1, D(2024, 3, 15), "Tổng hợp đăng ký thi đua năm 2024 của các đơn vị, gửi Hội đồng Thi "
     "đua - Khen thưởng tỉnh", "bo-chqs", DONE),
    (2, D(2024, 4, 20), "Giải cầu lông Khối Thi đua Nội chính năm 2024", "cong-an", DONE),
    (2, D(2024, 5, 24), "Giao lưu văn nghệ chào mừng ngày sinh Chủ tịch Hồ Chí Minh", "bdbp",
     CANCELLED),
    (3, D(2024, 7, 10), "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024",
     "bo-chqs", DONE),
    (3, D(2024, 9, 18), "Kiểm tra chéo việc thực hiện giao ước thi đua giữa các đơn vị", "tand",
     DONE),
    (4, D(2024, 12, 5), "Chấm điểm, bình xét thi đua; suy tôn đơn vị trưởng Khối năm 2025",
     "bo-chqs", DONE),
    (4, D(2024, 12, 26), "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 của Khối",
     "bo-chqs", DONE),
]
FUND, MEMBERS = "Quỹ thi đua, khen thưởng tỉnh", "Đóng góp của các đơn vị thành viên"
# (item, quantity, unit price in đồng, funding source) [U]
BUDGET_LINES = [
    ("Hội nghị triển khai nhiệm vụ, ký kết giao ước (hội trường, tài liệu)", 1, 8_000_000, MEMBERS),
    ("Giải cầu lông của Khối: cờ, cúp, giải thưởng", 1, 15_000_000, MEMBERS),
    ("Giải cầu lông của Khối: trọng tài, phục vụ", 10, 300_000, MEMBERS),
    ("Hội nghị sơ kết 6 tháng", 1, 5_000_000, MEMBERS),
    ("Hội nghị tổng kết năm", 1, 10_000_000, MEMBERS),
    ("Văn phòng phẩm, in ấn tài liệu của Khối (tháng)", 12, 250_000, MEMBERS),
]
# The lead contributes more; the contributions cover the lines exactly (44.000.000 đ). [U]
CONTRIBUTIONS = {"bo-chqs": 9_000_000}
MEMBER_SHARE = 5_000_000


@register_loader(
    order=20,
    labels={
        "pledges": "giao ước thi đua",
        "criteria": "tiêu chí",
        "signatories": "người ký giao ước",
        "activities": "hoạt động của khối",
        "budgets": "dự trù kinh phí",
    },
)
def load_pledges(result: DemoResult) -> None:
    if result.year < YEAR:
        return
    heads = {code: rows[0] for code, rows in org.PEOPLE.items()}
    for spec in PLEDGES:
        bloc = Bloc.objects.filter(name=spec["bloc"]).first()
        if bloc and not Pledge.objects.filter(bloc=bloc, year=YEAR).exists():
            _load_pledge(bloc, spec, heads, result)
    noi_chinh = Bloc.objects.filter(name=org.NOI_CHINH).first()
    if noi_chinh:
        _load_plan(noi_chinh, result)
        _load_budget(noi_chinh, result)


def _members(bloc: Bloc) -> list[Unit]:
    ids = Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=YEAR).values("unit_id")
    return list(Unit.objects.filter(pk__in=ids).order_by("name"))


def _load_pledge(bloc: Bloc, spec: dict, heads: dict, result: DemoResult) -> None:
    pledge = svc.pledge_create(actor=None, bloc=bloc, year=YEAR, text=spec["text"])
    result.created["pledges"] += 1
    for position, (name, rows) in enumerate(spec["table"], start=1):
        group = svc.criterion_group_save(
            actor=None, group=CriterionGroup(pledge=pledge, position=position, name=name)
        )
        for text, points, kind, measure in rows:
            criterion = Criterion(group=group, text=text, max_points=Decimal(points), kind=kind,
                                  measure=measure)
            svc.criterion_save(actor=None, criterion=criterion)
            result.created["criteria"] += 1
    for unit in _members(bloc):
        # The head of each unit signs (invented people of blocs.demo_data), or a province's
        # vice-chairman (invented too).
        head = heads.get(unit.code)
        name, post = (head[0], head[3]) if head else PROVINCE_SIGNERS.get(unit.code, ("", ""))
        if name:
            signatory = PledgeSignatory(pledge=pledge, unit=unit, representative=name, position=post)
            svc.signatory_save(actor=None, signatory=signatory)
            result.created["signatories"] += 1
    svc.pledge_sign(actor=None, pledge=pledge, signed_on=spec["signed_on"], meeting=spec["meeting"])


def _load_plan(bloc: Bloc, result: DemoResult) -> None:
    units = {u.code: u for u in _members(bloc)}
    present = set(Activity.objects.filter(bloc=bloc, year=YEAR).values_list("title", flat=True))
    for quarter, day, title, host, status in ACTIVITIES:
        if title in present:
            continue
        activity = Activity(bloc=bloc, year=YEAR, quarter=quarter, planned_on=day, title=title,
                            host=units.get(host), status=status)
        budget_svc.activity_save(actor=None, activity=activity)
        result.created["activities"] += 1


def _load_budget(bloc: Bloc, result: DemoResult) -> None:
    if Budget.objects.filter(bloc=bloc, year=YEAR).exists():
        return
    budget = budget_svc.budget_create(actor=None, bloc=bloc, year=YEAR,
                               note="Dự trù kinh phí hoạt động của Khối năm 2024.")
    for item, quantity, price, source in BUDGET_LINES:
        line = BudgetLine(budget=budget, item=item, quantity=Decimal(quantity), unit_price=price,
                          funding_source=source)
        budget_svc.budget_line_save(actor=None, line=line)
    for unit in _members(bloc):
        amount = CONTRIBUTIONS.get(unit.code, MEMBER_SHARE)
        budget_svc.contribution_save(
            actor=None, contribution=BudgetContribution(budget=budget, unit=unit, amount=amount)
        )
    budget_svc.budget_approve(actor=None, budget=budget, approved_on=D(2024, 2, 27),
                       approved_at=NOI_CHINH_MEETING)  # [S] adopted at that conference
    result.created["budgets"] += 1
