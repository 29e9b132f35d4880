"""Award proposals (đề nghị khen thưởng): who proposes whom for what, the dossier, and every
transition. Outcomes are per nominee; the proposal's state summarises them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blocs.models import Bloc, Person, Unit, User, year_field
from movements.models import Movement

from .catalogue import Title
from .facts import Initiative
from .rules import RuleSet


class AwardKind(models.TextChoices):
    """Loại hình khen thưởng (Law Điều 10)."""

    MERIT = "cong_trang", _("Công trạng")
    AD_HOC = "dot_xuat", _("Đột xuất")
    MOVEMENT = "phong_trao", _("Theo phong trào, chuyên đề")
    CAREER = "cong_hien", _("Cống hiến")
    SENIORITY = "nien_han", _("Niên hạn")
    FOREIGN = "doi_ngoai", _("Đối ngoại")


# Ad hoc and thematic awards do not count toward higher merit awards (ND 152 Điều 4).
STREAK_KINDS = (AwardKind.MERIT,)


class ProposalStatus(models.TextChoices):
    DRAFT = "nhap", _("Đang soạn")
    SUBMITTED = "da_gui", _("Đã gửi Sở Nội vụ")
    RECEIVED = "da_tiep_nhan", _("Đã tiếp nhận, phân công")
    UNDER_REVIEW = "dang_tham_dinh", _("Đang thẩm định")
    RETURNED = "tra_lai", _("Trả lại để bổ sung")
    ACCEPTED = "cho_hoi_dong", _("Chờ Hội đồng xét")
    PUBLIC_NOTICE = "cong_khai", _("Đang công khai")
    VOTED = "da_bieu_quyet", _("Hội đồng đã biểu quyết")
    FORWARDED = "trinh_trung_uong", _("Đã trình Trung ương")
    DECIDED = "da_quyet_dinh", _("Đã có quyết định")
    REJECTED = "khong_khen", _("Không khen thưởng")
    CONSOLIDATED = "da_tong_hop", _("Đã tổng hợp vào đề nghị khác")


class Proposal(models.Model):
    """A proposal from a unit (or a bloc through its lead, or the province to the central level)."""

    proposing_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="proposals"
    )
    bloc = models.ForeignKey(
        Bloc,
        verbose_name=_("khối, cụm đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        help_text=_("Khi trưởng khối đề nghị thay mặt khối."),
    )
    to_central = models.BooleanField(_("tỉnh trình Trung ương"), default=False)
    kind = models.CharField(_("loại hình"), max_length=12, choices=AwardKind.choices, default=AwardKind.MERIT)
    year = year_field(verbose_name=_("năm xét"))
    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.PROTECT, null=True, blank=True, related_name="proposals"
    )
    rule_set = models.ForeignKey(RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("trích yếu"), max_length=400)
    document_number = models.CharField(_("số tờ trình"), max_length=60, blank=True)
    event_date = models.DateField(
        _("ngày sự kiện, hội nghị"), null=True, blank=True, help_text=_("Với khen thưởng chuyên đề, hội nghị.")
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT)
    assigned_to = models.ForeignKey(
        User, verbose_name=_("chuyên viên thụ lý"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consolidated_into = models.ForeignKey(
        "self",
        verbose_name=_("đã tổng hợp vào"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    is_late = models.BooleanField(_("nộp muộn"), default=False)
    return_comment = models.TextField(_("nội dung cần bổ sung"), blank=True)
    rejection_reason = models.TextField(_("lý do không khen thưởng"), blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-year", "-created_at", "-pk"]
        indexes = [models.Index(fields=["year", "status"]), models.Index(fields=["proposing_unit", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="nhap") | Q(submitted_at__isnull=False),
                name="proposal_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("awards:proposal_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (ProposalStatus.DRAFT, ProposalStatus.RETURNED)


class Household(models.Model):
    """A household (hộ gia đình) that can receive awards; receives 1.5 × an individual's amount."""

    head_name = models.CharField(_("chủ hộ"), max_length=120)
    address = models.CharField(_("địa chỉ"), max_length=255)
    commune = models.ForeignKey(Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="households")

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["head_name", "pk"]

    def __str__(self) -> str:
        return _("Hộ %(name)s") % {"name": self.head_name}


