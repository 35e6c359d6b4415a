"""The demo's reception of citizens: three officials with their rules, a direct line in the coming
days, the appeals procedure, and Belarus's public holidays of this year and the next with the
transferred working days the Council of Ministers has set (on the reception's calendar)."""

import datetime

from django.utils import timezone

from .models import AppealsPage, ContactPoint, DirectLine, Official, SpecialDay

T = datetime.time
# Public holidays (Labour Code, art. 147; Decree No. 157): fixed dates; and Radunitsa, the ninth
# day after Orthodox Easter.
FIXED_HOLIDAYS = {
    (1, 1): {"ru": "Новый год", "be": "Новы год", "en": "New Year"},
    (1, 2): {"ru": "Новый год", "be": "Новы год", "en": "New Year"},
    (1, 7): {
        "ru": "Рождество Христово (православное Рождество)",
        "be": "Нараджэнне Хрыстова (праваслаўныя Каляды)",
        "en": "Christmas (Orthodox)",
    },
    (3, 8): {"ru": "День женщин", "be": "Дзень жанчын", "en": "Women's Day"},
    (5, 1): {"ru": "Праздник труда", "be": "Свята працы", "en": "Labour Day"},
    (5, 9): {"ru": "День Победы", "be": "Дзень Перамогі", "en": "Victory Day"},
    (7, 3): {
        "ru": "День Независимости Республики Беларусь",
        "be": "Дзень Незалежнасці Рэспублікі Беларусь",
        "en": "Independence Day",
    },
    (11, 7): {
        "ru": "День Октябрьской революции",
        "be": "Дзень Кастрычніцкай рэвалюцыі",
        "en": "October Revolution Day",
    },
    (12, 25): {
        "ru": "Рождество Христово (католическое Рождество)",
        "be": "Нараджэнне Хрыстова (каталіцкія Каляды)",
        "en": "Christmas (Catholic)",
    },
}
RADUNITSA = {"ru": "Радуница", "be": "Радаўніца", "en": "Radunitsa"}
DAY_OFF = {
    "ru": "Выходной день (перенос рабочего дня)",
    "be": "Выхадны дзень (перанос рабочага дня)",
    "en": "Day off (working day transferred)",
}
WORKING_SATURDAY = {
    "ru": "Рабочая суббота (перенос рабочего дня)",
    "be": "Рабочая субота (перанос рабочага дня)",
    "en": "Working Saturday (working day transferred)",
}
# (day off, working Saturday), as the yearly resolutions set them (2026: No. 397 of 22 July 2025).
TRANSFERS = {
    2025: [((1, 6), (1, 11)), ((4, 28), (4, 26)), ((7, 4), (7, 12)), ((12, 26), (12, 20))],
    2026: [((4, 20), (4, 25))],
}
RECEPTION_HOURS = [(T(8), T(13)), (T(14), T(17))]

