import LedgerportJSONSchema

/// Parses the arguments after a command's name against its ``ArgumentDefinition``s.
///
/// Accepted forms: `--flag`, `--option value`, `--option=value`, `-h`, and
/// positionals in declaration order. After `--`, every word is a positional,
/// even when it starts with a dash. Every mistake is a
/// ``CommandError/usage(_:hint:)`` naming the argument and the fix. The
/// parser does not handle `--help`; the runner checks for it before parsing.
struct ArgumentParser {
    let definitions: [ArgumentDefinition]
    /// The command as typed, such as `ledgerport spec validate`, for hints.
    let commandPath: String

    func parse(_ words: [String]) throws(CommandError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var positionalWords: [String] = []
        var index = 0
        var optionsEnded = false

        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                positionalWords.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else {
                let definition = try lookUp(word)
                try read(definition, word: word, words: words, index: &index, into: &parsed)
            }
        }
        try assignPositionals(positionalWords, into: &parsed)
        return parsed
    }

    // MARK: - Options and flags

    private func lookUp(_ word: String) throws(CommandError) -> ArgumentDefinition {
        let name = String(word.split(separator: "=", maxSplits: 1)[0])
        let match = definitions.first { definition in
            guard !definition.isPositional else { return false }
            return name == "--\(definition.name)" || (definition.shortName.map { name == "-\($0)" } ?? false)
        }
        guard let match else {
            let known = definitions.filter { !$0.isPositional }.map { "--\($0.name)" } + ["--help"]
            let suggestion = MessageText.didYouMean(name, among: known)
            throw .usage("unknown option \"\(name)\"", hint: "\(suggestion)run \"\(commandPath) --help\" for the options")
        }
        return match
    }

    private func read(
        _ definition: ArgumentDefinition, word: String, words: [String], index: inout Int, into parsed: inout ParsedArguments
    ) throws(CommandError) {
        let inlineValue = word.contains("=") ? String(word.split(separator: "=", maxSplits: 1)[1]) : nil
        switch definition.kind {
        case .flag:
            guard inlineValue == nil else {
                throw .usage("flag \"--\(definition.name)\" takes no value", hint: "write \"--\(definition.name)\" alone")
            }
            parsed.setFlag(definition.name)
        case .option(let valueName):
            guard parsed.option(definition.name) == nil else {
                throw .usage("option \"--\(definition.name)\" is given twice", hint: "give it once")
            }
            if let inlineValue {
                parsed.setOption(definition.name, inlineValue)
                return
            }
            guard index < words.count, !words[index].hasPrefix("--") else {
                throw .usage("option \"--\(definition.name)\" needs a value", hint: "write \"--\(definition.name) <\(valueName)>\"")
            }
            parsed.setOption(definition.name, words[index])
            index += 1
        case .positional:
            preconditionFailure("lookUp never returns a positional definition")
        }
    }

    // MARK: - Positionals

    private func assignPositionals(_ words: [String], into parsed: inout ParsedArguments) throws(CommandError) {
        var remaining = words[...]
        for definition in definitions {
            guard case .positional(let isRequired, let isRepeating) = definition.kind else {
                continue
            }
            if remaining.isEmpty {
                guard !isRequired else {
                    throw .usage("missing argument <\(definition.name)>", hint: "usage: \(commandPath) \(usageArguments)")
                }
                continue
            }
            let taken = isRepeating ? remaining : remaining.prefix(1)
            for word in taken {
                parsed.appendPositional(definition.name, word)
            }
            remaining = remaining.dropFirst(taken.count)
        }
        if let extra = remaining.first {
            let expected = definitions.contains(where: \.isPositional) ? "usage: \(commandPath) \(usageArguments)" : "\"\(commandPath)\" takes no arguments"
            throw .usage("unexpected argument \"\(extra)\"", hint: expected)
        }
    }

    /// The arguments part of the usage line, such as `[--json] <path>...`.
    var usageArguments: String {
        usageParts.joined(separator: " ")
    }

    /// The usage line's arguments one by one, such as `["[--json]", "<path>..."]`, so help can wrap between them.
    var usageParts: [String] {
        definitions.map { definition -> String in
            switch definition.kind {
            case .flag:
                return "[\(definition.usageText)]"
            case .option:
                return definition.isRequiredOption ? definition.usageText : "[\(definition.usageText)]"
            case .positional(let isRequired, _):
                return isRequired ? definition.usageText : "[\(definition.usageText)]"
            }
        }
    }
}
