"""The catalogue of emulation titles and forms of commendation (Law Điều 6, 9, 20), and
what movements plan to award."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from movements.models import Movement


class TitleKind(models.TextChoices):
    TITLE = "danh_hieu", _("Danh hiệu thi đua")
    FORM = "hinh_thuc", _("Hình thức khen thưởng")


class Beneficiary(models.TextChoices):
    INDIVIDUAL = "ca_nhan", _("Cá nhân")
    COLLECTIVE = "tap_the", _("Tập thể")
    # Forms of commendation (Giấy khen, Bằng khen, Huân chương) go to people and collectives.
    BOTH = "ca_nhan_tap_the", _("Cá nhân, tập thể")
    HOUSEHOLD = "ho_gia_dinh", _("Hộ gia đình")


class AwardLevel(models.TextChoices):
    BASE = "co_so", _("Cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh")
    GOVERNMENT = "chinh_phu", _("Chính phủ, Thủ tướng")
    STATE = "nha_nuoc", _("Nhà nước")


class Title(models.Model):
    """An emulation title or a form of commendation from the 2022 Law (Điều 6, 9, 20)."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(
        _("tên viết tắt"), max_length=30, blank=True, help_text=_("Dùng làm tiêu đề cột, ví dụ LĐTT.")
    )
    kind = models.CharField(_("loại"), max_length=10, choices=TitleKind.choices)
    beneficiary = models.CharField(_("đối tượng"), max_length=16, choices=Beneficiary.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=AwardLevel.choices)
    authority = models.CharField(_("thẩm quyền quyết định"), max_length=200)
    criteria = models.TextField(_("tiêu chuẩn chủ yếu"), blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    coefficient = models.DecimalField(
        _("hệ số × lương cơ sở"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    individual_coefficient = models.DecimalField(
        _("hệ số khi tặng cá nhân"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Chỉ ghi khi khác hệ số chung (hình thức tặng cả cá nhân và tập thể)."),
    )
    note = models.CharField(
        _("ghi chú về nguồn"),
        max_length=300,
        blank=True,
        help_text=_("Điều gì chưa được xác nhận từ văn bản gốc, hoặc là thực tiễn của tỉnh."),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["kind", "position", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def for_collective(self) -> bool:
        return self.beneficiary in (Beneficiary.COLLECTIVE, Beneficiary.BOTH)

    @property
    def for_individual(self) -> bool:
        return self.beneficiary in (Beneficiary.INDIVIDUAL, Beneficiary.BOTH)

    @property
    def label(self) -> str:
        return self.short_name or self.name


class MovementAward(models.Model):
    """An award a movement plans to give: which title or form, how many, budget, criteria."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="planned_awards")
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu/hình thức"), on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(_("số lượng dự kiến"), null=True, blank=True)
    budget = models.PositiveBigIntegerField(_("kinh phí dự kiến (đồng)"), null=True, blank=True)
    criteria = models.TextField(_("tiêu chuẩn"), blank=True)

    class Meta:
        verbose_name = _("khen thưởng dự kiến của phong trào")
        verbose_name_plural = _("khen thưởng dự kiến của phong trào")
        ordering = ["movement", "title__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "title"],
                name="movement_award_title_once",
                violation_error_message=_("Phong trào đã có danh hiệu/hình thức này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.movement}: {self.title}"
