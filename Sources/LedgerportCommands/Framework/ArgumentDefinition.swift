/// One flag, option or positional argument a command accepts, with its help text.
package struct ArgumentDefinition: Sendable, Hashable {
    /// The kind of argument.
    package enum Kind: Sendable, Hashable {
        /// `--json`: present or absent.
        case flag
        /// `--specs <dir>` or `--specs=<dir>`: takes one value, at most once.
        case option(valueName: String)
        /// `<path>`: a value by position. A repeating positional takes every remaining value.
        case positional(isRequired: Bool, isRepeating: Bool)
    }

    /// The long name without dashes (`json`), or the positional's name (`path`).
    package let name: String
    /// A one-letter alias (`-h`), for flags only.
    package let shortName: Character?
    package let kind: Kind
    /// The help text: the setting the argument changes, and its unit. The help formatter wraps it.
    package let help: String
    /// Whether an option must be given; usage lines show a required option without brackets.
    package var isRequiredOption = false

    /// Creates a flag such as `--json`.
    package static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentDefinition {
        ArgumentDefinition(name: name, shortName: short, kind: .flag, help: help)
    }

    /// Creates an option with one value, such as `--specs <dir>`; a `required` one is shown without brackets in usage lines.
    package static func option(_ name: String, value: String, help: String, required: Bool = false) -> ArgumentDefinition {
        var definition = ArgumentDefinition(name: name, shortName: nil, kind: .option(valueName: value), help: help)
        definition.isRequiredOption = required
        return definition
    }

    /// Creates a positional argument such as `<path>`.
    package static func positional(_ name: String, required: Bool = true, repeating: Bool = false, help: String) -> ArgumentDefinition {
        ArgumentDefinition(name: name, shortName: nil, kind: .positional(isRequired: required, isRepeating: repeating), help: help)
    }

    /// The argument as written in a usage line: `--json`, `--specs <dir>`, `<path>...`.
    package var usageText: String {
        switch kind {
        case .flag:
            return "--\(name)"
        case .option(let valueName):
            return "--\(name) <\(valueName)>"
        case .positional(_, let isRepeating):
            return "<\(name)>" + (isRepeating ? "..." : "")
        }
    }

    /// The argument as the first column of the help's argument list: `-h, --help`, `--specs <dir>`.
    package var helpLabel: String {
        guard let shortName else {
            return usageText
        }
        return "-\(shortName), \(usageText)"
    }

    /// Whether this is a positional argument.
    package var isPositional: Bool {
        if case .positional = kind {
            return true
        }
        return false
    }
}
