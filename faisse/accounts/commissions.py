"""The territory's commissions (/<slug>/gestion/membres/commissions/): administrators
name them, choose their president and their members among the élus."""

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required
from faisse.accounts.models import Commission, Membership, Role
from faisse.core.confirmation import Confirmation, ask, confirmed

manage_members = ability_required("manage_members")


class ElectedChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, membership) -> str:
        commune = f" ({membership.commune.name})" if membership.commune_id else ""
        return f"{membership.user}{commune}"


class PresidentChoice(forms.ModelChoiceField):
    def label_from_instance(self, membership) -> str:
        return str(membership.user)


class CommissionForm(forms.ModelForm):
    president = PresidentChoice(
        label=gettext_lazy("Président·e"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("— à désigner —"),
    )
    members = ElectedChoice(
        label=gettext_lazy("Membres"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Les élu·e·s qui y siègent ; chacun·e peut siéger dans plusieurs."),
    )

    class Meta:
        model = Commission
        fields = ["name", "president", "members"]

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        elected = (
            Membership.objects.filter(territory=territory, role=Role.ELECTED)
            .select_related("user", "commune")
            .order_by("user__last_name", "user__first_name", "user__email")
        )
        self.fields["president"].queryset = elected
        self.fields["members"].queryset = elected

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = Commission.objects.filter(territory=self.territory, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Le territoire a déjà une commission de ce nom."))
        return name

    def clean(self):
        data = super().clean()
        president, members = data.get("president"), data.get("members")
        if president is not None and members is not None and president not in members:
            data["members"] = [*members, president]  # a president sits in their commission
        return data

    @transaction.atomic
    def save(self, commit: bool = True) -> Commission:
        commission = super().save(commit=False)
        commission.territory = self.territory
        commission.save()
        self.save_m2m()
        return commission


def _page(request, territory, form, editing=None, status=200):
    commissions = (
        Commission.objects.filter(territory=territory)
        .select_related("president__user")
        .prefetch_related("members__user")
    )
    context = {
        "territory": territory,
        "commissions": commissions,
        "form": form,
        "editing": editing,
        "nav_current": "manage",
    }
    return render(request, "accounts/commissions.html", context, status=status)


@manage_members
def commission_list(request, territory):
    form = CommissionForm(request.POST or None, territory=territory)
    if request.method == "POST" and form.is_valid():
        try:
            commission = form.save()
        except IntegrityError:  # created meanwhile by someone else
            form.add_error("name", _("Le territoire a déjà une commission de ce nom."))
        else:
            messages.success(request, _("Commission « %s » créée.") % commission.name)
            return redirect("members:commissions", territory.slug)
    return _page(request, territory, form, status=400 if form.errors else 200)


@manage_members
def commission_edit(request, territory, pk):
    commission = get_object_or_404(Commission, pk=pk, territory=territory)
    form = CommissionForm(request.POST or None, instance=commission, territory=territory)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Commission « %s » mise à jour.") % commission.name)
        return redirect("members:commissions", territory.slug)
    return _page(request, territory, form, editing=commission, status=400 if form.errors else 200)


@require_POST
@manage_members
def commission_delete(request, territory, pk):
    commission = get_object_or_404(Commission, pk=pk, territory=territory)
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Supprimer la commission « %s » ?") % commission.name,
                question=_(
                    "Ses membres restent membres du territoire ; les questionnaires et les "
                    "réunions qui la visaient ne la nomment plus."
                ),
                button=_("Supprimer la commission"),
                action=request.path,
                cancel=reverse("members:commissions", args=[territory.slug]),
            ),
            territory,
        )
    commission.delete()
    messages.success(request, _("Commission « %s » supprimée.") % commission.name)
    return redirect("members:commissions", territory.slug)
