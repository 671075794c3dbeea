# Number words: NUMBER <value> <forms>. "X" means an unspecified quantity
# (TimeML writes "PXD" for "several days"). Compound numbers ("twenty four",
# "twenty-four") are two NUMBER tokens the normalizer adds up.
NUMBER 1 one
NUMBER 2 two couple
NUMBER 3 three
NUMBER 4 four
NUMBER 5 five
NUMBER 6 six
NUMBER 7 seven
NUMBER 8 eight
NUMBER 9 nine
NUMBER 10 ten
NUMBER 11 eleven
NUMBER 12 twelve dozen
NUMBER 13 thirteen
NUMBER 14 fourteen
NUMBER 15 fifteen
NUMBER 16 sixteen
NUMBER 17 seventeen
NUMBER 18 eighteen
NUMBER 19 nineteen
NUMBER 20 twenty
NUMBER 30 thirty
NUMBER 40 forty
NUMBER 50 fifty
NUMBER 60 sixty
NUMBER 70 seventy
NUMBER 80 eighty
NUMBER 90 ninety
NUMBER 100 hundred
NUMBER 1000 thousand
NUMBER X several few many some numerous
