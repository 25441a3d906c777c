#!/usr/bin/env python3
"""Browser walk of one 绝密 document through the carrier register (issue 4):
safe → receipt with the check → storage → circulation with the reader log → refused copy → approved copy →
loan and return → refused destruction by one person → destruction by two persons → the 销毁清单.
Each step starts from the carrier page's action bar and is done on the action's own page (issue 10).

    python3 Tests/browser/walk_carrier.py --base-url URL --password P --out DIR

Uses Debian's /usr/bin/chromium via playwright; screenshots of each page go to DIR; prints "CARRIER WALK OK".
"""
import argparse, os, sys
from playwright.sync_api import sync_playwright

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--otp", default="", help="the one-time code of a 绝密 system (R-DV-3), computed by the test at the server's clock")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    stale = os.path.join(a.out, "failure.png")
    if os.path.exists(stale):
        os.remove(stale)
    base = a.base_url.rstrip("/")
    step = "start"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("BAOMI_CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(60000)  # the suite runs beside ~400 tests on 2 cores
        def shot(name):
            page.screenshot(path=os.path.join(a.out, name), full_page=True)
        def expect(text, where=None):
            content = page.locator(where).inner_text() if where else page.content()
            if text not in content:
                raise AssertionError(f"expected {text!r} on {page.url}")
        def act(action):
            """Opens an action's own page from the carrier page's action bar."""
            page.click(f"[data-testid=carrier-actions] a[data-action='{action}']")
            page.wait_for_load_state()
            if page.locator("[data-testid=action-form]").count() != 1:
                raise AssertionError(f"no form on the page of {action}: {page.url}")
        def submit(action):
            page.click(f"form[action$='/{action}'] button[type=submit]")
            page.wait_for_load_state()
        try:
            step = "login"
            page.goto(base + "/login")
            page.fill("input[name=username]", "wangfang")
            page.fill("input[name=password]", a.password)
            if a.otp:
                page.fill("input[name=otp]", a.otp)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            step = "safe"
            page.goto(base + "/carriers/safes")
            page.fill("input[name=name]", "绝密专用柜")
            page.fill("input[name=location]", "保密室")
            page.select_option("select[name=level]", "top_secret")
            page.check("input[name=top_secret_only]")
            page.click("form[action='/carriers/safes'] button")
            page.wait_for_load_state()
            expect("绝密专用柜")
            shot("1-safe.png")
            step = "receipt"
            page.goto(base + "/carriers/new?mode=receive")
            page.fill("input[name=title]", "关于某型装备配套任务的通知")
            page.fill("input[name=document_number]", "华发改〔2026〕3号")
            page.fill("input[name=originating_unit]", "华南省发展和改革委员会")
            page.fill("input[name=marking]", "绝密★20年")
            page.fill("input[name=copies]", "1")
            for name in ["陈军", "李华"]:
                page.locator("label.bm-check", has_text=name).first.locator("input").check()
            page.check("input[name=package_intact]")
            page.fill("input[name=expected_copies]", "1")
            page.select_option("select[name=listed_level]", "top_secret")
            page.check("input[name=addressee_matches]")
            shot("2-receipt-form.png")
            page.click("form[data-testid=carrier-entry] button[type=submit]")
            page.wait_for_url(base + "/carriers/*")
            expect("在库", "[data-testid=status]")
            carrier_url = page.url
            shot("3-received.png")
            step = "store"
            if "take-back" in [a.get_attribute("data-action") for a in page.locator("[data-testid=carrier-actions] a").all()]:
                raise AssertionError("a carrier in stock offers taking back")
            act("store")
            shot("3a-store-form.png")
            submit("store")
            expect("绝密专用柜", "[data-testid=place]")
            step = "circulate"
            act("circulate")
            page.select_option("form[action$='/circulate'] select[name=reader]", label="李华")
            page.fill("form[action$='/circulate'] input[name=reading_room]", "保密室阅文室")
            submit("circulate")
            expect("传阅中", "[data-testid=status]")
            shot("4-circulating.png")
            act("take-back")
            submit("take-back")
            expect("在库", "[data-testid=status]")
            expect("李华", "[data-testid=reader-log]")
            page.goto(carrier_url + "/reader-log")
            expect("保密室阅文室")
            shot("5-reader-log.png")
            page.goto(carrier_url)
            step = "refused copy"
            act("copy")
            page.select_option("form[action$='/copy'] select[name=approved_by]", label="陈军")
            page.fill("form[action$='/copy'] input[name=recipient]", "李华")
            submit("copy")
            expect("R-CA-7", "[data-testid=error]")
            shot("6-copy-refused.png")
            step = "approved copy"
            page.select_option("form[action$='/copy'] select[name=approved_by]", label="陈军")
            page.fill("form[action$='/copy'] input[name=originator_consent]", "华发改函〔2026〕5号")
            page.fill("form[action$='/copy'] input[name=recipient]", "李华")
            submit("copy")
            expect("FY-2026-0001", "[data-testid=number]")
            expect("绝密★20年", "[data-testid=marking]")
            shot("7-copy.png")
            page.goto(base + "/carriers/books/copy")
            expect("华发改〔2026〕3号", "[data-testid=book]")
            shot("8-copy-register.png")
            step = "loan and return"
            page.goto(carrier_url)
            act("lend")
            page.select_option("form[action$='/lend'] select[name=borrower]", label="陈军")
            page.select_option("form[action$='/lend'] select[name=approved_by]", label="陈军")
            page.fill("form[action$='/lend'] input[name=due_on]", "2026-12-01")
            submit("lend")
            expect("借出", "[data-testid=status]")
            shot("9-lent.png")
            act("take-back")
            submit("take-back")
            expect("在库", "[data-testid=status]")
            step = "destruction by one"
            act("destroy")
            page.select_option("form[action$='/destroy'] select[name=approved_by]", label="陈军")
            page.fill("form[action$='/destroy'] input[name=persons]", "王芳")
            page.select_option("form[action$='/destroy'] select[name=method]", "shredder")
            submit("destroy")
            expect("R-CA-11", "[data-testid=error]")
            shot("10-destroy-refused.png")
            step = "destruction by two"
            page.select_option("form[action$='/destroy'] select[name=approved_by]", label="陈军")
            page.fill("form[action$='/destroy'] input[name=persons]", "王芳、刘洋")
            page.select_option("form[action$='/destroy'] select[name=method]", "shredder")
            submit("destroy")
            expect("已销毁", "[data-testid=status]")
            if page.locator("[data-testid=carrier-actions] a[data-action]").count() != 0:
                raise AssertionError("a destroyed carrier still offers actions")
            shot("11-destroyed.png")
            page.goto(base + "/carriers/books/destruction")
            expect("王芳、刘洋", "[data-testid=book]")
            shot("12-destruction-list.png")
            page.goto(carrier_url + "/label")
            shot("13-label.png")
        except Exception as e:
            try:
                shot("failure.png")
            except Exception:
                pass
            print(f"CARRIER WALK FAIL: {step}: {e}", file=sys.stderr)
            sys.exit(1)
        browser.close()
    print("CARRIER WALK OK")

if __name__ == "__main__":
    main()
