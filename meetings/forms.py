"""Forms of the meeting screens: the meeting itself, who a unit sends, the score sheets, the
vote for next year's lead and the files. Choice lists are scoped by the views (through
``meetings.access`` and ``blocs.access``); the business rules stay in the services, these
forms only read what was typed (points with a decimal comma, dates as dd/mm/yyyy)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm, NFCModelForm
from blocs.models import MAX_YEAR, MIN_YEAR, MemberRole, Unit
from blocs.uploads import PDFFileField
from movements.forms.pledges import CommaDecimalField
from movements.selectors_pledges import points_label

from .models import Meeting, ReportPeriod, ReviewReport, VoteMethod

TEXTAREA = {"rows": 4}


def _units(queryset):
    return queryset.order_by("name")


# --- The meeting -------------------------------------------------------------------------


class MeetingForm(NFCModelForm):
    """The meeting's record; the services' ``EDITABLE`` fields."""

    class Meta:
        model = Meeting
        fields = ["kind", "title", "held_on", "place", "host_unit", "chair", "agenda", "minutes", "conclusions",
                  "decisions_taken"]
        widgets = {name: forms.Textarea(attrs=TEXTAREA) for name in ("agenda", "minutes", "conclusions",
                                                                       "decisions_taken")}
        help_texts = {
            "decisions_taken": _("Ví dụ: thống nhất kết quả chấm điểm, đơn vị đề nghị khen thưởng, "
                                 "trưởng khối năm sau."),
        }

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        host = self.fields["host_unit"]
        host.queryset = _units(hosts if hosts is not None else Unit.objects.filter(active_to__isnull=True))
        host.empty_label = _("— Chọn đơn vị đăng cai —")


class MeetingCreateForm(MeetingForm):
    """A new meeting: of a bloc the user runs this year, or (interior staff) of the province
    with the units it invites. A bloc's meeting invites the bloc's members of the year."""

    bloc = forms.ModelChoiceField(label=_("Khối, cụm tổ chức"), queryset=None)
    invited = forms.ModelMultipleChoiceField(
        label=_("Đơn vị được mời (hội nghị cấp tỉnh)"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Chỉ dùng cho hội nghị cấp tỉnh. Hội nghị của khối, cụm tự mời các thành viên của khối "
                    "trong năm. Giữ Ctrl để chọn nhiều đơn vị."),
    )

    field_order = ["bloc", "invited", "kind", "title", "held_on", "place", "host_unit", "chair", "agenda"]

    def __init__(self, *args, blocs, province: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.province = province
        self.fields["bloc"].queryset = blocs.order_by("name")
        if province:
            self.fields["bloc"].required = False
            self.fields["bloc"].empty_label = _("— Cấp tỉnh (Sở Nội vụ tổ chức) —")
            self.fields["invited"].queryset = _units(Unit.objects.filter(active_to__isnull=True))
        else:
            self.fields["bloc"].empty_label = _("— Chọn khối, cụm —")
            del self.fields["invited"]
        for name in ("minutes", "conclusions", "decisions_taken"):
            # Written after the meeting, on its edit page.
            del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if not self.province or "bloc" in self.errors:
            return cleaned
        if not cleaned.get("bloc") and not cleaned.get("invited"):
            self.add_error("invited", _("Hội nghị cấp tỉnh: hãy chọn các đơn vị được mời."))
        elif cleaned.get("bloc") and cleaned.get("invited"):
            self.add_error("invited", _("Hội nghị của khối, cụm mời các thành viên của khối: bỏ chọn đơn vị được mời, "
                                        "hoặc để trống khối, cụm nếu là hội nghị cấp tỉnh."))
        return cleaned


# --- Attendance --------------------------------------------------------------------------


class AttendanceForm(NFCForm):
    absent_reason = forms.CharField(
        label=_("Lý do vắng mặt"), max_length=300, required=False,
        help_text=_("Chỉ ghi khi đơn vị không cử ai dự họp."),
    )


class DelegateForm(NFCForm):
    """One delegate: a person of the unit's register, or a guest typed by name."""

    person = forms.ModelChoiceField(label=_("Cán bộ của đơn vị"), queryset=None, required=False)
    full_name = forms.CharField(label=_("Họ và tên (khách mời)"), max_length=120, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=160, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].empty_label = _("— Khách mời: gõ họ tên —")
        # Rendered as table cells, without crispy's labels: Bootstrap's classes go here.
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "person" else "form-control"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("position") and not (cleaned.get("person") or cleaned.get("full_name")):
            self.add_error("full_name", _("Ghi họ tên đại biểu hoặc chọn cán bộ của đơn vị."))
        return cleaned

    @property
    def delegate(self) -> tuple | None:
        data = getattr(self, "cleaned_data", None) or {}
        if not (data.get("person") or data.get("full_name")):
            return None
        return data.get("person"), data.get("full_name", ""), data.get("position", "")


