# Public pages of the ΣΕΜΠ platform, in English: what residents, visitors and would-be members read.
# Anyone who writes English well may improve this file (or its copy on a translation platform):
# keep each key and each { $placeholder }, write short, plain sentences, and send the change to
# the platform's team. Greek, English and these pages' other languages must have the same keys.

site-name = ΣΕΜΠ Platform
site-tagline = Municipal migrant and refugee integration councils
skip-to-content = Skip to content
language-switch-label = Language
main-navigation = Main navigation
nav-municipalities = Municipalities
nav-api = API for developers
footer-about = The platform of the Migrant and Refugee Integration Councils (ΣΕΜΠ) of Greek municipalities.
footer-example-data = Council members marked “example” are invented demonstration data.

home-title = Municipalities and their councils
home-intro = Every Greek municipality sets up a Migrant and Refugee Integration Council (ΣΕΜΠ), an advisory body on the integration of migrants and refugees into local society. Choose a municipality to see its profile and its council.
home-count = { $count ->
    [0] No municipalities yet.
    [one] { $count } municipality
   *[other] { $count } municipalities
}
home-empty = No municipality has been added yet.
region = Region
visit-profile = Profile and council: { $name }

tenant-archived = This municipality is archived. Its information stays for reference but is no longer updated.
tenant-website = Municipality web site
tenant-contact = Contact the council
content-language-notice = { $shown ->
    [el] The municipality writes this in Greek, so it is shown in Greek.
    [en] The municipality writes this in Greek and English; it is shown in English.
   *[both] The municipality writes this in Greek and English; parts are shown in each.
}
fallback-notice = Some content is shown in Greek because no English translation exists yet.
section-introduction = About
section-key-figures = Key figures
section-programmes = Structures and programmes
section-achievements = What we achieved
section-goals = Where we are heading
section-council = The Migrant and Refugee Integration Council
figure-year = ({ $year })
figure-source = Source:
more-information = More: { $title }
council-decision = Founding decision
council-term = Term
council-term-range = { $start } to { $end }
council-not-recorded = The municipality has not yet recorded its council's details.
council-members = Members
council-members-count = { $regular ->
    [one] { $regular } regular member
   *[other] { $regular } regular members
} and { $substitute ->
    [one] { $substitute } substitute
   *[other] { $substitute } substitutes
}
council-no-members = No members have been recorded.
member-name = Name
member-role = Role
member-category = Seat
member-organisation = Organisation
member-membership = Membership
member-example = example
member-example-explained = An invented member for demonstration, not a real person.
role-president = President
role-member = Member
role-secretary = Secretary
category-other = Other
membership-regular = Regular
membership-substitute = Substitute

error-not-found-title = Page not found
error-not-found-text = There is nothing at this address. The link may be old or mistyped.
error-request-title = This request cannot be handled
error-request-text = The address exists but does not accept this kind of request.
error-server-title = Something went wrong
error-server-text = An error occurred on our side and has been logged. Please try again shortly.
error-request-id = Request id: { $id }
back-home = Back to the municipalities
workspace-nav = My workspace
field-error-required = Fill in “{ $label }”.
document-sign-in-title = Sign in to open this document
document-sign-in-text = Only the council's members and its secretariat can see this document, or it no longer exists. If you are a member, sign in: you will come back here afterwards.
document-unavailable-title = This document is not available
document-unavailable-text = The document does not exist or the account you signed in with cannot see it. If you received it as a council member, sign in with the address your invitation came to.

sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as { $name }
sign-in-title = Sign in
sign-in-intro = Council members, secretaries and municipal staff sign in here. Residents never need an account.
sign-in-providers = With an account
sign-in-with = Sign in with { $provider }
sign-in-link-heading = With a link by e-mail
sign-in-link-intro = No account anywhere? Enter the address your invitation came to and we will e-mail you a sign-in link that works once, for 15 minutes.
email-label = E-mail address
sign-in-link-button = E-mail me a sign-in link
signed-in-already = You are signed in as { $email }.
link-sent-title = Check your e-mail
link-sent-text = If this address belongs to a member of the platform, a sign-in link is on its way. It works once, for 15 minutes.
link-mail-subject = Your sign-in link to the ΣΕΜΠ platform
link-mail-text = Hello,

    Use this link to sign in to the ΣΕΜΠ platform. It works once, for { $minutes } minutes:
    { $url }

    If you did not ask for it, ignore this message: nobody can sign in without the link.
