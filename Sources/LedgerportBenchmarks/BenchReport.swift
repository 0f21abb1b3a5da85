import Foundation
import LedgerportSDK

/// The numbers one scenario measured, printed as aligned text or as one JSON object.
///
/// Field names are snake_case and carry their unit (`_ms`, `_us`,
/// `_per_second`, `_bytes`), and they are the JSON keys too, so the text
/// and JSON forms cannot drift apart.
package struct BenchReport: Sendable {
    /// One measured value.
    package enum Value: Sendable, Equatable {
        /// A whole number, such as a count.
        case integer(Int)
        /// A decimal number, printed with `decimals` digits after the point.
        case decimal(Double, decimals: Int)
        /// A word, such as `full`.
        case text(String)
        /// A yes or no.
        case flag(Bool)
    }

    /// The scenario's name, such as `ingest`.
    package let scenario: String
    /// The fields in the order they were added.
    package private(set) var fields: [(name: String, value: Value)] = []
    /// The report of each run, when this report contains the medians of several runs (see ``RepeatedRuns``).
    package internal(set) var eachRun: [BenchReport] = []

    /// Creates an empty report of `scenario`.
    init(scenario: String) {
        self.scenario = scenario
    }

    /// Adds or replaces a field.
    mutating func set(_ name: String, _ value: Value) {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }

    /// Adds a decimal field with `decimals` digits after the point.
    mutating func set(_ name: String, _ number: Double, decimals: Int) {
        set(name, .decimal(number, decimals: decimals))
    }

    /// The value of field `name`, for tests and for scenarios that build on another's result.
    package subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }

    /// The report as one JSON object, with `scenario` as a field and each run's report under `each_run` when there are several.
    package var json: JSONValue {
        var object: JSONObject = ["scenario": .string(scenario)]
        for (name, value) in fields {
            object[name] = Self.json(value)
        }
        if !eachRun.isEmpty {
            object["each_run"] = .array(eachRun.map(\.json))
        }
        return .object(object)
    }

    /// The report as lines of `name  value`, names padded to one column, then each run's report when there are several.
    package var text: String {
        let width = fields.map(\.name.count).max() ?? 0
        let lines = fields.map { name, value in
            name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.text(value)
        }
        let own = (["scenario".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + scenario] + lines).joined(separator: "\n")
        let runs = eachRun.enumerated().map { index, run in "\n\nrun \(index + 1) of \(eachRun.count)\n" + run.text }
        return own + runs.joined()
    }

    private static func json(_ value: Value) -> JSONValue {
        switch value {
        case .integer(let number): .number(JSONNumber(number))
        case .decimal(let number, let decimals): JSONNumber(literal: formatted(number, decimals: decimals)).map(JSONValue.number) ?? .null
        case .text(let text): .string(text)
        case .flag(let flag): .bool(flag)
        }
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case .integer(let number): String(number)
        case .decimal(let number, let decimals): formatted(number, decimals: decimals)
        case .text(let text): text
        case .flag(let flag): flag ? "true" : "false"
        }
    }

    /// Formats `number` with a fixed number of decimals; a value that is not finite prints as 0.
    private static func formatted(_ number: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", number.isFinite ? number : 0)
    }
}
