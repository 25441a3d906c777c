import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage

/// One A4 form of the personnel area (资格审查表, 承诺书, 离岗离职保密承诺书, 出国（境）审批表, 重大事项报告单, 年度培训计划,
/// 培训签到表): its heading, the fields as label and value, tables, the undertakings and the signature lines. The forms'
/// own layouts are not in the regulations (areas/personnel.md §1), so each prints the fields the rules require.
struct PersonnelForm: Sendable {
    struct Field: Sendable { let label: String, value: String }
    struct Line: Sendable { let cells: [String] }
    struct Table: Sendable { let title: String, head: [String], lines: [Line], testid: String }
    let heading: String
    let fields: [Field]
    let tables: [Table]
    let undertakings: [String]
    let signers: [String]
    /// Where the screen's 返回 link goes.
    let back: String
    /// Whether there are fields, undertakings (sections shown only then; a template's 0 would count as true).
    let hasFields: Bool, hasUndertakings: Bool
    /// A form whose list prints a page at a time (the 移交清单): the links to the pages beside this one.
    var pager: Pager?

    init(heading: String, fields: [Field], tables: [Table], undertakings: [String], signers: [String], back: String) {
        self.heading = heading
        self.fields = fields
        self.tables = tables
        self.undertakings = undertakings
        self.signers = signers
        self.back = back
        hasFields = !fields.isEmpty
        hasUndertakings = !undertakings.isEmpty
    }
}

extension PersonnelForm {
    /// The person's standing in the file: 姓名, 职务, 涉密岗位, 涉密等级.
    static func personFields(_ f: PersonnelFile) -> [Field] {
        [
            Field(label: "姓名", value: f.person.name), Field(label: "职务", value: f.person.post),
            Field(label: "涉密岗位", value: f.post.map(FileModel.postText) ?? "—"),
            Field(label: "涉密等级", value: f.record?.tier.chinese ?? f.person.tier.chinese),
        ]
    }

    /// 性别, 出生年月, 民族, 政治面貌, 身份证号 as the keepers entered them, blank lines to fill by hand when they did not.
    static func identityFields(_ i: PersonIdentity?) -> [Field] {
        [
            Field(label: "性别", value: i?.gender ?? ""), Field(label: "出生年月", value: i?.birthMonthChinese ?? ""),
            Field(label: "民族", value: i?.ethnicity ?? ""), Field(label: "政治面貌", value: i?.politicalStatus ?? ""),
            Field(label: "身份证号", value: i?.idNumber ?? ""),
        ]
    }

    /// 涉密人员涉密资格审查表 (R-PE-2; BJ 21 (一)–(七), JM 要害 14, IR 50 ¶2).
    static func review(_ r: Review, file f: PersonnelFile, postName: String) -> PersonnelForm {
        PersonnelForm(
            heading: "涉密人员涉密资格审查表",
            fields: [Field(label: "姓名", value: f.person.name), Field(label: "职务", value: f.person.post)]
                + identityFields(f.identity)
                + [
                    Field(label: "拟任涉密岗位", value: postName), Field(label: "审查类别", value: r.kind.chinese),
                    Field(label: "审查原因", value: r.trigger.isEmpty ? "—" : r.trigger),
                    Field(label: "配偶、直系亲属在国（境）外学习、工作、定居情况", value: r.relativesAbroad.isEmpty ? "无" : r.relativesAbroad),
                    Field(label: "组织人事部门意见", value: r.personnelOpinion), Field(label: "保密工作机构意见", value: r.secrecyOpinion),
                    Field(label: "单位领导审批", value: r.decidedBy), Field(label: "审查结论", value: r.passed ? "通过" : "未通过"),
                    Field(label: "审查日期", value: r.reviewedOn.chinese),
                ] + (r.importedFrom.map { [Field(label: "来源", value: $0)] } ?? []),
            tables: [
                Table(
                    title: "审查条件（《保守国家秘密法实施条例》第二十一条）", head: ["条件", "审查情况"],
                    lines: r.eligibility.map { e in e.items.map { Line(cells: [$0.label, $0.met ? "符合" : "不符合"]) } }
                        ?? [Line(cells: ["全部条件", "按原纸质档案导入，逐项审查情况见原纸质审查表"])], testid: "conditions")
            ],
            undertakings: ["本人如实提供以上情况，如有隐瞒或者虚假，愿承担相应责任。"],
            signers: ["本人", "组织人事部门", "保密工作机构", "单位领导"], back: "/personnel/file/\(f.person.id)")
    }

    /// 保密承诺书 / 保密责任书 on taking up the post (R-PE-4; IR 51, JM 要害 11).
    static func commitment(_ c: Commitment, file f: PersonnelFile) -> PersonnelForm {
        PersonnelForm(
            heading: c.kind.chinese,
            fields: personFields(f) + [Field(label: "签订日期", value: c.signedOn.chinese), Field(label: "备注", value: c.note.isEmpty ? "—" : c.note)],
            tables: [], undertakings: c.kind.isLeaving ? leavingUndertakings : postUndertakings,
            signers: ["承诺人", "单位（盖章）"], back: "/personnel/file/\(f.person.id)")
    }

