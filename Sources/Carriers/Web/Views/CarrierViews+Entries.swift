/// The carrier pages written as Swift views, by their templates' names (`Templates/carriers/…` without `.mustache`).
/// `carriers/action_head` is a partial, written once as `actionHead` and used by every action page.
extension CarrierViews {
    static let entries: [String: ViewEntry] = [
        "carriers/carriers": .view(register),
        "carriers/carrier": .view(carrier),
        "carriers/carrier_book": .view(book),
        "carriers/carrier_checks": .view(checks),
        "carriers/carrier_findings": .view(findings),
        "carriers/carrier_import": .view(importPage),
        "carriers/carrier_label": .view(label),
        "carriers/carrier_ledger": .view(ledger),
        "carriers/carrier_new": .view(entry),
        "carriers/carrier_reader_log": .view(readerLog),
        "carriers/carrier_safes": .view(safes),
        "carriers/actions/carry-out": .view(carryOut),
        "carriers/actions/circulate": .view(circulate),
        "carriers/actions/copy": .view(copy),
        "carriers/actions/destroy": .view(destroy),
        "carriers/actions/dispatch": .view(dispatch),
        "carriers/actions/lend": .view(lend),
        "carriers/actions/loss": .view(loss),
        "carriers/actions/medium-write": .view(mediumWrite),
        "carriers/actions/repair": .view(repair),
        "carriers/actions/retain": .view(retain),
        "carriers/actions/return": .view(returnToIssuer),
        "carriers/actions/store": .view(store),
        "carriers/actions/take-back": .view(takeBack),
    ]
}
