# Belarusian writes dates like Russian: "чацвер, 19 студзеня 2023".
from config.formats.ru.formats import *  # noqa: F403
