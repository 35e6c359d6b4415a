"""Documents attached to an article, uploaded through the admin's real form: judged by their
content, listed with their type and size, and changed only with a change note once live."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat

from news.models import Article, Attachment
from tests.news.browser_form import article_form
from tests.news.uploads_support import DOCX_MAIN, PDF, change_url, docx_bytes, post_attachments

pytestmark = pytest.mark.django_db


DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def zip_bytes(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"MZ")
    return buffer.getvalue()


def test_attachments_are_listed_with_type_and_size(admin_client, make_article):
    article = make_article()
    response = post_attachments(
        admin_client,
        article,
        ("Decree No. 12", SimpleUploadedFile("decree.pdf", PDF)),
        ("Programme", SimpleUploadedFile("programme.docx", docx_bytes())),
    )
    assert response.status_code == 302
    assert [(a.title, a.kind, a.size) for a in article.attachments.all()] == [
        ("Decree No. 12", "PDF", len(PDF)),
        ("Programme", "DOCX", len(docx_bytes())),
    ]
    page = admin_client.get(article.get_absolute_url()).text
    size = filesizeformat(len(PDF))
    assert (
        f'type="application/pdf">Decree No. 12</a> <span class="file-meta">(PDF, {size})</span>'
        in (page)
    )
    assert f"PDF, {size}" in admin_client.get(change_url(article)).text


NOT_A_DOCUMENT = "Attachments must be PDF, DOCX, XLSX, ODT or ODS"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("decree.pdf", b"<html><script>alert(1)</script></html>", NOT_A_DOCUMENT),
        ("report.docx", b"MZ\x90\x00\x03 this is an executable", NOT_A_DOCUMENT),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', NOT_A_DOCUMENT),
        ("macros.docx", docx_bytes(DOCM_MAIN, "word/vbaProject.bin"), NOT_A_DOCUMENT),
        ("hidden.docx", docx_bytes(DOCX_MAIN, "word/vbaProject.bin"), NOT_A_DOCUMENT),
        ("invoice.docx", zip_bytes("word/invoice.exe", "index.html"), NOT_A_DOCUMENT),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_bad_attachment_is_refused_and_nothing_saved(
    admin_client, make_article, name, content, message
):
    article = make_article(title="Untouched")
    response = post_attachments(
        admin_client,
        article,
        ("Good one", SimpleUploadedFile("ok.pdf", PDF)),
        ("Bad one", SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Attachment.objects.exists()
    assert Article.objects.get().title == "Untouched"


def test_documents_of_a_live_article_change_only_with_a_change_note(admin_client, make_article):
    article = make_article()
    data = article_form(admin_client, change_url(article)) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-position": "0",
    }
    refused = admin_client.post(
        change_url(article), data | {"attachments-0-file": SimpleUploadedFile("d.pdf", PDF)}
    )
    assert refused.status_code == 200
    assert "describe the change to its documents in the change note" in refused.text
    assert not Attachment.objects.exists()
    note = "The decree is now attached."
    saved = admin_client.post(
        change_url(article),
        data | {"attachments-0-file": SimpleUploadedFile("d.pdf", PDF), "change_note": note},
    )
    assert saved.status_code == 302
    assert article.attachments.count() == 1
    assert list(article.change_notes.values_list("note", flat=True)) == [note]
    assert note in admin_client.get(article.get_absolute_url()).text


def test_documents_of_a_draft_change_freely(admin_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(admin_client, change_url(article)) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("d.pdf", PDF),
        "attachments-0-position": "0",
    }
    assert admin_client.post(change_url(article), data).status_code == 302
    assert article.attachments.count() == 1
