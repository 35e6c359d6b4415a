# "чацвер, 19 студзеня 2023": the genitive month name (E) after a day number.
DATE_FORMAT = "l, j E Y"
SHORT_DATE_FORMAT = "j E Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = "j E Y, G.i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
