"""Forms of the proposal screens: text in NFC, dates dd/mm/yyyy, choice lists scoped."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from blocs.forms import NFCForm
from blocs.models import MAX_YEAR, MIN_YEAR, Bloc, Person, Role, Unit, User
from movements.models import Movement

from .access_proposals import NomineeChoices
from .models import (
    AwardKind,
    DocumentKind,
    Household,
    Initiative,
    Nominee,
    Proposal,
    ProposalStatus,
    Title,
)
from .services.dossier import MAX_MB
from .services.proposals import movement_problem


class ProposalForm(NFCForm):
    subject = forms.CharField(label=_("Trích yếu"), max_length=400)
    kind = forms.ChoiceField(label=_("Loại hình khen thưởng"), choices=AwardKind.choices)
    movement = forms.ModelChoiceField(
        label=_("Phong trào thi đua"), queryset=Movement.objects.none(), required=False,
        help_text=_("Bắt buộc với loại hình “Theo phong trào, chuyên đề”."),
        error_messages={"invalid_choice": _("Chỉ chọn được phong trào trong danh sách.")},
    )
    year = forms.IntegerField(label=_("Năm xét"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    bloc = forms.ModelChoiceField(
        label=_("Đề nghị thay mặt khối"), queryset=Bloc.objects.none(), required=False,
        help_text=_("Chỉ khi đơn vị là trưởng khối năm đó."),
    )
    document_number = forms.CharField(label=_("Số tờ trình"), max_length=60, required=False)
    event_date = forms.DateField(label=_("Ngày sự kiện, hội nghị"), required=False)

    def __init__(self, *args, movements: QuerySet[Movement], blocs: QuerySet[Bloc] | None = None,
                 proposal: Proposal | None = None, **kwargs):
        if proposal is not None and "initial" not in kwargs:
            kwargs["initial"] = {f: getattr(proposal, f) for f in
                                 ("subject", "kind", "year", "document_number", "event_date")}
            kwargs["initial"]["movement"] = proposal.movement_id
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        self.fields["movement"].queryset = movements
        self.fields["movement"].label_from_instance = (
            lambda m: f"{m.name} ({m.year})" if m.year else m.name)
        if proposal is not None:
            del self.fields["bloc"]
            self.fields["year"].disabled = True
        elif blocs is not None:
            self.fields["bloc"].queryset = blocs
        else:
            del self.fields["bloc"]

    def clean(self):
        data = super().clean()
        bloc = self.proposal.bloc if self.proposal is not None else data.get("bloc")
        problem = movement_problem(data.get("kind"), data.get("movement"), bloc)
        if problem and "movement" not in self.errors:
            self.add_error("movement", problem)
        return data


NEW_HOUSEHOLD = ("head_name", "address", "commune")


def _household_label(h: Household) -> str:
    return f"{h} — {h.address}, {h.commune.name}"


def _initiative_label(i: Initiative) -> str:
    authors = ", ".join(p.full_name for p in i.authors.all())
    return (f"«{i.title}» — {i.get_level_display()}, công nhận {i.recognised_on:%d/%m/%Y} ({i.recognised_by})"
            + (f"; tác giả: {authors}" if authors else ""))


class NomineeForm(NFCForm):
    """One nominee: exactly one person, unit, known household or new household (created
    with the nominee); a person's free initiatives as the grounds of the award."""

    title = forms.ModelChoiceField(label=_("Danh hiệu, hình thức đề nghị"), queryset=Title.objects.none())
    person = forms.ModelChoiceField(
        label=_("Cá nhân"), queryset=Person.objects.none(), required=False,
        error_messages={"invalid_choice": _("Chỉ chọn được cá nhân thuộc phạm vi của đề nghị.")},
    )
    unit = forms.ModelChoiceField(
        label=_("hoặc tập thể"), queryset=Unit.objects.none(), required=False,
        error_messages={"invalid_choice": _("Chỉ chọn được tập thể thuộc phạm vi của đề nghị.")},
    )
    household = forms.ModelChoiceField(
        label=_("hoặc hộ gia đình đã có"), queryset=Household.objects.none(), required=False,
        error_messages={"invalid_choice": _("Chỉ chọn được hộ của xã, phường mà đơn vị được đề nghị.")},
    )
    head_name = forms.CharField(
        label=_("hoặc hộ mới: họ tên chủ hộ"), max_length=120, required=False,
        help_text=_("Khi hộ chưa có trong danh sách: nhập chủ hộ, địa chỉ, xã/phường; hộ được ghi nhận khi lưu."),
    )
    address = forms.CharField(label=_("Địa chỉ của hộ mới"), max_length=255, required=False)
    commune = forms.ModelChoiceField(
        label=_("Xã, phường của hộ mới"), queryset=Unit.objects.none(), required=False,
        error_messages={"invalid_choice": _("Chỉ chọn được xã, phường mà đơn vị được đề nghị.")},
    )
    period_from = forms.IntegerField(label=_("Thành tích từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    period_to = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    achievement = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 4}))
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Sáng kiến, đề tài làm căn cứ"), queryset=Initiative.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Sáng kiến, đề tài của cá nhân được đề nghị chưa dùng cho khen thưởng khác; mỗi sáng kiến "
                    "chỉ làm căn cứ một lần."),
        error_messages={"invalid_choice": _(
            "Sáng kiến này không dùng được làm căn cứ: không phải của cá nhân được chọn, hoặc đã dùng cho "
            "khen thưởng khác.")},
    )

    def __init__(self, *args, choices: NomineeChoices, nominee: Nominee | None = None, year: int | None = None,
                 refresh_url: str = "", **kwargs):
        if nominee is not None and "initial" not in kwargs:
            kwargs["initial"] = {"title": nominee.title_id, "person": nominee.person_id, "unit": nominee.unit_id,
                                 "household": nominee.household_id,
                                 "period_from": nominee.period_from, "period_to": nominee.period_to,
                                 "achievement": nominee.achievement,
                                 "initiatives": [i.pk for i in nominee.initiatives.all()]}
        elif year is not None and "initial" not in kwargs:
            kwargs["initial"] = {"period_from": year, "period_to": year}
        super().__init__(*args, **kwargs)
        self.fields["title"].queryset = Title.objects.filter(is_active=True)
        self.fields["person"].queryset = choices.people
        self.fields["unit"].queryset = choices.units
        self.fields["household"].queryset = choices.households
        self.fields["household"].label_from_instance = _household_label
        self.fields["commune"].queryset = choices.communes
        initiatives = self.fields["initiatives"]
        initiatives.queryset = choices.initiatives(self._person_id(), nominee)
        initiatives.label_from_instance = _initiative_label
        if refresh_url:
            # Choosing a person shows that person's initiatives (htmx; without it, the server
            # keeps only the chosen person's on saving).
            self.fields["person"].widget.attrs.update({
                "hx-get": refresh_url, "hx-trigger": "change", "hx-target": "#div_id_initiatives",
                "hx-select": "#div_id_initiatives", "hx-swap": "outerHTML",
            })

    def _person_id(self) -> int | None:
        raw = self.data.get(self.add_prefix("person")) if self.is_bound else self.initial.get("person")
        raw = getattr(raw, "pk", raw)
        try:
            return int(raw) if raw else None
        except (TypeError, ValueError):
            return None

    def clean(self):
        data = super().clean()
        new = any(data.get(name) for name in NEW_HOUSEHOLD)
        chosen = sum(bool(data.get(name)) for name in ("person", "unit", "household")) + new
        if chosen != 1 and not any(name in self.errors for name in ("person", "unit", "household", "commune")):
            self.add_error(None, _("Chọn đúng một: cá nhân, tập thể, hộ gia đình đã có hoặc hộ mới."))
        if new and chosen == 1:
            missing = {"head_name": _("Hãy nhập họ tên chủ hộ."), "address": _("Hãy nhập địa chỉ của hộ."),
                       "commune": _("Hãy chọn xã, phường của hộ.")}
            for name, message in missing.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        if data.get("initiatives") and not data.get("person") and "person" not in self.errors:
            self.add_error("initiatives", _("Chỉ cá nhân mới có sáng kiến, đề tài làm căn cứ."))
        return data

    def new_household(self) -> dict | None:
        """The household to record with the nominee, when one was typed in."""
        data = self.cleaned_data
        if not any(data.get(name) for name in NEW_HOUSEHOLD):
            return None
        return {name: data[name] for name in NEW_HOUSEHOLD}


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
