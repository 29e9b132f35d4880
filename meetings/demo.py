"""Demo data of the meetings app (registered through ``blocs.demo.register_loader``).

Marks as in ``blocs.demo_data``: [S] from the seed articles, [U] plausible but invented.
**All names of people are invented**, the chairs' too: where a seed names a real official,
the demo keeps the post [S] and gives it an invented holder — a person of the demo register
(``blocs.demo_data.PEOPLE``) for Lai Châu's bodies, and for the Chủ tịch UBND tỉnh Lạng Sơn
the invented signer of the Lạng Sơn decision in ``awards.demo_history``.

- Họp Ban Chỉ đạo Đại hội Thi đua yêu nước tỉnh lần thứ V, 01/07/2020 [S]: a province
  meeting (no bloc) chaired by the standing vice-chairman of UBND tỉnh as head of the
  steering committee, with Sở Nội vụ as its standing body [S]; agenda, minutes and
  conclusions from the seed (congress on 28/07/2020, about 500 delegates, 16 documents,
  exemplary models to vet, booths, the press) [S]. The place and the three invited units
  (UBND tỉnh, Sở Nội vụ, Báo Lai Châu — the only ones of the demo the seed names) [U].
- Khối Đảng tỉnh's six-month review of 08/07/2022 [S], hosted by Đảng ủy Khối, its lead [S];
  its record follows the seed [S]; the place and the delegates [U].
- The northern border cluster's 2023 year-end conference, 05/03/2024 in Lạng Sơn [S], hosted
  by Lạng Sơn, the cluster lead, and chaired by its Chủ tịch UBND tỉnh [S]; minutes, the
  central board's requests and the agreed points from the seed [S]; each province sends the
  (invented) representative who signed its 2024 pledge in ``movements.demo_pledges`` [U].
  Lào Cai acclaimed cluster lead for 2024 (suy tôn) [S], recorded as a ``LeadElection`` that
  writes the 2024 roster (source "voted at the year-end review"). The cluster is not scored:
  the seed gives no scores and the demo has no 2023 pledge.
- The 2024 six-month and year-end reviews of Khối Thi đua Nội chính and Khối Đảng tỉnh [U]:
  six-month reviews on 10/07/2024 (the date in Khối Nội chính's work plan) and 12/07/2024;
  year-end reviews on 18/01/2025 (Khối Nội chính) and 17/01/2025 (Khối Đảng), the dates of
  the rankings in ``awards.demo_facts``. Hosts and chairs are the 2024 lead units (Bộ CHQS,
  Ban Tổ chức) and their heads; every member confirms one or two delegates of the register.
  Both blocs have a signed 2024 pledge in the demo, so both year-end reviews are scored on
  it: the agreed totals are the scores ``awards.demo_facts`` recorded, in its order, and
  ``ranking_finalise`` replaces that ranking with the same order and scores, sourced to the
  review's minutes. A bloc-year whose ranking was changed since is not scored. The votes
  elect the 2025 lead and deputy the demo rosters already have (VKSND and BĐBP; Ủy ban Kiểm
  tra and Ban Tuyên giáo), all "voted" there. A vote is recorded only when the roster agrees
  (that unit holds the role, and not by appointment, or nobody does), so the demo never moves
  a role; the vote rewrites the membership's source note to name the meeting.
- Draft year-end reports of the two blocs for 2024 (narrative only; no PDF is rendered).
- Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025) [S: the ordinal, the title,
  the day 28/07/2020, about 500 delegates, Sở Nội vụ as the standing body, 16 documents
  issued by UBND tỉnh and the Hội đồng Thi đua - Khen thưởng tỉnh, subcommittees helping
  the steering committee, exemplary models to vet, the tasks the 01/07/2020 meeting set:
  vetting the models, booths with Sở Công thương and the districts, the press before,
  during and after, the venue by Sở Văn hóa, Thể thao và Du lịch]. The steering meeting
  above and the congress session of 28/07/2020 (a province meeting of kind "dai_hoi",
  agenda from the seed's purpose of the congress, nobody invited) are its meetings. [U]:
  the place and theme; the committee's six members (people of the demo register — the
  head holds the seed's post, the real holder's name is not used); the names, heads and
  deadlines of the three subcommittees (Nội dung, Tuyên truyền, Hậu cần) and the dates the
  tasks were done (all done: it is 2020); the allocation of 496 seats over the demo's 26
  units of 2020 (4 short of the 500 planned, which the quota summary warns of); five
  exemplary models of the demo's people and units (one not honoured after vetting); and
  the 16 documents' numbers, titles and dates (the seed gives only their count), whose
  titles end with "(dữ liệu minh họa)". Each part is found by its natural key (the
  congress by ordinal, a member by name, a subcommittee by name, a task by text, a quota
  by unit, a model by its subject, a document by number) and added only when missing.

Titles of the [U] meetings end with "(dữ liệu minh họa)": the ranking's source and the roster
notes written from them then say so too. The meetings services take no date for their acts,
so confirmations, sheets and votes are stamped with the time of loading (the meetings
themselves carry their real dates). Idempotent: a meeting is found by bloc, year and
kind (a province meeting by its day too), and each step — confirming a unit, scoring a sheet,
finalising the ranking, a vote, a report — is done only when missing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from awards.demo_facts import RANKINGS
from awards.demo_facts import _score as ranking_score
from awards.demo_history import LANG_SON
from awards.models import BlocRanking
from blocs import demo_data as org
from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, BlocYear, LeadSource, MemberRole, Membership, Person, Unit, User
from blocs.text import nfc
from movements.demo_pledges import PROVINCE_SIGNERS
from movements.models import CriterionKind, Pledge

from .models import (
    CommitteeRole,
    Congress,
    DelegateQuota,
    ExemplaryModel,
    LeadElection,
    Meeting,
    MeetingKind,
    ReportPeriod,
    ReviewReport,
    SteeringMember,
    Subcommittee,
    VoteMethod,
)
from .services import congress as congress_svc
from .services import meetings as meeting_svc
from .services import outcomes, reports, scoring, votes

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

PERSONAS = ("noivu", "truongkhoi", "donvi")
EVIDENCE = "Báo cáo tổng kết năm 2024 của đơn vị và văn bản chứng minh kèm theo" + U
BONUS_EVIDENCE = "Mô hình “Dân vận khéo” của đơn vị được cấp tỉnh công nhận, nhân rộng" + U
PENALTY_EVIDENCE = "Gửi báo cáo sơ kết 6 tháng chậm 01 lần" + U


@register_loader(
    order=90,
    labels={
        "meetings": "hội nghị",
        "meeting_attendances": "lượt đơn vị xác nhận dự họp",
        "score_sheets": "phiếu chấm điểm",
        "finalised_rankings": "kết quả bình xét chốt tại hội nghị",
        "lead_elections": "kết quả suy tôn",
        "review_reports": "báo cáo tổng kết (bản nháp)",
    },
)
def load_meetings(result: DemoResult) -> None:
    ctx = _context()
    for spec in MEETINGS:
        if spec["held_on"].year > result.year:
            continue
        bloc = ctx["blocs"].get(spec["bloc"]) if spec["bloc"] else None
        if spec["bloc"] and bloc is None:
            continue
        meeting = _meeting(spec, bloc, ctx, result)
        if meeting is None:
            continue
        _attendances(meeting, spec, ctx, result)
        if spec.get("scored"):
            _score(meeting, ctx, result)
        for vote in spec.get("votes", []):
            _vote(meeting, vote, ctx, result)
    if result.year > 2024:
        for name, dated, signer, narrative in REPORTS:
            if ctx["blocs"].get(name):
                _report(ctx["blocs"][name], dated, signer, narrative, ctx, result)


def _context() -> dict:
    people = {
        (p.unit.code, p.full_name): p
        for p in Person.objects.filter(unit__code__in=list(org.PEOPLE)).select_related("unit")
    }
    users = User.objects.filter(username__in=PERSONAS).select_related("unit")
    return {
        "blocs": {b.name: b for b in Bloc.objects.filter(name__in={s["bloc"] for s in MEETINGS})},
        "units": {u.code: u for u in Unit.objects.filter(code__in=[c for c, *_r in org.UNITS])},
        "people": people,
        "officers": {u.unit.code: u for u in users if u.unit_id and u.username != "noivu"},
        "noivu": next((u for u in users if u.username == "noivu"), None),
    }


def _lead(bloc: Bloc, year: int, role: str = LEAD) -> Membership | None:
    return (Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year, role=role)
            .select_related("unit").first())


def _actor(bloc: Bloc | None, year: int, ctx: dict) -> User | None:
    """Who records a meeting: the persona of the bloc's lead that year, or Sở Nội vụ's."""
    if bloc is None:
        return ctx["noivu"]
    lead = _lead(bloc, year)
    return ctx["officers"].get(lead.unit.code) if lead else None


def _meeting(spec: dict, bloc: Bloc | None, ctx: dict, result: DemoResult) -> Meeting | None:
    found = Meeting.objects.filter(bloc=bloc, year=spec["year"], kind=spec["kind"])
    if bloc is None:
        found = found.filter(held_on=spec["held_on"])
    meeting = found.first()
    if meeting is not None:
        return meeting
    if bloc is not None and not Membership.objects.filter(
        bloc_year__bloc=bloc, bloc_year__year=spec["year"]
    ).exists():
        return None
    invited = [ctx["units"][c] for c in spec.get("invited", []) if c in ctx["units"]]
    meeting = meeting_svc.meeting_create(
        actor=_actor(bloc, spec["year"], ctx), bloc=bloc, year=spec["year"], invited=invited,
        kind=spec["kind"], title=spec["title"], held_on=spec["held_on"], place=spec["place"],
        host_unit=ctx["units"].get(spec["host"]), chair=spec["chair"], agenda=spec["agenda"],
        minutes=spec["minutes"], conclusions=spec["conclusions"],
        decisions_taken=spec["decisions"],
    )
    result.created["meetings"] += 1
    return meeting


def _delegates(code: str, spec: dict, ctx: dict) -> list[tuple[Person | None, str, str]]:
    """Whom *code* sends: the chair if theirs, else its head (or deputy, per the meeting; the
    host always its head); then its emulation officer, or for the host its most junior
    officer as the meeting's secretary. Guests by name for units without a register."""
    if code in spec.get("guests", {}):
        return [(None, name, post) for name, post in spec["guests"][code]]
    rows = [r for r in org.PEOPLE.get(code, []) if D.fromisoformat(r[4]) <= spec["held_on"]]
    if not rows:
        return []
    host = code == spec["host"]
    chair_code, chair_name = spec.get("chair_person") or ("", "")
    if code == chair_code:
        first = chair_name
    else:
        deputy = spec["send"] == "deputy" and not host and len(rows) > 1
        first = rows[1][0] if deputy else rows[0][0]
    names = [first]
    officer = next((r[0] for r in rows if "Thi đua" in r[3]), None)
    if officer is None and host:
        officer = rows[-1][0]
    if officer and officer not in names:
        names.append(officer)
    found = [ctx["people"].get((code, nfc(name))) for name in names]
    return [(person, "", "") for person in found if person is not None]


