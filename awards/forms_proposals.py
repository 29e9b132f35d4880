"""Forms of the proposal screens: text in NFC, dates dd/mm/yyyy, choice lists scoped."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm
from blocs.models import MAX_YEAR, MIN_YEAR, Bloc, Person, Role, Unit, User

from .models import AwardKind, DocumentKind, Nominee, Proposal, ProposalStatus, Title
from .services.dossier import MAX_MB


class ProposalForm(NFCForm):
    subject = forms.CharField(label=_("Trích yếu"), max_length=400)
    kind = forms.ChoiceField(label=_("Loại hình khen thưởng"), choices=AwardKind.choices)
    year = forms.IntegerField(label=_("Năm xét"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    bloc = forms.ModelChoiceField(
        label=_("Đề nghị thay mặt khối"), queryset=Bloc.objects.none(), required=False,
        help_text=_("Chỉ khi đơn vị là trưởng khối năm đó."),
    )
    document_number = forms.CharField(label=_("Số tờ trình"), max_length=60, required=False)
    event_date = forms.DateField(label=_("Ngày sự kiện, hội nghị"), required=False)

    def __init__(self, *args, blocs: QuerySet[Bloc] | None = None, proposal: Proposal | None = None, **kwargs):
        if proposal is not None and "initial" not in kwargs:
            kwargs["initial"] = {f: getattr(proposal, f) for f in
                                 ("subject", "kind", "year", "document_number", "event_date")}
        super().__init__(*args, **kwargs)
        if proposal is not None:
            del self.fields["bloc"]
            self.fields["year"].disabled = True
        elif blocs is not None:
            self.fields["bloc"].queryset = blocs
        else:
            del self.fields["bloc"]


class NomineeForm(NFCForm):
    title = forms.ModelChoiceField(label=_("Danh hiệu, hình thức đề nghị"), queryset=Title.objects.none())
    person = forms.ModelChoiceField(label=_("Cá nhân"), queryset=Person.objects.none(), required=False)
    unit = forms.ModelChoiceField(label=_("hoặc tập thể"), queryset=Unit.objects.none(), required=False)
    period_from = forms.IntegerField(label=_("Thành tích từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    period_to = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, people: QuerySet[Person], units: QuerySet[Unit], nominee: Nominee | None = None,
                 year: int | None = None, **kwargs):
        if nominee is not None and "initial" not in kwargs:
            kwargs["initial"] = {"title": nominee.title_id, "person": nominee.person_id, "unit": nominee.unit_id,
                                 "period_from": nominee.period_from, "period_to": nominee.period_to,
                                 "achievement": nominee.achievement}
        elif year is not None and "initial" not in kwargs:
            kwargs["initial"] = {"period_from": year, "period_to": year}
        super().__init__(*args, **kwargs)
        self.fields["title"].queryset = Title.objects.filter(is_active=True).exclude(beneficiary="ho_gia_dinh")
        self.fields["person"].queryset = people
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("unit")):
            raise forms.ValidationError(_("Chọn một cá nhân hoặc một tập thể (không chọn cả hai)."))
        return data


class DocumentForm(NFCForm):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentKind.choices)
    nominee = forms.ModelChoiceField(label=_("Của người, tập thể"), queryset=Nominee.objects.none(), required=False)
    file = forms.FileField(label=_("Tệp"), help_text=_("PDF hoặc Word (DOCX), tối đa %(n)s MB.") % {"n": MAX_MB})

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = proposal.nominees.select_related("person", "unit", "household")
        self.fields["file"].widget.attrs["accept"] = ".pdf,.docx,application/pdf"


class ReceiveForm(NFCForm):
    specialist = forms.ModelChoiceField(label=_("Chuyên viên thụ lý"), queryset=User.objects.none())
    comment = forms.CharField(label=_("Ghi chú"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = User.objects.filter(role=Role.INTERIOR, is_active=True).order_by(
            "last_name", "first_name", "username")


class ReasonForm(NFCForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(NFCForm):
    comment = forms.CharField(label=_("Hồ sơ cần bổ sung những gì"), widget=forms.Textarea(attrs={"rows": 3}))


class CommentForm(NFCForm):
    comment = forms.CharField(label=_("Ghi chú"), required=False)


class AppraiseForm(NFCForm):
    accepted = forms.TypedChoiceField(
        label=_("Kết quả thẩm định"), choices=[("1", _("Đạt")), ("0", _("Không đạt"))],
        coerce=lambda v: v == "1", widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Lý do (bắt buộc khi không đạt)"), required=False)


class FilterForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)
    trang_thai = forms.ChoiceField(label=_("Trạng thái"), required=False,
                                   choices=[("", _("Tất cả"))] + list(ProposalStatus.choices))
    don_vi = forms.ModelChoiceField(label=_("Đơn vị"), required=False, queryset=Unit.objects.none())

    def __init__(self, *args, units: QuerySet[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = units


class GatherForm(NFCForm):
    subject = forms.CharField(label=_("Trích yếu"), max_length=400)
    nominees = forms.ModelMultipleChoiceField(
        label=_("Người, tập thể tổng hợp"), queryset=Nominee.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, candidates: QuerySet[Nominee], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominees"].queryset = candidates
        self.fields["nominees"].label_from_instance = lambda n: (
            f"{n.subject} — {n.title.label} ({n.proposal.proposing_unit.short_name or n.proposal.proposing_unit.name})")
