"""What changed in a text, as an editor reads it: an article body's visible text paragraph by
paragraph, and within a paragraph or a field the changed words, marked for the eye and for screen
readers. No models and no request: news/revisions.py applies it to two revisions."""

import difflib
import itertools
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

# A paragraph of its own, in the body's HTML (news/rich_text.py allows these).
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "li", "blockquote", "ul", "ol", "table", "tr", "hr", "pre", "div", *HEADINGS}
CELLS = {"td", "th"}


class _VisibleText(HTMLParser):
    """The body as readers read it: a block per paragraph, heading, list item or table row, the
    entities decoded (&nbsp; is a space to the eye), no markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.open, self.words = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.flush()
            self.open.append(tag)
        elif tag in CELLS and self.words:
            self.words.append(" | ")
        elif tag == "br":
            self.words.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.flush()
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        self.words.append(data)

    def flush(self):
        lines = ("".join(self.words)).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines).strip()
        self.words = []
        if text.strip(" |"):
            self.blocks.append((self.kind(), text))

    def kind(self):
        for kinds, name in ((HEADINGS, "heading"), ({"li"}, "item"), ({"blockquote"}, "quote")):
            if kinds.intersection(self.open):
                return name
        return "row" if "tr" in self.open else "paragraph"


def visible_blocks(html):
    """(kind, text) of each paragraph readers see in `html`."""
    parser = _VisibleText()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.blocks


# Numbers ("10.30", "1,5"), words, spaces and each punctuation mark: "Minsk," becoming "Minsk."
# marks the full stop alone, "10.00" becoming "10.30" the whole time.
TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+|\s+|[^\w\s]")
# Word by word, difflib's cost grows with the square of the text where words repeat (two
# 15,000-word paragraphs took a worker past its timeout): a longer paragraph is shown as replaced.
MAX_TOKENS = 6000
# A whole comparison: many long edited paragraphs, each under MAX_TOKENS, would still add up to
# minutes (50 crafted ones took 52 s). Past this many token-to-token steps the rest is replaced.
MAX_WORK = 2 * (MAX_TOKENS // 2) ** 2


class Allowance:
    """What word-by-word comparing one page may still do."""

    def __init__(self):
        self.left = MAX_WORK

    def spend(self, a, b):
        cost = len(a) * len(b)
        if len(a) + len(b) > MAX_TOKENS or cost > self.left:
            return False
        self.left -= cost
        return True


def word_diff(old, new, allowance=None):
    """(kind, text) pieces: "same", "removed" or "added", the removed words of a change before the
    added ones. A space left alone between two changes joins them: "old title" → "new heading"
    reads as one change, not two."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    if not (allowance or Allowance()).spend(a, b):
        opcodes = [("replace", 0, len(a), 0, len(b))]
    else:
        opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces, removed, added = [], [], []
    for number, (op, a1, a2, b1, b2) in enumerate(opcodes):
        same = "".join(a[a1:a2])
        if op == "equal" and (same.strip() or number in (0, len(opcodes) - 1)):
            pieces += _change(removed, added)
            pieces.append(("same", same))
        else:
            removed.append(same)
            added.append("".join(b[b1:b2]))
    joined = []
    for kind, text in pieces + _change(removed, added):
        if joined and joined[-1][0] == kind:
            joined[-1] = (kind, joined[-1][1] + text)
        elif text:
            joined.append((kind, text))
    return joined


def _change(removed, added):
    """A change as pieces; where words replace words, the spaces around them that both share are
    left unmarked (an insertion's spaces are its own: the other side has none there)."""
    texts = {"removed": "".join(removed), "added": "".join(added)}
    removed.clear()
    added.clear()
    sides = [text for text in texts.values() if text.strip()]
    if len(sides) < 2:
        return [(kind, text) for kind, text in texts.items() if text]
    before = os.path.commonprefix([text[: len(text) - len(text.lstrip())] for text in sides])
    after = os.path.commonprefix([text[len(text.rstrip()) :][::-1] for text in sides])[::-1]
    inner = [(kind, text[len(before) : len(text) - len(after)]) for kind, text in texts.items()]
    return [("same", before), *((kind, text) for kind, text in inner if text), ("same", after)]


