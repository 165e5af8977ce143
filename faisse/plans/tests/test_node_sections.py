"""Apps built on the plan add sections to an element's public page through a registry."""

import pytest

from faisse.plans import node_sections
from faisse.plans.node_sections import NodeSection, register_node_section

pytestmark = pytest.mark.django_db


def test_a_registered_section_is_shown_on_the_page(client, plan, tmp_path, settings):
    action = plan.nodes.filter(kind="action").first()
    template = tmp_path / "section.html"
    template.write_text("<section><h2>Classement</h2>{{ section.context.rank }}</section>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]  # signals a reset

    def ranking(node, *, drafts):
        return (
            NodeSection("section.html", {"rank": f"2ᵉ sur 8 ({node.pk})"})
            if node == action
            else None
        )

    register_node_section(ranking)
    try:
        html = client.get(action.get_absolute_url()).content.decode()
        other = plan.nodes.filter(kind="action").exclude(pk=action.pk).first()
        assert f"2ᵉ sur 8 ({action.pk})" in html
        assert "Classement" not in client.get(other.get_absolute_url()).content.decode()
    finally:
        node_sections._providers.remove((ranking, False))
