"""schema.org NewsArticle for search engines and link previews."""

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
    if article.image:
        data["image"] = request.build_absolute_uri(article.image.url)
    return data
