"""The facts of the meetings demo (meetings.demo loads them): the meetings of the blocs and the
province with their agendas, delegates, votes and the year-end reports' narrative. Marks:
[S] from the seed articles, [U] illustrative."""

from __future__ import annotations

import datetime

from awards.demo_facts import RANKINGS
from awards.demo_history import LANG_SON
from blocs import demo_data as org
from blocs.models import MemberRole
from movements.demo_pledges import PROVINCE_SIGNERS

from .models import (
    MeetingKind,
    VoteMethod,
)

D = datetime.date
U = " (dữ liệu minh họa)"
K = MeetingKind
LEAD, DEPUTY = MemberRole.LEAD, MemberRole.DEPUTY
BALLOT, HANDS, ACCLAIM = VoteMethod.BALLOT, VoteMethod.SHOW_OF_HANDS, VoteMethod.ACCLAMATION
LANG_SON_CHAIR = (LANG_SON.signer_name, "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lạng Sơn")


NAMES = {code: name for code, name, *_rest in org.UNITS}


def _ranked(bloc: str, year: int) -> list[str]:
    return RANKINGS[bloc][year][1]


def _year_end_decisions(bloc: str, lead: str, deputy: str) -> str:
    first, second, third = (NAMES[c] for c in _ranked(bloc, 2024)[:3])
    return (
        f"1. Thống nhất kết quả chấm điểm, xếp hạng thi đua năm 2024 theo giao ước thi đua đã ký: "
        f"{first} dẫn đầu, tiếp theo là {second}, {third} (bảng xếp hạng kèm theo).\n"
        f"2. Đề nghị UBND tỉnh tặng Cờ thi đua cho {first}; các đơn vị xếp tiếp theo hoàn thiện "
        "hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh.\n"
        f"3. Suy tôn {NAMES[lead]} là đơn vị Trưởng Khối, {NAMES[deputy]} là đơn vị Phó Khối "
        "năm 2025."
    )


NEXT_YEAR = (
    "Triển khai Chỉ thị số 09/CT-UBND ngày 31/12/2024 của Chủ tịch UBND tỉnh về phát động "
    "phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc "
    "phòng - an ninh năm 2025"
)
YEAR_END_AGENDA = (
    "1. Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Khối ({host}, đơn vị "
    "Trưởng Khối, trình bày).\n"
    "2. Công bố, thống nhất kết quả chấm điểm, xếp hạng thi đua năm 2024 theo giao ước thi đua "
    "đã ký.\n"
    "3. Suy tôn đơn vị Trưởng Khối, Phó Khối năm 2025.\n"
    "4. Thống nhất đề nghị khen thưởng.\n"
    f"5. {NEXT_YEAR}."
)
SIX_MONTH_AGENDA = (
    "1. Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 của Khối ({host}, "
    "đơn vị Trưởng Khối, trình bày).\n"
    "2. Đánh giá việc thực hiện Chỉ thị số 477/CT-UBND ngày 06/02/2024 của UBND tỉnh và giao "
    "ước thi đua năm 2024.\n"
    "3. Các đơn vị thảo luận, trao đổi cách làm hay.\n"
    "4. Thống nhất nhiệm vụ 6 tháng cuối năm 2024."
)

