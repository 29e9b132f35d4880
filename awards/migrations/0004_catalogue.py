"""The catalogue of emulation titles (Luật TĐKT 2022, Điều 6, 20) and forms of commendation
(Điều 9), as the province applies them after 01/07/2025. Admins and interior staff edit it
in the Django admin; a later change of the law is a new row or an edit, not a migration.

Marks in ``note``: [P] provincial practice, [U] not confirmed in a primary source.
"""

from decimal import Decimal

from django.db import migrations

HEAD = "Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân; Chủ tịch UBND cấp xã"
CHAIR = "Chủ tịch UBND tỉnh"
PM = "Thủ tướng Chính phủ (tỉnh đề nghị)"
PRESIDENT = "Chủ tịch nước (tỉnh đề nghị)"
LAW = "Luật Thi đua, khen thưởng 2022, Điều %s"
HALF = "Mức cho cá nhân bằng một nửa mức tập thể [U]."

# (code, name, short name, beneficiary, level, authority, coefficient, individual
#  coefficient, legal basis, criteria, note)
TITLES = [
    ("LDTT", "Lao động tiên tiến", "LĐTT", "ca_nhan", "co_so", HEAD, "0.3", None, LAW % 24,
     "Hoàn thành tốt nhiệm vụ trở lên; tích cực tham gia phong trào thi đua. Không xét cho "
     "người được tuyển dụng dưới 6 tháng.",
     "Quy định dưới 6 tháng theo Thông tư 01/2024/TT-BNV, nay Thông tư 15/2025/TT-BNV."),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "ca_nhan", "co_so", HEAD, "1.0", None, LAW % 23,
     "Đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài khoa "
     "học được công nhận cấp cơ sở. Hội đồng bỏ phiếu kín, đạt từ 80 % tổng số thành viên.",
     "Tỷ lệ tối đa 15 % số Lao động tiên tiến đã hết hiệu lực; tỉnh có thể quy định [P]."),
    ("CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ tỉnh", "ca_nhan", "tinh", CHAIR, "3.0", None,
     LAW % 22,
     "Ba lần liên tục đạt Chiến sĩ thi đua cơ sở; sáng kiến có phạm vi ảnh hưởng trong tỉnh. "
     "Hội đồng bỏ phiếu kín, đạt từ 90 % tổng số thành viên.", ""),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "CSTĐ TQ", "ca_nhan", "chinh_phu", PM, "4.5", None,
     LAW % 21,
     "Hai lần liên tục đạt Chiến sĩ thi đua cấp tỉnh; sáng kiến có phạm vi ảnh hưởng toàn "
     "quốc; công khai trên phương tiện thông tin đại chúng; có ý kiến của Ban Thường vụ Tỉnh ủy.",
     ""),
    ("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT", "tap_the", "co_so", HEAD, "0.8", None,
     LAW % 28,
     "Hoàn thành tốt nhiệm vụ trở lên; từ 70 % cá nhân đạt Lao động tiên tiến; không có cá "
     "nhân bị kỷ luật từ cảnh cáo trở lên.",
     "Cách diễn đạt tiêu chuẩn theo quy định của tỉnh [P]."),
    ("TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS", "tap_the", "tinh", CHAIR, "1.5", None,
     LAW % 27,
     "Hoàn thành xuất sắc nhiệm vụ; 100 % cá nhân hoàn thành nhiệm vụ trở lên, từ 70 % đạt Lao "
     "động tiên tiến; có cá nhân đạt Chiến sĩ thi đua cơ sở.",
     "Cách diễn đạt tiêu chuẩn theo quy định của tỉnh [P]."),
    ("CO_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ tỉnh", "tap_the", "tinh", CHAIR, "8.0",
     None, LAW % 26,
     "Tập thể dẫn đầu khối, cụm thi đua của tỉnh, hoàn thành vượt mức các chỉ tiêu, tiêu biểu "
     "xuất sắc. Hội đồng bỏ phiếu kín, đạt từ 80 % tổng số thành viên.",
     "Số cờ của mỗi khối do tỉnh quy định, thường là 1 [P]."),
    ("CO_CP", "Cờ thi đua của Chính phủ", "Cờ CP", "tap_the", "chinh_phu", PM, "12.0", None,
     LAW % 25,
     "Chọn trong các tập thể dẫn đầu khối, cụm thi đua của tỉnh, dẫn đầu cụm do Hội đồng TĐKT "
     "Trung ương tổ chức, hoặc dẫn đầu phong trào do Thủ tướng phát động từ 5 năm trở lên.",
     "Tỷ lệ đề nghị không quá 20 % số tập thể dẫn đầu khối (hướng dẫn năm 2023) [U]."),
    ("XA_TIEU_BIEU", "Xã, phường tiêu biểu", "Xã tiêu biểu", "tap_the", "tinh", CHAIR, "2.0", None,
     "Nghị định 86/2023/NĐ-CP", "Theo tiêu chuẩn của Nghị định 86/2023/NĐ-CP.",
     "Thẩm quyền quyết định [U]."),
    ("THON_VH", "Thôn, tổ dân phố văn hóa", "Thôn VH", "tap_the", "co_so", "Chủ tịch UBND cấp xã",
     "1.5", None, "Nghị định 86/2023/NĐ-CP", "Theo tiêu chuẩn của Nghị định 86/2023/NĐ-CP.", ""),
    ("GDVH", "Gia đình văn hóa", "GĐVH", "ho_gia_dinh", "co_so", "Chủ tịch UBND cấp xã", "0",
     None, "Nghị định 86/2023/NĐ-CP",
     "Niêm yết công khai 10 ngày tại thôn, tổ dân phố; quyết định trong 10 ngày.",
     "Không có tiền thưởng theo hệ số lương cơ sở."),
]

