# Modifiers that become the TIMEX3 mod attribute.
MOD START early beginning start dawn
MOD END late end close
MOD MID mid middle
MOD APPROX about around approximately roughly nearly almost some!ctx
MOD MORE_THAN over
MOD LESS_THAN under!ctx
# Comparatives, followed by "than": "more than three years".
CMP MORE_THAN more
CMP LESS_THAN less fewer
# "at least", "at most", "no more than": AT marks the first word.
AT EQUAL_OR_MORE least
AT EQUAL_OR_LESS most
# earlier/later as a modifier of a deictic date: "earlier this year".
EARLIER START earlier
LATER END later
