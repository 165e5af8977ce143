"""Template helpers of the site's frame, shared by every app's templates."""

from django import template

from faisse.core.french import elide
from faisse.core.navigation import space_label

register = template.Library()


@register.simple_tag(takes_context=True)
def space(context, territory) -> str | None:
    """The menu's name of the current person's space in the territory, or None."""
    request = context.get("request")
    return space_label(request.user, territory) if request is not None else None


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


@register.filter
def live_role(messages) -> str:
    """ "alert" when one of the messages is an error (read out at once), else "status"."""
    return "alert" if any(message.level_tag == "error" for message in messages) else "status"