def _attendances(meeting: Meeting, spec: dict, ctx: dict, result: DemoResult) -> None:
    for attendance in meeting.attendances.filter(confirmed_at__isnull=True).select_related("unit"):
        delegates = _delegates(attendance.unit.code, spec, ctx)
        if not delegates:
            continue
        meeting_svc.attendance_confirm(
            actor=ctx["officers"].get(attendance.unit.code), attendance=attendance,
            delegates=delegates,
        )
        result.created["meeting_attendances"] += 1


def _untouched(meeting: Meeting, order: list[str]) -> bool:
    """The bloc-year's ranking is still the demo's (or absent): finalising keeps it."""
    codes = list(BlocRanking.objects.filter(bloc=meeting.bloc, year=meeting.year)
                 .order_by("rank", "unit__name").values_list("unit__code", flat=True))
    return not codes or codes == order


def _score(meeting: Meeting, ctx: dict, result: DemoResult) -> None:
    """Score the review so that the agreed totals are awards' demo scores in its order, then
    write the ranking from the review (once)."""
    order = RANKINGS.get(meeting.bloc.name, {}).get(meeting.year, (None, []))[1]
    pledge = Pledge.objects.filter(bloc=meeting.bloc, year=meeting.year).first()
    invited = set(meeting.attendances.values_list("unit__code", flat=True))
    if not order or pledge is None or not pledge.is_signed or invited != set(order):
        return
    source = outcomes.minutes_reference(meeting)
    if BlocRanking.objects.filter(bloc=meeting.bloc, year=meeting.year, source=source).exists():
        return  # finalised at an earlier run
    if not _untouched(meeting, order):
        return
    lead_officer = _actor(meeting.bloc, meeting.year, ctx)
    criteria = scoring.criteria_of(pledge)
    sheets = scoring.sheets_open(actor=lead_officer, meeting=meeting)
    for sheet in sheets:
        if sheet.agreed_at is not None:
            continue
        place = order.index(sheet.unit.code) + 1
        agreed, claimed = _points(criteria, place, len(order))
        scoring.self_scores_save(
            actor=ctx["officers"].get(sheet.unit.code), sheet=sheet, submit=True,
            points={c.pk: (claimed[c.pk], _evidence(c, agreed[c.pk])) for c in criteria},
        )
        scoring.agreed_scores_save(actor=lead_officer, sheet=sheet,
                                   points={c.pk: agreed[c.pk] for c in criteria})
        result.created["score_sheets"] += 1
    outcomes.ranking_finalise(actor=lead_officer, meeting=meeting)
    result.created["finalised_rankings"] += 1