link-confirm-text = Press the button to finish signing in.
link-confirm-button = Sign in
sign-in-failed-title = Sign-in did not work
sign-in-again = Try signing in again
too-many-attempts = Too many attempts. Please wait { $seconds } seconds and try again.
csrf-title = This form has expired
csrf-text = For your safety the form could not be accepted. Go back, reload the page and try again.
account-title = Your account
access-role-platform-admin = Platform administrator
access-role-tenant-admin = Municipality administrator
access-role-secretary = Council secretary
access-role-council-member = Council member
access-role-practice-author = Good practice author

sign-in-error-unknown-state = This sign-in attempt is unknown, was used already or has expired. Please start again.
sign-in-error-other-browser = This sign-in was started in another browser. Please start again here.
sign-in-error-unknown-provider = This sign-in provider is not available any more.
sign-in-error-unreachable = The sign-in provider cannot be reached at the moment. Please try again later.
sign-in-error-forbidden-address = The sign-in provider is at an address the platform does not connect to (this computer or a private network). Please tell the municipality's administrators.
sign-in-error-refused = The sign-in provider refused the sign-in. Please start again.
sign-in-error-invalid-token = The sign-in provider's answer could not be verified, so nobody was signed in.
sign-in-error-no-verified-email = Your provider did not confirm your e-mail address, so we cannot tell who you are.
sign-in-error-link-unknown = This sign-in link is not valid. Ask for a new one.
sign-in-error-link-used = This sign-in link was used already. Ask for a new one.
sign-in-error-link-expired = This sign-in link has expired. Ask for a new one.

meetings-nav = Council meetings
meetings-title = Meetings: { $council }
meetings-calendar-link = Meeting calendar (iCalendar)
meetings-atom-link = Minutes and decisions feed (Atom)
meetings-search-label = Search titles, agenda items and minutes
meetings-year-label = Year
meetings-any-year = All years
meetings-state-label = Status
meetings-any-state = Any status
meetings-search-button = Search
meetings-upcoming = Upcoming meetings
meetings-past = Past meetings
meetings-results = Results
meetings-count = { $count ->
    [0] No meetings found.
    [one] { $count } meeting
   *[other] { $count } meetings
}
pagination-label = Pages
meeting-heading = Meeting { $number }: { $title }
meeting-postponed = Postponed
meeting-cancel-reason = Reason
meeting-draft-notice = Draft meeting: only the council's members and secretariat can see it.
meeting-cancelled-notice = This meeting was cancelled.
meeting-starts = Starts
meeting-ends = Ends
meeting-kind = Kind
meeting-mode = Mode
meeting-location = Place
meeting-online = Video call link
meeting-calendar-link = Add to calendar (.ics)
meeting-postponements = Postponements
meeting-postponed-from-to = From { $from } to { $to }
meeting-documents = Meeting documents
meeting-agenda = Agenda
meeting-agenda-empty = The agenda has no items yet.
item-urgent = Added at the meeting (urgent)
item-closed = Closed item
item-withdrawn = Withdrawn
item-rapporteur = Rapporteur
decision-ada = ADA (Diavgeia transparency portal)
decision-votes = For { $for }, against { $against }, abstentions { $abstain }
decision-dissent = Dissenting opinions
version-label = Version { $version }
version-changed = Corrected in version { $version }
earlier-versions = Earlier versions
meeting-attendance = Attendance
attendance-summary = { $present } of { $in_office } members present.
attendance-quorum = There was a quorum.
attendance-no-quorum = There was no quorum; the meeting took no decisions.
attendance-status = Attendance
meeting-minutes = Minutes
minutes-published-on = published on
minutes-draft = draft, not published
minutes-approved-by-meeting = Approved by a later meeting on { $date }.
minutes-approved-by-president = Approved by the president on { $date }.
minutes-print-link = Printable minutes
minutes-print-title = Minutes: { $meeting }
minutes-back-to-meeting = Back to the meeting
minutes-not-latest = This is not the current version of the minutes.

