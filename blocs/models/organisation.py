"""The province's organisation: units, blocs and clusters, yearly memberships, people.

Rules that need more than one row (one lead per confirmed bloc-year, one provincial bloc per
unit and year, ...) are checked in ``clean()`` and enforced again by constraints wherever
the database can state them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..text import fold

MIN_YEAR, MAX_YEAR = 1945, 2100


def ordered_period(start: str, end: str, *, name: str, message: str) -> models.CheckConstraint:
    """A period whose end, when both ends are known, is not before its start."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=name,
        violation_error_message=message,
    )


def year_field(**kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)], **kwargs
    )


class UnitKind(models.TextChoices):
    PROVINCIAL_AGENCY = "so_nganh", _("Sở, ban, ngành tỉnh")
    PARTY_BODY = "dang", _("Cơ quan Đảng")
    MASS_ORGANISATION = "doan_the", _("Mặt trận, đoàn thể")
    ARMED_FORCES = "vu_trang", _("Lực lượng vũ trang")
    JUDICIAL = "tu_phap", _("Tòa án, Viện kiểm sát, Thi hành án")
    CENTRAL_AGENCY = "trung_uong", _("Cơ quan Trung ương trên địa bàn")
    DISTRICT = "huyen", _("Huyện, thành phố (trước 01/07/2025)")
    COMMUNE = "xa_phuong", _("Xã, phường")
    ENTERPRISE = "doanh_nghiep", _("Doanh nghiệp")
    PUBLIC_SERVICE = "su_nghiep", _("Đơn vị sự nghiệp (trường học, bệnh viện…)")
    PROVINCE = "tinh", _("Tỉnh (thành viên cụm thi đua toàn quốc)")
    OTHER = "khac", _("Khác")


