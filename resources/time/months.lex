# Month names: MONTH <number 1-12> <forms>.
# Ambiguous forms (the modal "may", the verb "march", the name "Jan") need a
# capital letter and another time word in the pattern or a CONTEXT word before
# them (!cap !ctx).
MONTH 1  january jan!ctx jan.
MONTH 2  february feb feb.
MONTH 3  march!cap!ctx mar.
MONTH 4  april apr apr.
MONTH 5  may!cap!ctx
MONTH 6  june jun jun.
MONTH 7  july jul jul.
MONTH 8  august aug aug.
MONTH 9  september sep sep. sept sept.
MONTH 10 october oct oct.
MONTH 11 november nov nov.
MONTH 12 december dec dec.
