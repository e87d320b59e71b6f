# Interface text in English. Every key here must exist in every other language file.

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
fallback-notice = Some content is shown in Greek because no English translation exists yet.
section-introduction = About
section-key-figures = Key figures
section-programmes = Structures and programmes
section-achievements = What we achieved
section-goals = Where we are heading
section-council = The Migrant and Refugee Integration Council
figure-year = ({ $year })
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
role-vice_president = Vice-president
role-member = Member
role-secretary = Secretary
category-municipal_councillor = Municipal councillor
category-civil_society = Civil society
category-migrant_community = Migrant and refugee representative
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
invalid-email = Check the e-mail address: { $reason }.
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
account-email = E-mail
account-name = Name
account-session-ends = Session ends
account-roles = Your roles
account-no-roles = You have no roles yet. A municipality's administrator can grant you one.
account-tokens = API tokens for scripts are made with POST /api/v1/me/tokens while signed in.
access-role-platform-admin = Platform administrator
access-role-tenant-admin = Municipality administrator
access-role-secretary = Council secretary
access-role-council-member = Council member
access-role-practice-author = Good practice author

sign-in-error-unknown-state = This sign-in attempt is unknown, was used already or has expired. Please start again.
sign-in-error-other-browser = This sign-in was started in another browser. Please start again here.
sign-in-error-unknown-provider = This sign-in provider is not available any more.
sign-in-error-unreachable = The sign-in provider cannot be reached at the moment. Please try again later.
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
decision-kind-decision = Decision
decision-kind-recommendation = Recommendation
decision-result-adopted = Adopted
decision-result-rejected = Rejected
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
attendance-present = Present
attendance-absent = Absent
attendance-excused = Excused
attendance-substitute_present = Substitute present
meeting-minutes = Minutes
minutes-published-on = published on
minutes-draft = draft, not published
minutes-approved-by-meeting = Approved by a later meeting on { $date }.
minutes-approved-by-president = Approved by the president on { $date }.
minutes-print-link = Printable minutes
minutes-print-title = Minutes: { $meeting }
minutes-back-to-meeting = Back to the meeting
minutes-not-latest = This is not the current version of the minutes.
