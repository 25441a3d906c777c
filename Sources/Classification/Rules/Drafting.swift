import Foundation
import Kernel

/// R-CL-4: the four questions the 承办人 answers before drafting. Any "yes" means the matter must not be classified.
public struct FourQuestions: Sendable, Hashable, Codable {
    /// 需要社会公众广泛知晓或者参与的
    public var publicMustKnow: Bool?
    /// 属于工作秘密、商业秘密、个人隐私的
    public var isWorkOrCommercialSecretOrPrivacy: Bool?
    /// 已经依法公开或者无法控制知悉范围的
    public var alreadyPublicOrUncontrollable: Bool?
    /// 法律、行政法规或者国家有关规定要求公开的
    public var lawRequiresDisclosure: Bool?

    /// Creates the answers; nil is a question not yet answered.
    public init(publicMustKnow: Bool?, isWorkOrCommercialSecretOrPrivacy: Bool?, alreadyPublicOrUncontrollable: Bool?, lawRequiresDisclosure: Bool?) {
        self.publicMustKnow = publicMustKnow
        self.isWorkOrCommercialSecretOrPrivacy = isWorkOrCommercialSecretOrPrivacy
        self.alreadyPublicOrUncontrollable = alreadyPublicOrUncontrollable
        self.lawRequiresDisclosure = lawRequiresDisclosure
    }

    /// All four answered "no".
    public static let allNo = FourQuestions(
        publicMustKnow: false, isWorkOrCommercialSecretOrPrivacy: false, alreadyPublicOrUncontrollable: false, lawRequiresDisclosure: false)

    /// R-CL-4: every question answered, and none "yes".
    public func check() throws(ClassificationError) {
        let answers = [publicMustKnow, isWorkOrCommercialSecretOrPrivacy, alreadyPublicOrUncontrollable, lawRequiresDisclosure]
        guard answers.allSatisfy({ $0 != nil }) else { throw .fourQuestionsUnanswered }
        if publicMustKnow == true { throw .mustNotClassify(reason: "需要社会公众广泛知晓或者参与") }
        if isWorkOrCommercialSecretOrPrivacy == true { throw .mustNotClassify(reason: "属于工作秘密、商业秘密或个人隐私") }
        if alreadyPublicOrUncontrollable == true { throw .mustNotClassify(reason: "已经依法公开或者无法控制知悉范围") }
        if lawRequiresDisclosure == true { throw .mustNotClassify(reason: "法律、行政法规或者国家有关规定要求公开") }
    }
}

/// What the 承办人 proposes.
public struct DraftInput: Sendable, Hashable {
    /// 事项名称 — the matter's title; must not be blank.
    public var title: String
    /// 定密依据 — a catalogue item, a source secret (派生定密), or 不明确事项.
    public var basis: ClassificationBasis
    /// The proposed 密级; a catalogue item caps it, a source replaces it.
    public var level: Level
    /// The proposed 保密期限; nil takes the catalogue item's (or leaves it to R-DU-5); a source replaces it.
    public var period: SecrecyPeriod?
    /// The proposed 知悉范围 (person ids); the 承办人 is always added.
    public var scope: Set<String>
    /// 密点 — the points that make the matter secret (R-LV-5).
    public var secretPoints: String
    /// The answers to the four questions of R-CL-4.
    public var questions: FourQuestions

    /// Creates a proposal.
    public init(
        title: String, basis: ClassificationBasis, level: Level, period: SecrecyPeriod?, scope: Set<String>, secretPoints: String, questions: FourQuestions
    ) {
        self.title = title
        self.basis = basis
        self.level = level
        self.period = period
        self.scope = scope
        self.secretPoints = secretPoints
        self.questions = questions
    }
}

/// The 承办人's step of R-CL-1.
public enum Drafting {
    /// R-CL-1 (first step): the 承办人 drafts level, period and scope — from a catalogue item (which pre-fills and
    /// bounds them), a source secret (R-CL-6: the source's level, period and scope, R-DU-6), or as a 不明确事项
    /// (R-CL-3). R-CL-4: the four questions come first. R-KS-1: a scope is required. The draft is protected at once.
    /// R-SY-2: the 承办人's clearance must cover the level drafted, or they could not read their own draft.
    public static func draft(
        _ input: DraftInput, id: String, unitID: String, handlerPersonID: String, handlerTier: ClearanceTier, on day: Day,
        catalogueItem: CatalogueItem? = nil, source: SecretMatter? = nil
    ) throws -> SecretMatter {
        try input.questions.check()
        var level = input.level
        var period = input.period
        var scope = input.scope
        var issueDate: Day? = nil
        switch input.basis {
        case .catalogue:
            guard let item = catalogueItem else { throw ClassificationError.catalogueIncomplete(field: "catalogue_item_id", what: "所依据的一览表条目") }
            // The catalogue item bounds the draft: not above its level, not beyond its period.
            if level > item.level { level = item.level }
            if period == nil { period = item.period }
            try Marking(level: level, period: period).validate(issueDate: day, allowance: item.allowance)
        case .derived:
            // R-CL-6 / R-DU-6: the derived matter takes the source's level, period and scope and counts from its issue date.
            guard let source, let terms = source.terms, source.status == .inForce else { throw ClassificationError.derivationWithoutSource }
            let derived = Derivation.terms(derivedFrom: terms)
            level = derived.marking.level
            period = derived.marking.period
            scope = derived.scope.union(input.scope.intersection(derived.scope)).union([handlerPersonID])
            issueDate = derived.issueDate
        case .unclear:
            try Marking(level: level, period: period).validate(issueDate: day)
        }
        try handlerTier.require(level, field: "marking")
        scope.insert(handlerPersonID)
        guard !scope.isEmpty else { throw ClassificationError.emptyScope }
        let title = input.title.trimmingSpacesAndNewlines
        guard !title.isEmpty else { throw Refusal.invalid("title", "事项名称不能为空") }
        return SecretMatter(
            id: id, unitID: unitID, title: title, basis: input.basis, level: level, period: period, issueDate: issueDate, draftedOn: day,
            scope: scope, secretPoints: input.secretPoints, handlerPersonID: handlerPersonID,
            status: input.basis == .unclear ? .unclearPendingReport : .draft)
    }
}
