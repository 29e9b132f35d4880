"""Directives and plans, movements, a bloc's implementation plan, pledge, work plan and budget.

``movements`` depends on ``blocs`` only; the award catalogue (and what a movement plans to
award) lives in ``awards``, which depends on this app.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blocs.models import Bloc, Unit, User, year_field


class DocumentKind(models.TextChoices):
    DIRECTIVE = "CT", _("Chỉ thị")
    PLAN = "KH", _("Kế hoạch")
    GUIDANCE = "HD", _("Hướng dẫn")
    NOTICE = "TB", _("Thông báo")


class Document(models.Model):
    """A directive, plan or guidance as printed: "Chỉ thị số 09/CT-UBND ngày 31/12/2024"."""

    kind = models.CharField(_("loại văn bản"), max_length=2, choices=DocumentKind.choices)
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(
        _("ký hiệu"), max_length=40, help_text=_("Phần sau dấu “/”, ví dụ CT-UBND, KH-KTĐNC.")
    )
    issuer = models.ForeignKey(
        Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    issued_on = models.DateField(_("ngày ban hành"))
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    summary = models.TextField(_("tóm tắt"), blank=True)
    year_from = year_field(verbose_name=_("áp dụng từ năm"))
    year_to = year_field(verbose_name=_("đến năm"))
    report_deadline = models.DateField(_("hạn báo cáo kết quả"), null=True, blank=True)
    signed_file = models.FileField(_("bản ký (PDF)"), upload_to="documents/%Y/", blank=True)
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                F("issuer"),
                F("kind"),
                F("number"),
                ExtractYear("issued_on"),
                name="document_number_unique_per_issuer_kind_year",
                violation_error_message=_("Số văn bản này đã có trong năm của cơ quan ban hành."),
            ),
            models.CheckConstraint(
                condition=Q(year_to__gte=F("year_from")),
                name="document_years_ordered",
                violation_error_message=_("Năm kết thúc phải không trước năm bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.code}"

    def get_absolute_url(self) -> str:
        return reverse("movements:document_detail", args=[self.pk])

    @property
    def code(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


class DocumentItem(models.Model):
    """A numbered content item of a document (09/CT-UBND has seven)."""

    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("nội dung văn bản")
        verbose_name_plural = _("nội dung văn bản")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="document_item_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


class MovementKind(models.TextChoices):
    REGULAR = "thuong_xuyen", _("Thường xuyên (hằng năm)")
    THEMATIC = "chuyen_de", _("Chuyên đề, theo đợt")
    NATIONAL = "toan_quoc", _("Do Thủ tướng Chính phủ phát động")


class MovementStatus(models.TextChoices):
    OPEN = "mo", _("Đang mở")
    CLOSED = "dong", _("Đã đóng")
    REOPENED = "mo_lai", _("Mở lại")


class Movement(models.Model):
    """An emulation movement (phong trào thi đua), usually launched by a directive."""

    name = models.CharField(_("tên phong trào"), max_length=300)
    kind = models.CharField(_("loại"), max_length=14, choices=MovementKind.choices)
    directive = models.ForeignKey(
        Document,
        verbose_name=_("văn bản phát động"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="movements",
    )
    theme = models.TextField(_("chủ đề, khẩu hiệu"), blank=True)
    targets = models.TextField(_("mục tiêu, chỉ tiêu"), blank=True)
    year = year_field(verbose_name=_("năm"), null=True, blank=True)
    starts_on = models.DateField(_("bắt đầu"), null=True, blank=True)
    ends_on = models.DateField(_("kết thúc"), null=True, blank=True)
    join_from = models.DateField(_("nhận đăng ký từ"), null=True, blank=True)
    join_until = models.DateField(_("nhận đăng ký đến"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=6, choices=MovementStatus.choices, default=MovementStatus.OPEN
    )
    blocs = models.ManyToManyField(Bloc, verbose_name=_("khối, cụm tham gia"), blank=True, related_name="movements")
    units = models.ManyToManyField(Unit, verbose_name=_("đơn vị tham gia"), blank=True, related_name="movements")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-year", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="movement_period_ordered",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(join_until__isnull=True) | Q(join_from__isnull=True) | Q(join_until__gte=F("join_from")),
                name="movement_join_window_ordered",
                violation_error_message=_("Hạn cuối nhận đăng ký phải sau ngày bắt đầu nhận."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("movements:movement_detail", args=[self.pk])


class ImplementationPlan(models.Model):
    """A bloc's plan implementing a directive (kế hoạch thực hiện Chỉ thị), written by its lead."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, related_name="implementation_plans"
    )
    year = year_field(verbose_name=_("năm"))
    directive = models.ForeignKey(
        Document, verbose_name=_("chỉ thị thực hiện"), on_delete=models.PROTECT, related_name="implementation_plans"
    )
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    adopted_on = models.DateField(_("thông qua ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kế hoạch thực hiện chỉ thị")
        verbose_name_plural = _("kế hoạch thực hiện chỉ thị")
        ordering = ["-year", "bloc"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "directive"],
                name="implementation_plan_one_per_bloc_directive",
                violation_error_message=_("Khối đã có kế hoạch thực hiện chỉ thị này."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("movements:plan_detail", args=[self.pk])


class PlanSolution(models.Model):
    plan = models.ForeignKey(
        ImplementationPlan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="solutions"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("giải pháp"))

    class Meta:
        verbose_name = _("giải pháp")
        verbose_name_plural = _("giải pháp")
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="plan_solution_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


class TaskStatus(models.TextChoices):
    TODO = "chua", _("Chưa thực hiện")
    DONE = "xong", _("Đã hoàn thành")


class PlanTask(models.Model):
    """A task of the plan, by quarter, for one member unit (or every member when blank)."""

    plan = models.ForeignKey(
        ImplementationPlan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nội dung công việc"))
    quarter = models.PositiveSmallIntegerField(
        _("quý"), validators=[MinValueValidator(1), MaxValueValidator(4)], null=True, blank=True
    )
    due_on = models.DateField(_("hạn"), null=True, blank=True)
    responsible = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_tasks",
        help_text=_("Để trống nếu mọi đơn vị trong khối cùng thực hiện."),
    )
    status = models.CharField(_("trạng thái"), max_length=4, choices=TaskStatus.choices, default=TaskStatus.TODO)
    report = models.TextField(_("báo cáo kết quả"), blank=True)
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    done_by = models.ForeignKey(
        User, verbose_name=_("người báo cáo hoàn thành"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "quarter", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="plan_task_position_unique"),
            models.CheckConstraint(
                condition=Q(status="chua") | Q(done_at__isnull=False),
                name="plan_task_done_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class TieRule(models.TextChoices):
    """How the year-end ranking orders units with equal totals (as the pledge says)."""

    SHARED = "dong_hang", _("Đồng hạng")
    SCORED_FIRST = "diem_cham", _("Ưu tiên đơn vị có điểm chấm (không kể điểm thưởng, điểm trừ) cao hơn")
    FEWER_PENALTIES = "it_diem_tru", _("Ưu tiên đơn vị bị trừ ít điểm hơn")


class Pledge(models.Model):
    """A bloc's emulation pledge for a year (giao ước thi đua) and its scoring criteria.

    Once signed (``signed_on`` set) the criteria are locked: members are scored on them at
    the year-end review."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, related_name="pledges"
    )
    year = year_field(verbose_name=_("năm"))
    text = models.TextField(_("nội dung giao ước"), blank=True)
    tie_rule = models.CharField(
        _("khi bằng tổng điểm"), max_length=12, choices=TieRule.choices, default=TieRule.SHARED,
        help_text=_("Cách xếp hạng các đơn vị bằng tổng điểm tại hội nghị tổng kết năm."),
    )
    signed_on = models.DateField(_("ngày ký kết"), null=True, blank=True)
    signing_meeting = models.CharField(_("hội nghị ký kết"), max_length=300, blank=True)
    signed_file = models.FileField(_("bản giao ước đã ký (PDF)"), upload_to="pledges/%Y/", blank=True)
    created_by = models.ForeignKey(
        User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        ordering = ["-year", "bloc"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year"],
                name="pledge_one_per_bloc_year",
                violation_error_message=_("Khối đã có giao ước thi đua năm này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Giao ước thi đua %(bloc)s năm %(year)s") % {"bloc": self.bloc, "year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("movements:pledge_detail", args=[self.pk])

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class CriterionGroup(models.Model):
    pledge = models.ForeignKey(
        Pledge, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="groups"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("nhóm tiêu chí"), max_length=300)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["pledge", "position"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "position"], name="criterion_group_position_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class CriterionKind(models.TextChoices):
    SCORED = "cham", _("Chấm điểm")
    BONUS = "cong", _("Điểm thưởng")
    PENALTY = "tru", _("Điểm trừ")


class Criterion(models.Model):
    """One line of the scoring table: what is measured and its maximum points."""

    group = models.ForeignKey(
        CriterionGroup, verbose_name=_("nhóm tiêu chí"), on_delete=models.CASCADE, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("tiêu chí"))
    max_points = models.DecimalField(
        _("điểm tối đa"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    kind = models.CharField(_("loại"), max_length=4, choices=CriterionKind.choices, default=CriterionKind.SCORED)
    measure = models.TextField(_("cách đánh giá"), blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["group", "position"]
        constraints = [
            models.UniqueConstraint(fields=["group", "position"], name="criterion_position_unique"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class PledgeSignatory(models.Model):
    """Who signed the pledge for a member unit."""

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="signatories"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    representative = models.CharField(_("người ký"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)

    class Meta:
        verbose_name = _("đại diện ký giao ước")
        verbose_name_plural = _("đại diện ký giao ước")
        ordering = ["pledge", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="pledge_signatory_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.representative} ({self.unit})"


class ActivityStatus(models.TextChoices):
    PLANNED = "du_kien", _("Dự kiến")
    DONE = "da_to_chuc", _("Đã tổ chức")
    CANCELLED = "huy", _("Hủy")


class Activity(models.Model):
    """An item of the bloc's yearly work plan (kế hoạch công tác)."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, related_name="activities"
    )
    year = year_field(verbose_name=_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    title = models.CharField(_("hoạt động"), max_length=300)
    planned_on = models.DateField(_("thời gian"), null=True, blank=True)
    host = models.ForeignKey(
        Unit, verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )

    class Meta:
        verbose_name = _("hoạt động của khối")
        verbose_name_plural = _("hoạt động của khối")
        ordering = ["bloc", "year", "quarter", "planned_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Budget(models.Model):
    """A bloc's budget estimate for a year (dự trù kinh phí), approved at a bloc meeting."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, related_name="budgets"
    )
    year = year_field(verbose_name=_("năm"))
    approved_on = models.DateField(_("thông qua ngày"), null=True, blank=True)
    approved_at = models.CharField(_("thông qua tại"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("dự trù kinh phí")
        verbose_name_plural = _("dự trù kinh phí")
        ordering = ["-year", "bloc"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year"],
                name="budget_one_per_bloc_year",
                violation_error_message=_("Khối đã có dự trù kinh phí năm này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Dự trù kinh phí %(bloc)s năm %(year)s") % {"bloc": self.bloc, "year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("movements:budget_detail", args=[self.pk])


class BudgetLine(models.Model):
    budget = models.ForeignKey(
        Budget, verbose_name=_("dự trù kinh phí"), on_delete=models.CASCADE, related_name="lines"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    item = models.CharField(_("nội dung chi"), max_length=300)
    quantity = models.DecimalField(_("số lượng"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    unit_price = models.PositiveBigIntegerField(_("đơn giá (đồng)"))
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("khoản chi")
        verbose_name_plural = _("khoản chi")
        ordering = ["budget", "position"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "position"], name="budget_line_position_unique"),
        ]

    def __str__(self) -> str:
        return self.item

    @property
    def amount(self) -> int:
        """Thành tiền in đồng, rounded to the đồng."""
        return int((self.quantity * self.unit_price).quantize(Decimal("1")))


class BudgetContribution(models.Model):
    """What a member unit contributes to the bloc's budget."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("dự trù kinh phí"), on_delete=models.CASCADE, related_name="contributions"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))

    class Meta:
        verbose_name = _("đóng góp kinh phí")
        verbose_name_plural = _("đóng góp kinh phí")
        ordering = ["budget", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "unit"], name="budget_contribution_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.amount}"