class BaseDelegateFormSet(forms.BaseFormSet):
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "missing_management_form": _("Biểu mẫu gửi lên không đầy đủ: hãy tải lại trang và nhập lại."),
        "too_many_forms": _("Chỉ ghi tối đa %(num)d đại biểu."),
    }


DelegateFormSet = forms.formset_factory(DelegateForm, formset=BaseDelegateFormSet, extra=3, max_num=60,
                                        validate_max=True)


# --- Scores ------------------------------------------------------------------------------


def _points_field(label: str, criterion, initial) -> CommaDecimalField:
    field = CommaDecimalField(label=label, required=False, min_value=0, max_digits=6, decimal_places=2,
                              initial=initial)
    field.widget.attrs.update({"class": "form-control form-control-sm text-end",
                               "placeholder": f"0 – {points_label(criterion.max_points)}"})
    field.criterion = criterion
    return field


class _PointsForm(NFCForm):
    """One line per criterion of the sheet; ``rows`` pairs each score with its fields."""

    def _check_max(self, name: str) -> None:
        value, criterion = self.cleaned_data.get(name), self.fields[name].criterion
        if isinstance(value, Decimal) and value > criterion.max_points:
            self.add_error(name, _("Tối đa %(m)s điểm.") % {"m": points_label(criterion.max_points)})


class SelfScoreForm(_PointsForm):
    def __init__(self, *args, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = scores
        for score in scores:
            pk = score.criterion_id
            self.fields[f"diem_{pk}"] = _points_field(_("Điểm tự chấm"), score.criterion, score.self_points)
            self.fields[f"minh_chung_{pk}"] = forms.CharField(
                label=_("Minh chứng, giải trình"), required=False, initial=score.evidence,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}))

    def clean(self):
        cleaned = super().clean()
        for score in self.scores:
            self._check_max(f"diem_{score.criterion_id}")
        return cleaned

    def rows(self) -> list:
        return [(s, self[f"diem_{s.criterion_id}"], self[f"minh_chung_{s.criterion_id}"]) for s in self.scores]

    @property
    def points(self) -> dict[int, tuple]:
        data = self.cleaned_data
        return {s.criterion_id: (data.get(f"diem_{s.criterion_id}"), data.get(f"minh_chung_{s.criterion_id}", ""))
                for s in self.scores}


