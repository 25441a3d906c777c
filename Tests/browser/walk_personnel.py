#!/usr/bin/env python3
"""Browser walk of the personnel area (issue 12): a post and an appointment after review and commitment → a training
class → a trip application, refused by the leader with the reason → a reportable event → a departure refused for an unreturned medium → the custody hand-over →
the departure completes and the 脱密期 shows on the person's file.

    python3 Tests/browser/walk_personnel.py --base-url URL --password P --out DIR [--otp CODE] [--leader-otp CODE]

Uses Debian's /usr/bin/chromium via playwright; screenshots of each page go to DIR; prints "PERSONNEL WALK OK".
"""
import argparse, os
from playwright.sync_api import sync_playwright

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--otp", default="")
    ap.add_argument("--leader-otp", default="")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    base = a.base_url.rstrip("/")
    step = "start"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("BAOMI_CHROMIUM", "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(60000)  # the suite runs beside ~400 tests on 2 cores
        def shot(name):
            page.screenshot(path=os.path.join(a.out, name), full_page=True)
        def expect(text):
            if text not in page.content():
                raise AssertionError(f"expected {text!r} on {page.url}")
        def submit(form):
            page.click(f"[data-testid={form}] button")
            page.wait_for_load_state()
        def choose(form, field, label):
            page.select_option(f"[data-testid={form}] select[name={field}]", label=label)
        def login(tab, username, otp):
            tab.goto(base + "/login")
            tab.fill("input[name=username]", username)
            tab.fill("input[name=password]", a.password)
            if otp:
                tab.fill("input[name=otp]", otp)
            tab.click("button[type=submit]")
            tab.wait_for_url(base + "/")
        try:
            step = "login"
            login(page, "wangfang", a.otp)
            step = "post"
            page.goto(base + "/personnel/appoint")
            page.fill("[data-testid=post-form] input[name=name]", "文印")
            page.select_option("[data-testid=post-form] select[name=highest_level]", "secret")
            submit("post-form")
            expect("已登记涉密岗位")
            shot("01-post.png")
            step = "appointment refused without review"
            choose("appoint-form", "person_id", "吴昊")
            choose("appoint-form", "post_id", "文印（秘密，一般）")
            choose("appoint-form", "tier", "一般")
            submit("appoint-form")
            expect("未通过保密审查的，不得任用")
            shot("02-refused-without-review.png")
            step = "review"
            choose("review-form", "person_id", "吴昊")
            choose("review-form", "post_id", "文印（秘密，一般）")
            page.fill("[data-testid=review-form] input[name=personnel_opinion]", "符合涉密人员条件")
            page.fill("[data-testid=review-form] input[name=secrecy_opinion]", "同意")
            page.fill("[data-testid=review-form] input[name=decided_by]", "陈军")
            submit("review-form")
            expect("已登记岗前审查：通过")
            step = "commitment"
            choose("commitment-form", "person_id", "吴昊")
            submit("commitment-form")
            expect("已登记保密承诺书")
            step = "appointment"
            choose("appoint-form", "person_id", "吴昊")
            choose("appoint-form", "post_id", "文印（秘密，一般）")
            choose("appoint-form", "tier", "一般")
            submit("appoint-form")
            expect("涉密人员档案")
            expect("文印")
            shot("03-appointed-file.png")
            step = "training"
            page.goto(base + "/personnel/training")
            page.fill("[data-testid=class-form] input[name=content]", "保密法律法规")
            page.select_option("[data-testid=class-form] select[name=participant_ids]", label=["吴昊", "张伟"])
            page.select_option("[data-testid=class-form] select[name=absent_ids]", label=["周敏"])
            submit("class-form")
            expect("已登记培训：4学时，参加2人，缺席1人")
            shot("04-training.png")
            step = "trip"
            page.goto(base + "/personnel/trips")
            choose("trip-form", "person_id", "吴昊")
            page.fill("[data-testid=trip-form] input[name=destination]", "新加坡")
            page.fill("[data-testid=trip-form] input[name=reason]", "探亲")
            submit("trip-form")
            expect("已登记出国（境）申请")
            shot("05-trip.png")
            step = "trip refused"
            leader = browser.new_page(viewport={"width": 1280, "height": 1000})
            leader.set_default_timeout(60000)
            login(leader, "chenjun", a.leader_otp)
            leader.goto(base + "/personnel/approvals")
            row = leader.locator("[data-testid=approvals] tr", has_text="吴昊")
            row.locator("[data-testid=trip-refuse] input[name=refusal_reason]").fill("新任涉密岗位未满一年，暂缓出境")
            row.locator("[data-testid=trip-refuse] button").click()
            leader.wait_for_load_state()
            if "已不予批准" not in leader.content():
                raise AssertionError("the approver's page does not confirm the refusal")
            leader.screenshot(path=os.path.join(a.out, "05a-trip-refused.png"), full_page=True)
            leader.close()
            page.goto(base + "/personnel/trips")
            expect("不予批准的理由：新任涉密岗位未满一年，暂缓出境")
            shot("05b-trip-refused-register.png")
            step = "event"
            page.goto(base + "/personnel/events")
            choose("event-form", "person_id", "吴昊")
            choose("event-form", "kind", "与境外人员非公务交往")
            page.fill("[data-testid=event-form] input[name=details]", "同学聚会结识外籍人员")
            submit("event-form")
            expect("已启动变动复审")
            shot("06-event.png")
            step = "departure refused"
            page.goto(base + "/personnel/departures")
            page.click("[data-testid=departures] a:has-text('孙涛')")
            page.wait_for_load_state()
            expect("尚有 1 件涉密载体、介质未清退或移交")
            for item in ["approval", "reminder_talk", "devices_returned", "system_access_revoked", "area_access_revoked"]:
                page.fill(f"tr[data-item={item}] input[name=note]", "已办理")
                page.click(f"tr[data-item={item}] button")
                page.wait_for_load_state()
            submit("complete-form")
            expect("尚有1件涉密载体、介质未清退或移交，不能办结离岗离职手续")
            shot("07-departure-refused.png")
            step = "hand-over"
            page.fill("[data-testid=handover-form] input[name=to_name]", "周敏")
            page.fill("[data-testid=handover-form] input[name=leaver_signed]", "孙涛")
            page.fill("[data-testid=handover-form] input[name=successor_signed]", "周敏")
            submit("handover-form")
            expect("已移交1件载体")
            expect("涉密载体、介质已全部清退或移交")
            shot("08-handed-over.png")
            step = "departure completes"
            submit("complete-form")
            expect("涉密人员档案")
            expect("脱密期")
            shot("09-declearing-file.png")
            if page.locator("[data-testid=file-status]").inner_text().strip() != "脱密期":
                raise AssertionError("the file does not show the 脱密期 status")
            step = "hand-over list printed"
            page.click("[data-testid=handovers] [data-testid=print-handover]")
            page.wait_for_load_state()
            expect("涉密载体移交清单")
            expect("孙涛的涉密U盘")
            expect("移交人：孙涛　接收人：周敏")
            if page.locator("[data-testid=handover-lines] tbody tr").count() != 1:
                raise AssertionError("the printed list does not have the one carrier handed over")
            page.emulate_media(media="print")
            shot("10-handover-list.png")
            page.emulate_media(media="screen")
        except Exception:
            shot("failure.png")
            print(f"FAILED at {step}: {page.url}")
            raise
        browser.close()
    print("PERSONNEL WALK OK")

if __name__ == "__main__":
    main()
