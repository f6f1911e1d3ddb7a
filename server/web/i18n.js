// Interface text in Dutch (the default) and English. Domain text (instrument and item labels,
// reasons, the beschikking) comes from the server in both languages; this file holds only the
// words of the interface itself and the names of the codes the API uses.

const text = {
  nl: {
    language: 'English', logout: 'Afmelden', login: 'Aanmelden', username: 'Gebruikersnaam',
    password: 'Wachtwoord', welcome: 'Welkom', loading: 'Laden…', failed: 'Er ging iets mis',
    expired: 'Uw sessie is verlopen. Meld u opnieuw aan; wat u had ingevuld staat er nog.',
    empty: 'Niets te tonen.', yes: 'ja', no: 'nee', of: 'van', save: 'Opslaan', cancel: 'Annuleren',
    back: 'Terug', page_previous: 'Vorige', page_next: 'Volgende', saving: 'Bezig met opslaan…', saved: 'Opgeslagen.', print: 'Afdrukken',
    fix_fields: 'Controleer de gemarkeerde velden.', required: 'Verplicht veld.',
    // pages
    agenda: 'Agenda', trajectories: 'Trajecten', clients: 'Cliënten', exports: 'Exports',
    dashboard: 'Dashboard', users: 'Gebruikers', signals: 'Signalen', meldingen: 'Meldingen',
    trajectory: 'Traject', decision: 'Besluit',
    // agenda and lists
    today: 'Vandaag', this_week: 'Deze week', overdue_items: 'Te laat', measurement: 'meting', date: 'Datum', what: 'Wat',
    who: 'Cliënt', status: 'Status', start: 'Start', state: 'Fase', template: 'Sjabloon', name: 'Naam',
    birth: 'Geboortedatum', role: 'Rol', active: 'Actief', open: 'Openen', member: 'Medewerker',
    // trajectory page
    week_of: (week, total) => `week ${week} van ${total}`, before_start: 'nog niet begonnen',
    after_training: (total) => `training (${total} weken) afgerond`,
    next_occasions: 'Volgende meetmomenten', occasion: 'Meetmoment', window: 'Venster',
    to_record: 'Nog af te nemen', adherence: 'Opkomst', planned: 'Gepland', attended: 'Aanwezig',
    discipline: 'Discipline', sessions_logged: 'Sessies vastgelegd', minutes_logged: 'Minuten',
    progress: 'Voortgang per test', no_chart: 'Geen getalsmatige uitkomst om te tonen.',
    results: 'Testuitslagen', score: 'Score', goals: 'COPM-doelen', problem: 'Probleem (doel)',
    importance: 'Belang (1–10)', set_on: 'Gesteld op', performance: 'Uitvoering',
    satisfaction: 'Tevredenheid', add_goal: 'Doel toevoegen', goal_added: 'Doel toegevoegd.',
    log_session: 'Sessie vastleggen', enter_test: 'Test afnemen', care_team: 'Zorgteam',
    session_saved: 'Sessie vastgelegd.', test_saved: 'Test opgeslagen.',
    // session form
    minutes: 'Minuten', kind: 'Soort', attendance: 'Aanwezigheid', absence_reason: 'Reden van afwezigheid',
    activities: 'Activiteiten', activities_hint: 'Eén per regel, bijvoorbeeld "ramen lappen samen".',
    goals_worked_on: 'Aan welke doelen is gewerkt?', signals_raised: 'Signalen',
    notes: 'Notitie', minutes_other: 'Ander aantal',
    // test form
    instrument: 'Test', trial: 'Poging', value: 'Waarde', state_number: 'getal',
    live_score: 'Score (berekend door de server)', not_validated: 'niet gevalideerd',
    has_unverified: 'bevat regels die niet gevalideerd zijn (gemarkeerd)',
    score_missing: 'nog niet te berekenen', flags: 'Aandachtspunten', choose: 'Kies…',
    alternatives: 'Vul één van deze in:',
    // signals
    raised_on: 'Gemeld op', note: 'Toelichting', signal: 'Signaal',
    // assessor
    received_on: 'Ontvangen', next_due: 'Eerstvolgende termijn', deadlines: 'Wettelijke termijnen',
    days_late: (n) => `${n} dag${n === 1 ? '' : 'en'} te laat`, in_time: 'op tijd', met: 'gehaald',
    requested: 'Gevraagd (min/week)', decide: 'Beslissen', findings: 'Onderzoek (gesprek thuis)',
    save_findings: 'Bevindingen vastleggen', findings_saved: 'Bevindingen vastgelegd.',
    policy: 'Beleid', choice: 'Keuze van de cliënt over herstelgerichte hulp', compute: 'Uitkomst berekenen',
    outcome: 'Uitkomst', minutes_per_week: 'Minuten per week', band: 'Band', extra_items: 'Toeslagen',
    reasons: 'Redenen', policy_applied: 'Toegepast beleid', override: 'Afwijken van de berekende uitkomst',
    override_outcome: 'Vastgestelde uitkomst', override_minutes: 'Vastgestelde minuten per week',
    motivation: 'Motivering (verplicht bij afwijken)', record_decision: 'Besluit vastleggen',
    decision_saved: 'Besluit vastgelegd.', beschikking: 'Concept-beschikking', previous: 'Eerdere besluiten',
    computed: 'berekend', dry_run_note: 'Berekend, nog niet vastgelegd.', bsn: 'BSN',
    // evaluator
    enrolled: 'Ingestroomd', completed: 'Afgerond', dropped_out: 'Uitgevallen', ongoing: 'Lopend',
    hh: 'Huishoudelijke hulp na het traject', point: 'Moment', none: 'geen (voorkomen)',
    lower: 'minder dan gevraagd', granted: 'toegekend', km: 'Tijd tot huishoudelijke hulp (Kaplan–Meier)',
    suppressed: 'onderdrukt (< 5)', change: 'Gemiddelde verandering t.o.v. de start (95%-interval)',
    mean_change: 'Gemiddelde', interval: 'Interval', meaningful: 'Betekenisvol verbeterd',
    pseudonymised: 'Gepseudonimiseerd: geen BSN, naam, adres, geboortedatum of vrije tekst.',
    download: 'Downloaden',
  },
  en: {
    language: 'Nederlands', logout: 'Sign out', login: 'Sign in', username: 'Username',
    password: 'Password', welcome: 'Welcome', loading: 'Loading…', failed: 'Something went wrong',
    expired: 'Your session has expired. Please sign in again; what you had typed is kept.',
    empty: 'Nothing to show.', yes: 'yes', no: 'no', of: 'of', save: 'Save', cancel: 'Cancel',
    back: 'Back', page_previous: 'Previous', page_next: 'Next', saving: 'Saving…', saved: 'Saved.', print: 'Print',
    fix_fields: 'Please check the marked fields.', required: 'Required.',
    agenda: 'Agenda', trajectories: 'Trajectories', clients: 'Clients', exports: 'Exports',
    dashboard: 'Dashboard', users: 'Users', signals: 'Signals', meldingen: 'Requests',
    trajectory: 'Trajectory', decision: 'Decision',
    today: 'Today', this_week: 'This week', overdue_items: 'Overdue', measurement: 'measurement', date: 'Date', what: 'What',
    who: 'Client', status: 'Status', start: 'Start', state: 'Phase', template: 'Template', name: 'Name',
    birth: 'Birth date', role: 'Role', active: 'Active', open: 'Open', member: 'Team member',
    week_of: (week, total) => `week ${week} of ${total}`, before_start: 'not started yet',
    after_training: (total) => `training (${total} weeks) finished`,
    next_occasions: 'Next measurement occasions', occasion: 'Occasion', window: 'Window',
    to_record: 'Still to record', adherence: 'Attendance', planned: 'Planned', attended: 'Attended',
    discipline: 'Discipline', sessions_logged: 'Sessions logged', minutes_logged: 'Minutes',
    progress: 'Progress per test', no_chart: 'No numeric result to show.',
    results: 'Test results', score: 'Score', goals: 'COPM goals', problem: 'Problem (goal)',
    importance: 'Importance (1–10)', set_on: 'Set on', performance: 'Performance',
    satisfaction: 'Satisfaction', add_goal: 'Add goal', goal_added: 'Goal added.',
    log_session: 'Log a session', enter_test: 'Enter a test', care_team: 'Care team',
    session_saved: 'Session logged.', test_saved: 'Test saved.',
    minutes: 'Minutes', kind: 'Kind', attendance: 'Attendance', absence_reason: 'Reason for absence',
    activities: 'Activities', activities_hint: 'One per line, e.g. "cleaning windows together".',
    goals_worked_on: 'Which goals were worked on?', signals_raised: 'Signals',
    notes: 'Note', minutes_other: 'Other amount',
    instrument: 'Test', trial: 'Trial', value: 'Value', state_number: 'number',
    live_score: 'Score (computed by the server)', not_validated: 'not validated',
    has_unverified: 'has rules that are not validated (marked)',
    score_missing: 'cannot be computed yet', flags: 'Points of attention', choose: 'Choose…',
    alternatives: 'Fill in one of these:',
    raised_on: 'Raised on', note: 'Note', signal: 'Signal',
    received_on: 'Received', next_due: 'Next deadline', deadlines: 'Legal deadlines',
    days_late: (n) => `${n} day${n === 1 ? '' : 's'} late`, in_time: 'in time', met: 'met',
    requested: 'Asked for (min/week)', decide: 'Decide', findings: 'Onderzoek (conversation at home)',
    save_findings: 'Record findings', findings_saved: 'Findings recorded.',
    policy: 'Policy', choice: "Client's choice about reablement", compute: 'Compute outcome',
    outcome: 'Outcome', minutes_per_week: 'Minutes per week', band: 'Band', extra_items: 'Extra items',
    reasons: 'Reasons', policy_applied: 'Policy applied', override: 'Depart from the computed outcome',
    override_outcome: 'Outcome decided', override_minutes: 'Minutes per week decided',
    motivation: 'Motivation (required when departing)', record_decision: 'Record decision',
    decision_saved: 'Decision recorded.', beschikking: 'Draft beschikking (formal decision)',
    previous: 'Earlier decisions', computed: 'computed', dry_run_note: 'Computed, not yet recorded.',
    bsn: 'BSN',
    enrolled: 'Enrolled', completed: 'Completed', dropped_out: 'Dropped out', ongoing: 'Ongoing',
    hh: 'Household help after the trajectory', point: 'Point', none: 'none (avoided)',
    lower: 'fewer than asked', granted: 'granted', km: 'Time to household help (Kaplan–Meier)',
    suppressed: 'suppressed (< 5)', change: 'Mean change from the start (95% interval)',
    mean_change: 'Mean', interval: 'Interval', meaningful: 'Meaningfully improved',
    pseudonymised: 'Pseudonymised: no BSN, name, address, birth date or free text.',
    download: 'Download',
  },
};

