"""Forms of the account pages and of member management."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from faisse.accounts import emails
from faisse.accounts.abilities import role_description
from faisse.accounts.models import Membership, Role, User, commune_error
from faisse.core.french import collation_key


class LoginForm(AuthenticationForm):
    """E-mail address and password (the field keeps Django's name, `username`)."""

    username = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Adresse électronique ou mot de passe incorrect. Après plusieurs erreurs, "
            "la connexion est bloquée pendant quelques minutes."
        ),
        "inactive": _("Ce compte est désactivé."),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class NewAccountForm(forms.Form):
    """What a new person gives when accepting an invitation."""

    first_name = forms.CharField(
        label=_("Prénom"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nom"), max_length=150, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Mot de passe, une seconde fois"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif first:
            user = User(
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, sending its e-mail in the name of the person's territory when they have
    a role in one territory only (see emails.sender)."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs
    ):
        territory = emails.territory_of(context["user"])
        context["territory"] = territory
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            emails.sender(territory),
            to_email,
            **kwargs,
        )


class RoleSelect(forms.RadioSelect):
    """The roles as radio buttons, each followed by what it may do (made from the
    abilities layer, so that it says what the rules say) and described by it."""

    option_template_name = "accounts/widgets/role_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option_id = option["attrs"].get("id")
        if value in Role.values and option_id:
            option["description"] = role_description(value)
            option["description_id"] = f"{option_id}_description"
            option["attrs"]["aria-describedby"] = option["description_id"]
        return option


class FrenchOrderIterator(forms.models.ModelChoiceIterator):
    """The communes of a choice in French alphabetical order ("Générargues" before
    "Génolhac"), which the database's collation does not give on SQLite."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for commune in sorted(self.queryset, key=lambda c: collation_key(c.name)):
            yield self.choice(commune)


class CommuneChoiceField(forms.ModelChoiceField):
    iterator = FrenchOrderIterator

    def label_from_instance(self, commune) -> str:
        return commune.name


class RoleFields(forms.Form):
    """Role, and commune for élus, in a territory."""

    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices, widget=RoleSelect)
    commune = CommuneChoiceField(
        label=_("Commune"),
        queryset=None,
        required=False,  # for élus only: checked in clean(), with the role
        empty_label=_("— aucune —"),
        help_text=_("La commune que l’élu·e représente."),
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, **kwargs)
        self.territory = territory
        self.fields["commune"].queryset = territory.communes.only("pk", "name", "insee")

    def clean(self):
        data = super().clean()
        if "role" in data and "commune" in data:
            error = commune_error(data["role"], data["commune"])
            if error:
                self.add_error("commune", error)
        return data


class InviteForm(RoleFields):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    field_order = ["email", "role", "commune"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(territory=self.territory, user__email__iexact=email).exists():
            raise forms.ValidationError(
                _("Cette personne est déjà membre du territoire : modifiez plutôt son rôle.")
            )
        return email


class MemberForm(RoleFields):
    commissions = forms.ModelMultipleChoiceField(
        label=_("Commissions"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pour les élu·es : les commissions où ils ou elles siègent."),
    )

    def __init__(self, *args, territory, **kwargs):
        super().__init__(*args, territory=territory, **kwargs)
        self.fields["commissions"].queryset = territory.commissions.all()
        if not territory.commissions.exists():
            del self.fields["commissions"]
