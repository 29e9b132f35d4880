"""A meeting's minutes (biên bản) as an official document (Decree 30 layout, through
blocs.officialdocs): when and where, who chaired and who attended, the agenda and the
proceedings, the ranking and the ballot tally of a year-end review, the conclusions."""

from __future__ import annotations

from django.utils.translation import gettext as _

from blocs.officialdocs import Heading, OfficialDocument, Paragraph, Signature, Table
from movements.selectors_pledges import points_label

from .models import LeadCandidate, Meeting, MeetingKind
from .services.reports import paragraphs
from .services.scoring import ranking


def minutes_document(meeting: Meeting) -> OfficialDocument:
    attendances = list(meeting.attendances.select_related("unit").prefetch_related("delegates").order_by("unit__name"))
    present = [a for a in attendances if a.is_confirmed and not a.absent_reason]
    blocks: list = [
        Paragraph(_("Thời gian: ngày %(d)s.") % {"d": f"{meeting.held_on:%d/%m/%Y}"}),
        Paragraph(_("Địa điểm: %(p)s.") % {"p": meeting.place}),
    ]
    if meeting.chair:
        blocks.append(Paragraph(_("Chủ trì: %(c)s.") % {"c": meeting.chair}))
    blocks.append(Heading(_("I. Thành phần tham dự")))
    blocks.append(Paragraph(_("%(p)s/%(n)s đơn vị được mời có mặt.") % {"p": len(present), "n": len(attendances)}))
    if attendances:
        blocks.append(Table(
            [_("TT"), _("Đơn vị"), _("Đại biểu")],
            [[str(i), a.unit.name,
              "; ".join(f"{d.full_name}{', ' + d.position if d.position else ''}" for d in a.delegates.all())
              or (_("Vắng: %(r)s") % {"r": a.absent_reason} if a.absent_reason else _("Chưa xác nhận"))]
             for i, a in enumerate(attendances, 1)],
            widths=[1, 6, 9]))
    if meeting.agenda:
        blocks += [Heading(_("II. Nội dung")), *paragraphs(meeting.agenda)]
    if meeting.minutes:
        blocks += [Heading(_("III. Diễn biến hội nghị")), *paragraphs(meeting.minutes)]
    if meeting.kind == MeetingKind.YEAR_END and meeting.bloc_id:
        rows = [r for r in ranking(meeting) if r.complete]
        if rows:
            blocks.append(Heading(_("Kết quả chấm điểm, xếp hạng"), level=2))
            blocks.append(Table([_("Xếp hạng"), _("Đơn vị"), _("Tổng điểm")],
                                [[str(r.rank), r.unit.name, points_label(r.total)] for r in rows],
                                widths=[2, 10, 3], numeric={2}))
        candidates = list(LeadCandidate.objects.filter(election__meeting=meeting)
                          .select_related("unit", "election__winner").order_by("election__role", "-votes"))
        for role in {c.election.role: c.election for c in candidates}.values():
            mine = [c for c in candidates if c.election_id == role.pk]
            blocks.append(Heading(_("Kết quả suy tôn %(r)s năm %(y)s (%(m)s)") % {
                "r": role.get_role_display().lower(), "y": role.for_year, "m": role.get_method_display().lower()},
                level=2))
            blocks.append(Table([_("Đơn vị"), _("Số phiếu"), _("Tỷ lệ")],
                                [[c.unit.name, f"{c.votes}/{role.voters}", f"{100 * c.votes / role.voters:.1f}%".replace(".", ",")]
                                 for c in mine], widths=[10, 3, 3], numeric={1, 2}))
            blocks.append(Paragraph(_("Kết quả: %(u)s được suy tôn.") % {"u": role.winner.name} if role.winner
                                    else _("Kết quả: không đơn vị nào đạt quá nửa số phiếu.")))
    if meeting.conclusions:
        blocks += [Heading(_("IV. Kết luận")), *paragraphs(meeting.conclusions)]
    if meeting.decisions_taken:
        blocks += [Heading(_("V. Các nội dung thống nhất")), *paragraphs(meeting.decisions_taken)]
    blocks.append(Paragraph(_("Biên bản được thông qua tại hội nghị./.")))
    issuer = meeting.bloc.name if meeting.bloc_id else _("Sở Nội vụ")
    return OfficialDocument(
        parent_body="UBND TỈNH LAI CHÂU", issuing_body=issuer.upper(), number="", symbol="BB",
        place="Lai Châu", date=meeting.held_on, type_name=_("Biên bản"), subject=meeting.title, blocks=blocks,
        signature=Signature(post=_("Chủ trì hội nghị"), name=meeting.chair.split(",")[0] if meeting.chair else ""),
    )
