"""Dates read and written the Vietnamese way (dd/mm/yyyy), in Vietnamese, on Hanoi time."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, timezone, translation

from blocs.forms import VNDateInput

MARCH_5 = datetime.date(2024, 3, 5)


class DateForm(forms.Form):
    day = forms.DateField()


class VNDateForm(forms.Form):
    day = forms.DateField(widget=VNDateInput())


def test_the_interface_is_vietnamese_on_hanoi_time():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_I18N and settings.USE_TZ
    assert translation.get_language() == "vi"
    assert str(timezone.get_current_timezone()) == "Asia/Ho_Chi_Minh"


def test_a_date_field_reads_day_then_month():
    assert forms.DateField().clean("05/03/2024") == MARCH_5
    assert forms.DateField().clean("05-03-2024") == MARCH_5
    assert forms.DateField().clean("05.03.2024") == MARCH_5
    # ISO, as sent by scripts and browser date pickers, still works.
    assert forms.DateField().clean("2024-03-05") == MARCH_5


def test_a_date_that_only_exists_month_first_is_refused():
    form = DateForm(data={"day": "03/25/2024"})

    assert not form.is_valid()
    assert form.errors["day"] == ["Nhập một ngày hợp lệ."]


def test_the_vietnamese_date_widget_reads_day_then_month():
    form = VNDateForm(data={"day": "05/03/2024"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == MARCH_5


def test_a_date_field_shows_day_month_year():
    assert 'value="05/03/2024"' in str(DateForm(initial={"day": MARCH_5})["day"])
    assert 'value="05/03/2024"' in str(VNDateForm(initial={"day": MARCH_5})["day"])
    assert VNDateInput().format_value(MARCH_5) == "05/03/2024"
    assert 'placeholder="dd/mm/yyyy"' in VNDateInput().render("day", MARCH_5)


def test_dates_are_printed_day_month_year():
    assert formats.date_format(MARCH_5) == "05/03/2024"
    assert formats.date_format(MARCH_5, "SHORT_DATE_FORMAT") == "05/03/2024"
    assert formats.localize(MARCH_5) == "05/03/2024"
    assert Template("{{ d }}").render(Context({"d": MARCH_5})) == "05/03/2024"
    assert Template("{{ d|date }}").render(Context({"d": MARCH_5})) == "05/03/2024"


def test_date_times_are_printed_on_hanoi_time():
    moment = datetime.datetime(2024, 3, 5, 1, 30, tzinfo=datetime.UTC)

    assert Template("{{ t }}").render(Context({"t": moment})) == "08:30 05/03/2024"


def test_an_impossible_date_is_refused_in_vietnamese():
    form = DateForm(data={"day": "31/02/2024"})

    assert not form.is_valid()
    assert form.errors["day"] == ["Nhập một ngày hợp lệ."]
    assert form.errors["day"] != ["Enter a valid date."]
    # What was typed stays in the box.
    assert 'value="31/02/2024"' in str(form["day"])


def test_an_empty_required_date_is_refused_in_vietnamese():
    form = VNDateForm(data={"day": ""})

    assert not form.is_valid()
    assert form.errors["day"] == ["Trường này là bắt buộc."]
