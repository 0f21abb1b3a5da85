import LedgerportJSONSchema
import LedgerportStore

extension StoreError {
    /// Makes the `not_found` error for a `kind` of id that the tenant lacks: `<operation>: the tenant has no such <kind>`.
    ///
    /// The hint starts with `suggestion`, by default the "did you mean" phrase for the closest of `known`, and lists
    /// them all. When `known` is empty, the list reads "none", followed by `whenNone`, the way to create one, when given.
    package static func unknownTenantID(
        _ id: String, kind: String, operation: String, known: [String], suggestion: String? = nil, whenNone: String? = nil
    ) -> StoreError {
        let listing = known.isEmpty ? "none" + (whenNone.map { "; \($0)" } ?? "") : MessageText.quotedList(known)
        return StoreError(
            .notFound, "\(operation): the tenant has no such \(kind)",
            hint: (suggestion ?? MessageText.didYouMean(id, among: known)) + "the tenant's \(kind)s are " + listing)
    }
}
