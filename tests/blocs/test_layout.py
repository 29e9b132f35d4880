"""The page layout every screen shares (templates/base.html): the CSRF token htmx sends, and
the navbar's menus, which follow the user's role."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

NAV_GROUPS = ["Tổ chức", "Phong trào", "Khen thưởng"]


def navbar(response) -> str:
    page = response.content.decode()
    return page[page.index('<nav class="navbar') : page.index("</nav>")]


def test_a_page_carries_the_csrf_token_that_htmx_sends_and_a_post_with_it_is_accepted(org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.noivu)
    page = client.get(reverse("dashboard")).content.decode()
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page)
    assert token is not None, "base.html lost its csrf-token meta tag"

    htmx = {"HTTP_HX_REQUEST": "true"}
    assert client.post(reverse("logout"), **htmx).status_code == 403
    response = client.post(reverse("logout"), HTTP_X_CSRFTOKEN=token.group(1), **htmx)
    assert (response.status_code, response["Location"]) == (302, reverse("login"))


@pytest.mark.parametrize("persona", ["admin", "noivu", "truongkhoi", "donvi", "hoidong"])
def test_the_navbar_groups_its_entries_in_three_menus_for_every_role(org, login, persona):
    nav = navbar(login(getattr(org, persona)).get(reverse("dashboard")))
    toggles = re.findall(r'data-bs-toggle="dropdown"[^>]*>([^<]+)</button>', nav)
    assert toggles == NAV_GROUPS
    for url in ["movements:document_list", "movements:pledge_list", "awards:round_list", "awards:catalogue"]:
        assert f'href="{reverse(url)}"' in nav
    assert (f'href="{reverse("admin:index")}"' in nav) == (persona in {"admin", "noivu"})


@pytest.mark.parametrize(
    ("persona", "present", "absent"),
    [
        ("noivu", "Khối, cụm thi đua", "Khối của tôi"),
        ("truongkhoi", "Khối của tôi", "Đơn vị của tôi"),
        ("donvi", "Đơn vị của tôi", "Khối của tôi"),
    ],
)
def test_the_organisation_menu_follows_the_role(org, login, persona, present, absent):
    nav = navbar(login(getattr(org, persona)).get(reverse("dashboard")))
    assert f">{present}</a>" in nav and f">{absent}</a>" not in nav


def test_the_menu_of_the_current_page_is_marked_active(org, login):
    client = login(org.noivu)
    nav = navbar(client.get(reverse("movements:pledge_list")))
    assert re.findall(r'class="nav-link dropdown-toggle active"[^>]*>([^<]+)<', nav) == ["Phong trào"]
    nav = navbar(client.get(reverse("dashboard")))
    assert 'class="nav-link active" href="/"' in nav and "dropdown-toggle active" not in nav