class Unit(models.Model):
    """A body that can belong to a bloc and receive collective awards."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=80, blank=True)
    code = models.SlugField(_("mã đơn vị"), max_length=40, unique=True, allow_unicode=False)
    kind = models.CharField(_("loại hình"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    has_legal_personality = models.BooleanField(_("có tư cách pháp nhân"), default=True)
    has_party_organisation = models.BooleanField(_("có tổ chức Đảng"), default=True)
    active_from = models.DateField(_("hoạt động từ ngày"), null=True, blank=True)
    active_to = models.DateField(
        _("giải thể/sáp nhập ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng đơn vị hoạt động; để trống nếu đang hoạt động."),
    )
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )
    search_text = models.CharField(
        _("chuỗi tìm kiếm"), max_length=400, editable=False, db_index=True, default=""
    )

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["name"]
        constraints = [
            ordered_period(
                "active_from",
                "active_to",
                name="unit_active_period_ordered",
                message=_("Ngày giải thể phải sau ngày bắt đầu hoạt động."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # The folded copy is an index for diacritic-insensitive search, not a business rule.
        self.search_text = fold(f"{self.name} {self.short_name} {self.code}")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("blocs:unit_detail", args=[self.pk])

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Đơn vị không thể là cấp trên của chính nó.")})

    def is_active_on(self, day: datetime.date) -> bool:
        started = self.active_from is None or self.active_from <= day
        return started and (self.active_to is None or day <= self.active_to)

    def is_active_in_year(self, year: int) -> bool:
        """True when the unit existed on at least one day of *year*."""
        started = self.active_from is None or self.active_from.year <= year
        return started and (self.active_to is None or self.active_to.year >= year)

    @property
    def is_dissolved(self) -> bool:
        return self.active_to is not None and self.active_to < timezone.localdate()

    def can_receive_awards(self, on: datetime.date) -> bool:
        """A dissolved unit cannot receive new awards (ND 152 Điều 4; TT 15/2025)."""
        return self.is_active_on(on)


class BlocKind(models.TextChoices):
    BLOC = "khoi", _("Khối thi đua")
    CLUSTER = "cum", _("Cụm thi đua")


class BlocLevel(models.TextChoices):
    PROVINCIAL = "tinh", _("Cấp tỉnh (Hội đồng TĐKT tỉnh)")
    NATIONAL = "trung_uong", _("Toàn quốc (Hội đồng TĐKT Trung ương)")


class Bloc(models.Model):
    """A Khối or Cụm thi đua; its members are recorded year by year."""

    name = models.CharField(_("tên khối/cụm"), max_length=255, unique=True)
    kind = models.CharField(_("loại"), max_length=4, choices=BlocKind.choices)
    level = models.CharField(_("cấp"), max_length=12, choices=BlocLevel.choices)
    description = models.TextField(_("mô tả"), blank=True)
    active_from = models.DateField(_("thành lập ngày"), null=True, blank=True)
    active_to = models.DateField(_("giải thể ngày"), null=True, blank=True)
    max_deputies = models.PositiveSmallIntegerField(
        _("số phó khối/cụm tối đa"),
        default=1,
        help_text=_("Thường là 1; một số khối đông thành viên được có 2 phó."),
    )
    search_text = models.CharField(
        _("chuỗi tìm kiếm"), max_length=300, editable=False, db_index=True, default=""
    )

    class Meta:
        verbose_name = _("khối/cụm thi đua")
        verbose_name_plural = _("khối/cụm thi đua")
        ordering = ["level", "name"]
        constraints = [
            ordered_period(
                "active_from",
                "active_to",
                name="bloc_active_period_ordered",
                message=_("Ngày giải thể phải sau ngày thành lập."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("blocs:bloc_detail", args=[self.pk])

    def is_active_in_year(self, year: int) -> bool:
        started = self.active_from is None or self.active_from.year <= year
        return started and (self.active_to is None or self.active_to.year >= year)


class BlocYear(models.Model):
    """A bloc's roster for one year; once confirmed it must keep exactly one lead."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.CASCADE, related_name="years"
    )
    year = year_field(verbose_name=_("năm"))
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        "User",
        verbose_name=_("người xác nhận"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("năm hoạt động của khối")
        verbose_name_plural = _("năm hoạt động của khối")
        ordering = ["bloc", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["bloc", "year"], name="blocyear_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.bloc} — {self.year}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class MemberRole(models.TextChoices):
    LEAD = "truong", _("Trưởng khối/Cụm trưởng")
    DEPUTY = "pho", _("Phó khối/Cụm phó")
    MEMBER = "thanh_vien", _("Thành viên")


class LeadSource(models.TextChoices):
    APPOINTED = "chi_dinh", _("Hội đồng TĐKT chỉ định")
    VOTED = "suy_ton", _("Suy tôn tại hội nghị tổng kết năm trước")
    ROTATION = "luan_phien", _("Luân phiên theo quy chế khối")


class Membership(models.Model):
    """A unit's place in a bloc for one year."""

    bloc_year = models.ForeignKey(
        BlocYear,
        verbose_name=_("năm hoạt động của khối"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        _("vai trò"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    lead_source = models.CharField(
        _("nguồn gốc vai trò"), max_length=12, choices=LeadSource.choices, blank=True
    )
    source_note = models.CharField(
        _("căn cứ"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Quyết định số …/QĐ-HĐTĐKT, biên bản hội nghị tổng kết …"),
    )

    class Meta:
        verbose_name = _("thành viên khối")
        verbose_name_plural = _("thành viên khối")
        ordering = ["bloc_year", "role", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc_year", "unit"],
                name="membership_unit_once_per_bloc_year",
                violation_error_message=_("Đơn vị này đã là thành viên của khối trong năm."),
            ),
            models.UniqueConstraint(
                fields=["bloc_year"],
                condition=Q(role="truong"),
                name="membership_one_lead_per_bloc_year",
                violation_error_message=_("Khối đã có trưởng khối trong năm này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_role_display()} ({self.bloc_year})"

    @property
    def role_label(self) -> str:
        """"Trưởng khối" in a khối, "Cụm trưởng" in a cụm (needs bloc_year.bloc loaded)."""
        in_cluster = self.bloc_year.bloc.kind == BlocKind.CLUSTER
        labels = {
            MemberRole.LEAD: _("Cụm trưởng") if in_cluster else _("Trưởng khối"),
            MemberRole.DEPUTY: _("Cụm phó") if in_cluster else _("Phó khối"),
        }
        return labels.get(self.role, self.get_role_display())

    def clean(self) -> None:
        if not (self.bloc_year_id and self.unit_id):
            return
        bloc_year, unit = self.bloc_year, self.unit
        bloc, year = bloc_year.bloc, bloc_year.year
        if not unit.is_active_in_year(year):
            raise ValidationError(
                {"unit": _("Đơn vị không còn hoạt động trong năm %(year)s.") % {"year": year}}
            )
        is_province = unit.kind == UnitKind.PROVINCE
        if bloc.level == BlocLevel.NATIONAL and not is_province:
            raise ValidationError(
                {"unit": _("Thành viên của cụm thi đua toàn quốc phải là một tỉnh.")}
            )
        if bloc.level == BlocLevel.PROVINCIAL and is_province:
            raise ValidationError({"unit": _("Một tỉnh không thể là thành viên khối cấp tỉnh.")})
        if self.role == MemberRole.MEMBER and self.lead_source:
            # Only a lead or deputy is appointed or voted in; a plain member has no source.
            raise ValidationError(
                {"lead_source": _("Chỉ trưởng, phó khối mới ghi nguồn gốc vai trò.")}
            )
        self._check_one_provincial_bloc(unit, year)
        self._check_role_counts()

    def _check_one_provincial_bloc(self, unit: Unit, year: int) -> None:
        if self.bloc_year.bloc.level != BlocLevel.PROVINCIAL:
            return
        other = (
            Membership.objects.filter(
                unit=unit, bloc_year__year=year, bloc_year__bloc__level=BlocLevel.PROVINCIAL
            )
            .exclude(bloc_year=self.bloc_year)
            .select_related("bloc_year__bloc")
            .first()
        )
        if other:
            raise ValidationError(
                {
                    "unit": _(
                        "Năm %(year)s đơn vị đã thuộc %(bloc)s; mỗi đơn vị chỉ thuộc một khối cấp tỉnh."
                    )
                    % {"year": year, "bloc": other.bloc_year.bloc}
                }
            )

    def _check_role_counts(self) -> None:
        siblings = Membership.objects.filter(bloc_year=self.bloc_year).exclude(pk=self.pk)
        if self.role == MemberRole.LEAD and siblings.filter(role=MemberRole.LEAD).exists():
            raise ValidationError({"role": _("Khối đã có trưởng khối trong năm này.")})
        limit = self.bloc_year.bloc.max_deputies
        if self.role == MemberRole.DEPUTY and siblings.filter(role=MemberRole.DEPUTY).count() >= limit:
            raise ValidationError(
                {"role": _("Khối chỉ được có tối đa %(n)s phó khối.") % {"n": limit}}
            )


class Gender(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class Person(models.Model):
    """A person who can receive individual titles; awards follow the person, not the unit."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    birth_year = year_field(verbose_name=_("năm sinh"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)
    recruited_on = models.DateField(_("ngày tuyển dụng"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị hiện tại"), on_delete=models.PROTECT, related_name="people"
    )
    search_text = models.CharField(
        _("chuỗi tìm kiếm"), max_length=200, editable=False, db_index=True, default=""
    )

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(self.full_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("blocs:person_detail", args=[self.pk])


class Employment(models.Model):
    """One stretch of a person's work in a unit; the open one matches ``Person.unit``."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="employments"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person", "-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(end__isnull=True),
                name="employment_one_open_per_person",
            ),
            ordered_period(
                "start",
                "end",
                name="employment_period_ordered",
                message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.unit}"


class TransferStatus(models.TextChoices):
    PENDING = "cho_duyet", _("Chờ duyệt")
    APPROVED = "da_duyet", _("Đã duyệt")
    REJECTED = "tu_choi", _("Từ chối")


class TransferRequest(models.Model):
    """A unit officer's request to move a person to another unit, decided by interior staff."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="transfer_requests"
    )
    from_unit = models.ForeignKey(
        Unit, verbose_name=_("từ đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, verbose_name=_("chuyển đến đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    effective_on = models.DateField(_("từ ngày"))
    new_position = models.CharField(_("chức vụ mới"), max_length=160, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=TransferStatus.choices, default=TransferStatus.PENDING
    )
    requested_by = models.ForeignKey(
        "User", verbose_name=_("người đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        "User",
        verbose_name=_("người xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    decision_note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đề nghị chuyển đơn vị")
        verbose_name_plural = _("đề nghị chuyển đơn vị")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="cho_duyet"),
                name="transfer_one_pending_per_person",
                violation_error_message=_("Cá nhân này đã có một đề nghị chuyển đơn vị đang chờ duyệt."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.from_unit} → {self.to_unit}"
