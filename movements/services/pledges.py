"""Business actions on a bloc's pledge, with its criteria and signatories. Views, the demo
loader and tests call these; the work plan and budget are in ``budgets``.

A signed pledge's text, groups and criteria cannot change (members are scored on them at the
year-end review). Only interior staff (or an admin) reopen it, with a reason kept in the audit.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from blocs.audit import audit_record
from blocs.models import Bloc, User
from blocs.services import bloc_year_get_or_create
from blocs.uploads import validate_pdf

from ..models import Criterion, CriterionGroup, Pledge, PledgeSignatory, TieRule
from ..selectors_pledges import previous_pledge
from .common import (
    check_meeting_date,
    check_member,
    next_position,
    required,
    save_checked,
    save_moved,
)

# --- Pledges -----------------------------------------------------------------------------

# Set by the service, never typed; None when the demo or a command acts with no user.
SYSTEM_SET = ("created_by",)


def _locked_pledge(pledge: Pledge) -> Pledge:
    """The pledge read again under a row lock, refused when signed."""
    pledge = Pledge.objects.select_for_update().select_related("bloc").get(pk=pledge.pk)
    if pledge.is_signed:
        raise ValidationError(
            _(
                "Giao ước đã ký kết ngày %(d)s: không thể thêm, sửa hoặc xóa nội dung và tiêu chí. "
                "Nếu cần sửa, đề nghị Sở Nội vụ mở lại giao ước."
            )
            % {"d": pledge.signed_on.strftime("%d/%m/%Y")}
        )
    return pledge


@transaction.atomic
def pledge_create(*, actor: User | None, bloc: Bloc, year: int, text: str = "",
                  tie_rule: str = TieRule.SHARED) -> Pledge:
    """Start the bloc's pledge for *year* (one per bloc and year)."""
    bloc_year_get_or_create(bloc=bloc, year=year)  # refuses a year the bloc did not exist
    pledge = Pledge(bloc=bloc, year=year, text=text, tie_rule=tie_rule, created_by=actor)
    save_checked(pledge, exclude=SYSTEM_SET)
    audit_record(actor=actor, action="movements.pledge.created", obj=pledge, to_state="draft")
    return pledge


@transaction.atomic
def pledge_update(*, actor: User, pledge: Pledge, text: str, tie_rule: str | None = None) -> Pledge:
    pledge = _locked_pledge(pledge)
    pledge.text = text
    if tie_rule is not None:
        pledge.tie_rule = tie_rule
    save_checked(pledge, exclude=SYSTEM_SET)
    audit_record(actor=actor, action="movements.pledge.updated", obj=pledge)
    return pledge


@transaction.atomic
def pledge_copy_previous(
    *, actor: User | None, bloc: Bloc, year: int, copy_text: bool = False
) -> Pledge:
    """Copy the groups and criteria (and, if asked, the text) of the bloc's latest earlier
    pledge into its pledge for *year*, creating that pledge when missing. Signatories are
    not copied: members and their representatives change from year to year."""
    source = previous_pledge(bloc, year)
    if source is None:
        raise ValidationError(_("Khối chưa có giao ước năm trước có tiêu chí để sao chép."))
    pledge = Pledge.objects.filter(bloc=bloc, year=year).first()
    if pledge is None:
        pledge = pledge_create(actor=actor, bloc=bloc, year=year)
    pledge = _locked_pledge(pledge)
    if pledge.groups.exists():
        raise ValidationError(
            _("Giao ước năm %(y)s đã có tiêu chí: chỉ sao chép vào giao ước chưa có tiêu chí.")
            % {"y": year}
        )
    # The tie rule goes with the scoring table it orders.
    pledge.tie_rule = source.tie_rule
    if copy_text:
        pledge.text = source.text
    pledge.save(update_fields=["text", "tie_rule"])
    criteria = 0
    for group in source.groups.prefetch_related("criteria"):
        copy = CriterionGroup.objects.create(
            pledge=pledge, position=group.position, name=group.name
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=copy,
                position=c.position,
                text=c.text,
                max_points=c.max_points,
                kind=c.kind,
                measure=c.measure,
            )
            for c in group.criteria.all()
        )
        criteria += len(group.criteria.all())
    audit_record(
        actor=actor,
        action="movements.pledge.copied",
        obj=pledge,
        data={"from": source.pk, "from_year": source.year, "criteria": criteria, "text": copy_text},
    )
    return pledge


@transaction.atomic
def pledge_sign(
    *,
    actor: User | None,
    pledge: Pledge,
    signed_on: datetime.date,
    meeting: str,
    signed_file: UploadedFile | None = None,
) -> Pledge:
    """Record the signing; from now on the criteria are locked."""
    pledge = _locked_pledge(pledge)
    if not Criterion.objects.filter(group__pledge=pledge).exists():
        raise ValidationError(
            _("Giao ước chưa có tiêu chí nào: hãy lập bảng tiêu chí trước khi ký kết.")
        )
    meeting = required(meeting, "signing_meeting", _("Hãy ghi hội nghị ký kết."))
    check_meeting_date(signed_on, pledge.year, "signed_on")
    if signed_file is not None:
        validate_pdf(signed_file)
        pledge.signed_file = signed_file
    pledge.signed_on, pledge.signing_meeting = signed_on, meeting
    save_checked(pledge, exclude=SYSTEM_SET)
    audit_record(
        actor=actor,
        action="movements.pledge.signed",
        obj=pledge,
        from_state="draft",
        to_state="signed",
        data={"signed_on": signed_on.isoformat(), "meeting": meeting, "file": bool(signed_file)},
    )
    return pledge


