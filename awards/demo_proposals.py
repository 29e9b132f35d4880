"""Demo data of the awards app: proposals (registered through blocs.demo.register_loader).

- Văn phòng Tỉnh ủy proposed for Huân chương Lao động hạng Nhất, through Khối Đảng tỉnh
  [S: the seed's 2022 six-month review]. The rule sets start on 01/01/2024, so the demo files
  it as a 2025 proposal [U], under review by Sở Nội vụ (noivu).
- The northern border cluster's 2023 proposals, as one proposal of the cluster from its lead
  Lạng Sơn at the year-end conference of 05/03/2024 [S]: Cờ thi đua của Chính phủ for Lạng
  Sơn and Bằng khen of the Prime Minister for Hà Giang, accepted for the council.
- Khối Nội chính this year: Công an's (donvi) draft and a returned proposal, waiting for the
  unit; Bộ CHQS's (truongkhoi) sent, waiting for Sở Nội vụ.

Everything goes through the services, dated with ``at=``. Files are tiny illustrative PDFs.
Where the eligibility engine fails a nominee for lack of past data in the demo, Sở Nội vụ
overrides it with that reason, as the workflow allows. A proposal found by its subject is
left alone, so a second run creates nothing. Names of people are invented.
"""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, Person, Unit, User

from .models import AwardKind as K
from .models import Proposal, Title
from .services import dossier, proposals

PDF = b"%PDF-1.4\n%% Du lieu minh hoa\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
OVERRIDE = "Dữ liệu minh họa: thành tích các năm trước chưa nhập đủ vào hệ thống; đã đối chiếu hồ sơ giấy."
DANG, NOI_CHINH = "Khối Đảng tỉnh", "Khối Thi đua Nội chính"
CUM = "Cụm thi đua các tỉnh miền núi biên giới phía Bắc"


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _dossier(proposal: Proposal, actor, *, skip=()) -> None:
    for item in dossier.checklist(proposal):
        if not item.present and item.kind not in skip:
            name = f"{item.kind}-{item.nominee.pk if item.nominee else proposal.pk}.pdf"
            dossier.document_upload(actor=actor, proposal=proposal, kind=item.kind, nominee=item.nominee,
                                    upload=_pdf(name))


def _submit(proposal: Proposal, actor, noivu, when) -> Proposal:
    for nominee in proposals.proposal_check(actor=actor, proposal=proposal):
        if proposals.failing(nominee):
            proposals.nominee_override(actor=noivu, nominee=nominee, reason=OVERRIDE)
    return proposals.proposal_submit(actor=actor, proposal=proposal, at=when)


def _new(spec: dict, result: DemoResult):
    if Proposal.objects.filter(subject=spec["subject"]).exists():
        return None
    proposal = proposals.proposal_create(
        actor=spec.get("actor"), unit=spec["unit"], year=spec["year"], subject=spec["subject"],
        kind=spec.get("kind", K.MERIT), bloc=spec.get("bloc"), on=spec["on"],
        document_number=spec.get("number", ""), event_date=spec.get("event_date"),
    )
    for subject, code, achievement in spec["nominees"]:
        key = "person" if isinstance(subject, Person) else "unit"
        proposals.nominee_add(actor=spec.get("actor"), proposal=proposal, title=Title.objects.get(code=code),
                              period_from=spec.get("period_from", spec["year"]), period_to=spec["year"],
                              achievement=achievement, **{key: subject})
    result.created["proposals"] += 1
    return proposal


@register_loader(order=70, labels={"proposals": "đề nghị khen thưởng"})
def load_proposals(result: DemoResult) -> None:
    units = {u.code: u for u in Unit.objects.all()}
    users = {u.username: u for u in User.objects.filter(username__in=["noivu", "donvi", "truongkhoi"])}
    blocs = {b.name: b for b in Bloc.objects.filter(name__in=[DANG, NOI_CHINH, CUM])}
    needed = ["vp-tinh-uy", "tinh-lang-son", "tinh-ha-giang", "cong-an", "bo-chqs"]
    if len(users) < 3 or len(blocs) < 3 or any(c not in units for c in needed):
        return  # the organisation's demo was changed: skip rather than half-load
    noivu, donvi, truongkhoi = users["noivu"], users["donvi"], users["truongkhoi"]
    _vptu(units, blocs, noivu, result)
    _cluster(units, blocs, noivu, result)
    _noi_chinh(units, noivu, donvi, truongkhoi, result)


