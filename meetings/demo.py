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

from decimal import Decimal

from awards.demo_facts import RANKINGS
from awards.demo_facts import _score as ranking_score
from awards.models import BlocRanking
from blocs import demo_data as org
from blocs.demo import DemoResult, register_loader
from blocs.models import Bloc, BlocYear, LeadSource, Membership, Person, Unit, User
from blocs.text import nfc
from movements.models import CriterionKind, Pledge

from .demo_data import LEAD, MEETINGS, REPORTS, D, U
from .models import (
    LeadElection,
    Meeting,
    ReportPeriod,
    ReviewReport,
)
from .services import meetings as meeting_svc
from .services import outcomes, reports, scoring, votes

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