BOOKING_HOURS = {
    "ru": "по рабочим дням с 8.00 до 17.00",
    "be": "у працоўныя дні з 8.00 да 17.00",
    "en": "on working days 8.00–17.00",
}
OFFICIALS = [
    {
        "name": {
            "ru": "Петров Сергей Николаевич",
            "be": "Пятроў Сяргей Мікалаевіч",
            "en": "Sergei Petrov",
        },
        "position": {
            "ru": "Председатель Государственного комитета по науке и технологиям",
            "be": "Старшыня Дзяржаўнага камітэта па навуцы і тэхналогіях",
            "en": "Chairman of the State Committee for Science and Technology",
        },
        "place": {"ru": "каб. 305", "be": "каб. 305", "en": "room 305"},
        # The first and third Thursday, 10.00–13.00.
        "rules": [(3, {"week_1", "week_3"}, T(10), T(13))],
    },
    {
        "name": {
            "ru": "Ковалёва Ирина Александровна",
            "be": "Кавалёва Ірына Аляксандраўна",
            "en": "Irina Kovaleva",
        },
        "position": {
            "ru": "Первый заместитель Председателя",
            "be": "Першы намеснік Старшыні",
            "en": "First Deputy Chairman",
        },
        "place": {"ru": "каб. 312", "be": "каб. 312", "en": "room 312"},
        "rules": [(2, {"week_2", "week_4"}, T(14), T(17))],
    },
    {
        "name": {
            "ru": "Мельник Андрей Викторович",
            "be": "Мельнік Андрэй Віктаравіч",
            "en": "Andrei Melnik",
        },
        "position": {
            "ru": "Заместитель Председателя",
            "be": "Намеснік Старшыні",
            "en": "Deputy Chairman",
        },
        "place": {"ru": "каб. 318", "be": "каб. 318", "en": "room 318"},
        "rules": [(4, {"week_last"}, T(9), T(12))],
    },
]
DIRECT_LINE_TOPIC = {
    "ru": "Государственная поддержка молодых учёных",
    "be": "Дзяржаўная падтрымка маладых навукоўцаў",
    "en": "State support for young scientists",
}
APPEALS_TEXT = {
    "ru": (
        "<p>Обращения граждан, в том числе индивидуальных предпринимателей, и юридических лиц "
        "рассматриваются в соответствии с Законом Республики Беларусь «Об обращениях граждан "
        "и юридических лиц».</p>"
        "<h2>Как подать обращение</h2><ul>"
        "<li>Письменное обращение — почтой или при личном приёме; в нём указывают фамилию, "
        "собственное имя, отчество (если таковое имеется), адрес места жительства, суть "
        "обращения и личную подпись.</li>"
        "<li>Электронное обращение — только через государственную систему «обращения.бел».</li>"
        "<li>Устное обращение — на личном приёме по предварительной записи.</li></ul>"
        "<h2>Сроки</h2><p>Обращения рассматриваются не позднее 15 дней, а требующие "
        "дополнительного изучения и проверки — не позднее одного месяца. Анонимные обращения "
        "не рассматриваются.</p>"
    ),
    "be": (
        "<p>Звароты грамадзян, у тым ліку індывідуальных прадпрымальнікаў, і юрыдычных асоб "
        "разглядаюцца ў адпаведнасці з Законам Рэспублікі Беларусь «Аб зваротах грамадзян "
        "і юрыдычных асоб».</p>"
        "<h2>Як падаць зварот</h2><ul>"
        "<li>Пісьмовы зварот — поштай або на асабістым прыёме; у ім указваюць прозвішча, "
        "уласнае імя, імя па бацьку (калі такое ёсць), адрас месца жыхарства, сутнасць "
        "звароту і асабісты подпіс.</li>"
        "<li>Электронны зварот — толькі праз дзяржаўную сістэму «обращения.бел».</li>"
        "<li>Вусны зварот — на асабістым прыёме па папярэднім запісе.</li></ul>"
        "<h2>Тэрміны</h2><p>Звароты разглядаюцца не пазней за 15 дзён, а тыя, што патрабуюць "
        "дадатковага вывучэння і праверкі, — не пазней за адзін месяц. Ананімныя звароты "
        "не разглядаюцца.</p>"
    ),
    "en": (
        "<p>Appeals of citizens, including individual entrepreneurs, and of legal entities are "
        "considered under the Law of the Republic of Belarus “On Appeals of Citizens and Legal "
        "Entities”.</p>"
        "<h2>How to make an appeal</h2><ul>"
        "<li>In writing — by post or at a personal reception; give your surname, first name, "
        "patronymic (if any), home address, what you ask, and sign it.</li>"
        "<li>Electronically — only through the state system “обращения.бел”.</li>"
        "<li>Orally — at a personal reception, booked in advance.</li></ul>"
        "<h2>Time limits</h2><p>An appeal is answered within 15 days, or within one month if it "
        "needs further study and checks. Anonymous appeals are not considered.</p>"
    ),
}


def texts(**fields):
    return {
        f"{field}_{lang}": text
        for field, by_lang in fields.items()
        for lang, text in by_lang.items()
    }


def orthodox_easter(year):
    """Meeus's Julian algorithm, moved to the Gregorian calendar (13 days in 1900–2099)."""
    d = (19 * (year % 19) + 15) % 30
    e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return datetime.date(year, month, day + 1) + datetime.timedelta(days=13)


def add_holidays(point, years):
    for year in years:
        holidays = {datetime.date(year, *md): name for md, name in FIXED_HOLIDAYS.items()}
        holidays[orthodox_easter(year) + datetime.timedelta(days=9)] = RADUNITSA
        for off_md, working_md in TRANSFERS.get(year, []):
            holidays[datetime.date(year, *off_md)] = DAY_OFF
            working = point.special_days.create(
                date=datetime.date(year, *working_md),
                kind=SpecialDay.Kind.WORKING,
                works_for=datetime.date(year, *off_md),
                **texts(name=WORKING_SATURDAY),
            )
            for opens, closes in RECEPTION_HOURS:
                working.hours.create(opens=opens, closes=closes)
        for day, name in sorted(holidays.items()):
            point.special_days.create(date=day, kind=SpecialDay.Kind.HOLIDAY, **texts(name=name))


def add_officials(calendar, phone):
    officials = []
    for order, data in enumerate(OFFICIALS, start=1):
        official = Official.objects.create(
            order=order,
            **texts(
                name=data["name"],
                position=data["position"],
                place=data["place"],
                phone_hours=BOOKING_HOURS,
            ),
        )
        for weekday, weeks, starts, ends in data["rules"]:
            official.sessions.create(
                weekday=weekday, starts=starts, ends=ends, **dict.fromkeys(weeks, True)
            )
        officials.append(official)
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=2)
    line_day = (calendar.next_working_day(soon) if calendar else None) or soon
    DirectLine.objects.create(
        official=officials[0],
        date=line_day,
        starts=T(10),
        ends=T(12),
        phone=phone,
        **texts(topic=DIRECT_LINE_TOPIC),
    )


def load(phone):
    """Into a site with no officials and no appeals text yet; says what it did."""
    if Official.objects.exists() or AppealsPage.objects.exists():
        return "left alone: already present"
    reception = ContactPoint.objects.filter(kind=ContactPoint.Kind.RECEPTION).first()
    if reception is not None and not reception.special_days.exists():
        year = timezone.localdate().year
        add_holidays(reception, [year, year + 1])
    calendar = reception.schedule() if reception else None
    add_officials(calendar, phone)
    add_appeals_page()
    return "created"


def add_appeals_page():
    AppealsPage.objects.create(**texts(body=APPEALS_TEXT))
