"""Demo data of the meetings app, part two: the emulation congress of 2020 (Đại hội Thi đua
yêu nước tỉnh Lai Châu lần thứ V), registered through blocs.demo.register_loader after the
meetings of ``meetings.demo`` (whose steering committee meeting of 01/07/2020 it links).
What comes from the seed is marked [S]; what is illustrative, [U]."""

from __future__ import annotations

from blocs.demo import DemoResult, register_loader
from blocs.models import User
from blocs.text import nfc

from .demo import _context
from .demo_data import D, K, U
from .models import (
    CommitteeRole,
    Congress,
    DelegateQuota,
    ExemplaryModel,
    Meeting,
    SteeringMember,
    Subcommittee,
)
from .services import congress as congress_svc
from .services import meetings as meeting_svc

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
