"""A contact point as a vCard that a phone's contacts app imports."""

import vobject
from django.utils.translation import gettext as _


def contact_point_vcard(agency, point, url):
    card = vobject.vCard()
    card.add("fn").value = f"{agency.name}: {point.label}"
    card.add("n").value = vobject.vcard.Name(family=agency.name, given=point.label)
    card.add("org").value = [agency.name, point.label]
    address = card.add("adr")
    address.value = vobject.vcard.Address(
        street=agency.street, city=agency.city, code=agency.postcode, country=_("Belarus")
    )
    address.type_param = "WORK"
    for phone in point.phones.all():
        tel = card.add("tel")
        tel.value = phone.number.as_e164
        tel.type_param = "WORK"
    if email := point.email or agency.email:
        card.add("email").value = email
    card.add("url").value = url
    if summary := point.schedule().summary():
        card.add("note").value = summary
    return card.serialize()
