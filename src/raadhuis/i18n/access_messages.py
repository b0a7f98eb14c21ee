"""Words of sign-in, roles, tokens, the audit trail and refusals: key → {"nl", "en"}.

Merged into the web catalogue (``web_messages.WEB_MESSAGES``), so templates use them
with ``_("auth.…")`` like any other; the API's refusals carry both languages.
"""

from __future__ import annotations

ACCESS_MESSAGES: dict[str, dict[str, str]] = {
    # refusals (401, 403, 404 in a public register, 400 for a foreign Host)
    "auth.sign_in": {"nl": "Meld u aan om verder te gaan.", "en": "Sign in to continue."},
    "auth.bad_token": {
        "nl": "Dit API-token is onbekend, ingetrokken of verlopen.",
        "en": "This API token is unknown, revoked or expired.",
    },
    "auth.forbidden": {"nl": "U hebt hiervoor geen rechten.", "en": "You are not allowed to do this."},
    "auth.forbidden_org": {
        "nl": "U hebt voor {org} geen rechten voor deze handeling. Vraag een beheerder om een rol.",
        "en": "You are not allowed to do this for {org}. Ask a beheerder (administrator) for a role.",
    },
    "auth.token_scope": {
        "nl": "Dit token mag dit niet voor {org}: zijn bereik is {scopes}. Maak een token met bereik {need}.",
        "en": "This token may not do this for {org}: its scope is {scopes}. Make a token with scope {need}.",
    },
    "auth.read_only": {
        "nl": "Dit is een openbaar register om te lezen; wijzigen kan hier niet.",
        "en": "This is a public read-only register; nothing can be changed here.",
    },
    "auth.bad_host": {
        "nl": "Deze server beantwoordt geen verzoeken voor '{host}'. Toegestaan: {hosts} (instellen met --allowed-host).",
        "en": "This server does not answer requests for '{host}'. Allowed: {hosts} (set with --allowed-host).",
    },
    "auth.cross_site": {
        "nl": "Een wijziging vanaf een andere website wordt geweigerd.",
        "en": "A change sent from another website is refused.",
    },
    # who is writing
    "auth.author": {"nl": "Wijziging op naam van {name}", "en": "Change recorded in the name of {name}"},
    "auth.single_user": {
        "nl": "werkbank voor één gebruiker op deze computer, zonder accounts",
        "en": "single-user workbench on this computer, without accounts",
    },
    "auth.single_badge": {"nl": "Eén gebruiker: {name}", "en": "Single user: {name}"},
    "auth.public_badge": {"nl": "Openbaar register (alleen lezen)", "en": "Public register (read only)"},
    "auth.sign_in_title": {"nl": "Aanmelden", "en": "Sign in"},
    "auth.sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "auth.retract_confirm": {"nl": "Ja, trek gebeurtenis {event} in", "en": "Yes, retract event {event}"},
    "auth.confirm_required": {
        "nl": "Bevestig het intrekken met het vinkje.",
        "en": "Confirm the retraction with the tick box.",
    },
    "auth.no_accounts": {
        "nl": "Deze werkbank draait zonder accounts; aanmelden is niet nodig.",
        "en": "This workbench runs without accounts; there is no need to sign in.",
    },
    "auth.needs_account": {
        "nl": "Hiervoor moet u met een account zijn aangemeld.",
        "en": "You need to be signed in with an account for this.",
    },
    # the sign-in page and the account page
    "auth.name": {"nl": "Gebruikersnaam", "en": "User name"},
    "auth.password": {"nl": "Wachtwoord", "en": "Password"},
    "auth.sign_in_button": {"nl": "Aanmelden", "en": "Sign in"},
    "auth.sso_button": {"nl": "Aanmelden met {label}", "en": "Sign in with {label}"},
    "auth.signin_help": {
        "nl": "Nog geen account? Een beheerder maakt het voor u aan.",
        "en": "No account yet? A beheerder (administrator) creates it for you.",
    },
    "auth.account": {"nl": "Mijn account", "en": "My account"},
    "auth.signed_in_as": {"nl": "Aangemeld als {name}.", "en": "Signed in as {name}."},
    "auth.roles": {"nl": "Rollen", "en": "Roles"},
    "auth.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "auth.role": {"nl": "Rol", "en": "Role"},
    "auth.all_orgs": {"nl": "alle organisaties", "en": "every organisation"},
    "auth.no_roles": {
        "nl": "U hebt nog geen rol. Een beheerder kan u er een geven.",
        "en": "You have no role yet. A beheerder (administrator) can give you one.",
    },
    "role.lezer": {"nl": "lezer", "en": "lezer (reader)"},
    "role.redacteur": {"nl": "redacteur", "en": "redacteur (editor)"},
    "role.onderzoeker": {"nl": "onderzoeker", "en": "onderzoeker (researcher)"},
    "role.beheerder": {"nl": "beheerder", "en": "beheerder (administrator)"},
    "auth.tokens": {"nl": "Toegangstokens voor de API", "en": "API access tokens"},
    "auth.tokens_help": {
        "nl": "Een token geeft een script toegang tot de API met hoogstens uw rechten; stuur het mee als 'Authorization: Bearer TOKEN'.",
        "en": "A token gives a script access to the API with at most your rights; send it as 'Authorization: Bearer TOKEN'.",
    },
    "auth.token_shown_once": {
        "nl": "Uw nieuwe token. Bewaar het nu: het wordt niet nog eens getoond.",
        "en": "Your new token. Keep it now: it is not shown again.",
    },
    "auth.token_label": {"nl": "Omschrijving", "en": "Label"},
    "auth.token_prefix": {"nl": "Begint met", "en": "Starts with"},
    "auth.token_scopes": {"nl": "Bereik", "en": "Scope"},
    "auth.token_expires": {"nl": "Verloopt", "en": "Expires"},
    "auth.token_last_used": {"nl": "Laatst gebruikt", "en": "Last used"},
    "auth.token_create": {"nl": "Token maken", "en": "Create token"},
    "auth.token_revoke": {"nl": "Intrekken", "en": "Revoke"},
    "auth.revoked": {"nl": "ingetrokken", "en": "revoked"},
    "auth.never": {"nl": "nooit", "en": "never"},
    "auth.scope_read": {"nl": "lezen (alles wat u mag lezen)", "en": "read (everything you may read)"},
    "auth.scope_write": {"nl": "wijzigen: {org}", "en": "change: {org}"},
    "auth.bad_expiry": {
        "nl": "Verwacht een datum als JJJJ-MM-DD; gevonden: {value!r}",
        "en": "Expected a date as YYYY-MM-DD; got {value!r}",
    },
    # two people editing the same unit
    "auth.conflict_field": {"nl": "gelijktijdige wijziging", "en": "concurrent change"},
    "auth.conflict": {
        "nl": "{units} is gewijzigd sinds u dit formulier opende: door {who} op {when} (reden: {reason}). Uw wijziging is niet opgeslagen. Bekijk de nieuwe stand; verstuur het formulier opnieuw als uw wijziging nog klopt.",
        "en": "{units} was changed since you opened this form: by {who} at {when} (reason: {reason}). Your change was not saved. Look at the new state; send the form again if your change still holds.",
    },
    # the audit trail
    "audit.title": {"nl": "Audittrail — {org}", "en": "Audit trail — {org}"},
    "audit.nav": {"nl": "Audittrail", "en": "Audit trail"},
    "audit.intro": {
        "nl": "Elke wijziging in het register van deze organisatie: wie, wanneer, waarom, en wat er veranderde. Niets wordt overschreven; ingetrokken gebeurtenissen blijven zichtbaar.",
        "en": "Every change in this organisation's register: who, when, why, and what changed. Nothing is overwritten; retracted events stay visible.",
    },
    "audit.event": {"nl": "Gebeurtenis", "en": "Event"},
    "audit.any_event": {"nl": "alle gebeurtenissen", "en": "all events"},
    "audit.any_unit": {"nl": "alle eenheden", "en": "all units"},
    "audit.who": {"nl": "Door", "en": "By"},
    "audit.from": {"nl": "Vastgelegd vanaf", "en": "Recorded from"},
    "audit.to": {"nl": "tot en met", "en": "up to and including"},
    "audit.reason_contains": {"nl": "Reden bevat", "en": "Reason contains"},
    "audit.filter": {"nl": "Filteren", "en": "Filter"},
    "audit.count": {"nl": "{n} wijziging(en)", "en": "{n} change(s)"},
    "audit.page": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "audit.none": {"nl": "Geen wijzigingen die aan het filter voldoen.", "en": "No changes match the filter."},
    "audit.changeset": {"nl": "wijziging", "en": "changeset"},
    "audit.known_then": {
        "nl": "Zo wist het register het direct hierna",
        "en": "As the register knew it right after this",
    },
    "audit.action.added": {"nl": "toegevoegd", "en": "added"},
    "audit.action.changed": {"nl": "gewijzigd", "en": "changed"},
    "audit.action.retracted": {"nl": "ingetrokken", "en": "retracted"},
    "audit.kind.event": {"nl": "Gebeurtenis", "en": "Event"},
    "audit.kind.organisation": {"nl": "Organisatiegegevens", "en": "Organisation details"},
    "audit.kind.extension": {"nl": "Uitbreiding", "en": "Extension"},
    "audit.effect": {
        "nl": "Eenheid {unit} op {day} ({view}): voor en na, zoals het register het nu weet",
        "en": "Unit {unit} on {day} ({view}): before and after, as the register knows it now",
    },
    "audit.unit_trail": {"nl": "audittrail van deze eenheid", "en": "this unit's audit trail"},
    "audit.before": {"nl": "Voor", "en": "Before"},
    "audit.after": {"nl": "Na", "en": "After"},
    "audit.attr.name": {"nl": "naam", "en": "name"},
    "audit.attr.parent": {"nl": "bovenliggende eenheid", "en": "parent unit"},
    "audit.attr.kind": {"nl": "soort", "en": "kind"},
    "audit.attr.posts": {"nl": "formatieplaatsen", "en": "posts"},
    "audit.attr.fte": {"nl": "formatie (fte)", "en": "budgeted FTE"},
    "audit.attr.filled_fte": {
        "nl": "bezetting incl. inhuur en inleen (fte)",
        "en": "filled FTE (incl. hire and loans in)",
    },
    "audit.record_fields": {
        "nl": "Het record: {n} veld(en) voor en na",
        "en": "The record: {n} field(s) before and after",
    },
    "audit.newer": {"nl": "Nieuwer", "en": "Newer"},
    "audit.older": {"nl": "Ouder", "en": "Older"},
    "audit.known_at": {"nl": "Bekend op", "en": "Known at"},
    "audit.known_at_banner": {
        "nl": "U ziet wat het register wist op {moment}: latere wijzigingen en intrekkingen tellen niet mee.",
        "en": "You see what the register knew at {moment}: later changes and retractions do not count.",
    },
    "audit.known_now": {"nl": "Naar de huidige kennis", "en": "Back to what is known now"},
    "audit.known_at_help": {
        "nl": "Leeg: wat het register nu weet. Een dag of moment: wat het toen wist.",
        "en": "Empty: what the register knows now. A day or moment: what it knew then.",
    },
    "audit.staffing_unknown": {
        "nl": "Bezetting per soort niet getoond voor een eerder kennismoment.",
        "en": "Staffing by kind is not shown for an earlier moment of knowledge.",
    },
    # the command line
    "cli.password": {"nl": "Wachtwoord (minstens 10 tekens)", "en": "Password (at least 10 characters)"},
    "cli.password_again": {"nl": "Nog eens", "en": "Once more"},
    "cli.password_mismatch": {"nl": "De wachtwoorden verschillen.", "en": "The passwords differ."},
    "cli.password_set": {"nl": "Nieuw wachtwoord voor {name} ingesteld.", "en": "New password set for {name}."},
    "cli.role_needs_org": {
        "nl": "Geef --role en --org samen (--org alle voor alle organisaties).",
        "en": "Give --role and --org together (--org all for every organisation).",
    },
    "cli.user_added": {"nl": "Gebruiker {name} toegevoegd.", "en": "User {name} added."},
    "cli.no_users": {
        "nl": "Nog geen gebruikers. De eerste beheerder: raadhuis user add NAAM --role beheerder --org alle",
        "en": "No users yet. The first beheerder: raadhuis user add NAME --role beheerder --org all",
    },
    "cli.disabled": {"nl": "uitgeschakeld", "en": "disabled"},
    "cli.token_revoked": {"nl": "Token {id} van {user} ingetrokken.", "en": "Token {id} of {user} revoked."},
    "cli.serve_single": {
        "nl": "Werkbank voor één gebruiker op deze computer, zonder accounts; wijzigingen op naam van {name}.",
        "en": "Single-user workbench on this computer, without accounts; changes in the name of {name}.",
    },
    "cli.serve_accounts": {
        "nl": "Met accounts: aanmelden verplicht ({users} gebruiker(s)); host-namen: {hosts}.",
        "en": "With accounts: sign-in required ({users} user(s)); host names: {hosts}.",
    },
    "cli.serve_public": {
        "nl": "Openbaar register: iedereen leest, niets kan worden gewijzigd; host-namen: {hosts}.",
        "en": "Public register: anyone reads, nothing can be changed; host names: {hosts}.",
    },
    "cli.serve_needs_hosts": {
        "nl": "Op {host} luistert de server op elk adres: zeg met --allowed-host NAAM op welke naam hij antwoordt.",
        "en": "On {host} the server listens on every address: say with --allowed-host NAME which name it answers to.",
    },
    "cli.serve_workers_sqlite": {
        "nl": "Meer dan één worker vraagt PostgreSQL (--db postgresql://…); SQLite heeft één schrijver.",
        "en": "More than one worker needs PostgreSQL (--db postgresql://…); SQLite has a single writer.",
    },
    # accounts
    "auth.bad_name": {
        "nl": "Een gebruikersnaam bestaat uit letters, cijfers en . _ - @ (hoogstens 100); gevonden: {name!r}",
        "en": "A user name consists of letters, digits and . _ - @ (at most 100); got {name!r}",
    },
    "auth.no_user": {"nl": "Er is geen gebruiker {name!r}.", "en": "There is no user {name!r}."},
    "auth.user_exists": {"nl": "Gebruiker {name!r} bestaat al.", "en": "User {name!r} exists already."},
    "auth.no_org": {
        "nl": "Organisatie {org!r} staat niet in het register (gebruik * voor alle organisaties).",
        "en": "Organisation {org!r} is not in the register (use * for every organisation).",
    },
    "auth.bad_role": {
        "nl": "Verwacht een rol lezer, redacteur, onderzoeker of beheerder; gevonden: {role!r}",
        "en": "Expected a role lezer, redacteur, onderzoeker or beheerder; got {role!r}",
    },
    "auth.short_password": {
        "nl": "Een wachtwoord heeft minstens {minimum} tekens.",
        "en": "A password needs at least {minimum} characters.",
    },
    "auth.bad_credentials": {
        "nl": "Gebruikersnaam of wachtwoord klopt niet.",
        "en": "Wrong user name or password.",
    },
    "auth.throttled": {
        "nl": "Te vaak een verkeerd wachtwoord. Probeer het over {minutes} minuten opnieuw.",
        "en": "Too many failed sign-ins. Try again in {minutes} minutes.",
    },
    "auth.disabled": {"nl": "Dit account is uitgeschakeld.", "en": "This account is disabled."},
    "auth.sso_unknown": {
        "nl": "Er is geen account voor deze identiteit. Vraag een beheerder u toe te voegen.",
        "en": "There is no account for this identity. Ask a beheerder (administrator) to add you.",
    },
    "auth.sso_failed": {
        "nl": "Aanmelden via eenmalige aanmelding is mislukt: {reason}",
        "en": "Single sign-on failed: {reason}",
    },
    "auth.no_scope": {
        "nl": "Geef minstens één bereik: read, write:ORG of study:ORG.",
        "en": "Give at least one scope: read, write:ORG or study:ORG.",
    },
    "auth.bad_scope": {
        "nl": "Verwacht een bereik read, write:ORG of study:ORG; gevonden: {scope!r}",
        "en": "Expected a scope read, write:ORG or study:ORG; got {scope!r}",
    },
    "auth.no_token": {"nl": "Er is geen token {token}.", "en": "There is no token {token}."},
}


def message(key: str, lang: str = "nl", **values: object) -> str:
    entry = ACCESS_MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["nl"]
    return text.format(**values) if values else text


def both(key: str, **values: object) -> str:
    """Dutch, then English: for answers that can not know the reader's language."""
    return f"{message(key, 'nl', **values)} / {message(key, 'en', **values)}"