practices-nav = Good practices
practices-title = Good integration practices
practices-of-municipality = Good practices: { $name }
practices-of-municipality-nav = The municipality's good practices
practices-lead = Practices for the integration of migrants and refugees from municipalities and organisations across the country, for every city to learn from and adopt.
practices-search-label = Search titles and descriptions
practices-sort-label = Sort by
practices-sort-relevance = Relevance
practices-sort-date = Newest first
practices-search-button = Search
practices-filters = Filters
practices-clear-filters = Clear the filters
practices-facet-sector = Sector
practices-facet-theme = Thematic area
practices-facet-sdg = Sustainable Development Goals
practices-facet-municipality = Municipality
practices-facet-audience = Target group
practices-facet-year = Year
practices-facet-count = { $count ->
    [one] { $count } practice
   *[other] { $count } practices
}
practices-results = Results
practices-count = { $count ->
    [0] No practices found.
    [one] { $count } practice
   *[other] { $count } practices
}
practices-csv-link = Download the list (CSV)
practice-archived-tag = Archived
sdg-1 = No poverty
sdg-2 = Zero hunger
sdg-3 = Good health and well-being
sdg-4 = Quality education
sdg-5 = Gender equality
sdg-6 = Clean water and sanitation
sdg-7 = Affordable and clean energy
sdg-8 = Decent work and economic growth
sdg-9 = Industry, innovation and infrastructure
sdg-10 = Reduced inequalities
sdg-11 = Sustainable cities and communities
sdg-12 = Responsible consumption and production
sdg-13 = Climate action
sdg-14 = Life below water
sdg-15 = Life on land
sdg-16 = Peace, justice and strong institutions
sdg-17 = Partnerships for the goals
practice-organisation = Organisation
practice-sector = Sector
practice-themes = Thematic areas
practice-audiences = Target groups
practice-duration = Duration
practice-duration-ongoing-from = Since { $from }, ongoing
practice-duration-ongoing = Ongoing
practice-duration-from-to = { $from } to { $to }
practice-duration-from = From { $from }
practice-duration-to = Until { $to }
practice-places = Where
practice-partners = Partner organisations
practice-objective = Objective
practice-target-audience = Who it serves
practice-description = Description
practice-impact = Impact on society
practice-staff = Staff participation
practice-volunteers = Volunteer participation
practice-results = Results by year
practice-results-caption = Figures by year, as the organisation reported them.
practice-results-measure = Measure
practice-goals = UN Sustainable Development Goals
practice-links = Links
practice-published-on = Published on
practice-unpublished = This practice is not published ({ $state }): only its author and the moderators see it.
practice-state-draft = draft
practice-state-submitted = submitted
practice-state-published = published
practice-state-rejected = rejected
practice-state-archived = archived
practice-archived-notice = This practice is archived: it stays readable but is no longer kept up to date.
practice-print-link = Print
practice-export-link = Download as JSON
practice-back = Back to the practice
practice-adopters = Municipalities that adopted it
practice-no-adopters = No municipality has said it adopted this practice yet.
practice-opinions = Readers' opinions
practice-opinion-anonymous = Anonymous
practice-no-opinions = No opinions have been published yet.
practice-feedback-heading = Tell us your opinion
practice-feedback-thanks = Thank you! Your opinion will show once a moderator has approved it.
practice-feedback-limited = You have sent many messages in a short time. Please try again later.
practice-feedback-name = Name (optional)
practice-feedback-email = E-mail
practice-feedback-email-hint = Never shown; we need it only to reach you.
practice-feedback-body = Your opinion
practice-feedback-send = Send
practice-documents = Documents
subscribe-nav = E-mail notices
subscribe-title = E-mail notices
subscribe-lead = Be the first to know of the council's meetings, minutes and good practices. No account needed.
subscribe-email = E-mail
subscribe-topics = What you want to hear about
subscribe-language = Language of the messages
subscribe-cadence = When
subscribe-privacy = We will send you a confirmation message; nothing else is sent before you open its link. Every message has a one-click unsubscribe link.
subscribe-button = Subscribe
topic-meetings = New meetings, postponements and cancellations
topic-minutes = Minutes and decisions
topic-practices = The municipality's good practices
cadence-immediate = With each new item
cadence-digest = Together, once a week
subscribe-sent-title = Check your e-mail
subscribe-sent-text = We sent you a message with the link that confirms the subscription. If you cannot find it, look in your spam folder too.
subscribe-limited = There were many requests in a short time. Please try again later.
confirm-title = Confirm your subscription
confirm-text = Press the button to start receiving notices.
confirm-button = Confirm
confirmed-title = Your subscription is confirmed
confirmed-text = From now on you will receive the notices you chose.
link-invalid-title = This link is not valid
link-invalid-text = The link expired or the subscription was cancelled. You can subscribe again from the municipality's page.
preferences-title = Your preferences
preferences-for = Notices to { $email }
preferences-saved = Your changes are saved.
preferences-save = Save
preferences-leave = Leave
preferences-link = Your preferences
unsubscribe-title = Unsubscribe from the notices
unsubscribe-text = Press the button and you will receive no more messages.
unsubscribe-button = Unsubscribe
unsubscribed-title = You are unsubscribed
unsubscribed-text = You will receive no more notices. You can subscribe again whenever you like.
erase-text = Erase everything about you: the subscription and the messages sent to you are deleted; only a fingerprint (hash) of the address remains, so nobody can add you again without you.
erase-button = Erase my data
erased-title = Your data is erased
erased-text = We no longer keep your address or the messages to you.

