"""Admin pages of territories and communes."""

import pytest
from django.urls import reverse

from faisse.territories.models import Commune


@pytest.mark.django_db
def test_territory_changelist(admin_client, ales, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("admin:territories_territory_changelist"))
    assert response.status_code == 200
    assert "Alès Agglomération" in response.text
    assert ">71<" in response.text  # commune count, annotated


@pytest.mark.django_db
def test_commune_changelist(admin_client, ales, django_assert_max_num_queries):
    url = reverse("admin:territories_commune_changelist")
    with django_assert_max_num_queries(12):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert "Anduze" in response.text
    search = admin_client.get(url, {"q": "30010"})
    assert search.status_code == 200
    assert "Anduze" in search.text and "Bagard" not in search.text
    filtered = admin_client.get(url, {"territory__id__exact": ales.pk})
    assert filtered.status_code == 200


@pytest.mark.django_db
def test_commune_change_page_hides_the_long_boundary(admin_client, ales):
    commune = Commune.objects.get(insee="30010")
    response = admin_client.get(reverse("admin:territories_commune_change", args=[commune.pk]))
    assert response.status_code == 200
    assert 'name="boundary"' not in response.text
    assert "Polygon" in response.text


@pytest.mark.django_db
def test_territory_search(admin_client, ales):
    url = reverse("admin:territories_territory_changelist")
    response = admin_client.get(url, {"q": "200066918"})
    assert response.status_code == 200
    assert "Alès Agglomération" in response.text