def _points(criteria: list, place: int, count: int) -> tuple[dict, dict]:
    """(agreed, self) points by criterion for the unit at *place*: totals fall with the place
    as in awards' demo; the first two have a model recognised (bonus), the last a late report
    (penalty); the deficit is spread over the scored criteria, starting at a different one for
    each unit, never below 70 % of a criterion. Each unit claimed full points on one criterion
    the bloc then marked down."""
    scored = [c for c in criteria if c.kind == CriterionKind.SCORED]
    bonus = next((c for c in criteria if c.kind == CriterionKind.BONUS), None)
    penalty = next((c for c in criteria if c.kind == CriterionKind.PENALTY), None)
    agreed = {c.pk: Decimal("0") for c in criteria}
    if bonus is not None and place <= 2:
        agreed[bonus.pk] = min(Decimal("2.5"), bonus.max_points)
    if penalty is not None and place == count:
        agreed[penalty.pk] = min(Decimal("1"), penalty.max_points)
    # What the scored criteria must add up to: the total, less the bonus, plus the penalty.
    target = ranking_score(place) + sum(
        -agreed[c.pk] if c.kind == CriterionKind.BONUS else agreed[c.pk]
        for c in criteria if c.kind != CriterionKind.SCORED
    )
    agreed.update({c.pk: c.max_points for c in scored})
    deficit = sum(c.max_points for c in scored) - target
    step, position, idle, first_cut = Decimal("0.5"), place, 0, None
    while deficit > 0:
        criterion = scored[position % len(scored)]
        cut = min(step, deficit)
        if agreed[criterion.pk] - cut >= criterion.max_points * Decimal("0.7"):
            agreed[criterion.pk] -= cut
            deficit -= cut
            idle, first_cut = 0, first_cut or criterion
        else:
            idle += 1
            if idle > len(scored):
                raise ValueError("demo scores cannot reach the target")  # a table too small
        position += 1
    claimed = dict(agreed)
    if first_cut is not None:
        claimed[first_cut.pk] = first_cut.max_points
    return agreed, claimed