def _vptu(units, blocs, noivu, result) -> None:
    vptu = units["vp-tinh-uy"]
    p = _new({"unit": vptu, "year": 2025, "on": datetime.date(2025, 11, 20), "number": "215-TTr/VPTU",
              "subject": "Đề nghị tặng Huân chương Lao động hạng Nhất cho Văn phòng Tỉnh ủy",
              "period_from": 2021,
              "nominees": [(vptu, "HCLD1", "Hoàn thành xuất sắc nhiệm vụ tham mưu, phục vụ Tỉnh ủy giai đoạn "
                                           "2021–2025; dẫn đầu Khối Đảng tỉnh (dữ liệu minh họa).")]}, result)
    if p is None:
        return
    _dossier(p, None)
    p = _submit(p, None, noivu, _at(datetime.date(2025, 12, 1)))
    proposals.proposal_receive(actor=noivu, proposal=p, specialist=noivu, at=_at(datetime.date(2025, 12, 3)))
    proposals.proposal_start_review(actor=noivu, proposal=p, at=_at(datetime.date(2025, 12, 5)))


def _cluster(units, blocs, noivu, result) -> None:
    lang_son, ha_giang = units["tinh-lang-son"], units["tinh-ha-giang"]
    p = _new({"unit": lang_son, "bloc": blocs[CUM], "year": 2023, "on": datetime.date(2024, 3, 5),
              "kind": K.MOVEMENT, "event_date": datetime.date(2024, 3, 5), "number": "Tờ trình của Cụm năm 2023",
              "subject": "Cụm thi đua các tỉnh miền núi biên giới phía Bắc đề nghị khen thưởng năm 2023",
              "nominees": [
                  (lang_son, "CO_CP", "Cụm trưởng năm 2023, dẫn đầu phong trào thi đua của Cụm (Hội nghị tổng "
                                      "kết ngày 05/03/2024 tại Lạng Sơn)."),
                  (ha_giang, "BK_TTG", "Hoàn thành xuất sắc nhiệm vụ năm 2023, tiêu biểu trong phong trào thi "
                                       "đua của Cụm (dữ liệu minh họa)."),
              ]}, result)
    if p is None:
        return
    _dossier(p, None)
    p = _submit(p, None, noivu, _at(datetime.date(2024, 3, 8)))
    proposals.proposal_receive(actor=noivu, proposal=p, specialist=noivu, at=_at(datetime.date(2024, 3, 11)))
    proposals.proposal_start_review(actor=noivu, proposal=p, at=_at(datetime.date(2024, 3, 12)))
    for nominee in p.nominees.all():
        proposals.nominee_appraise(actor=noivu, nominee=nominee, accepted=True, at=_at(datetime.date(2024, 3, 14)))
    proposals.proposal_accept(actor=noivu, proposal=p, comment="Đủ hồ sơ, trình Hội đồng.",
                              at=_at(datetime.date(2024, 3, 15)))


def _noi_chinh(units, noivu, donvi, truongkhoi, result) -> None:
    year, today = result.year, timezone.localdate()
    ca, chqs = units["cong-an"], units["bo-chqs"]
    people = {u: list(Person.objects.filter(unit=units[u]).order_by("pk")[:3]) for u in ("cong-an", "bo-chqs")}
    if len(people["cong-an"]) < 3:
        return
    achievement = "Hoàn thành xuất sắc nhiệm vụ năm {y}; tích cực trong phong trào thi đua (dữ liệu minh họa)."
    draft = _new({"actor": donvi, "unit": ca, "year": year, "on": today,
                  "subject": f"Công an tỉnh đề nghị công nhận Lao động tiên tiến năm {year}",
                  "nominees": [(p, "LDTT", achievement.format(y=year)) for p in people["cong-an"][:2]]}, result)
    if draft is not None:
        _dossier(draft, donvi, skip=("bien_ban", "bao_cao"))
    returned = _new({"actor": donvi, "unit": ca, "year": year, "on": today,
                     "subject": f"Công an tỉnh đề nghị Chiến sĩ thi đua cơ sở năm {year}",
                     "nominees": [(people["cong-an"][2], "CSTDCS", achievement.format(y=year))]}, result)
    if returned is not None:
        _dossier(returned, donvi)
        returned = _submit(returned, donvi, noivu, None)
        proposals.proposal_return(actor=noivu, proposal=returned, comment=(
            "Giấy chứng nhận sáng kiến chưa có xác nhận của Hội đồng sáng kiến cấp cơ sở; "
            "đề nghị bổ sung bản có chữ ký, đóng dấu."))
    if people["bo-chqs"]:
        sent = _new({"actor": truongkhoi, "unit": chqs, "year": year, "on": today,
                     "subject": f"Bộ Chỉ huy Quân sự tỉnh đề nghị Tập thể lao động xuất sắc năm {year}",
                     "nominees": [(chqs, "TTLDXS", achievement.format(y=year))]}, result)
        if sent is not None:
            _dossier(sent, truongkhoi)
            _submit(sent, truongkhoi, noivu, None)
