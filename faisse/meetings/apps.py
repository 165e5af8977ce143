from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "faisse.meetings"
    verbose_name = "Réunions"

    def ready(self) -> None:
        from faisse.accounts.privacy import register_personal_data
        from faisse.accounts.signals import role_changed
        from faisse.meetings import privacy

        register_personal_data(privacy.MEETING_REGISTRATIONS)
        role_changed.connect(
            privacy.leave_meetings_no_longer_open, dispatch_uid="faisse_meetings_roles"
        )
