"""The patriotic emulation congress (Đại hội Thi đua yêu nước), held every five years: its
steering committee and the subcommittees that help it, their tasks and deadlines, the
delegates allocated to each unit, the exemplary models (điển hình tiên tiến) put forward to
be honoured, and the documents issued for it. The steering committee's meetings and the
congress session itself are ``Meeting`` rows pointing here (``Meeting.congress``)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardRecord
from blocs.models import Person, Unit, User, year_field

ROMAN = RegexValidator(r"^[IVXLC]+$", _("Ghi số thứ tự đại hội bằng số La Mã, ví dụ V, VI."))


class Congress(models.Model):
    """One congress of the province (the installation serves one province)."""

    ordinal = models.CharField(_("lần thứ"), max_length=10, validators=[ROMAN], unique=True,
                               error_messages={"unique": _("Đã có Đại hội lần thứ này.")})
    title = models.CharField(_("tên đại hội"), max_length=300)
    year = year_field(verbose_name=_("năm tổ chức"))
    held_on = models.DateField(_("ngày khai mạc"))
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    theme = models.TextField(_("chủ đề (khẩu hiệu)"), blank=True)
    delegates_planned = models.PositiveIntegerField(
        _("số đại biểu dự kiến"), validators=[MinValueValidator(1)]
    )
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đại hội thi đua yêu nước")
        verbose_name_plural = _("đại hội thi đua yêu nước")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.held_on and self.year and self.held_on.year != self.year:
            raise ValidationError({"held_on": _("Ngày khai mạc phải trong năm %(y)s.") % {"y": self.year}})

    @property
    def ordinal_label(self) -> str:
        return f"lần thứ {self.ordinal}"


class CommitteeRole(models.IntegerChoices):
    HEAD = 1, _("Trưởng ban")
    DEPUTY = 2, _("Phó Trưởng ban")
    MEMBER = 3, _("Ủy viên")


class SteeringMember(models.Model):
    """A member of the congress's steering committee (a person of the register, or a
    name typed in for someone outside it)."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("đại hội"), on_delete=models.CASCADE, related_name="committee"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=300, blank=True)
    role = models.PositiveSmallIntegerField(
        _("vai trò trong Ban Chỉ đạo"), choices=CommitteeRole.choices, default=CommitteeRole.MEMBER
    )
    duties = models.CharField(_("nhiệm vụ được phân công"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thành viên Ban Chỉ đạo")
        verbose_name_plural = _("thành viên Ban Chỉ đạo")
        ordering = ["congress", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress"],
                condition=Q(role=1),
                name="steering_one_head",
                violation_error_message=_("Ban Chỉ đạo đã có Trưởng ban."),
            ),
            models.UniqueConstraint(
                fields=["congress", "person"],
                condition=Q(person__isnull=False),
                name="steering_member_once",
                violation_error_message=_("Người này đã là thành viên Ban Chỉ đạo."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"


class Subcommittee(models.Model):
    """A subcommittee helping the steering committee (Tiểu ban Nội dung, Tuyên truyền,
    Hậu cần...)."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("đại hội"), on_delete=models.CASCADE, related_name="subcommittees"
    )
    name = models.CharField(_("tên tiểu ban"), max_length=200)
    head = models.ForeignKey(
        SteeringMember, verbose_name=_("trưởng tiểu ban"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="subcommittees_headed",
    )
    remit = models.TextField(_("nhiệm vụ chung"), blank=True)

    class Meta:
        verbose_name = _("tiểu ban")
        verbose_name_plural = _("tiểu ban")
        ordering = ["congress", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "name"],
                name="subcommittee_name_once",
                violation_error_message=_("Đại hội đã có tiểu ban này."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SubcommitteeTask(models.Model):
    """A task assigned to a subcommittee, with its deadline and the unit in charge (a unit
    of the register, or a body named in words when it is not one)."""

    subcommittee = models.ForeignKey(
        Subcommittee, verbose_name=_("tiểu ban"), on_delete=models.CASCADE, related_name="tasks"
    )
    text = models.TextField(_("nội dung công việc"))
    due_on = models.DateField(_("thời hạn"))
    responsible_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responsible_name = models.CharField(
        _("đơn vị chủ trì (ngoài danh mục)"), max_length=300, blank=True,
        help_text=_("Ghi khi đơn vị chủ trì chưa có trong danh mục đơn vị."),
    )
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    done_by = models.ForeignKey(
        User, verbose_name=_("người xác nhận hoàn thành"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("công việc của tiểu ban")
        verbose_name_plural = _("công việc của tiểu ban")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(responsible_unit__isnull=False) | ~Q(responsible_name=""),
                name="subcommittee_task_has_responsible",
                violation_error_message=_("Chọn đơn vị chủ trì hoặc ghi tên đơn vị."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def responsible(self) -> str:
        return str(self.responsible_unit) if self.responsible_unit_id else self.responsible_name


class DelegateQuota(models.Model):
    """How many delegates a unit sends to the congress."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("đại hội"), on_delete=models.CASCADE, related_name="quotas"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    delegates = models.PositiveSmallIntegerField(_("số đại biểu phân bổ"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("phân bổ đại biểu")
        verbose_name_plural = _("phân bổ đại biểu")
        ordering = ["congress", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "unit"],
                name="delegate_quota_once",
                violation_error_message=_("Đơn vị đã được phân bổ đại biểu."),
            ),
            models.CheckConstraint(condition=Q(delegates__gte=1), name="delegate_quota_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.delegates}"


class ExemplaryModel(models.Model):
    """An exemplary model (điển hình tiên tiến) put forward for the congress: one person or
    one collective, its achievements, and whether the congress honoured it."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("đại hội"), on_delete=models.CASCADE, related_name="exemplars"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    achievement = models.TextField(_("tóm tắt thành tích"))
    sector = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    proposed_by = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đề xuất"), on_delete=models.PROTECT, related_name="+"
    )
    honoured = models.BooleanField(_("được tuyên dương tại Đại hội"), default=False)
    award = models.ForeignKey(
        AwardRecord, verbose_name=_("khen thưởng kèm theo"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["congress", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(unit__isnull=True))
                | (Q(person__isnull=True) & Q(unit__isnull=False)),
                name="exemplary_model_one_subject",
                violation_error_message=_("Chọn đúng một cá nhân hoặc một tập thể."),
            ),
            models.UniqueConstraint(
                fields=["congress", "person"],
                condition=Q(person__isnull=False),
                name="exemplary_person_once",
                violation_error_message=_("Cá nhân này đã có trong danh sách điển hình tiên tiến."),
            ),
            models.UniqueConstraint(
                fields=["congress", "unit"],
                condition=Q(unit__isnull=False),
                name="exemplary_unit_once",
                violation_error_message=_("Tập thể này đã có trong danh sách điển hình tiên tiến."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.subject)

    @property
    def subject(self) -> Person | Unit | None:
        return self.person or self.unit


class CongressDocument(models.Model):
    """A document issued for the congress (plan, decision setting up the committee,
    guidance...), with its signed copy as an optional PDF."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("đại hội"), on_delete=models.CASCADE, related_name="documents"
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    file = models.FileField(_("tệp PDF"), upload_to="congress/%Y/", blank=True)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), null=True, blank=True)
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        User, verbose_name=_("người nhập"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản về Đại hội")
        verbose_name_plural = _("văn bản về Đại hội")
        ordering = ["congress", "issued_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "number"],
                condition=~Q(number=""),
                name="congress_document_number_once",
                violation_error_message=_("Đã có văn bản số này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()
