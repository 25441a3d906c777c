extension OrganisationViews {
    /// 工作日历 — the imported years, the deadline calculator, the year's months when it is loaded, the import form.
    static func calendar(_ m: CalendarController.Model, _ shell: PageShell) -> HTML {
        """
        <p class="bm-years">已导入年份：\(each: m.years, calendarYearLink)</p>
        <form method="get" action="/calendar" class="bm-filter">
          <input type="hidden" name="year" value="\(m.year)">
          <label>起算日期<input type="date" name="from" value="\(m.from)" class="form-control form-control-sm"></label>
          <label>工作日数<input type="number" name="days" value="\(m.days)" min="0" max="366" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">计算期限</button>
        </form>
        \(m.result.map(calendarResult))
        \(if: m.loaded, calendarYear(m))
        \(if: m.canImport, calendarImport(shell.csrf))
        """
    }

    private static func calendarYearLink(_ y: CalendarController.YearLink) -> HTML {
        #"<a href="/calendar?year=\#(y.year)" class="\#(if: y.current, "active")" title="\#(y.source)">\#(y.year)</a> "#
    }

    private static func calendarResult(_ text: String) -> HTML {
        #"<div class="alert alert-info" data-testid="deadline">\#(text)</div>"#
    }

    private static func calendarYear(_ m: CalendarController.Model) -> HTML {
        """
        <h2>\(m.year)年</h2>
        <ul class="bm-holidays">\(each: m.holidays, calendarHoliday)</ul>
        <p>调休上班：\(m.makeup)</p>
        <p class="bm-legend"><span class="holiday">节假日</span> <span class="makeup">调休上班</span> <span class="weekend">周末</span> <span class="work">工作日</span></p>
        <div class="bm-months">
        \(each: m.months, calendarMonth)
        </div>
        """
    }

    private static func calendarHoliday(_ text: String) -> HTML { "<li>\(text)</li>" }

    private static func calendarMonth(_ month: CalendarController.Month) -> HTML {
        """
          <table class="bm-month"><caption>\(month.name)</caption>
          <thead><tr><th>一</th><th>二</th><th>三</th><th>四</th><th>五</th><th>六</th><th>日</th></tr></thead>
          <tbody>\(each: month.weeks, calendarWeek)</tbody></table>
        """
    }

    private static func calendarWeek(_ week: [CalendarController.Cell]) -> HTML { "<tr>\(each: week, calendarCell)</tr>" }

    private static func calendarCell(_ c: CalendarController.Cell) -> HTML {
        #"<td class="\#(c.css)" title="\#(c.title)">\#(c.label)</td>"#
    }

    private static func calendarImport(_ csrf: String) -> HTML {
        """
        <h2 class="bm-noprint">导入工作日历</h2>
        <form method="post" action="/calendar/import" class="bm-form bm-noprint">
          <input type="hidden" name="_csrf" value="\(csrf)">
          <label>日历数据（JSON，格式同随软件发布的数据文件）<textarea name="data" rows="8" class="form-control" placeholder='{"year":2027,"holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"makeupWorkdays":[]}'></textarea></label>
          <button type="submit" class="btn btn-primary">导入</button>
        </form>
        """
    }
}
