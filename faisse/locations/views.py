"""Editor pages to review where the plan applies: editors and administrators of the territory."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required, editor_required
from faisse.core.french import collation_key
from faisse.core.posted import posted_id
from faisse.locations.editing import LinkEditError, add_link, change_link, confirm_links
from faisse.locations.models import CommuneLink, OutsidePlace
from faisse.locations.review import STATES, review_rows
from faisse.plans.models import Plan
from faisse.plans.tree import node_or_404
from faisse.territories.models import Commune


@editor_required
def link_review(request, territory):
    """GET: the links in plan order; POST: confirm the links ticked (`liens`)."""
    if request.method == "POST":
        ids = [pk for pk in map(posted_id, request.POST.getlist("liens")) if pk]
        if not ids:
            messages.error(request, _("Cochez les liens à confirmer."))
        else:
            count = confirm_links(territory, ids)
            messages.success(
                request,
                ngettext("%(count)s lien confirmé.", "%(count)s liens confirmés.", count)
                % {"count": count},
            )
        return redirect(_review_url(territory, request.POST.get("etat", "")))
    state = request.GET.get("etat", "")
    state = state if state in STATES else ""
    plan = Plan.objects.of_territory(territory).current()
    links = list(
        CommuneLink.objects.filter(territory=territory, plan=plan).select_related("node", "commune")
    )
    outside = OutsidePlace.objects.filter(territory=territory).select_related("node")
    context = {
        "territory": territory,
        "rows": review_rows(plan, links, state) if plan else [],
        "to_check": sum(link.origin == CommuneLink.Origin.DETECTED for link in links),
        "state": state,
        "outside": outside,
    }
    return render(request, "locations/link_review.html", context)


def _review_url(territory, state: str = "", anchor: str = "") -> str:
    url = reverse("locations:review", args=[territory.slug])
    if state in STATES:
        url += f"?etat={state}"
    return url + (f"#{anchor}" if anchor else "")


@ability_required("edit_plan", of=node_or_404)
def node_links(request, territory, node):
    links = sorted(
        node.commune_links.select_related("commune"),
        key=lambda link: collation_key(link.commune.name),
    )
    linked = {link.commune_id for link in links if link.origin != CommuneLink.Origin.REJECTED}
    communes = [
        c for c in Commune.objects.of_territory(territory).in_french_order() if c.pk not in linked
    ]
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
        done = {
            "confirm": _("%(commune)s confirmée pour « %(node)s »."),
            "reject": _("%(commune)s écartée pour « %(node)s »."),
            "restore": _("%(commune)s rétablie pour « %(node)s »."),
            "remove": _("%(commune)s retirée de « %(node)s »."),
            "undo": _("%(commune)s remise à vérifier pour « %(node)s »."),
        }[request.POST.get("action")]
        names = {"commune": link.commune.name, "node": link.node.working_label}
        messages.success(request, done % names)
    if request.POST.get("back") == "node":
        return redirect("locations:node", slug=territory.slug, pk=link.node_id)
    # Back to the row just decided, which stays where it was (rows follow the plan).
    return redirect(_review_url(territory, request.POST.get("etat", ""), f"l-{link.pk}"))


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
