"""Editor pages of the plan: its structure, a node's edit form, new nodes, moves."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required
from faisse.core.posted import posted_id
from faisse.plans.editing import EditConflict, EditError, editable_fields, update_node
from faisse.plans.models import PlanNode
from faisse.plans.pilots import pilot_candidates, set_pilots
from faisse.plans.structure import CHILD_KINDS
from faisse.plans.tree import node_or_404

PUBLIC = ("public", gettext_lazy("Visible du public"))
MEMBERS = ("members", gettext_lazy("Visible des membres du territoire"))
DRAFT = ("members", gettext_lazy("Brouillon : visible des membres"))


class NodeForm(forms.ModelForm):
    """A node's fields, each saying who will read it (`visibility`, shown by
    core/_field.html); whether the follow-up note is public is its writer's choice."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    follow_up_is_public = forms.TypedChoiceField(
        label=gettext_lazy("Qui peut lire la note de suivi ?"),
        choices=[
            (False, gettext_lazy("Les membres du territoire seulement")),
            (True, gettext_lazy("Tout le monde, sur le site public")),
        ],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        required=False,
        empty_value=False,  # not said: for members only, never public by omission
    )

    class Meta:
        model = PlanNode
        fields = PlanNode.EDITABLE_FIELDS
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "internal_notes": forms.Textarea(attrs={"rows": 4}),
            "follow_up": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "is_published": gettext_lazy("Décoché, l’élément et son contenu restent internes."),
            "follow_up": gettext_lazy(
                "Où en est l’action ; choisissez ci-dessous qui peut la lire."
            ),
        }

    def __init__(self, *args, allowed: tuple[str, ...], node: PlanNode, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name != "version" and name not in allowed:
                del self.fields[name]
        if "title" in self.fields:  # emptied by mistake, the element would have no name
            self.fields["title"].required = True
            self.fields["title"].error_messages["required"] = _(
                "Donnez un intitulé : un élément sans intitulé ne se lit pas dans le projet."
            )
        shown = PUBLIC if node.is_published else DRAFT
        visibility = {"title": shown, "number": shown, "description": shown}
        visibility["internal_notes"] = MEMBERS
        for name, value in visibility.items():
            if name in self.fields:
                self.fields[name].visibility = value


@ability_required("edit_plan", "follow_up", of=node_or_404)
def node_edit(request, territory, node):
    allowed = editable_fields(request.user, node)
    current = None
    if request.method == "POST":
        form = NodeForm(request.POST, instance=PlanNode(), allowed=allowed, node=node)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in allowed}
            try:
                update_node(node, request.user, changes, form.cleaned_data["version"])
            except EditConflict as conflict:
                messages.error(request, str(conflict))
                current = conflict.current
                form = NodeForm(
                    request.POST.copy(), instance=PlanNode(), allowed=allowed, node=node
                )
                form.data["version"] = current.version  # resubmitting means "mine wins"
            except EditError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Modifications enregistrées."))
                return redirect(node.get_absolute_url())
    else:
        form = NodeForm(
            instance=node, initial={"version": node.version}, allowed=allowed, node=node
        )
    context = {
        "territory": territory,
        "node": node,
        "form": form,
        "current": current,
        "current_values": [
            (PlanNode._meta.get_field(name).verbose_name, getattr(current, name))
            for name in allowed
        ]
        if current
        else [],
        "structure": allowed == PlanNode.EDITABLE_FIELDS and _structure_choices(node),
        "pilot_choices": _pilot_choices(node) if allowed == PlanNode.EDITABLE_FIELDS else None,
    }
    status = 409 if current else 400 if form.errors else 200
    return render(request, "plans/node_edit.html", context, status=status)


def _structure_choices(node: PlanNode) -> dict:
    """Kinds of children the node may take (moving it has a page of its own)."""
    return {"child_kinds": [PlanNode.Kind(kind) for kind in CHILD_KINDS[node.kind]]}


def _pilot_choices(node: PlanNode) -> list[tuple] | None:
    """(person, is a pilot) for each member who may pilot; None for nodes other than actions."""
    if node.kind != PlanNode.Kind.ACTION:
        return None
    current = set(node.pilots.values_list("pk", flat=True))
    return [(person, person.pk in current) for person in pilot_candidates(node.territory)]


@require_POST
@ability_required("edit_plan", of=node_or_404)
def node_pilots(request, territory, node):
    ids = [posted_id(value) for value in request.POST.getlist("pilots")]
    try:
        if None in ids:
            raise EditError(_("Choisissez les pilotes dans la liste."))
        set_pilots(node, request.user, ids)
    except EditError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Pilotes enregistrés."))
    return redirect("plans:node_edit", slug=territory.slug, pk=node.pk)
