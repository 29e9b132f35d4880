"""Forms of the organisation screens. Every form normalises text to NFC and reads dates as
dd/mm/yyyy; choice lists are scoped through ``blocs.access``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import access
from .models import Bloc, LeadSource, MemberRole, Membership, Person, TransferRequest, Unit, User
from .text import nfc


class VNDateInput(forms.DateInput):
    """A text box that shows and reads dd/mm/yyyy (a browser date picker would send ISO)."""

    def __init__(self, attrs=None):
        base = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class NFCMixin:
    """Normalise every submitted string to Unicode NFC before validation and saving."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = nfc(value)
        return cleaned

    def _use_vn_dates(self) -> None:
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = VNDateInput()


class NFCForm(NFCMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._use_vn_dates()


class NFCModelForm(NFCMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._use_vn_dates()


class UnitForm(NFCModelForm):
    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "code",
            "kind",
            "parent",
            "has_legal_personality",
            "has_party_organisation",
            "active_from",
        ]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        parents = access.visible_units(user).filter(active_to__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents.order_by("name")
        if not user.manages_province:
            # A unit officer edits the unit's details, not where it sits in the province.
            for name in ("code", "kind", "parent", "active_from"):
                self.fields[name].disabled = True


class UnitDissolveForm(NFCForm):
    on = forms.DateField(label=_("Ngày giải thể (ngày hoạt động cuối cùng)"))
    successors = forms.ModelMultipleChoiceField(
        label=_("Đơn vị kế thừa"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successors"].queryset = Unit.objects.filter(active_to__isnull=True).exclude(
            pk=unit.pk
        )


class BlocForm(NFCModelForm):
    class Meta:
        model = Bloc
        fields = ["name", "kind", "level", "description", "active_from", "active_to", "max_deputies"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MembershipAddForm(NFCModelForm):
    class Meta:
        model = Membership
        fields = ["unit", "role", "lead_source", "source_note"]

    def __init__(self, *args, bloc: Bloc, year: int, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        present = Membership.objects.filter(bloc_year__bloc=bloc, bloc_year__year=year)
        self.fields["unit"].queryset = (
            access.visible_units(user, year)
            .exclude(pk__in=present.values("unit_id"))
            .exclude(active_to__year__lt=year)
            .order_by("name")
        )


class MembershipRoleForm(NFCForm):
    role = forms.ChoiceField(label=_("Vai trò"), choices=MemberRole.choices)
    lead_source = forms.ChoiceField(
        label=_("Nguồn gốc vai trò"), choices=[("", "—"), *LeadSource.choices], required=False
    )
    source_note = forms.CharField(label=_("Căn cứ"), max_length=255, required=False)


class PersonForm(NFCModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_year", "position", "recruited_on", "unit"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = access.editable_units(user).filter(active_to__isnull=True)
        if self.instance.pk:
            # Moving someone goes through a transfer request, decided by interior staff.
            self.fields["unit"].disabled = True
            self.fields["unit"].queryset = Unit.objects.filter(pk=self.instance.unit_id)
        elif user.is_unit_officer:
            self.fields["unit"].initial = user.unit_id


class TransferRequestForm(NFCModelForm):
    class Meta:
        model = TransferRequest
        fields = ["to_unit", "effective_on", "new_position", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = (
            Unit.objects.filter(active_to__isnull=True).exclude(pk=person.unit_id).order_by("name")
        )


class TransferDecisionForm(NFCForm):
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)