## The workspace's forms and meeting pages
form-error-summary = There is a problem
form-error-prefix = Error:
form-cancel = Cancel
form-conflict = This could not be done: { $reason }
field-error-invalid = Check “{ $label }”: { $reason }
field-error-negative = “{ $label }” cannot be below zero.
error-forbidden-title = You cannot use this page
error-forbidden-text = Your account does not have a role that allows this. If you think it should, ask your municipality's administrators.

decision-kind = Kind
decision-result = Result
erase-confirm-title = Erase everything about you?
form-changed-meanwhile-any = Someone else changed this after you opened the form. Your text is below and was not saved. Open the page in another tab to see the other change; press the button again to save yours instead.

## Requests for access (public form and workspace)
ask-nav = Ask for access to the platform
ask-title = Ask for access
ask-lead = If you want to submit a good practice for an organisation, or you are a new member of the council, ask for access. The municipality's administrators will look at your request and answer by e-mail.
ask-name = Full name
ask-organisation = Organisation (optional)
ask-organisation-hint = Such as the NGO or community you speak for.
ask-email = E-mail address
ask-email-hint = The invitation or the answer goes there.
ask-role = What you want to do on the platform
ask-reason = Why you ask for access
ask-reason-hint = A few words about you and what you want to do.
ask-privacy = Only the municipality's administrators see what you write here, to answer your request.
ask-submit = Send the request
ask-limited = You sent many requests in a short time. Try again in an hour.
ask-sent-title = Your request was sent
ask-sent-text = The municipality's administrators will look at it and answer by e-mail at the address you gave.
ask-back = Back to the municipality's page
moderation-adopt-heading = We adopted this
moderation-adopt-for = For the municipality:
moderation-withdraw-link = Withdraw the adoption

## Labels and errors the public pages share with the workspace
role-vice_president = Vice-president
category-municipal_councillor = Municipal councillor
category-civil_society = Civil society
category-migrant_community = Migrant and refugee representative
practice-state-in_review = in review
practice-state-changes_requested = changes requested
field-error-too_long = { $label } must be { $max } characters or fewer; it has { $length }.
field-error-control_characters = { $label } contains control characters. Type or paste the text again.
field-error-invalid_email = Enter an e-mail address in the form name@example.org.
field-error-invalid_url = { $label } must be a web address starting with https:// or http://.
field-error-choose_one = Choose one for “{ $label }”.
field-error-choose_at_least_one = Choose at least one in “{ $label }”.
field-error-not_a_choice = Choose one of the options offered for “{ $label }”.
field-error-too_many = “{ $label }” holds at most { $max } entries; it has { $count }.