def _evidence(criterion, points: Decimal) -> str:
    if criterion.kind == CriterionKind.BONUS:
        return BONUS_EVIDENCE if points else ""
    if criterion.kind == CriterionKind.PENALTY:
        return PENALTY_EVIDENCE if points else ""
    return EVIDENCE


def _vote(meeting: Meeting, vote: tuple, ctx: dict, result: DemoResult) -> None:
    role, method, voters, tallies = vote
    if LeadElection.objects.filter(meeting=meeting, role=role).exists():
        return
    winner = max(tallies, key=tallies.get)
    if not BlocYear.objects.filter(bloc=meeting.bloc, year=meeting.year + 1).exists():
        return
    holder = _lead(meeting.bloc, meeting.year + 1, role)
    # Only a vote the roster agrees with: never move a lead or override an appointment.
    if holder is not None and (
        holder.unit.code != winner or holder.lead_source == LeadSource.APPOINTED
    ):
        return
    members = Membership.objects.filter(bloc_year__bloc=meeting.bloc, bloc_year__year=meeting.year)
    codes = dict(members.values_list("unit__code", "unit_id"))
    if any(code not in codes for code in tallies):
        return
    units = {u.code: u for u in Unit.objects.filter(code__in=list(tallies))}
    votes.election_record(
        actor=_actor(meeting.bloc, meeting.year, ctx), meeting=meeting, role=role,
        tallies={units[code]: n for code, n in tallies.items()}, voters=voters or len(codes),
        method=method,
    )
    result.created["lead_elections"] += 1


def _report(
    bloc: Bloc, dated: D, signer: str, narrative: dict, ctx: dict, result: DemoResult
) -> None:
    if ReviewReport.objects.filter(bloc=bloc, year=2024, period=ReportPeriod.YEAR).exists():
        return
    if not Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=2024).exists():
        return
    reports.report_save(
        actor=_actor(bloc, 2024, ctx), bloc=bloc, year=2024, period=ReportPeriod.YEAR,
        dated=dated, signer_name=signer, **narrative,
    )
    result.created["review_reports"] += 1


# --- Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025) ---------------------------

