"""The weekly digest: one e-mail per person and territory, only when there is something to
say (late, due within 14 days, indicators without a value for a year, others' changes);
never twice in one ISO week; in French, plain text and HTML; a one-click opt-out."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.testing import add_milestones, make_sheet
from faisse.actions.updating import record_update, update_sheet
from faisse.indicators.testing import make_indicator
from faisse.plans.editing import update_node
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.reports.digest import iso_week
from faisse.reports.digest_mail import send_territory_digests
from faisse.reports.models import DigestSubscription
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
SITE = "https://faisse.example.org"


@pytest.fixture
def world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=6)
    late, soon, by_milestone, far, quiet, theirs = PlanNode.objects.filter(
        plan=plan, kind="action"
    ).order_by("pk")
    today = timezone.localdate()
    pilot = make_member(territory, Role.PILOT, "paule@example.org", first_name="Paule")
    for node in (late, soon, by_milestone, far, quiet):
        node.pilots.add(pilot)
    calm = make_member(territory, Role.PILOT, "calme@example.org")
    theirs.pilots.add(calm)
    make_sheet(late, status="in_progress", end_date=today - timedelta(days=5))
    make_sheet(soon, status="in_progress", end_date=today + timedelta(days=10))
    sheet = make_sheet(by_milestone, status="in_progress", end_date=today + timedelta(days=400))
    add_milestones(sheet, ("Marché attribué", False, today + timedelta(days=12)))
    make_sheet(far, status="planned", end_date=today + timedelta(days=100))
    make_sheet(theirs, status="in_progress", end_date=today + timedelta(days=300))
    editor = make_member(territory, Role.EDITOR, "eric@example.org", first_name="Éric")
    stale = make_indicator(
        territory,
        title="Voies vertes (km)",
        pilots=[pilot],
        values={today - timedelta(days=400): 8},
    )
    fresh = make_indicator(
        territory, title="Logements rénovés", nodes=[quiet], values={today - timedelta(days=20): 3}
    )
    never = make_indicator(territory, title="Arbres plantés", nodes=[far])
    return {
        "territory": territory,
        "plan": plan,
        "pilot": pilot,
        "calm": calm,
        "editor": editor,
        "late": late,
        "soon": soon,
        "by_milestone": by_milestone,
        "far": far,
        "quiet": quiet,
        "theirs": theirs,
        "indicators": (stale, fresh, never),
    }


def send(world, **kwargs):
    return send_territory_digests(world["territory"], SITE, **kwargs)


def test_one_email_tells_a_pilot_what_is_late_due_stale_and_changed_by_others(world, mailoutbox):
    far = world["far"]
    record_update(far, world["editor"], note="Le conseil a voté le budget.")
    update_node(far, world["editor"], {"description": "Nouveau texte."}, far.version)
    update_sheet(far, world["editor"], {"priority": "high"}, 1)
    record_update(world["quiet"], world["pilot"], note="Mon propre point.")
    report = send(world)
    assert (report.sent, report.nothing_to_say) == (1, 1)  # the calm pilot: nothing to say
    (message,) = mailoutbox
    assert message.to == ["paule@example.org"]
    assert message.subject == "Votre suivi de la semaine — Agglo des Faïsses"
    assert message.from_email.startswith('"Agglo des Faïsses via')
    body = message.body
    assert body.startswith("Bonjour Paule,")
    late_part, rest = body.split("À ÉCHÉANCE DANS LES 14 JOURS (2 actions)")
    assert "EN RETARD (1 action)" in late_part and world["late"].label in late_part
    due_part, rest = rest.split("SANS VALEUR DEPUIS UN AN (2 indicateurs)")
    assert world["soon"].label in due_part and world["by_milestone"].label in due_part
    assert "prochaine étape" in due_part and world["far"].label not in due_part
    stale_part, changes = rest.split("CE QUE D’AUTRES ONT CHANGÉ SUR VOS ACTIONS")
    assert "Voies vertes (km)" in stale_part and "Arbres plantés" in stale_part
    assert "Aucune valeur saisie" in stale_part and "Logements rénovés" not in stale_part
    assert "Éric — " in changes and "« Le conseil a voté le budget. »" in changes
    assert "action modifiée (Modification dans le site)" in changes
    assert "fiche action modifiée" in changes
    assert "Mon propre point" not in body  # one's own changes are not news
    assert f"{SITE}/{world['territory'].slug}/gestion/suivi/" in body
    assert f"{SITE}{world['late'].get_absolute_url()}" in body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html" and '<html lang="fr">' in html
    assert world["late"].label in html and "Ne plus le recevoir" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{SITE}/{world['territory'].slug}/suivi/desabonnement/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in body and unsubscribe[1:-1] in html


def test_nobody_with_nothing_to_say_gets_an_email(world, mailoutbox):
    DigestSubscription.objects.create(
        user=world["pilot"], territory=world["territory"], enabled=False
    )
    report = send(world)
    assert (report.sent, report.stopped, report.nothing_to_say) == (0, 1, 1)
    assert mailoutbox == []


def test_members_who_do_not_follow_up_never_get_one(world, mailoutbox):
    elected = make_member(world["territory"], Role.ELECTED, "elu@example.org")
    world["late"].pilots.add(elected)  # left over from an older role
    send(world)
    assert [message.to for message in mailoutbox] == [["paule@example.org"]]


def test_a_second_run_in_the_same_week_sends_nothing_the_next_week_tells_only_news(
    world, mailoutbox
):
    record_update(world["far"], world["editor"], note="Avant le premier courriel.")
    now = timezone.now()
    assert send(world, now=now).sent == 1
    subscription = DigestSubscription.objects.get(user=world["pilot"])
    assert subscription.last_sent_week == iso_week(timezone.localdate(now))
    again = send(world, now=now + timedelta(minutes=5))
    assert (again.sent, again.already_sent) == (0, 1)
    assert len(mailoutbox) == 1
    next_week = send(world, now=now + timedelta(days=7))
    assert next_week.sent == 1
    assert "Avant le premier courriel." in mailoutbox[0].body
    assert "Avant le premier courriel." not in mailoutbox[1].body
    assert "CE QUE D’AUTRES ONT CHANGÉ" not in mailoutbox[1].body


def test_a_mail_server_that_refuses_gives_the_week_back(world, mailoutbox, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert send(world).failed == 1
    assert DigestSubscription.objects.get(user=world["pilot"]).last_sent_week == ""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send(world).sent == 1


def test_the_digest_reads_the_same_number_of_queries_for_3_or_30_actions(mailoutbox):
    counts = []
    for size in (3, 30):
        territory = make_territory()
        plan = make_plan(territory, axes=2, orientations=2, objectives=2, actions=4)
        pilot = make_member(territory, Role.PILOT)
        editor = make_member(territory, Role.EDITOR)
        today = timezone.localdate()
        for node in list(PlanNode.objects.filter(plan=plan, kind="action"))[:size]:
            node.pilots.add(pilot)
            make_sheet(node, status="in_progress", end_date=today - timedelta(days=1))
            record_update(node, editor, note="Point")
            make_indicator(territory, nodes=[node])
        with CaptureQueriesContext(connection) as queries:
            assert send_territory_digests(territory, SITE).sent == 1
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- the command ----------------------------------------------------------------------


def test_the_command_sends_and_says_how_many(world, mailoutbox, capsys):
    call_command("send_digests", "--site-url", SITE + "/")
    out = capsys.readouterr().out
    assert "Agglo des Faïsses : 1 courriel envoyé, 1 personne sans rien à signaler" in out
    assert len(mailoutbox) == 1 and f"{SITE}/{world['territory'].slug}/" in mailoutbox[0].body


def test_a_dry_run_counts_without_sending_or_recording(world, mailoutbox, capsys):
    call_command(
        "send_digests", "--site-url", SITE, "--territory", world["territory"].slug, "--dry-run"
    )
    assert "1 courriel à envoyer" in capsys.readouterr().out
    assert mailoutbox == [] and not DigestSubscription.objects.exists()


def test_the_command_needs_the_site_address_and_a_known_territory(world, monkeypatch):
    monkeypatch.delenv("FAISSE_SITE_URL", raising=False)
    with pytest.raises(CommandError, match="Donnez l’adresse du site"):
        call_command("send_digests", "--site-url", "")
    with pytest.raises(CommandError, match="Territoire inconnu : « nulle-part »"):
        call_command("send_digests", "--site-url", SITE, "--territory", "nulle-part")


# --- personal data ---------------------------------------------------------------------


def test_the_digest_choices_are_the_persons_data_and_go_with_their_account(world):
    from faisse.reports.digest import DIGEST_SUBSCRIPTIONS

    DigestSubscription.objects.create(
        user=world["pilot"], territory=world["territory"], enabled=False
    )
    rows = DIGEST_SUBSCRIPTIONS.export(world["pilot"])
    assert rows == [
        {
            "territory": "Agglo des Faïsses",
            "enabled": False,
            "last_sent_week": "",
            "last_sent_at": None,
        }
    ]
    assert DIGEST_SUBSCRIPTIONS.describe(rows) == "1 choix sur le courriel hebdomadaire de suivi"
    DIGEST_SUBSCRIPTIONS.erase(world["pilot"])
    assert not DigestSubscription.objects.exists()
