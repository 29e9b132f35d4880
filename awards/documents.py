"""The official documents of a proposal, in the layout of Decree 30 (blocs.officialdocs):
its submission (tờ trình, after Mẫu 01 of ND 152/2025) with the list of nominees, and, for
the council, the draft decision (Quyết định) with its annex of awardees and amounts, ready
for the number and the signature."""

from __future__ import annotations

import datetime
from collections import Counter

from django.utils import timezone
from django.utils.translation import gettext as _

from blocs.officialdocs import Heading, OfficialDocument, Paragraph, Signature, Table

from .models import Beneficiary, Nominee, NomineeOutcome, Proposal
from .rules import base_salary_on, reward_amount, title_rules
from .services.council import passed_nominee_ids

PARENT_BODY = "UBND TỈNH LAI CHÂU"
LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"


def _vnd(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}".replace(",", ".")


def _who(nominee: Nominee) -> tuple[str, str, str]:
    """(name, position, unit) as the lists print them."""
    if nominee.person_id:
        return nominee.person.full_name, nominee.person.position, nominee.person.unit.name
    if nominee.household_id:
        return str(nominee.household), nominee.household.address, nominee.household.commune.name
    return nominee.unit.name, "", ""


def _counts(nominees: list[Nominee]) -> str:
    people = sum(1 for n in nominees if n.person_id)
    parts = []
    if len(nominees) - people:
        parts.append(_("%(n)s tập thể") % {"n": len(nominees) - people})
    if people:
        parts.append(_("%(n)s cá nhân") % {"n": people})
    return _(" và ").join(parts)


def _nominees(proposal: Proposal, ids: set[int] | None = None) -> list[Nominee]:
    qs = proposal.nominees.select_related("person__unit", "unit", "household__commune", "title").order_by("position", "pk")
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return list(qs.exclude(outcome__in=[NomineeOutcome.CONSOLIDATED, NomineeOutcome.NOT_ACCEPTED]))


def _titles_phrase(nominees: list[Nominee]) -> str:
    return ", ".join(f"{name}" for name in Counter(n.title.name for n in nominees))


def submission_document(proposal: Proposal) -> OfficialDocument:
    """Tờ trình of the proposing unit (or of the bloc through its lead) with its nominees."""
    nominees = _nominees(proposal)
    unit = proposal.proposing_unit
    issuer = proposal.bloc.name if proposal.bloc_id else unit.name
    # "125/TTr-CAT": the symbol is what follows the number; without one, a blank "…/TTr".
    symbol = proposal.document_number.split("/", 1)[1] if "/" in proposal.document_number else "TTr"
    rows = []
    for i, nominee in enumerate(nominees, 1):
        name, position, unit_name = _who(nominee)
        rows.append([str(i), name, ", ".join(p for p in (position, unit_name) if p), nominee.title.name,
                     nominee.achievement])
    blocks = [
        Paragraph(LAW, italic=True),
        Paragraph(_("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;")
                  if proposal.rule_set.code.startswith("nd152") else
                  _("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"),
                  italic=True),
        Paragraph(_("Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng của %(u)s,") % {"u": issuer}, italic=True),
        Paragraph(_("%(u)s trình Chủ tịch UBND tỉnh (qua Sở Nội vụ) xem xét, khen thưởng %(c)s có thành tích năm %(y)s, cụ thể: %(t)s (có danh sách và báo cáo thành tích kèm theo).")
                  % {"u": issuer, "c": _counts(nominees), "y": proposal.year, "t": _titles_phrase(nominees)}),
        Heading(_("Danh sách đề nghị khen thưởng"), level=2),
        Table([_("TT"), _("Tập thể, cá nhân"), _("Chức vụ, đơn vị"), _("Hình thức đề nghị"), _("Tóm tắt thành tích")],
              rows, widths=[1, 5, 5, 4, 8]),
        Paragraph(_("Kính trình Chủ tịch UBND tỉnh xem xét, quyết định./.")),
    ]
    return OfficialDocument(
        parent_body=PARENT_BODY, issuing_body=issuer.upper(), number=proposal.document_number,
        symbol=symbol, place="Lai Châu",
        date=(timezone.localtime(proposal.submitted_at).date() if proposal.submitted_at else None),
        type_name=_("Tờ trình"), subject=proposal.subject, blocks=blocks,
        recipients=[_("Sở Nội vụ (Ban Thi đua - Khen thưởng)"), _("Lưu: VT")],
        signature=Signature(post=_("Thủ trưởng đơn vị") if not proposal.bloc_id else _("Trưởng khối"),
                            prefix="TM." if proposal.bloc_id else "", on_behalf_of=issuer),
    )


