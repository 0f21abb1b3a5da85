import Foundation

/// The parsed command line of `ledgerport-bench`: a scenario name, its options and `--json`.
struct BenchCommandLine {
    /// The scenario to run, such as `ingest`.
    let scenario: String
    /// Whether to print one JSON object instead of text.
    let printsJSON: Bool
    private let values: [String: String]

    /// Parses `arguments` (without the program name), accepting only `options` for `scenario` plus `--seconds`, `--runs` and `--json`.
    ///
    /// Throws ``BenchUsageError`` for an unknown scenario or option, or an option without its value.
    init(_ arguments: [String], scenarios: [String: [String]]) throws(BenchUsageError) {
        guard let scenario = arguments.first, !scenario.hasPrefix("-") else {
            throw BenchUsageError("missing scenario")
        }
        guard let allowed = scenarios[scenario] else {
            throw BenchUsageError("unknown scenario \"\(scenario)\"")
        }
        self.scenario = scenario
        var values = [String: String]()
        var printsJSON = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" {
                printsJSON = true
                index += 1
                continue
            }
            let name = String(argument.drop { $0 == "-" })
            guard argument.hasPrefix("--"), Self.everyScenarioOptions.contains(name) || allowed.contains(name) else {
                throw BenchUsageError("unknown option \"\(argument)\" for scenario \(scenario)")
            }
            guard index + 1 < arguments.count else {
                throw BenchUsageError("option \(argument) needs a value")
            }
            values[name] = arguments[index + 1]
            index += 2
        }
        self.values = values
        self.printsJSON = printsJSON
    }

    /// The options every scenario takes besides `--json`.
    static let everyScenarioOptions: Set<String> = ["seconds", "runs"]

    /// The text of option `name`, or nil when it was not given.
    func text(_ name: String) -> String? {
        values[name]
    }

    /// Option `name` as an integer of at least `minimum`, or `fallback` when it was not given.
    func integer(_ name: String, default fallback: Int, minimum: Int = 1) throws(BenchUsageError) -> Int {
        guard let text = values[name] else {
            return fallback
        }
        guard let value = Int(text), value >= minimum else {
            throw BenchUsageError("invalid --\(name) \"\(text)\": expected a whole number of at least \(minimum)")
        }
        return value
    }

    /// Option `name` as a positive number, or `fallback` when it was not given.
    func number(_ name: String, default fallback: Double) throws(BenchUsageError) -> Double {
        guard let text = values[name] else {
            return fallback
        }
        guard let value = Double(text), value > 0, value.isFinite else {
            throw BenchUsageError("invalid --\(name) \"\(text)\": expected a positive number")
        }
        return value
    }

    /// Option `name` as one of `choices`, or `fallback` when it was not given.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws(BenchUsageError) -> String {
        guard let text = values[name] else {
            return fallback
        }
        guard choices.contains(text) else {
            var listed = choices.joined(separator: " or ")
            if let last = choices.last, choices.count > 2 {
                listed = choices.dropLast().joined(separator: ", ") + " or " + last
            }
            throw BenchUsageError("invalid --\(name) \"\(text)\": expected \(listed)")
        }
        return text
    }
}

/// An invalid command line; `ledgerport-bench` prints it with the usage text and exits with 64.
struct BenchUsageError: Error, CustomStringConvertible {
    /// What is wrong with the command line, such as `unknown option "--x" for scenario ingest`.
    let description: String

    /// Creates the error with its description.
    init(_ description: String) {
        self.description = description
    }
}
