# "Thursday, 19 January 2023", as the agency writes dates; "8.00" for times.
DATE_FORMAT = "l, j F Y"
SHORT_DATE_FORMAT = "j F Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = "j F Y, G.i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
