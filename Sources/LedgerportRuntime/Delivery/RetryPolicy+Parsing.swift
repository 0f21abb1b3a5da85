import LedgerportJSONSchema
import LedgerportSDK

extension RetryPolicy {
    /// Reads a retry policy given by a user. Members left out keep the values of ``standard``.
    ///
    /// `{"maximum_attempts": 3, "initial_delay_seconds": 1, "multiplier": 2, "maximum_delay_seconds": 10, "jitter": 0.2}`.
    package static func parse(_ value: JSONValue) throws(FlowSettingError) -> RetryPolicy {
        let keys = ["maximum_attempts", "initial_delay_seconds", "multiplier", "maximum_delay_seconds", "jitter"]
        guard let members = value.objectValue else {
            throw error("\(JSONWriter.string(value)) is not a JSON object")
        }
        if let unknown = members.keys.sorted().first(where: { !keys.contains($0) }) {
            throw error("unknown member \"\(unknown)\"; \(MessageText.didYouMean(unknown, among: keys))the members are \(MessageText.quotedList(keys))")
        }
        func text(_ key: String, _ value: Double) -> String {
            members[key].map { JSONWriter.string($0) } ?? "\(value)"
        }
        func number(_ key: String, default fallback: Double) throws(FlowSettingError) -> Double {
            guard let member = members[key] else { return fallback }
            guard case .number(let number) = member, let double = Double(number.description) else {
                throw error("member \"\(key)\" is \(JSONWriter.string(member)), not a number")
            }
            return double
        }
        let standard = RetryPolicy.standard
        let attempts = try number("maximum_attempts", default: Double(standard.maximumAttempts))
        let initial = try number("initial_delay_seconds", default: standard.initialDelaySeconds)
        let multiplier = try number("multiplier", default: standard.multiplier)
        let maximum = try number("maximum_delay_seconds", default: max(standard.maximumDelaySeconds, initial))
        let jitter = try number("jitter", default: standard.jitter)
        guard attempts.rounded() == attempts, (1...100).contains(attempts) else {
            throw error("maximum_attempts \(text("maximum_attempts", attempts)) is not a whole number from 1 to 100")
        }
        guard (0...86_400).contains(initial) else {
            throw error("initial_delay_seconds \(text("initial_delay_seconds", initial)) is out of range 0 to 86400")
        }
        guard (1...10).contains(multiplier) else {
            throw error("multiplier \(text("multiplier", multiplier)) is out of range 1 to 10")
        }
        guard maximum >= initial, maximum <= 86_400 else {
            throw error("maximum_delay_seconds \(text("maximum_delay_seconds", maximum)) must be at least initial_delay_seconds (\(text("initial_delay_seconds", initial))) and at most 86400")
        }
        guard (0...1).contains(jitter) else {
            throw error("jitter \(text("jitter", jitter)) is out of range 0 to 1")
        }
        return RetryPolicy(
            maximumAttempts: Int(attempts), initialDelaySeconds: initial, multiplier: multiplier, maximumDelaySeconds: maximum, jitter: jitter)
    }

    private static func error(_ message: String) -> FlowSettingError {
        FlowSettingError(
            setting: "retry_policy", message: message,
            hint: #"write an object of maximum_attempts, initial_delay_seconds, multiplier, maximum_delay_seconds and jitter, such as {"maximum_attempts": 3, "maximum_delay_seconds": 10}"#)
    }
}
