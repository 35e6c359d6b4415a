# Belarusian writes dates like Russian: "чацвер, 19 студзеня 2023 г.", "Студзень 2023". The names
# come in the official orthography from our catalogue (core/date_names.py), not Django's.
from config.formats.ru.formats import *  # noqa: F403
