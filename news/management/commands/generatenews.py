import datetime
import random
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from news.caching import invalidate_news
from news.models import Article

SUBJECTS = [
    "The innovation development programme",
    "The State Committee for Science and Technology",
    "The Belarusian Innovation Fund",
    "The High Technologies Park",
    "The National Academy of Sciences",
    "The BNTU Polytechnic Technopark",
    "A joint venture with Chinese partners",
    "The Minsk technopark",
]
ACTIONS = [
    "reports progress on",
    "opens a call for",
    "signs an agreement on",
    "presents results of",
    "approves funding for",
    "launches a competition for",
    "reviews the state of",
    "discusses",
]
OBJECTS = [
    "high-tech exports",
    "laser systems",
    "medical products",
    "bioresorbable medicines",
    "robotic rehabilitation equipment",
    "venture financing",
    "scientific equipment",
    "technology transfer",
    "optical components",
    "import substitution projects",
]
SENTENCES = [
    "The share of knowledge-intensive products in exports reached {n}% in the first {m} months.",
    "{n} projects of the state programme are being carried out this year.",
    "More than {n} new jobs have been created at the enterprises taking part.",
    "“We expect the new production to reach its design capacity by {y},” the chairman said.",
    "The committee will report on the results to the Council of Ministers in {y}.",
    "Representatives of {n} organizations took part in the meeting.",
    "Funding of {n} million rubles has been allocated from the innovation fund.",
    "The equipment will be supplied to customers in Belarus and abroad.",
    "Particular attention was paid to the commercialization of research results.",
    "The participants agreed to hold the next meeting in {y}.",
]


class Command(BaseCommand):
    help = "Create N realistic published press releases (~600 words, dates over several years)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100)
        parser.add_argument(
            "--seed", type=int, default=2023, help="The same seed makes the same news."
        )

    def handle(self, count, seed, **options):
        rng = random.Random(seed)  # noqa: S311 (sample text, not secrets)
        now = timezone.now()
        run = uuid.uuid4().hex[:8]  # slugs stay unique when the command runs again
        articles = [self.article(rng, number, run, now) for number in range(count)]
        with transaction.atomic():
            Article.objects.bulk_create(articles, batch_size=500)
            Article.objects.filter(slug__startswith=f"{run}-").update_search_index()
        invalidate_news()
        self.stdout.write(f"Created {count} published articles.")

    def article(self, rng, number, run, now):
        title = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
        paragraphs = [self.paragraph(rng, now.year) for _ in range(9)]
        body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        lead = paragraphs[0].split(". ")[0] + "."
        return Article(
            title=title,
            slug=f"{run}-{number}",
            lead=lead,
            body=body,
            author=rng.choice(["Press office", "", "Information department"]),
            status=Article.Status.PUBLISHED,
            pub_date=now - datetime.timedelta(minutes=rng.randint(60, 6 * 365 * 24 * 60)),
        )

    @staticmethod
    def paragraph(rng, year):
        return " ".join(
            rng.choice(SENTENCES).format(
                n=rng.randint(2, 90), m=rng.randint(3, 11), y=year + rng.randint(0, 3)
            )
            for _ in range(6)
        )