CONGRESS_TITLE = "Đại hội Thi đua yêu nước tỉnh Lai Châu lần thứ V (2020 - 2025)"  # [S]
CONGRESS = {
    "ordinal": "V",  # [S]
    "title": CONGRESS_TITLE,
    "year": 2020,
    "held_on": D(2020, 7, 28),  # [S]
    "place": "Hội trường Trung tâm Hội nghị tỉnh Lai Châu",  # [U]
    "theme": "Đoàn kết, sáng tạo, thi đua xây dựng tỉnh Lai Châu phát triển nhanh và bền vững" + U,
    "delegates_planned": 500,  # [S] "gần 500 đại biểu"
}
CONGRESS_SESSION = {  # [S] the day and the purpose; [U] the place, host and chair
    "title": CONGRESS_TITLE,
    "held_on": D(2020, 7, 28),
    "place": CONGRESS["place"],
    "host": "so-noi-vu",
    "chair": "Đoàn Chủ tịch Đại hội" + U,
    "agenda": (
        "1. Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn 5 năm "
        "qua; biểu dương kết quả các phong trào thi đua yêu nước đối với sự phát triển kinh tế - "
        "xã hội của tỉnh.\n"
        "2. Báo cáo điển hình tiên tiến tại Đại hội.\n"
        "3. Tôn vinh, biểu dương các tập thể, cá nhân điển hình tiêu biểu trong phong trào thi đua "
        "yêu nước.\n"
        "4. Phương hướng, nhiệm vụ đổi mới công tác thi đua, khen thưởng trong 5 năm tới."
    ),
}
HEAD, DEPUTY_HEAD, MEMBER = CommitteeRole.HEAD, CommitteeRole.DEPUTY, CommitteeRole.MEMBER
# (unit code, name in the register, post in 2020, role, duties). [S] the head's post and Sở
# Nội vụ as the standing body; [U] everything else. Names invented (the register's).
COMMITTEE = [
    ("ubnd-tinh", "Đỗ Quang Vinh", "Phó Chủ tịch Thường trực UBND tỉnh, Phó Chủ tịch thứ nhất Hội "
     "đồng Thi đua - Khen thưởng tỉnh", HEAD, "Chỉ đạo chung công tác chuẩn bị và tổ chức Đại hội"),
    ("so-noi-vu", "Lường Văn Thắng", "Giám đốc Sở Nội vụ (cơ quan thường trực)", DEPUTY_HEAD,
     "Phó Trưởng ban Thường trực; phụ trách Tiểu ban Nội dung"),
    ("ban-tuyen-giao", "Lê Văn Thuận", "Trưởng Ban Tuyên giáo Tỉnh ủy", MEMBER,
     "Phụ trách Tiểu ban Tuyên truyền"),
    ("ubnd-tinh", "Lò Thị Hương", "Chánh Văn phòng UBND tỉnh", MEMBER, "Phụ trách Tiểu ban Hậu cần"),
    ("bao-lai-chau", "Dương Văn Thông", "Tổng Biên tập Báo Lai Châu", MEMBER,
     "Tuyên truyền trên Báo Lai Châu"),
    ("so-noi-vu", "Tao Văn Khánh", "Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", MEMBER,
     "Ủy viên kiêm Thư ký Ban Chỉ đạo"),
]
SO_CONG_THUONG = "Sở Công thương (phối hợp với UBND các huyện, thành phố)"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
DAI_PTTH = "Đài Phát thanh - Truyền hình tỉnh"
CONG_TTDT = "Cổng Thông tin điện tử tỉnh"
# (name, head's name, remit, [(task, due, unit code or None, body named in words, done on)]).
# [S] the tasks' contents; [U] names, heads, deadlines and the days they were done.
SUBCOMMITTEES = [
    ("Tiểu ban Nội dung", "Lường Văn Thắng",
     "Xây dựng chương trình, báo cáo, tham luận của Đại hội; lựa chọn, thẩm định các điển hình "
     "tiên tiến; tổng hợp danh sách đại biểu.", [
         ("Tổng hợp hoàn chỉnh danh sách đại biểu dự Đại hội theo phân bổ", D(2020, 7, 10),
          "so-noi-vu", "", D(2020, 7, 8)),
         ("Lựa chọn, xây dựng báo cáo điển hình tại Đại hội", D(2020, 7, 15), "so-noi-vu", "",
          D(2020, 7, 14)),
         ("Thẩm định kỹ các gương điển hình tiên tiến báo cáo tại Đại hội", D(2020, 7, 20),
          "so-noi-vu", "", D(2020, 7, 17)),
     ]),
    ("Tiểu ban Tuyên truyền", "Lê Văn Thuận",
     "Tuyên truyền trước, trong và sau Đại hội, nhất là các điển hình tiên tiến.", [
         ("Đẩy mạnh tuyên truyền trước, trong và sau Đại hội, đặc biệt là các điển hình tiên tiến",
          D(2020, 8, 15), "bao-lai-chau", "", D(2020, 8, 10)),
         ("Phóng sự, tin bài về Đại hội và các điển hình tiên tiến trên sóng phát thanh, truyền "
          "hình", D(2020, 8, 15), None, DAI_PTTH, D(2020, 8, 12)),
         ("Chuyên mục về Đại hội trên Cổng Thông tin điện tử tỉnh", D(2020, 8, 15), None, CONG_TTDT,
          D(2020, 8, 5)),
     ]),
    ("Tiểu ban Hậu cần", "Lò Thị Hương",
     "Bảo đảm cơ sở vật chất, trang trí, khánh tiết, gian hàng trưng bày và đón tiếp đại biểu.", [
         ("Tổ chức gian hàng trưng bày tại Đại hội", D(2020, 7, 26), None, SO_CONG_THUONG,
          D(2020, 7, 26)),
         ("Chuẩn bị cơ sở vật chất, trang trí, khánh tiết, bảo đảm Đại hội thành công tốt đẹp",
          D(2020, 7, 27), None, SO_VHTTDL, D(2020, 7, 27)),
         ("Bố trí nơi nghỉ, đưa đón đại biểu và bảo đảm kinh phí Đại hội", D(2020, 7, 27),
          "ubnd-tinh", "", D(2020, 7, 27)),
     ]),
]
# Seats by unit [U]: 496 over the 26 demo units of 2020, 4 short of the 500 planned [S].
QUOTAS = {
    "ubnd-tinh": 24, "so-noi-vu": 16, "bo-chqs": 18, "cong-an": 20, "bdbp": 16, "tand": 8,
    "vksnd": 8, "so-tu-phap": 8, "thanh-tra": 6, "thads": 6, "vp-tinh-uy": 10, "ban-to-chuc": 8,
    "ban-tuyen-giao": 8, "ban-dan-van": 8, "ban-noi-chinh": 6, "ubkt-tinh-uy": 6,
    "bao-lai-chau": 8, "dang-uy-khoi": 12, "tp-lai-chau": 44, "huyen-tam-duong": 38,
    "huyen-phong-tho": 40, "huyen-sin-ho": 40, "huyen-muong-te": 36, "huyen-nam-nhun": 30,
    "huyen-than-uyen": 38, "huyen-tan-uyen": 34,
}
# (("person", unit code, name) or ("unit", code), proposed by, sector, achievement, honoured) [U]
EXEMPLARS = [
    (("unit", "huyen-than-uyen"), "huyen-than-uyen", "Xây dựng nông thôn mới",
     "Dẫn đầu tỉnh về số xã đạt chuẩn nông thôn mới giai đoạn 2015 - 2020; phong trào hiến đất "
     "làm đường giao thông nông thôn lan rộng khắp các bản" + U, True),
    (("unit", "bdbp"), "bdbp", "Quốc phòng, an ninh biên giới",
     "Giữ vững chủ quyền, an ninh biên giới; chương trình “Nâng bước em tới trường” nhận đỡ đầu "
     "học sinh nghèo các xã biên giới" + U, True),
    (("person", "bo-chqs", "Giàng A Sử"), "bo-chqs", "Quốc phòng, dân vận",
     "Vận động đồng bào dân tộc thiểu số xóa bỏ hủ tục; tham gia giúp dân làm nhà, khắc phục "
     "hậu quả thiên tai" + U, True),
    (("person", "bao-lai-chau", "Lò Văn Pánh"), "bao-lai-chau", "Báo chí, tuyên truyền",
     "Nhiều tác phẩm về người tốt, việc tốt và điển hình tiên tiến; đạt giải báo chí cấp tỉnh" + U,
     True),
    (("person", "so-tu-phap", "Vương Văn Hải"), "so-tu-phap", "Phổ biến, giáo dục pháp luật",
     "Đổi mới cách phổ biến pháp luật bằng tiếng dân tộc cho đồng bào vùng cao; sau rà soát, "
     "chưa chọn tuyên dương tại Đại hội" + U, False),
]
HDTDKT = "Hội đồng Thi đua - Khen thưởng tỉnh"
UBND = "UBND tỉnh Lai Châu"
# The 16 documents (number, issued on, issuer, title) [S: the count and issuers; U: the rest].
DOCUMENTS = [
    ("2345/KH-UBND", D(2019, 11, 20), UBND, "Kế hoạch tổ chức Đại hội Thi đua yêu nước tỉnh Lai "
     "Châu lần thứ V và tham gia Đại hội Thi đua yêu nước toàn quốc lần thứ X"),
    ("2510/QĐ-UBND", D(2019, 12, 16), UBND, "Về việc thành lập Ban Chỉ đạo Đại hội Thi đua yêu "
     "nước tỉnh Lai Châu lần thứ V"),
    ("86/QĐ-UBND", D(2020, 1, 6), UBND, "Ban hành Quy chế hoạt động của Ban Chỉ đạo Đại hội Thi "
     "đua yêu nước tỉnh lần thứ V"),
    ("02/TB-HĐTĐKT", D(2020, 1, 8), HDTDKT, "Phân công nhiệm vụ thành viên Ban Chỉ đạo Đại hội"),
    ("05/HD-HĐTĐKT", D(2020, 1, 15), HDTDKT, "Hướng dẫn tổ chức đại hội thi đua yêu nước, hội "
     "nghị điển hình tiên tiến các cấp, các ngành tiến tới Đại hội Thi đua yêu nước tỉnh lần thứ V"),
    ("06/KH-HĐTĐKT", D(2020, 1, 20), HDTDKT, "Kế hoạch chỉ đạo điểm đại hội thi đua yêu nước, hội "
     "nghị điển hình tiên tiến cấp huyện, cấp xã"),
    ("112/QĐ-UBND", D(2020, 2, 10), UBND, "Về việc thành lập các Tiểu ban giúp việc Ban Chỉ đạo "
     "Đại hội Thi đua yêu nước tỉnh lần thứ V"),
    ("18/HĐTĐKT", D(2020, 2, 25), HDTDKT, "Về việc đăng ký lịch tổ chức đại hội thi đua, hội nghị "
     "điển hình tiên tiến của các huyện, thành phố, sở, ngành"),
    ("498/KH-UBND", D(2020, 3, 12), UBND, "Kế hoạch tuyên truyền Đại hội Thi đua yêu nước tỉnh Lai "
     "Châu lần thứ V"),
    ("31/HĐTĐKT", D(2020, 4, 3), HDTDKT, "Về việc lựa chọn, giới thiệu tập thể, cá nhân điển hình "
     "tiên tiến tuyên dương tại Đại hội"),
    ("09/HD-HĐTĐKT", D(2020, 4, 10), HDTDKT, "Hướng dẫn xây dựng báo cáo thành tích, báo cáo tham "
     "luận của tập thể, cá nhân điển hình tiên tiến"),
    ("1150/UBND-NC", D(2020, 5, 8), UBND, "Về việc đề nghị khen thưởng tổng kết phong trào thi đua "
     "yêu nước giai đoạn 2015 - 2020"),
    ("1422/UBND-NC", D(2020, 6, 2), UBND, "Về việc phân bổ số lượng đại biểu dự Đại hội Thi đua yêu "
     "nước tỉnh lần thứ V"),
    ("45/HĐTĐKT", D(2020, 6, 10), HDTDKT, "Về việc chuẩn bị báo cáo tham luận tại Đại hội"),
    ("1567/UBND-KT", D(2020, 6, 18), UBND, "Về việc tổ chức gian hàng trưng bày sản phẩm tại Đại "
     "hội Thi đua yêu nước tỉnh lần thứ V"),
    ("1634/KH-UBND", D(2020, 6, 25), UBND, "Kế hoạch tổ chức, phục vụ Đại hội Thi đua yêu nước "
     "tỉnh Lai Châu lần thứ V"),
]