    /// What a person in a secret post undertakes (IR 51).
    static let postUndertakings = [
        "认真遵守国家保密法律、法规和规章制度，履行保密义务；",
        "不提供虚假个人信息，自愿接受保密审查；",
        "不违规记录、存储、复制国家秘密信息，不违规留存国家秘密载体；",
        "不以任何方式泄露所接触和知悉的国家秘密；",
        "未经单位审查批准，不擅自发表涉及未公开工作内容的文章、著述；",
        "离岗时，自愿接受脱密期管理，签订保密承诺书；",
        "违反上述承诺，自愿承担党纪、政纪责任和法律后果。",
    ]

    /// What a leaver undertakes for the 脱密期 and after (IR 53).
    static let leavingUndertakings = [
        "在脱密期内遵守脱密期管理规定，严格履行保密义务，不以任何方式泄露所知悉的国家秘密；",
        "已将所保管、使用的国家秘密载体、涉密设备全部清退或者移交，未违规留存；",
        "不到境外驻华机构、组织或者外资企业工作，不为境外组织、人员或者外资企业提供劳务、咨询或者其他服务；",
        "脱密期内未经审查批准，不擅自出境；",
        "违反上述承诺，自愿承担党纪、政纪责任和法律后果。",
    ]

    /// 离岗离职保密承诺书 (or the 保密员's 离岗保密协议书) with the return list and the 脱密期 (R-PE-7, R-PE-8, R-PE-16).
    /// The list names only the carriers the printing keeper may know of; the rest is a number (R-KS-4).
    static func departure(_ gate: DepartureGate, file f: PersonnelFile) -> PersonnelForm {
        let d = gate.departure
        let clerk = gate.leavingCommitments.contains(.clerkLeaving)
        var returns = gate.required.map { item in Line(cells: [item.chinese, d.done[item].map { note in note.isEmpty ? "已办" : note } ?? "未办"]) }
        returns.append(
            Line(cells: [
                "尚未清退的涉密载体、介质",
                gate.outstanding == 0
                    ? "无（已全部清退或移交）"
                    : "尚有\(gate.outstanding)件未清退" + (gate.visible.isEmpty ? "" : "：" + gate.visible.map { "\($0.number) \($0.title)" }.joined(separator: "；")),
            ]))
        return PersonnelForm(
            heading: clerk ? "离岗保密协议书" : "离岗离职保密承诺书",
            fields: personFields(f) + [
                Field(label: "离岗类别", value: d.kind.chinese), Field(label: "离岗日期", value: d.leavingOn.chinese),
                Field(label: "脱密期", value: "\(d.declearingMonths)个月，自\((f.record?.declearingFrom ?? d.leavingOn).chinese)至\(d.declearingUntil.chinese)"),
                Field(label: "去向", value: d.destination.isEmpty ? "—" : d.destination),
            ],
            tables: [Table(title: "清退、移交和权限撤销情况", head: ["事项", "办理情况"], lines: returns, testid: "returns")],
            undertakings: leavingUndertakings, signers: ["承诺人", "单位（盖章）"], back: "/personnel/departures/\(d.id)")
    }

    /// 出国（境）审批表 (R-PE-5, R-PE-7, R-PE-11).
    static func trip(_ t: Trip, file f: PersonnelFile) -> PersonnelForm {
        PersonnelForm(
            heading: "涉密人员出国（境）审批表",
            fields: personFields(f) + [
                Field(label: "因公/因私", value: t.purpose.chinese), Field(label: "前往国家或地区", value: t.destination),
                Field(label: "事由", value: t.reason), Field(label: "出境日期", value: t.departOn.chinese), Field(label: "返回日期", value: t.returnOn.chinese),
                Field(label: "团组", value: t.delegation.isEmpty ? "—" : t.delegation),
                Field(label: "团组保密员", value: t.delegationSecrecyPerson.isEmpty ? "—" : t.delegationSecrecyPerson),
                Field(label: "携带涉密载体", value: t.carrierIDs.isEmpty ? "无" : "\(t.carrierIDs.count)件（按载体携带外出审批办理）"),
                Field(label: "出境证件", value: t.exitDocuments.isEmpty ? "—" : t.exitDocuments),
                Field(label: "脱密期内出境审批", value: t.declearingApproval.isEmpty ? "—" : t.declearingApproval),
                Field(label: "组织人事部门意见", value: t.personnelOpinion), Field(label: "保密工作机构意见", value: t.secrecyOpinion),
                Field(label: "审批人", value: t.decidedBy.isEmpty ? "待审批" : t.decidedBy), Field(label: "审批意见", value: t.decisionText),
                Field(label: "行前保密教育", value: t.educatedOn?.chinese ?? "未进行"),
                Field(label: "实际回国（境）日期", value: t.returnedOn?.chinese ?? "—"),
                Field(label: "回国（境）报告", value: t.returnReport.isEmpty ? "—" : t.returnReport + (t.reportedOn.map { "（\($0.chinese)）" } ?? "")),
            ],
            tables: [], undertakings: [], signers: ["申请人", "部门负责人", "单位领导"], back: "/personnel/file/\(f.person.id)")
    }

