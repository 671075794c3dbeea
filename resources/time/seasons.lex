# Seasons and parts of the day.
SEASON SP spring
SEASON SU summer
SEASON FA fall!ctx autumn
SEASON WI winter
POD MO morning
POD AF afternoon
POD EV evening
POD NI night overnight!ctx
# Named clock times: CLOCKWORD <hour>.
CLOCKWORD 12 noon midday
CLOCKWORD 24 midnight
AMPM AM a.m. am!ctx
AMPM PM p.m. pm!ctx