@register_loader(
    order=91,
    labels={
        "congresses": "đại hội thi đua yêu nước",
        "congress_meetings": "hội nghị gắn với đại hội",
        "steering_members": "thành viên Ban Chỉ đạo Đại hội",
        "subcommittees": "tiểu ban giúp việc",
        "subcommittee_tasks": "công việc của tiểu ban",
        "delegate_quotas": "đơn vị được phân bổ đại biểu",
        "exemplary_models": "điển hình tiên tiến",
        "congress_documents": "văn bản về Đại hội",
    },
)
def load_congress(result: DemoResult) -> None:
    if CONGRESS["held_on"].year > result.year:
        return
    ctx = _context()
    actor = ctx["noivu"]
    congress = Congress.objects.filter(ordinal=CONGRESS["ordinal"]).first()
    if congress is None:
        congress = congress_svc.congress_save(actor=actor, congress=Congress(**CONGRESS))
        result.created["congresses"] += 1
    _congress_meetings(congress, actor, ctx, result)
    members = _committee(congress, actor, ctx, result)
    _subcommittees(congress, members, actor, ctx, result)
    _quotas(congress, actor, ctx, result)
    _exemplars(congress, actor, ctx, result)
    for number, issued_on, issuer, title in DOCUMENTS:
        if not congress.documents.filter(number=number).exists():
            congress_svc.document_add(actor=actor, congress=congress, number=number, issued_on=issued_on,
                                      issuer=issuer, title=title + U)
            result.created["congress_documents"] += 1


