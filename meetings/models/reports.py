"""Six-month and year-end review reports of a bloc or of the province: the narrative the
author edits in the browser, and the rendered versions (PDF, DOCX), all kept."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from awards.models import SignerPrefix
from blocs.models import Bloc, Job, User, year_field


class ReportPeriod(models.TextChoices):
    HALF_YEAR = "h1", _("Sơ kết 6 tháng đầu năm")
    YEAR = "year", _("Tổng kết năm")



class ReviewReport(models.Model):
    """The report of *bloc* (or of the province, written by Sở Nội vụ, when empty) for a
    period of a year. Figures come from the data when rendered; the narrative is typed."""

    bloc = models.ForeignKey(
        Bloc, verbose_name=_("khối, cụm"), on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    year = year_field(verbose_name=_("năm"))
    period = models.CharField(_("kỳ báo cáo"), max_length=4, choices=ReportPeriod.choices)
    number = models.CharField(_("số"), max_length=10, blank=True, help_text=_("Để trống để ghi số khi ký."))
    symbol = models.CharField(_("ký hiệu"), max_length=30, help_text=_("Ví dụ BC-KNC."))
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=120, default="UBND TỈNH LAI CHÂU")
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=160)
    place = models.CharField(_("địa danh"), max_length=60, default="Lai Châu")
    dated = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    results = models.TextField(_("kết quả đạt được (nhận xét)"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    causes = models.TextField(_("nguyên nhân"), blank=True)
    next_tasks = models.TextField(_("nhiệm vụ, giải pháp kỳ tới"), blank=True)
    proposals_text = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    signer_prefix = models.CharField(_("thẩm quyền ký"), max_length=4, choices=SignerPrefix.choices, blank=True)
    signer_post = models.CharField(_("chức vụ người ký"), max_length=120)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    created_by = models.ForeignKey(User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("báo cáo sơ kết, tổng kết")
        ordering = ["-year", "bloc__name", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year", "period"], name="report_once_per_bloc_period",
                violation_error_message=_("Khối đã có báo cáo kỳ này."),
            ),
            models.UniqueConstraint(
                fields=["year", "period"], condition=Q(bloc__isnull=True), name="report_once_per_province_period",
                violation_error_message=_("Tỉnh đã có báo cáo kỳ này."),
            ),
        ]

    def __str__(self) -> str:
        scope = self.bloc.name if self.bloc_id else _("toàn tỉnh")
        return f"{self.get_period_display()} {self.year} — {scope}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:report_detail", args=[self.pk])


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word (DOCX)")


class ReportVersion(models.Model):
    """One rendering; re-rendering adds a version and keeps the old ones."""

    report = models.ForeignKey(ReviewReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    format = models.CharField(_("định dạng"), max_length=4, choices=ReportFormat.choices)
    file = models.FileField(_("tệp"), upload_to="reports/%Y/")
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    job = models.OneToOneField(Job, verbose_name=_("công việc nền"), on_delete=models.SET_NULL, null=True, blank=True, related_name="report_version")
    created_by = models.ForeignKey(User, verbose_name=_("người tạo"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bản in báo cáo")
        verbose_name_plural = _("bản in báo cáo")
        ordering = ["report", "-number", "format"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number", "format"], name="report_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number} ({self.format})"
