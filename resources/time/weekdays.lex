# Weekday names (WEEKDAYS: plural, for "on Mondays"): WEEKDAY <ISO number, Monday = 1> <forms>.
WEEKDAY 1 monday mon.
WEEKDAYS 1 mondays
WEEKDAY 2 tuesday tue. tues.
WEEKDAYS 2 tuesdays
WEEKDAY 3 wednesday wed.
WEEKDAYS 3 wednesdays
WEEKDAY 4 thursday thu. thur. thurs.
WEEKDAYS 4 thursdays
WEEKDAY 5 friday fri.
WEEKDAYS 5 fridays
WEEKDAY 6 saturday sat.
WEEKDAYS 6 saturdays
WEEKDAY 7 sunday sun.
WEEKDAYS 7 sundays
