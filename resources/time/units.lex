# Calendar units. UNIT is the singular, UNITS the plural form; the value is the
# TIMEX3 duration letter (Y M W D H MIN S), DE decade, CE century, Q quarter,
# HALF half-year, SE season (three months), WE weekend.
UNIT Y year yr
UNITS Y years yrs
UNIT M month
UNITS M months
UNIT W week
UNITS W weeks
UNIT D day
UNITS D days
UNIT H hour hr
UNITS H hours hrs
UNIT MIN minute min
UNITS MIN minutes mins
UNIT S second!ctx sec
UNITS S seconds secs
UNIT DE decade
UNITS DE decades
UNIT CE century
UNITS CE centuries
UNIT Q quarter
UNITS Q quarters
UNIT HALF half!ctx
UNITS HALF halves
UNIT SE season
UNITS SE seasons
UNIT WE weekend
UNITS WE weekends