/// Names of the codes the API answers with, per language. A code without a name is shown as is.
const codes = {
  nl: {
    referred: 'aangemeld', intake: 'intake', training: 'training', follow_up: 'nazorg', closed: 'afgesloten',
    dropped_out: 'uitgevallen',
    overdue: 'te laat', not_logged: 'niet vastgelegd', due: 'nu af te nemen', planned: 'gepland', done: 'gedaan', missed: 'gemist',
    upcoming: 'komt eraan', late: 'te laat gedaan', early: 'te vroeg gedaan',
    attended: 'aanwezig', cancelled: 'afgezegd', no_show: 'niet thuis',
    home_visit: 'huisbezoek', assessment: 'observatie of test', phone: 'telefonisch', team_meeting: 'teamoverleg',
    ergotherapist: 'ergotherapeut', physiotherapist: 'fysiotherapeut', household_helper: 'activerend huishoudelijk hulp',
    social_worker: 'maatschappelijk werker',
    caregiver_overload: 'overbelaste mantelzorger', loneliness: 'eenzaamheid', cognitive_decline: 'achteruitgang in denken',
    fall: 'val', financial_trouble: 'geldzorgen', unsafe_home: 'onveilige woning',
    not_applicable: 'niet van toepassing', reablement_first: 'eerst herstelgerichte hulp',
    reablement_offered: 'herstelgerichte hulp aangeboden', hh_granted: 'huishoudelijke hulp toegekend',
    temporary_hh: 'tijdelijke huishoudelijke hulp', no_hh_needed: 'geen huishoudelijke hulp nodig',
    not_asked: 'nog niet gevraagd', accept: 'neemt deel', decline: 'weigert',
    none: 'geen', mild: 'licht', moderate: 'matig', severe: 'ernstig', some: 'enige', much: 'veel',
    unable: 'kan niet', not_attempted: 'niet geprobeerd', used_arms: 'met armen',
    onderzoek: 'onderzoek (6 weken)', beschikking: 'besluit (2 weken na aanvraag)',
    team_member: 'teamlid', access_assessor: 'toegangsmedewerker', evaluator: 'onderzoeker',
    administrator: 'beheerder', initial: 'eerste besluit', reassessment: 'herbeoordeling',
  },
  en: {
    referred: 'referred', intake: 'intake', training: 'training', follow_up: 'follow-up', closed: 'closed',
    dropped_out: 'dropped out', overdue: 'overdue', not_logged: 'not logged', due: 'due now', planned: 'planned', done: 'done',
    missed: 'missed', upcoming: 'upcoming', late: 'done late', early: 'done early',
    attended: 'attended', cancelled: 'cancelled', no_show: 'not at home',
    home_visit: 'home visit', assessment: 'observation or test', phone: 'phone call', team_meeting: 'team meeting',
    ergotherapist: 'occupational therapist', physiotherapist: 'physiotherapist',
    household_helper: 'activating household helper', social_worker: 'social worker',
    caregiver_overload: 'carer overload', loneliness: 'loneliness', cognitive_decline: 'cognitive decline',
    fall: 'fall', financial_trouble: 'money worries', unsafe_home: 'unsafe home',
    not_applicable: 'not applicable', reablement_first: 'reablement first',
    reablement_offered: 'reablement offered', hh_granted: 'household help granted',
    temporary_hh: 'temporary household help', no_hh_needed: 'no household help needed',
    not_asked: 'not asked yet', accept: 'takes part', decline: 'declines',
    none: 'none', mild: 'mild', moderate: 'moderate', severe: 'severe', some: 'some', much: 'much',
    unable: 'unable', not_attempted: 'not attempted', used_arms: 'used arms',
    onderzoek: 'onderzoek (6 weeks)', beschikking: 'decision (2 weeks after the request)',
    team_member: 'team member', access_assessor: 'access assessor', evaluator: 'evaluator',
    administrator: 'administrator', initial: 'first decision', reassessment: 'reassessment',
  },
};

export let language = localStorage.getItem('reable.language') === 'en' ? 'en' : 'nl';

export function setLanguage(next) {
  language = next;
  localStorage.setItem('reable.language', next);
}

/// An interface text; functions take arguments (`t('week_of', 3, 14)`).
export function t(key, ...args) {
  const entry = text[language][key] ?? key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

/// The name of an API code in the current language.
export const code = (value) => (value === null || value === undefined ? '' : codes[language][value] ?? String(value));

/// The current language's version of a {nl, en} text from the server.
export const local = (texts) => (texts ? texts[language] || texts.en || texts.nl || '' : '');

/// A date (YYYY-MM-DD) for people: "ma 23 nov 2026".
export function day(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB',
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/// A unit symbol as the user reads it: "points" is a word, "s" and "kg" are symbols.
export const unit = (symbol) => (symbol === 'points' ? (language === 'nl' ? 'punten' : 'points') : symbol || '');
