import Carriers

/// The carrier pages written as Swift views, by their templates' names (`Templates/carriers/…` without `.mustache`).
/// `carriers/action_head` is a partial, written once as `actionHead` and used by every action page.
extension CarrierViews {
    /// The page of one step of a carrier's life.
    static func action(_ action: CarrierAction) -> @Sendable (ActionModel, PageShell) -> HTML {
        switch action {
        case .carryOut: carryOut
        case .circulate: circulate
        case .copy: copy
        case .destroy: destroy
        case .dispatch: dispatch
        case .lend: lend
        case .loss: loss
        case .mediumWrite: mediumWrite
        case .repair: repair
        case .retain: retain
        case .returnToIssuer: returnToIssuer
        case .store: store
        case .takeBack: takeBack
        }
    }
}
