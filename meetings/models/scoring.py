"""Year-end scoring (bình xét): each member unit scores itself against its bloc's signed
pledge criteria; the bloc lead records the agreed score. Totals and ranks are computed by
``meetings.services.scoring``, never stored by hand."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from blocs.models import Unit, User
from movements.models import Criterion

from .meetings import Meeting


def points_field(label):
    return models.DecimalField(
        label, max_digits=6, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )


class ScoreSheet(models.Model):
    """One member unit's scores at one year-end review."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="score_sheets")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    self_submitted_at = models.DateTimeField(_("đơn vị gửi tự chấm lúc"), null=True, blank=True)
    self_submitted_by = models.ForeignKey(User, verbose_name=_("người gửi tự chấm"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    agreed_at = models.DateTimeField(_("thống nhất điểm lúc"), null=True, blank=True)
    agreed_by = models.ForeignKey(User, verbose_name=_("người thống nhất điểm"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("phiếu chấm điểm")
        verbose_name_plural = _("phiếu chấm điểm")
        ordering = ["meeting", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "unit"],
                name="score_sheet_once_per_unit",
                violation_error_message=_("Đơn vị đã có phiếu chấm điểm tại hội nghị này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.unit}"


class Score(models.Model):
    """The points of one criterion: the unit's own and the agreed ones, with the evidence."""

    sheet = models.ForeignKey(ScoreSheet, verbose_name=_("phiếu chấm điểm"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+")
    self_points = points_field(_("điểm tự chấm"))
    agreed_points = points_field(_("điểm thống nhất"))
    evidence = models.TextField(_("minh chứng, giải trình"), blank=True)

    class Meta:
        verbose_name = _("điểm theo tiêu chí")
        verbose_name_plural = _("điểm theo tiêu chí")
        ordering = ["sheet", "criterion__group__position", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once_per_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.sheet.unit}: {self.criterion} = {self.agreed_points}"