def _congress_meetings(congress: Congress, actor: User | None, ctx: dict, result: DemoResult) -> None:
    """The steering meeting of 01/07/2020 (loaded above) and the congress session."""
    session = Meeting.objects.filter(bloc=None, year=2020, kind=K.CONGRESS,
                                     held_on=CONGRESS_SESSION["held_on"]).first()
    if session is None:
        spec = CONGRESS_SESSION
        session = meeting_svc.meeting_create(
            actor=actor, bloc=None, year=2020, kind=K.CONGRESS, title=spec["title"],
            held_on=spec["held_on"], place=spec["place"], host_unit=ctx["units"].get(spec["host"]),
            chair=spec["chair"], agenda=spec["agenda"],
        )
        result.created["meetings"] += 1
    steering = Meeting.objects.filter(bloc=None, year=2020, kind=K.STEERING, held_on=D(2020, 7, 1)).first()
    for meeting in (steering, session):
        if meeting is not None and meeting.congress_id is None:
            congress_svc.congress_link_meeting(actor=actor, congress=congress, meeting=meeting)
            result.created["congress_meetings"] += 1


def _committee(congress: Congress, actor: User | None, ctx: dict, result: DemoResult) -> dict:
    members = {m.full_name: m for m in congress.committee.all()}
    for code, name, position, role, duties in COMMITTEE:
        person = ctx["people"].get((code, nfc(name)))
        if nfc(name) in members or person is None:
            continue
        if role == HEAD and congress.committee.filter(role=HEAD).exists():
            continue  # somebody else heads it now: leave the committee as it is
        members[nfc(name)] = congress_svc.committee_member_add(
            actor=actor, congress=congress, person=person, position=position, role=role, duties=duties)
        result.created["steering_members"] += 1
    return members


