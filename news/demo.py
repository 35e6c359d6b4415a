"""The demo content: the press release and contacts of the page this site replaces."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Article, Topic

# Named by `manage.py loaddemo`, which calls load().
CONTENT = "seed article"

SEED_ARTICLE = {
    "slug": "high-tech-products-account-for-over-third-of-belarus-export",
    "title": "High-tech products account for over third of Belarus' export",
    "lead": (
        "Knowledge-intensive and high-tech products account for more than a third of "
        "the Belarusian export, Chairman of the State Committee for Science and "
        "Technology of Belarus Sergei Shlychkov told BelTA."
    ),
    "body": "".join(
        f"<p>{paragraph}</p>"
        for paragraph in (
            "“The share of knowledge-intensive and high-tech products stood at 37.5% of"
            " the total Belarusian export in January-September 2022, with the plan set "
            "at 34%. According to preliminary estimates, the index of innovatively "
            "active manufacturing organizations will make up 30.4% of the total in "
            "2022,” said Sergei Shlychkov.",
            "Belarus is implementing the state innovation development program "
            "2021-2025, including 66 projects for 2022. Seven of them have already been"
            " completed. Facilities as part of five of them have been commissioned. "
            "More than 700 new jobs have been created. The chairman of the State "
            "Committee for Science and Technology mentioned the most notable projects. "
            "“Legmash Plant has organized the production of innovative equipment and "
            "its components for the oil and gas industry. High-tech export-oriented "
            "production of optical components and laser systems with diode pumping of a"
            " new generation has been set up at the Institute of Physics of the "
            "National Academy of Sciences of Belarus. Projects have been completed at "
            "Baranovichi Machine-Tool Plant, Belkredo, Spetslit and Ruchaika,” he said.",
            "There are also big plans for 2023. They include the commissioning as part "
            "of 19 projects and reaching the design capacity as part of 17 projects. "
            "“The BNTU Polytechnic Technopark plans to set up an innovation and "
            "production center to manufacture medical products. The Unitehprom BSU is "
            "organizing the production of original bioresorbable polyfunctional "
            "medicines. Uzda Central District Hospital is setting up a medical and "
            "social rehabilitation center for the elderly and disabled, using "
            "innovative robotic technology and control system. Minsk Dairy Plant No. 1 "
            "is working a new tasty novelty - cheese with white mold,” Sergei Shlychkov"
            " said.",
        )
    ),
    "author": "",
    # The seed page's time, in the agency's zone.
    "pub_date": datetime.datetime(2023, 1, 19, 10, 0, tzinfo=timezone.get_default_timezone()),
    "status": Article.Status.PUBLISHED,
}


# The agency's rubrics; the seed article is filed under the first.
TOPICS = [
    ("innovation", "Innovation", "The state innovation programme, technoparks and new production."),
    ("international-cooperation", "International cooperation", "Joint projects and agreements."),
    ("science-policy", "Science policy", "Laws, strategies and the funding of research."),
]


@transaction.atomic
def load():
    """Fill an empty site, one that never had an article (a deleted one leaves its history) nor
    has a topic, with the seed article and the topics. Says what it did, for `loaddemo`: it runs
    with every `make run` and `make serve`, and what staff deleted must not come back live."""
    if Article.objects.filter(slug=SEED_ARTICLE["slug"]).exists():
        return "already present"
    if Article.objects.exists() or Article.history.exists() or Topic.objects.exists():
        return "left alone: staff changed it"
    topics = [
        Topic.objects.create(slug=slug, name=name, description=description)
        for slug, name, description in TOPICS
    ]
    Article.objects.create(**SEED_ARTICLE).topics.add(topics[0])
    return "created"