def draft_decision_document(proposal: Proposal, on: datetime.date | None = None) -> OfficialDocument:
    """The Chủ tịch's decision for the nominees who passed the council (amounts at the base
    salary of *on*, today by default); number and date left to fill at signing."""
    on = on or timezone.localdate()
    nominees = _nominees(proposal, passed_nominee_ids(proposal))
    rules = {r.title_id: r for r in title_rules(proposal.rule_set).values()}
    salary = base_salary_on(on)
    rows, total = [], 0
    for i, nominee in enumerate(nominees, 1):
        rule = rules.get(nominee.title_id)
        beneficiary = Beneficiary.INDIVIDUAL if nominee.person_id else (
            Beneficiary.HOUSEHOLD if nominee.household_id else Beneficiary.COLLECTIVE)
        amount = reward_amount(rule=rule, rule_set=proposal.rule_set, beneficiary=beneficiary, base_salary=salary) \
            if rule is not None else None
        total += amount or 0
        name, position, unit = _who(nominee)
        rows.append([str(i), name, ", ".join(p for p in (position, unit) if p), nominee.title.name, _vnd(amount)])
    rows.append(["", _("Tổng cộng"), "", "", _vnd(total)])
    titles = _titles_phrase(nominees)
    blocks = [
        Paragraph(_("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"), bold=True, center=True),
        Paragraph(_("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"), italic=True),
        Paragraph(LAW, italic=True),
        Paragraph(_("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;"), italic=True),
        Paragraph(_("Theo đề nghị của %(u)s và của Giám đốc Sở Nội vụ.") % {"u": proposal.proposing_unit.name}, italic=True),
        Paragraph(_("QUYẾT ĐỊNH:"), bold=True, center=True),
        Paragraph(_("Điều 1. Tặng %(t)s cho %(c)s đã có thành tích năm %(y)s (có danh sách kèm theo).")
                  % {"t": titles, "c": _counts(nominees), "y": proposal.year}),
        Paragraph(_("Điều 2. Tiền thưởng kèm theo mỗi danh hiệu, hình thức khen thưởng thực hiện theo quy định hiện hành, mức lương cơ sở %(s)s đồng, tổng cộng %(t)s đồng.")
                  % {"s": _vnd(salary), "t": _vnd(total)}),
        Paragraph(_("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")),
        Heading(_("Danh sách khen thưởng (kèm theo Quyết định)"), level=2),
        Table([_("TT"), _("Tập thể, cá nhân"), _("Chức vụ, đơn vị"), _("Danh hiệu, hình thức"), _("Tiền thưởng (đồng)")],
              rows, widths=[1, 6, 6, 5, 3], numeric={4}),
    ]
    return OfficialDocument(
        parent_body=PARENT_BODY, issuing_body=_("Ủy ban nhân dân tỉnh Lai Châu"), number="", symbol="QĐ-UBND",
        place="Lai Châu", date=None, type_name=_("Quyết định"),
        subject=_("Về việc tặng %(t)s năm %(y)s") % {"t": titles, "y": proposal.year}, blocks=blocks,
        recipients=[_("Như Điều 3"), _("Chủ tịch, các PCT UBND tỉnh"), _("Lưu: VT, TĐKT")],
        signature=Signature(post=_("Chủ tịch"), prefix="KT.", signer_post=_("Phó Chủ tịch")),
    )
