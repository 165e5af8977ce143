"""Editor pages to review where the plan applies: editors and administrators of the territory."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required, editor_required
from faisse.core.posted import posted_id
from faisse.locations.editing import LinkEditError, add_link, change_link
from faisse.locations.models import CommuneLink, OutsidePlace
from faisse.plans.tree import node_or_404
from faisse.territories.models import Commune


@editor_required
def link_review(request, territory):
    links = (
        CommuneLink.objects.filter(territory=territory)
        .select_related("node", "commune")
        .order_by("origin", "node__source_line", "node_id", "commune__name")
    )
    outside = OutsidePlace.objects.filter(territory=territory).select_related("node")
    return render(
        request,
        "locations/link_review.html",
        {"territory": territory, "links": links, "outside": outside},
    )


@ability_required("edit_plan", of=node_or_404)
def node_links(request, territory, node):
    links = node.commune_links.select_related("commune").order_by("commune__name")
    linked = {link.commune_id for link in links if link.origin != CommuneLink.Origin.REJECTED}
    communes = [c for c in Commune.objects.of_territory(territory) if c.pk not in linked]
    return render(
        request,
        "locations/node_links.html",
        {"territory": territory, "node": node, "links": links, "communes": communes},
    )


@require_POST
@editor_required
def link_change(request, territory, pk):
    link = get_object_or_404(
        CommuneLink.objects.select_related("commune"), pk=pk, territory=territory
    )
    try:
        change_link(link, request.POST.get("action", ""))
    except LinkEditError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Lien avec %s mis à jour.") % link.commune.name)
    if request.POST.get("back") == "node":
        return redirect("locations:node", slug=territory.slug, pk=link.node_id)
    # Back to the row just decided, not to the top of a long list.
    return redirect(f"{reverse('locations:review', args=[territory.slug])}#l-{link.pk}")


@require_POST
@ability_required("edit_plan", of=node_or_404)
def link_add(request, territory, node):
    choice = posted_id(request.POST.get("commune"))
    commune = None
    if choice is not None:
        commune = Commune.objects.of_territory(territory).filter(pk=choice).first()
    if commune is None:
        messages.error(request, _("Choisissez une commune du territoire dans la liste."))
    else:
        try:
            add_link(node, commune)
        except LinkEditError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%s ajoutée.") % commune.name)
    return redirect("locations:node", slug=territory.slug, pk=node.pk)
