/// A flow's schedule or retry policy that cannot be used, with the rule it breaks and how to write it instead.
package struct FlowSettingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting, such as `schedule` or `retry_policy`.
    package let setting: String
    package let message: String
    package let hint: String

    package var description: String {
        "\(setting): \(message); \(hint)"
    }
}
