"""My data (RGPD): see what is kept, download it, erase one's account."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from faisse.accounts.privacy import (
    ErasureRefused,
    erase_account,
    erasure_blockers,
    personal_data,
    summaries,
)


class ErasureForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Pour confirmer, saisissez votre adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email != self.user.email:
            raise forms.ValidationError(_("Ce n’est pas l’adresse de votre compte."))
        return email


@require_safe
@login_required
def my_data(request):
    data = personal_data(request.user)
    context = {
        "data": data,
        "summaries": summaries(data),
        "blockers": erasure_blockers(request.user),
    }
    return render(request, "accounts/my_data.html", context)


@require_safe
@login_required
def my_data_download(request):
    body = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="faisse-mes-donnees.json"'
    return response


@login_required
def erase(request):
    form = ErasureForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            erase_account(request.user)
        except ErasureRefused as refusal:
            messages.error(request, str(refusal))
        else:
            logout(request)
            messages.success(request, _("Votre compte est supprimé, et vos données avec lui."))
            return redirect("portal:home")
    context = {"form": form, "blockers": erasure_blockers(request.user)}
    return render(request, "accounts/erase.html", context, status=400 if form.errors else 200)