class AgreedScoreForm(_PointsForm):
    def __init__(self, *args, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = scores
        for score in scores:
            field = _points_field(_("Điểm thống nhất"), score.criterion, score.agreed_points)
            if score.self_points is not None:
                field.widget.attrs["placeholder"] = points_label(score.self_points)
            self.fields[f"thong_nhat_{score.criterion_id}"] = field

    def clean(self):
        cleaned = super().clean()
        for score in self.scores:
            self._check_max(f"thong_nhat_{score.criterion_id}")
        return cleaned

    def rows(self) -> list:
        return [(s, self[f"thong_nhat_{s.criterion_id}"]) for s in self.scores]

    @property
    def points(self) -> dict[int, object]:
        return {s.criterion_id: self.cleaned_data.get(f"thong_nhat_{s.criterion_id}") for s in self.scores}


# --- Outcomes of the review --------------------------------------------------------------


class ProposeAwardsForm(NFCForm):
    flag = forms.ModelMultipleChoiceField(
        label=_("Đề nghị Cờ thi đua của UBND tỉnh"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    certificate = forms.ModelMultipleChoiceField(
        label=_("Đề nghị Bằng khen của Chủ tịch UBND tỉnh"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("flag", "certificate"):
            self.fields[name].queryset = units

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("flag") and not cleaned.get("certificate"):
            raise forms.ValidationError(_("Chọn ít nhất một tập thể để đề nghị khen thưởng."))
        return cleaned


class ElectionForm(NFCForm):
    """The tally of the vote for one role; one box of votes per member unit."""

    role = forms.ChoiceField(label=_("Suy tôn"), choices=[(MemberRole.LEAD, MemberRole.LEAD.label),
                                                          (MemberRole.DEPUTY, MemberRole.DEPUTY.label)])
    method = forms.ChoiceField(label=_("Hình thức"), choices=VoteMethod.choices, initial=VoteMethod.BALLOT)
    voters = forms.IntegerField(label=_("Số đơn vị biểu quyết"), min_value=1)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for unit in self.members:
            self.fields[f"phieu_{unit.pk}"] = forms.IntegerField(
                label=unit.name, min_value=0, required=False, widget=forms.NumberInput(attrs={"class": "form-control text-end"}))

    def vote_fields(self) -> list:
        return [(unit, self[f"phieu_{unit.pk}"]) for unit in self.members]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.tallies:
            raise forms.ValidationError(_("Ghi số phiếu của ít nhất một đơn vị."))
        return cleaned

    @property
    def tallies(self) -> dict:
        data = self.cleaned_data
        return {u: data[f"phieu_{u.pk}"] for u in self.members if data.get(f"phieu_{u.pk}") is not None}


# --- Files -------------------------------------------------------------------------------


class DocumentUploadForm(NFCForm):
    title = forms.CharField(label=_("Tên tài liệu"), max_length=300, required=False,
                            help_text=_("Để trống thì lấy theo tên tệp."))
    upload = PDFFileField(label=_("Tệp"))


class MinutesUploadForm(NFCForm):
    upload = PDFFileField(label=_("Biên bản hội nghị đã ký (PDF)"))


# --- Review reports ----------------------------------------------------------------------


class ReportCreateForm(NFCForm):
    """A new six-month or year-end report: of a bloc the user leads that year or (interior
    staff) of any bloc or of the province. The service fills in the issuing body, symbol,
    signer and recipients from the bloc."""

    bloc = forms.ModelChoiceField(label=_("Khối, cụm"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=ReportPeriod.choices, widget=forms.RadioSelect)

    def __init__(self, *args, blocs, province: bool, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed
        self.fields["bloc"].queryset = blocs.order_by("name")
        if province:
            self.fields["bloc"].required = False
            self.fields["bloc"].empty_label = _("— Báo cáo của tỉnh (Sở Nội vụ) —")
        else:
            self.fields["bloc"].empty_label = _("— Chọn khối, cụm —")

    def clean(self):
        cleaned = super().clean()
        bloc, year = cleaned.get("bloc"), cleaned.get("year")
        if "bloc" not in self.errors and year is not None and not self.allowed(bloc, year):
            self.add_error("bloc", _("Đơn vị của bạn không làm trưởng khối này trong năm %(y)s.") % {"y": year})
        return cleaned


class ReportForm(NFCModelForm):
    """The report's header (number, symbol, date, bodies, signer) and the author's
    narrative; the figures come from the data when it is rendered."""

    class Meta:
        model = ReviewReport
        fields = ["number", "symbol", "dated", "place", "parent_body", "issuing_body", "results", "shortcomings",
                  "causes", "next_tasks", "proposals_text", "recipients", "signer_prefix", "signer_post",
                  "signer_name"]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 6}) for name in ("results", "shortcomings", "causes",
                                                                     "next_tasks", "proposals_text")},
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "results": _("Mỗi đoạn một dòng. Số liệu (đăng ký, hội nghị, xếp hạng, khen thưởng) lấy từ dữ liệu "
                         "khi kết xuất."),
        }
