/// A scenario that could not run: what failed, and what to do about it.
struct BenchError: Error, CustomStringConvertible {
    /// What failed, as `<operation> <object>: <cause>`.
    let message: String
    /// What to do next, when there is something to suggest.
    let hint: String?

    /// Creates the error from what failed and, when there is one, what to do.
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The message followed by the hint, as printed.
    var description: String {
        hint.map { "\(message); \($0)" } ?? message
    }
}
