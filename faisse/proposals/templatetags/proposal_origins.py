"""{% load proposal_origins %}{% proposal_origins node %}: where an action of the plan
comes from, for its public page (one query)."""

from django import template

from faisse.proposals.public import proposal_origins as origins_of

register = template.Library()


@register.inclusion_tag("proposals/_origins.html")
def proposal_origins(node) -> dict:
    return {"origins": origins_of(node)}
