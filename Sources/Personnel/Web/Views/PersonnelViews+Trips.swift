extension PersonnelViews {
    /// 出国（境）管理 — the register of trips, each with the steps it accepts now, and the application form.
    static func trips(_ m: PersonnelController.RecordsModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table" data-testid="trips">
          <thead><tr><th>姓名</th><th>因公/因私</th><th>前往国家或地区</th><th>日期</th><th>审批人</th><th>状态</th><th>报告期限</th><th class="bm-noprint">办理</th></tr></thead>
          <tbody>\(m.trips.map { tripRow($0, m.opinionLabel, shell.csrf) })</tbody>
        </table>
        <h3 class="bm-noprint">出国（境）申请</h3>
        \(tripForm(m, shell.csrf))
        """
    }

    private static func tripRow(_ t: PersonnelController.TripRow, _ opinionLabel: String, _ csrf: String) -> HTML {
        """
        <tr><td>\(t.person)</td><td>\(t.purpose)</td><td>\(t.destination)</td><td>\(t.dates)</td><td>\(t.approvedBy)</td>\
        <td>\(t.status)<div class="text-muted small" data-testid="trip-opinions">\(t.opinions)</div></td><td>\(t.reportDue)</td>
          <td class="bm-noprint">
            \(if: t.opinion, opinionForm(t.id, opinionLabel, csrf))
            \(if: t.educate, educateForm(t.id, csrf))
            \(if: t.depart, departForm(t.id, csrf))
            \(if: t.back, returnForm(t.id, csrf))
            \(if: t.report, reportForm(t.id, csrf))
          </td></tr>
        """
    }

    private static func opinionForm(_ id: String, _ label: String, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/trips/\(id)/opinion" class="bm-inline" data-testid="trip-opinion">\(Components.csrf(csrf))
              <input type="text" name="opinion" maxlength="500" placeholder="\(label)" class="form-control form-control-sm">
              <button class="btn btn-sm btn-primary">填写意见</button></form>
        """
    }

    private static func educateForm(_ id: String, _ csrf: String) -> HTML {
        #"<form method="post" action="/personnel/trips/\#(id)/educate" class="bm-inline">\#(Components.csrf(csrf))<button class="btn btn-sm btn-outline-secondary">行前保密教育</button></form>"#
    }

    private static func departForm(_ id: String, _ csrf: String) -> HTML {
        #"<form method="post" action="/personnel/trips/\#(id)/depart" class="bm-inline">\#(Components.csrf(csrf))<button class="btn btn-sm btn-outline-secondary">登记出境</button></form>"#
    }

    private static func returnForm(_ id: String, _ csrf: String) -> HTML {
        #"<form method="post" action="/personnel/trips/\#(id)/return" class="bm-inline">\#(Components.csrf(csrf))<button class="btn btn-sm btn-outline-secondary">登记回国（境）</button></form>"#
    }

    private static func reportForm(_ id: String, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/trips/\(id)/report" class="bm-inline">\(Components.csrf(csrf))
              <input type="text" name="report" placeholder="回国（境）报告" class="form-control form-control-sm"><button class="btn btn-sm btn-primary">登记报告</button></form>
        """
    }

    /// 出国（境）申请 (R-PE-5).
    private static func tripForm(_ m: PersonnelController.RecordsModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/trips" class="bm-filter bm-noprint" data-testid="trip-form">\(Components.csrf(csrf))
          \(personChooser(m.people))
          <label>因公/因私<select name="purpose" class="form-select form-select-sm">\(Components.choices(m.purposes))</select></label>
          <label>前往国家或地区<input type="text" name="destination" class="form-control form-control-sm"></label>
          <label>事由<input type="text" name="reason" class="form-control form-control-sm"></label>
          <label>出发日期<input type="date" name="depart_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>返回日期<input type="date" name="return_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>团组<input type="text" name="delegation" class="form-control form-control-sm"></label>
          <label>团组保密员<input type="text" name="delegation_secrecy_person" class="form-control form-control-sm"></label>
          <label>脱密期内出境批准<input type="text" name="declearing_approval" class="form-control form-control-sm"></label>
          <label>出境证件（名称及号码）<input type="text" name="exit_documents" maxlength="100" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记申请</button></form>
        """
    }
}