class NomineeOutcome(models.TextChoices):
    PENDING = "cho_xet", _("Chờ xét")
    ACCEPTED = "dat", _("Thẩm định đạt")
    NOT_ACCEPTED = "khong_dat", _("Thẩm định không đạt")
    AWARDED = "duoc_khen", _("Được khen thưởng")
    REJECTED = "khong_khen", _("Không khen thưởng")
    DEFERRED = "hoan", _("Hoãn xét")
    FORWARDED = "trinh_tw", _("Đã trình Trung ương")
    CONSOLIDATED = "da_tong_hop", _("Đã tổng hợp vào đề nghị khác")


def subject_xor(prefix: str) -> models.CheckConstraint:
    """Exactly one of person, unit, household."""
    person, unit, household = Q(person__isnull=False), Q(unit__isnull=False), Q(household__isnull=False)
    return models.CheckConstraint(
        condition=(person & ~unit & ~household) | (~person & unit & ~household) | (~person & ~unit & household),
        name=f"{prefix}_one_subject",
        violation_error_message=_("Chọn đúng một cá nhân, tập thể hoặc hộ gia đình."),
    )


class Nominee(models.Model):
    """One person, unit or household proposed for one title or form, with its own outcome."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominees")
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.PROTECT, null=True, blank=True, related_name="nominations"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), on_delete=models.PROTECT, null=True, blank=True, related_name="nominations"
    )
    household = models.ForeignKey(
        Household, verbose_name=_("hộ gia đình"), on_delete=models.PROTECT, null=True, blank=True, related_name="nominations"
    )
    title = models.ForeignKey(Title, verbose_name=_("danh hiệu/hình thức"), on_delete=models.PROTECT, related_name="+")
    period_from = year_field(verbose_name=_("thành tích từ năm"))
    period_to = year_field(verbose_name=_("đến năm"))
    achievement = models.TextField(_("tóm tắt thành tích"))
    initiatives = models.ManyToManyField(Initiative, verbose_name=_("sáng kiến làm căn cứ"), blank=True, related_name="nominations")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    outcome = models.CharField(_("kết quả"), max_length=12, choices=NomineeOutcome.choices, default=NomineeOutcome.PENDING)
    outcome_reason = models.TextField(_("lý do"), blank=True)
    appraised_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    appraised_at = models.DateTimeField(null=True, blank=True)
    # The engine's verdict at the last submission: [{"code", "status", "message"}], kept as evidence.
    checks = models.JSONField(_("kết quả kiểm tra điều kiện"), default=list, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    override_reason = models.TextField(_("lý do chấp nhận dù không đạt điều kiện"), blank=True)
    overridden_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Consolidation: the nominee in a bloc's or the province's proposal points to its source.
    source = models.ForeignKey(
        "self", verbose_name=_("từ đề nghị"), on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_to"
    )

    class Meta:
        verbose_name = _("người, tập thể được đề nghị")
        verbose_name_plural = _("người, tập thể được đề nghị")
        ordering = ["proposal", "position", "pk"]
        constraints = [
            subject_xor("nominee"),
            models.CheckConstraint(
                condition=Q(period_to__gte=models.F("period_from")),
                name="nominee_period_ordered",
                violation_error_message=_("Năm kết thúc thành tích phải sau năm bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject}: {self.title}"

    @property
    def subject(self) -> Person | Unit | Household:
        return self.person or self.unit or self.household


class DocumentKind(models.TextChoices):
    SUBMISSION = "to_trinh", _("Tờ trình")
    MINUTES = "bien_ban", _("Biên bản họp Hội đồng TĐKT (kết quả bỏ phiếu)")
    ACHIEVEMENT_REPORT = "bao_cao", _("Báo cáo thành tích")
    INITIATIVE_CERTIFICATE = "sang_kien", _("Giấy chứng nhận sáng kiến, đề tài")
    PARTY_OPINION = "y_kien_dang", _("Ý kiến của cấp ủy")
    OTHER = "khac", _("Tài liệu khác")


class ProposalDocument(models.Model):
    """A file of the dossier; replacing a file keeps the old one (``replaced_by``) for the record."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="documents")
    nominee = models.ForeignKey(
        Nominee, verbose_name=_("của"), on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(_("loại tài liệu"), max_length=12, choices=DocumentKind.choices)
    file = models.FileField(_("tệp"), upload_to="proposals/%Y/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces"
    )
    uploaded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["proposal", "kind", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ProposalEvent(models.Model):
    """One transition of a proposal, shown as its history (also written to the audit log)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=60)
    from_status = models.CharField(max_length=16, choices=ProposalStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ProposalStatus.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")
        ordering = ["proposal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_status} → {self.to_status}"
