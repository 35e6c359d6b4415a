"""schema.org NewsArticle for search engines and link previews."""

from django.db.models import prefetch_related_objects

from contacts.directory import agency


def news_article(article, request):
    url = request.build_absolute_uri(article.get_absolute_url())
    publisher = {
        "@type": "GovernmentOrganization",
        "name": agency(request).name,
        "url": request.build_absolute_uri("/"),
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": article.language,
        "description": article.lead,
        "datePublished": article.pub_date.isoformat(),
        "dateModified": article.last_public_update.isoformat(),
        "mainEntityOfPage": url,
        "url": url,
        "author": {"@type": "Person", "name": article.author} if article.author else publisher,
        "publisher": publisher,
    }
    # The gallery is read once for the page: the template's gallery reuses what is fetched here.
    prefetch_related_objects([article], "photos")
    images = [article.image, *(photo.image for photo in article.photos.all())]
    if urls := [request.build_absolute_uri(image.url) for image in images if image]:
        data["image"] = urls
    return data
