"""The days off of the State's offices in 2024–2027, which working-day periods skip.

Sources:
- Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1: Tết Dương lịch 1 ngày (01/01),
  Tết Âm lịch 5 ngày, Ngày Chiến thắng 1 ngày (30/4), Ngày Quốc tế lao động 1 ngày (01/5),
  Quốc khánh 2 ngày (02/9 and the day before or after), Giỗ Tổ Hùng Vương 1 ngày (10/3 âm
  lịch). Điều 111 khoản 3: a holiday falling on the weekly rest day is taken on the next
  working day (nghỉ bù).
- The Prime Minister's yearly decisions, which fix the five Tết days and the second Quốc
  khánh day and may move a working day for a longer break (hoán đổi, made up on a Saturday):
  2024 — Công văn 8662/VPCP-KGVX ngày 03/11/2023 (Tết 08/02–14/02/2024, Quốc khánh
  31/8–03/9/2024) and 2450/VPCP-KGVX ngày 12/4/2024 (29/4 moved to Saturday 04/5/2024);
  2025 — Công văn 8726/VPCP-KGVX ngày 26/11/2024 and Thông báo 6150/TB-BLĐTBXH (Tết
  25/01–02/02/2025; 02/5 moved to Saturday 26/4/2025; Quốc khánh 30/8–02/9/2025);
  2026 — Công văn 12729/VPCP-KGVX ngày 25/12/2025 (02/01 moved to Saturday 10/01/2026) and
  the Văn phòng Chính phủ's letter of 10/2025 on Bộ Nội vụ's proposal (Tết 14/02–22/02/2026;
  Quốc khánh 01/9–02/9, 31/8 moved to Saturday 22/8/2026).
- 2027 has no decision yet: Tết Đinh Mùi falls on Saturday 06/02/2027 (mùng 1; lunar dates
  computed for UTC+7 with Hồ Ngọc Đức's algorithm, which gives 10/02/2024, 29/01/2025 and
  17/02/2026 as published), so the five weekdays are laid out as in 2024, when mùng 1 was
  also a Saturday; Giỗ Tổ is Friday 16/4/2027; 01/5 is a Saturday, taken on Monday 03/5
  (Điều 111); the second Quốc khánh day is taken as 03/9. These rows say "dự kiến": an
  admin corrects them when the decision is published.

Not seeded: the Saturdays worked in exchange for a moved day (a Saturday stays a day off
here, so a period across such a swap ends at most one day later than the office calendar,
never earlier), and Ngày Văn hóa Việt Nam (24/11), which Nghị quyết 80-NQ/TW and Nghị quyết
30/NQ-CP (2026) propose as a paid holiday but which the Labour Code does not list yet: an
admin adds it in the admin once the amended Code is in force.
"""

import datetime

from django.db import migrations

LAW = "Bộ luật Lao động 2019, Điều 112"
IN_LIEU = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)"
VPCP_2024 = "Công văn 8662/VPCP-KGVX ngày 03/11/2023"
SWAP_2024 = "Công văn 2450/VPCP-KGVX ngày 12/4/2024"
VPCP_2025 = "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH"
SWAP_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
VPCP_2026 = "Ý kiến của Thủ tướng Chính phủ (Văn phòng Chính phủ, 10/2025) về nghỉ Tết Âm lịch, Quốc khánh 2026"
PLANNED = "dự kiến theo Bộ luật Lao động 2019, Điều 111–112; chờ quyết định của Thủ tướng Chính phủ"

D = datetime.date


def _tet(name: str, days, source: str) -> list:
    return [(day, f"Tết Nguyên đán {name}", source) for day in days]


HOLIDAYS = [
    # 2024
    (D(2024, 1, 1), "Tết Dương lịch", LAW),
    *_tet("Giáp Thìn", [D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 12), D(2024, 2, 13), D(2024, 2, 14)],
          f"{LAW}; {VPCP_2024}"),
    (D(2024, 4, 18), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LAW),
    (D(2024, 4, 29), "Nghỉ hoán đổi dịp 30/4 (làm bù thứ Bảy 04/05/2024)", SWAP_2024),
    (D(2024, 4, 30), "Ngày Chiến thắng", LAW),
    (D(2024, 5, 1), "Ngày Quốc tế lao động", LAW),
    (D(2024, 9, 2), "Quốc khánh", LAW),
    (D(2024, 9, 3), "Quốc khánh (ngày liền kề)", f"{LAW}; {VPCP_2024}"),
    # 2025
    (D(2025, 1, 1), "Tết Dương lịch", LAW),
    *_tet("Ất Tỵ", [D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31)],
          f"{LAW}; {VPCP_2025}"),
    (D(2025, 4, 7), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LAW),
    (D(2025, 4, 30), "Ngày Chiến thắng", LAW),
    (D(2025, 5, 1), "Ngày Quốc tế lao động", LAW),
    (D(2025, 5, 2), "Nghỉ hoán đổi dịp 30/4 (làm bù thứ Bảy 26/04/2025)", VPCP_2025),
    (D(2025, 9, 1), "Quốc khánh (ngày liền kề)", f"{LAW}; {VPCP_2025}"),
    (D(2025, 9, 2), "Quốc khánh", LAW),
    # 2026
    (D(2026, 1, 1), "Tết Dương lịch", LAW),
    (D(2026, 1, 2), "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)", SWAP_2026),
    *_tet("Bính Ngọ", [D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)],
          f"{LAW}; {VPCP_2026}"),
    (D(2026, 4, 26), "Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)", LAW),
    (D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", IN_LIEU),
    (D(2026, 4, 30), "Ngày Chiến thắng", LAW),
    (D(2026, 5, 1), "Ngày Quốc tế lao động", LAW),
    (D(2026, 8, 31), "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)", VPCP_2026),
    (D(2026, 9, 1), "Quốc khánh (ngày liền kề)", f"{LAW}; {VPCP_2026}"),
    (D(2026, 9, 2), "Quốc khánh", LAW),
    # 2027: no decision of the Prime Minister yet
    (D(2027, 1, 1), "Tết Dương lịch", LAW),
    *_tet("Đinh Mùi (dự kiến)", [D(2027, 2, 4), D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 10)],
          PLANNED),
    (D(2027, 4, 16), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", LAW),
    (D(2027, 4, 30), "Ngày Chiến thắng", LAW),
    (D(2027, 5, 1), "Ngày Quốc tế lao động (thứ Bảy)", LAW),
    (D(2027, 5, 3), "Nghỉ bù Ngày Quốc tế lao động", IN_LIEU),
    (D(2027, 9, 2), "Quốc khánh", LAW),
    (D(2027, 9, 3), "Quốc khánh (ngày liền kề, dự kiến)", PLANNED),
]


def seed(apps, schema_editor):
    PublicHoliday = apps.get_model("awards", "PublicHoliday")
    known = set(PublicHoliday.objects.values_list("date", flat=True))
    PublicHoliday.objects.bulk_create(
        PublicHoliday(date=day, name=name, source=source)
        for day, name, source in HOLIDAYS
        if day not in known
    )


def unseed(apps, schema_editor):
    PublicHoliday = apps.get_model("awards", "PublicHoliday")
    PublicHoliday.objects.filter(date__in=[day for day, _name, _source in HOLIDAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [("awards", "0007_bloc_rankings_public_holidays")]

    operations = [migrations.RunPython(seed, unseed)]
