"""The vote for next year's lead and deputy at a bloc's year-end review (suy tôn). The
winner needs more than half of the voting units; the result becomes next year's
membership with "voted at the year-end review" as its source."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from blocs import services as blocs_services
from blocs.audit import audit_record
from blocs.models import BlocYear, LeadSource, MemberRole, Membership, Unit, User

from ..models import LeadCandidate, LeadElection, Meeting, MeetingKind


def winner_of(tallies: dict[Unit, int], voters: int) -> Unit | None:
    """The unit with the most votes, if it has more than half of *voters* and no tie."""
    if not tallies:
        return None
    ordered = sorted(tallies.items(), key=lambda item: -item[1])
    unit, votes = ordered[0]
    if len(ordered) > 1 and ordered[1][1] == votes:
        return None
    return unit if votes * 2 > voters else None


@transaction.atomic
def election_record(*, actor: User | None, meeting: Meeting, role: str, tallies: dict[Unit, int], voters: int,
                    method: str = "bo_phieu") -> LeadElection:
    """Record the tally for *role* (lead or deputy) of next year and, when a unit wins,
    write it into next year's roster of the bloc."""
    if meeting.kind != MeetingKind.YEAR_END or meeting.bloc_id is None:
        raise ValidationError(_("Chỉ suy tôn trưởng, phó khối tại hội nghị tổng kết năm của khối, cụm."))
    if role not in (MemberRole.LEAD, MemberRole.DEPUTY):
        raise ValidationError(_("Chỉ suy tôn trưởng khối hoặc phó khối."))
    if voters < 1:
        raise ValidationError(_("Số đơn vị biểu quyết phải lớn hơn 0."))
    members = set(Membership.objects.filter(bloc_year__bloc_id=meeting.bloc_id, bloc_year__year=meeting.year)
                  .values_list("unit_id", flat=True))
    if voters > len(members):
        raise ValidationError(_("Số đơn vị biểu quyết (%(v)s) vượt số thành viên của khối (%(m)s).")
                              % {"v": voters, "m": len(members)})
    for unit, votes in tallies.items():
        if unit.pk not in members:
            raise ValidationError(_("%(u)s không là thành viên khối năm %(y)s.") % {"u": unit, "y": meeting.year})
        if votes > voters:
            raise ValidationError(_("%(u)s: số phiếu (%(n)s) vượt số đơn vị biểu quyết.") % {"u": unit, "n": votes})
    if sum(tallies.values()) > voters and method == "bo_phieu" and role == MemberRole.LEAD:
        raise ValidationError(_("Tổng số phiếu vượt số đơn vị biểu quyết (mỗi đơn vị một phiếu)."))
    if LeadElection.objects.filter(meeting=meeting, role=role).exists():
        raise ValidationError(_("Đã ghi kết quả suy tôn cho vai trò này tại hội nghị."))
    winner = winner_of(tallies, voters)
    election = LeadElection(meeting=meeting, role=role, for_year=meeting.year + 1, method=method, voters=voters,
                            winner=winner, recorded_by=actor)
    election.full_clean(exclude=("recorded_by",))
    election.save()
    LeadCandidate.objects.bulk_create([LeadCandidate(election=election, unit=u, votes=v) for u, v in tallies.items()])
    if winner is not None:
        _write_roster(actor, meeting, role, winner)
    audit_record(actor=actor, action="meetings.election.recorded", obj=meeting,
                 data={"role": role, "winner": winner.pk if winner else None, "voters": voters})
    return election


def _write_roster(actor, meeting: Meeting, role: str, winner: Unit) -> None:
    year = meeting.year + 1
    note = _("Suy tôn tại %(m)s ngày %(d)s") % {"m": meeting.title, "d": f"{meeting.held_on:%d/%m/%Y}"}
    bloc_year = BlocYear.objects.filter(bloc_id=meeting.bloc_id, year=year).first()
    membership = bloc_year.memberships.filter(unit=winner).first() if bloc_year else None
    if membership is None:
        # Added as a member first: taking the role then hands it over from any lead already
        # entered for next year (say, copied from this year's roster).
        membership = blocs_services.membership_add(actor=actor, bloc=meeting.bloc, year=year, unit=winner)
    blocs_services.membership_set_role(actor=actor, membership=membership, role=role,
                                       lead_source=LeadSource.VOTED, source_note=note[:255])
