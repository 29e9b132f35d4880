"""The facts eligibility rules read, per person or unit and year, each with the document it
comes from: performance ratings, initiatives, discipline, holds and the year-end ranking of
each bloc (the award history is in ``decisions``). A rating or hold names either a person or
a unit, never both."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blocs.models import Bloc, Membership, Person, Unit, User, ordered_period, year_field


def one_subject(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True, unit__isnull=False),
        name=f"{prefix}_person_xor_unit",
        violation_error_message=_("Chọn một cá nhân hoặc một tập thể."),
    )


class Rating(models.TextChoices):
    # Ordered best first; ``RATING_RANK`` compares them.
    EXCELLENT = "HTXSNV", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "HTNV", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "KHTNV", _("Không hoàn thành nhiệm vụ")


RATING_RANK = {Rating.EXCELLENT: 4, Rating.GOOD: 3, Rating.COMPLETED: 2, Rating.NOT_COMPLETED: 1}


class PerformanceRating(models.Model):
    """A yearly rating (đánh giá, xếp loại) of a person or a collective."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, null=True, blank=True, related_name="ratings"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), on_delete=models.CASCADE, null=True, blank=True, related_name="ratings"
    )
    year = year_field(verbose_name=_("năm"))
    rating = models.CharField(_("mức xếp loại"), max_length=6, choices=Rating.choices)
    # The unit that rated a person that year: history follows the person across units.
    rated_by_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đánh giá"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source = models.CharField(_("văn bản"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kết quả đánh giá, xếp loại")
        verbose_name_plural = _("kết quả đánh giá, xếp loại")
        ordering = ["-year", "pk"]
        constraints = [
            one_subject("rating"),
            models.UniqueConstraint(
                fields=["person", "year"],
                condition=Q(person__isnull=False),
                name="rating_once_per_person_year",
                violation_error_message=_("Cá nhân đã có kết quả xếp loại năm này."),
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=Q(unit__isnull=False),
                name="rating_once_per_unit_year",
                violation_error_message=_("Tập thể đã có kết quả xếp loại năm này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.rating}"


class InitiativeKind(models.TextChoices):
    INITIATIVE = "sang_kien", _("Sáng kiến")
    SCIENCE = "de_tai", _("Đề tài, đề án khoa học")


class InitiativeLevel(models.TextChoices):
    BASE = "co_so", _("Cấp cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh")
    NATIONAL = "toan_quoc", _("Toàn quốc")


class Initiative(models.Model):
    """A recognised initiative or science project; it counts for one award only (ND 152 Điều 4)."""

    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=400)
    kind = models.CharField(_("loại"), max_length=10, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE)
    level = models.CharField(_("phạm vi ảnh hưởng"), max_length=10, choices=InitiativeLevel.choices)
    recognised_on = models.DateField(_("ngày công nhận"))
    recognised_by = models.CharField(_("văn bản công nhận"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="initiatives")
    authors = models.ManyToManyField(Person, verbose_name=_("tác giả"), related_name="initiatives")
    used_by = models.ForeignKey(
        "awards.AwardRecord",
        verbose_name=_("đã dùng cho khen thưởng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives_used",
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("sáng kiến, đề tài")
        verbose_name_plural = _("sáng kiến, đề tài")
        ordering = ["-recognised_on", "pk"]

    def __str__(self) -> str:
        return self.title


class DisciplineForm(models.TextChoices):
    REPRIMAND = "khien_trach", _("Khiển trách")
    WARNING = "canh_cao", _("Cảnh cáo")
    SALARY_DOWN = "ha_bac_luong", _("Hạ bậc lương")
    DEMOTION = "giang_chuc", _("Giáng chức")
    DISMISSAL_FROM_POST = "cach_chuc", _("Cách chức")
    DISMISSAL = "buoc_thoi_viec", _("Buộc thôi việc")


# "Từ cảnh cáo trở lên" (TTLĐTT, Điều 28) compares forms by severity.
DISCIPLINE_SEVERITY = {form: rank for rank, form in enumerate(DisciplineForm.values, start=1)}


class Discipline(models.Model):
    """A disciplinary measure; achievements count only from the end of its period."""

    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineForm.choices)
    decided_on = models.DateField(_("ngày quyết định"))
    effective_from = models.DateField(_("có hiệu lực từ"))
    effective_to = models.DateField(_("đến hết ngày"), null=True, blank=True)
    unit_at_time = models.ForeignKey(
        Unit, verbose_name=_("đơn vị khi bị kỷ luật"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source = models.CharField(_("quyết định kỷ luật"), max_length=200)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["-effective_from", "pk"]
        constraints = [
            ordered_period(
                "effective_from",
                "effective_to",
                name="discipline_period_ordered",
                message=_("Ngày hết hiệu lực phải sau ngày có hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_form_display()}"

    @property
    def severity(self) -> int:
        return DISCIPLINE_SEVERITY[self.form]


class HoldKind(models.TextChoices):
    DISCIPLINE_REVIEW = "xem_xet_ky_luat", _("Đang xem xét kỷ luật")
    INVESTIGATION = "dieu_tra", _("Đang điều tra")
    INSPECTION = "thanh_tra", _("Đang thanh tra, kiểm tra")
    COMPLAINT = "khieu_nai", _("Có đơn khiếu nại, tố cáo đang xác minh")
    PRESS = "bao_chi", _("Có vấn đề báo chí nêu đang xác minh")


class Hold(models.Model):
    """A matter under review: no award to the person or unit while it is open (Law Điều 5)."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, null=True, blank=True, related_name="holds"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("tập thể"), on_delete=models.CASCADE, null=True, blank=True, related_name="holds"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=HoldKind.choices)
    opened_on = models.DateField(_("từ ngày"))
    closed_on = models.DateField(_("kết thúc ngày"), null=True, blank=True)
    source = models.CharField(_("văn bản"), max_length=200)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("vụ việc đang xem xét")
        verbose_name_plural = _("vụ việc đang xem xét")
        ordering = ["-opened_on", "pk"]
        constraints = [
            one_subject("hold"),
            ordered_period(
                "opened_on", "closed_on", name="hold_period_ordered", message=_("Ngày kết thúc phải sau ngày bắt đầu.")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit}: {self.get_kind_display()}"


class BlocRanking(models.Model):
    """A unit's place in its bloc's or cluster's year-end ranking (kết quả xếp hạng khối,
    cụm), as the bloc's year-end review recorded it: rank 1 leads. Cờ thi đua của UBND tỉnh
    goes to the leading units of each provincial bloc (Law Điều 26), Cờ thi đua của Chính phủ
    is chosen among them (Điều 25). Units tied on a place share its rank.

    Written only through ``awards.services.rankings.bloc_ranking_record``, which replaces a
    bloc-year's whole ranking at once (the ``meetings`` app will call it after scoring)."""

    bloc = models.ForeignKey(Bloc, verbose_name=_("khối, cụm"), on_delete=models.CASCADE, related_name="rankings")
    year = year_field(verbose_name=_("năm"))
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="bloc_rankings")
    rank = models.PositiveSmallIntegerField(_("thứ hạng"), validators=[MinValueValidator(1)])
    score = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=2, null=True, blank=True)
    source = models.CharField(
        _("văn bản"),
        max_length=300,
        help_text=_("Ví dụ: Biên bản hội nghị tổng kết công tác thi đua, khen thưởng năm … ngày …"),
    )
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now=True)

    class Meta:
        verbose_name = _("kết quả xếp hạng khối, cụm")
        verbose_name_plural = _("kết quả xếp hạng khối, cụm")
        ordering = ["bloc", "-year", "rank", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year", "unit"],
                name="bloc_ranking_unit_once_per_bloc_year",
                violation_error_message=_("Đơn vị đã có thứ hạng trong khối năm này."),
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="bloc_ranking_rank_from_one",
                violation_error_message=_("Thứ hạng bắt đầu từ 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bloc} {self.year}: {self.rank}. {self.unit}"

    def clean(self) -> None:
        if not (self.bloc_id and self.unit_id and self.year):
            return
        member = Membership.objects.filter(
            bloc_year__bloc_id=self.bloc_id, bloc_year__year=self.year, unit_id=self.unit_id
        ).exists()
        if not member:
            raise ValidationError(
                {"unit": _("%(u)s không là thành viên của %(b)s năm %(y)s.")
                 % {"u": self.unit, "b": self.bloc, "y": self.year}}
            )
