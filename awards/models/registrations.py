"""Yearly registrations (đăng ký thi đua): the first step of the award pipeline."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blocs.models import Bloc, Person, Unit, User, year_field
from movements.models import Movement

from .catalogue import Title


class RegistrationRound(models.Model):
    """Interior staff open the registrations of a year, with a deadline."""

    year = year_field(verbose_name=_("năm"), unique=True)
    opens_on = models.DateField(_("mở từ ngày"))
    deadline = models.DateField(_("hạn đơn vị nộp"))
    bloc_deadline = models.DateField(
        _("hạn khối gửi bảng tổng hợp"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu cùng hạn với đơn vị."),
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("phong trào"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registration_rounds",
    )
    note = models.TextField(_("hướng dẫn"), blank=True)
    opened_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("đợt đăng ký thi đua")
        verbose_name_plural = _("đợt đăng ký thi đua")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="registration_round_deadline_after_opening",
                violation_error_message=_("Hạn nộp phải sau ngày mở đăng ký."),
            ),
            models.CheckConstraint(
                condition=Q(bloc_deadline__isnull=True) | Q(bloc_deadline__gte=models.F("deadline")),
                name="registration_round_bloc_deadline_after_deadline",
                violation_error_message=_("Hạn khối gửi bảng tổng hợp phải sau hạn đơn vị nộp."),
            ),
        ]

    def __str__(self) -> str:
        return _("Đăng ký thi đua năm %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("awards:round_detail", args=[self.year])

    @property
    def consolidation_deadline(self) -> datetime.date:
        return self.bloc_deadline or self.deadline

    def is_late(self, moment: datetime.datetime, *, consolidated: bool = False) -> bool:
        """Whether *moment* falls after the deadline, on the calendar of Asia/Ho_Chi_Minh."""
        deadline = self.consolidation_deadline if consolidated else self.deadline
        return timezone.localtime(moment).date() > deadline


class RegistrationStatus(models.TextChoices):
    DRAFT = "nhap", _("Đang soạn")
    SUBMITTED = "da_gui", _("Đã gửi, chờ xem xét")
    RETURNED = "tra_lai", _("Bị trả lại")
    ACCEPTED = "da_nhan", _("Đã tiếp nhận")


class Registration(models.Model):
    """A unit's registration for a year: titles it aims for, its people's, its pledge."""

    round = models.ForeignKey(RegistrationRound, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="registrations")
    bloc = models.ForeignKey(
        Bloc,
        verbose_name=_("khối tiếp nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        help_text=_("Khối cấp tỉnh của đơn vị trong năm; để trống thì nộp thẳng Sở Nội vụ."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=RegistrationStatus.choices, default=RegistrationStatus.DRAFT
    )
    pledge_text = models.TextField(_("nội dung đăng ký, chỉ tiêu phấn đấu"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Lateness is judged on the first submission: a registration returned for corrections
    # and sent again after the deadline was still filed in time.
    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    return_comment = models.TextField(_("lý do trả lại"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["round", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit"],
                name="registration_one_per_unit_year",
                violation_error_message=_("Đơn vị đã có bản đăng ký thi đua năm này."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["nhap", "tra_lai"]) | Q(submitted_at__isnull=False),
                name="registration_sent_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="tra_lai") | ~Q(return_comment=""),
                name="registration_returned_has_comment",
            ),
        ]

    def __str__(self) -> str:
        return _("Đăng ký thi đua %(unit)s năm %(year)s") % {"unit": self.unit, "year": self.round.year}

    def get_absolute_url(self) -> str:
        return reverse("awards:registration_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED)


class RegistrationEntry(models.Model):
    """One title or form registered: for the unit itself (no person) or for one person."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu/hình thức"), on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.PROTECT, null=True, blank=True, related_name="registrations"
    )

    class Meta:
        verbose_name = _("nội dung đăng ký")
        verbose_name_plural = _("nội dung đăng ký")
        ordering = ["registration", "title__position", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "title", "person"],
                name="registration_entry_unique",
                violation_error_message=_("Nội dung này đã có trong bản đăng ký."),
            ),
            models.UniqueConstraint(
                fields=["registration", "title"],
                condition=Q(person__isnull=True),
                name="registration_entry_collective_once",
                violation_error_message=_("Tập thể đã đăng ký danh hiệu/hình thức này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.person or self.registration.unit}"


class BlocRegistrationStatus(models.TextChoices):
    DRAFT = "nhap", _("Đang tổng hợp")
    SUBMITTED = "da_gui", _("Đã gửi Sở Nội vụ")
    ACKNOWLEDGED = "da_nhan", _("Sở Nội vụ đã tiếp nhận")


class BlocRegistration(models.Model):
    """The bloc lead's consolidated registration (bảng tổng hợp đăng ký) sent to Sở Nội vụ."""

    round = models.ForeignKey(RegistrationRound, on_delete=models.PROTECT, related_name="bloc_registrations")
    bloc = models.ForeignKey(Bloc, on_delete=models.PROTECT, related_name="bloc_registrations")
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=BlocRegistrationStatus.choices, default=BlocRegistrationStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    comment = models.TextField(_("ghi chú"), blank=True)
    missing_units = models.ManyToManyField(
        Unit,
        verbose_name=_("đơn vị chưa có đăng ký được tiếp nhận khi gửi"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bảng tổng hợp đăng ký của khối")
        verbose_name_plural = _("bảng tổng hợp đăng ký của khối")
        ordering = ["round", "bloc__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "bloc"],
                name="bloc_registration_one_per_round",
                violation_error_message=_("Khối đã có bảng tổng hợp đăng ký năm này."),
            ),
            models.CheckConstraint(
                condition=Q(status="nhap") | Q(submitted_at__isnull=False),
                name="bloc_registration_sent_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="da_nhan") | Q(acknowledged_at__isnull=False),
                name="bloc_registration_acknowledged_has_time",
            ),
        ]

    def __str__(self) -> str:
        return _("Tổng hợp đăng ký %(bloc)s năm %(year)s") % {"bloc": self.bloc, "year": self.round.year}

    def get_absolute_url(self) -> str:
        return reverse("awards:bloc_registration_detail", args=[self.pk])
