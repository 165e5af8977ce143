"""The weekly digest's opt-out, at /<slug>/suivi/desabonnement/<token>/: no sign-in, the
signed link is enough. Opening the link shows one button; the post stops the e-mail.
(Mail security scanners open every link of an e-mail: a link that acted by itself would
unsubscribe people who never asked.) Mail programs that show an unsubscribe button post
to the same address (List-Unsubscribe-Post, RFC 8058), without a CSRF token: the signed
token is the proof, and the worst a forged post can do is stop or restart an e-mail."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt

from faisse.accounts.models import User
from faisse.reports.digest import read_unsubscribe_token, set_digest
from faisse.territories.models import Territory

RESUBSCRIBE = "reabonner"


@csrf_exempt
def unsubscribe(request, slug, token):
    territory = get_object_or_404(Territory, slug=slug)
    user_id = read_unsubscribe_token(token, territory)
    person = User.objects.filter(pk=user_id, erased_at__isnull=True).first() if user_id else None
    context = {"territory": territory, "person": person, "state": "ask"}
    if person is not None and request.method == "POST":
        enabled = request.POST.get("do") == RESUBSCRIBE
        set_digest(person.pk, territory, enabled)
        context["state"] = "resubscribed" if enabled else "stopped"
    return render(request, "reports/digest_unsubscribe.html", context)
