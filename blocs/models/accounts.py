"""Accounts and roles, the audit log and background jobs."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .organisation import Unit


class Role(models.TextChoices):
    ADMIN = "quan_tri", _("Quản trị hệ thống")
    INTERIOR = "noi_vu", _("Cán bộ Sở Nội vụ")
    UNIT_OFFICER = "don_vi", _("Cán bộ đơn vị")
    COUNCIL = "hoi_dong", _("Thành viên Hội đồng TĐKT")


class User(AbstractUser):
    """An account; it belongs to a unit. The bloc-lead right is derived, never stored."""

    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default=Role.UNIT_OFFICER)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="don_vi") | Q(unit__isnull=False),
                name="user_unit_officer_has_unit",
                violation_error_message=_("Cán bộ đơn vị phải thuộc một đơn vị."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        # Vietnamese order: family and middle names (last_name) before the given name.
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN

    @property
    def is_interior(self) -> bool:
        return self.role == Role.INTERIOR

    @property
    def is_council(self) -> bool:
        return self.role == Role.COUNCIL

    @property
    def is_unit_officer(self) -> bool:
        return self.role == Role.UNIT_OFFICER and not self.is_superuser

    @property
    def sees_province(self) -> bool:
        """Admins, interior staff and council members read the whole province."""
        return self.is_admin or self.is_interior or self.is_council

    @property
    def manages_province(self) -> bool:
        return self.is_admin or self.is_interior


class AuditLog(models.Model):
    """Who did what, when, from which state to which; written in the action's transaction."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User, verbose_name=_("người thực hiện"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("thao tác"), max_length=80, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=80)
    object_id = models.CharField(_("mã đối tượng"), max_length=40)
    object_repr = models.CharField(_("đối tượng"), max_length=255)
    from_state = models.CharField(_("trạng thái trước"), max_length=40, blank=True)
    to_state = models.CharField(_("trạng thái sau"), max_length=40, blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_repr}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class Job(models.Model):
    """A background job (export, report) as a row: safe to re-run, progress polled by the
    user who started it. Each kind is handled by a function registered in ``blocs.jobs``."""

    kind = models.CharField(_("loại"), max_length=40)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress_done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    progress_total = models.PositiveIntegerField(_("tổng số"), default=0)
    file = models.FileField(_("tệp kết quả"), upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.CASCADE, related_name="jobs"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_done__lte=models.F("progress_total")) | Q(progress_total=0),
                name="job_progress_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("blocs:job_detail", args=[self.pk])

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
