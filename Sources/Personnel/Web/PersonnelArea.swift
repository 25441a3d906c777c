import Accounts
import Hummingbird
import Organisation
import Personnel
import PersonnelServices
import Storage

extension Area {
    /// 涉密人员: the roster and posts, reviews and appointment, trips, reportable events, departures, training.
    public static let personnel = Area(
        registration: .personnel,
        tabs: [
            MenuTab(
                "涉密人员", href: "/personnel", order: 30,
                // R-PE-15: the personnel registers are kept by the 组织人事部门 and the 保密工作机构.
                shown: { $0.isBusiness && !$0.roles.isDisjoint(with: FileViewer.keepers) },
                menu: { actor in
                    let roles = actor.roles
                    // R-PE-15: the registers are the keepers'; a leader's part is deciding applications abroad (R-PE-5).
                    guard !roles.isDisjoint(with: FileViewer.keepers) else {
                        return [MenuGroup("审批", [("出国（境）审批", "/personnel/approvals", PersonnelRules.mayApproveTrips(roles))])]
                    }
                    return [
                        MenuGroup(
                            "登记",
                            [("涉密人员名单", "/personnel", true), ("涉密岗位与任用", "/personnel/appoint", true), ("导入名单和培训记录", "/personnel/import", true)]),
                        MenuGroup("管理", [("出国（境）", "/personnel/trips", true), ("重大事项报告", "/personnel/events", true), ("离岗离职", "/personnel/departures", true)]),
                        MenuGroup("教育培训", [("保密教育培训", "/personnel/training", true)]),
                    ]
                })
        ],
        pages: { router, shell in PersonnelController(services: shell.services, views: shell.views).register(on: router) },
        api: { api, services in APIController(services: services).registerPersonnel(api) },
        authorization: [
            "GET /personnel": APIAuthorization.personnelKeepers,
            "GET /personnel/posts": APIAuthorization.personnelKeepers,
            "POST /personnel/posts": APIAuthorization.personnelKeepers,
            "POST /personnel/posts/{id}": APIAuthorization.personnelKeepers,
            "POST /personnel/posts/{id}/abolish": APIAuthorization.personnelKeepers,
            "POST /personnel/reviews": APIAuthorization.personnelKeepers,
            "POST /personnel/commitments": APIAuthorization.personnelKeepers,
            "POST /personnel/appointments": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/remove": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/rights": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/employment": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/identity": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/declearing-violation": APIAuthorization.personnelKeepers,
            "POST /personnel/{person}/absconded": APIAuthorization.personnelKeepers,
            // R-PE-15: the person reads their own file too; the service decides (a 三员 reads none).
            "GET /personnel/{person}/file": .business,
            // R-CA-15: a 移交清单 through the file of either person, as the file is read.
            "GET /personnel/{person}/handovers/{id}": .business,
            "POST /personnel/roster-filing": APIAuthorization.personnelKeepers,
            "GET /trips": APIAuthorization.personnelKeepers,
            "POST /trips": APIAuthorization.personnelKeepers,
            "POST /trips/{id}/approve": .roles([.leader, .departmentHead]),
            "POST /trips/{id}/refuse": .roles([.leader, .departmentHead]),
            "POST /trips/{id}/opinion": APIAuthorization.personnelKeepers,
            "POST /trips/{id}/{step}": APIAuthorization.personnelKeepers,
            "GET /reportable-events": APIAuthorization.personnelKeepers,
            "POST /reportable-events": APIAuthorization.personnelKeepers,
            "POST /reportable-events/{id}/handle": APIAuthorization.personnelKeepers,
            "GET /departures": APIAuthorization.personnelKeepers,
            "POST /departures": APIAuthorization.personnelKeepers,
            "GET /departures/{id}": APIAuthorization.personnelKeepers,
            "POST /departures/{id}/items": APIAuthorization.personnelKeepers,
            "POST /departures/{id}/complete": APIAuthorization.personnelKeepers,
            "POST /training/classes": APIAuthorization.personnelKeepers,
            "POST /training/external": APIAuthorization.personnelKeepers,
            "GET /training/plans/{year}": APIAuthorization.personnelKeepers,
            "POST /training/plans/{year}": APIAuthorization.personnelKeepers,
            "GET /training/under-floor": APIAuthorization.personnelKeepers,
            "POST /personnel-imports": APIAuthorization.personnelKeepers,
        ],
        openAPI: .bundled("personnel"))
}