MARKS = {"removed": ("del", _("removed:")), "added": ("ins", _("added:"))}


def marked(pieces):
    """The pieces as HTML, each change in <del> or <ins> that says what it is to a screen reader
    (most read neither element out)."""
    mark = '<{0}><span class="visually-hidden">{1} </span>{2}</{0}>'
    return format_html_join(
        "",
        "{}",
        (
            (format_html(mark, *MARKS[kind], text) if kind in MARKS else text,)
            for kind, text in pieces
        ),
    )


@dataclass
class Paragraph:
    kind: str  # "paragraph", "heading", "item", "quote" or "row"
    change: str  # "same", "changed", "removed" or "added"
    pieces: list

    @property
    def text(self):
        return marked(self.pieces)


@dataclass
class Unchanged:
    """Paragraphs that did not change, between those that did: shown collapsed."""

    paragraphs: list


# Paragraphs a replaced stretch pairs with each other when they share this much of their words:
# an edited paragraph is shown with its words marked, rather than removed and added again.
SIMILAR = 0.5
MAX_PAIRS = 2500


def _pairs(old, new, allowance):
    """The replaced stretch old → new as paragraphs, each old one paired with its edited version
    where there is one (as difflib.Differ pairs lines), in order."""
    if not old or not new or len(old) * len(new) > MAX_PAIRS:
        return [
            *(Paragraph(kind, "removed", [("removed", text)]) for kind, text in old),
            *(Paragraph(kind, "added", [("added", text)]) for kind, text in new),
        ]
    words = [text.split() for _, text in old], [text.split() for _, text in new]
    score, i, j = max(
        (difflib.SequenceMatcher(None, a, b).quick_ratio(), i, j)
        for i, a in enumerate(words[0])
        for j, b in enumerate(words[1])
    )
    if score < SIMILAR:
        return _pairs(old, [], allowance) + _pairs([], new, allowance)
    (_, before), (kind, after) = old[i], new[j]
    change = "same" if before == after else "changed"
    middle = Paragraph(kind, change, word_diff(before, after, allowance))
    return [
        *_pairs(old[:i], new[:j], allowance),
        middle,
        *_pairs(old[i + 1 :], new[j + 1 :], allowance),
    ]


# Paragraph by paragraph, difflib's cost grows with the product of the two counts too (12,000
# one-line paragraphs a side took a worker past its timeout): past this, what lies between the
# paragraphs both begin and end with is shown replaced.
MAX_PARAGRAPH_PAIRS = 1_000_000


def _paragraph_opcodes(old, new):
    if len(old) * len(new) <= MAX_PARAGRAPH_PAIRS:
        return difflib.SequenceMatcher(None, old, new).get_opcodes()
    start = len(os.path.commonprefix([old, new]))
    end = len(os.path.commonprefix([old[start:][::-1], new[start:][::-1]]))
    opcodes = [("equal", 0, start, 0, start)] if start else []
    opcodes.append(("replace", start, len(old) - end, start, len(new) - end))
    if end:
        opcodes.append(("equal", len(old) - end, len(old), len(new) - end, len(new)))
    return opcodes


def body_diff(old_html, new_html):
    """The body's paragraphs, changed ones marked, runs of unchanged ones grouped."""
    old, new = visible_blocks(old_html), visible_blocks(new_html)
    paragraphs, allowance = [], Allowance()
    texts = [text for _kind, text in old], [text for _kind, text in new]
    for op, a1, a2, b1, b2 in _paragraph_opcodes(*texts):
        if op == "equal":
            paragraphs += [Paragraph(k, "same", [("same", t)]) for k, t in new[b1:b2]]
        else:
            paragraphs += _pairs(old[a1:a2], new[b1:b2], allowance)
    grouped = []
    for same, run in itertools.groupby(
        paragraphs, key=lambda paragraph: paragraph.change == "same"
    ):
        run = list(run)
        grouped += [Unchanged(run)] if same else run
    return grouped
