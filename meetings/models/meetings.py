"""A meeting of a bloc or cluster, or of the province: who hosts and chairs it, which units
attend and whom they send, its agenda, minutes, conclusions and attached documents."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blocs.models import Bloc, Person, Unit, User, year_field


class MeetingKind(models.TextChoices):
    LAUNCH = "phat_dong", _("Hội nghị phát động thi đua")
    PLEDGE_SIGNING = "ky_ket", _("Hội nghị ký kết giao ước thi đua")
    SIX_MONTH = "so_ket", _("Hội nghị sơ kết 6 tháng")
    YEAR_END = "tong_ket", _("Hội nghị tổng kết năm")
    STEERING = "ban_chi_dao", _("Họp Ban chỉ đạo")
    CONGRESS = "dai_hoi", _("Đại hội thi đua yêu nước")
    OTHER = "khac", _("Hội nghị, cuộc họp khác")


class Meeting(models.Model):
    """A conference. ``bloc`` empty means a meeting of the province (Sở Nội vụ's)."""

    kind = models.CharField(_("loại hội nghị"), max_length=12, choices=MeetingKind.choices)
    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    year = year_field(verbose_name=_("năm công tác"))
    title = models.CharField(_("tên hội nghị"), max_length=300)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=300)
    host_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đăng cai"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chair = models.CharField(_("chủ trì"), max_length=200, blank=True)
    agenda = models.TextField(_("chương trình"), blank=True)
    minutes = models.TextField(_("diễn biến (biên bản)"), blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    decisions_taken = models.TextField(_("các nội dung thống nhất"), blank=True)
    minutes_file = models.FileField(_("biên bản đã ký (PDF)"), upload_to="meetings/%Y/", blank=True)
    congress = models.ForeignKey(
        "meetings.Congress", verbose_name=_("thuộc đại hội thi đua"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="meetings",
    )
    created_by = models.ForeignKey(User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["bloc", "year"]), models.Index(fields=["year", "kind"])]
        constraints = [
            # A bloc holds one year-end review and one six-month review for a year.
            models.UniqueConstraint(
                fields=["bloc", "year", "kind"],
                condition=Q(kind__in=["so_ket", "tong_ket"]) & Q(bloc__isnull=False),
                name="meeting_one_review_per_bloc_year",
                violation_error_message=_("Khối đã có hội nghị này trong năm."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def is_year_end(self) -> bool:
        return self.kind == MeetingKind.YEAR_END

    @property
    def organiser(self) -> str:
        return str(self.bloc) if self.bloc_id else str(_("Cấp tỉnh"))


class MeetingAttendance(models.Model):
    """A unit invited to the meeting; the unit confirms who attends."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="attendances")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(User, verbose_name=_("người xác nhận"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    absent_reason = models.CharField(_("lý do vắng"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("đơn vị dự họp")
        verbose_name_plural = _("đơn vị dự họp")
        ordering = ["meeting", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "unit"],
                name="meeting_attendance_once",
                violation_error_message=_("Đơn vị đã có trong danh sách dự họp."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.unit}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Delegate(models.Model):
    """A person a unit sends (a person of the register, or a guest typed by name)."""

    attendance = models.ForeignKey(MeetingAttendance, verbose_name=_("đơn vị dự họp"), on_delete=models.CASCADE, related_name="delegates")
    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        ordering = ["attendance", "pk"]

    def __str__(self) -> str:
        return self.full_name


class MeetingDocument(models.Model):
    """A file of the meeting (report, speech, photo of the signed minutes...)."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tên tài liệu"), max_length=300)
    file = models.FileField(_("tệp"), upload_to="meetings/%Y/")
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(User, verbose_name=_("người tải lên"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hội nghị")
        verbose_name_plural = _("tài liệu hội nghị")
        ordering = ["meeting", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title
