import CarrierServices
import Carriers
import Kernel
import Organisation

extension TestWorld {
    /// A 秘密 carrier received into `clerk`'s register with every receipt check passing — for tests that need a carrier
    /// someone keeps, carries or uses (a medium when `mediumUser` is given).
    package func receiveCarrier(_ clerk: Actor, title: String, kind: CarrierKind = .paper, scope: [String], mediumUser: String? = nil) async throws -> Carrier {
        try await services.carriers.receive(
            clerk,
            CarrierInput(
                kind: mediumUser == nil ? kind : .medium, title: title, documentNumber: "", originatingUnit: "保密办", marking: "秘密", copies: 1, scope: scope,
                medium: mediumUser.map { MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: $0) }),
            check: .init(
                packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: ["001"], foundSerials: ["001"], markedLevel: .secret,
                listedLevel: .secret, addresseeMatches: true)
        ).carrier
    }
}
