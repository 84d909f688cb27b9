"""The HTML edition in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright),
pages opened from file:// as a reader would. Also axe-core (npm, in .venv/node) for accessibility.

`./run.sh test` installs chromium, npm and the npm packages; these tests fail (never skip) without them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from helpers import search_index
from playwright.sync_api import expect

from toolchain.render import HtmlRenderer, expand

AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
DOC = "001_545f37247de4dac3.html"
BILINGUAL = "004_40ab3963a3b9c643.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    HtmlRenderer().render(expand([ROOT / "tei"]), out)
    return out


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site-cases")
    HtmlRenderer().render(expand([ROOT / "tests" / "render"]), out)
    return out


@pytest.fixture(scope="module")
def split(tmp_path_factory) -> Path:
    """The sample with its lists in pages of one item: index-2.html, persons-2.html, ..."""
    out = tmp_path_factory.mktemp("site-split")
    renderer = HtmlRenderer()
    renderer.per_page = renderer.shown = 1
    renderer.render(expand([ROOT / "tei"]), out)
    assert (out / "index-2.html").is_file() and (out / "persons-2.html").is_file()
    return out


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def open_page(context, url: str, errors: list[str] | None = None):
    page = context.new_page()
    if errors is not None:
        page.on(
            "console", lambda m: errors.append(f"{url}: {m.type}: {m.text}") if m.type in ("error", "warning") else None
        )
        page.on("pageerror", lambda e: errors.append(f"{url}: {e}"))
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def test_every_page_loads_without_console_errors(context, site, cases, split):
    errors: list[str] = []
    pages = sorted(site.glob("*.html")) + sorted(cases.glob("*.html")) + sorted(split.glob("*-[0-9]*.html"))
    assert len(pages) >= 10
    for path in pages:
        page = open_page(context, path.as_uri(), errors)
        assert page.locator("main h1").count() == 1, path.name
        page.close()
    assert errors == []


def test_deletion_switch_works_by_keyboard_and_persists(context, site):
    page = open_page(context, (site / DOC).as_uri())
    deletion = page.locator("del.tei-del")
    toolbar = page.locator(".ed-toolbar")
    expect(toolbar).to_be_visible()
    expect(deletion).to_be_visible()
    diplomatic = page.locator('input[name="ed-text-view"][value="diplomatic"]')
    expect(diplomatic).to_be_checked()
    diplomatic.focus()
    page.keyboard.press("ArrowRight")  # radio group: the arrow selects the next view
    expect(page.locator('input[name="ed-text-view"][value="reading"]')).to_be_checked()
    expect(deletion).to_be_hidden()
    assert page.evaluate("document.documentElement.dataset.textView") == "reading"
    # the choice persists on another page
    other = open_page(context, (site / BILINGUAL).as_uri())
    expect(other.locator('input[name="ed-text-view"][value="reading"]')).to_be_checked()
    assert other.evaluate("document.documentElement.dataset.textView") == "reading"
    other.keyboard.press("Tab")
    other.locator('input[name="ed-text-view"][value="reading"]').focus()
    other.keyboard.press("ArrowLeft")
    page.reload()
    expect(page.locator("del.tei-del")).to_be_visible()


def test_without_javascript_the_diplomatic_view_shows(browser, site):
    ctx = browser.new_context(java_script_enabled=False)
    page = open_page(ctx, (site / DOC).as_uri())
    expect(page.locator("del.tei-del")).to_be_visible()
    expect(page.locator(".ed-toolbar")).to_be_hidden()
    page = open_page(ctx, (site / BILINGUAL).as_uri())
    expect(page.locator(".ed-par-original").nth(2)).to_be_visible()
    expect(page.locator(".ed-par-translation").nth(2)).to_be_visible()
    ctx.close()


def test_note_popover_opens_and_closes_by_keyboard(context, site):
    page = open_page(context, (site / DOC).as_uri())
    button = page.locator("button.ed-note-ref").first
    popover = page.locator("#" + button.get_attribute("popovertarget"))
    expect(popover).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("crossed out")
    assert popover.evaluate("e => e.matches(':popover-open')")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    # a click opens it too, and its close button closes it
    button.click()
    expect(popover).to_be_visible()
    popover.locator(".ed-note-close").click()
    expect(popover).to_be_hidden()
    # the list of notes links back to the marker
    back = page.locator(".ed-notes a.ed-backlink").first
    assert back.get_attribute("href") == "#" + button.get_attribute("id")


def test_parallel_view_shows_both_languages_and_each_alone(context, site):
    page = open_page(context, (site / BILINGUAL).as_uri())
    row = page.locator(
        ".ed-par-row:has(> .ed-par-original:not(.ed-par-empty)):has(> .ed-par-translation:not(.ed-par-empty))"
    )
    original = row.nth(1).locator("> .ed-par-original")
    translation = row.nth(1).locator("> .ed-par-translation")
    expect(original).to_be_visible()
    expect(translation).to_be_visible()
    assert original.get_attribute("lang") == "ru" and translation.get_attribute("lang") == "en"
    box_o, box_t = original.bounding_box(), translation.bounding_box()
    assert box_o["x"] < box_t["x"] and abs(box_o["y"] - box_t["y"]) < 5  # side by side
    assert any("\u0400" <= c <= "\u04ff" for c in original.inner_text())
    page.locator('input[name="ed-lang-view"][value="original"]').check()
    expect(original).to_be_visible()
    expect(translation).to_be_hidden()
    page.locator('input[name="ed-lang-view"][value="translation"]').check()
    expect(original).to_be_hidden()
    expect(translation).to_be_visible()
    page.locator('input[name="ed-lang-view"][value="parallel"]').check()
    expect(original).to_be_visible()


@pytest.mark.parametrize(("query", "expected"), [("Кеннеди", "Кеннеди"), ("blockade", "blockade"), ("хрущев", "Хрущ")])
def test_search_finds_russian_and_english_words(context, site, query, expected):
    page = open_page(context, (site / "search.html").as_uri())
    page.locator("#ed-q").fill(query)
    page.keyboard.press("Enter")
    results = page.locator("#ed-results li")
    expect(results.first).to_be_visible()
    assert results.count() >= 1
    expect(page.locator("#ed-results mark").first).to_contain_text(expected, ignore_case=True)
    href = results.first.locator("a").get_attribute("href")
    assert (site / href.split("#")[0]).is_file()


def test_catalogue_sorts_by_date(context, site):
    page = open_page(context, (site / "index.html").as_uri())
    dates = lambda: page.locator("table.ed-sortable tbody tr").evaluate_all("rs => rs.map(r => r.dataset.date)")  # noqa: E731
    before = dates()
    page.locator("button.ed-sort").focus()
    page.keyboard.press("Enter")
    assert dates() == sorted(before)
    page.keyboard.press("Enter")
    assert dates() == sorted(before, reverse=True)
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"


def test_explanations_show_on_focus(context, site):
    page = open_page(context, (site / DOC).as_uri())
    supplied = page.locator(".tei-supplied").first
    supplied.focus()
    tip = supplied.evaluate("e => getComputedStyle(e, '::after').content")
    assert "Supplied by Mark Kramer" in tip


def test_phone_layout_has_no_horizontal_scroll(browser, site):
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    for name in (DOC, BILINGUAL, "index.html", "persons.html"):
        page = open_page(ctx, (site / name).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 376, name
    ctx.close()


def test_axe_finds_no_serious_or_critical_violation(context, site, cases, split):
    assert AXE.is_file(), "axe-core is needed (./run.sh test installs it into .venv/node)"
    axe = AXE.read_text(encoding="utf-8")
    problems = []
    for path in [*sorted(site.glob("*.html")), *sorted(cases.glob("*.html")), *sorted(split.glob("*.html"))]:
        page = open_page(context, path.as_uri())
        page.add_script_tag(content=axe)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append(f"{path.name}: {v['id']} ({v['impact']}): {v['nodes'][0]['html'][:120]}")
        page.close()
    assert problems == [], "\n".join(problems)


def test_print_shows_the_text_without_controls(context, site):
    page = open_page(context, (site / DOC).as_uri())
    page.emulate_media(media="print")
    expect(page.locator(".ed-toolbar")).to_be_hidden()
    expect(page.locator(".ed-site nav")).to_be_hidden()
    expect(page.locator("del.tei-del")).to_be_visible()
    expect(page.locator(".ed-notes")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 400])
def test_copying_a_passage_gives_its_words_as_written(browser, site, width):
    """The speaker of a said stands in the margin (a raised label on a phone), never in the words a
    reader copies: "says he decided", not "says Khrushchevhe decided"."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = open_page(ctx, (site / DOC).as_uri())
    label = page.locator(".ed-said > .ed-margin-speaker").first
    expect(label).to_be_visible()
    copied = page.evaluate(
        """() => { const p = document.querySelector('.ed-said').closest('p');
                   getSelection().selectAllChildren(p); return getSelection().toString(); }"""
    )
    ctx.close()
    assert "says he decided to convene" in copied
    assert "Khrushchevhe" not in copied and "[" not in copied


