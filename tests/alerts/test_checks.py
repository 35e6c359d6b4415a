from alerts.checks import public_address


def test_deploy_check_warns_of_links_to_this_machine(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert [warning.id for warning in public_address(None)] == ["alerts.W001"]
    settings.SITE_URL = "https://gknt.gov.by"
    assert public_address(None) == []
