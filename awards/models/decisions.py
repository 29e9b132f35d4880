"""Decisions (Quyết định) and the award history they write. History follows the person:
a record names the person, and keeps the unit they were in as ``unit_at_award``."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blocs.models import Person, Unit, User, year_field

from .catalogue import Title
from .proposals import AwardKind, Household, Nominee, Proposal, subject_xor


class DecisionKind(models.TextChoices):
    AWARD = "khen_thuong", _("Khen thưởng")
    REVOCATION = "thu_hoi", _("Thu hồi, hủy bỏ khen thưởng")


class SignerPrefix(models.TextChoices):
    NONE = "", _("(ký trực tiếp)")
    ON_BEHALF = "TM.", "TM."
    DEPUTY = "KT.", "KT."
    BY_ORDER = "TL.", "TL."
    ACTING = "Q.", "Q."


class Decision(models.Model):
    """A signed decision; its number is unique per issuer and year, allocated under a lock."""

    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    year = year_field(verbose_name=_("năm"))
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("ký hiệu"), max_length=40, help_text=_("Ví dụ QĐ-UBND."))
    kind = models.CharField(_("loại"), max_length=12, choices=DecisionKind.choices, default=DecisionKind.AWARD)
    signed_on = models.DateField(_("ngày ký"))
    signer_prefix = models.CharField(_("thẩm quyền ký"), max_length=4, choices=SignerPrefix.choices, blank=True)
    signer_post = models.CharField(_("chức vụ người ký"), max_length=120)
    signer_name = models.CharField(_("người ký"), max_length=120)
    subject = models.CharField(_("trích yếu"), max_length=400)
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("đề nghị"), on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    is_central = models.BooleanField(_("quyết định của Trung ương"), default=False)
    file = models.FileField(_("bản ký"), upload_to="decisions/%Y/", blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định")
        verbose_name_plural = _("quyết định")
        ordering = ["-signed_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number"],
                name="decision_number_unique_per_issuer_year",
                violation_error_message=_("Số quyết định đã được dùng trong năm của cơ quan này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.symbol}"

    def get_absolute_url(self) -> str:
        return reverse("awards:decision_detail", args=[self.pk])

    @property
    def signature(self) -> str:
        return f"{self.signer_prefix} {self.signer_post}".strip()


class DecisionCounter(models.Model):
    """The last number an issuer used in a year; locked with select_for_update to allocate."""

    issuer = models.CharField(max_length=200)
    year = year_field()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="decision_counter_unique")]

    def __str__(self) -> str:
        return f"{self.issuer} {self.year}: {self.last_number}"


class AwardSource(models.TextChoices):
    DECISION = "quyet_dinh", _("Theo quyết định trong hệ thống")
    IMPORT = "nhap_lieu", _("Nhập từ dữ liệu cũ")


class AwardRecord(models.Model):
    """One award to one person, unit or household. A revoked record stays, marked, and no
    longer counts for eligibility (Law Điều 93)."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    household = models.ForeignKey(
        Household, verbose_name=_("hộ gia đình"), on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    unit_at_award = models.ForeignKey(
        Unit, verbose_name=_("đơn vị khi được khen"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu/hình thức"), on_delete=models.PROTECT, related_name="records")
    year = year_field(verbose_name=_("năm"))
    kind = models.CharField(_("loại hình"), max_length=12, choices=AwardKind.choices, default=AwardKind.MERIT)
    decision = models.ForeignKey(
        Decision, verbose_name=_("quyết định"), on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    # Imported history has no Decision row: the number and date are kept as printed.
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    amount = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    nominee = models.OneToOneField(
        Nominee, on_delete=models.SET_NULL, null=True, blank=True, related_name="award"
    )
    source = models.CharField(_("nguồn"), max_length=12, choices=AwardSource.choices, default=AwardSource.DECISION)
    revoked_by = models.ForeignKey(
        Decision,
        verbose_name=_("thu hồi theo quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revoked_records",
    )
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("lịch sử khen thưởng")
        ordering = ["-year", "title__position", "pk"]
        indexes = [
            models.Index(fields=["person", "year"]),
            models.Index(fields=["unit", "year"]),
            models.Index(fields=["title", "year"]),
        ]
        constraints = [
            subject_xor("award_record"),
            models.CheckConstraint(
                condition=Q(revoked_by__isnull=True) | ~Q(revoked_reason=""),
                name="award_record_revocation_has_reason",
                violation_error_message=_("Cần ghi lý do thu hồi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject}: {self.title} {self.year}"

    @property
    def subject(self) -> Person | Unit | Household:
        return self.person or self.unit or self.household

    @property
    def is_revoked(self) -> bool:
        return self.revoked_by_id is not None

    @property
    def decision_label(self) -> str:
        return str(self.decision) if self.decision_id else self.decision_number
