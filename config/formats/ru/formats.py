# "четверг, 19 января 2023 г.", as Russian official documents write dates: the genitive month
# name (E) after a day number, the weekday lowercase (as in our catalogue), "г." after the year.
# Month headings take the nominative (F): "Январь 2023". "8.00" for times.
DATE_FORMAT = "l, j E Y г."
SHORT_DATE_FORMAT = "j E Y г."
TIME_FORMAT = "G.i"
DATETIME_FORMAT = "j E Y г., G.i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
