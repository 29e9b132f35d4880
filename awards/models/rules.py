"""Rule sets versioned by date (ND 98/2023 until 30/06/2025, ND 152/2025 after), the base
salary by date and the public holidays that working-day periods skip. Everything the domain marks [P] or [U] is a field here, never a constant:
the engine reads the rule set in force on a proposal's relevant date."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocs.models import ordered_period

from .catalogue import Title

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


def percent_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=5, decimal_places=2, validators=PERCENT, **kwargs)


class RuleSet(models.Model):
    """The parameters of one legal regime, in force from ``effective_from`` to ``effective_to``."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    legal_basis = models.TextField(_("căn cứ pháp lý"))
    effective_from = models.DateField(_("áp dụng từ ngày"))
    effective_to = models.DateField(_("đến hết ngày"), null=True, blank=True)

    # Individuals
    min_recruited_months = models.PositiveSmallIntegerField(
        _("số tháng công tác tối thiểu để xét LĐTT"),
        default=6,
        help_text=_("Thông tư 01/2024/TT-BNV, nay 15/2025/TT-BNV: không xét người tuyển dụng dưới 6 tháng."),
    )
    cstdcs_cap_percent = percent_field(
        _("tỷ lệ CSTĐCS tối đa trên số LĐTT (%)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu tỉnh không quy định tỷ lệ [P]."),
    )
    # Collectives
    collective_ldtt_share_percent = percent_field(_("tỷ lệ LĐTT tối thiểu của tập thể (%)"), default=Decimal("70"))
    co_tinh_quota_per_bloc = models.PositiveSmallIntegerField(_("số Cờ thi đua tỉnh mỗi khối, cụm"), default=1)
    co_cp_max_share_percent = percent_field(
        _("tỷ lệ đề nghị Cờ CP tối đa trên số tập thể dẫn đầu khối (%)"), null=True, blank=True
    )
    # Council (quorum as a fraction: 2/3 is not a finite decimal)
    council_quorum_numerator = models.PositiveSmallIntegerField(_("tỷ lệ có mặt tối thiểu — tử số"), default=2)
    council_quorum_denominator = models.PositiveSmallIntegerField(_("tỷ lệ có mặt tối thiểu — mẫu số"), default=3)
    council_award_presence_percent = percent_field(
        _("tỷ lệ có mặt khi họp xét khen thưởng (%)"), default=Decimal("80")
    )
    # Notice, deadlines, money
    public_notice_working_days = models.PositiveSmallIntegerField(_("số ngày làm việc công khai"), default=10)
    year_end_deadline_day = models.PositiveSmallIntegerField(_("hạn nộp hồ sơ cuối năm — ngày"), default=10)
    year_end_deadline_month = models.PositiveSmallIntegerField(_("hạn nộp hồ sơ cuối năm — tháng"), default=12)
    thematic_min_days_before_event = models.PositiveSmallIntegerField(
        _("hồ sơ chuyên đề nộp trước sự kiện ít nhất (ngày)"), default=10
    )
    household_factor = models.DecimalField(
        _("hệ số hộ gia đình so với cá nhân"), max_digits=4, decimal_places=2, default=Decimal("1.5")
    )
    amount_rounding = models.PositiveIntegerField(_("làm tròn tiền thưởng đến (đồng)"), default=1000)
    registration_required = models.BooleanField(
        _("bắt buộc đăng ký thi đua"),
        default=False,
        help_text=_("Luật 2022 bỏ đăng ký khỏi căn cứ xét: mặc định chỉ cảnh báo (Điều 7)."),
    )
    notes = models.TextField(_("nguồn của các tham số"), blank=True)

    class Meta:
        verbose_name = _("bộ quy tắc")
        verbose_name_plural = _("bộ quy tắc")
        ordering = ["effective_from"]
        constraints = [
            ordered_period(
                "effective_from",
                "effective_to",
                name="rule_set_period_ordered",
                message=_("Ngày hết hiệu lực phải sau ngày bắt đầu áp dụng."),
            ),
            models.CheckConstraint(
                condition=Q(council_quorum_numerator__lte=models.F("council_quorum_denominator"))
                & Q(council_quorum_denominator__gt=0),
                name="rule_set_quorum_is_a_fraction",
                violation_error_message=_("Tỷ lệ có mặt phải là phân số không lớn hơn 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        overlapping = RuleSet.objects.exclude(pk=self.pk).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=self.effective_from)
        )
        if self.effective_to:
            overlapping = overlapping.filter(effective_from__lte=self.effective_to)
        if self.effective_from and overlapping.exists():
            raise ValidationError(_("Thời gian áp dụng trùng với bộ quy tắc khác."))

    def covers(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


class DeciderLevel(models.TextChoices):
    UNIT_HEAD = "thu_truong", _("Thủ trưởng cơ quan, đơn vị")
    COMMUNE_CHAIR = "ct_xa", _("Chủ tịch UBND cấp xã")
    DISTRICT_CHAIR = "ct_huyen", _("Chủ tịch UBND cấp huyện")
    PROVINCE_CHAIR = "ct_tinh", _("Chủ tịch UBND tỉnh")
    PRIME_MINISTER = "thu_tuong", _("Thủ tướng Chính phủ")
    PRESIDENT = "chu_tich_nuoc", _("Chủ tịch nước")


class TitleRule(models.Model):
    """How one rule set treats one title or form: who decides, money, vote, notice."""

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="title_rules")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu/hình thức"), on_delete=models.PROTECT, related_name="rules")
    decider = models.CharField(_("cấp quyết định"), max_length=16, choices=DeciderLevel.choices)
    coefficient = models.DecimalField(_("hệ số × lương cơ sở"), max_digits=5, decimal_places=2, default=Decimal("0"))
    individual_coefficient = models.DecimalField(
        _("hệ số khi tặng cá nhân"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    vote_threshold_percent = percent_field(
        _("ngưỡng biểu quyết của Hội đồng (% tổng số thành viên)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu danh hiệu không cần Hội đồng biểu quyết."),
    )
    needs_public_notice = models.BooleanField(_("phải công khai trước khi Hội đồng họp"), default=False)
    central_deadline_day = models.PositiveSmallIntegerField(_("hạn trình Trung ương — ngày"), null=True, blank=True)
    central_deadline_month = models.PositiveSmallIntegerField(_("hạn trình Trung ương — tháng"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quy tắc theo danh hiệu")
        verbose_name_plural = _("quy tắc theo danh hiệu")
        ordering = ["rule_set", "title__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule_set", "title"],
                name="title_rule_once_per_rule_set",
                violation_error_message=_("Bộ quy tắc đã có quy định cho danh hiệu này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_set.code}: {self.title}"

    @property
    def is_central(self) -> bool:
        """Decided by the Prime Minister or the State President: the province forwards it."""
        return self.decider in (DeciderLevel.PRIME_MINISTER, DeciderLevel.PRESIDENT)


class BaseSalary(models.Model):
    """Lương cơ sở from a date: reward money is a coefficient of the one in force on the decision date."""

    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng)"))
    legal_basis = models.CharField(_("căn cứ"), max_length=200)

    class Meta:
        verbose_name = _("lương cơ sở")
        verbose_name_plural = _("lương cơ sở")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.effective_from:%d/%m/%Y}".replace(",", ".")


class PublicHoliday(models.Model):
    """A weekday (or a weekend day) on which the State's offices are closed: a holiday of the
    Labour Code 2019 (Điều 112), a day off in lieu when one falls on a weekend (Điều 111) or
    a day the Government moved for a longer break. Working-day periods (the public notice,
    ``awards.workdays``) skip these days as they skip Saturdays and Sundays."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=200)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ lễ, tết")
        verbose_name_plural = _("ngày nghỉ lễ, tết")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.name}"
