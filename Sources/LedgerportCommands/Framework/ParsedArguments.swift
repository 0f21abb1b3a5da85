/// The arguments of one command line after parsing, looked up by their definition's name.
///
/// Parsing already checked names, values and counts against the command's
/// ``ArgumentDefinition``s, so a command reads values here without checking
/// them again. A command validates their contents in its initializer.
package struct ParsedArguments: Sendable, Equatable {
    package private(set) var flags: Set<String> = []
    package private(set) var options: [String: String] = [:]
    package private(set) var positionals: [String: [String]] = [:]

    package init(flags: Set<String> = [], options: [String: String] = [:], positionals: [String: [String]] = [:]) {
        self.flags = flags
        self.options = options
        self.positionals = positionals
    }

    /// Returns whether the flag `name` was given.
    package func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// Returns the value of the option `name`, or nil when it was not given.
    package func option(_ name: String) -> String? {
        options[name]
    }

    /// Returns the first value of the positional `name`, or nil when it was not given.
    package func positional(_ name: String) -> String? {
        positionals[name]?.first
    }

    /// Returns every value of the repeating positional `name`, in command-line order.
    package func positionalList(_ name: String) -> [String] {
        positionals[name] ?? []
    }

    mutating func setFlag(_ name: String) {
        flags.insert(name)
    }

    mutating func setOption(_ name: String, _ value: String) {
        options[name] = value
    }

    mutating func appendPositional(_ name: String, _ value: String) {
        positionals[name, default: []].append(value)
    }
}
