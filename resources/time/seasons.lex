# Seasons and parts of the day.
SEASON SP spring
SEASON SU summer
SEASON FA fall!ctx autumn
SEASON WI winter
POD MO morning
POD AF afternoon
POD EV evening
POD NI night overnight!ctx
# plural parts of the day make a weekday recurring: "Monday and Tuesday nights"
PODS MO mornings
PODS AF afternoons
PODS EV evenings
PODS NI nights
# Named clock times: CLOCKWORD <hour>.
CLOCKWORD 12 noon midday
CLOCKWORD 24 midnight
AMPM AM a.m. am!ctx
AMPM PM p.m. pm!ctx