def test_search_snippets_are_cut_between_words_and_show_no_ocr_marks(context, site):
    """A result shows whole words around the match ("… the residence …", never "…idence"), and the text
    of an alternative as read, not an OCR's ** around it."""
    page = open_page(context, (site / "search.html").as_uri())
    page.locator("#ed-q").fill("Castro")
    page.keyboard.press("Enter")
    expect(page.locator("#ed-results li").first).to_be_visible()
    entries = [text for _, _, text, _ in search_index(site)[1]]
    assert not any("**" in e for e in entries)
    snippets = page.locator("#ed-results li > span:not(.ed-result-title)").all_inner_texts()
    assert len(snippets) >= 5
    for shown in snippets:
        core = shown.removeprefix("… ").removesuffix(" …")
        entry = next(e for e in entries if core in e)
        at = entry.index(core)
        assert at == 0 or entry[at - 1] == " ", shown
        assert at + len(core) == len(entry) or entry[at + len(core)] == " ", shown


def test_a_search_loads_only_the_shards_it_needs(context, site):
    """The index is in shards (assets/search/): a query loads the buckets of its words and the entries of
    the results it shows, not the whole index; its words are those of the index (the page folds and cuts
    a text into words as the renderer does); a passage is found when each word begins one of its words;
    fifty results are shown, then a button shows more."""
    from toolchain.render.search import _WORD, fold

    manifest, entries, _ = search_index(site)
    page = open_page(context, (site / "search.html").as_uri())
    expect(page.locator("#ed-search-status")).to_have_text(f"{manifest['entries']} passages searchable.")
    loaded = lambda: page.evaluate(  # noqa: E731
        "() => Array.from(document.scripts, s => s.src).filter(s => s.includes('/search/'))"
        ".map(s => s.split('/').pop())"
    )
    assert loaded() == ["manifest.js"]
    page.locator("#ed-q").fill("Хрущ Кеннеди")
    page.keyboard.press("Enter")
    expect(page.locator("#ed-results li").first).to_be_visible()
    wanted = [
        n
        for n, (_, _, text, _) in enumerate(entries)
        if all(any(w.startswith(q) for w in _WORD.findall(fold(text))) for q in ("хрущ", "кеннеди"))
    ]
    expect(page.locator("#ed-search-status")).to_have_text(f"{len(wanted)} passages found")
    shards = {f"entries-{n // manifest['shard']}.js" for n in wanted}
    assert sorted(loaded()) == sorted(["manifest.js", "words-445-440.js", "words-43a-435.js", *shards])
    samples = ["Хрущёв’s ÉCOLE naïve x-ray 1962г. İstanbul ΟΔΟΣ", *(text for _, _, text, _ in entries[:40])]
    assert page.evaluate("t => t.map(window.EDITION_SEARCH.wordsOf)", samples) == [
        _WORD.findall(fold(t)) for t in samples
    ]
    page.locator("#ed-q").fill("the")
    page.keyboard.press("Enter")
    expect(page.locator("#ed-results li")).to_have_count(50)
    total = sum(1 for _, _, text, _ in entries if any(w.startswith("the") for w in _WORD.findall(fold(text))))
    assert total > 50
    page.locator("#ed-more").click()
    expect(page.locator("#ed-results li")).to_have_count(min(100, total))
