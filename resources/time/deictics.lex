# Words that shift a date from the DCT or from the narrative's reference time.
# SHIFT <n>   : the n-th unit from the anchor (last = -1, next = +1, this = 0);
#               an "a" suffix makes it anaphoric (anchored on the narrative).
SHIFT -1 last past
SHIFT -1a previous preceding prior
SHIFT 0 this current
SHIFT 0a same that
SHIFT 1 next coming
SHIFT 1a following
# DIR <sign>: "two days ago" (deictic) and "two days later" (anaphoric).
DIR -1 ago
# ("before" and "after" are left out: TimeML makes them signals.)
DIR -1a earlier
DIR 1a later
DIR 1 hence
# Single-word days relative to the DCT: DEIXIS <day offset>[:part of day].
DEIXIS 0 today
DEIXIS -1 yesterday
DEIXIS 1 tomorrow
DEIXIS 0:NI tonight
# Vague references: REF <TIMEX3 value>.
REF PRESENT_REF now currently nowadays presently
# "current" as an adjective ("the current quarter", "current market
# conditions") is a present reference in TimeML; the noun is left out below.
REF PRESENT_REF current
# "previously", "soon", "the past" are left out: news uses them mostly as
# discourse adverbs, and TimeBank-style annotation rarely marks them.
REF PAST_REF recently lately recent!ctx
REF FUTURE_REF future!ctx
# Frequency words (SETs): SETWORD <value>. ("quarterly" is left out: in news
# it is an adjective of reports and dividends, not a recurring time.)
SETWORD P1D daily nightly
SETWORD P1W weekly
SETWORD P2W biweekly
SETWORD P1M monthly
SETWORD P1Y annually yearly annual!ctx
SETWORD PT1H hourly
QUANT EVERY every
QUANT EACH each per
# Decades written as words: DECADEWORD <decade of the 1900s>.
DECADEWORD 192 twenties
DECADEWORD 193 thirties
DECADEWORD 194 forties
DECADEWORD 195 fifties
DECADEWORD 196 sixties
DECADEWORD 197 seventies
DECADEWORD 198 eighties
DECADEWORD 199 nineties
# "fiscal 2008", "the financial year" (British)
FISCAL FY fiscal financial
# Time zones after a clock time ("5 p.m. EST"); kept in the span, not in the value.
TZ 0 est edt cst cdt mst mdt pst pdt gmt utc
# "the latest quarter", "the most recent period": the last complete unit.
LATEST 0 latest
PERIOD 0 period
# Words before an ambiguous time word (!ctx in the lexicons) that make it one:
# "in March", "since May", "until fall".
CONTEXT 0 in since until till by during before after from through last next this early late mid of
# Holidays: HOLIDAY <MM-DD> or <MM/n/weekday> (the n-th ISO weekday of the
# month, n = -1 the last), optionally <+d>, d days after that weekday. Names
# that are also common words need "Day" (!ctx).
HOLIDAY 12-25 christmas xmas
HOLIDAY 11/4/4 thanksgiving
HOLIDAY 10-31 halloween
HOLIDAY 07-04 independence!ctx
HOLIDAY 05/-1/1 memorial!ctx
HOLIDAY 09/1/1 labor!ctx
HOLIDAY 10/2/1 columbus!ctx
HOLIDAY 11-11 veterans!ctx armistice!ctx
HOLIDAY 02-14 valentine!ctx
# U.S. Election Day: the Tuesday after the first Monday of November
HOLIDAY 11/1/1+1 election!cap!ctx

# Tense cues around a bare weekday, month or quarter ("met on Friday" is the
# Friday before the DCT, "will meet on Friday" the one after).
# future: a strong cue, used for weekdays, months, dates, seasons and
# holidays; weak: only for weekdays and months or dates ("planned to leave on
# Thursday", "are expected to join in April"); "set" is none before "on" (a
# record "set on Aug. 6").
# past: also common irregular past forms (regular ones end in -ed). pastaux:
# the past perfect auxiliary, which also turns a weak cue right after it into a past
# one ("had been scheduled for Friday"). stop: a clause boundary the
# look-ahead after the timex does not cross. A word flagged !not>WORD is no
# cue right before WORD ("next to the embassy"); one flagged !before>WORD is a
# cue only right before WORD ("is to resume trading Tuesday").
TENSE future will ll shall going scheduled slated next!not>to upcoming is!before>to are!before>to
TENSE weak would could might planned planning plans plan set!not>on due expected expect expects soon until till
TENSE pastaux had
TENSE past was were
TENSE past did ago earlier last said met told took made went came gave saw found left held began
TENSE past won lost fell rose sent spoke became brought thought knew kept led paid ran sold stood struck wrote
TENSE past got hit cut shot fought fled flew drew grew threw broke chose spent built bought caught taught
TENSE stop and but or , ; :