# One dict per meeting. "chair_person": (unit code, name) of the register, who then attends
# for that unit; "send": "head" or "deputy", whom a member sends (the host sends its head, or
# the chair); "guests": {unit code: [(name, post)]} for units without a register; "votes":
# [(role, method, voters or None for every member, {unit code: votes})].
MEETINGS = [
    {
        # [S] the seed of 01/07/2020; [U] the place and the invited units
        "bloc": None,
        "year": 2020,
        "kind": K.STEERING,
        "title": "Họp Ban Chỉ đạo Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025)",
        "held_on": D(2020, 7, 1),
        "place": "Phòng họp UBND tỉnh Lai Châu",
        "host": "so-noi-vu",
        "invited": ["ubnd-tinh", "so-noi-vu", "bao-lai-chau"],
        "chair": "Đỗ Quang Vinh, Phó Chủ tịch Thường trực UBND tỉnh, Phó Chủ tịch thứ nhất Hội "
        "đồng Thi đua - Khen thưởng tỉnh, Trưởng Ban Chỉ đạo Đại hội",
        "chair_person": ("ubnd-tinh", "Đỗ Quang Vinh"),
        "send": "head",
        "agenda": (
            "1. Sở Nội vụ, cơ quan thường trực của Ban Chỉ đạo, báo cáo công tác chuẩn bị Đại "
            "hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025).\n"
            "2. Các thành viên Ban Chỉ đạo cho ý kiến về thành phần đại biểu, các gương điển "
            "hình tiên tiến được tuyên dương và công tác tuyên truyền.\n"
            "3. Kết luận của Trưởng Ban Chỉ đạo."
        ),
        "minutes": (
            "Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025) dự kiến tổ chức "
            "ngày 28/07/2020, với gần 500 đại biểu tham dự: dịp tổng kết phong trào thi đua yêu "
            "nước và công tác khen thưởng giai đoạn 5 năm qua, tôn vinh các tập thể, cá nhân "
            "điển hình tiêu biểu và đề ra phương hướng, nhiệm vụ đổi mới công tác thi đua, khen "
            "thưởng trong 5 năm tới.\n"
            "Sở Nội vụ báo cáo: đã tham mưu UBND tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh ban "
            "hành 16 văn bản lãnh đạo, chỉ đạo về Đại hội; hoàn thành công tác chỉ đạo điểm và "
            "tổ chức Hội nghị điển hình tiên tiến các cấp; họp phân công nhiệm vụ cho các tổ "
            "chức, cá nhân thuộc Tiểu ban giúp việc Ban Chỉ đạo; chuẩn bị các hoạt động trước và "
            "trong Đại hội; tổng hợp danh sách đại biểu theo phân bổ; lựa chọn, xây dựng báo cáo "
            "điển hình tại Đại hội.\n"
            "Các đại biểu cho ý kiến về việc bổ sung thành phần đại biểu dự Đại hội; đề xuất rà "
            "soát lại các gương điển hình tiên tiến để tuyên dương; đẩy mạnh tuyên truyền cả bề "
            "nổi và chiều sâu của Đại hội, nhất là các điển hình tiên tiến."
        ),
        "conclusions": (
            "Trưởng Ban Chỉ đạo ghi nhận ý kiến của các thành viên, thống nhất nội dung, chương "
            "trình Đại hội. Sở Nội vụ thẩm định kỹ các gương điển hình tiên tiến báo cáo tại Đại "
            "hội; phối hợp với Sở Công thương, UBND các huyện, thành phố tổ chức gian hàng trưng "
            "bày tại Đại hội. Báo Lai Châu, Đài Phát thanh - Truyền hình tỉnh, Cổng Thông tin "
            "điện tử tỉnh đẩy mạnh tuyên truyền trước, trong và sau Đại hội. Sở Văn hóa, Thể thao "
            "và Du lịch chuẩn bị cơ sở vật chất, trang trí, khánh tiết, bảo đảm Đại hội thành "
            "công tốt đẹp."
        ),
        "decisions": "Thống nhất nội dung, chương trình Đại hội Thi đua yêu nước tỉnh lần thứ V, "
        "tổ chức ngày 28/07/2020 với gần 500 đại biểu.",
    },
    {
        # [S] the seed of 08/07/2022; [U] the place and the delegates
        "bloc": org.DANG,
        "year": 2022,
        "kind": K.SIX_MONTH,
        "title": "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm, triển khai nhiệm "
        "vụ 6 tháng cuối năm 2022 Khối Đảng tỉnh",
        "held_on": D(2022, 7, 8),
        "place": "Hội trường Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
        "host": "dang-uy-khoi",
        "chair": "Lê Thị Minh Tâm, Phó Bí thư Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh, "
        "Trưởng Khối thi đua Khối Đảng tỉnh",
        "chair_person": ("dang-uy-khoi", "Lê Thị Minh Tâm"),
        "send": "deputy",
        "agenda": (
            "1. Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2022 của Khối Đảng "
            "tỉnh.\n"
            "2. Các cơ quan, đơn vị báo cáo kết quả, trao đổi kinh nghiệm.\n"
            "3. Triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2022.\n"
            "4. Kết luận của Trưởng Khối."
        ),
        "minutes": (
            "Thi đua Khối Đảng tỉnh có 8 đơn vị: 6 cơ quan tham mưu giúp việc Tỉnh ủy, Báo Lai "
            "Châu và Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh. 6 tháng qua, các cơ quan "
            "trong Khối nhận được sự lãnh đạo, chỉ đạo thường xuyên, trực tiếp của Thường trực "
            "Tỉnh ủy, hướng dẫn chuyên môn của cơ quan Thường trực Hội đồng Thi đua - Khen "
            "thưởng tỉnh; các cơ quan chủ động xây dựng kế hoạch công tác thi đua, khen thưởng, "
            "đăng ký danh hiệu thi đua và hình thức khen thưởng ngay từ đầu năm.\n"
            "Báo Lai Châu quán triệt, triển khai các văn bản chỉ đạo của Trung ương, của tỉnh về "
            "thi đua, khen thưởng, phát động phong trào thi đua năm 2022: 29 tập thể, cá nhân "
            "được Hội Nhà báo Việt Nam, UBND tỉnh, Công an tỉnh tặng Bằng khen và Giấy chứng "
            "nhận tác phẩm đạt giải báo chí chất lượng cao.\n"
            "Văn phòng Tỉnh ủy phát động phong trào thi đua ngay từ đầu năm; tập thể Văn phòng "
            "Tỉnh ủy được đề nghị Chính phủ tặng Huân chương Lao động hạng Nhất; 14 tập thể, cá "
            "nhân được UBND tỉnh tặng Bằng khen."
        ),
        "conclusions": (
            "Trưởng Khối đánh giá cao những nỗ lực, cố gắng trong công tác thi đua, khen thưởng "
            "của các cơ quan trong Khối Đảng tỉnh 6 tháng đầu năm; đề nghị thời gian tới các cơ "
            "quan tạo sự chuyển biến về nhận thức của cán bộ, công chức, viên chức, người lao "
            "động nhằm đổi mới công tác thi đua, khen thưởng, làm cho phong trào thi đua thực sự "
            "trở thành ý thức tự giác, trách nhiệm thường xuyên và liên tục."
        ),
        "decisions": (
            "Nhiệm vụ trọng tâm 6 tháng cuối năm 2022: tiếp tục quán triệt tư tưởng, đạo đức, "
            "phong cách của Chủ tịch Hồ Chí Minh về thi đua ái quốc; bám sát nội dung đăng ký thi "
            "đua, gắn phong trào thi đua với nhiệm vụ chính trị của cơ quan, đơn vị; đổi mới nội "
            "dung, phương thức tổ chức phong trào thi đua và công tác khen thưởng."
        ),
    },
    {
        # [S] the seed of 05/03/2024; [U] the delegates' names
        "bloc": org.CUM_BIEN_GIOI,
        "year": 2023,
        "kind": K.YEAR_END,
        "title": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm vụ "
        "năm 2024 Cụm thi đua các tỉnh miền núi biên giới phía Bắc, tại tỉnh Lạng Sơn",
        "held_on": D(2024, 3, 5),
        "place": "Tỉnh Lạng Sơn",
        "host": "tinh-lang-son",
        "chair": f"{LANG_SON_CHAIR[0]}, {LANG_SON_CHAIR[1]} (đơn vị Cụm trưởng)",
        "send": "head",
        "guests": {
            "tinh-lang-son": [LANG_SON_CHAIR, PROVINCE_SIGNERS["tinh-lang-son"]],
            "tinh-lai-chau": [PROVINCE_SIGNERS["tinh-lai-chau"],
                              ("Tao Văn Khánh", "Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ")],
            **{code: [PROVINCE_SIGNERS[code]] for code in PROVINCE_SIGNERS
               if code not in ("tinh-lang-son", "tinh-lai-chau")},
        },
        "agenda": (
            "1. Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của Cụm thi đua (tỉnh "
            "Lạng Sơn, đơn vị Cụm trưởng, trình bày).\n"
            "2. Phát biểu của lãnh đạo Ban Thi đua - Khen thưởng Trung ương.\n"
            "3. Bình xét, đề nghị khen thưởng; suy tôn đơn vị Cụm trưởng năm 2024.\n"
            "4. Trao Bằng khen của Chủ tịch UBND tỉnh Lạng Sơn cho các tập thể, cá nhân có thành "
            "tích xuất sắc, tiêu biểu trong phong trào thi đua năm 2023.\n"
            "5. Phát động thi đua, ký kết giao ước thi đua năm 2024."
        ),
        "minutes": (
            "Dự hội nghị có lãnh đạo UBND tỉnh Lạng Sơn (đơn vị Cụm trưởng), UBND tỉnh Lào Cai "
            "(đơn vị Cụm phó), đại diện lãnh đạo các tỉnh trong Cụm; lãnh đạo và công chức Văn "
            "phòng UBND tỉnh, Sở Nội vụ, Ban (Phòng) Thi đua - Khen thưởng các tỉnh; về phía Ban "
            "Thi đua - Khen thưởng Trung ương có đồng chí Phó Trưởng ban và lãnh đạo Phòng I, "
            "Phòng III, Phòng Tổ chức cán bộ, Văn phòng Ban.\n"
            "Năm 2023, phong trào thi đua của Cụm có nhiều chuyển biến tích cực; các phong trào "
            "thi đua gắn với nhiệm vụ chính trị, góp phần thực hiện thắng lợi các chỉ tiêu, nhiệm "
            "vụ kinh tế - xã hội, bảo đảm an ninh chính trị, trật tự, an toàn xã hội, giữ vững "
            "chủ quyền biên giới quốc gia. Hoạt động của Cụm theo đúng quy định, hướng dẫn của "
            "Trung ương: xây dựng kế hoạch hoạt động, ký kết giao ước, xây dựng tiêu chí thi đua, "
            "trao đổi, học tập kinh nghiệm. Công tác khen thưởng bám sát tiêu chuẩn, bảo đảm "
            "trình tự, thủ tục; tập thể nhỏ, người lao động trực tiếp được quan tâm khen thưởng "
            "nhiều hơn.\n"
            "7 tập thể, 7 cá nhân được nhận Bằng khen của Chủ tịch UBND tỉnh Lạng Sơn vì có thành "
            "tích xuất sắc, tiêu biểu trong thực hiện phong trào thi đua năm 2023."
        ),
        "conclusions": (
            "Lãnh đạo Ban Thi đua - Khen thưởng Trung ương chúc mừng kết quả của Cụm năm 2023 và "
            "đề nghị: đẩy mạnh các phong trào thi đua bám sát nhiệm vụ chính trị; triển khai hiệu "
            "quả Luật Thi đua, khen thưởng năm 2022 và các văn bản quy định chi tiết, hoàn thiện "
            "quy chế, quy định về thi đua, khen thưởng của tỉnh; tổng kết 10 năm thực hiện Chỉ "
            "thị số 34-CT/TW của Bộ Chính trị; tiếp tục thực hiện Đề án “Tuyên truyền gương điển "
            "hình tiên tiến” giai đoạn 2022 - 2025 theo Quyết định số 1526/QĐ-TTg ngày 09/12/2022 "
            "của Thủ tướng Chính phủ; nâng cao chất lượng hoạt động của Hội đồng Thi đua - Khen "
            "thưởng các cấp; tăng cường giao lưu, hợp tác, chia sẻ mô hình, cách làm hay giữa "
            "các tỉnh trong Cụm."
        ),
        "decisions": (
            "1. Đề nghị tặng Cờ thi đua của Chính phủ cho tỉnh Lạng Sơn.\n"
            "2. Đề nghị tặng Bằng khen của Thủ tướng Chính phủ cho tỉnh Hà Giang.\n"
            "3. Suy tôn tỉnh Lào Cai là đơn vị Cụm trưởng Cụm thi đua năm 2024.\n"
            "4. Các tỉnh ký kết giao ước thi đua năm 2024 với tinh thần “càng khó khăn thì càng "
            "phải thi đua”: thực hiện có hiệu quả 5 phong trào thi đua do Thủ tướng Chính phủ "
            "phát động."
        ),
        "votes": [(LEAD, ACCLAIM, None, {"tinh-lao-cai": 7})],
    },
    {
        # [U] the date is the one of the bloc's 2024 work plan
        "bloc": org.NOI_CHINH,
        "year": 2024,
        "kind": K.SIX_MONTH,
        "title": "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 Khối Thi "
        "đua Nội chính tỉnh" + U,
        "held_on": D(2024, 7, 10),
        "place": "Hội trường Bộ Chỉ huy Quân sự tỉnh",
        "host": "bo-chqs",
        "chair": "Đinh Văn Cường, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Trưởng Khối",
        "chair_person": ("bo-chqs", "Đinh Văn Cường"),
        "send": "deputy",
        "agenda": SIX_MONTH_AGENDA.format(host="Bộ Chỉ huy Quân sự tỉnh"),
        "minutes": (
            "6 tháng đầu năm 2024, các đơn vị trong Khối tiếp tục quán triệt, tuyên truyền đường "
            "lối, chủ trương của Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh và "
            "Luật Thi đua, khen thưởng; triển khai 5 giải pháp chủ yếu của kế hoạch thực hiện "
            "Chỉ thị số 477/CT-UBND. Khối đã ký kết giao ước thi đua năm 2024, tổng hợp đăng ký "
            "thi đua của các đơn vị gửi Hội đồng Thi đua - Khen thưởng tỉnh; Giải cầu lông Khối "
            "Thi đua Nội chính năm 2024 do Công an tỉnh đăng cai được tổ chức thành công. Hoạt "
            "động giao lưu văn nghệ dự kiến trong quý II không tổ chức được.\n"
            "Hạn chế: Thi hành án dân sự tỉnh gửi đăng ký thi đua chậm so với thời hạn; việc "
            "phát hiện, nhân rộng điển hình tiên tiến ở một số đơn vị chưa kịp thời.\n"
            "Các đại biểu đề xuất tăng cường phối hợp tuyên truyền, phát hiện điển hình tiên tiến "
            "và sử dụng kinh phí hoạt động của Khối đúng dự trù."
        ),
        "conclusions": (
            "Trưởng Khối ghi nhận kết quả 6 tháng đầu năm; đề nghị các đơn vị bám sát giao ước "
            "thi đua, gửi báo cáo đúng thời hạn; Tòa án nhân dân tỉnh chủ trì kiểm tra chéo việc "
            "thực hiện giao ước thi đua trong tháng 9/2024; các đơn vị tự chấm điểm theo bảng "
            "tiêu chí của giao ước, gửi đơn vị Trưởng Khối trước hội nghị tổng kết năm."
        ),
        "decisions": "Thống nhất kế hoạch kiểm tra chéo giữa các đơn vị trong quý III/2024 và "
        "lịch chấm điểm, bình xét, tổng kết năm 2024 của Khối.",
    },
    {
        "bloc": org.DANG,
        "year": 2024,
        "kind": K.SIX_MONTH,
        "title": "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 Khối Đảng "
        "tỉnh" + U,
        "held_on": D(2024, 7, 12),
        "place": "Hội trường Ban Tổ chức Tỉnh ủy",
        "host": "ban-to-chuc",
        "chair": "Vàng A Chá, Trưởng Ban Tổ chức Tỉnh ủy, Trưởng Khối",
        "chair_person": ("ban-to-chuc", "Vàng A Chá"),
        "send": "deputy",
        "agenda": SIX_MONTH_AGENDA.format(host="Ban Tổ chức Tỉnh ủy"),
        "minutes": (
            "6 tháng đầu năm 2024, các cơ quan trong Khối triển khai Chỉ thị số 477/CT-UBND ngày "
            "06/02/2024 gắn với chương trình công tác của Tỉnh ủy và giao ước thi đua năm 2024 "
            "đã ký ngày 31/01/2024; tham mưu kịp thời các nghị quyết, chỉ thị, kết luận của Tỉnh "
            "ủy.\n"
            "Hạn chế: việc tổng hợp đăng ký thi đua năm 2024 của Khối còn chậm, có đơn vị phải "
            "bổ sung, hoàn thiện bản đăng ký, có đơn vị gửi muộn."
        ),
        "conclusions": (
            "Trưởng Khối đề nghị các cơ quan hoàn thiện đăng ký thi đua, chú trọng phát hiện, bồi "
            "dưỡng điển hình tiên tiến; tự chấm điểm theo bảng tiêu chí của giao ước, gửi đơn vị "
            "Trưởng Khối trước hội nghị tổng kết năm."
        ),
        "decisions": "Thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm 2024 và lịch tổng kết "
        "năm của Khối.",
    },
    {
        # [U] on 18/01/2025, the date of the 2024 ranking in awards.demo_facts
        "bloc": org.NOI_CHINH,
        "year": 2024,
        "kind": K.YEAR_END,
        "title": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 Khối Thi đua Nội chính "
        "tỉnh" + U,
        "held_on": D(2025, 1, 18),
        "place": "Hội trường Bộ Chỉ huy Quân sự tỉnh",
        "host": "bo-chqs",
        "chair": "Đinh Văn Cường, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Trưởng Khối năm 2024",
        "chair_person": ("bo-chqs", "Đinh Văn Cường"),
        "send": "head",
        "agenda": YEAR_END_AGENDA.format(host="Bộ Chỉ huy Quân sự tỉnh"),
        "minutes": (
            "Năm 2024, các đơn vị trong Khối thực hiện 5 giải pháp chủ yếu của kế hoạch thực hiện "
            "Chỉ thị số 477/CT-UBND ngày 06/02/2024; tổ chức Giải cầu lông của Khối, kiểm tra chéo "
            "việc thực hiện giao ước thi đua (tháng 9/2024); gửi đăng ký thi đua, báo cáo sơ kết, "
            "tổng kết về đơn vị Trưởng Khối.\n"
            "Các đơn vị đã tự chấm điểm theo bảng tiêu chí của giao ước thi đua năm 2024, kèm "
            "minh chứng; đơn vị Trưởng Khối tổng hợp, hội nghị thảo luận và thống nhất điểm từng "
            "đơn vị. Hội nghị bỏ phiếu kín suy tôn đơn vị Trưởng Khối, Phó Khối năm 2025 (8/8 "
            "đơn vị dự và biểu quyết).\n"
            "Hội nghị nghe quán triệt và thống nhất triển khai Chỉ thị số 09/CT-UBND ngày "
            "31/12/2024 trong Khối."
        ),
        "conclusions": (
            "Trưởng Khối năm 2024 cảm ơn các đơn vị đã phối hợp; đề nghị các đơn vị hoàn thiện "
            "hồ sơ đề nghị khen thưởng gửi Sở Nội vụ đúng thời hạn; bàn giao hồ sơ, tài liệu của "
            "Khối cho đơn vị Trưởng Khối năm 2025. Đơn vị Trưởng Khối năm 2025 xây dựng kế hoạch "
            "hoạt động, dự thảo giao ước thi đua năm 2025 trình các đơn vị ký kết."
        ),
        "decisions": _year_end_decisions(org.NOI_CHINH, "vksnd", "bdbp"),
        "scored": True,
        "votes": [(LEAD, BALLOT, None, {"vksnd": 7, "cong-an": 1}),
                  (DEPUTY, BALLOT, None, {"bdbp": 6, "thanh-tra": 2})],
    },
    {
        # [U] on 17/01/2025, the date of the 2024 ranking in awards.demo_facts
        "bloc": org.DANG,
        "year": 2024,
        "kind": K.YEAR_END,
        "title": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 Khối Đảng tỉnh" + U,
        "held_on": D(2025, 1, 17),
        "place": "Hội trường Ban Tổ chức Tỉnh ủy",
        "host": "ban-to-chuc",
        "chair": "Vàng A Chá, Trưởng Ban Tổ chức Tỉnh ủy, Trưởng Khối năm 2024",
        "chair_person": ("ban-to-chuc", "Vàng A Chá"),
        "send": "head",
        "agenda": YEAR_END_AGENDA.format(host="Ban Tổ chức Tỉnh ủy"),
        "minutes": (
            "Năm 2024, các cơ quan trong Khối hoàn thành chương trình công tác của Tỉnh ủy, tham "
            "mưu kịp thời các nghị quyết, chỉ thị, kết luận; triển khai Chỉ thị số 477/CT-UBND "
            "ngày 06/02/2024 và giao ước thi đua năm 2024.\n"
            "Các cơ quan đã tự chấm điểm theo bảng tiêu chí của giao ước, kèm minh chứng; đơn vị "
            "Trưởng Khối tổng hợp, hội nghị thống nhất điểm từng đơn vị. Hội nghị biểu quyết giơ "
            "tay suy tôn đơn vị Trưởng Khối, Phó Khối năm 2025 (8/8 đơn vị nhất trí).\n"
            "Hội nghị thống nhất triển khai Chỉ thị số 09/CT-UBND ngày 31/12/2024 trong Khối."
        ),
        "conclusions": (
            "Trưởng Khối năm 2024 đề nghị các cơ quan hoàn thiện hồ sơ đề nghị khen thưởng; bàn "
            "giao hồ sơ của Khối cho đơn vị Trưởng Khối năm 2025, đơn vị này dự thảo giao ước thi "
            "đua năm 2025 trình các cơ quan ký kết."
        ),
        "decisions": _year_end_decisions(org.DANG, "ubkt-tinh-uy", "ban-tuyen-giao"),
        "scored": True,
        "votes": [(LEAD, HANDS, None, {"ubkt-tinh-uy": 8}),
                  (DEPUTY, HANDS, None, {"ban-tuyen-giao": 8})],
    },
]

