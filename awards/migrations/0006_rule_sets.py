"""The two rule sets in force since the 2022 Law (ND 98/2023, then ND 152/2025), how each
treats every title of the catalogue, and the base salary by date.

Values marked [P] or [U] in ``source`` are provincial practice or unconfirmed: admins edit
them in the Django admin (changes are audited); a new regime is a new row, not a migration.
"""

import datetime
from decimal import Decimal

from django.db import migrations

ND98 = dict(
    code="nd98-2023",
    name="Nghị định 98/2023/NĐ-CP",
    legal_basis="Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP; "
    "Thông tư 01/2024/TT-BNV.",
    effective_from=datetime.date(2024, 1, 1),
    effective_to=datetime.date(2025, 6, 30),
)
ND152 = dict(
    code="nd152-2025",
    name="Nghị định 152/2025/NĐ-CP",
    legal_basis="Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP; "
    "Nghị định 129/2025/NĐ-CP (Điều 59); Thông tư 15/2025/TT-BNV.",
    effective_from=datetime.date(2025, 7, 1),
    effective_to=None,
)
NOTES = (
    "Không xét LĐTT cho người tuyển dụng dưới 6 tháng: Thông tư 01/2024/TT-BNV, nay 15/2025/TT-BNV [C].\n"
    "Tỷ lệ CSTĐCS: không quy định (tỷ lệ 15 % đã hết hiệu lực), tỉnh có thể đặt [P].\n"
    "Tỷ lệ 70 % LĐTT của tập thể: Luật Điều 27, 28 [P cách diễn đạt].\n"
    "Cờ tỉnh mỗi khối: 1 [P]. Cờ CP không quá 20 % số tập thể dẫn đầu: hướng dẫn 2023 [U].\n"
    "Hội đồng: có mặt từ 2/3 thành viên; họp xét khen thưởng cần từ 80 % [P].\n"
    "Công khai 10 ngày làm việc trước khi Hội đồng họp (huân chương, danh hiệu vinh dự Nhà "
    "nước, CSTĐ toàn quốc) [C].\n"
    "Hồ sơ cuối năm nộp Sở Nội vụ trước 10/12; chuyên đề trước sự kiện 10 ngày [P].\n"
    "Hộ gia đình bằng 1,5 lần mức cá nhân [C]; làm tròn đến 1.000 đồng [U]."
)

# code: (decider before 01/07/2025, decider after, vote threshold %, public notice,
#        central deadline (day, month), source)
RULES = {
    "LDTT": ("thu_truong", "thu_truong", None, False, None, "Luật Điều 24; ND 98 Điều 30"),
    "CSTDCS": ("thu_truong", "thu_truong", "80", False, None, "Luật Điều 23; ND 98 Điều 30.7"),
    "CSTD_TINH": ("ct_tinh", "ct_tinh", "90", False, None, "Luật Điều 22; ND 98 Điều 30.7"),
    "CSTD_TQ": ("thu_tuong", "thu_tuong", "90", True, (31, 12), "Luật Điều 21; hạn trình 31/12 [P]"),
    "TTLDTT": ("thu_truong", "thu_truong", None, False, None, "Luật Điều 28"),
    "TTLDXS": ("ct_tinh", "ct_tinh", None, False, None, "Luật Điều 27"),
    "CO_TINH": ("ct_tinh", "ct_tinh", "80", False, None, "Luật Điều 26; ND 98 Điều 30.7"),
    "CO_CP": ("thu_tuong", "thu_tuong", "80", False, (30, 6), "Luật Điều 25; hạn trình 30/06 [P]"),
    "XA_TIEU_BIEU": ("ct_tinh", "ct_tinh", None, False, None, "Nghị định 86/2023/NĐ-CP [U]"),
    "THON_VH": ("ct_huyen", "ct_xa", None, False, None, "Nghị định 86/2023; ND 129/2025 Điều 59"),
    "GDVH": ("ct_xa", "ct_xa", None, False, None, "Nghị định 86/2023/NĐ-CP"),
    "GIAY_KHEN": ("thu_truong", "thu_truong", None, False, None, "Luật Điều 75"),
    "BK_TINH": ("ct_tinh", "ct_tinh", None, False, None, "Luật Điều 74"),
    "BK_TTG": ("thu_tuong", "thu_tuong", None, False, None, "Luật Điều 73"),
    "HCLD3": ("chu_tich_nuoc", "chu_tich_nuoc", "90", True, None, "Luật Điều 45; ngưỡng biểu quyết [U]"),
    "HCLD2": ("chu_tich_nuoc", "chu_tich_nuoc", "90", True, None, "Luật Điều 45; ngưỡng biểu quyết [U]"),
    "HCLD1": ("chu_tich_nuoc", "chu_tich_nuoc", "90", True, None, "Luật Điều 45; ngưỡng biểu quyết [U]"),
}

BASE_SALARIES = [
    (datetime.date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]


def seed(apps, schema_editor):
    RuleSet = apps.get_model("awards", "RuleSet")
    TitleRule = apps.get_model("awards", "TitleRule")
    Title = apps.get_model("awards", "Title")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    titles = {t.code: t for t in Title.objects.all()}
    for index, fields in enumerate((ND98, ND152)):
        rule_set = RuleSet.objects.create(
            **fields, notes=NOTES, co_cp_max_share_percent=Decimal("20"), cstdcs_cap_percent=None
        )
        for code, (before, after, vote, notice, deadline, source) in RULES.items():
            title = titles.get(code)
            if title is None:  # an admin removed it before this ran: nothing to attach
                continue
            TitleRule.objects.create(
                rule_set=rule_set,
                title=title,
                decider=after if index else before,
                coefficient=title.coefficient,
                individual_coefficient=title.individual_coefficient,
                vote_threshold_percent=Decimal(vote) if vote else None,
                needs_public_notice=notice,
                central_deadline_day=deadline[0] if deadline else None,
                central_deadline_month=deadline[1] if deadline else None,
                source=source,
            )
    for day, amount, basis in BASE_SALARIES:
        BaseSalary.objects.create(effective_from=day, amount=amount, legal_basis=basis)


class Migration(migrations.Migration):
    dependencies = [("awards", "0005_rule_sets_facts_proposals_decisions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
