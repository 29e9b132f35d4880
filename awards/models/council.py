"""Public notice with objections, and the provincial council's sessions and votes."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocs.models import User, ordered_period, year_field

from .proposals import Nominee, Proposal


class PublicNotice(models.Model):
    """Công khai: the proposed awardees are shown for a number of working days before the vote."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="notices")
    starts_on = models.DateField(_("công khai từ ngày"))
    ends_on = models.DateField(_("đến hết ngày"))
    channel = models.CharField(_("hình thức công khai"), max_length=200, blank=True)
    published_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt công khai")
        verbose_name_plural = _("đợt công khai")
        ordering = ["-starts_on", "pk"]
        constraints = [
            ordered_period("starts_on", "ends_on", name="notice_period_ordered", message=_("Ngày kết thúc phải sau ngày bắt đầu.")),
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


class ObjectionStatus(models.TextChoices):
    OPEN = "moi", _("Chưa giải quyết")
    RESOLVED = "da_xu_ly", _("Đã giải quyết")


class Objection(models.Model):
    """An objection received during a notice; staff resolve each with a note before the vote."""

    notice = models.ForeignKey(PublicNotice, on_delete=models.CASCADE, related_name="objections")
    nominee = models.ForeignKey(
        Nominee, verbose_name=_("về"), on_delete=models.SET_NULL, null=True, blank=True, related_name="objections"
    )
    sender_name = models.CharField(_("họ tên người gửi"), max_length=120)
    sender_contact = models.CharField(_("địa chỉ liên hệ"), max_length=200)
    text = models.TextField(_("nội dung"))
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN)
    resolution = models.TextField(_("kết quả giải quyết"), blank=True)
    resolved_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến phản ánh")
        verbose_name_plural = _("ý kiến phản ánh")
        ordering = ["-submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="moi") | ~Q(resolution=""),
                name="objection_resolved_has_note",
                violation_error_message=_("Cần ghi kết quả giải quyết."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender_name}: {self.text[:40]}"


class CouncilSession(models.Model):
    """A session of the provincial emulation and commendation council (Hội đồng TĐKT tỉnh)."""

    year = year_field(verbose_name=_("năm"))
    held_on = models.DateField(_("ngày họp"))
    members_total = models.PositiveSmallIntegerField(_("tổng số thành viên Hội đồng"))
    members_present = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    written_opinions = models.PositiveSmallIntegerField(_("số thành viên vắng có ý kiến bằng văn bản"), default=0)
    chair = models.CharField(_("chủ trì"), max_length=160)
    note = models.TextField(_("ghi chú"), blank=True)
    minutes = models.FileField(_("biên bản"), upload_to="council/%Y/", blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("phiên họp Hội đồng TĐKT")
        verbose_name_plural = _("phiên họp Hội đồng TĐKT")
        ordering = ["-held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(members_present__lte=models.F("members_total"))
                & Q(written_opinions__lte=models.F("members_total") - models.F("members_present")),
                name="council_session_counts_consistent",
                violation_error_message=_("Số có mặt và số ý kiến bằng văn bản không được vượt tổng số thành viên."),
            ),
        ]

    def __str__(self) -> str:
        return _("Phiên họp Hội đồng ngày %(day)s") % {"day": f"{self.held_on:%d/%m/%Y}"}


class CouncilVote(models.Model):
    """The tally for one nominee; thresholds count all members, not those present (ND 98 Đ30.7)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="votes")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="votes")
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)
    passed = models.BooleanField(_("đạt"))

    class Meta:
        verbose_name = _("kết quả biểu quyết")
        verbose_name_plural = _("kết quả biểu quyết")
        ordering = ["session", "nominee"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nominee"],
                name="council_vote_once_per_nominee",
                violation_error_message=_("Đã ghi kết quả biểu quyết cho người này tại phiên họp."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee}: {self.votes_for}"
