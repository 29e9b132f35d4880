"""The vote for next year's lead and deputy (suy tôn) at a bloc's year-end review."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocs.models import MemberRole, Unit, User, year_field

from .meetings import Meeting


class VoteMethod(models.TextChoices):
    BALLOT = "bo_phieu", _("Bỏ phiếu kín")
    SHOW_OF_HANDS = "gio_tay", _("Biểu quyết giơ tay")
    ACCLAMATION = "suy_ton", _("Suy tôn (nhất trí)")


class LeadElection(models.Model):
    """The vote for one role (lead or deputy) of the bloc for ``for_year``."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="elections")
    role = models.CharField(
        _("vai trò"), max_length=12, choices=[(MemberRole.LEAD, MemberRole.LEAD.label), (MemberRole.DEPUTY, MemberRole.DEPUTY.label)]
    )
    for_year = year_field(verbose_name=_("cho năm"))
    method = models.CharField(_("hình thức"), max_length=10, choices=VoteMethod.choices, default=VoteMethod.BALLOT)
    voters = models.PositiveSmallIntegerField(_("số đơn vị biểu quyết"))
    winner = models.ForeignKey(
        Unit, verbose_name=_("đơn vị được suy tôn"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(User, verbose_name=_("người ghi"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả suy tôn")
        verbose_name_plural = _("kết quả suy tôn")
        ordering = ["meeting", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "role"],
                name="lead_election_once_per_role",
                violation_error_message=_("Đã ghi kết quả suy tôn cho vai trò này tại hội nghị."),
            ),
            models.CheckConstraint(condition=Q(voters__gte=1), name="lead_election_has_voters"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_role_display()} {self.for_year}"


class LeadCandidate(models.Model):
    election = models.ForeignKey(LeadElection, verbose_name=_("lượt suy tôn"), on_delete=models.CASCADE, related_name="candidates")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveSmallIntegerField(_("số phiếu"))

    class Meta:
        verbose_name = _("ứng viên")
        verbose_name_plural = _("ứng viên")
        ordering = ["election", "-votes", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["election", "unit"], name="lead_candidate_once")]

    def __str__(self) -> str:
        return f"{self.unit}: {self.votes}"
