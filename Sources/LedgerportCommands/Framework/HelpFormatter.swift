import Foundation

/// Renders the help text of commands and groups, wrapped to 80 columns.
///
/// The layout is fixed so that help reads the same for every command and the
/// snapshot tests catch any change: a title line, usage, arguments or
/// subcommands, options, discussion, examples and exit statuses.
enum HelpFormatter {
    /// The maximum line width of help text, in characters.
    static let width = 80
    /// The widest first column before its description moves to the next line.
    static let maximumLabelWidth = 22

    /// The flag every command and group accepts.
    static let helpFlag = ArgumentDefinition.flag("help", short: "h", help: "Show this help.")

    /// Renders the help of `node`, where `path` is the command as typed (`["ledgerport", "spec"]`).
    static func render(_ node: any CommandNode.Type, path: [String]) -> String {
        if let group = node as? any CommandGroup.Type {
            return renderGroup(group, path: path)
        }
        if let command = node as? any RunnableCommand.Type {
            return renderCommand(command, path: path)
        }
        preconditionFailure("\(node) is neither a CommandGroup nor a RunnableCommand")
    }

    private static func renderCommand(_ command: any RunnableCommand.Type, path: [String]) -> String {
        let help = command.help
        let commandPath = path.joined(separator: " ")
        let parser = ArgumentParser(definitions: command.arguments, commandPath: commandPath)
        var lines = title(help, commandPath: commandPath)

        lines += ["", "Usage:"] + usage(commandPath: commandPath, parts: parser.usageParts)
        let positionals = command.arguments.filter(\.isPositional)
        if !positionals.isEmpty {
            lines += ["", "Arguments:"] + columns(positionals.map { ($0.helpLabel, $0.help) })
        }
        let options = command.arguments.filter { !$0.isPositional } + [helpFlag]
        lines += ["", "Options:"] + columns(options.map { ($0.helpLabel, $0.help) })
        lines += trailer(help)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func renderGroup(_ group: any CommandGroup.Type, path: [String]) -> String {
        let help = group.help
        let commandPath = path.joined(separator: " ")
        var lines = title(help, commandPath: commandPath)

        lines += ["", "Usage:", "  \(commandPath) <command> [<arguments>]"]
        lines += ["", "Commands:"] + columns(group.subcommands.map { ($0.help.name, $0.help.abstract) })
        lines += ["", "Options:"] + columns([(helpFlag.helpLabel, helpFlag.help)])
        lines += trailer(help)
        lines += ["", "Run \"\(commandPath) <command> --help\" for the arguments of a command."]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private static func title(_ help: CommandHelp, commandPath: String) -> [String] {
        wrap("\(commandPath) - \(help.abstract)", indent: 0, hangingIndent: 2)
    }

    /// Returns the discussion, examples and exit statuses, each preceded by a blank line.
    private static func trailer(_ help: CommandHelp) -> [String] {
        var lines: [String] = []
        if let discussion = help.discussion {
            for paragraph in discussion.components(separatedBy: "\n\n") {
                lines += [""] + wrap(paragraph, indent: 0)
            }
        }
        if !help.examples.isEmpty {
            lines += ["", "Examples:"]
            for example in help.examples {
                lines += wrapCommandLine(example.commandLine, continuation: " \\")
                lines += wrap(example.explanation, indent: 6)
            }
        }
        if !help.exitStatuses.isEmpty {
            lines += ["", "Exit status:"] + columns(help.exitStatuses.map { (String($0.0.rawValue), $0.1) })
        }
        return lines
    }

    // MARK: - Layout

    /// Lays out the usage line, breaking between arguments (never inside one) to stay within ``width`` columns.
    static func usage(commandPath: String, parts: [String]) -> [String] {
        var lines: [String] = []
        var current = "  " + commandPath
        let continuationIndent = String(repeating: " ", count: 4)
        for part in parts {
            if current.count + 1 + part.count > width, current != continuationIndent {
                lines.append(current)
                current = continuationIndent + part
            } else {
                current += " " + part
            }
        }
        lines.append(current)
        return lines
    }

    /// Lays out label and description pairs in two columns, indented by two spaces.
    static func columns(_ rows: [(String, String)]) -> [String] {
        let labelWidth = min(rows.map(\.0.count).max() ?? 0, maximumLabelWidth)
        let descriptionIndent = 2 + labelWidth + 2
        var lines: [String] = []
        for (label, description) in rows {
            let wrapped = wrap(description, indent: descriptionIndent)
            if label.count > labelWidth {
                lines.append("  " + label)
                lines += wrapped
                continue
            }
            let padded = "  " + label + String(repeating: " ", count: labelWidth - label.count + 2)
            lines.append(padded + wrapped[0].dropFirst(descriptionIndent))
            lines += wrapped.dropFirst()
        }
        return lines
    }

    /// Wraps a command line indented by two spaces to ``width`` columns, continuing on lines indented by four.
    ///
    /// It breaks only between the units of ``commandLineUnits(_:)``, so an
    /// option stays with its value; `continuation` ends each broken line
    /// (` \\` keeps an example valid for a shell). A single unit wider than the
    /// line stays whole.
    static func wrapCommandLine(_ text: String, continuation: String) -> [String] {
        var lines: [String] = []
        var line = "  "
        for unit in commandLineUnits(text) {
            if line != "  ", line.count + 1 + unit.count + continuation.count > width {
                lines.append(line + continuation)
                line = "    " + unit
            } else {
                line += (line == "  " ? "" : " ") + unit
            }
        }
        lines.append(line)
        return lines
    }

    /// Splits a command line into the units a wrapped line may break between.
    ///
    /// Words are separated by whitespace outside quotes, `[...]` and `<...>`,
    /// and an option joins the value after it (`--tenant acme`). A shell
    /// continuation (a backslash before a line break) in `text` counts as
    /// whitespace, so an example written with one is wrapped like any other
    /// and never leaves a line holding only a backslash.
    static func commandLineUnits(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text.replacingOccurrences(of: "\\\n", with: " ") {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "[" || character == "<" {
                depth += 1
            } else if character == "]" || character == ">" {
                depth = max(0, depth - 1)
            } else if character.isWhitespace, depth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }

        var units: [String] = []
        for word in words {
            if let last = units.last, last.hasPrefix("-"), !last.contains(" "), !word.hasPrefix("-") {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
        }
        return units
    }

    /// Wraps `text` at word boundaries to ``width`` columns. The first line is indented by
    /// `indent` spaces and later lines by `hangingIndent` (by default the same).
    static func wrap(_ text: String, indent: Int, hangingIndent: Int? = nil) -> [String] {
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        var currentIsEmpty = true
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !currentIsEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: hangingIndent ?? indent)
                currentIsEmpty = true
            }
            current += (currentIsEmpty ? "" : " ") + word
            currentIsEmpty = false
        }
        lines.append(current)
        return lines
    }
}
