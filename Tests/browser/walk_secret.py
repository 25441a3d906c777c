#!/usr/bin/env python3
"""Browser walk of one state secret through its life (issue 3):
承办人 drafts from the catalogue and submits → 定密责任人 approves → extends the period → declassifies early.

    python3 Tests/browser/walk_secret.py --base-url URL --password P --out DIR

Uses Debian's /usr/bin/chromium via playwright; screenshots of each page go to DIR; prints "WALK OK".
"""
import argparse, os, sys
from playwright.sync_api import sync_playwright

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--out", required=True)
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
        def login(user):
            page.goto(base + "/login")
            page.fill("input[name=username]", user)
            page.fill("input[name=password]", a.password)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
        def expect(text):
            if text not in page.content():
                raise AssertionError(f"expected {text!r} on {page.url}")
        try:
            step = "draft"
            login("zhangwei")
            page.goto(base + "/secrets/new")
            page.fill("input[name=title]", "浏览器测试：园区扩区方案")
            page.select_option("select[name=catalogue_item_id]", index=0)
            page.fill("input[name=marking]", "机密★5年")
            page.fill("textarea[name=secret_points]", "扩区范围四至")
            for q in ["q1", "q2", "q3", "q4"]:
                page.check(f"input[name={q}][value=no]")
            shot("1-draft-form.png")
            page.click("form.bm-form button[type=submit]")
            page.wait_for_url(base + "/secrets/*")
            expect("拟定")
            secret_url = page.url
            shot("2-drafted.png")
            step = "submit"
            # The action bar offers only what this user may do now; each action has its own form page.
            page.click("[data-testid=actions] a[data-action=submit]")
            page.wait_for_url("**/submit")
            officer = page.locator("select[name=officer_person_id] option", has_text="李华").get_attribute("value")
            page.select_option("select[name=officer_person_id]", officer)
            shot("3a-submit-form.png")
            page.click("[data-testid=perform]")
            page.wait_for_url(secret_url)
            expect("待审核")
            shot("3-submitted.png")
            page.click("text=退出")
            step = "approve"
            login("lihua")
            page.goto(secret_url)
            page.click("[data-testid=actions] a[data-action=approve]")
            page.wait_for_url("**/approve")
            page.click("[data-testid=perform]")
            page.wait_for_url(secret_url)
            expect("已定密")
            shot("4-approved.png")
            step = "extend"
            page.click("[data-testid=actions] a[data-action=change]")
            page.wait_for_url("**/change")
            page.fill("input[name=marking]", "机密★8年")
            page.fill("input[name=reason]", "规划实施周期延长")
            page.click("[data-testid=perform]")
            page.wait_for_url(secret_url)
            expect("机密★8年")
            shot("5-extended.png")
            step = "declassify"
            page.click("[data-testid=actions] a[data-action=declassify]")
            page.wait_for_url("**/declassify")
            page.fill("input[name=reason]", "方案已经公开发布")
            page.click("[data-testid=perform]")
            page.wait_for_url(secret_url)
            expect("已解密")
            expect("解密（")
            shot("6-declassified.png")
            step = "register"
            page.goto(base + "/secrets")
            shot("7-register.png")
            page.goto(base + "/authority")
            expect("定密责任人名单")
            shot("8-authority.png")
        except Exception as e:
            try:
                shot("failure.png")
            except Exception:
                pass
            print(f"WALK FAIL: {step}: {e}", file=sys.stderr)
            sys.exit(1)
        browser.close()
    print("WALK OK")

if __name__ == "__main__":
    main()