    /// 重大事项报告单 (R-PE-6, R-PE-12).
    static func event(_ e: ReportableEvent, file f: PersonnelFile) -> PersonnelForm {
        PersonnelForm(
            heading: "涉密人员重大事项报告单",
            fields: personFields(f) + [
                Field(label: "事项类别", value: e.kind.chinese), Field(label: "发生日期", value: e.occurredOn.chinese),
                Field(label: "报告日期", value: e.reportedOn.chinese), Field(label: "报告时限", value: e.dueOn.chinese + (e.late ? "（逾期报告）" : "（按期）")),
                Field(label: "具体情况", value: e.details), Field(label: "处理情况", value: e.handling.isEmpty ? "—" : e.handling),
                Field(label: "报上级机关、公安机关、国家安全机关和保密行政管理部门", value: e.onwardReportedOn?.chinese ?? (e.kind == .approach ? "尚未报告" : "—")),
                Field(label: "变动复审", value: e.changeReviewOpened ? "已启动" : "未启动"),
            ],
            tables: [], undertakings: [], signers: ["报告人", "保密工作机构"], back: "/personnel/file/\(f.person.id)")
    }

    /// 年度保密教育培训计划 (R-TR-1, R-TR-2).
    static func plan(year: Int, items: [TrainingRules.PlanItem]) -> PersonnelForm {
        PersonnelForm(
            heading: "\(year)年度保密教育培训计划", fields: [],
            tables: [
                Table(
                    title: "培训安排", head: ["月份", "内容", "形式", "课时", "对象"],
                    lines: items.map { Line(cells: ["\($0.month)月", $0.content, $0.form, "\($0.hours)", $0.audience]) }, testid: "plan")
            ],
            undertakings: [], signers: ["保密工作机构", "单位领导"], back: "/personnel/training")
    }

    /// 培训签到表 with the absentees (R-TR-1, R-KP-4): participants sign by hand beside their names.
    static func signIn(_ c: TrainingClass, names: [String: String]) -> PersonnelForm {
        let passed = Set(c.passedIDs)
        return PersonnelForm(
            heading: "保密教育培训签到表",
            fields: [
                Field(label: "培训类别", value: c.kind.chinese), Field(label: "培训日期", value: c.heldOn.chinese), Field(label: "课时", value: "\(c.hours)"),
                Field(label: "培训内容", value: c.content), Field(label: "培训形式", value: c.form), Field(label: "组织者", value: c.organiser),
                Field(label: "参加人数", value: "\(c.participantIDs.count)人"), Field(label: "缺席人数", value: "\(c.absentIDs.count)人"),
            ],
            tables: [
                Table(
                    title: "参加人员", head: ["序号", "姓名", c.kind == .classification ? "考试" : "备注", "签到"],
                    lines: c.participantIDs.enumerated().map {
                        Line(cells: [
                            "\($0.offset + 1)", names[$0.element] ?? "", c.kind == .classification ? (passed.contains($0.element) ? "合格" : "不合格") : "", "",
                        ])
                    }, testid: "participants"),
                Table(
                    title: "缺席人员", head: ["序号", "姓名"], lines: c.absentIDs.enumerated().map { Line(cells: ["\($0.offset + 1)", names[$0.element] ?? ""]) },
                    testid: "absentees"),
            ],
            undertakings: [], signers: ["组织者"], back: "/personnel/training")
    }

    /// 涉密载体移交清单 (R-CA-15, R-PE-8): both persons, the date, both signatures as recorded and a page of the carriers
    /// handed over — those the printing reader may know by number and title, the others only counted (R-KS-4). Each
    /// printed page carries the signature lines.
    static func handover(_ list: HandoverList, back: String, pager: Pager) -> PersonnelForm {
        let h = list.handover
        var fields = [
            Field(label: "移交人", value: list.fromName), Field(label: "接收人", value: list.toName), Field(label: "移交日期", value: h.handedOn.chinese),
            Field(label: "移交涉密载体、介质", value: "共\(h.carrierCount)件"),
            Field(label: "双方签字（登记时）", value: "移交人：\(h.leaverSigned)　接收人：\(h.successorSigned)"),
        ]
        if let hidden = list.hidden, hidden > 0 {
            fields.append(Field(label: "未列明细", value: "其中\(hidden)件不在查阅人可知悉的范围内，不列编号和标题"))
        }
        var form = PersonnelForm(
            heading: "涉密载体移交清单", fields: fields,
            tables: [
                Table(
                    title: "移交的涉密载体、介质", head: ["编号", "类别", "标题", "密级", "份数"],
                    lines: list.lines.items.map { Line(cells: [$0.number, $0.kind.chinese, $0.title, $0.level.chinese, "\($0.copies)"]) },
                    testid: "handover-lines")
            ],
            undertakings: [], signers: ["移交人", "接收人", "监交人（保密员）"], back: back)
        form.pager = pager
        return form
    }
}