## Labels of meetings and practices the public pages show
meeting-state-draft = Draft
meeting-state-convened = Convened
meeting-state-held = Held
meeting-state-minutes_drafted = Minutes being drafted
meeting-state-minutes_approved = Minutes approved
meeting-state-published = Minutes published
meeting-state-cancelled = Cancelled
meeting-kind-regular = Regular
meeting-kind-extraordinary = Extraordinary
meeting-mode-in_person = In person
meeting-mode-remote = Remote
meeting-mode-hybrid = Hybrid
decision-kind-decision = Decision
decision-kind-recommendation = Recommendation
decision-result-adopted = Adopted
decision-result-rejected = Rejected
attendance-present = Present
attendance-absent = Absent
attendance-excused = Excused
attendance-substitute_present = Substitute present
sector-municipality = Local government
sector-civil_society = Civil society
sector-business = Business
sector-academia = Academia
sector-international_organisation = International organisations
sector-other = Other sector
audience-refugees = Refugees
audience-asylum_seekers = Asylum seekers
audience-migrants = Migrants
audience-unaccompanied_minors = Unaccompanied minors
audience-women = Women
audience-children = Children
audience-youth = Young people
audience-families = Families
audience-professionals = Professionals
audience-general_public = General public

## What we hold about a subscriber (the right of access)
held-link = See or download what we hold about you
held-title = What we hold about you
held-intro = Everything that { $municipality } keeps about this subscription on this platform, and the messages of the last 30 days. Nothing else about you is kept here.
held-subscription = Your subscription
held-email = E-mail address
held-municipality = Municipality
held-state = State
held-state-pending = Waiting for your confirmation
held-state-active = Active
held-state-stopped = Stopped: mail to the address came back
held-topics = Topics
held-language = Language of the messages
held-cadence = How often
held-consent = Your consent
held-created = First asked for
held-requested = Last asked for
held-confirmed = Confirmed
held-from = from the internet address { $address }
held-no-record = When and from where this subscription was asked for was not recorded: it is older than that record.
held-messages = Messages of the last 30 days
held-subject = Subject
held-written = Written
held-sent = Sent
held-not-sent = Not sent
held-no-messages = No messages in the last 30 days.
held-download = Download it all as a file (JSON)
held-back = Back to your preferences