@transaction.atomic
def pledge_attach_file(*, actor: User, pledge: Pledge, signed_file: UploadedFile) -> Pledge:
    """Attach (or replace) the scanned signed pledge; allowed before and after signing."""
    validate_pdf(signed_file)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    replaced = bool(pledge.signed_file)
    pledge.signed_file = signed_file
    pledge.save(update_fields=["signed_file"])
    audit_record(
        actor=actor,
        action="movements.pledge.file_attached",
        obj=pledge,
        data={"replaced": replaced},
    )
    return pledge


@transaction.atomic
def pledge_reopen(*, actor: User, pledge: Pledge, reason: str) -> Pledge:
    """Interior staff reopen a signed pledge so that its criteria can be corrected."""
    if not actor.manages_province:
        raise ValidationError(_("Chỉ cán bộ Sở Nội vụ mới được mở lại giao ước đã ký kết."))
    reason = required(reason, "reason", _("Hãy ghi lý do mở lại."))
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not pledge.is_signed:
        raise ValidationError(_("Giao ước chưa ký kết nên không cần mở lại."))
    signed_on = pledge.signed_on
    pledge.signed_on = None
    pledge.save(update_fields=["signed_on"])
    audit_record(
        actor=actor,
        action="movements.pledge.reopened",
        obj=pledge,
        from_state="signed",
        to_state="draft",
        data={"reason": reason, "signed_on": signed_on.isoformat()},
    )
    return pledge


# --- Criteria ----------------------------------------------------------------------------


@transaction.atomic
def criterion_group_save(*, actor: User | None, group: CriterionGroup) -> CriterionGroup:
    """Add a group (at the end) or rename / move one of an unsigned pledge."""
    _locked_pledge(group.pledge)
    siblings = CriterionGroup.objects.filter(pledge_id=group.pledge_id)
    if group.pk is None:
        group.position = next_position(siblings)
        save_checked(group)
        action = "movements.criterion_group.created"
    else:
        save_moved(group, siblings, siblings.get(pk=group.pk).position)
        action = "movements.criterion_group.updated"
    audit_record(actor=actor, action=action, obj=group, data={"pledge": group.pledge_id})
    return group


@transaction.atomic
def criterion_group_delete(*, actor: User, group: CriterionGroup) -> None:
    """Remove a group with its criteria."""
    _locked_pledge(group.pledge)
    count = group.criteria.count()
    audit_record(
        actor=actor,
        action="movements.criterion_group.deleted",
        obj=group,
        data={"pledge": group.pledge_id, "criteria": count},
    )
    group.delete()


@transaction.atomic
def criterion_save(*, actor: User | None, criterion: Criterion) -> Criterion:
    """Add a criterion at the end of its group, or change one, while the pledge is unsigned."""
    _locked_pledge(criterion.group.pledge)
    siblings = Criterion.objects.filter(group_id=criterion.group_id)
    if criterion.pk is None:
        criterion.position = next_position(siblings)
        save_checked(criterion)
        action = "movements.criterion.created"
    else:
        save_moved(criterion, siblings, siblings.get(pk=criterion.pk).position)
        action = "movements.criterion.updated"
    audit_record(
        actor=actor,
        action=action,
        obj=criterion,
        data={
            "group": criterion.group_id,
            "max_points": str(criterion.max_points),
            "kind": criterion.kind,
        },
    )
    return criterion


@transaction.atomic
def criterion_delete(*, actor: User, criterion: Criterion) -> None:
    _locked_pledge(criterion.group.pledge)
    audit_record(
        actor=actor,
        action="movements.criterion.deleted",
        obj=criterion,
        data={"group": criterion.group_id},
    )
    criterion.delete()


# --- Signatories -------------------------------------------------------------------------


@transaction.atomic
def signatory_save(*, actor: User | None, signatory: PledgeSignatory) -> PledgeSignatory:
    """Record who signs (or signed) for a member unit. Not locked by signing: names are
    often written down after the conference."""
    pledge = signatory.pledge
    check_member(pledge.bloc, pledge.year, signatory.unit if signatory.unit_id else None, "unit")
    created = signatory.pk is None
    save_checked(signatory)
    audit_record(
        actor=actor,
        action="movements.signatory.created" if created else "movements.signatory.updated",
        obj=signatory,
        data={"pledge": pledge.pk, "unit": signatory.unit_id},
    )
    return signatory


@transaction.atomic
def signatory_delete(*, actor: User, signatory: PledgeSignatory) -> None:
    audit_record(
        actor=actor,
        action="movements.signatory.deleted",
        obj=signatory,
        data={"pledge": signatory.pledge_id, "unit": signatory.unit_id},
    )
    signatory.delete()
