from django import template

from faisse.accounts.abilities import may_manage
from faisse.plans.french import elide
from faisse.portal.process import step_dates_html

register = template.Library()


@register.filter
def step_dates(step):
    """A step's dates as <time> elements: "octobre 2017", "23 mai 2018", ranges with a dash."""
    return step_dates_html(step)


@register.simple_tag(takes_context=True)
def manages(context, territory) -> bool:
    """Whether the current person has a management space in the territory."""
    request = context.get("request")
    return request is not None and may_manage(request.user, territory)


@register.filter
def errored_fields(form) -> list:
    """The fields of a form that carry an error, for the summary at the top of a form."""
    return [field for field in form if field.errors] if form else []


@register.filter
def de(name) -> str:
    """ "de Bessèges", "d’Alès Agglomération"."""
    return elide("de", name)


@register.filter
def que(name) -> str:
    """ "que Camille", "qu’Émile"."""
    return elide("que", name)
