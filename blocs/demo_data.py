"""Plain tables for the demo loaded by ``python manage.py load_demo`` (see ``blocs.demo``).

Marks in the comments, as in the domain notes: [S] from the seed articles, [U] plausible
but not from any source. Every person's name and every account holder's name is invented;
any likeness to a real person is coincidental. Source notes shown to users say
"Dữ liệu minh họa" wherever a fact is not from the seeds.
"""

import datetime

from .models import BlocKind, BlocLevel, Gender, LeadSource, Role, UnitKind

D = datetime.date
M, F = Gender.MALE, Gender.FEMALE
V, R = LeadSource.VOTED, LeadSource.ROTATION
ILLUSTRATIVE = "Dữ liệu minh họa"
FIRST_DEMO_YEAR = 2022
# The district level was abolished on 01/07/2025 (ND 129/2025); its last day was 30/06/2025.
LAST_DISTRICT_DAY = D(2025, 6, 30)
FIRST_COMMUNE_DAY = D(2025, 7, 1)

# (code, name, short name, kind, parent code, active from). Parents come before children.
UNITS = [
    ("ubnd-tinh", "UBND tỉnh Lai Châu", "UBND tỉnh", UnitKind.OTHER, None, None),
    ("so-noi-vu", "Sở Nội vụ", "SNV", UnitKind.PROVINCIAL_AGENCY, "ubnd-tinh", None),
    # Khối Thi đua Nội chính [S for the bloc and its 2024 lead; U for the other members]
    ("bo-chqs", "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", UnitKind.ARMED_FORCES, None, None),
    ("cong-an", "Công an tỉnh", "CA tỉnh", UnitKind.ARMED_FORCES, None, None),
    ("bdbp", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", UnitKind.ARMED_FORCES, None, None),
    ("tand", "Tòa án nhân dân tỉnh", "TAND tỉnh", UnitKind.JUDICIAL, None, None),
    ("vksnd", "Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", UnitKind.JUDICIAL, None, None),
    ("so-tu-phap", "Sở Tư pháp", "STP", UnitKind.PROVINCIAL_AGENCY, "ubnd-tinh", None),
    ("thanh-tra", "Thanh tra tỉnh", "TT tỉnh", UnitKind.PROVINCIAL_AGENCY, "ubnd-tinh", None),
    ("thads", "Thi hành án dân sự tỉnh", "THADS tỉnh", UnitKind.JUDICIAL, None, None),
    # Khối Đảng tỉnh: six advisory bodies of the Tỉnh ủy, the paper, the bloc party committee [S]
    ("vp-tinh-uy", "Văn phòng Tỉnh ủy", "VPTU", UnitKind.PARTY_BODY, None, None),
    ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy", "BTCTU", UnitKind.PARTY_BODY, None, None),
    ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", UnitKind.PARTY_BODY, None, None),
    ("ban-dan-van", "Ban Dân vận Tỉnh ủy", "BDVTU", UnitKind.PARTY_BODY, None, None),
    ("ban-noi-chinh", "Ban Nội chính Tỉnh ủy", "BNCTU", UnitKind.PARTY_BODY, None, None),
    ("ubkt-tinh-uy", "Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", UnitKind.PARTY_BODY, None, None),
    ("bao-lai-chau", "Báo Lai Châu", "Báo LC", UnitKind.PARTY_BODY, None, None),
    ("dang-uy-khoi", "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh", "ĐUK CQ&DN", UnitKind.PARTY_BODY, None, None),
    # The eight districts, dissolved on 30/06/2025 [S: the bloc and Than Uyên; U: the rest]
    ("tp-lai-chau", "Thành phố Lai Châu", "TP Lai Châu", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-tam-duong", "Huyện Tam Đường", "Tam Đường", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-phong-tho", "Huyện Phong Thổ", "Phong Thổ", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-sin-ho", "Huyện Sìn Hồ", "Sìn Hồ", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-muong-te", "Huyện Mường Tè", "Mường Tè", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-nam-nhun", "Huyện Nậm Nhùn", "Nậm Nhùn", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-than-uyen", "Huyện Than Uyên", "Than Uyên", UnitKind.DISTRICT, "ubnd-tinh", None),
    ("huyen-tan-uyen", "Huyện Tân Uyên", "Tân Uyên", UnitKind.DISTRICT, "ubnd-tinh", None),
    # Communes and wards from 01/07/2025 that succeed them [U: plausible names, a sample of 38]
    ("phuong-tan-phong", "Phường Tân Phong", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("phuong-doan-ket", "Phường Đoàn Kết", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-binh-lu", "Xã Bình Lư", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-phong-tho", "Xã Phong Thổ", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-sin-ho", "Xã Sìn Hồ", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-muong-te", "Xã Mường Tè", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-nam-hang", "Xã Nậm Hàng", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-than-uyen", "Xã Than Uyên", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-muong-than", "Xã Mường Than", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    ("xa-tan-uyen", "Xã Tân Uyên", "", UnitKind.COMMUNE, "ubnd-tinh", FIRST_COMMUNE_DAY),
    # Provinces, members of the national cluster. "Tỉnh Lai Châu" stands for the province in
    # that cluster; "UBND tỉnh Lai Châu" above is the provincial body. [S: the seven]
    ("tinh-ha-giang", "Tỉnh Hà Giang", "Hà Giang", UnitKind.PROVINCE, None, None),
    ("tinh-cao-bang", "Tỉnh Cao Bằng", "Cao Bằng", UnitKind.PROVINCE, None, None),
    ("tinh-lang-son", "Tỉnh Lạng Sơn", "Lạng Sơn", UnitKind.PROVINCE, None, None),
    ("tinh-lao-cai", "Tỉnh Lào Cai", "Lào Cai", UnitKind.PROVINCE, None, None),
    ("tinh-lai-chau", "Tỉnh Lai Châu", "Lai Châu", UnitKind.PROVINCE, None, None),
    ("tinh-dien-bien", "Tỉnh Điện Biên", "Điện Biên", UnitKind.PROVINCE, None, None),
    ("tinh-son-la", "Tỉnh Sơn La", "Sơn La", UnitKind.PROVINCE, None, None),
    ("tinh-tuyen-quang", "Tỉnh Tuyên Quang", "Tuyên Quang", UnitKind.PROVINCE, None, None),
    ("tinh-yen-bai", "Tỉnh Yên Bái", "Yên Bái", UnitKind.PROVINCE, None, None),
]

# (code, last day, successor codes). The 2025 mergers: Hà Giang into Tuyên Quang, Yên Bái
# into Lào Cai; the districts into communes and wards.
DISSOLUTIONS = [
    ("tinh-ha-giang", LAST_DISTRICT_DAY, ["tinh-tuyen-quang"]),
    ("tinh-yen-bai", LAST_DISTRICT_DAY, ["tinh-lao-cai"]),
    ("tp-lai-chau", LAST_DISTRICT_DAY, ["phuong-tan-phong", "phuong-doan-ket"]),
    ("huyen-tam-duong", LAST_DISTRICT_DAY, ["xa-binh-lu"]),
    ("huyen-phong-tho", LAST_DISTRICT_DAY, ["xa-phong-tho"]),
    ("huyen-sin-ho", LAST_DISTRICT_DAY, ["xa-sin-ho"]),
    ("huyen-muong-te", LAST_DISTRICT_DAY, ["xa-muong-te"]),
    ("huyen-nam-nhun", LAST_DISTRICT_DAY, ["xa-nam-hang"]),
    ("huyen-than-uyen", LAST_DISTRICT_DAY, ["xa-than-uyen", "xa-muong-than"]),
    ("huyen-tan-uyen", LAST_DISTRICT_DAY, ["xa-tan-uyen"]),
]


def _always(codes: list[str]) -> list[tuple[str, int | None, int | None]]:
    return [(code, None, None) for code in codes]


def _u(code: str, source: str = V) -> tuple[str, str, str]:
    """A role that is plausible but not from the seeds [U]."""
    return (code, source, ILLUSTRATIVE)


NOI_CHINH = "Khối Thi đua Nội chính"
DANG = "Khối Đảng tỉnh"
HUYEN = "Khối các huyện, thành phố"
CUM_BIEN_GIOI = "Cụm thi đua các tỉnh miền núi biên giới phía Bắc"
CUM_2023 = "hội nghị tổng kết năm 2023 của Cụm, ngày 05/03/2024 tại Lạng Sơn"

# Each bloc: its fields, members as (code, first year, last year), and per year the lead and
# the deputy as (code, lead source, source note). A year past the table rotates (demo.py);
# "current_lead" then leads in the current year, so the truongkhoi persona keeps working.
BLOCS = [
    {
        "name": NOI_CHINH,
        "kind": BlocKind.BLOC,
        "level": BlocLevel.PROVINCIAL,
        "description": "Các cơ quan nội chính, lực lượng vũ trang và tư pháp của tỉnh.",
        "first_year": 2023,
        "members": _always(
            ["bo-chqs", "cong-an", "bdbp", "tand", "vksnd", "so-tu-phap", "thanh-tra", "thads"]
        ),
        "roles": {
            2023: (_u("cong-an", R), _u("bo-chqs", R)),
            # [S] Bộ CHQS led in 2024; [U] that it came by rotation, and the deputy
            2024: (("bo-chqs", R, "Kế hoạch thực hiện Chỉ thị số 477/CT-UBND ngày 06/02/2024"),
                   _u("tand", R)),
            2025: (_u("vksnd"), _u("bdbp")),
            2026: (_u("bo-chqs"), _u("so-tu-phap")),
        },
        "current_lead": "bo-chqs",
    },
    {
        "name": DANG,
        "kind": BlocKind.BLOC,
        "level": BlocLevel.PROVINCIAL,
        "description": "6 cơ quan tham mưu, giúp việc Tỉnh ủy, Báo Lai Châu và Đảng ủy Khối "
        "các Cơ quan và Doanh nghiệp tỉnh.",
        "first_year": FIRST_DEMO_YEAR,
        "members": _always(
            ["vp-tinh-uy", "ban-to-chuc", "ban-tuyen-giao", "ban-dan-van",
             "ban-noi-chinh", "ubkt-tinh-uy", "bao-lai-chau", "dang-uy-khoi"]
        ),
        # The 2025 merger of party bodies (e.g. Tuyên giáo with Dân vận) is not modelled.
        "roles": {
            # [S] Đảng ủy Khối ran the 08/07/2022 review as the bloc's lead; [U] the rest
            2022: (("dang-uy-khoi", R, "Hội nghị sơ kết 6 tháng đầu năm 2022, ngày 08/07/2022"),
                   _u("vp-tinh-uy", R)),
            2023: (_u("vp-tinh-uy"), _u("ban-to-chuc")),
            2024: (_u("ban-to-chuc"), _u("ubkt-tinh-uy")),
            2025: (_u("ubkt-tinh-uy"), _u("ban-tuyen-giao")),
            2026: (_u("ban-tuyen-giao"), _u("bao-lai-chau")),
        },
    },
    {
        "name": HUYEN,
        "kind": BlocKind.BLOC,
        "level": BlocLevel.PROVINCIAL,
        "description": "Các huyện, thành phố; giải thể khi bỏ cấp huyện từ 01/07/2025.",
        "active_to": LAST_DISTRICT_DAY,
        "first_year": 2023,
        "members": _always(
            ["tp-lai-chau", "huyen-tam-duong", "huyen-phong-tho", "huyen-sin-ho",
             "huyen-muong-te", "huyen-nam-nhun", "huyen-than-uyen", "huyen-tan-uyen"]
        ),
        "roles": {
            2023: (_u("tp-lai-chau", R), _u("huyen-than-uyen", R)),
            2024: (_u("huyen-than-uyen"), _u("huyen-tam-duong")),  # [S] Than Uyên led 2024
            2025: (_u("huyen-tan-uyen"), _u("huyen-phong-tho")),
        },
    },
    {
        "name": CUM_BIEN_GIOI,
        "kind": BlocKind.CLUSTER,
        "level": BlocLevel.NATIONAL,
        "description": "Cụm thi đua do Hội đồng Thi đua - Khen thưởng Trung ương tổ chức; "
        "thành viên là các tỉnh.",
        "first_year": 2023,
        # [S] the seven provinces through 2024. [U] From 2025 the merged Tuyên Quang, which
        # now holds Hà Giang's border, takes Hà Giang's seat; Yên Bái was never a member.
        "members": [
            ("tinh-ha-giang", None, 2024),
            ("tinh-tuyen-quang", 2025, None),
            *_always(
                ["tinh-cao-bang", "tinh-lang-son", "tinh-lao-cai", "tinh-lai-chau",
                 "tinh-dien-bien", "tinh-son-la"]
            ),
        ],
        "roles": {
            # [S] Lạng Sơn lead, Lào Cai deputy for 2023; [U] that the lead came by rotation
            2023: (("tinh-lang-son", R, f"Cụm trưởng; {CUM_2023}"),
                   ("tinh-lao-cai", R, f"Cụm phó; {CUM_2023}")),
            # [S] Lào Cai acclaimed lead for 2024 at that conference; [U] the deputy
            2024: (("tinh-lao-cai", V, f"Suy tôn tại {CUM_2023}"), _u("tinh-dien-bien")),
            2025: (_u("tinh-dien-bien"), _u("tinh-lai-chau")),
            2026: (_u("tinh-lai-chau"), _u("tinh-son-la")),
        },
    },
]

# People in the provincial bodies: (full name, gender, birth year, position, recruited on).
# All names are invented. Sở Nội vụ's newest officer was recruited on 01/09/2025, less than
# six months before the end of 2025, a case for the LĐTT rule (TT 01/2024).
PEOPLE = {
    "so-noi-vu": [
        ("Lường Văn Thắng", M, 1972, "Giám đốc", "1996-08-15"),
        ("Nguyễn Thị Thu Hà", F, 1978, "Phó Giám đốc", "2001-03-01"),
        ("Tao Văn Khánh", M, 1983, "Trưởng Ban Thi đua - Khen thưởng", "2007-10-01"),
        ("Phạm Thị Ngọc Lan", F, 1990, "Chuyên viên Ban Thi đua - Khen thưởng", "2014-06-01"),
        ("Vàng Thị Mai", F, 1999, "Chuyên viên", "2025-09-01"),
    ],
    "ubnd-tinh": [
        ("Đỗ Quang Vinh", M, 1970, "Phó Chủ tịch UBND tỉnh", "1993-09-01"),
        ("Lò Thị Hương", F, 1979, "Chánh Văn phòng UBND tỉnh", "2002-04-01"),
        ("Trần Đức Minh", M, 1988, "Chuyên viên Văn phòng UBND tỉnh", "2012-12-01"),
    ],
    "bo-chqs": [
        ("Đinh Văn Cường", M, 1971, "Chỉ huy trưởng", "1989-02-01"),
        ("Hà Văn Quyết", M, 1973, "Chính ủy", "1991-03-01"),
        ("Vũ Mạnh Hùng", M, 1978, "Phó Chỉ huy trưởng", "1996-09-01"),
        ("Lê Thị Thanh Huyền", F, 1986, "Trợ lý Thi đua - Khen thưởng", "2008-09-01"),
        ("Giàng A Sử", M, 1992, "Trợ lý Tuyên huấn", "2014-09-01"),
    ],
    "cong-an": [
        ("Bùi Xuân Trường", M, 1972, "Giám đốc", "1994-09-01"),
        ("Sùng A Páo", M, 1976, "Phó Giám đốc", "1998-09-01"),
        ("Ngô Thị Bích Ngọc", F, 1982, "Trưởng phòng Tham mưu", "2004-09-01"),
        ("Lý Thị Dung", F, 1994, "Cán bộ Đội Thi đua - Khen thưởng", "2016-09-01"),
    ],
    "bdbp": [
        ("Trịnh Văn Đông", M, 1970, "Chỉ huy trưởng", "1988-03-01"),
        ("Lò Văn Hặc", M, 1974, "Chính ủy", "1992-03-01"),
        ("Nguyễn Thị Hồng Nhung", F, 1987, "Trợ lý Tuyên huấn", "2009-09-01"),
    ],
    "tand": [
        ("Phan Thị Kim Oanh", F, 1973, "Chánh án", "1997-10-01"),
        ("Tẩn Văn Chiêu", M, 1977, "Phó Chánh án", "2000-10-01"),
        ("Cầm Thị Thúy", F, 1985, "Chánh Văn phòng", "2008-05-01"),
        ("Đặng Văn Lâm", M, 1995, "Thư ký Tòa án", "2019-03-01"),
    ],
    "vksnd": [
        ("Trần Quốc Hưng", M, 1971, "Viện trưởng", "1995-08-01"),
        ("Điêu Thị Hoa", F, 1979, "Phó Viện trưởng", "2003-08-01"),
        ("Hoàng Văn Sơn", M, 1984, "Trưởng phòng", "2008-08-01"),
        ("Chu Thị Hạnh", F, 1993, "Kiểm sát viên", "2016-08-01"),
    ],
    "so-tu-phap": [
        ("Nguyễn Văn Tiến", M, 1974, "Giám đốc", "1998-07-01"),
        ("Lưu Thị Mến", F, 1980, "Phó Giám đốc", "2003-07-01"),
        ("Vương Văn Hải", M, 1986, "Trưởng phòng Phổ biến, giáo dục pháp luật", "2010-02-01"),
        ("Thào Thị Sua", F, 1996, "Chuyên viên", "2021-10-01"),
        # A recent recruit: not yet eligible for LĐTT (the 6-month rule).
        ("Lò Thị Thu Trang", F, 2001, "Chuyên viên", "2025-09-15"),
    ],
    "thanh-tra": [
        ("Phạm Văn Hòa", M, 1973, "Chánh Thanh tra", "1996-12-01"),
        ("Lê Thị Phương", F, 1981, "Phó Chánh Thanh tra", "2004-12-01"),
        ("Lù Văn Inh", M, 1989, "Thanh tra viên", "2013-04-01"),
    ],
    "thads": [
        ("Đào Minh Khoa", M, 1972, "Trưởng Thi hành án dân sự tỉnh", "1997-01-02"),
        ("Nông Thị Lụa", F, 1982, "Phó Trưởng Thi hành án dân sự tỉnh", "2006-01-02"),
        ("Kiều Văn Toàn", M, 1991, "Chấp hành viên", "2015-05-01"),
    ],
    "vp-tinh-uy": [
        ("Lương Thị Hằng", F, 1974, "Chánh Văn phòng", "1998-05-01"),
        ("Nguyễn Hữu Thành", M, 1979, "Phó Chánh Văn phòng", "2002-05-01"),
        ("Bế Văn Lợi", M, 1985, "Trưởng phòng Tổng hợp", "2009-05-01"),
        ("Trần Thị Yến", F, 1992, "Chuyên viên", "2016-05-01"),
    ],
    "ban-to-chuc": [
        ("Vàng A Chá", M, 1973, "Trưởng ban", "1996-06-01"),
        ("Hoàng Thị Nga", F, 1980, "Phó Trưởng ban", "2004-06-01"),
        ("Đỗ Văn Nam", M, 1990, "Chuyên viên", "2015-06-01"),
    ],
    "ban-tuyen-giao": [
        ("Lê Văn Thuận", M, 1975, "Trưởng ban", "1999-03-01"),
        ("Tòng Thị Xuân", F, 1982, "Phó Trưởng ban", "2006-03-01"),
        ("Phùng Thị Thảo", F, 1993, "Chuyên viên", "2017-03-01"),
    ],
    "ban-dan-van": [
        ("Giàng Thị Dua", F, 1976, "Trưởng ban", "2000-04-01"),
        ("Quàng Văn Hiếu", M, 1983, "Phó Trưởng ban", "2007-04-01"),
        ("Mai Xuân Bách", M, 1994, "Chuyên viên", "2018-04-01"),
    ],
    "ban-noi-chinh": [
        ("Nguyễn Đình Khôi", M, 1974, "Trưởng ban", "1998-10-01"),
        ("Lò Thị Ánh", F, 1984, "Phó Trưởng ban", "2008-10-01"),
        ("Tạ Văn Duy", M, 1991, "Chuyên viên", "2016-10-01"),
    ],
    "ubkt-tinh-uy": [
        ("Vũ Thị Liên", F, 1973, "Chủ nhiệm", "1996-11-01"),
        ("Chảo Văn Phấu", M, 1980, "Phó Chủ nhiệm", "2004-11-01"),
        ("Hà Thị Quỳnh", F, 1989, "Kiểm tra viên", "2013-11-01"),
    ],
    "bao-lai-chau": [
        ("Dương Văn Thông", M, 1975, "Tổng Biên tập", "1999-01-04"),
        ("Nguyễn Thị Hải Yến", F, 1983, "Phó Tổng Biên tập", "2006-01-04"),
        ("Lò Văn Pánh", M, 1990, "Phóng viên", "2014-01-02"),
        ("Đinh Thị Trang", F, 1997, "Phóng viên", "2022-02-07"),
    ],
    "dang-uy-khoi": [
        ("Trần Văn Lực", M, 1972, "Bí thư Đảng ủy Khối", "1995-02-01"),
        ("Lê Thị Minh Tâm", F, 1978, "Phó Bí thư Đảng ủy Khối", "2001-02-01"),
        ("Lý Văn Hồng", M, 1990, "Chuyên viên", "2014-02-03"),
    ],
}

# The five personas: (username, role, unit code, family and middle name, given name, is_staff,
# is_superuser). Vietnamese order: last_name holds "họ và tên đệm", first_name the given name.
ACCOUNTS = [
    ("admin", Role.ADMIN, None, "Đặng Minh", "Quân", True, True),
    ("noivu", Role.INTERIOR, "so-noi-vu", "Phạm Thị Ngọc", "Lan", True, False),
    ("truongkhoi", Role.UNIT_OFFICER, "bo-chqs", "Lê Thị Thanh", "Huyền", False, False),
    ("donvi", Role.UNIT_OFFICER, "cong-an", "Lý Thị", "Dung", False, False),
    ("hoidong", Role.COUNCIL, None, "Đỗ Quang", "Vinh", False, False),
]
