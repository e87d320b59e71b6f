# Messages to residents who subscribed to a council's notices, in English.
# Anyone who writes English well may improve this file: keep each key and each { $placeholder },
# write short, plain sentences, and send the change to the platform's team.
# Names in { $municipality } and { $title } are written by the municipality in Greek or English.

hello = Hello,
confirm_subject = Confirm your subscription: { $municipality }
confirm_intro = Please confirm that you want e-mail notices from { $municipality }.
confirm_action = To confirm, open this link:
confirm_button = Confirm my subscription
confirm_expiry = The link is valid for three days.
confirm_ignore = If you did not ask for this, ignore this message: nothing will be sent to you.
active_subject = You are already subscribed: { $municipality }
already_active = You are already subscribed to the notices of { $municipality }.
why = You receive this because you subscribed to these notices.
preferences = Change your preferences
unsubscribe = Unsubscribe
when = When
reason = Reason
what_changed = What was corrected
agenda = Agenda
decisions = Decisions and recommendations
read_more = Read more
convened = New council meeting: { $title }
postponed = Meeting postponed: { $title }
cancelled = Meeting cancelled: { $title }
minutes = Minutes published: { $title }
minutes_corrected = Minutes corrected: { $title }
decision_corrected = Decision corrected: { $title }
recommendation_corrected = Recommendation corrected: { $title }
practice = New good practice: { $title }
decision_line = { $kind ->
    [recommendation] Recommendation
   *[decision] Decision
} { $number } (item { $item }: { $title }): { $result ->
    [rejected] rejected
   *[adopted] adopted
}
digest = Your notices: { $municipality }
digest_count = { $count ->
    [one] One new notice since our last message.
   *[other] { $count } new notices since our last message.
}
content_in_el = The council writes its meetings in Greek, so titles and agendas are in Greek.
content_in_en = Titles and agendas are in English, as the council wrote them.