## The pages the law asks for: privacy notices, the accessibility statement, cookies
footer-privacy = Privacy
footer-accessibility = Accessibility
footer-cookies = Cookies
legal-updated = Last reviewed: { $date }.
privacy-title = Privacy notice
privacy-municipality-title = Privacy notice: { $municipality }
privacy-platform-intro = This notice is about what the platform's operators hold: the accounts of the people who work on it (municipal staff, council members, practice authors, administrators). What a municipality holds about its residents is explained in its own notice.
privacy-municipalities = Each municipality's notice
privacy-controller = Who is responsible
privacy-controller-municipality = { $municipality } is the controller of the personal data on its pages and in its notices to residents. Write to it at { $email }.
privacy-controller-no-email = { $municipality } is the controller of the personal data on its pages and in its notices to residents.
privacy-controller-platform = The platform's operators are the controller of the accounts below. Write to them at { $email }.
privacy-dpo = Data protection officer
privacy-dpo-named = { $name }, at { $email }.
privacy-dpo-address = At { $email }.
privacy-dpo-missing = The municipality has not yet published its data protection officer's details here. Write to the municipality, which passes your message on.
privacy-what = What we keep, why, and for how long
privacy-subscriptions = Notice subscriptions: your e-mail address, language, topics and how often you want mail, and when and from which internet address you asked and confirmed. We keep them because you asked for the notices (your consent), until you unsubscribe. A request you never confirm is deleted after { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
privacy-messages = Messages we send you: their text and your address are kept for { $days ->
    [one] { $days } day
   *[other] { $days } days
} after sending, so that we can answer questions about them; after that only the record that a message was sent remains.
privacy-feedback = Feedback on a good practice: your name and message are published once a moderator approves them; your e-mail address is never shown and is deleted { $days ->
    [one] { $days } day
   *[other] { $days } days
} after the moderator's decision.
privacy-requests = Requests for access to the workspace: your name, organisation, address and reason, until an administrator decides; a declined request is deleted { $days ->
    [one] { $days } day
   *[other] { $days } days
} later.
privacy-council = Council records: the names and roles of the council's members, its agendas, decisions and minutes are public records the municipality keeps by law (its public task).
privacy-accounts = Accounts: your e-mail address and name, your roles, your sessions (until you sign out or they expire) and sign-in links (until they expire or are used).
privacy-audit = The audit log: who signed in, and who granted or changed what, with the time and internet address, kept { $years ->
    [one] { $years } year
   *[other] { $years } years
} to keep the platform secure and accountable.
privacy-no-sharing = We do not sell or share your data, show advertising, or use tracking or analytics. Mail is sent through the municipality's mail service.
privacy-rights = Your rights
privacy-rights-text = You may see what we hold about you, correct it, have it erased, or object to its use.
privacy-rights-residents = Residents: every message has a link to your preferences, where you change or cancel your subscription and download what we hold about you.
privacy-rights-accounts = People with an account: your account page shows your roles, sessions and the audit entries about you, with a download of all of it. To have your account erased, write to the platform's operators.
privacy-complaint = If you think we mishandle your data, you may complain to the Hellenic Data Protection Authority (www.dpa.gr).
accessibility-title = Accessibility statement
accessibility-intro = This statement applies to the pages of the ΣΕΜΠ platform at { $site }. The municipalities that use it are public sector bodies under Directive (EU) 2016/2102 and Greek law 4591/2019.
accessibility-status = Compliance status
accessibility-status-text = These pages are partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1 level AA and the European standard EN 301 549, because of the exceptions listed below.
accessibility-checks = How we check
accessibility-checks-text = Every page, with its error messages shown, is checked on every change of the platform: by axe-core in a real browser at 390 pixels wide, by the W3C Nu HTML checker, and by tests that use the pages with a keyboard and by the names a screen reader reads. Pages work without JavaScript.
accessibility-exceptions = Content that is not accessible
accessibility-exception-documents = Documents that municipalities upload (agendas' attachments, minutes as PDF) may not be accessible. The text of decisions and minutes is also shown on the page.
accessibility-exception-languages = Notices are written by each municipality in Greek and often in English; translations into other languages are not always available.
accessibility-exception-maps = Links to maps and other sites lead to services the platform does not control.
accessibility-prepared = This statement was prepared on { $date } by self-assessment, from the checks above.
accessibility-feedback = Feedback and contact
accessibility-feedback-text = If you find a barrier, or need a page or document in another format, write to { $email }. We answer within 30 days.
accessibility-enforcement = Enforcement procedure
accessibility-enforcement-text = If our answer does not satisfy you, you may turn to the Greek Ombudsman (Συνήγορος του Πολίτη, www.synigoros.gr), which handles complaints about public bodies.
cookies-title = Cookies
cookies-intro = The platform uses only the cookies it needs to work. It uses no analytics, advertising or tracking cookies, so it does not ask for your consent.
cookies-name = Name
cookies-purpose = What it is for
cookies-expires = How long it lasts
cookies-session-purpose = Keeps you signed in.
cookies-session-expires = Until you sign out, or after { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} (sooner when not used for { $idle ->
    [one] { $idle } hour
   *[other] { $idle } hours
}).
cookies-csrf-purpose = Protects the forms you send from being sent by another site in your name.
cookies-csrf-expires = Until you close your browser.
cookies-oidc-purpose = Connects you to your sign-in with an identity provider.
cookies-oidc-expires = 10 minutes.
cookies-lang-purpose = Remembers the language you chose.
cookies-lang-expires = 1 year.