def _subcommittees(congress: Congress, members: dict[str, SteeringMember], actor: User | None,
                   ctx: dict, result: DemoResult) -> None:
    for name, head, remit, tasks in SUBCOMMITTEES:
        subcommittee = congress.subcommittees.filter(name=name).first()
        if subcommittee is None:
            subcommittee = congress_svc.subcommittee_save(actor=actor, subcommittee=Subcommittee(
                congress=congress, name=name, head=members.get(nfc(head)), remit=remit))
            result.created["subcommittees"] += 1
        for text, due_on, code, body, done_on in tasks:
            if subcommittee.tasks.filter(text=nfc(text)).exists():
                continue
            unit = ctx["units"].get(code) if code else None
            if code and unit is None:
                continue
            task = congress_svc.task_add(actor=actor, subcommittee=subcommittee, text=text, due_on=due_on,
                                         responsible_unit=unit, responsible_name=body)
            congress_svc.task_done(actor=actor, task=task, done_on=done_on)
            result.created["subcommittee_tasks"] += 1


def _quotas(congress: Congress, actor: User | None, ctx: dict, result: DemoResult) -> None:
    """Seats for the units that have none yet (a quota changed since is kept)."""
    allocated = set(DelegateQuota.objects.filter(congress=congress).values_list("unit__code", flat=True))
    missing = {ctx["units"][code]: n for code, n in QUOTAS.items()
               if code not in allocated and code in ctx["units"]
               and ctx["units"][code].is_active_on(congress.held_on)}
    if missing:
        congress_svc.quota_set(actor=actor, congress=congress, quotas=missing)
        result.created["delegate_quotas"] += len(missing)


def _exemplars(congress: Congress, actor: User | None, ctx: dict, result: DemoResult) -> None:
    for subject, proposer, sector, achievement, honoured in EXEMPLARS:
        proposed_by = ctx["units"].get(proposer)
        if subject[0] == "person":
            person, unit = ctx["people"].get((subject[1], nfc(subject[2]))), None
            found = ExemplaryModel.objects.filter(congress=congress, person=person)
        else:
            person, unit = None, ctx["units"].get(subject[1])
            found = ExemplaryModel.objects.filter(congress=congress, unit=unit)
        if (person is None and unit is None) or proposed_by is None or found.exists():
            continue
        congress_svc.exemplary_add(actor=actor, congress=congress, person=person, unit=unit,
                                   proposed_by=proposed_by, sector=sector, achievement=achievement,
                                   honoured=honoured)
        result.created["exemplary_models"] += 1
