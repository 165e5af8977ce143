from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "faisse.actions"
    verbose_name = "Fiches action"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.actions import privacy, receivers
        from faisse.actions.node_section import node_section
        from faisse.actions.spreadsheets.formats import SPREADSHEET_FORMATS, TET_IMPORTER
        from faisse.plans.exporting import register_format
        from faisse.plans.importer.workbooks import register_workbook_importer
        from faisse.plans.node_sections import register_node_section
        from faisse.plans.signals import actions_merging

        actions_merging.connect(
            receivers.move_sheet_to_kept_action, dispatch_uid="faisse_actions_merge"
        )
        register_node_section(node_section, wants_tree=True)
        for source in privacy.SOURCES:
            register_personal_data(source)
        register_workbook_importer(TET_IMPORTER)
        for export in SPREADSHEET_FORMATS:
            register_format(export)
