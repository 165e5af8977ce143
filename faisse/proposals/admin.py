"""Back office of the proposals, for the operators of the instance (read mostly: the
decisions are made in the management space, where they are asked first and recorded)."""

from django.contrib import admin

from faisse.proposals.models import Proposal, ProposalCall


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "state", "author_commune", "step", "territory", "created_at"]
    list_filter = ["territory", "state"]
    list_select_related = ["author_commune", "step", "territory"]
    search_fields = ["title"]
    readonly_fields = ["state", "action", "decided_by", "decided_at", "author"]
    raw_id_fields = ["objective", "communes", "step", "process", "author_commune"]


@admin.register(ProposalCall)
class ProposalCallAdmin(admin.ModelAdmin):
    list_display = ["step", "is_open", "territory", "changed_at"]
    list_filter = ["territory", "is_open"]
    list_select_related = ["step", "territory"]