# Draft year-end reports of 2024 [U]: (bloc, dated, signer from the register, narrative).
REPORTS = [
    (org.NOI_CHINH, D(2025, 1, 15), "Đinh Văn Cường", {
        "results": (
            "Các đơn vị trong Khối triển khai đồng bộ Chỉ thị số 477/CT-UBND ngày 06/02/2024 với 5 "
            "giải pháp chủ yếu; thực hiện nghiêm giao ước thi đua năm 2024; phong trào thi đua gắn "
            "với nhiệm vụ bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội và cải cách tư "
            "pháp.\n"
            "Các hoạt động của Khối được tổ chức theo kế hoạch: hội nghị triển khai và ký kết giao "
            "ước, Giải cầu lông của Khối, sơ kết 6 tháng, kiểm tra chéo."
        ),
        "shortcomings": (
            "Một số đơn vị gửi đăng ký thi đua, báo cáo chậm so với thời hạn; hoạt động giao lưu "
            "văn nghệ của Khối không tổ chức được; việc phát hiện, nhân rộng điển hình tiên tiến "
            "chưa thường xuyên."
        ),
        "causes": "Nhiệm vụ chuyên môn đột xuất của các lực lượng vũ trang, tư pháp; cán bộ làm "
        "công tác thi đua, khen thưởng ở đơn vị chủ yếu kiêm nhiệm.",
        "next_tasks": (
            f"{NEXT_YEAR}; ký kết giao ước thi đua năm 2025.\n"
            "Đổi mới nội dung, hình thức kiểm tra chéo; chú trọng khen thưởng tập thể nhỏ, cán bộ, "
            "chiến sĩ trực tiếp chiến đấu, công tác."
        ),
        "proposals_text": "Đề nghị UBND tỉnh tặng Cờ thi đua cho đơn vị dẫn đầu Khối năm 2024.",
    }),
    (org.DANG, D(2025, 1, 14), "Vàng A Chá", {
        "results": (
            "Các cơ quan trong Khối hoàn thành tốt chương trình công tác năm 2024 của Tỉnh ủy; "
            "triển khai Chỉ thị số 477/CT-UBND ngày 06/02/2024 và giao ước thi đua năm 2024; "
            "phong trào thi đua gắn với chuẩn bị đại hội đảng bộ các cấp."
        ),
        "shortcomings": "Việc đăng ký thi đua năm 2024 của một số cơ quan còn chậm, phải bổ sung; "
        "tuyên truyền điển hình tiên tiến chưa nhiều.",
        "causes": "Khối lượng công việc tham mưu lớn trong năm chuẩn bị đại hội; cán bộ làm công "
        "tác thi đua, khen thưởng kiêm nhiệm.",
        "next_tasks": f"{NEXT_YEAR}; ký kết giao ước thi đua năm 2025; tổ chức các phong trào thi "
        "đua chào mừng đại hội đảng bộ các cấp.",
        "proposals_text": "Đề nghị UBND tỉnh tặng Cờ thi đua cho đơn vị dẫn đầu Khối năm 2024.",
    }),
]