FORMS = [
    ("GIAY_KHEN", "Giấy khen", "GK", "co_so", HEAD, "0.6", "0.3", LAW % 75,
     "Thành tích tốt được ghi nhận trong cơ quan, đơn vị.", HALF),
    ("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", "BK tỉnh", "tinh", CHAIR, "3.0", "1.5",
     LAW % 74,
     "Cá nhân: thành tích xuất sắc trong phong trào thi đua của tỉnh, thành tích đột xuất, "
     "hai lần liên tục Chiến sĩ thi đua cơ sở, hoặc từ hai năm liên tục hoàn thành xuất sắc "
     "nhiệm vụ có hai sáng kiến. Tập thể: thành tích trong phong trào, đột xuất, hoặc hai năm "
     "liên tục hoàn thành xuất sắc nhiệm vụ hoặc Tập thể lao động xuất sắc.", HALF),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "BK TTg", "chinh_phu", PM, "7.0", "3.5",
     LAW % 73,
     "Cá nhân: đã có Bằng khen cấp tỉnh và từ 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên, "
     "trong đó có ba lần Chiến sĩ thi đua cơ sở; hoặc thành tích xuất sắc trong phong trào "
     "thi đua, thành tích đột xuất.", HALF),
    ("HCLD3", "Huân chương Lao động hạng Ba", "HCLĐ III", "nha_nuoc", PRESIDENT, "9.0", "4.5",
     LAW % 9,
     "Sau Bằng khen của Thủ tướng Chính phủ và từ 5 năm tiếp theo [U]; công khai từ 10 ngày "
     "làm việc trước khi Hội đồng TĐKT tỉnh họp.", HALF),
    ("HCLD2", "Huân chương Lao động hạng Nhì", "HCLĐ II", "nha_nuoc", PRESIDENT, "15.0", "7.5",
     LAW % 9,
     "Sau Huân chương Lao động hạng Ba và từ 5 năm tiếp theo [U]; công khai từ 10 ngày làm việc "
     "trước khi Hội đồng TĐKT tỉnh họp.", HALF),
    ("HCLD1", "Huân chương Lao động hạng Nhất", "HCLĐ I", "nha_nuoc", PRESIDENT, "18.0", "9.0",
     LAW % 9,
     "Sau Huân chương Lao động hạng Nhì và từ 5 năm tiếp theo [U]; công khai từ 10 ngày làm "
     "việc trước khi Hội đồng TĐKT tỉnh họp.", HALF),
]


def _dec(value):
    return None if value is None else Decimal(value)


def seed(apps, schema_editor):
    Title = apps.get_model("awards", "Title")
    for position, row in enumerate(TITLES, start=1):
        code, name, short, beneficiary, level, authority, coef, ind, basis, criteria, note = row
        Title.objects.get_or_create(
            code=code,
            defaults={
                "name": name, "short_name": short, "kind": "danh_hieu", "beneficiary": beneficiary,
                "level": level, "authority": authority, "coefficient": _dec(coef),
                "individual_coefficient": _dec(ind), "legal_basis": basis, "criteria": criteria,
                "note": note, "position": position,
            },
        )
    for position, row in enumerate(FORMS, start=1):
        code, name, short, level, authority, coef, ind, basis, criteria, note = row
        Title.objects.get_or_create(
            code=code,
            defaults={
                "name": name, "short_name": short, "kind": "hinh_thuc",
                "beneficiary": "ca_nhan_tap_the", "level": level, "authority": authority,
                "coefficient": _dec(coef), "individual_coefficient": _dec(ind),
                "legal_basis": basis, "criteria": criteria, "note": note, "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("awards", "0003_catalogue_fields_and_review")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
